// Returns {deleted}: removes every Partner, Capability, Customer, Solution, Deal and DealEvent with their relationships (not :Migration). No parameters.
MATCH (n)
WHERE n:Partner OR n:Capability OR n:Customer OR n:Solution OR n:Deal OR n:DealEvent
DETACH DELETE n
RETURN count(*) AS deleted
