// name: graph-outcomes
// description: Twin of sparql/graph-outcomes.rq.
MATCH (o:Outcome)-[:ABOUT]->(c), (o)-[:OUTCOME_TYPE]->(t)
WHERE t.notation IS NOT NULL AND o.direction IS NOT NULL AND o.epistemic IS NOT NULL
OPTIONAL MATCH (o)-[:PRODUCED_BY]->(iv)
RETURN o.iri AS o, c.iri AS case, t.notation AS type, o.direction AS direction, o.epistemic AS epistemic,
       o.description_nl AS nl, o.description_en AS en, iv.iri AS iv
