// grant-visible(p, o): whether the viewer may see a sharing grant between partners p and o (either direction): the
// vendor's users see every grant, a PARTNER only grants it is one end of (README, "Roles and grants").
($viewerPartnerId IS NULL OR $viewerPartnerId IN [p.id, o.id])
