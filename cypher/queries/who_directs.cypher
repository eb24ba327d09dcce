// purpose: Bodies that supervise $name, directly (depth 1) and up the chain (depth 2..5), with the chain of names.
// params: $name (an organisation's name or any alias); $as_of = null (an ISO date: only links stated in documents dated up to it)
MATCH (x:Organization)
WHERE $name IN x.names
MATCH p = (b:Organization)-[:SUPERVISES*1..5]->(x)
WHERE $as_of IS NULL OR all(r IN relationships(p) WHERE any(d IN coalesce(r.dates, []) WHERE d <= $as_of))
RETURN b.name AS body, length(p) AS depth, [n IN nodes(p) | n.name] AS chain
ORDER BY depth, body
