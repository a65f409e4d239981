"""watwerkt.viz."""
