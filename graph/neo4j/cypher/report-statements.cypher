// name: report-statements
// description: Twin of sparql/report-statements.rq; joined lists sorted.
MATCH (s)-[:ABOUT]->(a)
WHERE s.statementKind IS NOT NULL AND ($about IS NULL OR a.iri = $about)
CALL (s) { OPTIONAL MATCH (s)-[:FACTOR]->(f) WITH f ORDER BY f.iri RETURN collect(DISTINCT f.iri) AS factors }
CALL (s) { OPTIONAL MATCH (s)-[:GROUP]->(g) WITH g ORDER BY g.iri RETURN collect(DISTINCT g.iri) AS groups }
CALL (s) {
  OPTIONAL MATCH (s)-[:ANCHOR]->(an) WHERE an.anchorText IS NOT NULL
  WITH an ORDER BY an.anchorText RETURN collect(DISTINCT an.anchorText) AS ans }
RETURN s.iri AS s, a.iri AS about, $lang AS lang, s.statementKind AS kind, s['label_' + $lang] AS label,
       s['description_' + $lang] AS text, s.rank AS rank,
       CASE WHEN s.polarity IS NULL THEN null ELSE 'https://w3id.org/watwerkt/def#' + s.polarity END AS polarity,
       CASE WHEN size(factors) = 0 THEN null ELSE reduce(x = head(factors), y IN tail(factors) | x + ' ' + y) END AS factors,
       CASE WHEN size(groups) = 0 THEN null ELSE reduce(x = head(groups), y IN tail(groups) | x + ' ' + y) END AS groups,
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(x = head(ans), y IN tail(ans) | x + ' ' + y) END AS anchors
ORDER BY kind, rank, s
