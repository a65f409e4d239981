// name: case-outcomes
// description: Twin of sparql/case-outcomes.rq: one row per configuration and producing intervention.
MATCH (o:Outcome)-[:ABOUT]->(c), (o)-[:OUTCOME_TYPE]->(t)
WHERE ($case IS NULL OR c.iri = $case) AND t.notation IS NOT NULL AND o.direction IS NOT NULL
OPTIONAL MATCH (conf)-[:OUTCOME]->(o) WHERE conf.favourability IS NOT NULL
OPTIONAL MATCH (o)-[:PRODUCED_BY]->(p) WHERE p['label_' + $lang] IS NOT NULL
RETURN c.iri AS case, $lang AS lang, o.iri AS outcome, t.notation AS type, o.direction AS direction,
       conf.favourability AS favourability, o.figure AS figure, o['description_' + $lang] AS description,
       o.epistemic AS epistemic, p['label_' + $lang] AS producedBy
