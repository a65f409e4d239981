"""watwerkt.ingest."""
