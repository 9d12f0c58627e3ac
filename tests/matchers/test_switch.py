"""The speed layer's one switch: with it off, plain spaCy runs and the records are the same."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from pipeline.matchers.switch import ENV, speed_layer

from ..conftest import ROOT, SEED


@pytest.mark.parametrize(
    ("value", "on"), [(None, True), ("", True), ("0", True), ("1", False), ("true", False)]
)
def test_switch_reads_the_environment(monkeypatch, value: str | None, on: bool) -> None:
    if value is None:
        monkeypatch.delenv(ENV, raising=False)
    else:
        monkeypatch.setenv(ENV, value)
    assert speed_layer() is on


def _records(plain: bool, tmp_path, name: str) -> list[dict]:
    out = tmp_path / f"{name}.jsonl"
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if plain:
        env[ENV] = "1"
    script = (
        "import sys; from pipeline.cli import main; sys.argv = ['newsrel', 'extract', "
        f"{str(ROOT / 'corpus')!r}, {str(SEED)!r}, '-o', {str(out)!r}]; main()"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, capture_output=True)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.slow
def test_plain_spacy_and_the_speed_layer_give_the_same_records(tmp_path) -> None:
    fast = _records(False, tmp_path, "fast")
    plain = _records(True, tmp_path, "plain")
    assert len(fast) == 13
    assert fast == plain


def test_plain_pipeline_keeps_the_trained_attribute_ruler(monkeypatch) -> None:
    from spacy.pipeline import AttributeRuler

    from pipeline.matchers.ruler import IndexedAttributeRuler
    from pipeline.nlp.build import load_nlp

    monkeypatch.setenv(ENV, "1")
    ruler = load_nlp().get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler) and not isinstance(ruler, IndexedAttributeRuler)
    monkeypatch.delenv(ENV)
    assert isinstance(load_nlp().get_pipe("attribute_ruler"), IndexedAttributeRuler)
