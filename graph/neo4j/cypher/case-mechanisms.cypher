// name: case-mechanisms
// description: Twin of sparql/case-mechanisms.rq.
MATCH (iv:Intervention)-[:ABOUT]->(c), (iv)-[:MATCHES_MECHANISM]->(el)-[:GROUP]->(g)
WHERE ($case IS NULL OR c.iri = $case) AND el.works IS NOT NULL AND g.notation IS NOT NULL
RETURN c.iri AS case, $lang AS lang,
       CASE WHEN iv.iri CONTAINS '/interventie/' THEN split(iv.iri, '/interventie/')[1] ELSE '' END AS intervention,
       CASE WHEN el.iri CONTAINS '/werkzaam-element/' THEN split(el.iri, '/werkzaam-element/')[1] ELSE '' END AS element,
       g.notation AS group, el.works AS works, el['label_' + $lang] AS label
