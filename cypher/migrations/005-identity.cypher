// Migration: identity (issue 13). An external id is an (:ExternalId {kind, system, value}) node linked from its entity by HAS_EXTERNAL_ID; the composite uniqueness constraint (Community edition enforces it) makes a (system, id) pair belong to at most one node per kind. Customer domains are unique; normalizedName is indexed for customerDuplicates and the rules of engagement. No parameters.
CREATE CONSTRAINT external_id_key IF NOT EXISTS FOR (n:ExternalId) REQUIRE (n.kind, n.system, n.value) IS UNIQUE;
CREATE CONSTRAINT customer_domain IF NOT EXISTS FOR (n:Customer) REQUIRE n.domain IS UNIQUE;
CREATE INDEX customer_normalized_name IF NOT EXISTS FOR (n:Customer) ON (n.normalizedName);
CREATE TEXT INDEX customer_domain_text IF NOT EXISTS FOR (n:Customer) ON (n.domain);
