// name: quotes
// description: Twin of sparql/quotes.rq.
MATCH (c:Resource {iri: $claim})-[:ANCHOR]->(a)-[:HAS_SOURCE]->(src)
RETURN c.iri AS claim, a.iri AS anchor, substring(src.id, size('source/')) AS doc, a.start AS start, a.end AS end,
       a.line AS line, a.quote AS quote
ORDER BY start
