// Returns {access}: what the viewer may see of the overlap between $partnerId and $otherPartnerId: 'CUSTOMERS' for the vendor's users,
// a partner compared with itself, or a grant of OVERLAPS or FULL from the other side to the viewer; 'COUNTS' for a COUNTS grant; null otherwise
// (the viewer is neither side, or has no grant). Params: $partnerId, $otherPartnerId.
RETURN {{scope/overlap-access($partnerId, $otherPartnerId)}} AS access
