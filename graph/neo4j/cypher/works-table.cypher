// name: works-table
// description: Twin of sparql/works-table.rq: the cells of table 3.2 for one self-direction group.
MATCH (el:Mechanism)-[:GROUP]->(sg)
WHERE ($sdgroup IS NULL OR sg.iri = $sdgroup) AND el.works IS NOT NULL
OPTIONAL MATCH (iv)-[:MATCHES_MECHANISM]->(el), (iv)-[:ABOUT]->(k)
  WHERE iv.useStatus = 'used' AND k.caseNumber IS NOT NULL
OPTIONAL MATCH (c)-[:CONFIGURATION_OF]->(iv) WHERE c.directLink = true AND c.favourability IS NOT NULL
WITH el, sg, k, c,
     CASE WHEN k IS NULL THEN null
          ELSE EXISTS { MATCH (gf:GroupFit)-[:ABOUT]->(k) MATCH (gf)-[:FITS_GROUP]->(sg) } END AS ingroup
RETURN el.iri AS el, sg.iri AS sdgroup, $lang AS lang, el.works AS works, el['label_' + $lang] AS label,
       k.iri AS case, k.caseNumber AS number, ingroup,
       max(CASE WHEN c.favourability = 'favourable' THEN 1 ELSE 0 END) AS good,
       max(CASE WHEN c.favourability = 'unfavourable' THEN 1 ELSE 0 END) AS bad
ORDER BY works DESC, el, number
