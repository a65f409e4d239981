// name: outcome-table
// description: Twin of sparql/outcome-table.rq: which intervention types go with which outcomes.
MATCH (c:Configuration)-[:INTERVENTION_TYPE]->(t), (c)-[:OUTCOME_TYPE]->(ot), (c)-[:IN_CASE]->(k)
WHERE c.favourability IS NOT NULL AND c.directLink IS NOT NULL
  AND ($outcome IS NULL OR EXISTS { (ot)-[:BROADER*0..]->(:Resource {iri: $outcome}) })
WITH ot, t, c, k ORDER BY k.iri
WITH ot, t,
     count(DISTINCT CASE WHEN c.directLink AND c.favourability = 'favourable' THEN k END) AS favourable,
     count(DISTINCT CASE WHEN c.favourability = 'unfavourable' THEN k END) AS unfavourable,
     count(DISTINCT CASE WHEN c.favourability = 'unclear' THEN k END) AS unclear,
     count(DISTINCT CASE WHEN NOT c.directLink AND c.favourability = 'favourable' THEN k END) AS casewide,
     collect(DISTINCT k.iri) AS ks
RETURN ot.iri AS otype, t.iri AS type,
       $outcome AS outcome,  // if $outcome
       favourable, unfavourable, unclear, casewide,
       CASE WHEN size(ks) = 0 THEN null ELSE reduce(s = head(ks), x IN tail(ks) | s + ' ' + x) END AS cases
