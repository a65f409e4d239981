// name: mechanisms
// description: Twin of sparql/mechanisms.rq.
MATCH (el:Mechanism)-[:GROUP]->(g)
OPTIONAL MATCH (el)-[:INTERVENTION_TYPE]->(t)
OPTIONAL MATCH (el)-[:FACTOR]->(f)
RETURN $lang AS lang, substring(el.id, size('werkzaam-element/')) AS element, g.notation AS group, el.works AS works,
       el['label_' + $lang] AS label, t.notation AS type, f.notation AS factor
