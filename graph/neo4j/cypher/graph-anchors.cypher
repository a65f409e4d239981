// name: graph-anchors
// description: Twin of sparql/graph-anchors.rq.
MATCH (s:Resource)-[:ANCHOR]->(a)-[:HAS_SOURCE]->(d)
WHERE (s:Intervention OR s:Outcome OR s:Influence OR s:GroupFit OR s:Mechanism)
  AND a.start IS NOT NULL AND a.end IS NOT NULL AND a.spanHash IS NOT NULL
RETURN s.iri AS s, CASE WHEN d.iri CONTAINS '/source/' THEN split(d.iri, '/source/')[1] ELSE '' END AS doc,
       a.start AS start, a.end AS end, a.spanHash AS sha, a.line AS line, a.quote AS quote
