// name: research-verdicts
// description: Twin of sparql/research-verdicts.rq, as Oxigraph answers it: a substituted ?sdgroup is not
// BOUND() inside FILTER, so FILTER(!BOUND(?sdgroup) || ?grp = ?sdgroup) keeps every group and so does this
// twin; when the SPARQL file filters (a line "# if ?sdgroup"), add "AND grp.iri = $sdgroup  // if $sdgroup".
MATCH (el:Mechanism)-[:INTERVENTION_TYPE]->(t), (el)-[:GROUP]->(grp)
WHERE ($type IS NULL OR t.iri = $type) AND el.works IS NOT NULL
RETURN t.iri AS type, $lang AS lang, $sdgroup AS sdgroup, el.iri AS el, grp.iri AS grp, el.works AS works,
       el['label_' + $lang] AS label
ORDER BY el
