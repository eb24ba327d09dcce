// purpose: Documents that require something of $name (an organisation or an initiative), one row per sentence that says so.
// params: $name (a name or any alias)
MATCH (x)
WHERE (x:Organization OR x:Initiative) AND $name IN x.names
MATCH (doc:Document)-[r:REQUIRES]->(x)
UNWIND r.sentences AS sentence
RETURN doc.name AS document, x.name AS subject, sentence
ORDER BY document, sentence
