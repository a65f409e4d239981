"""Publishing to a real Neo4j server, and the same answers in Cypher as in SPARQL."""

import json

import pytest

from watwerkt.graph.neo4j.mapping import store_property_graph
from watwerkt.graph.neo4j.publish import counts, publish
from watwerkt.graph.neo4j.settings import connect
from watwerkt.queries.runner import all_queries, load_query, run

pytestmark = pytest.mark.neo4j
PASSWORD = "watwerkt-test-wachtwoord"


@pytest.fixture(scope="module")
def pg(real_store):
    return store_property_graph(real_store)


@pytest.fixture(scope="module")
def driver(neo4j_server):
    drv, version = connect(neo4j_server.uri, "neo4j", PASSWORD)
    assert version.startswith("5.")
    yield drv
    drv.close()


def _wipe(driver):
    driver.execute_query("MATCH (n) DETACH DELETE n")


def test_publish_twice_changes_nothing(pg, driver):
    _wipe(driver)
    first = publish(pg, driver)
    assert (first.nodes, first.relationships) == (len(pg.nodes), len(pg.rels))
    second = publish(pg, driver)
    assert (second.nodes, second.relationships) == (first.nodes, first.relationships)
    assert second.deleted_nodes == 0 and second.deleted_relationships == 0
    records, _, _ = driver.execute_query("MATCH (n:Resource) RETURN count(DISTINCT n.iri) AS d, count(n) AS n")
    assert records[0]["d"] == records[0]["n"] == len(pg.nodes)


def test_interrupted_publish_leaves_the_old_graph_and_a_rerun_completes(pg, driver):
    _wipe(driver)
    with pytest.raises(KeyboardInterrupt):
        publish(pg, driver, _fail_after=1000)
    assert counts(driver) == (0, 0)  # nothing half-loaded became visible
    publish(pg, driver)
    assert counts(driver) == (len(pg.nodes), len(pg.rels))
    # a new version interrupted on top of a complete graph: readers still see the complete one
    # (the same version again writes nothing at all, so it cannot be interrupted)
    from watwerkt.graph.neo4j.mapping import PropertyGraph

    other = PropertyGraph(pg.nodes[1:], [r for r in pg.rels if pg.nodes[0].iri not in (r.start, r.end)])
    with pytest.raises(KeyboardInterrupt):
        publish(other, driver, _fail_after=1000)
    assert counts(driver) == (len(pg.nodes), len(pg.rels))


def test_publishing_the_same_version_writes_nothing(pg, driver):
    publish(pg, driver)
    before = driver.execute_query("MATCH (n:Resource) RETURN max(elementId(n)) AS e")[0][0]["e"]
    again = publish(pg, driver)
    assert (again.nodes, again.relationships, again.deleted_nodes) == (len(pg.nodes), len(pg.rels), 0)
    assert driver.execute_query("MATCH (n:Resource) RETURN max(elementId(n)) AS e")[0][0]["e"] == before
    # someone deleted a node by hand: the counts no longer match, so the graph is written again
    driver.execute_query("MATCH (n:Resource {iri: $iri}) DETACH DELETE n", iri=pg.nodes[-1].iri)
    publish(pg, driver)
    assert counts(driver) == (len(pg.nodes), len(pg.rels))


def test_a_graph_too_large_for_one_transaction_is_one_clear_line(driver):
    """The development server allows 256 MB per transaction; nothing is left behind."""
    from watwerkt.errors import StoreError
    from watwerkt.graph.neo4j.mapping import Node, PropertyGraph

    _wipe(driver)
    big = "x" * 1_000_000
    huge = PropertyGraph([Node(f"https://w3id.org/watwerkt/id/groot/{i:04d}", ["Resource"], {"tekst": big + str(i)})
                          for i in range(400)], [])
    with pytest.raises(StoreError) as info:
        publish(huge, driver, batch=20)
    assert "past niet in één transactie" in str(info.value) and "watwerkt neo4j import" in str(info.value)
    assert "does not fit in one transaction" in info.value.line("en")
    assert counts(driver) == (0, 0)


def test_a_new_version_replaces_the_old(pg, driver):
    from watwerkt.graph.neo4j.mapping import PropertyGraph

    _wipe(driver)
    publish(pg, driver)
    smaller = PropertyGraph([n for n in pg.nodes if "/kerngetal/" not in n.iri],
                            [r for r in pg.rels if "/kerngetal/" not in r.start and "/kerngetal/" not in r.end])
    res = publish(smaller, driver)
    assert res.deleted_nodes == len(pg.nodes) - len(smaller.nodes)
    assert counts(driver) == (len(smaller.nodes), len(smaller.rels))
    publish(pg, driver)


ID = "https://w3id.org/watwerkt/id/"
WW = "https://w3id.org/watwerkt/def#"
PARAMS = {  # the parameter a query needs to say anything; every other one stays unbound (null)
    "case-sections": {"case": ID + "case/oss"},
    "quotes": {"claim": ID + "invloed/oss-bezuinigingen-beer"},
    "works-table": {"sdgroup": ID + "concept/doelgroepen/richtingzoekers"},
    "influence-counts": {"lang": "nl"},  # its header says "as influence-items"
}
VARIANTS = [  # filtered runs: the lines marked "# if ?x" / "// if $x" and the optional filters
    ("case-card", {"case": ID + "case/oss"}),
    ("case-findings", {"case": ID + "case/soest"}),
    ("case-selection", {"group": ID + "concept/doelgroepen/alle-medewerkers"}),
    ("case-selection", {"outcome": ID + "concept/uitkomsten/verzuim", "factor": ID + "concept/factoren/leidinggevende"}),
    ("what-works", {"group": ID + "concept/doelgroepen/alle-medewerkers"}),
    ("what-works", {"sdgroup": ID + "concept/doelgroepen/richtingzoekers", "outcome": ID + "concept/uitkomsten/verzuim"}),
    ("what-works", {"driver": ID + "concept/aanleidingen/attitude", "orgtype": ID + "concept/organisatietypen/gemeente"}),
    ("what-works", {"factor": ID + "concept/factoren/leidinggevende"}),
    ("what-works-configurations", {"type": ID + "concept/interventietypen/opleiding"}),
    ("what-works-configurations", {"type": ID + "concept/interventietypen/opleiding",
                                   "group": ID + "concept/doelgroepen/alle-medewerkers",
                                   "factor": ID + "concept/factoren/leidinggevende"}),
    ("research-verdicts", {"type": ID + "concept/interventietypen/opleiding",
                           "sdgroup": ID + "concept/doelgroepen/richtingzoekers"}),
    ("influence-items", {"polarity": WW + "bear", "factor": ID + "concept/factoren/leidinggevende"}),
    ("influence-items", {"kind": WW + "EmployeeCase", "basis": WW + "named", "case": ID + "case/liane"}),
    ("influence-counts", {"polarity": WW + "angel", "kind": WW + "OrganisationCase"}),
    ("influence-counts", {"case": ID + "case/oss", "factor": ID + "concept/factoren/leidinggevende"}),
    ("compare-case", {"case": ID + "case/oss"}),
    ("careers", {"kind": ID + "concept/transitietypen/horizontaal"}),
    ("data-quality", {"case": ID + "case/hilversum"}),
    ("data-quality", {"doc": ID + "source/boek"}),
    ("gap-cells", {"facet": ID + "concept/doelgroepen/alle-medewerkers"}),
    ("key-numbers", {"about": ID + "case/oss"}),
    ("outcome-table", {"outcome": ID + "concept/uitkomsten/verzuim"}),
    ("programme-practices", {"programme": ID + "programma/update"}),
    ("report-statements", {"about": ID + "rapportdeel/factoren"}),
    ("terms", {"scheme": ID + "scheme/doelgroepen"}),
]
JOINED = {  # GROUP_CONCAT joins in any order: compared as sets of tokens
    "municipalities": "|", "angels": "|", "bears": "|", "characteristics": "|", "synonyms": "|",
    "factors": " ", "anchors": " ", "drivers": " ", "types": " ", "outcomes": " ", "cases": " ",
    "groups": " ", "respondents": " ",
}
SAMPLED = {  # SAMPLE takes any one value: compared on whether there is one
    "influence-items": ("quote",), "compare-case": ("group",), "data-quality": ("concerns", "source"),
}


def _normalise(name, rows):
    out = set()
    for r in rows:
        r = dict(r)
        for col, sep in JOINED.items():
            if isinstance(r.get(col), str):
                r[col] = sep.join(sorted(filter(None, r[col].split(sep))))
        for col in SAMPLED.get(name, ()):
            r[col] = r.get(col) is not None
        out.add(tuple(sorted((k, json.dumps(v, sort_keys=True)) for k, v in r.items())))
    return out


def test_every_named_query_gives_the_same_answer_in_cypher(pg, driver, real_store):
    from watwerkt.graph.neo4j.backend import Neo4jStore, cypher_names
    from watwerkt.graph.store import open_store

    publish(pg, driver)
    ox, neo = open_store(real_store), Neo4jStore(driver)
    names = [q.name for q in all_queries()]
    assert set(cypher_names()) == set(names)  # every named query has its Cypher twin, and no more
    differ = []
    for name, p in [(n, PARAMS.get(n, {})) for n in names] + [v for v in VARIANTS if v[0] in names]:
        if "?lang" in load_query(name).params:
            p = {**p, "lang": "nl"}
        a, b = run(ox, name, **p), run(neo, name, **p)
        assert a, (name, p)
        if _normalise(name, a) != _normalise(name, b):
            differ.append((name, p, len(a), len(b)))
    assert differ == []


def _without(value, key):
    if isinstance(value, dict):
        return {k: _without(v, key) for k, v in value.items() if k != key}
    if isinstance(value, list):
        return [_without(v, key) for v in value]
    return value


def test_cli_backend_neo4j_matches_embedded(cli, pg, driver, neo4j_server, real_store):
    publish(pg, driver)
    env = {"WATWERKT_NEO4J_URI": neo4j_server.uri, "WATWERKT_NEO4J_PASSWORD": PASSWORD}
    for args in (["wat-werkt", "--doelgroep", "richtingzoekers"], ["wat-werkt", "--uitkomst", "verzuim"],
                 ["cases"], ["factoren"], ["engelen-beren"], ["engelen-beren", "--per", "factor"],
                 ["vergelijk", "oss", "liane"], ["case", "oss"]):
        c1, out1, err1 = cli(*args, "--store", str(real_store), "--format", "json")
        c2, out2, err2 = cli(*args, "--backend", "neo4j", "--format", "json", env=env)
        assert c1 == c2 == 0, (args, err1, err2)
        a, b = json.loads(out1), json.loads(out2)
        if args[0] == "engelen-beren":  # influence-items takes SAMPLE(?q): any one quote of an item
            a, b = _without(a, "quote"), _without(b, "quote")
        assert a == b, args


def test_publish_command_and_wrong_password(cli, neo4j_server, real_store):
    env = {"WATWERKT_NEO4J_PASSWORD": PASSWORD}
    code, out, err = cli("publish", "neo4j", "--uri", neo4j_server.uri, "--store", str(real_store), env=env)
    assert code == 0 and "klaar:" in err
    code, out, err = cli("publish", "neo4j", "--uri", neo4j_server.uri, "--store", str(real_store),
                         env={"WATWERKT_NEO4J_PASSWORD": "fout"})
    assert code == 1
    assert err == (f"watwerkt: {neo4j_server.uri}: Neo4j refused user 'neo4j': wrong user name or password "
                   "(set WATWERKT_NEO4J_PASSWORD)\n")


def test_unreachable_server_is_one_line(cli, real_store):
    code, out, err = cli("publish", "neo4j", "--uri", "bolt://127.0.0.1:9", "--store", str(real_store),
                         env={"WATWERKT_NEO4J_PASSWORD": "x"})
    assert code == 1 and err.startswith("watwerkt: bolt://127.0.0.1:9: Neo4j server not reachable")
    assert len(err.strip().splitlines()) == 1


def test_cypher_is_read_only(cli, neo4j_server, pg, driver):
    publish(pg, driver)
    env = {"WATWERKT_NEO4J_PASSWORD": PASSWORD}
    code, out, err = cli("cypher", "MATCH (c:Case) RETURN count(c) AS n", "--uri", neo4j_server.uri,
                         "--format", "json", env=env)
    assert code == 0 and json.loads(out) == [{"n": 28}]
    code, out, err = cli("cypher", "CREATE (:Boef {naam: 'x'})", "--uri", neo4j_server.uri, env=env)
    assert code == 2 and err.startswith("watwerkt: alleen lezen")
    code, out, err = cli("cypher", "MATCH (c:Case {id: $id}) RETURN c.subject AS s", "--param", "id=case/oss",
                         "--uri", neo4j_server.uri, "--format", "json", env=env)
    assert json.loads(out) == [{"s": "Gemeente Oss"}]
    assert counts(driver) == (len(pg.nodes), len(pg.rels))


def test_exports_for_admin_import_and_cypher_shell(cli, pg, real_store, tmp_path):
    code, _, err = cli("export", "neo4j", "--out", str(tmp_path), "--store", str(real_store))
    assert code == 0
    nodes = (tmp_path / "nodes.csv").read_text(encoding="utf-8").splitlines()
    rels = (tmp_path / "relationships.csv").read_text(encoding="utf-8").splitlines()
    assert nodes[0].startswith("iri:ID,:LABEL,") and len(nodes) == len(pg.nodes) + 1
    assert rels[0] == ":START_ID,:END_ID,:TYPE" and len(rels) == len(pg.rels) + 1
    script = (tmp_path / "watwerkt.cypher").read_text(encoding="utf-8")
    assert script.count("MERGE (n:Resource {iri: row.iri})") >= 1 and script.count("\n") < len(pg.nodes)


def test_cypher_script_loads_into_a_server(pg, driver, tmp_path):
    """The plain Cypher script, run statement by statement, builds the same graph."""
    from watwerkt.graph.neo4j.export import export_cypher_script

    _wipe(driver)
    lines = [ln for ln in export_cypher_script(pg).splitlines()
             if ln and not ln.startswith(("//", ":")) and "CONSTRAINT" not in ln]
    with driver.session() as s, s.begin_transaction() as tx:
        for ln in lines:
            tx.run(ln.rstrip(";")).consume()
        tx.commit()
    assert counts(driver) == (len(pg.nodes), len(pg.rels))
