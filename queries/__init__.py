"""watwerkt.queries."""
