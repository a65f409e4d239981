"""The typed parts of a case card (frozen dataclasses); :mod:`.case_card` fills them from the store."""

from __future__ import annotations

from dataclasses import dataclass, field

# labels of the ontology's fixed terms for graphs whose store lacks them (they live in ontology/)
FALLBACK_LABELS = {
    "angel": ("engel", "angel"), "bear": ("beer", "bear"), "actual": ("feitelijk", "actual"),
    "potential": ("mogelijk", "potential"), "overcome": ("overwonnen", "overcome"),
    "named": ("genoemd", "named"), "read-in": ("geïnterpreteerd", "interpreted"),
    "stated": ("vermeld", "stated"), "interpreted": ("geïnterpreteerd", "interpreted"),
    "favourable": ("gunstig", "favourable"), "unfavourable": ("ongunstig", "unfavourable"),
    "unclear": ("onduidelijk", "unclear"), "used": ("toegepast", "used"), "planned": ("gepland", "planned"),
    "wished": ("gewenst", "wished for"), "suggested": ("voorgesteld", "suggested"),
    "up": ("omhoog", "up"), "down": ("omlaag", "down"), "high": ("hoog", "high"), "low": ("laag", "low"),
    "average": ("gemiddeld", "average"), "mixed": ("gemengd", "mixed"), "not-shown": ("niet aangetoond", "not shown"),
}


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    organisation: str | None
    age: int | None = None
    employee: bool = False  # the employee the story is about


@dataclass(frozen=True)
class Municipality:
    id: str
    name: str
    cbs_code: str | None
    valid_until: str | None = None
    merged_into: str | None = None
    merged_into_code: str | None = None


@dataclass(frozen=True)
class Driver:
    id: str
    type: str
    type_label: str
    description: str | None
    epistemic: str | None


@dataclass(frozen=True)
class Intervention:
    id: str
    label: str
    description: str | None
    types: tuple[str, ...]
    type_labels: tuple[str, ...]
    status: str | None  # used | planned | wished | suggested (None: graph without use status)
    year: str | None
    epistemic: str | None


@dataclass(frozen=True)
class Influence:
    id: str
    polarity: str  # angel | bear
    state: str | None  # actual | potential | overcome
    basis: str  # named | read-in
    actor: str
    description: str | None
    factors: tuple[str, ...]
    factor_labels: tuple[str, ...]
    epistemic: str | None

    @property
    def named(self) -> bool:
        return self.basis == "named"


@dataclass(frozen=True)
class Outcome:
    id: str
    type: str
    type_label: str
    direction: str
    favourability: str  # favourable | unfavourable | unclear
    figure: str | None
    description: str | None
    produced_by: tuple[str, ...]
    epistemic: str | None


@dataclass(frozen=True)
class KeyNumber:
    id: str
    label: str
    value: float
    unit: str | None
    year: str | None


@dataclass(frozen=True)
class Lesson:
    id: str
    text: str
    factor_labels: tuple[str, ...]


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str | None
    severity: str | None
    description: str | None


@dataclass(frozen=True)
class Transition:
    id: str
    person: str | None
    age: int | None
    from_role: str | None
    to_role: str | None
    kind: str | None
    kind_label: str | None
    year: str | None
    epistemic: str | None


@dataclass(frozen=True)
class MechanismLink:
    """A Table 3.2 element (research) that one of the case's interventions matches (our coding)."""

    intervention: str
    element: str
    group: str
    works: bool
    label: str | None


@dataclass(frozen=True)
class Section:
    """A section of the case in the book: its type, heading span, text spans and first line."""

    type: str
    heading: tuple[int, int] | None
    spans: tuple[tuple[int, int], ...]
    line: int | None
    personal: bool  # a contact block: never shown or quoted


@dataclass(frozen=True)
class Quote:
    claim: str
    kind: str  # Influence | Outcome | Lesson | Intervention | Driver | CareerTransition
    anchor: str  # doc:start-end
    text: str
    line: int | None
    page: int | None  # the book's page, only where the text shows one
    section: str | None  # the section type the quote sits in


@dataclass(frozen=True)
class CaseCard:
    id: str
    number: int
    kind: str  # organisation | employee
    title: str
    short_title: str | None
    subject: str
    summary: str | None
    lang: str
    target_groups: tuple[str, ...] = ()
    target_group_labels: tuple[str, ...] = ()
    self_direction: str | None = None  # the group an employee's story fits (interpreted)
    self_direction_label: str | None = None
    self_direction_rationale: str | None = None
    people: tuple[Person, ...] = ()
    municipalities: tuple[Municipality, ...] = ()
    drivers: tuple[Driver, ...] = ()
    interventions: tuple[Intervention, ...] = ()
    influences: tuple[Influence, ...] = ()  # named first, then interpreted
    outcomes: tuple[Outcome, ...] = ()
    numbers: tuple[KeyNumber, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    findings: tuple[Finding, ...] = ()
    transitions: tuple[Transition, ...] = ()
    mechanisms: tuple[MechanismLink, ...] = ()
    sections: tuple[Section, ...] = ()
    quotes: tuple[Quote, ...] = field(default=())
    _labels: dict = field(default_factory=dict, compare=False)  # ontology term -> label in ``lang`` (not in JSON)

    def term(self, ident: str | None) -> str:
        """The label of an ontology term (``angel``, ``up``, ``favourable``, ``used``, ...)."""
        if not ident:
            return ""
        return self._labels.get(ident) or FALLBACK_LABELS.get(ident, (ident, ident))[self.lang == "en"]

    def short_quotes(self, n: int = 3, max_len: int = 200) -> tuple[Quote, ...]:
        """Up to ``n`` short quotes for a printed card: named angels and bears, then outcomes."""
        order = {"Influence": 0, "Outcome": 1, "Lesson": 2, "CareerTransition": 3, "Intervention": 4, "Driver": 5}
        named = {i.id for i in self.influences if i.named}
        pool = [q for q in self.quotes if 30 <= len(q.text) <= max_len and (q.kind != "Influence" or q.claim in named)]
        pool.sort(key=lambda q: (order.get(q.kind, 9), _start(q.anchor)))
        out: list[Quote] = []
        for q in pool:
            if all(q.text not in o.text and o.text not in q.text for o in out):
                out.append(q)
            if len(out) == n:
                break
        return tuple(sorted(out, key=lambda q: _start(q.anchor)))


def _start(anchor: str) -> int:
    return int(anchor.split(":", 1)[1].split("-", 1)[0])
