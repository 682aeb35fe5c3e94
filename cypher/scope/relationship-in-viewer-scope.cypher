// relationship-in-viewer-scope(r, scope): whether the viewer may see relationship r, given its scope from
// viewer-scope: both ends visible (in-viewer-scope) and, for an account, the account in the scope. True for the
// vendor's users. An ended account (HAD_ACCOUNT, for the as-of reads) is an account too.
($viewerPartnerId IS NULL OR ({{scope/in-viewer-scope(startNode(r), scope)}} AND {{scope/in-viewer-scope(endNode(r), scope)}} AND (NOT type(r) IN ['HAS_ACCOUNT', 'HAD_ACCOUNT'] OR r IN scope.accounts)))
