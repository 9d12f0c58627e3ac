from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from pipeline.link.rules import RULES_FILE, load_link_rules
from pipeline.rulefiles import RuleError, models_dir


def test_packaged_rules_load_and_every_rule_has_an_id_and_description() -> None:
    rules = load_link_rules()
    for rule in [*rules.entities.rules, *rules.events.rules]:
        assert rule.id and rule.description


def _broken(tmp_path: Path, change: Any) -> Path:
    folder = tmp_path / "models"
    folder.mkdir()
    shutil.copy(models_dir() / "event_types.json", folder / "event_types.json")
    data = json.loads((models_dir() / RULES_FILE).read_text(encoding="utf-8"))
    change(data)
    path = folder / RULES_FILE
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def _event_rule(data: dict[str, Any], rule_id: str) -> dict[str, Any]:
    return next(r for r in data["events"]["rules"] if r["id"] == rule_id)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["entities"]["rules"][0].update(weight=2), "['entity.same-name'].weight"),
        (lambda d: d["entities"]["rules"][0].update(kind="sound-alike"), "kind"),
        (lambda d: d["entities"]["rules"][0].update(classes=["vehicle"]), "vehicle"),
        (lambda d: d["entities"]["rules"].append(dict(d["entities"]["rules"][0])), "twice"),
        (lambda d: _event_rule(d, "event.meeting").update(types=["PARADE"]), "PARADE"),
        (lambda d: _event_rule(d, "event.meeting").update(participant_roles=["crowd"]), "crowd"),
        (lambda d: _event_rule(d, "event.meeting").update(statuses=[["happened", "x"]]), "'x'"),
        (lambda d: _event_rule(d, "event.agreement").update(types=["MEETING"]), "already"),
        (
            lambda d: _event_rule(d, "event.meeting").update(min_shared=0),
            "['event.meeting'].min_shared",
        ),
    ],
)
def test_a_bad_rule_file_fails_naming_file_and_field(tmp_path: Path, change, message: str) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(RuleError) as err:
        load_link_rules(path)
    assert str(path) in str(err.value)
    assert message in str(err.value)
