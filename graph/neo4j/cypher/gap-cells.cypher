// name: gap-cells
// description: Twin of sparql/gap-cells.rq: cases per target or self-direction group, intervention type and outcome type.
MATCH (c:Configuration)-[:INTERVENTION_TYPE]->(t), (c)-[:OUTCOME_TYPE]->(ot), (c)-[:IN_CASE]->(k),
      (c)-[:TARGET_GROUP|SELF_DIRECTION_GROUP]->(g)
WHERE c.favourability IS NOT NULL
  AND ($facet IS NULL OR (EXISTS { (g)-[:BROADER*0..]->(:Resource {iri: $facet}) }
                          OR EXISTS { (:Resource {iri: $facet})-[:BROADER*0..]->(g) }))
WITH g, t, ot, c, k ORDER BY k.iri
WITH g, t, ot,
     count(DISTINCT CASE WHEN c.favourability = 'favourable' THEN k END) AS favourable,
     count(DISTINCT CASE WHEN c.favourability = 'unfavourable' THEN k END) AS unfavourable,
     count(DISTINCT CASE WHEN c.favourability = 'unclear' THEN k END) AS unclear,
     collect(DISTINCT k.iri) AS ks
RETURN g.iri AS g, t.iri AS type, ot.iri AS otype,
       $facet AS facet,  // if $facet
       favourable, unfavourable, unclear,
       CASE WHEN size(ks) = 0 THEN null ELSE reduce(s = head(ks), x IN tail(ks) | s + ' ' + x) END AS cases
