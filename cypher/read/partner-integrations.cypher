// partner-integrations(p): Partner.integrations, the partners p integrates with (either direction) ordered by id; binds o. As partners/get-partner-integrations.
MATCH (p)-[:INTEGRATES_WITH]-(o:Partner)
WITH DISTINCT p, o ORDER BY o.id
