// enrolment-visible(e): whether the viewer may see enrolment e of a program: the vendor's users every one, a PARTNER
// only its own (README, "Programs and tiers"; programs themselves are public).
($viewerPartnerId IS NULL OR e.partnerId = $viewerPartnerId)
