// Hands back every webhook lease $owner holds (its worker is stopping). Params: $owner.
MATCH (w:Webhook {leaseOwner: $owner})
SET w.leaseOwner = null, w.leaseUntil = null
RETURN count(w) AS released
