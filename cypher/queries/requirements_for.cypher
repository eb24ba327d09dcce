// purpose: What documents require of $name (an organisation or an initiative): one row per task sentence, with document, date, file and offsets.
// params: $name (a name or any alias); $document = null (a document's name or alias: only what it requires); $as_of = null (an ISO date: only documents dated up to it)
// expand: evidence
// skip rules: header:, footer:
// A body named only on a document's addressee or copies line gets no row: that
// line says who receives the document, not what it must do.
MATCH (x)
WHERE (x:Organization OR x:Initiative) AND $name IN x.names
MATCH (doc:Document)-[r:REQUIRES]->(x)
WHERE $document IS NULL OR $document IN doc.names
WITH doc, r, x, coalesce(doc.date, head(coalesce(r.dates, []))) AS date
WHERE $as_of IS NULL OR date <= $as_of
RETURN doc.name AS document, date, x.name AS subject, r.evidence AS evidence
ORDER BY date, document
