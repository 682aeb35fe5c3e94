// Returns {access}: get-overlap-access as of the instant $asOf (the grants that held then; README, "Time"). Params: $partnerId, $otherPartnerId, $asOf.
RETURN {{scope/overlap-access-at($partnerId, $otherPartnerId, $asOf)}} AS access
