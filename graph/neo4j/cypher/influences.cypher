// name: influences
// description: Twin of sparql/influences.rq.
MATCH (i:Influence)-[:ABOUT]->(c)
OPTIONAL MATCH (i)-[:FACTOR]->(f)
OPTIONAL MATCH (i)-[:AFFECTS]->(a)
OPTIONAL MATCH (i)-[:COUNTERPART]->(cp)
OPTIONAL MATCH (i)-[:TURNED_INTO]->(ti)
RETURN $lang AS lang, i.iri AS inf, c.iri AS case, i.polarity AS polarity, i.state AS state, i.explicit AS explicit,
       i['actor_' + $lang] AS actor, f.notation AS factor, a.iri AS affects, i.epistemic AS epistemic,
       cp.iri AS counterpart, ti.iri AS turnedInto
