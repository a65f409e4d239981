// name: what-works-configurations
// description: Twin of sparql/what-works-configurations.rq; drivers and anchors as the build joined them (ww:driverList, ww:anchorList).
MATCH (c:Configuration)-[:INTERVENTION_TYPE]->(t), (c)-[:IN_CASE]->(k), (c)-[:CONFIGURATION_OF]->(iv),
      (c)-[:OUTCOME_TYPE]->(ot)
WHERE ($type IS NULL OR t.iri = $type) AND c.direction IS NOT NULL AND c.favourability IS NOT NULL
  AND c.directLink IS NOT NULL AND c.epistemic IS NOT NULL AND k.caseNumber IS NOT NULL
  AND c.driverList IS NOT NULL AND c.anchorList IS NOT NULL
  AND ($group IS NULL OR EXISTS { MATCH (c)-[:TARGET_GROUP]->(g)
        WHERE EXISTS { (g)-[:BROADER*0..]->(:Resource {iri: $group}) }
           OR EXISTS { (:Resource {iri: $group})-[:BROADER*0..]->(g) } })
  AND ($sdgroup IS NULL OR EXISTS { (c)-[:SELF_DIRECTION_GROUP]->(:Resource {iri: $sdgroup}) })
  AND ($driver IS NULL OR EXISTS { (c)-[:CONTEXT_DRIVER]->()-[:BROADER*0..]->(:Resource {iri: $driver}) })
  AND ($orgtype IS NULL OR EXISTS { (c)-[:ORGANISATION_TYPE]->()-[:BROADER*0..]->(:Resource {iri: $orgtype}) })
  AND ($outcome IS NULL OR EXISTS { (ot)-[:BROADER*0..]->(:Resource {iri: $outcome}) })
  AND ($factor IS NULL OR EXISTS { (c)-[:MECHANISM_FACTOR|CASE_FACTOR]->()-[:BROADER*0..]->(:Resource {iri: $factor}) })
RETURN DISTINCT c.iri AS c, t.iri AS type, $lang AS lang, k.iri AS case, k.caseNumber AS number, k.alternative_nl AS title,
       iv.iri AS iv, iv['label_' + $lang] AS ivlabel, ot.iri AS otype,
       'https://w3id.org/watwerkt/def#' + c.direction AS direction,
       'https://w3id.org/watwerkt/def#' + c.favourability AS fav, c.directLink AS direct,
       'https://w3id.org/watwerkt/def#' + c.epistemic AS epistemic,
       $group AS group,  // if $group
       $sdgroup AS sdgroup,  // if $sdgroup
       $driver AS driver,  // if $driver
       $orgtype AS orgtype,  // if $orgtype
       $outcome AS outcome,  // if $outcome
       $factor AS factor,  // if $factor
       c.driverList AS drivers, c.anchorList AS anchors
ORDER BY number, iv, otype, c
