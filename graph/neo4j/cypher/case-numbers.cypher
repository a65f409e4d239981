// name: case-numbers
// description: Twin of sparql/case-numbers.rq (ww:value is an xsd:decimal, a string in the property graph).
MATCH (n:KeyNumber)-[:ABOUT]->(c)
WHERE ($case IS NULL OR c.iri = $case) AND n.value IS NOT NULL
RETURN c.iri AS case, $lang AS lang, n.iri AS number, n['label_' + $lang] AS label, toFloat(n.value) AS value,
       n.unit AS unit, toString(n.year) AS year, n.epistemic AS epistemic
