// name: case-influences
// description: Twin of sparql/case-influences.rq: one row per factor.
MATCH (i:Influence)-[:ABOUT]->(c)
WHERE ($case IS NULL OR c.iri = $case) AND i.polarity IS NOT NULL
OPTIONAL MATCH (i)-[:FACTOR]->(f) WHERE f.notation IS NOT NULL
RETURN c.iri AS case, $lang AS lang, i.iri AS influence, i.polarity AS polarity, i.state AS state,
       i.explicit AS explicit, i.polarityBasis AS basis, i['actor_' + $lang] AS actor,
       i['description_' + $lang] AS description, i.epistemic AS epistemic, f.notation AS factor
