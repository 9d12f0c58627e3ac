"""The rule file ``models/normalise.json``: a bad entry fails on load naming the file and the
field."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.normalise.rules import load_rules
from pipeline.rulefiles import RuleError, models_dir


def _broken(tmp_path: Path, change) -> Path:
    data = json.loads((models_dir() / "normalise.json").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "normalise.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["currency_symbols"].update({"X$": "XYZ"}), "currency_symbols"),
        (lambda d: d["months"].update({"smarch": 13}), "months"),
        (lambda d: d.update({"surprise": 1}), "surprise"),
        (
            lambda d: d["added_entities"].append(
                {"id": "bad", "label": "DATE", "pattern": [{"NOPE": 1}]}
            ),
            "bad",
        ),
        (lambda d: d["refs"].update({"then": "SOMETIME_REF"}), "refs"),
        # the date word lists: modifier kinds, a step for every relative lead, lower case
        (lambda d: d["date_modifiers"].update({"BEGIN": ["dawn of"]}), "date_modifiers"),
        (lambda d: d["relative_leads"].append("bygone"), "relative_leads"),
        (lambda d: d["date_leads"].append("Circa"), "date_leads"),
        (lambda d: d["date_modifiers"]["MID"].append("Midst of"), "date_modifiers.MID"),
        (lambda d: d["time_zones"].append("JST"), "time_zones"),
        (lambda d: d.pop("duration_leads"), "duration_leads"),
    ],
)
def test_bad_rules_fail_naming_file_and_field(tmp_path: Path, change, message: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(RuleError, match=message) as err:
        load_rules(path)
    assert str(path) in str(err.value)
