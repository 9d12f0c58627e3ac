"""The linking rules (``models/link_rules.json``): data, validated on load.

One pydantic model per part (``extra="forbid"``): the models are the only list of allowed keys,
and a bad file fails with :class:`~pipeline.rulefiles.RuleError` naming the file, the rule id
and the field. Every link in the corpus view cites the ``id`` of the rule that made it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError, field_validator, model_validator

from pipeline.rulefiles import RuleError, _Rule, load_json, models_dir, read_json

RULES_FILE = "link_rules.json"

EntityKind = Literal[
    "name",
    "alias",
    "country",
    "country-name",
    "acronym",
    "surname",
    "descriptor",
    "role",
    "national-body",
    "document-name",
    "maker-prefix",
    "short-name",
    "label-vote",
]
# kinds whose keys join clusters directly; the others link a cluster to one component only
# when exactly one component of the corpus fits (see pipeline.link.entities)
STRONG_KINDS = frozenset({"name", "alias", "country", "country-name"})


def _lower_words(values: list[str]) -> list[str]:
    return [v.lower() for v in values]


class NameRules(_Rule):
    """Word lists of name normalisation (compared in lower case, accents and dots dropped)."""

    determiners: list[str] = Field(description="Dropped at the start of a name.")
    corporate_suffixes: list[str] = Field(
        description="Legal-form words dropped at the end of an organisation's name."
    )
    descriptors: list[str] = Field(
        description="Generic last words of an organisation's name (rule kind `descriptor`)."
    )
    honorifics: list[str] = Field(description="Titles dropped at the start of a person's name.")
    acronym_skip: list[str] = Field(description="Words an acronym leaves out.")
    national_bodies: list[str] = Field(
        description="Names of a country's institutions (rule kind `national-body`)."
    )
    common_words: list[str] = Field(
        description="Words that start many names: never a one-word name's key (`short-name`)."
    )

    _lower = field_validator(
        "determiners",
        "corporate_suffixes",
        "descriptors",
        "honorifics",
        "acronym_skip",
        "national_bodies",
        "common_words",
    )(classmethod(lambda cls, v: _lower_words(v)))


class EntityRule(_Rule):
    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    kind: EntityKind
    classes: list[str] = Field(min_length=1, description="Label classes the rule applies to.")
    min_letters: int = Field(default=2, ge=1, description="acronym: shortest acronym used.")
    max_letters: int = Field(default=8, ge=1, description="acronym: longest acronym used.")
    within_document: bool = Field(
        default=True,
        description="A seek may claim the one cluster of its own document that fits; false: "
        "only the one entity of the corpus.",
    )


class EntityRules(_Rule):
    labels: dict[str, str] = Field(
        description="Record cluster label -> label class; labels not listed are not linked."
    )
    names: NameRules
    rules: list[EntityRule] = Field(min_length=1)

    @model_validator(mode="after")
    def _check(self) -> EntityRules:
        classes = set(self.labels.values())
        seen: set[str] = set()
        for rule in self.rules:
            if rule.id in seen:
                raise ValueError(f"rule {rule.id!r}: the id is used twice")
            seen.add(rule.id)
            unknown = sorted(set(rule.classes) - classes)
            if unknown:
                raise ValueError(f"rule {rule.id!r}: field 'classes': unknown class {unknown[0]!r}")
        return self


class EventRule(_Rule):
    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    types: list[str] = Field(min_length=1, description="Event types the rule links.")
    participant_roles: list[str] = Field(
        min_length=1, description="Roles whose corpus entities are the event's participants."
    )
    statuses: list[tuple[str, str]] = Field(
        min_length=1, description="Pairs of statuses two reports of one event may have."
    )
    min_shared: int = Field(ge=1, description="Participants (corpus entities) both must share.")
    shared_fraction: float = Field(
        default=0.0,
        ge=0.0,
        le=1.0,
        description="Shared participants over the smaller side's participants, at least.",
    )
    date_window_days: int = Field(ge=0, description="Event dates at most this far apart.")
    published_window_days: int = Field(ge=0, description="Publication dates at most this apart.")
    require_dates: bool = Field(
        default=False,
        description="Link only when both have an event date or both a publication date.",
    )
    values: list[str] = Field(
        default_factory=list,
        description="Roles whose values are compared: differing values become conflicts.",
    )
    same_values: list[str] = Field(
        default_factory=list,
        description="Roles whose values must be equal when both sides have one (a period).",
    )
    same_values_without: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Role -> roles whose values must be equal when a side lacks that role (a "
        "figure without a period: a differing value is another figure, not a conflict).",
    )
    same_words: dict[str, float] = Field(
        default_factory=dict,
        description="Role -> least Jaccard overlap of the content words of that role's text "
        "(checked when both sides have the role).",
    )
    same_numbers: list[str] = Field(
        default_factory=list,
        description="Roles whose texts must give the same numbers when both give some.",
    )

    @field_validator("statuses")
    @classmethod
    def _pairs(cls, v: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [tuple(sorted(p)) for p in v]  # type: ignore[misc]


class EventRules(_Rule):
    rules: list[EventRule] = Field(min_length=1)
    stopwords: list[str] = Field(description="Words left out when texts are compared.")
    max_block: int = Field(
        ge=2, description="Each event is compared with the next max_block - 1 of its block."
    )
    within_document: bool = Field(
        default=False,
        description="Also link two events of one document (by default the record's own "
        "merging of event mentions stands).",
    )

    _lower = field_validator("stopwords")(classmethod(lambda cls, v: _lower_words(v)))

    @model_validator(mode="after")
    def _check(self) -> EventRules:
        seen_ids: set[str] = set()
        seen_types: dict[str, str] = {}
        for rule in self.rules:
            if rule.id in seen_ids:
                raise ValueError(f"rule {rule.id!r}: the id is used twice")
            seen_ids.add(rule.id)
            for t in rule.types:
                if t in seen_types:
                    raise ValueError(
                        f"rule {rule.id!r}: field 'types': {t} is already linked by rule "
                        f"{seen_types[t]!r}"
                    )
                seen_types[t] = rule.id
        return self

    def for_type(self, event_type: str) -> EventRule | None:
        for rule in self.rules:
            if event_type in rule.types:
                return rule
        return None


class LinkRules(_Rule):
    about: str = ""
    entities: EntityRules
    events: EventRules


def _check_event_types(rules: LinkRules, folder: Path, path: Path) -> None:
    """Types and roles must be those of ``event_types.json`` in the same folder."""
    from pipeline.events.rules import EventTypes

    types_path = folder / "event_types.json"
    if not types_path.is_file():
        return
    known = load_json(types_path, EventTypes).types
    for rule in rules.events.rules:
        for t in rule.types:
            if t not in known:
                raise RuleError(f"{path} (rule {rule.id!r}): field 'types': unknown type {t!r}")
            roles = set(known[t].roles)
            for pair in rule.statuses:
                for status in pair:
                    if status not in known[t].statuses:
                        raise RuleError(
                            f"{path} (rule {rule.id!r}): field 'statuses': {status!r} is not "
                            f"a status of {t}"
                        )
            for role in [
                *rule.participant_roles,
                *rule.values,
                *rule.same_values,
                *rule.same_values_without,
                *(r for roles in rule.same_values_without.values() for r in roles),
                *rule.same_words,
                *rule.same_numbers,
            ]:
                if role not in roles:
                    raise RuleError(
                        f"{path} (rule {rule.id!r}): role {role!r} is not a role of {t}"
                    )


def load_link_rules(path: str | Path | None = None) -> LinkRules:
    """The rules at ``path`` (default: ``link_rules.json`` of the rule folder), checked."""
    path = Path(path) if path is not None else models_dir() / RULES_FILE
    return _load(path.resolve())


def _where(loc: tuple[int | str, ...], data: Any) -> str:
    """A validation error's location, with each rule named by its id (``events.rules[
    'event.meeting'].min_shared``) instead of its position."""
    parts: list[str] = []
    node = data
    for item in loc:
        if isinstance(item, int) and isinstance(node, list) and item < len(node):
            node = node[item]
            rid = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{rid!r}]" if rid else f"[{item}]")
            continue
        node = node.get(item) if isinstance(node, dict) else None
        parts.append(f".{item}" if parts else str(item))
    return "".join(parts)


@lru_cache(maxsize=8)
def _load(path: Path) -> LinkRules:
    data = read_json(path)
    try:
        rules = LinkRules.model_validate(data)
    except ValidationError as e:
        problems = "; ".join(
            f"field {_where(err['loc'], data) or '(file)'!r}: {err['msg']}" for err in e.errors()
        )
        raise RuleError(f"{path}: {problems}") from e
    _check_event_types(rules, path.parent, path)
    return rules
