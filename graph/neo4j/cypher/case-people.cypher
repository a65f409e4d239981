// name: case-people
// description: Twin of sparql/case-people.rq (names and roles, never contact details).
MATCH (p:PersonInRole)-[:ABOUT]->(c)
WHERE ($case IS NULL OR c.iri = $case) AND p.personName IS NOT NULL
OPTIONAL MATCH (p)-[:MEMBER_OF]->(org) WHERE org.label IS NOT NULL
RETURN c.iri AS case, $lang AS lang, p.iri AS person, p.personName AS name, p['role_' + $lang] AS role,
       org.label AS organisation, p.age AS age, EXISTS { (c)-[:EMPLOYEE]->(p) } AS employee
