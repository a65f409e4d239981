// name: interventions
// description: Twin of sparql/interventions.rq.
MATCH (iv:Intervention)-[:ABOUT]->(c)
MATCH (iv)-[:INTERVENTION_TYPE]->(t)
OPTIONAL MATCH (iv)-[:TARGET_GROUP]->(g1)
OPTIONAL MATCH (c)-[:TARGET_GROUP]->(g2)
OPTIONAL MATCH (iv)-[:MATCHES_MECHANISM]->(el)
WITH iv, c, t, collect(DISTINCT g1.notation) + collect(DISTINCT g2.notation) AS gs, collect(DISTINCT el.id) AS els
UNWIND CASE WHEN size(gs) = 0 THEN [null] ELSE gs END AS grp
UNWIND CASE WHEN size(els) = 0 THEN [null] ELSE els END AS el
RETURN DISTINCT $lang AS lang, iv.iri AS iv, c.iri AS case, t.notation AS type, iv['label_' + $lang] AS label,
       iv.epistemic AS epistemic, grp AS group,
       CASE WHEN el IS NULL THEN null ELSE substring(el, size('werkzaam-element/')) END AS element
