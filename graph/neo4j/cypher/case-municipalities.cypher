// name: case-municipalities
// description: Twin of sparql/case-municipalities.rq.
MATCH (c:Resource)-[:MUNICIPALITY]->(m)
WHERE ($case IS NULL OR c.iri = $case) AND m.label IS NOT NULL
OPTIONAL MATCH (m)-[:MERGED_INTO]->(mg) WHERE mg.label IS NOT NULL
RETURN c.iri AS case, m.iri AS municipality, m.label AS name, m.cbsCode AS code, m.validUntil AS validUntil,
       mg.label AS mergedName, mg.cbsCode AS mergedCode
ORDER BY name, mergedName
