// in-viewer-scope(n, scope): whether the viewer may see node n, given its scope from viewer-scope: partners and
// capabilities are public; customers, deals and solutions only when in the scope. True for the vendor's users.
($viewerPartnerId IS NULL OR NOT (n:Customer OR n:Deal OR n:Solution) OR n IN scope.customers OR n IN scope.deals OR n IN scope.solutions)
