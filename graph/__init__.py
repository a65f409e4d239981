"""watwerkt.graph."""
