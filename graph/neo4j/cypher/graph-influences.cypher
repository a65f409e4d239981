// name: graph-influences
// description: Twin of sparql/graph-influences.rq.
MATCH (i:Influence)-[:ABOUT]->(c)
WHERE i.polarity IS NOT NULL AND i.epistemic IS NOT NULL AND i.explicit IS NOT NULL
OPTIONAL MATCH (i)-[:FACTOR]->(f) WHERE f.notation IS NOT NULL
RETURN i.iri AS inf, c.iri AS case, f.notation AS factor, i.polarity AS polarity, i.polarityBasis AS basis,
       i.explicit AS explicit, i.epistemic AS epistemic, i.actor_nl AS actorNl, i.actor_en AS actorEn,
       i.description_nl AS nl, i.description_en AS en
