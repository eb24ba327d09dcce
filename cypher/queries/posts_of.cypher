// purpose: Posts of person $name: the organisations they lead, with role and as_of.
// params: $name (a person's name or any alias)
MATCH (person:Person)
WHERE $name IN person.names
MATCH (person)-[r:LEADS]->(org:Organization)
RETURN org.name AS organization, r.role AS role, r.as_of AS as_of, r.files AS files
ORDER BY organization, role
