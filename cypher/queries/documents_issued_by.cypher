// purpose: Documents that $name issued (印发), with number, date and the files that say so.
// params: $name (an organisation's name or any alias)
MATCH (x:Organization)
WHERE $name IN x.names
MATCH (x)-[r:ISSUED]->(doc:Document)
RETURN doc.name AS document, doc.number AS number, doc.date AS date, r.files AS files
ORDER BY document
