// purpose: Bodies under $name (those it supervises), down to $depth levels (at most 5).
// params: $name (an organisation's name or any alias); $depth = 3 (levels, 1..5); $as_of = null (an ISO date: only links stated in documents dated up to it)
// The bound of a variable-length path cannot be a parameter on FalkorDB, so the
// pattern goes to 5 levels and length(p) <= $depth cuts it.
MATCH (x:Organization)
WHERE $name IN x.names
MATCH p = (x)-[:SUPERVISES*1..5]->(b:Organization)
WHERE length(p) <= $depth
  AND ($as_of IS NULL OR all(r IN relationships(p) WHERE any(d IN coalesce(r.dates, []) WHERE d <= $as_of)))
RETURN b.name AS body, min(length(p)) AS depth, b.collective AS collective
ORDER BY depth, body
