// name: data-quality
// description: Twin of sparql/data-quality.rq; the least concerned case and source (SPARQL: SAMPLE); anchors sorted.
MATCH (f:DataQualityFinding)
WHERE f.findingKind IS NOT NULL AND f.severity IS NOT NULL AND f.epistemic IS NOT NULL
  AND ($case IS NULL OR EXISTS { (f)-[:CONCERNS]->(:Resource {iri: $case}) })
  AND ($doc IS NULL OR EXISTS { (f)-[:ANCHOR]->()-[:HAS_SOURCE]->(:Resource {iri: $doc}) })
OPTIONAL MATCH (f)-[:CONCERNS]->(c)
WITH f, min(c.iri) AS concerns
OPTIONAL MATCH (f)-[:ANCHOR]->(a)-[:HAS_SOURCE]->(src) WHERE a.anchorText IS NOT NULL
WITH f, concerns, a, src ORDER BY a.anchorText
WITH f, concerns, collect(DISTINCT a.anchorText) AS ans, min(src.iri) AS source
RETURN f.iri AS f, $lang AS lang, f.findingKind AS kind, f.severity AS severity, f['description_' + $lang] AS `desc`,
       'https://w3id.org/watwerkt/def#' + f.epistemic AS status,
       $case AS case,  // if $case
       $doc AS doc,  // if $doc
       concerns, source,
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(s = head(ans), x IN tail(ans) | s + ' ' + x) END AS anchors
ORDER BY source, f
