// name: case-sections
// description: Twin of sparql/case-sections.rq.
MATCH (c:Resource {iri: $case})-[:SECTION]->(s)
OPTIONAL MATCH (s)-[:TITLE_ANCHOR]->(h)
OPTIONAL MATCH (s)-[:BLOCK]->(b)
RETURN c.iri AS case, s.iri AS section, s.sectionType AS type, s.personalData AS personal,
       h.start AS hstart, h.end AS hend, b.start AS start, b.end AS end, b.line AS line
ORDER BY section, start
