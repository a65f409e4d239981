// name: graph-cases
// description: Twin of sparql/graph-cases.rq.
MATCH (c:Case)
WHERE c.caseNumber IS NOT NULL AND c.subject IS NOT NULL
OPTIONAL MATCH (c)-[:MUNICIPALITY]->(m) WHERE m.label IS NOT NULL
RETURN c.iri AS case, c.caseNumber AS number, c.subject AS subject, c.alternative_nl AS title,
       m.iri AS municipality, m.label AS mlabel
