// relationship-in-viewer-scope(r, scope): whether the viewer may see relationship r, given its scope from
// viewer-scope: both ends visible (in-viewer-scope) and, for an account, the account in the scope. True for the
// vendor's users.
($viewerPartnerId IS NULL OR ({{scope/in-viewer-scope(startNode(r), scope)}} AND {{scope/in-viewer-scope(endNode(r), scope)}} AND (type(r) <> 'HAS_ACCOUNT' OR r IN scope.accounts)))
