// name: cases
// description: Twin of sparql/cases.rq on the Neo4j property graph.
MATCH (c:Case)
WITH c, CASE WHEN c:OrganisationCase THEN 'organisation' ELSE 'employee' END AS kind
OPTIONAL MATCH (c)-[:MUNICIPALITY]->(m)
WITH c, kind, m ORDER BY m.label
WITH c, kind, [x IN collect(DISTINCT m.label) WHERE x IS NOT NULL] AS ms
OPTIONAL MATCH (c)-[:SECTION]->(s) WHERE s.personalData IS NULL
WITH c, kind, ms, count(DISTINCT s) AS sections
RETURN c.iri AS case, c.caseNumber AS number, kind, c.title AS title, c.alternative_nl AS short,
       c.subject AS subject,
       CASE WHEN size(ms) = 0 THEN '' ELSE reduce(acc = head(ms), x IN tail(ms) | acc + '|' + x) END AS municipalities,
       sections
ORDER BY number
