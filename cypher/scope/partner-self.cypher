// partner-self(p): whether the viewer may ask for partner p's own figures (revenue, matches, impact): the vendor's
// users for any partner, a PARTNER only for itself (README, "Roles and grants", Analytics).
($viewerPartnerId IS NULL OR p.id = $viewerPartnerId)
