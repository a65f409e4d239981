// name: case-lessons
// description: Twin of sparql/case-lessons.rq: one row per factor.
MATCH (l:Lesson)-[:ABOUT]->(c)
WHERE $case IS NULL OR c.iri = $case
OPTIONAL MATCH (l)-[:FACTOR]->(f) WHERE f.notation IS NOT NULL
RETURN c.iri AS case, $lang AS lang, l.iri AS lesson, l['description_' + $lang] AS text,
       l.epistemic AS epistemic, f.notation AS factor
