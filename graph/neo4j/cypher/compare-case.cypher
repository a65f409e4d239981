// name: compare-case
// description: Twin of sparql/compare-case.rq: one case summed up; joined lists sorted; the least group (SPARQL: SAMPLE).
MATCH (k:Case)
WHERE ($case IS NULL OR k.iri = $case) AND k.caseNumber IS NOT NULL AND k.subject IS NOT NULL
  AND (k:OrganisationCase OR k:EmployeeCase)
CALL (k) {
  OPTIONAL MATCH (k)-[:MUNICIPALITY]->(m) WHERE m.label IS NOT NULL
  WITH m ORDER BY m.label RETURN collect(DISTINCT m.label) AS munis }
CALL (k) {
  OPTIONAL MATCH (d:Driver)-[:ABOUT]->(k), (d)-[:DRIVER_TYPE]->(dt)
  WITH dt ORDER BY dt.iri RETURN collect(DISTINCT dt.iri) AS drivers }
CALL (k) {
  OPTIONAL MATCH (iv:Intervention)-[:ABOUT]->(k), (iv)-[:INTERVENTION_TYPE]->(it) WHERE iv.useStatus = 'used'
  WITH it ORDER BY it.iri RETURN collect(DISTINCT it.iri) AS types }
CALL (k) {
  OPTIONAL MATCH (a:Influence)-[:ABOUT]->(k)
  WHERE a.polarity = 'angel' AND a.polarityBasis = 'named' AND a['actor_' + $lang] IS NOT NULL
  WITH a['actor_' + $lang] AS x ORDER BY x RETURN collect(DISTINCT x) AS angels }
CALL (k) {
  OPTIONAL MATCH (b:Influence)-[:ABOUT]->(k)
  WHERE b.polarity = 'bear' AND b.polarityBasis = 'named' AND b['actor_' + $lang] IS NOT NULL
  WITH b['actor_' + $lang] AS x ORDER BY x RETURN collect(DISTINCT x) AS bears }
CALL (k) {
  OPTIONAL MATCH (o:Outcome)-[:ABOUT]->(k), (o)-[:OUTCOME_TYPE]->(ot) WHERE o.direction IS NOT NULL
  WITH ot.iri + '=' + 'https://w3id.org/watwerkt/def#' + o.direction AS x ORDER BY x
  RETURN collect(DISTINCT x) AS outcomes }
CALL (k) {
  OPTIONAL MATCH (gf:GroupFit)-[:ABOUT]->(k), (gf)-[:FITS_GROUP]->(g) RETURN min(g.iri) AS group }
RETURN k.iri AS case, $lang AS lang, k.caseNumber AS number, k.alternative_nl AS title, k.subject AS subject,
       CASE WHEN k:OrganisationCase THEN 'https://w3id.org/watwerkt/def#OrganisationCase'
            ELSE 'https://w3id.org/watwerkt/def#EmployeeCase' END AS kind,
       CASE WHEN size(munis) = 0 THEN null ELSE reduce(s = head(munis), x IN tail(munis) | s + '|' + x) END AS municipalities,
       CASE WHEN size(drivers) = 0 THEN null ELSE reduce(s = head(drivers), x IN tail(drivers) | s + ' ' + x) END AS drivers,
       CASE WHEN size(types) = 0 THEN null ELSE reduce(s = head(types), x IN tail(types) | s + ' ' + x) END AS types,
       CASE WHEN size(angels) = 0 THEN null ELSE reduce(s = head(angels), x IN tail(angels) | s + '|' + x) END AS angels,
       CASE WHEN size(bears) = 0 THEN null ELSE reduce(s = head(bears), x IN tail(bears) | s + '|' + x) END AS bears,
       CASE WHEN size(outcomes) = 0 THEN null ELSE reduce(s = head(outcomes), x IN tail(outcomes) | s + ' ' + x) END AS outcomes,
       group
