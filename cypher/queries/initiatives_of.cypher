// purpose: Initiatives body $name is asked to carry out.
// params: $name (an organisation's name or any alias); $as_of = null (an ISO date: only documents dated up to it)
// Two readings, told apart by the basis column:
//   'required together': a document REQUIRES the body and an Initiative in the
//     same sentence ("市科协要深入实施……行动"), so the sentence assigns it the work;
//   'issued by the body': the body ISSUED a document that REQUIRES the initiative
//     (its own work plan).
// A document that merely names both in different sentences does not count.
MATCH (x:Organization)
WHERE $name IN x.names
MATCH (doc:Document)-[rb:REQUIRES]->(x)
MATCH (doc)-[ri:REQUIRES]->(i:Initiative)
WHERE any(s IN ri.sentences WHERE s IN rb.sentences)
  AND ($as_of IS NULL OR coalesce(doc.date, head(coalesce(ri.dates, []))) <= $as_of)
RETURN i.name AS initiative, doc.name AS document, 'required together' AS basis
UNION
MATCH (x:Organization)
WHERE $name IN x.names
MATCH (x)-[:ISSUED]->(doc:Document)-[ri:REQUIRES]->(i:Initiative)
WHERE $as_of IS NULL OR coalesce(doc.date, head(coalesce(ri.dates, []))) <= $as_of
RETURN i.name AS initiative, doc.name AS document, 'issued by the body' AS basis
