// webhook-owned(w): whether the viewer may see and manage webhook w: the vendor's users every webhook, a PARTNER those it owns (README, "Webhooks").
($viewerPartnerId IS NULL OR w.ownerPartnerId = $viewerPartnerId)
