// name: programme-practices
// description: Twin of sparql/programme-practices.rq; joined lists sorted.
MATCH (prog:Programme)-[:PRACTICE]->(p), (p)-[:THEME]->(th)
WHERE prog.label IS NOT NULL
  AND ($programme IS NULL OR EXISTS { (:Resource {iri: $programme})-[:PRACTICE]->(p) })
CALL (p) {
  OPTIONAL MATCH (p)-[:MUNICIPALITY]->(m) WHERE m.label IS NOT NULL
  WITH m ORDER BY m.label RETURN collect(DISTINCT m.label) AS munis }
CALL (p) {
  OPTIONAL MATCH (p)-[:INTERVENTION_TYPE]->(t) WITH t ORDER BY t.iri RETURN collect(DISTINCT t.iri) AS types }
CALL (p) {
  OPTIONAL MATCH (p)-[:ANCHOR]->(an) WHERE an.anchorText IS NOT NULL
  WITH an ORDER BY an.anchorText RETURN collect(DISTINCT an.anchorText) AS ans }
RETURN p.iri AS p, $lang AS lang, prog.iri AS prog, prog.label AS progname, p['label_' + $lang] AS label,
       p['description_' + $lang] AS `desc`, th.iri AS theme,
       $programme AS programme,  // if $programme
       CASE WHEN size(munis) = 0 THEN null ELSE reduce(s = head(munis), x IN tail(munis) | s + '|' + x) END AS municipalities,
       CASE WHEN size(types) = 0 THEN null ELSE reduce(s = head(types), x IN tail(types) | s + ' ' + x) END AS types,
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(s = head(ans), x IN tail(ans) | s + ' ' + x) END AS anchors
ORDER BY prog, p
