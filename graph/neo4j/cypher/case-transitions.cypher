// name: case-transitions
// description: Twin of sparql/case-transitions.rq.
MATCH (t:CareerTransition)-[:ABOUT]->(c)
WHERE $case IS NULL OR c.iri = $case
OPTIONAL MATCH (t)-[:TRANSITION_TYPE]->(k) WHERE k.notation IS NOT NULL
OPTIONAL MATCH (t)-[:PERSON]->(p) WHERE p.personName IS NOT NULL
RETURN c.iri AS case, $lang AS lang, t.iri AS transition, t['fromRole_' + $lang] AS fromRole,
       t['toRole_' + $lang] AS toRole, k.notation AS kind, toString(t.year) AS year, p.personName AS name,
       p.age AS age, t.epistemic AS epistemic
