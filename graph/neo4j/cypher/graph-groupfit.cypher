// name: graph-groupfit
// description: Twin of sparql/graph-groupfit.rq.
MATCH (gf:GroupFit)-[:ABOUT]->(c), (gf)-[:FITS_GROUP]->(g)
WHERE g.notation IS NOT NULL
RETURN gf.iri AS gf, c.iri AS case, g.notation AS group, gf.rationale_nl AS nl, gf.rationale_en AS en
