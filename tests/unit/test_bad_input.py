"""Bad input on the data side: each broken data folder is refused with one line, and a store
built before is left byte for byte as it was.

Every case copies the kitchen-sink data (tests/data/kitchen), breaks one thing and runs
``watwerkt build`` in-process. It must exit non-zero, print exactly one line on stderr that
matches the case's pattern (the file and line, or the value), print no traceback, and leave
every file of a previously built store unchanged. ``{line}`` in a pattern is the line the
mutation touched.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

import pytest

from watwerkt.cli import main

C1 = "cases/01-voorbeeldstad.yaml"
C2 = "cases/02-piet.yaml"
SCHEMES = "concepts/schemes.yaml"
REF = "reference/gemeenten.yaml"
FIND = "findings/boek.yaml"
PROG = "programmes/opstap.yaml"
REPORT = "report/werkt.yaml"


# ---------------------------------------------------------------- mutations


def sub(old: str, new: str, rel: str = C1):
    """Replace the first ``old`` in ``rel`` by ``new``; the line it was on."""

    def run(d: Path) -> int:
        p = d / rel
        text = p.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {rel}"
        i = text.index(old)
        p.write_text(text.replace(old, new, 1), encoding="utf-8")
        return text[:i].count("\n") + 1

    return run


def put(rel: str, content: str | bytes):
    def run(d: Path) -> int:
        p = d / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
        return 1

    return run


def append(rel: str, text: str):
    def run(d: Path) -> int:
        p = d / rel
        old = p.read_text(encoding="utf-8")
        p.write_text(old + text, encoding="utf-8")
        return old.count("\n") + 1

    return run


def encode(rel: str, encoding: str, old: str = "", new: str = ""):
    """Rewrite ``rel`` in another encoding (after an optional replacement)."""

    def run(d: Path) -> int:
        p = d / rel
        text = p.read_text(encoding="utf-8")
        line = text[:text.index(old)].count("\n") + 1 if old else 1
        p.write_bytes(text.replace(old, new, 1).encode(encoding) if old else text.encode(encoding))
        return line

    return run


def raw(rel: str, old: bytes, new: bytes):
    def run(d: Path) -> int:
        p = d / rel
        data = p.read_bytes()
        assert old in data
        p.write_bytes(data.replace(old, new, 1))
        return data[:data.index(old)].count(b"\n") + 1

    return run


def remove(rel: str):
    def run(d: Path) -> int:
        p = d / rel
        shutil.rmtree(p) if p.is_dir() else p.unlink()
        return 1

    return run


def empty_folder(rel: str):
    def run(d: Path) -> int:
        shutil.rmtree(d / rel)
        (d / rel).mkdir()
        return 1

    return run


def folder(rel: str):
    def run(d: Path) -> int:
        (d / rel).mkdir(parents=True)
        return 1

    return run


def copy(src: str, dst: str, *subs: tuple[str, str]):
    """Copy ``src`` to ``dst``, with replacements in the copy."""

    def run(d: Path) -> int:
        text = (d / src).read_text(encoding="utf-8")
        for old, new in subs:
            assert old in text
            text = text.replace(old, new)
        (d / dst).write_text(text, encoding="utf-8")
        return 1

    return run


def both(*runs):
    def run(d: Path) -> int:
        lines = [r(d) for r in runs]
        return lines[-1]

    return run


BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b]\n"
NL_TITLE = 'title: "Leren\\nloont altijd"'

CASES = [
    # ---- encodings and bytes
    ("utf-16-with-bom", encode(C2, "utf-16"), r"02-piet\.yaml:1: the file is UTF-16"),
    ("utf-16-le-no-bom", encode(C2, "utf-16-le"), r"02-piet\.yaml:1: the file is UTF-16"),
    ("utf-16-be-no-bom", encode(C2, "utf-16-be"), r"02-piet\.yaml:1: the file is UTF-16"),
    ("latin-1", encode(C2, "latin-1", "subject: Piet Peer", "subject: Pïet Peer"), r"02-piet\.yaml:\d+: not UTF-8: byte 0x"),
    ("latin-1-in-title", encode(C1, "latin-1", "Leren loont", "Léren loont"), r"01-voorbeeldstad\.yaml:{line}: not UTF-8"),
    ("stray-byte", raw(C1, b"Leren loont", b"Leren \xff loont"), r"01-voorbeeldstad\.yaml:{line}: not UTF-8: byte 0xff"),
    ("cut-multibyte", raw(C1, b"Leren loont", b"Leren \xc3"), r"01-voorbeeldstad\.yaml:{line}: not UTF-8"),
    ("nul-byte", raw(C1, b"Leren loont", b"Leren \x00 loont"), r"01-voorbeeldstad\.yaml:{line}: .*U\+0000"),
    ("bell-character", raw(C1, b"Leren loont", b"Leren \x07 loont"), r"01-voorbeeldstad\.yaml:{line}: .*U\+0007"),
    ("utf-32", encode(C2, "utf-32"), r"02-piet\.yaml:1: the file is UTF-16"),
    ("escaped-control", sub("title: Leren loont altijd", 'title: "Leren \\x01 loont"'), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.title: the control character U\+0001"),
    ("escaped-surrogate", sub("title: Leren loont altijd", 'title: "Leren \\ud800 loont"'), r"01-voorbeeldstad\.yaml:{line}"),
    # ---- YAML syntax
    ("unclosed-bracket", sub("target_groups: [alle-medewerkers]", "target_groups: [alle-medewerkers"), r"01-voorbeeldstad\.yaml:\d+: not valid YAML"),
    ("bad-indentation", sub("kind: organisation", "  kind: organisation"), r"01-voorbeeldstad\.yaml:\d+: not valid YAML"),
    ("tab-indentation", sub("    types: [mobiliteitscentrum]", "\ttypes: [mobiliteitscentrum]"), r"01-voorbeeldstad\.yaml:\d+: not valid YAML"),
    ("unterminated-quote", sub("title: Leren loont altijd", 'title: "Leren loont altijd'), r"01-voorbeeldstad\.yaml:\d+: not valid YAML"),
    ("mapping-in-plain-value", sub("title: Leren loont altijd", "title: Leren: loont: altijd"), r"01-voorbeeldstad\.yaml:{line}: not valid YAML"),
    ("stray-document-end", sub("kind: organisation", "kind: organisation\n...\nfoo"), r"01-voorbeeldstad\.yaml:\d+"),
    ("duplicate-top-key", sub("kind: organisation", "kind: organisation\ntitle: Nog een titel"), r"01-voorbeeldstad\.yaml:\d+: key 'title' appears twice in one mapping \(lines \d+ and \d+\)"),
    ("duplicate-flow-key", sub("summary: {nl: Een", "summary: {nl: Twee, nl: Een"), r"01-voorbeeldstad\.yaml:{line}: key 'nl' appears twice"),
    ("duplicate-nested-key", sub("    year: 2011", "    year: 2011\n    year: 2012"), r"01-voorbeeldstad\.yaml:\d+: key 'year' appears twice"),
    ("duplicate-key-in-concepts", sub("  - {id: werkgever, nl: Werkgever,", "  - {id: werkgever, id: baas, nl: Werkgever,", SCHEMES), r"schemes\.yaml:{line}: key 'id' appears twice"),
    ("anchor-and-alias", sub("summary: {nl: Een", "summary: &s {nl: Een", C1), r"01-voorbeeldstad\.yaml:{line}: YAML anchors"),
    ("alias-bomb", put("cases/03-bom.yaml", BOMB), r"03-bom\.yaml:1: YAML anchors"),
    ("bare-alias", sub("title: Leren loont altijd", "title: *elders"), r"01-voorbeeldstad\.yaml:{line}: YAML aliases"),
    ("merge-key", sub("kind: organisation", "<<: {kind: organisation}"), r"01-voorbeeldstad\.yaml:{line}: YAML merge keys"),
    ("python-tag", sub("title: Leren loont altijd", "title: !!python/object/apply:os.system [echo hi]"), r"01-voorbeeldstad\.yaml:{line}: YAML tags"),
    ("custom-tag", sub("title: Leren loont altijd", "title: !geheim Leren"), r"01-voorbeeldstad\.yaml:{line}: YAML tags"),
    ("deep-nesting-5000", put("cases/03-diep.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n"), r"03-diep\.yaml:1: (nested deeper than 50 levels|not valid YAML: exceeded maximum nesting depth)"),
    ("deep-nesting-block", put("cases/03-diep.yaml", "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "x\n"), r"03-diep\.yaml:\d+: nested deeper than 50 levels"),
    ("too-large", put("cases/03-groot.yaml", "# " + "x" * 6_000_000 + "\n"), r"03-groot\.yaml: file larger than 5 MB"),
    ("complex-key", sub("kind: organisation", "? [kind]\n: organisation"), r"01-voorbeeldstad\.yaml:{line}: a key must be a plain value"),
    ("impossible-date", sub("    year: 2011", "    year: 2011-02-30"), r"01-voorbeeldstad\.yaml:{line}: the value '2011-02-30' cannot be read"),
    # ---- files and folders
    ("folder-named-yaml", folder("cases/03-map.yaml"), r"03-map\.yaml: is a folder, not a YAML file"),
    ("fifo-named-yaml", lambda d: os.mkfifo(d / "cases" / "03-pijp.yaml") or 1, r"03-pijp\.yaml: is not a regular file"),
    ("device-symlink", lambda d: (d / "cases" / "03-nul.yaml").symlink_to("/dev/zero") or 1, r"03-nul\.yaml: is not a regular file"),
    ("missing-cases-folder", remove("cases"), r"cases: the folder cases/ is missing"),
    ("empty-cases-folder", empty_folder("cases"), r"cases: the folder cases/ holds no \.yaml file"),
    ("missing-concepts-folder", remove("concepts"), r"concepts: the folder concepts/ is missing"),
    ("missing-reference-folder", remove("reference"), r"reference: the folder reference/ is missing"),
    ("empty-case-file", put(C2, ""), r"02-piet\.yaml:1: the file is empty"),
    ("comments-only-case-file", put(C2, "# nog niets\n"), r"02-piet\.yaml:1: the file is empty"),
    ("empty-documents-only", put(C2, "---\n---\n"), r"02-piet\.yaml:1: the file is empty"),
    ("two-cases-in-one-file", append(C2, "---\nid: nog-een\n"), r"02-piet\.yaml:\d+: this file holds one document; a second one starts here"),
    ("yml-extension", put("cases/03-extra.yml", "id: extra\n"), r"03-extra\.yml: data files end in \.yaml"),
    ("empty-reference-file", put(REF, ""), r"gemeenten\.yaml:1: the file is empty"),
    ("empty-concepts-file", put(SCHEMES, ""), r"schemes\.yaml:1: the file is empty"),
    ("missing-sources", remove("sources.yaml"), r"sources\.yaml: file not found"),
    ("empty-sources", put("sources.yaml", ""), r"sources\.yaml:1: the file is empty"),
    ("sources-documents-mapping", put("sources.yaml", "documents: {key: boek}\n"), r"sources\.yaml:1: documents: Input should be a valid list"),
    ("sources-top-list", put("sources.yaml", "- key: boek\n"), r"sources\.yaml:1: expected a mapping of keys to values, found a list"),
    ("sources-missing-sha", sub("sha256: f3fde2ce32e9f983890deb513e9b1d915a7f8c7181340876c4dae67864f51386, ", "", "sources.yaml"), r"sources\.yaml:{line}: documents\.0\.sha256: Field required"),
    ("sources-bad-sha", sub("sha256: f3fde2ce", "sha256: XYZ2ce", "sources.yaml"), r"sources\.yaml:{line}: documents\.0\.sha256: got 'XYZ2ce"),
    ("sources-unknown-key", sub("kind: book,", "kind: book, colour: red,", "sources.yaml"), r"sources\.yaml:{line}: documents\.0\.colour"),
    ("book-without-cases", put("book.yaml", "overrides: []\n"), r"book\.yaml:1: cases: Field required"),
    ("book-number-text", sub("number: 2,", "number: twee,", "book.yaml"), r"book\.yaml:{line}: cases\.1\.number: got 'twee'"),
    ("book-unknown-key", sub("number: 1,", "number: 1, colour: red,", "book.yaml"), r"book\.yaml:{line}: cases\.0\.colour"),
    ("book-override-line-zero", sub("overrides: []", "overrides:\n  - {line: 0, section: aanleiding}", "book.yaml"), r"book\.yaml:\d+: overrides\.0\.line: got 0"),
    ("book-scalar", put("book.yaml", "28 praktijken\n"), r"book\.yaml:1: expected a mapping of keys to values, found the value '28 praktijken'"),
    ("findings-top-list", put(FIND, "- id: x\n"), r"findings/boek\.yaml:1: expected a mapping of keys to values, found a list"),
    ("findings-strings", put(FIND, "findings: [een, twee]\n"), r"findings/boek\.yaml:1: findings\.0: got 'een'"),
    ("findings-wrong-key", put(FIND, "bevindingen: []\n"), r"findings/boek\.yaml:1: "),
    ("findings-empty-list", put(FIND, "findings: []\n"), r"findings/boek\.yaml:1: findings: List should have at least 1 item"),
    ("finding-without-description", sub("description: {nl: Afbreking midden in een woord., en: Hyphenation in the middle of a word.}, ", "", FIND), r"findings/boek\.yaml:{line}: findings\.0\.description: Field required"),
    ("finding-in-wrong-document-file", both(copy(FIND, "findings/nro.yaml"), remove(FIND)), r"findings/nro\.yaml:\d+: finding test-afbreking: its first anchor points into 'boek'"),
    # ---- shapes of records
    ("case-top-list", put(C2, "- id: piet\n"), r"02-piet\.yaml:1: expected a mapping of keys to values, found a list"),
    ("case-top-scalar", put(C2, "piet\n"), r"02-piet\.yaml:1: expected a mapping of keys to values, found the value 'piet'"),
    ("bad-polarity", sub("polarity: bear", "polarity: wolf"), r"01-voorbeeldstad\.yaml:{line}: influences\.1\.polarity: got 'wolf'"),
    ("missing-title", sub("title: Leren loont altijd\n", ""), r"01-voorbeeldstad\.yaml:1: title: Field required"),
    ("unknown-field", sub("kind: organisation", "kind: organisation\nkleur: rood"), r"01-voorbeeldstad\.yaml:\d+: kleur: got 'rood'; Extra inputs are not permitted"),
    ("number-out-of-range", sub("number: 1", "number: 99"), r"01-voorbeeldstad\.yaml:{line}: .*99.*book\.yaml"),  # the book manifest bounds the numbers
    ("id-not-a-slug", sub("id: vbs-loopbaanwinkel", "id: Vbs Loopbaanwinkel"), r"01-voorbeeldstad\.yaml:{line}: interventions\.0\.id: got 'Vbs Loopbaanwinkel'"),
    ("bad-anchor", sub("anchors: [boek:316-351#a283d4133cee]", "anchors: [boek:316-351]"), r"01-voorbeeldstad\.yaml:{line}: interventions\.0\.anchors\.0: got 'boek:316-351'"),
    ("epistemic-derived", sub("epistemic: stated}", "epistemic: derived}"), r"01-voorbeeldstad\.yaml:{line}: lessons\.0\.epistemic"),
    ("employee-case-without-employee", sub("employee: {person: piet-peer, age: 50, anchors: [boek:1019-1039#e22946050e16]}\n", "", C2), r"02-piet\.yaml:2: \(top\): .*an employee case needs an 'employee' entry"),
    ("text-is-a-list", sub("summary: {nl: Een verzonnen gemeente met een loopbaanwinkel., en: An invented municipality with a career shop.}", "summary: [a, b]"), r"01-voorbeeldstad\.yaml:{line}: summary"),
    ("concepts-not-a-list", sub("concepts:\n  - {id: verzuim", "concepts: verzuim\nx:\n  - {id: verzuim", SCHEMES), r"schemes\.yaml:{line}: concepts: got 'verzuim'"),
    ("reference-bad-cbs-code", sub("cbs_code: GM9991", "cbs_code: 9991", REF), r"gemeenten\.yaml:{line}: municipalities\.1\.cbs_code: got 9991"),
    # ---- references
    ("unknown-concept", sub("factors: [collegas]", "factors: [geluk]"), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.influences\[vbs-drukte\]: unknown concept 'geluk' in scheme 'factoren'"),
    ("unknown-intervention-type", sub("types: [mobiliteitscentrum]", "types: [toverstaf]"), r"01-voorbeeldstad\.yaml:{line}: .*unknown concept 'toverstaf'"),
    ("unknown-organisation-of-intervention", sub("    organisation: gemeente-voorbeeldstad", "    organisation: gemeente-elders"), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.interventions\[vbs-loopbaanwinkel\]: unknown organisation 'gemeente-elders'"),
    ("unknown-organisation-of-person", sub("organisation: gemeente-voorbeeldstad, anchors: [boek:96", "organisation: gemeente-elders, anchors: [boek:96"), r"01-voorbeeldstad\.yaml:{line}: .*unknown organisation 'gemeente-elders'"),
    ("unknown-organisation-of-transition", sub("kind: horizontaal,", "kind: horizontaal, organisation_to: nergens,", C2), r"02-piet\.yaml:{line}: piet\.transitions\[piet-stap\]: unknown organisation 'nergens'"),
    ("unknown-municipality", sub("municipality: voorbeeldstad", "municipality: atlantis"), r"01-voorbeeldstad\.yaml:{line}: .*unknown municipality 'atlantis'"),
    ("unknown-municipality-of-practice", sub("municipalities: [voorbeeldstad]", "municipalities: [atlantis]", PROG), r"opstap\.yaml:{line}: .*unknown municipality 'atlantis'"),
    ("merged-into-unknown", sub("merged_into: nieuwstad", "merged_into: atlantis", REF), r"gemeenten\.yaml:{line}: municipality voorbeeldstad: merged into unknown 'atlantis'"),
    ("affects-unknown", sub("affects: [piet-stap]", "affects: [nergens]", C2), r"02-piet\.yaml:{line}: .*affects unknown intervention or transition 'nergens'"),
    ("unknown-works-element", sub("works_elements: [werkt-a-01]", "works_elements: [werkt-z-99]"), r"01-voorbeeldstad\.yaml:{line}: .*unknown works-table element 'werkt-z-99'"),
    ("broader-unknown", sub("broader: omgeving}", "broader: heelal}", SCHEMES), r"schemes\.yaml:{line}: concept factoren/economie: broader 'heelal' unknown"),
    ("broader-cycle", sub("{id: werkgever, nl: Werkgever, en: Employer}", "{id: werkgever, nl: Werkgever, en: Employer, broader: collegas}", SCHEMES), r"schemes\.yaml:\d+: scheme factoren: broader forms a cycle (werkgever -> collegas -> werkgever|collegas -> werkgever -> collegas)"),
    ("broader-self", sub("{id: omgeving, nl: Omgeving, en: Environment}", "{id: omgeving, nl: Omgeving, en: Environment, broader: omgeving}", SCHEMES), r"schemes\.yaml:{line}: scheme factoren: broader forms a cycle omgeving -> omgeving"),
    ("case-not-in-book", sub("id: piet", "id: klaas", C2), r"02-piet\.yaml:\d+: case klaas: id not listed in data/book\.yaml"),
    ("number-disagrees-with-book", sub("number: 2", "number: 3", C2), r"02-piet\.yaml:{line}: case piet: number/kind 3/employee disagree"),
    ("organisation-described-twice", both(sub("overrides: []", "  - {number: 3, id: kopie, kind: organisation, subject: Kopie}\noverrides: []", "book.yaml"), copy(C1, "cases/03-kopie.yaml", ("id: voorbeeldstad\n", "id: kopie\n"), ("number: 1", "number: 3"), ("name: Gemeente Voorbeeldstad", "name: Gemeente Anders"), ("vbs-", "kop-"))), r"03-kopie\.yaml:\d+: kopie\.organisations\[gemeente-voorbeeldstad\]: described differently"),
    # ---- ids used twice
    ("scheme-split-over-two-files", put("concepts/factoren-extra.yaml", "scheme: factoren\nnl: Factoren\nen: Factors\nconcepts:\n  - {id: geluk, nl: Geluk, en: Luck}\n"), r"(factoren-extra|schemes)\.yaml:1: scheme 'factoren' is split over two files: .*(schemes|factoren-extra)\.yaml:1 and here"),
    ("concept-twice-in-scheme", sub("  - {id: economie,", "  - {id: omgeving, nl: Nog eens, en: Again}\n  - {id: economie,", SCHEMES), r"schemes\.yaml:{line}: concept of scheme 'factoren', id 'omgeving' is used twice: first at .*schemes\.yaml:\d+"),
    ("case-id-twice", copy(C2, "cases/03-piet.yaml", ("piet-", "piet2-")), r"03-piet\.yaml:1: case id 'piet' is used twice: first at .*02-piet\.yaml:1"),
    ("intervention-id-twice", sub("{id: piet-cursus,", "{id: vbs-loopbaanwinkel,", C2), r"02-piet\.yaml:{line}: intervention id 'vbs-loopbaanwinkel' is used twice: first at .*01-voorbeeldstad\.yaml:\d+"),
    ("influence-id-twice", sub("{id: piet-teamleider,", "{id: vbs-wethouder,", C2), r"02-piet\.yaml:{line}: influence id 'vbs-wethouder' is used twice: first at .*01-voorbeeldstad\.yaml:\d+"),
    ("outcome-id-twice", sub("{id: piet-plezier,", "{id: vbs-verzuim,", C2), r"02-piet\.yaml:{line}: outcome id 'vbs-verzuim' is used twice"),
    ("key-number-id-twice", sub("{id: opstap-deelnemers,", "{id: vbs-geplaatst,", PROG), r"opstap\.yaml:{line}: key number id 'vbs-geplaatst' is used twice"),
    ("statement-id-twice", sub("{id: nro-aanbeveling-1,", "{id: nro-stim-1,", REPORT), r"werkt\.yaml:{line}: statement id 'nro-stim-1' is used twice"),
    ("finding-id-twice", put("findings/nro.yaml", "findings:\n  - {id: test-afbreking, kind: ocr-fout, description: {nl: Dubbel., en: Twice.}, anchors: [nro:135-177#ec86fda1f7a7]}\n"), r"findings/nro\.yaml:2: finding id 'test-afbreking' is used twice: first at .*findings/boek\.yaml:2"),
    ("municipality-twice-in-file", append(REF, "  - {id: nieuwstad, name: Nieuwstad, cbs_code: GM9991}\n"), r"gemeenten\.yaml:{line}: municipality id 'nieuwstad' is used twice: first at .*gemeenten\.yaml:4"),
    ("municipality-in-two-files", put("reference/meer.yaml", "source: test\nmunicipalities:\n  - {id: nieuwstad, name: Nieuwstad, cbs_code: GM9991}\n"), r"meer\.yaml:3: municipality id 'nieuwstad' is used twice: first at .*gemeenten\.yaml:4"),
    ("source-key-twice", append("sources.yaml", "  - {key: boek, file: boek.txt, sha256: f3fde2ce32e9f983890deb513e9b1d915a7f8c7181340876c4dae67864f51386, kind: book, title: Nog eens, publisher: Testfonds, year: 2013, basis: praktijk}\n"), r"sources\.yaml:{line}: source id 'boek' is used twice"),
    # ---- contact details and line breaks in texts
    ("mobile-in-description", sub("A shop for career advice.", "Call 06-12345678."), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.interventions\[vbs-loopbaanwinkel\]\.description\.en: holds a phone number"),
    ("mobile-spaced", sub("Een winkel voor loopbaanadvies.", "Bel 06 1234 5678."), r"01-voorbeeldstad\.yaml:{line}: .*description\.nl: holds a phone number"),
    ("international-phone", sub("Loopbaanwinkel, en: Career shop", "Loopbaanwinkel +31 6 1234 5678, en: Career shop"), r"01-voorbeeldstad\.yaml:{line}: .*label\.nl: holds a phone number"),
    ("0031-phone", sub("Krimp door bezuinigingen.", "Krimp; bel 0031 6 12345678."), r"01-voorbeeldstad\.yaml:{line}: .*drivers\[vbs-bezuinigingen\]\.description\.nl: holds a phone number"),
    ("landline", sub("Steunde het plan.", "Steunde het plan via 010-1234567."), r"01-voorbeeldstad\.yaml:{line}: .*holds a phone number"),
    ("landline-parentheses", sub("Verzuim daalde.", "Verzuim daalde; bel (010) 123 45 67."), r"01-voorbeeldstad\.yaml:{line}: .*outcomes\[vbs-verzuim\]\.description\.nl: holds a phone number"),
    ("e-mail-in-name", sub("name: Anna Appel", "name: anna@voorbeeldstad.nl"), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.people\[anna-appel\]\.name: holds an e-mail address"),
    ("e-mail-in-finding", sub("Afbreking midden in een woord.", "Mail test@example.org.", FIND), r"findings/boek\.yaml:{line}: .*description\.nl: holds an e-mail address"),
    ("phone-in-synonym", sub("synonyms: [ziekteverzuim]", "synonyms: [ziekteverzuim, 020 123 45 67]", SCHEMES), r"schemes\.yaml:{line}: .*synonyms\[1\]: holds a phone number"),
    ("phone-in-programme", sub("Verzonnen programma.", "Verzonnen programma; bel 0800-1234.", PROG), r"opstap\.yaml:{line}: opstap\.description\.nl: holds a phone number"),
    ("phone-in-municipality-note", sub("{id: nieuwstad, name: Nieuwstad, cbs_code: GM9991}", "{id: nieuwstad, name: Nieuwstad, cbs_code: GM9991, note: bel 0612345678}", REF), r"gemeenten\.yaml:{line}: .*note: holds a phone number"),
    ("phone-in-report", sub("Begin klein.", "Begin klein; bel 030-2345678.", REPORT), r"werkt\.yaml:{line}: .*statements\[nro-aanbeveling-1\]\.text\.nl: holds a phone number"),
    ("line-break-in-title", sub("title: Leren loont altijd", NL_TITLE), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.title: a line break inside a text"),
    ("literal-block", sub("    description: {nl: Een winkel voor loopbaanadvies., en: A shop for career advice.}", "    description:\n      nl: |\n        Een winkel\n        voor advies.\n      en: A shop."), r"01-voorbeeldstad\.yaml:\d+: .*description\.nl: a line break inside a text"),
    ("carriage-return", sub("title: Leren loont altijd", 'title: "Leren\\r loont"'), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.title: a line break"),
    ("line-separator", sub("title: Leren loont altijd", 'title: "Leren\\L loont"'), r"01-voorbeeldstad\.yaml:{line}: voorbeeldstad\.title: a line break"),
    ("line-break-in-concept-label", sub("{id: verzuim, nl: Verzuim,", '{id: verzuim, nl: "Ver\\nzuim",', SCHEMES), r"schemes\.yaml:{line}: .*verzuim\]\.nl: a line break"),
]


def _store_files(store: Path) -> dict[str, str]:
    return {str(p.relative_to(store)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(store.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built_store(tmp_path_factory, kitchen) -> Path:
    data = tmp_path_factory.mktemp("good") / "data"
    shutil.copytree(kitchen, data)
    store = tmp_path_factory.mktemp("bad-input") / "store"
    assert main(["build", "--data", str(data), "--corpus", str(data / "corpus"), "--store", str(store)]) == 0
    return store


def test_there_are_enough_cases():
    assert len(CASES) >= 70
    assert len({c[0] for c in CASES}) == len(CASES)
    for name, _mutate, pattern in CASES:  # every case names the file (and a line where there is one)
        assert re.match(r"^[\w(|)/\\.-]+(\.ya?ml(:(\{line\}|\\d\+|\d+))?)?$", _where(pattern)[:-2]), name


def _where(pattern: str) -> str:
    """The file-and-line part of a case's pattern (what the Dutch message must start with)."""
    return pattern.split(": ", 1)[0] + ": "


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize(("mutate", "pattern"), [pytest.param(m, p, id=i) for i, m, p in CASES])
def test_bad_data_is_refused_in_one_line(mutate, pattern, lang, kitchen, tmp_path, built_store, capsys,
                                         monkeypatch):
    """Dutch (the default): the line names the file and line; English: the whole message."""
    monkeypatch.setenv("WATWERKT_LANG", lang)
    data = tmp_path / "data"
    shutil.copytree(kitchen, data)
    line = mutate(data)
    before = _store_files(built_store)
    capsys.readouterr()
    code = main(["build", "--data", str(data), "--corpus", str(data / "corpus"), "--store", str(built_store)])
    out, err = capsys.readouterr()
    lines = [x for x in err.splitlines() if x.strip()]
    assert code != 0, out + err
    assert "Traceback" not in err + out
    assert len(lines) == 1, err
    assert lines[0].startswith("watwerkt: "), lines[0]
    want = pattern if lang == "en" else _where(pattern)
    assert re.search(want.replace("{line}", str(line)), lines[0]), lines[0]
    assert _store_files(built_store) == before


def test_a_utf8_bom_is_accepted(kitchen, tmp_path):
    from watwerkt.ingest.data import load_dataset

    data = tmp_path / "data"
    shutil.copytree(kitchen, data)
    p = data / C2
    p.write_bytes(b"\xef\xbb\xbf" + p.read_bytes())
    assert [c.id for c in load_dataset(data).cases] == ["voorbeeldstad", "piet"]


def test_folded_blocks_are_one_line(kitchen, tmp_path):
    from watwerkt.ingest.checks import check_dataset
    from watwerkt.ingest.data import load_dataset

    data = tmp_path / "data"
    shutil.copytree(kitchen, data)
    sub("    description: {nl: Een winkel voor loopbaanadvies., en: A shop for career advice.}",
        "    description:\n      nl: >-\n        Een winkel\n        voor loopbaanadvies.\n      en: A shop.")(data)
    ds = load_dataset(data)
    assert check_dataset(ds) == []
    assert ds.cases[0].interventions[0].description.nl == "Een winkel voor loopbaanadvies."


@pytest.mark.parametrize("case_id", ["mobile-in-description", "broader-cycle", "scheme-split-over-two-files",
                                     "intervention-id-twice", "line-break-in-title"])
def test_check_lists_the_same_problems(case_id, kitchen, tmp_path, capsys):
    """`watwerkt check` refuses what the build refuses, printing each problem as file:line."""
    mutate, pattern = next((m, p) for i, m, p in CASES if i == case_id)
    data = tmp_path / "data"
    shutil.copytree(kitchen, data)
    line = mutate(data)
    capsys.readouterr()
    code = main(["check", "--data", str(data), "--corpus", str(data / "corpus")])
    out, err = capsys.readouterr()
    assert code == 1
    assert "Traceback" not in out + err
    want = _where(pattern).replace("{line}", str(line)) + "error: "
    assert any(re.search(want, x) for x in out.splitlines()), out
