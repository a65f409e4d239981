// name: graph-concepts
// description: Twin of sparql/graph-concepts.rq.
MATCH (c:Concept)-[:IN_SCHEME]->(s)
WITH c, CASE WHEN s.iri CONTAINS '/scheme/' THEN split(s.iri, '/scheme/')[1] ELSE '' END AS scheme
WHERE c.notation IS NOT NULL AND scheme IN ['factoren', 'uitkomsten', 'doelgroepen', 'interventietypen']
RETURN scheme, c.notation AS notation, c.prefLabel_nl AS nl, c.prefLabel_en AS en
