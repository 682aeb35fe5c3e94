// Returns {node} per deal in $ids the viewer may see and that has a frozen attribution: {id, currency, amountMinor, model, policyVersion, at, partnerIds, minors, revised, dispute {status, reason, raisedBy, raisedAt, note, resolvedBy, resolvedAt} or null}. Params: $ids.
UNWIND $ids AS id
MATCH (d:Deal {id: id})
WHERE d.attributionModel IS NOT NULL AND {{scope/deal-visible(d)}}
RETURN {id: d.id, currency: d.currency, amountMinor: d.amountMinor, model: d.attributionModel, policyVersion: d.attributionPolicyVersion,
        at: d.attributionAt, partnerIds: d.attributionPartnerIds, minors: d.attributionMinors, revised: coalesce(d.attributionRevised, false),
        dispute: CASE WHEN d.disputeStatus IS NULL THEN null ELSE {status: d.disputeStatus, reason: d.disputeReason, raisedBy: d.disputeRaisedBy,
          raisedAt: d.disputeRaisedAt, note: d.disputeNote, resolvedBy: d.disputeResolvedBy, resolvedAt: d.disputeResolvedAt} END} AS node
