// purpose: Bodies that supervise $name, directly (depth 1) and up the chain (depth 2..5), with the chain of names.
// params: $name (an organisation's name or any alias)
MATCH (x:Organization)
WHERE $name IN x.names
MATCH p = (b:Organization)-[:SUPERVISES*1..5]->(x)
RETURN b.name AS body, length(p) AS depth, [n IN nodes(p) | n.name] AS chain
ORDER BY depth, body
