// name: case-findings
// description: Twin of sparql/case-findings.rq: about the case, or anchored inside its span (ww:concerns, derived at build time).
MATCH (f:DataQualityFinding)-[:ABOUT|CONCERNS]->(c)
WHERE $case IS NULL OR c.iri = $case
RETURN DISTINCT c.iri AS case, $lang AS lang, f.iri AS finding, f.findingKind AS kind, f.severity AS severity,
       f['description_' + $lang] AS description
