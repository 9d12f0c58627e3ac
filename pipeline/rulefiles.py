"""Loading and validating the rule files under ``models/``.

Rule files are data. Each kind has one pydantic model (``extra="forbid"``): the model is the
only list of allowed keys, and a bad rule fails on load with :class:`RuleError` naming the
file, the line (JSONL) or rule id, and the field.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.failures import Failure

M = TypeVar("M", bound=BaseModel)

MODELS_ENV = "NEWSREL_MODELS"


class RuleError(Failure, ValueError):
    """A rule file that cannot be used; the message names file, line or rule, and field."""


def models_dir() -> Path:
    """The rule folder: ``$NEWSREL_MODELS`` if set, else the installed ``models/``."""
    env = os.environ.get(MODELS_ENV)
    if env:
        return Path(env)
    return Path(str(resources.files("pipeline.models")))


def _describe(err: ValidationError) -> str:
    parts = []
    for e in err.errors():
        loc = ".".join(str(x) for x in e["loc"]) or "(record)"
        parts.append(f"field {loc!r}: {e['msg']}")
    return "; ".join(parts)


def read_json(path: Path) -> Any:
    """The JSON of a rule file, or a RuleError naming the file (and the line of a syntax error)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise RuleError(f"{path}: rule file not found") from e
    except json.JSONDecodeError as e:
        raise RuleError(f"{path}:{e.lineno}: not valid JSON: {e.msg}") from e


def load_json(path: Path, model: type[M]) -> M:
    data = read_json(path)
    try:
        return model.model_validate(data)
    except ValidationError as e:
        raise RuleError(f"{path}: {_describe(e)}") from e


def load_jsonl(path: Path, model: type[M], *, comments: bool = True) -> Iterator[M]:
    """Validated rows of a JSONL rule file; blank lines are skipped, and so are ``//`` comment
    lines unless ``comments`` is False (plain JSONL), where they are an error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise RuleError(f"{path}: rule file not found") from e
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        if line.lstrip().startswith("//"):
            if comments:
                continue
            raise RuleError(
                f"{path}:{n}: a comment line; this file is plain JSONL, one JSON object a line "
                "(say what a row does in its description)"
            )
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise RuleError(f"{path}:{n}: not valid JSON: {e.msg}") from e
        try:
            yield model.model_validate(data)
        except ValidationError as e:
            rid = data.get("id") if isinstance(data, dict) else None
            who = f" (rule {rid!r})" if rid else ""
            raise RuleError(f"{path}:{n}{who}: {_describe(e)}") from e


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# --- entity patterns: spaCy's native entity_ruler JSONL, plus a required id and description ---


class EntityPattern(_Rule):
    """A row of ``entity_patterns.jsonl``: plain JSONL (no comment lines), each row saying what
    it finds in its ``description``."""

    id: str = Field(min_length=1)
    label: str = Field(min_length=1)
    pattern: str | list[dict[str, Any]]
    description: str = Field(min_length=1)

    @field_validator("pattern")
    @classmethod
    def _non_empty(cls, v: str | list[dict[str, Any]]) -> str | list[dict[str, Any]]:
        if not v:
            raise ValueError("pattern is empty")
        return v


def load_entity_patterns(path: Path) -> list[dict[str, Any]]:
    """Entity patterns as ``entity_ruler`` takes them; token patterns are checked by spaCy."""
    from spacy.matcher import Matcher
    from spacy.vocab import Vocab

    rows = list(load_jsonl(path, EntityPattern, comments=False))
    matcher = Matcher(Vocab(), validate=True)
    for row in rows:
        if isinstance(row.pattern, list):
            try:
                matcher.add(row.id, [row.pattern])
            except (ValueError, KeyError) as e:
                raise RuleError(f"{path} (rule {row.id!r}): field 'pattern': {e}") from e
    return [{"label": r.label, "pattern": r.pattern, "id": r.id} for r in rows]


# --- entity fixes: the families that run and the word lists of pipeline/entities ---

# the families of entity fixes, one module of pipeline/entities each (their order:
# pipeline/entities/families.py)
EntityFixFamily = Literal["spans", "names", "places", "sports", "document"]


class EntityFixes(_Rule):
    about: str = ""
    families: tuple[EntityFixFamily, ...] = get_args(EntityFixFamily)
    determiners: frozenset[str]
    keep_determiner_labels: frozenset[str]
    title_words: frozenset[str]
    min_city_population: int = Field(ge=0)
    min_city_population_alone: int = Field(ge=0)
    place_cues: frozenset[str]
    org_place_cues: frozenset[str]
    place_nouns: frozenset[str]
    possessives: frozenset[str]
    name_edge_punct: frozenset[str]
    name_separators: frozenset[str]
    name_particles: frozenset[str]
    name_breaks: frozenset[str]
    document_name_particles: frozenset[str]
    agency_starts: frozenset[str]
    team_name_joiners: frozenset[str]
    fixture_words: frozenset[str]
    national_sides: frozenset[str]
    numbered_name_labels: frozenset[str]
    unit_symbols: frozenset[str]
    currency_codes: frozenset[str]
    table_line_lowercase: float = Field(gt=0, le=1)
    document_name_min_mentions: int = Field(ge=1)
    honorifics: frozenset[str]
    facility_heads: frozenset[str]
    region_abbreviations: frozenset[str]
    outlet_heads: frozenset[str]

    @field_validator(
        "determiners",
        "title_words",
        "possessives",
        "name_separators",
        "name_particles",
        "document_name_particles",
        "fixture_words",
        "place_cues",
        "org_place_cues",
        "place_nouns",
        "honorifics",
        "facility_heads",
        "outlet_heads",
    )
    @classmethod
    def _lower(cls, v: frozenset[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in v)

    @field_validator("families")
    @classmethod
    def _once(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        twice = sorted({f for f in v if v.count(f) > 1})
        if twice:
            raise ValueError(f"named more than once: {', '.join(twice)}")
        return v


# --- cleaning: outlet boilerplate ---


class Boilerplate(_Rule):
    id: str
    description: str = ""
    pattern: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as e:
            raise ValueError(f"not a valid regular expression: {e}") from e
        return v


class CleanRules(_Rule):
    about: str = ""
    boilerplate: list[Boilerplate]

    def compiled(self) -> list[re.Pattern[str]]:
        return [re.compile(b.pattern) for b in self.boilerplate]


@lru_cache(maxsize=8)
def clean_rules(folder: Path | None = None) -> CleanRules:
    return load_json((folder or models_dir()) / "clean.json", CleanRules)


# rule files that play no part in extraction: changing them leaves every record as it was
NOT_EXTRACTION = frozenset({"link_rules.json"})


def rules_hash(folder: Path | None = None) -> str:
    """sha256 over every rule file (name and bytes), cited in each record's ``pipeline``."""
    folder = folder or models_dir()
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.name in NOT_EXTRACTION:
            continue
        if p.is_file() and p.suffix in {".json", ".jsonl", ".cfg", ".txt"}:
            h.update(p.relative_to(folder).as_posix().encode())
            h.update(b"\0")
            h.update(p.read_bytes())
    return "sha256:" + h.hexdigest()[:16]
