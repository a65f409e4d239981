// name: outcomes
// description: Twin of sparql/outcomes.rq.
MATCH (o:Outcome)-[:ABOUT]->(c)
MATCH (o)-[:OUTCOME_TYPE]->(t)
OPTIONAL MATCH (o)-[:PRODUCED_BY]->(iv)
RETURN $lang AS lang, o.iri AS o, c.iri AS case, t.notation AS type, o.direction AS direction, o.figure AS figure,
       iv.iri AS iv, o['description_' + $lang] AS desc, o.epistemic AS epistemic
