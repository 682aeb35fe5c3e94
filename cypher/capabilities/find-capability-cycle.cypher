// Returns {cycle}: true when making $parentId the parent of $id would close a cycle ($parentId is $id or one of its descendants). Params: $id, $parentId.
RETURN EXISTS { (:Capability {id: $parentId})-[:CHILD_OF*0..]->(:Capability {id: $id}) } AS cycle
