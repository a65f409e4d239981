// name: practices
// description: Twin of sparql/practices.rq.
MATCH (prog)-[:PRACTICE]->(p)-[:THEME]->(th)
OPTIONAL MATCH (p)-[:MUNICIPALITY]->(m)
OPTIONAL MATCH (p)-[:INTERVENTION_TYPE]->(t)
OPTIONAL MATCH (prog)-[:TARGET_GROUP]->(g)
RETURN $lang AS lang, p.iri AS p, prog.iri AS programme, p['label_' + $lang] AS label, th.notation AS theme,
       m.label AS municipality, t.notation AS type, g.notation AS group
