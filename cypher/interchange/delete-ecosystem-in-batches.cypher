// Returns {deleted}: removes every Partner, Capability, Customer, Solution, Deal, DealEvent and ExternalId with their relationships, committing every 10,000 nodes (auto-commit only: runAutoCommit). No parameters.
MATCH (n)
WHERE n:Partner OR n:Capability OR n:Customer OR n:Solution OR n:Deal OR n:DealEvent OR n:ExternalId
CALL (n) {
  DETACH DELETE n
} IN TRANSACTIONS OF 10000 ROWS
RETURN count(*) AS deleted
