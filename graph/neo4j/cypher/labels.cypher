// name: labels
// description: Twin of sparql/labels.rq.
MATCH (n:Resource) WHERE NOT n:OntologyTerm
UNWIND [k IN keys(n) WHERE k = 'label' OR k STARTS WITH 'label_' OR k STARTS WITH 'prefLabel_' OR k = 'altLabel'
        OR k STARTS WITH 'description_' OR k = 'title' OR k STARTS WITH 'title_'] AS key
WITH n, key, n[key] AS v
UNWIND CASE WHEN valueType(v) STARTS WITH 'LIST' THEN v ELSE [v] END AS text
RETURN n.iri AS node, text,
       CASE WHEN key STARTS WITH 'prefLabel' OR key = 'altLabel' THEN 'concept'
            WHEN key STARTS WITH 'description' THEN 'description'
            WHEN key STARTS WITH 'title' THEN 'title' ELSE 'label' END AS kind
UNION
MATCH (n:Resource)-[:ANCHOR]->(a) WHERE a.quote IS NOT NULL AND NOT n:Configuration
RETURN n.iri AS node, a.quote AS text, 'quote' AS kind
