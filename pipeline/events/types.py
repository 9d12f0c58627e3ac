"""The event types file, ``models/event_types.json``: types, roles, status, cues, word lists and
what may stand for an argument that is no entity mention.

One pydantic model per section, ``extra="forbid"``; the rules of ``event_rules.jsonl``
(:mod:`pipeline.events.rules`) are checked against it when they load.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from pipeline.rulefiles import _Rule


class EventType(_Rule):
    description: str = ""
    roles: list[str] = Field(min_length=1)
    required: list[str] = Field(default_factory=list)
    statuses: list[str] = Field(min_length=1)
    single: list[str] = Field(
        default_factory=list,
        description="Roles that hold one argument: two different ones conflict.",
    )
    merge: Literal["document", "sentence"] = Field(
        default="document", description="How far apart two mentions of one event may be."
    )
    date_role: str | None = Field(default=None, description="The role the event's date comes from.")
    compare_by_date: list[str] = Field(
        default_factory=list,
        description="Roles whose arguments are dates: two agree when one date holds the other "
        "(2017-09 and 2017-09-22), else when their keys do.",
    )
    back_reference: list[str] = Field(
        default_factory=list,
        description="Roles that say which event a nominal mention is. A mention of a "
        "standalone rule with a definite determiner and none of these ('the talks', 'the "
        "deal') refers back: it joins the nearest earlier event of its type.",
    )
    lends_to: dict[str, dict[str, str]] = Field(
        default_factory=dict,
        description="Types whose event, when this one's content holds its trigger, takes this "
        "one's arguments into its empty roles (STATEMENT → TARGET: the speaker becomes the "
        "announcer); both events stay.",
    )

    @model_validator(mode="after")
    def _known_roles(self) -> EventType:
        date_role = [self.date_role] if self.date_role else []
        named = (*self.required, *self.single, *self.compare_by_date, *self.back_reference)
        for name in (*named, *date_role):
            if name not in self.roles:
                raise ValueError(f"role {name!r} is not one of roles {self.roles}")
        return self


class Cue(_Rule):
    """Words that mark a context, looked for on the trigger and the words governing it."""

    description: str = ""
    deps: list[str] = Field(default_factory=list, description="A child with this label (neg).")
    aux: list[str] = Field(
        default_factory=list, description="A child on a cue_arcs.aux arc with this lemma."
    )
    governors: list[str] = Field(default_factory=list, description="A governing word's lemma.")
    modifiers: list[str] = Field(
        default_factory=list, description="A child on a cue_arcs.modifiers arc with this lemma."
    )
    lemmas: list[str] = Field(default_factory=list, description="The trigger's own lemma.")
    as_deps: list[str] = Field(
        default_factory=list,
        description="The trigger's own dependency label (amod: 'the reported sale').",
    )
    objects: list[str] = Field(
        default_factory=list, description="A child on a cue_arcs.objects arc with this lemma."
    )
    bare: list[str] = Field(
        default_factory=list,
        description="Fine-grained tags (NNS) of a trigger that has the cue when no child of it "
        "is on a cue_arcs.determiners arc: a bare plural (annual meetings) is generic.",
    )
    through: list[str] = Field(default_factory=list, description="Arcs walked up to governors.")
    max_up: int = Field(default=2, ge=0, le=6)

    @field_validator("aux", "governors", "modifiers", "lemmas", "objects")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [w.lower() for w in v]


class CueArcs(_Rule):
    """The dependency labels of the children a cue's word lists are looked for on."""

    description: str = ""
    aux: frozenset[str] = Field(min_length=1, description="Arcs of auxiliaries (will, should).")
    modifiers: frozenset[str] = Field(min_length=1, description="Arcs of modifiers (upcoming).")
    objects: frozenset[str] = Field(min_length=1, description="Arcs of objects (meet a demand).")
    determiners: frozenset[str] = Field(
        default_factory=frozenset,
        description="Arcs of determiners, possessors and numbers: a noun with none is bare.",
    )


class StatusRules(_Rule):
    """How an event's status is found when its rule fixes none."""

    description: str = ""
    cues: list[str] = Field(
        min_length=1,
        description="Cues tried in order on the trigger: the first found names the status.",
    )
    after_publication: str = Field(description="The status of an event dated after publication.")
    default: str = Field(description="The status when no cue is found and no later date.")
    dated_by_publication: list[str] = Field(
        default_factory=list,
        description="Statuses under which a rule's date_fallback 'published' dates the event.",
    )


class References(_Rule):
    """What a role with ``references`` takes where no entity of its types is: a pronoun with a
    named antecedent in reach, or a description ("the company", "Acme's spokesman", "a US
    court"), kept as a free span for coreference to resolve. A description headed by a
    ``generic`` word (analysts, officials) names nobody: it gives no argument, and the role's
    search ends there."""

    description: str = ""
    pronouns: dict[str, frozenset[str]] = Field(
        min_length=1,
        description="Pronoun → the entity labels one of which must be named before it, in its "
        "paragraph or the `reach` paragraphs before (he → PERSON).",
    )
    reach: int = Field(default=1, ge=0, le=10, description="Paragraphs back to look.")
    head_pos: frozenset[str] = Field(min_length=1, description="POS of a description's head.")
    head_labels: frozenset[str] = Field(
        default_factory=frozenset,
        description="Entity labels a description's head may carry: a role noun the entity "
        "rules tag (the spokesman, the prime minister); not a name of its own.",
    )
    modifier_deps: frozenset[str] = Field(
        min_length=1,
        description="Arcs of the words before the head that belong to a description (det, "
        "amod, compound, poss ...): the span runs from the first of them to the head.",
    )
    generic: str = Field(description="Lexicon of heads that name nobody (analysts, sources).")
    definite: frozenset[str] = Field(
        default_factory=frozenset,
        description="Determiners that make a generic head specific (the report, the analysts).",
    )
    indefinite: frozenset[str] = Field(
        default_factory=frozenset,
        description="Determiners of an indefinite or quantified phrase (a, some, many): such a "
        "description needs a name or a complement in it (a Swiss court, a spokesman for Acme).",
    )
    owner_preps: frozenset[str] = Field(
        default_factory=frozenset,
        description="Prepositions of a description's complement that name whose it is (a "
        "spokesman for Acme, the letter from the ministry): the entity there is the argument.",
    )

    @field_validator("pronouns")
    @classmethod
    def _lower_keys(cls, v: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        return {k.lower(): labels for k, labels in v.items()}

    @field_validator("definite", "indefinite", "owner_preps")
    @classmethod
    def _lower(cls, v: frozenset[str]) -> frozenset[str]:
        return frozenset(w.lower() for w in v)


class EventTypes(_Rule):
    about: str = ""
    types: dict[str, EventType] = Field(min_length=1)
    status: StatusRules
    cues: dict[str, Cue] = Field(default_factory=dict)
    cue_arcs: CueArcs
    references: References
    lexicons: dict[str, frozenset[str]] = Field(default_factory=dict)
    skip_headline: bool = Field(
        default=True, description="A headline (short first line, no final stop) starts no event."
    )

    @field_validator("lexicons")
    @classmethod
    def _lower(cls, v: dict[str, frozenset[str]]) -> dict[str, frozenset[str]]:
        return {k: frozenset(w.lower() for w in words) for k, words in v.items()}

    @model_validator(mode="after")
    def _status_cues(self) -> EventTypes:
        for name in self.status.cues:
            if name not in self.cues:
                raise ValueError(f"status.cues: the status cue {name!r} is not in cues")
        known = {s for etype in self.types.values() for s in etype.statuses}
        status = self.status
        named = [*status.cues, status.after_publication, status.default]
        for name in (*named, *status.dated_by_publication):
            if name not in known:
                raise ValueError(f"status: {name!r} is no type's status ({sorted(known)})")
        for name, etype in self.types.items():
            for other, roles in etype.lends_to.items():
                if other not in self.types:
                    raise ValueError(f"types.{name}.lends_to: unknown type {other!r}")
                for mine, theirs in roles.items():
                    if mine not in etype.roles or theirs not in self.types[other].roles:
                        raise ValueError(f"types.{name}.lends_to.{other}: {mine} → {theirs}")
        if self.references.generic not in self.lexicons:
            raise ValueError(f"references.generic: no lexicon {self.references.generic!r}")
        return self
