// name: concept-labels
// description: Twin of sparql/concept-labels.rq.
MATCH (c:Concept)-[:IN_SCHEME]->(s)
UNWIND [['nl', c.prefLabel_nl], ['en', c.prefLabel_en]] AS pair
WITH c, s, pair WHERE pair[1] IS NOT NULL
RETURN c.notation AS notation, substring(s.id, size('scheme/')) AS scheme, pair[1] AS label, pair[0] AS lang
