"""watwerkt.ontology."""
