"""The rewritten core queries (filters seeded at their bound concept, no type scans, the group
fits of works-table as one joined table) give the rows of the plain formulation they replaced."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from watwerkt.graph.store import open_store
from watwerkt.queries.runner import bind_value, load_query, run, to_python

C = "https://w3id.org/watwerkt/id/concept/"
PLAIN_WHAT_WORKS = """
PREFIX ww: <https://w3id.org/watwerkt/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?type ?case (MAX(IF(?d && ?f = ww:favourable, 1, 0)) AS ?favourable)
  (MAX(IF(?f = ww:unfavourable, 1, 0)) AS ?unfavourable) (MAX(IF(?f = ww:unclear, 1, 0)) AS ?unclear)
WHERE {
  ?c a ww:Configuration ; ww:interventionType ?type ; ww:inCase ?case ; ww:favourability ?f ; ww:directLink ?d .
  ?c ww:contextDriver ?cd . ?cd skos:broader* ?driver .   # if ?driver
  ?c ww:outcomeType ?out . ?out skos:broader* ?outcome .   # if ?outcome
  ?fc skos:broader* ?factor . ?c ww:mechanismFactor|ww:caseFactor ?fc .   # if ?factor
  ?c ww:targetGroup ?g . { ?g skos:broader* ?group } UNION { ?group skos:broader* ?g }   # if ?group
}
GROUP BY ?type ?case
"""
PLAIN_WORKS_TABLE = """
PREFIX ww: <https://w3id.org/watwerkt/def#>
SELECT ?el ?case ?ingroup (MAX(IF(BOUND(?f) && ?f = ww:favourable, 1, 0)) AS ?good)
WHERE {
  ?el a ww:Mechanism ; ww:group ?sdgroup .
  OPTIONAL {
    ?iv ww:matchesMechanism ?el ; ww:about ?case ; ww:useStatus ww:used .
    BIND(EXISTS { ?gf a ww:GroupFit ; ww:about ?case ; ww:fitsGroup ?sdgroup } AS ?ingroup)
    OPTIONAL { ?c ww:configurationOf ?iv ; ww:directLink true ; ww:favourability ?f }
  }
}
GROUP BY ?el ?case ?ingroup
"""


def _plain(store, text, **params):
    from watwerkt.queries.runner import NamedQuery

    q = NamedQuery("plain", "", "", "", text)
    subs = {ox.Variable(k): bind_value(v) for k, v in params.items()}
    res = store.query(q.text_for(set(params)), substitutions=subs)
    names = [v.value for v in res.variables]
    return {tuple(to_python(s[n]) for n in names) for s in res}


@pytest.fixture(scope="module")
def store(real_store):
    return open_store(real_store)


@pytest.mark.parametrize("params", [{}, {"driver": C + "aanleidingen/bezuinigingen"},
                                    {"outcome": C + "uitkomsten/inzetbaarheid"},
                                    {"factor": C + "factoren/leidinggevende"},
                                    {"group": C + "doelgroepen/alle-medewerkers"}])
def test_what_works_rows_equal_the_plain_query(store, params):
    rows = {(r["type"], r["case"], r["favourable"], r["unfavourable"], r["unclear"])
            for r in run(store, "what-works", lang="nl", **params)}
    extra = "".join(f" ?{k}" for k in params)  # a substituted variable must be projected (and grouped)
    text = PLAIN_WHAT_WORKS.replace("SELECT ?type", f"SELECT{extra} ?type").replace(
        "GROUP BY ?type ?case", f"GROUP BY{extra} ?type ?case")
    assert rows and rows == {r[len(params):] for r in _plain(store, text, **params)}


@pytest.mark.parametrize("group", ["richtingzoekers", "noodzaakgestuurde-leerders", "zelfsturende-groeiers"])
def test_works_table_rows_equal_the_plain_query(store, group):
    sd = C + "doelgroepen/" + group
    rows = {(r["el"], r["case"], r["ingroup"], r["good"]) for r in run(store, "works-table", sdgroup=sd, lang="nl")}
    plain = {r[1:] for r in _plain(store, PLAIN_WORKS_TABLE.replace("SELECT ?el", "SELECT ?sdgroup ?el").replace("GROUP BY ?el", "GROUP BY ?sdgroup ?el"), sdgroup=sd)}
    assert rows and rows == plain


def test_filters_start_at_their_bound_concept():
    for name in ("what-works", "what-works-configurations", "gap-cells", "outcome-table"):
        for line in load_query(name).text.splitlines():
            if "# if ?" in line and "broader*" in line:
                var = line.rsplit("# if ?", 1)[1].strip()
                assert line.strip().startswith(f"?{var} a skos:Concept ."), (name, line)
