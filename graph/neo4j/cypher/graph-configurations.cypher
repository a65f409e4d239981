// name: graph-configurations
// description: Twin of sparql/graph-configurations.rq.
MATCH (cfg:Configuration)-[:IN_CASE]->(c), (cfg)-[:CONFIGURATION_OF]->(iv), (cfg)-[:OUTCOME]->(o),
      (cfg)-[:OUTCOME_TYPE]->(ot)
WHERE ot.notation IS NOT NULL AND cfg.favourability IS NOT NULL AND cfg.epistemic IS NOT NULL
OPTIONAL MATCH (cfg)-[:INTERVENTION_TYPE]->(t) WHERE t.notation IS NOT NULL
OPTIONAL MATCH (cfg)-[:SELF_DIRECTION_GROUP]->(g) WHERE g.notation IS NOT NULL
OPTIONAL MATCH (cfg)-[:TARGET_GROUP]->(tg) WHERE tg.notation IS NOT NULL
RETURN cfg.iri AS cfg, c.iri AS case, iv.iri AS iv, t.notation AS type, o.iri AS outcome, ot.notation AS otype,
       cfg.favourability AS favourability, g.notation AS group, tg.notation AS target, cfg.directLink AS direct,
       cfg.epistemic AS epistemic
