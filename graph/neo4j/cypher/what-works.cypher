// name: what-works
// description: Twin of sparql/what-works.rq: per intervention type and case; a filter is used only when its parameter is given.
MATCH (c:Configuration)-[:INTERVENTION_TYPE]->(t), (c)-[:IN_CASE]->(k)
WHERE c.favourability IS NOT NULL AND c.directLink IS NOT NULL AND c.epistemic IS NOT NULL
  AND ($group IS NULL OR EXISTS { MATCH (c)-[:TARGET_GROUP]->(g)
        WHERE EXISTS { (g)-[:BROADER*0..]->(:Resource {iri: $group}) }
           OR EXISTS { (:Resource {iri: $group})-[:BROADER*0..]->(g) } })
  AND ($sdgroup IS NULL OR EXISTS { (c)-[:SELF_DIRECTION_GROUP]->(:Resource {iri: $sdgroup}) })
  AND ($driver IS NULL OR EXISTS { (c)-[:CONTEXT_DRIVER]->()-[:BROADER*0..]->(:Resource {iri: $driver}) })
  AND ($orgtype IS NULL OR EXISTS { (c)-[:ORGANISATION_TYPE]->()-[:BROADER*0..]->(:Resource {iri: $orgtype}) })
  AND ($outcome IS NULL OR EXISTS { (c)-[:OUTCOME_TYPE]->()-[:BROADER*0..]->(:Resource {iri: $outcome}) })
  AND ($factor IS NULL OR EXISTS { (c)-[:MECHANISM_FACTOR|CASE_FACTOR]->()-[:BROADER*0..]->(:Resource {iri: $factor}) })
RETURN t.iri AS type, t['prefLabel_' + $lang] AS label, k.iri AS case, $lang AS lang,
       $group AS group,  // if $group
       $sdgroup AS sdgroup,  // if $sdgroup
       $driver AS driver,  // if $driver
       $orgtype AS orgtype,  // if $orgtype
       $outcome AS outcome,  // if $outcome
       $factor AS factor,  // if $factor
       max(CASE WHEN c.directLink AND c.favourability = 'favourable' THEN 1 ELSE 0 END) AS favourable,
       max(CASE WHEN c.favourability = 'unfavourable' THEN 1 ELSE 0 END) AS unfavourable,
       max(CASE WHEN c.favourability = 'unclear' THEN 1 ELSE 0 END) AS unclear,
       max(CASE WHEN NOT c.directLink AND c.favourability = 'favourable' THEN 1 ELSE 0 END) AS casewide,
       max(CASE WHEN c.directLink AND c.favourability = 'favourable' AND c.epistemic = 'stated' THEN 1 ELSE 0 END) AS stated
