"""The decision record: the contract other tools read.

Field names here are public. Add fields freely; never rename one. Bump
`SCHEMA_VERSION` (semver) with every change and re-export the JSON Schema
(`decisions schema > schemas/decision-record.schema.json`); a test keeps them equal.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "1.1.0"

Qualifier = Literal[
    "up_to",
    "maximum",
    "minimum",
    "approximately",
    "estimated",
    "more_than",
    "less_than",
    "from",
    "total",
]
AmountKind = Literal["cost", "grant", "income", "saving", "threshold", "other", "variance"]
Action = Literal[
    "approve",
    "accept",
    "note",
    "agree",
    "delegate",
    "authorise",
    "endorse",
    "award",
    "determine",
    "confirm",
    "consider",
    "receive",
    "other",
]
SupplierRole = Literal[
    "contractor",
    "recommended_supplier",
    "grant_recipient",
    "commissioned",
    "novation_recipient",
    "consortium_member",
    "partner",
    "payee",
    "company",
]
NonNegative = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Evidence(_Model):
    """Where a value was read: `record.text[start:end]` is the item's `text`."""

    start: NonNegative
    end: NonNegative
    page: Annotated[int, Field(ge=1)]
    section: str | None = Field(description="Heading of the section holding the quote.")
    paragraph: str | None = Field(description='Paragraph or list number, e.g. "3.1".')
    rule: str = Field(description="Id of the pattern or rule that found the value.")
    repaired: bool = Field(
        default=False, description="The value was read through a repair (e.g. OCR 'O' for 0)."
    )


class Amount(_Model):
    text: str
    value: float = Field(description="In currency units, exact to the penny.")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")
    qualifier: Qualifier | None = None
    vat: Literal["inclusive", "exclusive"] | None = None
    period: str | None = None
    kind: AmountKind = Field(
        default="other",
        description="cost: spent or committed by the decision maker; grant: given as a grant "
        "or funding; income: coming in (receipts, sales, grants received from a funder); "
        "saving; variance: an overspend, underspend or other variance from budget; "
        "threshold: a limit or rule, never spend; other: none of these stated.",
    )
    range: Literal["low", "high"] | None = Field(
        default=None, description="Set when the amount is one end of a stated range."
    )
    evidence: Evidence


class Recommendation(_Model):
    number: str | None
    text: str
    action: Action
    evidence: Evidence


class Supplier(_Model):
    name: str
    text: str
    role: SupplierRole
    aliases: list[str] = Field(default_factory=list)
    company_number: str | None = None
    evidence: Evidence


class Funder(_Model):
    name: str
    text: str
    evidence: Evidence


class Framework(_Model):
    name: str
    text: str
    owner: str | None = None
    identifier: str | None = Field(default=None, description='e.g. "RM6100", "RM1557.11".')
    lot: str | None = None
    evidence: Evidence


class StatutoryReference(_Model):
    text: str
    instrument: str = Field(
        description=(
            'Full title with year, e.g. "Equality Act 2010"; the title alone when the text '
            'gives no year and several instruments of that title can be meant ("Public '
            'Contracts Regulations"); the provision, in the form below, when the text cites '
            'it without its instrument ("section 106").'
        ),
    )
    provision: str | None = Field(
        default=None,
        description=(
            'The provision cited, in one canonical form: kind in lower case and spelt out, '
            'id as cited ("section 149(1)", "article 35", "regulation 72(1)(b)"); the '
            'outermost provision first, each part within it after a comma ("schedule 12A, '
            'paragraph 3", "schedule 12A, part 1", "protocol 1, article 1"); a part numbered '
            'in brackets written onto its provision ("paragraph (4) of regulation K5" is '
            '"regulation K5(4)"). Null when the instrument is cited as a whole.'
        ),
    )
    uri: str | None = Field(default=None, description="legislation.gov.uk identifier.")
    evidence: Evidence


class OtherInstrument(_Model):
    """A non-statutory document cited with authority: scheme of delegation, plan, policy."""

    text: str
    instrument: str
    provision: str | None = None
    evidence: Evidence


class CheckTerm(_Model):
    text: str
    value: float
    evidence: Evidence


class Check(_Model):
    """Arithmetic the text states: `total` against the sum of `parts`."""

    kind: Literal["sum"] = "sum"
    total: CheckTerm
    parts: list[CheckTerm]
    holds: bool
    difference: float = Field(description="total minus the sum of parts.")


class Warning(_Model):
    code: str
    message: str
    start: NonNegative | None = None
    end: NonNegative | None = None


class Section(_Model):
    heading: str
    number: str | None
    kind: str = Field(description='Normalised heading, e.g. "financial_comments".')
    start: NonNegative
    end: NonNegative


class Link(_Model):
    url: str
    text: str
    kind: Literal["signed_pdf", "document", "other"] = "other"


class PageFurniture(_Model):
    page: Annotated[int, Field(ge=1)]
    kind: Literal["header", "footer", "page_number"]
    text: str


class Table(_Model):
    page: Annotated[int, Field(ge=1)]
    start: NonNegative
    end: NonNegative
    rows: list[list[str]]


class Source(_Model):
    path: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    format: Literal["text", "html", "pdf"]
    media_type: str
    pages: Annotated[int, Field(ge=1)]
    page_starts: list[NonNegative]
    engine: str | None = None
    links: list[Link] = Field(default_factory=list)
    furniture: list[PageFurniture] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)


class Dates(_Model):
    signed: date | None = Field(
        default=None,
        description='The day the decision was signed: "Date signed", "Signed on", "Dated", a '
        '"Date:" under a signature, the date on a signatory\'s closing line.')
    published: date | None = Field(
        default=None,
        description='The day the decision was made public: "Publication date", "Decision '
        'published"; or, where nothing names its date, the date a letter, report or form '
        'bears (alone on one of its first lines, or a bare "Date:").')
    decided: date | None = Field(
        default=None,
        description='The day the decision was taken: "Date of decision", the meeting that '
        'took it ("Meeting:", "Decided at meeting:", "To: Cabinet, <date>", minutes\' date), a '
        'decision listing\'s dated line. Never a date in running text, an "Effective from" '
        'date or a forward-plan notice\'s dates.')


class Provenance(_Model):
    pipeline: str = Field(description="decision-records version that wrote the record.")
    patterns: str = Field(description="Hash of the pattern files and tables used.")


class DecisionRecord(_Model):
    schema_version: Literal["1.1.0"] = "1.1.0"
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,127}$")
    reference: str | None = None
    title: str | None = None
    body: str | None = None
    decision_maker: str | None = None
    dates: Dates = Field(default_factory=Dates)
    source: Source
    text: str
    sections: list[Section] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    amounts: list[Amount] = Field(default_factory=list)
    suppliers: list[Supplier] = Field(default_factory=list)
    funders: list[Funder] = Field(default_factory=list)
    frameworks: list[Framework] = Field(default_factory=list)
    statutory_references: list[StatutoryReference] = Field(default_factory=list)
    other_instruments: list[OtherInstrument] = Field(default_factory=list)
    checks: list[Check] = Field(default_factory=list)
    warnings: list[Warning] = Field(default_factory=list)
    provenance: Provenance

    @model_validator(mode="after")
    def _evidence_quotes_the_text(self) -> DecisionRecord:
        """Every item's quote must be exactly the text at its offsets, on its page."""
        for field_name, item in self.evidenced_items():
            ev = item.evidence
            if not 0 <= ev.start <= ev.end <= len(self.text):
                raise ValueError(f"{field_name}: evidence {ev.start}:{ev.end} outside the text")
            if self.text[ev.start : ev.end] != item.text:
                raise ValueError(
                    f"{field_name}: text[{ev.start}:{ev.end}] is "
                    f"{self.text[ev.start : ev.end]!r}, not {item.text!r}"
                )
            if ev.page > self.source.pages:
                raise ValueError(f"{field_name}: page {ev.page} > {self.source.pages} pages")
        for section in self.sections:
            if not 0 <= section.start <= section.end <= len(self.text):
                raise ValueError(f"section {section.heading!r} outside the text")
        return self

    def evidenced_items(self) -> list[tuple[str, EvidencedItem]]:
        items: list[tuple[str, EvidencedItem]] = []
        for name in EVIDENCED_FIELDS:
            items.extend((name, item) for item in getattr(self, name))
        for check in self.checks:
            items.append(("checks", check.total))
            items.extend(("checks", part) for part in check.parts)
        return items


EvidencedItem = (
    Recommendation
    | Amount
    | Supplier
    | Funder
    | Framework
    | StatutoryReference
    | OtherInstrument
    | CheckTerm
)
EVIDENCED_FIELDS = (
    "recommendations",
    "amounts",
    "suppliers",
    "funders",
    "frameworks",
    "statutory_references",
    "other_instruments",
)
