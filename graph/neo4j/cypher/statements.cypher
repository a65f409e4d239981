// name: statements
// description: Twin of sparql/statements.rq.
MATCH (s)-[:ABOUT]->(a) WHERE s:Statement OR s:Recommendation
OPTIONAL MATCH (s)-[:FACTOR]->(f)
OPTIONAL MATCH (s)-[:GROUP]->(g)
RETURN $lang AS lang, s.iri AS s, a.iri AS about, s.statementKind AS kind, s['label_' + $lang] AS label,
       f.notation AS factor, g.notation AS group, s.polarity AS polarity, s.rank AS rank
