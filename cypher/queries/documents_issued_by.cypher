// purpose: Documents that $name issued (印发), with number, date and the files that say so.
// params: $name (an organisation's name or any alias); $as_of = null (an ISO date: only documents dated up to it)
MATCH (x:Organization)
WHERE $name IN x.names
MATCH (x)-[r:ISSUED]->(doc:Document)
WITH doc, r, coalesce(doc.date, head(coalesce(r.dates, []))) AS date
WHERE $as_of IS NULL OR date <= $as_of
RETURN doc.name AS document, doc.number AS number, date, r.files AS files
ORDER BY date, document
