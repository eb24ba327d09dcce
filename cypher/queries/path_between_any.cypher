// purpose: How $a and $b are connected through any relations: the shortest path between them (up to 6 steps), ignoring direction.
// params: $a (a name or alias); $b (a name or alias)
// Each step reads "from -TYPE-> to" in the relationship's own direction.
// (On FalkorDB, store/dialect.py runs the shortestPath as algo.SPpaths.)
MATCH (a)
WHERE $a IN a.names
MATCH (b)
WHERE $b IN b.names AND a.id <> b.id
MATCH p = shortestPath((a)-[*..6]-(b))
RETURN [n IN nodes(p) | n.name] AS nodes,
       [r IN relationships(p) | type(r)] AS relations,
       [r IN relationships(p) | startNode(r).name + ' -' + type(r) + '-> ' + endNode(r).name] AS steps,
       length(p) AS hops
ORDER BY hops
