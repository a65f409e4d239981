"""``watwerkt serve``: a small read-only ASGI app (Starlette on uvicorn) over the store.

Routes (GET only, except ``/sparql`` which takes POST too):

- ``/``: an index with links; ``/verken`` the explorer (``?rond=ID&diepte=N`` an ego view);
  ``/gaten`` the gap map; ``/samenhang`` the co-occurrence heat map; ``/casus/{id}`` a case card; every page the same offline HTML as
  the CLI writes, with case names linking to ``/casus/{id}``;
- ``/sparql``: the SPARQL 1.1 Protocol. A query comes as ``?query=`` (GET), as a form field
  ``query`` or as an ``application/sparql-query`` body (POST). Results as SPARQL JSON, CSV or
  TSV by the Accept header (or ``?format=json|csv|tsv``), graphs as N-Triples. Updates
  (``update=`` or ``application/sparql-update``), SERVICE, over-long and too deeply nested
  queries are refused (400, 413); a query that runs too long or returns too many rows is
  stopped (503, 400). Every query runs in its own limited worker process.

Why this and not ``oxigraph serve-read-only``: docs/decisions/0007-serve.md.
"""

from __future__ import annotations

from pathlib import Path

from watwerkt.queries.readonly import MAX_QUERY_CHARS

HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer",
           "Cache-Control": "no-store", "X-Frame-Options": "DENY"}
CASE_LINK = "/casus/{id}"
INDEX = ((("Verkenner: casussen, interventies, uitkomsten, factoren", "/verken"), ("Bewijs- en gatenkaart", "/gaten"),
          ("Samen voorkomen en netwerkmaten", "/samenhang"),
          ("SPARQL-endpoint (SPARQL 1.1 Protocol)", "/sparql?query=ASK%20%7B%7D"), ("English", "/?lang=en")),
         (("Explorer: cases, interventions, outcomes, factors", "/verken?lang=en"),
          ("Evidence and gap map", "/gaten?lang=en"), ("Co-occurrence and network measures", "/samenhang?lang=en"),
          ("SPARQL endpoint (SPARQL 1.1 Protocol)", "/sparql?query=ASK%20%7B%7D"),
          ("Nederlands", "/?lang=nl")))


def create_app(store: Path, *, timeout: float = 10.0, max_rows: int = 10_000, lang: str = "nl"):
    from starlette.applications import Starlette
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Route

    from watwerkt.errors import QueryError, UsageError, WatwerktError
    from watwerkt.graph.store import open_store, read_info

    read_info(store)  # one line when there is no store
    cache: dict[tuple, bytes] = {}
    db = open_store(store)

    def html(body: bytes, status: int = 200) -> Response:
        return Response(body, status, media_type="text/html; charset=utf-8", headers=HEADERS)

    def error(exc: WatwerktError, status: int) -> Response:
        return PlainTextResponse(str(exc) + "\n", status, headers=HEADERS)

    def page(key: tuple, make) -> Response:
        try:
            if key not in cache:
                cache[key] = make()
            return html(cache[key])
        except UsageError as exc:  # an unknown id
            return error(exc, 404)
        except WatwerktError as exc:
            return error(exc, 400)

    def language(request) -> str:
        value = request.query_params.get("lang", lang)
        return value if value in ("nl", "en") else lang

    async def index(request):
        from watwerkt.viz.html import CSS
        from watwerkt.viz.page import esc
        from watwerkt.viz.page import page as shell

        lg = language(request)
        links = INDEX[lg == "en"]
        items = "".join(f'<li><a href="{esc(href)}">{esc(text)}</a></li>' for text, href in links)
        return html(shell("watwerkt", f"<header><h1>watwerkt</h1></header><main><ul>{items}</ul></main>",
                          lang=lg, styles=(CSS,)))

    async def explore(request):
        from watwerkt.queries import graph_views
        from watwerkt.queries.explore_views import graph_listing
        from watwerkt.renderers import render

        lg, around = language(request), request.query_params.get("rond")
        depth_text = request.query_params.get("diepte", "1")
        depth = int(depth_text) if depth_text.isdigit() else 0

        def make():
            view = graph_views.ego(db, around, depth, lang=lg) if around else graph_views.overview(db, lang=lg)
            listing = graph_listing(view, lg)
            listing.extra["case_link"] = CASE_LINK
            return render(listing, "html")

        return page(("verken", lg, around, depth), make)

    async def gaps(request):
        from watwerkt.queries.explore_views import gap_map_listing
        from watwerkt.queries.gap_map import gap_map
        from watwerkt.renderers import render

        lg = language(request)

        def make():
            listing = gap_map_listing(gap_map(db, lang=lg), lg)
            listing.extra["case_link"] = CASE_LINK
            return render(listing, "html")

        return page(("gaten", lg), make)

    async def cooccurrence(request):
        from watwerkt.queries.cooccurrence import cooccurrence as question
        from watwerkt.queries.explore_views import cooccurrence_listing
        from watwerkt.renderers import render

        lg = language(request)
        kind = request.query_params.get("soort", "factor-uitkomst")
        if kind not in ("factor-uitkomst", "factor-factor"):
            return PlainTextResponse("soort: factor-uitkomst of factor-factor\n", 400, headers=HEADERS)
        return page(("samenhang", lg, kind), lambda: render(cooccurrence_listing(question(db, kind=kind, lang=lg), lg), "html"))

    async def case(request):
        from watwerkt.queries.case_card import case_card
        from watwerkt.queries.case_card_view import case_card_view
        from watwerkt.renderers import render

        lg, ident = language(request), request.path_params["ident"]
        return page(("casus", lg, ident), lambda: render(case_card_view(case_card(db, ident, lg), lg), "html"))

    async def sparql(request):
        from starlette.concurrency import run_in_threadpool

        from watwerkt.viz.sparql_endpoint import execute, negotiate

        lg = language(request)
        query = None
        if request.method == "GET":
            if "update" in request.query_params:
                return PlainTextResponse("alleen lezen: updates zijn niet toegestaan\n", 400, headers=HEADERS)
            query = request.query_params.get("query")
        else:
            ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
            length = int(request.headers.get("content-length") or 0)
            if length > 4 * MAX_QUERY_CHARS:
                return PlainTextResponse("de query is te lang\n", 413, headers=HEADERS)
            body = await request.body()
            if len(body) > 4 * MAX_QUERY_CHARS:
                return PlainTextResponse("de query is te lang\n", 413, headers=HEADERS)
            if ctype == "application/sparql-update":
                return PlainTextResponse("alleen lezen: updates zijn niet toegestaan\n", 400, headers=HEADERS)
            if ctype == "application/sparql-query":
                query = body.decode("utf-8", "replace")
            elif ctype == "application/x-www-form-urlencoded":
                from urllib.parse import parse_qs

                form = parse_qs(body.decode("utf-8", "replace"), max_num_fields=20)
                if "update" in form:
                    return PlainTextResponse("alleen lezen: updates zijn niet toegestaan\n", 400, headers=HEADERS)
                query = (form.get("query") or [None])[0]
            else:
                return PlainTextResponse("gebruik application/sparql-query of een formulier met query=\n", 415,
                                         headers=HEADERS)
        if not query:
            return PlainTextResponse("geef een query: /sparql?query=SELECT...\n", 400, headers=HEADERS)
        if len(query) > MAX_QUERY_CHARS:
            return PlainTextResponse(f"de query is te lang: {len(query)} tekens\n", 413, headers=HEADERS)
        fmt = negotiate(request.headers.get("accept"), request.query_params.get("format"))
        try:
            body, media = await run_in_threadpool(execute, store, query, fmt, timeout=timeout,
                                                  max_rows=max_rows, lang=lg)
        except QueryError as exc:
            status = 503 if "duurde langer" in exc.message or "took longer" in exc.message else 400
            return error(exc, status)
        charset = "; charset=utf-8" if media.startswith("text/") or "json" in media else ""
        return Response(body, 200, media_type=media + charset, headers=HEADERS)

    routes = [Route("/", index), Route("/verken", explore), Route("/gaten", gaps),
              Route("/samenhang", cooccurrence), Route("/casus/{ident}", case), Route("/sparql", sparql, methods=["GET", "POST"])]
    return Starlette(routes=routes)


def run_server(store: Path, *, host: str = "127.0.0.1", port: int = 8765, timeout: float = 10.0,
               max_rows: int = 10_000, lang: str = "nl") -> None:
    import uvicorn

    app = create_app(store, timeout=timeout, max_rows=max_rows, lang=lang)
    print(f"watwerkt serve: http://{host}:{port}/ (SPARQL: http://{host}:{port}/sparql)", flush=True)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False, server_header=False)
