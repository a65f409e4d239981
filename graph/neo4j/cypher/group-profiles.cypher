// name: group-profiles
// description: Twin of sparql/group-profiles.rq: one row per characteristic.
MATCH (p:GroupProfile)-[:GROUP]->(g)
WHERE g.notation IS NOT NULL
WITH p, g, p['characteristic_' + $lang] AS ch
UNWIND CASE WHEN ch IS NULL THEN [null] WHEN ch IS :: LIST<ANY> THEN ch ELSE [ch] END AS characteristic
RETURN $lang AS lang, g.notation AS group, p.regulation AS regulation, p.declaredTotal AS declaredTotal,
       characteristic
