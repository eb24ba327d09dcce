// purpose: Posts of person $name: the organisations they lead, with role, as_of, the earliest document that says so, and its files.
// params: $name (a person's name or any alias); $as_of = null (an ISO date: only posts known by then)
MATCH (person:Person)
WHERE $name IN person.names
MATCH (person)-[r:LEADS]->(org:Organization)
WITH org, r, reduce(first = null, d IN coalesce(r.dates, []) |
                    CASE WHEN first IS NULL OR d < first THEN d ELSE first END) AS documented
WHERE $as_of IS NULL OR (r.as_of IS NOT NULL AND r.as_of <= $as_of) OR documented <= $as_of
RETURN org.name AS organization, r.role AS role, r.as_of AS as_of, documented, r.files AS files
ORDER BY organization, role
