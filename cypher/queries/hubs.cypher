// purpose: The most connected organisations: relationships of any type in either direction.
// params: $limit = 10 (how many); $as_of = null (an ISO date: only relations stated in documents dated up to it)
MATCH (org:Organization)-[r]-()
WHERE $as_of IS NULL OR any(d IN coalesce(r.dates, []) WHERE d <= $as_of)
RETURN org.name AS organization, count(r) AS degree, org.collective AS collective
ORDER BY degree DESC, organization
LIMIT $limit
