// name: concepts
// description: Twin of sparql/concepts.rq.
MATCH (c:Concept)-[:IN_SCHEME]->(s)
WITH c, substring(s.id, size('scheme/')) AS scheme,
     [x IN [c.prefLabel_nl, c.prefLabel_en] WHERE x IS NOT NULL] +
     CASE WHEN c.altLabel IS NULL THEN [] WHEN valueType(c.altLabel) STARTS WITH 'LIST' THEN c.altLabel ELSE [c.altLabel] END AS labels
OPTIONAL MATCH (c)-[:BROADER]->(b)
UNWIND labels AS label
RETURN c.iri AS concept, c.notation AS notation, scheme, label, b.notation AS broader
