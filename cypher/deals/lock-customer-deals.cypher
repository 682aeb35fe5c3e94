// Takes the write lock on a customer so deal registrations for it run one at a time (held until the transaction ends; no property is left behind); returns {id} (no row when there is no such customer). Params: $customerId.
MATCH (c:Customer {id: $customerId})
SET c._registrationLock = true
REMOVE c._registrationLock
RETURN c.id AS id
