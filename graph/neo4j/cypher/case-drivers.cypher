// name: case-drivers
// description: Twin of sparql/case-drivers.rq.
MATCH (d:Driver)-[:ABOUT]->(c), (d)-[:DRIVER_TYPE]->(t)
WHERE ($case IS NULL OR c.iri = $case) AND t.notation IS NOT NULL
RETURN c.iri AS case, $lang AS lang, d.iri AS driver, t.notation AS type,
       d['description_' + $lang] AS description, d.epistemic AS epistemic
