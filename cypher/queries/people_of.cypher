// purpose: People who lead $name, with their role and the date the text gives (as_of).
// params: $name (an organisation's name or any alias)
MATCH (x:Organization)
WHERE $name IN x.names
MATCH (p:Person)-[r:LEADS]->(x)
RETURN p.name AS person, r.role AS role, r.as_of AS as_of, x.name AS organization
ORDER BY person, role
