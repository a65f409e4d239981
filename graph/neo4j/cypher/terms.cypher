// name: terms
// description: Twin of sparql/terms.rq: synonyms joined by '|', sorted.
MATCH (c:Concept)-[:IN_SCHEME]->(s)
WHERE c.notation IS NOT NULL AND s.iri STARTS WITH 'https://w3id.org/watwerkt/id/scheme/'
  AND ($scheme IS NULL OR EXISTS { (c)-[:IN_SCHEME]->(:Resource {iri: $scheme}) })
OPTIONAL MATCH (c)-[:BROADER]->(b) WHERE b.notation IS NOT NULL
WITH c, s, b, [k IN keys(c) WHERE k = 'altLabel' OR k STARTS WITH 'altLabel_' | c[k]] AS alts
WITH c, s, b, reduce(acc = [], v IN alts | acc + CASE WHEN v IS :: LIST<ANY> THEN v ELSE [v] END) AS alts
RETURN c.iri AS c, $lang AS lang, s.iri AS s, c.notation AS n, c['prefLabel_' + $lang] AS label,
       b.notation AS broader,
       $scheme AS scheme,  // if $scheme
       CASE WHEN size(alts) = 0 THEN null ELSE reduce(x = head(alts), y IN tail(alts) | x + '|' + y) END AS synonyms
ORDER BY s, n
