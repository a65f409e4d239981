// name: drivers
// description: Twin of sparql/drivers.rq.
MATCH (d:Driver)-[:ABOUT]->(c)
MATCH (d)-[:DRIVER_TYPE]->(t)
RETURN d.iri AS d, c.iri AS case, t.notation AS type
