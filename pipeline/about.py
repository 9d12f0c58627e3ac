"""What this newsrel is made of: its version, the trained pipeline it would load and the rules
folder in use (``newsrel --version``, the run summary), found without building the pipeline.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline._version import __version__
from pipeline.rulefiles import MODELS_ENV, models_dir, rules_hash


def model_description(model: str | None = None) -> str:
    """The trained pipeline ``load_nlp(model)`` would load: name and version, and where the
    choice came from; read from its ``meta.json``, nothing is loaded."""
    import spacy.util

    from pipeline.nlp.build import MODEL_ENV, pipeline_config

    wanted = model or os.environ.get(MODEL_ENV)
    why = "--model" if model else MODEL_ENV if wanted else "models/pipeline.json"
    candidates = (
        [wanted] if wanted else [pipeline_config().model, *pipeline_config().fallback_models]
    )
    for name in candidates:
        path = Path(name)
        if not path.exists() and spacy.util.is_package(name):
            path = spacy.util.get_package_path(name)
        meta_file = path / "meta.json"
        if meta_file.is_file():
            meta = spacy.util.load_meta(meta_file)
            return f"{meta.get('lang', 'xx')}_{meta.get('name', '?')} {meta.get('version', '?')} ({why})"
    return f"none of {', '.join(candidates)} is installed ({why})"


def rules_description() -> str:
    """The rules folder in use, where the choice came from, and the hash records cite."""
    folder = models_dir()
    why = f"${MODELS_ENV}" if os.environ.get(MODELS_ENV) else "installed with newsrel"
    return f"{folder} ({why}; {rules_hash(folder)})"


def unused_rules_here(cwd: Path | None = None) -> str | None:
    """A note when the current folder holds a ``models/`` rules folder that is not the one in
    use (a source copy beside an installed newsrel): its edits would be silently ignored."""
    here = (cwd or Path.cwd()) / "models"
    if not (here / "pipeline.json").is_file():
        return None
    if here.resolve() == models_dir().resolve():
        return None
    return (
        f"note: {here} is not the rules folder in use ({models_dir()}); set "
        f"{MODELS_ENV}={here} to use it"
    )


def version_lines(model: str | None = None) -> list[str]:
    return [
        f"newsrel {__version__}",
        f"model: {model_description(model)}",
        f"rules: {rules_description()}",
    ]
