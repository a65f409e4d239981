// name: vocabulary-labels
// description: Twin of sparql/vocabulary-labels.rq: the ontology's own terms are OntologyTerm nodes.
MATCH (t:OntologyTerm)
UNWIND [v IN [t['prefLabel_' + $lang]] WHERE v IS NOT NULL] AS vs
UNWIND CASE WHEN vs IS :: LIST<ANY> THEN vs ELSE [vs] END AS label
RETURN DISTINCT t.iri AS term, $lang AS lang, label
ORDER BY term, label
