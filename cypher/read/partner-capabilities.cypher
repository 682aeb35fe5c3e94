// partner-capabilities(p): Partner.capabilities, p's current capabilities ordered by capability id; binds h (the HAS_CAPABILITY relationship) and c (the capability). As partners/get-partner-capabilities.
MATCH (p)-[h:HAS_CAPABILITY]->(c:Capability)
WITH p, h, c ORDER BY c.id
