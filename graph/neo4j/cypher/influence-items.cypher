// name: influence-items
// description: Twin of sparql/influence-items.rq: factors and anchors joined by spaces, sorted; the least quote of the anchors (SPARQL: SAMPLE).
MATCH (i:Influence)-[:ABOUT]->(k)
WHERE i.polarity IS NOT NULL AND i.state IS NOT NULL AND i.polarityBasis IS NOT NULL
  AND k.caseNumber IS NOT NULL AND ($case IS NULL OR k.iri = $case)
  AND ($polarity IS NULL OR 'https://w3id.org/watwerkt/def#' + i.polarity = $polarity)
  AND ($basis IS NULL OR 'https://w3id.org/watwerkt/def#' + i.polarityBasis = $basis)
  AND ($kind IS NULL OR any(l IN labels(k) WHERE 'https://w3id.org/watwerkt/def#' + l = $kind))
  AND ($factor IS NULL OR EXISTS { (i)-[:FACTOR]->()-[:BROADER*0..]->(:Resource {iri: $factor}) })
  AND ($actor IS NULL OR any(key IN CASE WHEN i['actorKey_' + $lang] IS :: LIST<ANY> THEN i['actorKey_' + $lang]
                                        ELSE [i['actorKey_' + $lang]] END
                             WHERE key =~ ('(?s).*(?:' + $actor + ').*')))
OPTIONAL MATCH (i)-[:FACTOR]->(fac)
WITH i, k, fac ORDER BY fac.iri
WITH i, k, collect(DISTINCT fac.iri) AS facs
OPTIONAL MATCH (i)-[:ANCHOR]->(an) WHERE an.anchorText IS NOT NULL
WITH i, k, facs, an ORDER BY an.anchorText
WITH i, k, facs, collect(DISTINCT an.anchorText) AS ans, min(an.quote) AS quote
OPTIONAL MATCH (i)-[:COUNTERPART]->(other)
OPTIONAL MATCH (i)-[:TURNED_INTO]->(next)
WITH i, k, facs, ans, quote, min(other.iri) AS counterpart, min(next.iri) AS turnedInto
RETURN i.iri AS inf, $lang AS lang, k.iri AS case, k.caseNumber AS number, k.alternative_nl AS title,
       'https://w3id.org/watwerkt/def#' + i.polarity AS p, 'https://w3id.org/watwerkt/def#' + i.state AS s,
       'https://w3id.org/watwerkt/def#' + i.polarityBasis AS b, i['actor_' + $lang] AS label,
       $polarity AS polarity,  // if $polarity
       $basis AS basis,  // if $basis
       $kind AS kind,  // if $kind
       $factor AS factor,  // if $factor
       $actor AS actor,  // if $actor
       CASE WHEN size(facs) = 0 THEN null ELSE reduce(s = head(facs), x IN tail(facs) | s + ' ' + x) END AS factors,
       CASE WHEN size(ans) = 0 THEN null ELSE reduce(s = head(ans), x IN tail(ans) | s + ' ' + x) END AS anchors,
       quote, counterpart, turnedInto
ORDER BY number, b, p, i.iri  // the IRI string, as SPARQL orders ?inf (a bare node orders by its internal id)
