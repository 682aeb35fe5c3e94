// Returns {id, kind} for each id in $ids that names an entity (kind: Partner, Capability, Customer, Solution, Deal or Program), by each kind's id index; missing ids give no row. Not scoped: callers load the entity through its scoped loader (node, nodes) or only learn that the id is taken (creates). Params: $ids.
UNWIND $ids AS id
CALL (id) {
  MATCH (n:Partner {id: id}) RETURN 'Partner' AS kind
  UNION MATCH (n:Capability {id: id}) RETURN 'Capability' AS kind
  UNION MATCH (n:Customer {id: id}) RETURN 'Customer' AS kind
  UNION MATCH (n:Solution {id: id}) RETURN 'Solution' AS kind
  UNION MATCH (n:Deal {id: id}) RETURN 'Deal' AS kind
  UNION MATCH (n:Program {id: id}) RETURN 'Program' AS kind
}
RETURN id, kind
