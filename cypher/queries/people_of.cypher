// purpose: People who lead $name, with their role, the date the text gives (as_of) and the earliest document that says so (documented).
// params: $name (an organisation's name or any alias); $as_of = null (an ISO date: only posts known by then)
// A post counts as known by $as_of when the text's as_of or its earliest document is not later.
// The texts give no end dates: a post known by then may also have ended by then.
MATCH (x:Organization)
WHERE $name IN x.names
MATCH (p:Person)-[r:LEADS]->(x)
WITH p, r, x, reduce(first = null, d IN coalesce(r.dates, []) |
                     CASE WHEN first IS NULL OR d < first THEN d ELSE first END) AS documented
WHERE $as_of IS NULL OR (r.as_of IS NOT NULL AND r.as_of <= $as_of) OR documented <= $as_of
RETURN p.name AS person, r.role AS role, r.as_of AS as_of, documented, x.name AS organization
ORDER BY person, role
