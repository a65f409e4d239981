// name: graph-elements
// description: Twin of sparql/graph-elements.rq.
MATCH (el:Mechanism)-[:GROUP]->(g)
WHERE g.notation IS NOT NULL AND el.works IS NOT NULL
OPTIONAL MATCH (el)-[:INTERVENTION_TYPE]->(t) WHERE t.notation IS NOT NULL
OPTIONAL MATCH (el)-[:FACTOR]->(f) WHERE f.notation IS NOT NULL
RETURN el.iri AS el, g.notation AS group, el.works AS works, el.label_nl AS nl, el.label_en AS en,
       t.notation AS type, f.notation AS factor
