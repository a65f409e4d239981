// name: case-selection
// description: Twin of sparql/case-selection.rq: a filter whose parameter is null does not count.
MATCH (conf:Configuration)-[:IN_CASE]->(c)
WHERE c.caseNumber IS NOT NULL
  AND ($group IS NULL OR EXISTS { MATCH (conf)-[:TARGET_GROUP]->(tg)
        WHERE EXISTS { (tg)-[:BROADER*0..]->(:Resource {iri: $group}) }
           OR EXISTS { (:Resource {iri: $group})-[:BROADER*0..]->(tg) } })
  AND ($context IS NULL OR EXISTS { (conf)-[:CONTEXT_DRIVER]->()-[:BROADER*0..]->(:Resource {iri: $context}) })
  AND ($outcome IS NULL OR EXISTS { (conf)-[:OUTCOME_TYPE]->()-[:BROADER*0..]->(:Resource {iri: $outcome}) })
  AND ($factor IS NULL OR EXISTS { (conf)-[:MECHANISM_FACTOR|CASE_FACTOR]->()-[:BROADER*0..]->(:Resource {iri: $factor}) })
RETURN DISTINCT $group AS group, $context AS context, $outcome AS outcome, $factor AS factor,
       c.iri AS case, c.caseNumber AS number
ORDER BY number
