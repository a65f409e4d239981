// name: case-interventions
// description: Twin of sparql/case-interventions.rq: one row per type.
MATCH (iv:Intervention)-[:ABOUT]->(c)
WHERE $case IS NULL OR c.iri = $case
OPTIONAL MATCH (iv)-[:INTERVENTION_TYPE]->(t) WHERE t.notation IS NOT NULL
RETURN c.iri AS case, $lang AS lang, iv.iri AS intervention, iv['label_' + $lang] AS label,
       iv['description_' + $lang] AS description, iv.useStatus AS status, toString(iv.year) AS year,
       iv.epistemic AS epistemic, t.notation AS type
