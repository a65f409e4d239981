"""watwerkt: a knowledge graph of what works for whom, under which circumstances.

The package is split by pipeline stage; each stage lives in a top-level folder of the
repository and is imported as a subpackage:

- ``watwerkt.ingest``   read the corpus and the curated data into typed records
- ``watwerkt.ontology`` the schema (RDF/OWL, SHACL) and its generated documentation
- ``watwerkt.graph``    turn records into the graph, store it, export and validate it
- ``watwerkt.queries``  named, parameterised queries and their Python API
- ``watwerkt.viz``      interactive HTML and printable output

Only the standard library is imported here, so ``watwerkt --help`` stays fast.
"""

__version__ = "0.1.0"
