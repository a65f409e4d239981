// name: research-groups
// description: Twin of sparql/research-groups.rq; joined lists sorted.
MATCH (p:GroupProfile)-[:GROUP]->(g)
WHERE p.regulation IS NOT NULL
WITH p, g, p['characteristic_' + $lang] AS ch, p.respondent AS r
WITH p, g, CASE WHEN ch IS NULL THEN [] WHEN ch IS :: LIST<ANY> THEN ch ELSE [ch] END AS chs,
     CASE WHEN r IS NULL THEN [] WHEN r IS :: LIST<ANY> THEN r ELSE [r] END AS rs
CALL (p) {
  OPTIONAL MATCH (p)-[:ANCHOR]->(an) WHERE an.anchorText IS NOT NULL
  WITH an ORDER BY an.anchorText RETURN collect(DISTINCT an.anchorText) AS ans }
RETURN p.iri AS p, $lang AS lang, g.iri AS group, p['label_' + $lang] AS label, p.regulation AS regulation,
       p.declaredTotal AS total,
       CASE WHEN size(chs) = 0 THEN null ELSE reduce(x = head(chs), y IN tail(chs) | x + '|' + y) END AS characteristics,
       CASE WHEN size(rs) = 0 THEN null ELSE reduce(x = toString(head(rs)), y IN tail(rs) | x + ' ' + toString(y)) END AS respondents,
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(x = head(ans), y IN tail(ans) | x + ' ' + y) END AS anchors
ORDER BY p
