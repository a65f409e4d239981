// name: influence-counts
// description: Twin of sparql/influence-counts.rq: angels and bears per factor, with the filters of influence-items.
MATCH (i:Influence)-[:ABOUT]->(c), (i)-[:FACTOR]->(fac)
WHERE i.polarity IS NOT NULL AND i.state IS NOT NULL
  AND ($case IS NULL OR EXISTS { (i)-[:ABOUT]->(:Resource {iri: $case}) })
  AND ($polarity IS NULL OR 'https://w3id.org/watwerkt/def#' + i.polarity = $polarity)
  AND ($basis IS NULL OR 'https://w3id.org/watwerkt/def#' + i.polarityBasis = $basis)
  AND ($kind IS NULL OR any(l IN labels(c) WHERE 'https://w3id.org/watwerkt/def#' + l = $kind))
  AND ($factor IS NULL OR EXISTS { (fac)-[:BROADER*0..]->(:Resource {iri: $factor}) })
  AND ($actor IS NULL OR any(key IN CASE WHEN i['actorKey_' + $lang] IS :: LIST<ANY> THEN i['actorKey_' + $lang]
                                        ELSE [i['actorKey_' + $lang]] END
                             WHERE key =~ ('(?s).*(?:' + $actor + ').*')))
RETURN fac.iri AS fac, $lang AS lang, fac['prefLabel_' + $lang] AS label,
       $polarity AS polarity,  // if $polarity
       $basis AS basis,  // if $basis
       $kind AS kind,  // if $kind
       $factor AS factor,  // if $factor
       $actor AS actor,  // if $actor
       $case AS case,  // if $case
       sum(CASE WHEN i.polarity = 'angel' THEN 1 ELSE 0 END) AS angels,
       sum(CASE WHEN i.polarity = 'bear' THEN 1 ELSE 0 END) AS bears,
       sum(CASE WHEN i.state = 'potential' THEN 1 ELSE 0 END) AS potential,
       sum(CASE WHEN i.state = 'overcome' THEN 1 ELSE 0 END) AS overcome,
       count(DISTINCT c) AS cases
ORDER BY angels + bears DESC, fac
