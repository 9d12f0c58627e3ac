"""Event rules as data: ``models/event_types.json`` (types, roles, status, cues, word lists) and
``models/event_rules.jsonl`` (triggers and where each role is found).

One pydantic model per kind, ``extra="forbid"``: the models are the only list of allowed keys,
and a bad rule fails on load with :class:`~pipeline.rulefiles.RuleError` naming the file, the line,
the rule id and the field. Cross-checks (a rule's type and roles exist, its lexicons and cues
are defined, its paths parse, its dependency pattern is one spaCy accepts) run on load too.

``event_rules.jsonl`` is plain JSONL, one :class:`EventRule` a line: what a rule is for goes in its
``description``, and a ``//`` comment line is an error. A rule's ``trigger`` is lemmas (with
their POS), phrases or a spaCy DependencyMatcher pattern whose first node is the trigger; each
of its ``roles`` is looked for along dependency ``paths`` from the trigger (:func:`parse_path`),
then, when no path finds anything, in a window around it.

The scope vocabulary is medspaCy ConText's: ``allowed_types``, ``direction``, ``max_scope``,
``terminated_by``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import Field, PrivateAttr, field_validator, model_validator

from pipeline.events.types import EventTypes
from pipeline.rulefiles import RuleError, _Rule, load_json, load_jsonl, models_dir

TYPES_FILE = "event_types.json"
RULES_FILE = "event_rules.jsonl"

# --- dependency paths ---------------------------------------------------------------------------

_STEP = re.compile(r"^(>>|>|<)([a-z]+(?:\|[a-z]+)*|\*)(?:\[([^\]]+)\])?$")
SPECIAL_STEPS = frozenset({"@left", "@self"})


@dataclass(frozen=True)
class Step:
    """One arc of a dependency path: ``>`` a child, ``>>`` a descendant, ``<`` the head, whose
    (for ``<``: the current word's) label is one of ``deps`` (empty: any) and whose lemma, when
    ``lemmas`` is given, is one of them."""

    op: str
    deps: frozenset[str]
    lemmas: frozenset[str]


def parse_path(text: str) -> tuple[Step, ...]:
    """``">prep[with] >pobj"`` → two steps; ``"@left"`` (the trigger's premodifiers) and
    ``"@self"`` (the word itself) → one special step.

    Raises ValueError when a step is malformed."""
    steps = []
    for part in text.split():
        if part in SPECIAL_STEPS:
            steps.append(Step(part, frozenset(), frozenset()))
            continue
        m = _STEP.match(part)
        if not m:
            raise ValueError(
                f"path {text!r}: step {part!r} is not '>dep', '>>dep', '<dep', '*', '@left' or '@self' "
                "(optionally with [lemma|lemma])"
            )
        op, deps, lemmas = m.groups()
        steps.append(
            Step(
                op,
                frozenset() if deps == "*" else frozenset(deps.split("|")),
                frozenset(w.lower() for w in lemmas.split("|")) if lemmas else frozenset(),
            )
        )
    if not steps:
        raise ValueError("empty path")
    return tuple(steps)


# --- event_rules.jsonl --------------------------------------------------------------------------


class TriggerSpec(_Rule):
    """What starts the event: one word by lemma (or lowercased text), a phrase, or a pattern."""

    lemmas: list[str] = Field(default_factory=list, description="Lower-case lemmas of one word.")
    pos: list[str] = Field(default_factory=list, description="Allowed POS of a lemma trigger.")
    phrases: list[str] = Field(default_factory=list, description="Lower-case word sequences.")
    dependency: list[dict[str, Any]] | None = Field(
        default=None,
        description="A spaCy DependencyMatcher pattern; its first node is the trigger.",
    )

    @field_validator("lemmas", "phrases")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [w.lower() for w in v]

    @model_validator(mode="after")
    def _some(self) -> TriggerSpec:
        if not (self.lemmas or self.phrases or self.dependency):
            raise ValueError("a trigger needs lemmas, phrases or a dependency pattern")
        return self


class Anchor(_Rule):
    """Start a role's paths at a nearby word (e.g. the speech verb) instead of the trigger."""

    lexicon: str
    pos: list[str] = Field(default_factory=list, description="Allowed POS of the anchor word.")
    direction: Literal["forward", "backward", "bidirectional"] = "backward"
    max_scope: int = Field(default=30, ge=1, le=200)


class RoleSpec(_Rule):
    """Where a role's argument is found: along ``paths`` from the trigger (or from the
    ``anchor``), else, when no path finds anything and a ``direction`` is given, in a window of
    ``max_scope`` words that stops at ``terminated_by`` words and the edge of the ``scope``."""

    role: str
    allowed_types: list[str] = Field(
        default_factory=list, description="Entity labels the role accepts; none: a free text span."
    )
    span: Literal["entity", "chunk", "subtree", "clause", "quote"] = Field(
        default="entity",
        description="What the argument is: an entity mention, or a free span: the chunk, subtree "
        "or clause at the word reached, or the quotation next to the trigger's clause (quote: "
        "no paths).",
    )
    numbers: bool = Field(
        default=False,
        description="Besides entities: a number the entity recogniser missed ('£2.4bn', "
        "'880m euros'), with its currency sign and magnitude, as a free span.",
    )
    describe: str | None = Field(
        default=None,
        description="Lexicon the head of a description must be in for this role ('according "
        "to the report': report, survey, website ...; 'according to the law' names no speaker).",
    )
    from_role: str | None = Field(
        default=None,
        description="No search: the argument of this role found before (a change given alone "
        "is the value too: 'sales fell 8%').",
    )
    references: list[Literal["pronoun", "description"]] = Field(
        default_factory=list,
        description="Besides entities: a pronoun with a named antecedent in reach, or a "
        "description (the company, Acme's spokesman), as a free span (event_types.json "
        "`references`); a generic head (analysts) ends the role's search.",
    )
    lexicon: str | None = Field(default=None, description="The word found must be in this list.")
    pos: list[str] = Field(
        default_factory=list, description="POS the word found must have (none: any)."
    )
    many: bool = False
    paths: list[str] = Field(
        default_factory=list,
        description="Dependency paths from the trigger: '>dep' a child, '>>dep' a descendant, "
        "'<dep' the head, '[lemma|lemma]' constrains the word reached, '@left' the trigger's "
        "premodifiers.",
    )
    anchor: Anchor | None = None
    direction: Literal["forward", "backward", "bidirectional"] | None = Field(
        default=None, description="Window searched when no path finds the role; none: no window."
    )
    max_scope: int = Field(default=8, ge=1, le=200)
    terminated_by: list[str] = Field(default_factory=list)
    scope: Literal["sentence", "neighbours"] = "sentence"
    group_nouns: str | None = Field(
        default=None,
        description="Lexicon of common nouns (delegation, officials) that stand for the entities "
        "naming them; with it, each coordinated part of a phrase gives its named head.",
    )
    extend_back: Literal["paragraph"] | None = None
    _steps: tuple[tuple[Step, ...], ...] = PrivateAttr(default=())

    def model_post_init(self, context: Any, /) -> None:
        self._steps = tuple(parse_path(p) for p in self.paths)  # parsed once, on load

    @field_validator("terminated_by")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [w.lower() for w in v]

    @field_validator("paths")
    @classmethod
    def _parse(cls, v: list[str]) -> list[str]:
        for p in v:
            parse_path(p)
        return v

    @model_validator(mode="after")
    def _kind(self) -> RoleSpec:
        if self.span == "entity" and not self.allowed_types and not self.from_role:
            raise ValueError(f"role {self.role!r}: an entity role needs allowed_types")
        if self.span != "entity" and self.allowed_types:
            raise ValueError(f"role {self.role!r}: a {self.span} span takes no allowed_types")
        if (self.span == "quote" or self.from_role) and (self.paths or self.direction):
            raise ValueError(f"role {self.role!r}: a quote or from_role takes no paths or window")
        if self.span != "quote" and not self.from_role and not self.paths and not self.direction:
            raise ValueError(f"role {self.role!r}: give paths, a window direction or both")
        if (self.references or self.numbers) and self.span != "entity":
            raise ValueError(f"role {self.role!r}: references and numbers go with entity roles")
        return self

    @property
    def steps(self) -> tuple[tuple[Step, ...], ...]:
        """The parsed ``paths``."""
        return self._steps


class EventRule(_Rule):
    id: str = Field(min_length=1)
    description: str = Field(min_length=1)
    type: str
    cameo: str | None = None
    status: str | None = Field(default=None, description="Fixed status (stated, reported).")
    trigger: TriggerSpec
    roles: list[RoleSpec] = Field(min_length=1)
    required: list[str] = Field(default_factory=list, description="Required beyond the type's.")
    min_args: dict[str, int] = Field(
        default_factory=dict,
        description="Fewest named arguments (entity mentions) a role needs for this rule "
        "({'party': 2}: a mutual act of two named parties).",
    )
    standalone: bool = Field(
        default=False,
        description="A mention of this rule is an event without the type's required roles "
        "(a nominal mention: 'the talks', 'a 2001 committee meeting'); the rule's own "
        "`required` still hold.",
    )
    requires_cue: list[str] = Field(default_factory=list)
    forbids_cue: list[str] = Field(default_factory=list)
    date_fallback: Literal["published", "none"] = "none"


@dataclass(frozen=True)
class EventRuleSet:
    types: EventTypes
    rules: tuple[EventRule, ...]

    def rule(self, rule_id: str) -> EventRule:
        return next(r for r in self.rules if r.id == rule_id)


def _check(rule: EventRule, types: EventTypes, where: str) -> None:
    def fail(field: str, msg: str) -> None:
        raise RuleError(f"{where} (rule {rule.id!r}): field {field!r}: {msg}")

    etype = types.types.get(rule.type)
    if etype is None:
        fail("type", f"unknown event type {rule.type!r} (known: {sorted(types.types)})")
        return
    if rule.status is not None and rule.status not in etype.statuses:
        fail("status", f"{rule.status!r} is not a status of {rule.type} ({etype.statuses})")
    for i, spec in enumerate(rule.roles):
        if spec.role not in etype.roles:
            fail(f"roles.{i}.role", f"{spec.role!r} is not a role of {rule.type} ({etype.roles})")
        if spec.lexicon and spec.lexicon not in types.lexicons:
            fail(f"roles.{i}.lexicon", f"no lexicon {spec.lexicon!r} in {TYPES_FILE}")
        if spec.describe and spec.describe not in types.lexicons:
            fail(f"roles.{i}.describe", f"no lexicon {spec.describe!r} in {TYPES_FILE}")
        if spec.group_nouns and spec.group_nouns not in types.lexicons:
            fail(f"roles.{i}.group_nouns", f"no lexicon {spec.group_nouns!r} in {TYPES_FILE}")
        if spec.from_role and spec.from_role not in [r.role for r in rule.roles[:i]]:
            fail(f"roles.{i}.from_role", f"{spec.from_role!r} is no role looked for before it")
        if spec.anchor and spec.anchor.lexicon not in types.lexicons:
            fail(f"roles.{i}.anchor.lexicon", f"no lexicon {spec.anchor.lexicon!r} in {TYPES_FILE}")
    for name in rule.required:
        if name not in etype.roles:
            fail("required", f"{name!r} is not a role of {rule.type}")
    for name, n in rule.min_args.items():
        if name not in etype.roles or n < 1:
            fail("min_args", f"{name!r}: {n} is not a count of a role of {rule.type}")
    for field in ("requires_cue", "forbids_cue"):
        for cue in getattr(rule, field):
            if cue not in types.cues:
                fail(field, f"no cue {cue!r} in {TYPES_FILE}")
    if rule.trigger.dependency is not None:
        from spacy.matcher import DependencyMatcher
        from spacy.vocab import Vocab

        try:
            DependencyMatcher(Vocab(), validate=True).add(rule.id, [rule.trigger.dependency])
        except (ValueError, KeyError) as e:
            fail("trigger.dependency", str(e))


def _no_comments(path: Path) -> None:
    """JSONL has no comment lines: what a rule is for goes in its ``description``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as e:
        raise RuleError(f"{path}: rule file not found") from e
    for n, line in enumerate(lines, 1):
        if line.lstrip().startswith("//"):
            raise RuleError(
                f"{path}:{n}: a '//' comment line is not JSONL; "
                "say what a rule is for in its 'description'"
            )


def load_event_rules(folder: Path | None = None) -> EventRuleSet:
    folder = folder or models_dir()
    types = load_json(folder / TYPES_FILE, EventTypes)
    path = folder / RULES_FILE
    _no_comments(path)
    rules = tuple(load_jsonl(path, EventRule))
    seen: set[str] = set()
    for rule in rules:
        if rule.id in seen:
            raise RuleError(f"{path} (rule {rule.id!r}): field 'id': duplicate rule id")
        seen.add(rule.id)
        _check(rule, types, str(path))
    return EventRuleSet(types, rules)


@lru_cache(maxsize=4)
def event_rules(folder: Path | None = None) -> EventRuleSet:
    return load_event_rules(folder)
