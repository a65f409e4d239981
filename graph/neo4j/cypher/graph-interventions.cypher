// name: graph-interventions
// description: Twin of sparql/graph-interventions.rq.
MATCH (iv:Intervention)-[:ABOUT]->(c), (iv)-[:INTERVENTION_TYPE]->(t)
WHERE t.notation IS NOT NULL AND iv.epistemic IS NOT NULL
OPTIONAL MATCH (iv)-[:MATCHES_MECHANISM]->(el)
RETURN iv.iri AS iv, c.iri AS case, t.notation AS type, iv.label_nl AS nl, iv.label_en AS en,
       iv.epistemic AS epistemic, iv.useStatus AS status, el.iri AS element
