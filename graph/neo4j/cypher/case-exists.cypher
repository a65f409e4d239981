// name: case-exists
// description: Twin of sparql/case-exists.rq.
MATCH (c:Case)
WHERE ($case IS NULL OR c.iri = $case) AND c.caseNumber IS NOT NULL
RETURN c.iri AS case, c.caseNumber AS number
