"""The typed records that flow from the curated data and the corpus into the graph.

The curated data in ``data/`` is validated into these pydantic models; the graph builder
only ever sees these, never raw dictionaries. Field names are English, concept ids are the
Dutch slugs of the concept schemes in ``data/concepts/``.

Every claim carries ``anchors`` (at least one; compact form ``doc:start-end#hash``) and an
``epistemic`` status: ``stated`` when the source says it in so many words, ``interpreted``
when it is our coding of what the source says. ``derived`` is reserved for facts the build
computes (counts, cross-links) and never appears in the data files.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from watwerkt.anchors import ANCHOR_RE, Anchor

SLUG = r"^[a-z0-9][a-z0-9-]*$"
Slug = Annotated[str, Field(pattern=SLUG)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Text(Record):
    """A text in our own words, in Dutch and English."""

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.nl


class Epistemic(StrEnum):
    stated = "stated"
    interpreted = "interpreted"
    derived = "derived"


class Polarity(StrEnum):
    angel = "angel"
    bear = "bear"


class InfluenceState(StrEnum):
    actual = "actual"
    potential = "potential"
    overcome = "overcome"


class Direction(StrEnum):
    up = "up"
    down = "down"
    high = "high"
    low = "low"
    average = "average"
    mixed = "mixed"
    not_shown = "not-shown"


class UseStatus(StrEnum):
    """Whether an intervention was applied, or only planned, wished for or suggested."""

    used = "used"
    planned = "planned"
    wished = "wished"
    suggested = "suggested"  # by the book's researchers, in their reflection


class CaseKind(StrEnum):
    organisation = "organisation"
    employee = "employee"



AnchorStr = Annotated[str, Field(pattern=ANCHOR_RE.pattern)]


class Claim(Record):
    """Fields every claim shares."""

    anchors: list[AnchorStr] = Field(min_length=1)
    epistemic: Epistemic = Epistemic.stated

    @field_validator("epistemic")
    @classmethod
    def _no_derived_in_data(cls, v: Epistemic) -> Epistemic:
        if v is Epistemic.derived:
            raise ValueError("'derived' is computed by the build; use stated or interpreted")
        return v

    def parsed_anchors(self) -> list[Anchor]:
        return [Anchor.parse(a) for a in self.anchors]


# ---------------------------------------------------------------- concepts

class Concept(Record):
    id: Slug
    nl: str
    en: str
    definition: Text | None = None
    broader: Slug | None = None
    synonyms: list[str] = Field(default_factory=list)  # what people type: Dutch and English
    anchors: list[AnchorStr] = Field(default_factory=list)


class ConceptScheme(Record):
    scheme: Slug
    nl: str
    en: str
    definition: Text | None = None
    concepts: list[Concept]


# ---------------------------------------------------------------- reference

class Municipality(Record):
    id: Slug
    name: str
    cbs_code: Annotated[str, Field(pattern=r"^GM\d{4}$")]
    valid_from: int | None = None
    valid_until: int | None = None  # last year the code was in use; None = still in use
    merged_into: Slug | None = None  # id of the municipality it became part of
    note: str | None = None


class MunicipalityTable(Record):
    source: str
    municipalities: list[Municipality]


# ---------------------------------------------------------------- case parts

class Organisation(Record):
    id: Slug
    name: str
    type: Slug  # concept in scheme organisatietypen
    municipality: Slug | None = None  # id in data/reference/gemeenten.yaml
    anchors: list[AnchorStr] = Field(min_length=1)


class Person(Record):
    id: Slug
    name: str
    role: Text
    organisation: Slug | None = None
    anchors: list[AnchorStr] = Field(min_length=1)


class Employee(Record):
    person: Slug  # id of a Person in this case
    age: int | None = None
    anchors: list[AnchorStr] = Field(min_length=1)


class Transition(Claim):
    id: Slug
    person: Slug
    from_role: Text
    to_role: Text
    kind: Slug  # concept in scheme transitietypen (omhoog, horizontaal, ...)
    organisation_from: Slug | None = None
    organisation_to: Slug | None = None
    year: int | None = None


class Driver(Claim):
    id: Slug
    concept: Slug  # scheme aanleidingen
    description: Text


class Intervention(Claim):
    id: Slug
    types: list[Slug] = Field(min_length=1)  # scheme interventietypen
    label: Text
    description: Text
    organisation: Slug | None = None
    target_groups: list[Slug] = Field(default_factory=list)  # scheme doelgroepen
    year: int | None = None
    works_elements: list[Slug] = Field(default_factory=list)  # ids in data/report/werkt.yaml
    status: UseStatus = UseStatus.used  # only "used" counts as evidence of use


class Influence(Claim):
    """An angel or a bear: something that helped or stood in the way."""

    id: Slug
    polarity: Polarity
    state: InfluenceState = InfluenceState.actual
    explicit: bool  # the text calls it angel or bear in so many words
    actor: Text  # who or what, short
    description: Text  # what it did, in our words
    factors: list[Slug] = Field(default_factory=list)  # scheme factoren
    affects: list[Slug] = Field(default_factory=list)  # intervention or transition ids
    counterpart: Slug | None = None  # the same thing with the other polarity, if any
    turned_into: Slug | None = None  # the influence this one became later, if any


class Outcome(Claim):
    id: Slug
    concept: Slug  # scheme uitkomsten
    direction: Direction
    description: Text
    figure: str | None = None  # e.g. "3,2%", as a number with unit
    interventions: list[Slug] = Field(default_factory=list)


class KeyNumber(Claim):
    id: Slug
    label: Text
    value: float
    unit: Slug  # medewerkers, euro, procent, jaar, trajecten, gemeenten, ...
    year: int | None = None


class Lesson(Claim):
    id: Slug
    text: Text
    factors: list[Slug] = Field(default_factory=list)


class GroupFit(Record):
    """An employee case's best-fitting self-regulation group: always our interpretation."""

    group: Slug  # zelfsturende-groeiers | richtingzoekers | noodzaakgestuurde-leerders
    rationale: Text
    anchors: list[AnchorStr] = Field(min_length=1)


class Uncovered(Record):
    """A sentence of an angels-and-bears section that no claim anchors, and why."""

    anchors: list[AnchorStr] = Field(min_length=1)
    reason: Text


class Case(Record):
    id: Slug
    kind: CaseKind
    number: int = Field(ge=1)  # position in the book (synthetic data in bench/ goes beyond 28)
    title: str
    subject: str
    summary: Text
    organisations: list[Organisation] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    employee: Employee | None = None
    transitions: list[Transition] = Field(default_factory=list)
    drivers: list[Driver] = Field(default_factory=list)
    target_groups: list[Slug] = Field(default_factory=list)
    interventions: list[Intervention] = Field(default_factory=list)
    influences: list[Influence] = Field(default_factory=list)
    outcomes: list[Outcome] = Field(default_factory=list)
    numbers: list[KeyNumber] = Field(default_factory=list)
    lessons: list[Lesson] = Field(default_factory=list)
    group_fit: GroupFit | None = None
    uncovered: list[Uncovered] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        ids: dict[str, str] = {}
        for part in ("organisations", "people", "transitions", "drivers", "interventions",
                     "influences", "outcomes", "numbers", "lessons"):
            for item in getattr(self, part):
                if item.id in ids:
                    raise ValueError(f"id {item.id!r} used twice (in {ids[item.id]} and {part})")
                ids[item.id] = part
        if self.kind is CaseKind.employee and self.employee is None:
            raise ValueError("an employee case needs an 'employee' entry")
        refs = {i.id for i in self.interventions} | {t.id for t in self.transitions}
        people = {p.id for p in self.people}
        orgs = {o.id for o in self.organisations}
        for inf in self.influences:
            for a in inf.affects:
                if a not in refs:
                    raise ValueError(f"influence {inf.id}: affects unknown intervention or transition {a!r}")
            for other in (inf.counterpart, inf.turned_into):
                if other and ids.get(other) != "influences":
                    raise ValueError(f"influence {inf.id}: refers to unknown influence {other!r}")
        for o in self.outcomes:
            for a in o.interventions:
                if a not in refs:
                    raise ValueError(f"outcome {o.id}: unknown intervention {a!r}")
        if self.employee and self.employee.person not in people:
            raise ValueError(f"employee refers to unknown person {self.employee.person!r}")
        for t in self.transitions:
            if t.person not in people:
                raise ValueError(f"transition {t.id}: unknown person {t.person!r}")
        for p in self.people:
            if p.organisation and p.organisation not in orgs:
                raise ValueError(f"person {p.id}: unknown organisation {p.organisation!r}")
        return self


# ---------------------------------------------------------------- research report

class Statement(Claim):
    """A finding of the research report, coded in our words."""

    id: Slug
    kind: Slug  # reden-investeren, beleidskenmerk, barriere-leidinggevenden, stimulans-leidinggevenden,
    #             trigger, meest-genoemd-stimulerend, meest-genoemd-belemmerend, opbrengst,
    #             aanbeveling-medewerkers, les-inspiratiesessie, ...
    label: Text
    text: Text
    factors: list[Slug] = Field(default_factory=list)
    groups: list[Slug] = Field(default_factory=list)  # self-regulation groups it concerns
    polarity: Polarity | None = None
    rank: int | None = None


class GroupProfile(Claim):
    id: Slug  # concept id in doelgroepen
    label: Text
    regulation: Slug  # hoog | gematigd | laag
    characteristics: list[Text] = Field(min_length=1)
    respondents: list[str] = Field(default_factory=list)  # codes as printed, e.g. W4.2
    declared_total: int | None = None


class WorksElement(Claim):
    """One cell entry of Table 3.2: what works, or works less, for one group."""

    id: Slug
    group: Slug
    works: bool  # True: works; False: works less
    label: Text
    intervention_types: list[Slug] = Field(default_factory=list)
    factors: list[Slug] = Field(default_factory=list)


class ReportPart(Record):
    part: Slug
    title: Text
    statements: list[Statement] = Field(default_factory=list)
    groups: list[GroupProfile] = Field(default_factory=list)
    works: list[WorksElement] = Field(default_factory=list)


# ---------------------------------------------------------------- programmes

class Practice(Claim):
    id: Slug
    label: Text
    description: Text
    theme: Slug  # scheme updatethemas
    municipalities: list[Slug] = Field(default_factory=list)
    organisations: list[str] = Field(default_factory=list)
    interventions: list[Slug] = Field(default_factory=list)  # interventietypen


class Programme(Record):
    id: Slug
    name: str
    description: Text
    funders: list[str] = Field(default_factory=list)
    period: str | None = None
    target_groups: list[Slug] = Field(default_factory=list)
    instruments: list[Slug] = Field(default_factory=list)  # interventietypen
    anchors: list[AnchorStr] = Field(min_length=1)
    numbers: list[KeyNumber] = Field(default_factory=list)
    practices: list[Practice] = Field(default_factory=list)
    statements: list[Statement] = Field(default_factory=list)
    partners: list[str] = Field(default_factory=list)


# ---------------------------------------------------------------- data quality

class Finding(Record):
    id: Slug
    kind: Slug  # totaal-klopt-niet, tabel-verminkt, kop-beschadigd, kop-dubbel, naam-twee-spellingen,
    #             afkorting-twee-uitleggen, ocr-fout, telling-klopt-niet, ...
    description: Text
    anchors: list[AnchorStr] = Field(min_length=1)
    severity: Slug = "warning"  # info | warning


