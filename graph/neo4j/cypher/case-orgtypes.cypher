// name: case-orgtypes
// description: Twin of sparql/case-orgtypes.rq.
MATCH (c:Case)-[:INVOLVES]->(o)-[:ORGANISATION_TYPE]->(t)
RETURN DISTINCT c.iri AS case, t.notation AS type
