"""Neo4j in one place: the property-graph mapping, publishing, exports and the Cypher backend.

- :mod:`.settings`: :class:`Neo4jSettings` (URI, user, password, database) and ``connect``,
  used by publish, the backend and the CLI alike;
- :mod:`.mapping`: a pure function from RDF triples to nodes and relationships, also for the
  HTML explorer;
- :mod:`.publish`: load a property graph into a server in one transaction;
- :mod:`.export`: CSV for ``neo4j-admin database import`` and a plain Cypher script;
- :mod:`.backend`: the named queries as Cypher twins (``cypher/<name>.cypher``) and a
  researcher's own read-only Cypher, checked by :mod:`.guard` before it runs.

The development server itself (a process, not a graph) is :mod:`watwerkt.devserver`.
Importing this package is cheap: the neo4j driver and rdflib are imported where used.
"""
