// purpose: The most connected organisations: relationships of any type in either direction.
// params: $limit = 10 (how many)
MATCH (org:Organization)-[r]-()
RETURN org.name AS organization, count(r) AS degree, org.collective AS collective
ORDER BY degree DESC, organization
LIMIT $limit
