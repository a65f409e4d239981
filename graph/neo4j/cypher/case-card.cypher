// name: case-card
// description: Twin of sparql/case-card.rq.
MATCH (c:Case)
WHERE ($case IS NULL OR c.iri = $case) AND c.caseNumber IS NOT NULL AND c.subject IS NOT NULL
  AND (c:OrganisationCase OR c:EmployeeCase)
OPTIONAL MATCH (c)-[:TARGET_GROUP]->(tg) WHERE tg.notation IS NOT NULL
OPTIONAL MATCH (gf:GroupFit)-[:ABOUT]->(c), (gf)-[:FITS_GROUP]->(fg) WHERE fg.notation IS NOT NULL
RETURN $lang AS lang, c.iri AS case, c.caseNumber AS number,
       CASE WHEN c:OrganisationCase THEN 'organisation' ELSE 'employee' END AS kind,
       c.title AS title, c.alternative_nl AS short, c.subject AS subject, c['description_' + $lang] AS summary,
       tg.notation AS group, fg.notation AS fit, gf['rationale_' + $lang] AS fitRationale
