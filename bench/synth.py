"""Synthetic data for the scale benchmarks: N practice cases drawn from the real ones.

    python bench/synth.py --cases 1000 --seed 1 -o /tmp/synth-1000

writes a complete ``data/`` directory (``DIR/data`` is not used: ``DIR`` itself is the data
directory, as ``watwerkt build --data DIR`` takes it). How the cases are drawn:

- **Per-case counts and their correlations**: every synthetic case is a bootstrap draw of one
  real case (its template), so the joint distribution of the numbers of interventions,
  drivers, angels, bears, outcomes, transitions, people, lessons and key numbers is the real
  one, and the case kind (organisation / employee) comes with it.
- **Concept frequencies**: each concept reference (intervention types, factors, target groups,
  driver and outcome concepts, works-table elements) is kept from the template with
  probability 1/2, otherwise drawn from the real corpus's frequencies of that field, so
  filters hit varied subsets while the marginal frequencies stay the real ones.
- **Directions** (outcome direction, influence polarity, state, explicitness, epistemic
  status) are the template's.
- **Text**: every text (titles, names, summaries, descriptions, roles, lessons) is replaced by
  invented words (an own list, no corpus text) of the same length as the template's text.
- **The rest of data/** (concept schemes, report, programmes, findings, reference tables,
  sources) is copied unchanged; ``book.yaml`` and ``segments/boek.yaml`` list the synthetic
  cases, each with its template's spans.

Anchors: every anchor is the template's, so it names a real span of the real book, but of
another case's text. Synthetic data is therefore checked with the corpus check switched off
explicitly (``watwerkt check --no-anchors --data DIR``) and built without a corpus
(``watwerkt build --data DIR --store STORE``, no ``--corpus``, no ``WATWERKT_CORPUS``): the
graph then has no quotes, as any build without a corpus.

Deterministic: the same ``--cases`` and ``--seed`` give byte-identical files (one
``random.Random(seed)``, sorted iteration, no clock, no hash order).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REAL = ROOT / "data"

# Invented Dutch-looking vocabulary for synthetic text (our own list, no corpus sentences).
WORDS = (
    "team werk leren plan groei stap kans rol taak doel vak kennis gesprek advies project keuze "
    "ruimte tijd budget regie scholing coach netwerk route afdeling functie loopbaan opleiding "
    "ervaring beleid praktijk overleg ontwikkeling vaardigheid motivatie begeleiding toekomst "
    "mobiliteit inzet stage cursus training werkplek collega manager bureau wijk dienst balie "
    "snel rustig samen nieuw eigen breed extra klein groot open vast actief sterk helder zeker "
    "bouwt maakt kiest zoekt vindt leert werkt helpt start volgt deelt vraagt krijgt houdt "
    "met voor door naar over bij onder tussen zonder tijdens en of maar dus ook nog wel"
).split()
NAMES = ("Anouk Bram Cor Daan Evi Fenna Gijs Hanna Ilse Joris Kim Lotte Mees Noor Olaf Pien "
         "Quinten Roos Sem Tess Umut Vera Wout Yara Zeno").split()
SURNAMES = ("Akkerman Bosman Claassen Dekker Evers Franken Groen Hendriks IJzerman Jansen Kok "
            "Lammers Meijer Nijland Oosting Peters Roelofs Smit Timmer Veenstra Wolters").split()

TEXT_KEYS = {"title", "subject", "name"}  # plain strings that are text
CONCEPT_FIELDS = {  # (part, field) -> list or single concept references to resample
    ("interventions", "types"): "list", ("interventions", "target_groups"): "list",
    ("interventions", "works_elements"): "list", ("influences", "factors"): "list",
    ("lessons", "factors"): "list", ("drivers", "concept"): "one", ("outcomes", "concept"): "one",
    ("case", "target_groups"): "list",
}


def yaml_load(path: Path):
    import yaml

    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def yaml_dump(obj) -> str:
    import yaml

    return yaml.dump(obj, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True,
                     sort_keys=False, width=100, default_flow_style=False)


def words(rng: random.Random, length: int, capital: bool = True) -> str:
    """Invented words of about ``length`` characters (at least one word)."""
    out, n = [], 0
    while n < max(length, 1):
        w = rng.choice(WORDS)
        out.append(w)
        n += len(w) + 1
    text = " ".join(out)
    return (text[0].upper() + text[1:] + ".") if capital else text


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(NAMES)} {rng.choice(SURNAMES)}"


class Sampler:
    """The real cases and the real frequencies of every concept field."""

    def __init__(self, data: Path):
        self.cases = [yaml_load(p) for p in sorted((data / "cases").glob("*.yaml"))]
        self.freq: dict[tuple[str, str], list[str]] = {}
        counts: dict[tuple[str, str], Counter] = {k: Counter() for k in CONCEPT_FIELDS}
        for case in self.cases:
            counts[("case", "target_groups")].update(case.get("target_groups") or [])
            for (part, fld), kind in CONCEPT_FIELDS.items():
                if part == "case":
                    continue
                for item in case.get(part) or []:
                    v = item.get(fld)
                    if v:
                        counts[(part, fld)].update(v if kind == "list" else [v])
        # a list with each value repeated by its frequency, in sorted order: rng.choice over it
        # draws by the real frequency, deterministically
        for key, c in counts.items():
            self.freq[key] = [v for v, n in sorted(c.items()) for _ in range(n)]
        segs = yaml_load(data / "segments" / "boek.yaml")
        self.segments = {s["id"]: s for s in segs["cases"]}

    def concept(self, rng: random.Random, key: tuple[str, str], old):
        pool = self.freq[key]
        if not pool or rng.random() < 0.5:
            return old
        if isinstance(old, list):
            new = []
            for _ in old:
                v = rng.choice(pool)
                if v not in new:
                    new.append(v)
            return new
        return rng.choice(pool)


def defined_ids(case: dict) -> list[str]:
    ids = [case["id"]]
    for part in ("organisations", "people", "transitions", "drivers", "interventions",
                 "influences", "outcomes", "numbers", "lessons"):
        ids += [item["id"] for item in case.get(part) or []]
    return ids


def rewrite(obj, rng: random.Random, ids: dict[str, str], key: str | None = None):
    """A copy of ``obj`` with its ids renamed and its texts replaced by invented words."""
    if isinstance(obj, dict):
        if set(obj) <= {"nl", "en"} and obj and all(isinstance(v, str) for v in obj.values()):
            return {k: words(rng, len(v)) for k, v in obj.items()}
        out = {}
        for k, v in obj.items():
            if k in ("anchors", "municipality"):  # municipality codes may equal a case id
                out[k] = v if isinstance(v, str) else list(v)
            elif k in TEXT_KEYS and isinstance(v, str):
                out[k] = person_name(rng) if k == "name" else words(rng, len(v))
            else:
                out[k] = rewrite(v, rng, ids, k)
        return out
    if isinstance(obj, list):
        return [rewrite(v, rng, ids, key) for v in obj]
    if isinstance(obj, str) and obj in ids:
        return ids[obj]
    return obj


def synth_case(s: Sampler, rng: random.Random, number: int) -> dict:
    tpl = s.cases[rng.randrange(len(s.cases))]
    prefix = f"s{number:05d}"
    ids = {i: f"{prefix}-{i}" for i in defined_ids(tpl)}
    ids[tpl["id"]] = prefix
    case = rewrite(tpl, rng, ids)
    case["number"] = number
    case["target_groups"] = s.concept(rng, ("case", "target_groups"), case.get("target_groups") or [])
    for (part, fld), _kind in CONCEPT_FIELDS.items():
        if part == "case":
            continue
        for item in case.get(part) or []:
            if item.get(fld):
                item[fld] = s.concept(rng, (part, fld), item[fld])
    case["_template"] = tpl["id"]
    return case


def write_data(n: int, seed: int, out: Path, real: Path = REAL) -> list[dict]:
    """Write the synthetic data directory; return the book entries."""
    if out.exists() and any(out.iterdir()):
        raise SystemExit(f"synth: {out} is not empty; give a new or empty folder")
    s = Sampler(real)
    rng = random.Random(seed)
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    for sub in ("concepts", "reference", "report", "programmes", "findings", "segments"):
        shutil.copytree(real / sub, tmp / sub)
    shutil.copy2(real / "sources.yaml", tmp / "sources.yaml")
    (tmp / "cases").mkdir()
    book = yaml_load(real / "book.yaml")
    segs = yaml_load(real / "segments" / "boek.yaml")
    entries, seg_cases = [], []
    for number in range(1, n + 1):
        case = synth_case(s, rng, number)
        tpl_id = case.pop("_template")
        entries.append({"number": number, "id": case["id"], "kind": case["kind"], "subject": case["subject"]})
        seg = dict(s.segments[tpl_id])
        seg.update(number=number, id=case["id"], subject=case["subject"])
        seg_cases.append(seg)
        (tmp / "cases" / f"{number:05d}-{case['id']}.yaml").write_text(yaml_dump(case), encoding="utf-8")
    book["cases"] = entries
    book["overrides"] = []  # the overrides name lines of the real book's segmentation
    (tmp / "book.yaml").write_text("# Synthetic cases written by bench/synth.py (not the book).\n"
                                   + yaml_dump(book), encoding="utf-8")
    segs["cases"] = seg_cases
    (tmp / "segments" / "boek.yaml").write_text("# Synthetic segmentation written by bench/synth.py.\n"
                                                + yaml_dump(segs), encoding="utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.rmdir()
    tmp.rename(out)
    return entries


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, required=True, help="number of synthetic cases (1 or more)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--out", type=Path, required=True, help="the data directory to write (new or empty)")
    args = ap.parse_args(argv)
    if args.cases < 1:
        print(f"synth: --cases must be 1 or more, not {args.cases}", file=sys.stderr)
        return 2
    write_data(args.cases, args.seed, args.out)
    print(f"{args.cases} synthetic cases (seed {args.seed}) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
