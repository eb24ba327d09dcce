// purpose: The sentences behind every relation of $name (either end), one row each: source, target, relation, document, date, file, offsets, sentence.
// params: $name (a name or any alias); $type = null (a relation type, e.g. LEADS; null for all); $as_of = null (an ISO date: only documents dated up to it)
// expand: evidence
MATCH (x)
WHERE $name IN x.names
MATCH (x)-[r]-(y)
WHERE ($type IS NULL OR type(r) = $type)
  AND ($as_of IS NULL OR any(d IN coalesce(r.dates, []) WHERE d <= $as_of))
RETURN startNode(r).name AS source, endNode(r).name AS target, type(r) AS relation, r.evidence AS evidence
ORDER BY relation, source, target
