// name: factor-table
// description: Twin of sparql/factor-table.rq: a count is null where the factor has no influence or statement.
MATCH (fac:Factor)
OPTIONAL MATCH (fac)-[:BROADER]->(b)
CALL (fac) {
  OPTIONAL MATCH (i:Influence)-[:FACTOR]->(fac) WHERE i.polarity IS NOT NULL AND i.polarityBasis IS NOT NULL
  RETURN count(i) AS n,
         sum(CASE WHEN i.polarity = 'angel' AND i.polarityBasis = 'named' THEN 1 ELSE 0 END) AS na,
         sum(CASE WHEN i.polarity = 'bear' AND i.polarityBasis = 'named' THEN 1 ELSE 0 END) AS nb,
         sum(CASE WHEN i.polarity = 'angel' AND i.polarityBasis = 'read-in' THEN 1 ELSE 0 END) AS ra,
         sum(CASE WHEN i.polarity = 'bear' AND i.polarityBasis = 'read-in' THEN 1 ELSE 0 END) AS rb }
CALL (fac) {
  OPTIONAL MATCH (st)-[:FACTOR]->(fac) WHERE st.statementKind IS NOT NULL
  RETURN count(DISTINCT st) AS research }
RETURN fac.iri AS fac, $lang AS lang, fac['prefLabel_' + $lang] AS label, b.iri AS broader,
       CASE WHEN n = 0 THEN null ELSE na END AS named_angels, CASE WHEN n = 0 THEN null ELSE nb END AS named_bears,
       CASE WHEN n = 0 THEN null ELSE ra END AS read_angels, CASE WHEN n = 0 THEN null ELSE rb END AS read_bears,
       CASE WHEN research = 0 THEN null ELSE research END AS research
