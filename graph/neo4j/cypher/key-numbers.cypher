// name: key-numbers
// description: Twin of sparql/key-numbers.rq (ww:value is an xsd:decimal, a string in the property graph).
MATCH (n:KeyNumber)-[:ABOUT]->(a)
WHERE ($about IS NULL OR a.iri = $about) AND n.value IS NOT NULL AND n.unit IS NOT NULL
OPTIONAL MATCH (n)-[:ANCHOR]->(an) WHERE an.anchorText IS NOT NULL
WITH n, a, an ORDER BY an.anchorText
WITH n, a, collect(DISTINCT an.anchorText) AS ans
RETURN n.iri AS k, $lang AS lang, a.iri AS about, n['label_' + $lang] AS label, toFloat(n.value) AS value,
       n.unit AS unit, toString(n.year) AS year,
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(s = head(ans), x IN tail(ans) | s + ' ' + x) END AS anchors
ORDER BY about, k
