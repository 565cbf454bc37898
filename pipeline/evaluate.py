"""Scoring records against gold annotations (format of `shared/eval-dev/README.md`).

Per field, micro-averaged over documents. Both sides are sets per document:
- amounts: (currency, value to the penny);
- suppliers, funders, frameworks: names lower-cased without punctuation, "the",
  "Ltd"/"Limited"/"plc" and bracketed parts; a name containing the other, word by word,
  matches; each name matches at most one on the other side;
- statutes: (instrument, provision): instruments agree when their words agree once
  "&" is "and" and small words (the, of, on) are dropped, and their years are equal (a
  provision cited without its Act, kept as the instrument, is compared as a provision);
  provisions agree after spelling out abbreviations ("s.149(1)" is "section 149(1)") and
  writing them outermost first ("paragraph 3 of Schedule 12A" is "schedule 12A,
  paragraph 3", "paragraph (4) of regulation K5" is "regulation K5(4)");
- reference: exact after normalising spaces ("DD2707" is "DD 2707").
Precision counts what records have that gold lacks.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.extract.metadata import normalise_reference
from pipeline.extract.names import normalised_name
from pipeline.extract.provisions import canonical_provision, provision_in

FIELDS = ("amounts", "suppliers", "funders", "frameworks", "statutes")


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {f: Score() for f in FIELDS})
    reference_correct: int = 0
    documents: int = 0
    missing_records: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def reference_accuracy(self) -> float:
        return self.reference_correct / self.documents if self.documents else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "fields": {
                name: {
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                }
                for name, s in self.scores.items()
            },
            "reference_accuracy": round(self.reference_accuracy, 4),
            "missing_records": self.missing_records,
        }


class EvalInputError(ValueError):
    """A folder that cannot be scored: the message says which and why."""


def evaluate(gold_dir: Path, records_dir: Path) -> Report:
    """Scores over every gold document; records are found by id or by their source's name."""
    return evaluate_by_group(gold_dir, records_dir, {}).get(ALL, Report())


ALL = "all"
OTHER = "(other)"


def evaluate_by_group(
    gold_dir: Path, records_dir: Path, groups: dict[str, str]
) -> dict[str, Report]:
    """One report per group of `groups` (gold id -> group), and one over all, keyed `ALL`.

    A record is the gold document's when its file is `<id>.json` (`decisions extract --out`)
    or when its source file is called `<id>.<ext>` (the flow's ids carry a content hash).
    """
    records = _records_by_name(records_dir)
    reports: dict[str, Report] = {ALL: Report()}
    for gold_path in sorted(gold_dir.glob("*.json")):
        gold = _read_json(gold_path)
        if "schema_version" in gold or "statutory_references" in gold:
            raise EvalInputError(f"{gold_path}: is a record, not a gold file "
                                 "(the arguments are GOLD_DIR RECORDS_DIR)")
        doc_id = str(gold.get("id", gold_path.stem))
        record_path = records.get(doc_id)
        record: dict[str, Any] = {} if record_path is None else _read_json(record_path)
        expected = _sets_of(gold_path, gold, _gold_sets)
        predicted = _sets_of(record_path or gold_path, record, _record_sets)
        group = groups.get(doc_id, OTHER) if groups else ALL
        for key in {ALL, group}:
            report = reports.setdefault(key, Report())
            report.documents += 1
            if record_path is None:
                report.missing_records.append(doc_id)
            _score_document(report, doc_id, gold, record, (expected, predicted))
    return reports


def _sets_of(
    path: Path, data: dict[str, Any], reader: Callable[[dict[str, Any]], dict[str, set[Any]]]
) -> dict[str, set[Any]]:
    try:
        return reader(data)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        kind = "gold" if reader is _gold_sets else "record"
        raise EvalInputError(f"{path}: not in the {kind} format ({error!r})") from error


def _records_by_name(records_dir: Path) -> dict[str, Path]:
    """Record files by their own stem and by their source's stem (own stem wins)."""
    by_source: dict[str, Path] = {}
    own: dict[str, Path] = {}
    for path in sorted(records_dir.glob("*.json")):
        own[path.stem] = path
        source = _read_json(path).get("source")
        if isinstance(source, dict) and isinstance(source.get("path"), str):
            name = source["path"].replace("\\", "/").rsplit("/", 1)[-1]
            by_source.setdefault(name.rsplit(".", 1)[0] if "." in name else name, path)
    return by_source | own


def _read_json(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvalInputError(f"{path}: not readable JSON ({error})") from error
    if not isinstance(data, dict):
        raise EvalInputError(f"{path}: not a JSON object")
    return data


def read_groups(path: Path) -> dict[str, str]:
    """`id<TAB>group` lines (a header line naming `id` is skipped) as a mapping."""
    groups: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvalInputError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip() or (number == 1 and line.split("\t", 1)[0] == "id"):
            continue
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0] or not parts[1].strip():
            raise EvalInputError(f"{path}:{number}: expected 'id<TAB>group'")
        groups[parts[0]] = parts[1].strip()
    return groups


def _score_document(
    report: Report,
    doc_id: str,
    gold: dict[str, Any],
    record: dict[str, Any],
    sets: tuple[dict[str, set[Any]], dict[str, set[Any]]],
) -> None:
    expected, predicted = sets
    for name in FIELDS:
        if name == "funders" and "funders" not in gold:
            continue  # the PDF gold does not annotate funders
        tp, missed, extra = _match(expected[name], predicted[name], _MATCHERS[name])
        score = report.scores[name]
        score.tp += tp
        score.fn += len(missed)
        score.fp += len(extra)
        if missed or extra:
            report.errors.append({"id": doc_id, "field": name, "missed": sorted(map(str, missed)),
                                  "extra": sorted(map(str, extra))})
    gold_ref, got_ref = gold.get("reference"), record.get("reference")
    if record and _ref_key(gold_ref) == _ref_key(got_ref):
        report.reference_correct += 1
    else:
        report.errors.append({"id": doc_id, "field": "reference", "missed": [str(gold_ref)],
                              "extra": [str(got_ref)]})


def _record_sets(record: dict[str, Any]) -> dict[str, set[Any]]:
    return {
        "amounts": {_amount_key(a) for a in record.get("amounts", [])},
        "suppliers": {s["name"] for s in record.get("suppliers", [])},
        "funders": {f["name"] for f in record.get("funders", [])},
        "frameworks": {f["name"] for f in record.get("frameworks", [])},
        "statutes": {(s["instrument"], s.get("provision"))
                     for s in record.get("statutory_references", [])},
    }


def _gold_sets(gold: dict[str, Any]) -> dict[str, set[Any]]:
    if "amounts" not in gold or "reference" not in gold:
        raise KeyError("a gold file has 'reference' and 'amounts'")
    return {
        "amounts": {_amount_key(a) for a in gold.get("amounts", [])},
        "suppliers": set(gold.get("suppliers", [])),
        "funders": set(gold.get("funders", [])),
        "frameworks": set(gold.get("frameworks", [])),
        "statutes": {(s["instrument"], s.get("provision")) for s in gold.get("statutes", [])},
    }


def _match(
    gold: Iterable[Any], predicted: Iterable[Any], same: Callable[[Any, Any], bool]
) -> tuple[int, list[Any], list[Any]]:
    """One-to-one: exact agreements first, then looser ones."""
    left = list(gold)
    right = list(predicted)
    tp = 0
    for exact_only in (True, False):
        for g in list(left):
            for p in right:
                if (g == p) if exact_only else same(g, p):
                    left.remove(g)
                    right.remove(p)
                    tp += 1
                    break
    return tp, left, right


def _amount_key(amount: dict[str, Any]) -> tuple[str, float]:
    return (amount.get("currency", "GBP"), round(float(amount["value"]), 2))


def _ref_key(reference: str | None) -> str | None:
    return normalise_reference(reference).upper() if reference else None


def names_match(a: str, b: str) -> bool:
    x, y = normalised_name(a), normalised_name(b)
    if not x or not y:
        return False
    return x == y or f" {x} " in f" {y} " or f" {y} " in f" {x} "


_SMALL = {"the", "of", "on", "and", "for", "in", "to"}
_PROVISION_WORDS = {
    "s": "section",
    "sec": "section",
    "sect": "section",
    "ss": "section",
    "section": "section",
    "sections": "section",
    "art": "article",
    "arts": "article",
    "article": "article",
    "articles": "article",
    "reg": "regulation",
    "regs": "regulation",
    "regulation": "regulation",
    "regulations": "regulation",
    "sch": "schedule",
    "schedule": "schedule",
    "para": "paragraph",
    "paragraph": "paragraph",
    "paras": "paragraph",
    "pt": "part",
    "part": "part",
}


def instrument_key(name: str) -> tuple[tuple[str, ...], str | None]:
    """Words and year; a provision standing for its instrument ("section 106", "s106")
    is compared as a provision."""
    provision = provision_in(name)
    if provision is not None:
        return (str(provision_key(provision)),), None
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))
    year = next((w for w in words if re.fullmatch(r"1[6-9]\d\d|20\d\d", w)), None)
    return tuple(w for w in words if w not in _SMALL and w != year), year


def provision_key(provision: str | None) -> str | None:
    """The provision in the canonical form (`canonical_provision`: "paragraph 3 of schedule
    12A" is "schedule 12A, paragraph 3"), abbreviations spelt out, case and spaces dropped."""
    if not provision:
        return None
    text = canonical_provision(provision).lower().strip()
    found = re.match(r"([a-z]+)\.?\s*(.*)", text)
    if found is None:
        return re.sub(r"\s+", "", text)
    word = _PROVISION_WORDS.get(found.group(1), found.group(1))
    return word + re.sub(r"\s+", "", found.group(2))


def statutes_match(a: tuple[str, str | None], b: tuple[str, str | None]) -> bool:
    return instrument_key(a[0]) == instrument_key(b[0]) and provision_key(a[1]) == provision_key(
        b[1]
    )


_MATCHERS: dict[str, Callable[[Any, Any], bool]] = {
    "amounts": lambda a, b: bool(a == b),
    "suppliers": names_match,
    "funders": names_match,
    "frameworks": names_match,
    "statutes": statutes_match,
}
