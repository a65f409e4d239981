// name: case-quotes
// description: Twin of sparql/case-quotes.rq: quotes of a case's claims, with the kind of claim.
MATCH (c:Case)<-[:ABOUT]-(claim)-[:ANCHOR]->(a)-[:HAS_SOURCE]->(src)
WHERE ($case IS NULL OR c.iri = $case) AND a.quote IS NOT NULL AND a.start IS NOT NULL AND a.end IS NOT NULL
UNWIND [k IN ['Influence', 'Outcome', 'Lesson', 'Intervention', 'Driver', 'CareerTransition'] WHERE k IN labels(claim)] AS kind
RETURN c.iri AS case, claim.iri AS claim, kind, a.iri AS anchor,
       CASE WHEN src.iri CONTAINS '/source/' THEN split(src.iri, '/source/')[1] ELSE '' END AS doc,
       a.start AS start, a.end AS end, a.quote AS quote, a.line AS line
