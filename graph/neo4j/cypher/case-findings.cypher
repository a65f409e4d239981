// name: case-findings
// description: Twin of sparql/case-findings.rq: about the case, or anchored inside one of its spans.
MATCH (f:DataQualityFinding)
CALL (f) {
  MATCH (f)-[:ABOUT]->(c)
  RETURN c
  UNION
  MATCH (c:Case)-[:ANCHOR]->(span)-[:HAS_SOURCE]->(src), (f)-[:ANCHOR]->(fa)-[:HAS_SOURCE]->(src)
  WHERE span.start IS NOT NULL AND span.end IS NOT NULL AND fa.start >= span.start AND fa.start < span.end
  RETURN c
}
WITH DISTINCT f, c
WHERE $case IS NULL OR c.iri = $case
RETURN DISTINCT c.iri AS case, $lang AS lang, f.iri AS finding, f.findingKind AS kind, f.severity AS severity,
       f['description_' + $lang] AS description
