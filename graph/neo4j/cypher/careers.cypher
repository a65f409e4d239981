// name: careers
// description: Twin of sparql/careers.rq; anchors joined by spaces, sorted.
MATCH (t:CareerTransition)-[:ABOUT]->(k), (t)-[:PERSON]->(p), (t)-[:TRANSITION_TYPE]->(ty)
WHERE k.caseNumber IS NOT NULL
  AND ($kind IS NULL OR EXISTS { (t)-[:TRANSITION_TYPE]->(:Resource {iri: $kind}) })
OPTIONAL MATCH (t)-[:ANCHOR]->(an) WHERE an.anchorText IS NOT NULL
WITH t, k, p, ty, an ORDER BY an.anchorText
WITH t, k, p, ty, collect(DISTINCT an.anchorText) AS ans
RETURN t.iri AS t, $lang AS lang, k.iri AS case, k.caseNumber AS number, p.label AS person,
       t['fromRole_' + $lang] AS `from`, t['toRole_' + $lang] AS `to`, ty.iri AS type, toString(t.year) AS year,
       p.age AS age,
       $kind AS kind,  // if $kind
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(s = head(ans), x IN tail(ans) | s + ' ' + x) END AS anchors
ORDER BY number, t
