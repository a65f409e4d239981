"""The two backends bench/scale_bench.py adds for its comparison: rdflib in memory behind the
embedded store's ``query(text, substitutions)``, and an `oxigraph serve` on a free port."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path


class RdflibStore:
    """rdflib's in-memory Graph behind the embedded store's ``query(text, substitutions)``."""

    def __init__(self, nt: Path):
        from rdflib import Graph

        self.g = Graph()
        self.g.parse(str(nt), format="nt")

    def query(self, text, substitutions=None):
        import pyoxigraph as ox
        from rdflib import BNode, Literal, URIRef, Variable

        def to_rdflib(t):
            if isinstance(t, ox.NamedNode):
                return URIRef(t.value)
            if t.language:
                return Literal(t.value, lang=t.language)
            dt = t.datatype.value if t.datatype else None
            return Literal(t.value, datatype=None if dt == "http://www.w3.org/2001/XMLSchema#string" else dt)

        def to_ox(t):
            if t is None:
                return None
            if isinstance(t, URIRef):
                return ox.NamedNode(str(t))
            if isinstance(t, BNode):
                return ox.BlankNode(str(t))
            if t.language:
                return ox.Literal(str(t), language=t.language)
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype))) if t.datatype else ox.Literal(str(t))

        init = {Variable(k.value): to_rdflib(v) for k, v in (substitutions or {}).items()}
        res = self.g.query(text, initBindings=init)
        names = [str(v) for v in res.vars]
        from watwerkt.queries.remote import RemoteResult, Solution

        rows = [Solution({n: to_ox(row[i]) for i, n in enumerate(names)}) for row in res]
        return RemoteResult([ox.Variable(n) for n in names], rows)


class OxServer:
    def __init__(self, folder: Path, port: int):
        self.base = f"http://127.0.0.1:{port}"
        exe = Path(sys.executable).parent / "oxigraph"
        self.proc = subprocess.Popen([str(exe), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        import urllib.request

        for _ in range(150):
            try:
                urllib.request.urlopen(f"{self.base}/query?query=ASK%7B%7D", timeout=2).read()
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("oxigraph serve did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(timeout=30)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
