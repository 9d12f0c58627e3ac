"""Readers rebuild every gold annotation of the shared evaluation sets (seconds, no model)."""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path

import pytest

from pipeline.evaluate.readers import read_gold

from ..conftest import SHARED_DATA as _BESIDE_REPO

# ../shared/data beside the checkout; NEWSREL_DATA points elsewhere (e.g. from a git worktree)
SHARED_DATA = Path(os.environ.get("NEWSREL_DATA", _BESIDE_REPO))

pytestmark = pytest.mark.skipif(
    not SHARED_DATA.exists(), reason="../shared/data (evaluation sets) is not on this machine"
)


def test_conll2003_dev_rebuilds_its_5942_entities() -> None:
    docs = list(read_gold(SHARED_DATA / "conll2003" / "eng.testa"))
    labels = Counter(e.label for d in docs for e in d.entities)
    assert sum(labels.values()) == 5942
    assert labels == {"LOC": 1837, "PER": 1842, "ORG": 1341, "MISC": 922}
    assert len(docs) == 216


def test_conll04_dev_rebuilds_its_893_entities_and_343_relations() -> None:
    docs = list(read_gold(SHARED_DATA / "conll04" / "conll04_dev.json"))
    assert sum(len(d.entities) for d in docs) == 893
    assert sum(len(d.relations) for d in docs) == 343


def test_timebank_aquaint_keeps_every_in_text_timex3_with_its_value() -> None:
    folder = SHARED_DATA / "timebank"
    raw = 0
    for f in folder.rglob("*.tml"):
        body = f.read_text(encoding="utf-8").split("<TEXT>", 1)[1].split("</TEXT>", 1)[0]
        raw += len(re.findall(r"<TIMEX3\b", body))
    docs = list(read_gold(folder))
    timexes = [e for d in docs for e in d.entities]
    assert len(docs) == 256
    assert len(timexes) == raw
    assert all(e.norm and e.norm["value"] for e in timexes)
    assert all(d.meta.published for d in docs)


def test_meantime_reads_both_topics_with_names_and_timex() -> None:
    docs = list(read_gold(SHARED_DATA / "meantime" / "intra-doc_annotation"))
    labels = Counter(e.label for d in docs for e in d.entities)
    assert len(docs) == 60
    assert {"PER", "ORG", "LOC", "DATE"} <= set(labels)
