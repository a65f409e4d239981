// name: group-fit
// description: Twin of sparql/group-fit.rq.
MATCH (gf:GroupFit)-[:ABOUT]->(c)
MATCH (gf)-[:FITS_GROUP]->(g)
RETURN $lang AS lang, c.iri AS case, g.notation AS group, gf['rationale_' + $lang] AS rationale
