// name: research-verdicts
// description: Twin of sparql/research-verdicts.rq.
MATCH (el:Mechanism)-[:INTERVENTION_TYPE]->(t), (el)-[:GROUP]->(grp)
WHERE ($type IS NULL OR t.iri = $type) AND el.works IS NOT NULL
  AND grp.iri = $sdgroup  // if $sdgroup
RETURN t.iri AS type, $lang AS lang, $sdgroup AS sdgroup, el.iri AS el, grp.iri AS grp, el.works AS works,
       el['label_' + $lang] AS label
ORDER BY el
