from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.extract import prepare
from pipeline.ingest.files import Document
from pipeline.ingest.published import find_published, header_date, parse_published, read_sidecar

SEED_HEAD = "KAZAKHSTAN, BELARUS SEEK TRADE\n\n- 29.09.2017\n\nAstana Times, 28 SEPTEMBER 2017\n\nASTANA [] Body."


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (SEED_HEAD, "2017-09-29"),
        ("Title\n\nAstana Times, 28 SEPTEMBER 2017\n\nBody.", "2017-09-28"),
        ("Title\nSeptember 28, 2017\nBody.", "2017-09-28"),
        ("Title\n2017-09-28T10:00:00Z\nBody.", "2017-09-28"),
        ("Title\n\n" + "A long body line. " * 20 + "\n29.09.2017", None),
        ("No date here\nat all.", None),
        ("Title\n31.02.2017\n", None),
    ],
)
def test_header_date_is_the_first_full_date_before_the_body(text: str, date: str | None) -> None:
    assert header_date(text) == date


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2017-09-29", "2017-09-29"),
        ("1990-08-15T13:37", "1990-08-15"),
        ("29.09.2017", "2017-09-29"),
        ("28 September 2017", "2017-09-28"),
        ("yesterday", None),
        (None, None),
        (20170929, None),
    ],
)
def test_parse_published(value, iso) -> None:
    assert parse_published(value) == iso


@pytest.mark.parametrize(
    ("cli", "meta", "sidecar", "expected"),
    [
        (
            "2020-01-02",
            {"published": "2019-01-01"},
            {"published": "2018-01-01"},
            ("2020-01-02", "cli"),
        ),
        (None, {"published": "2019-01-01"}, {"published": "2018-01-01"}, ("2019-01-01", "meta")),
        (None, {}, {"published": "2018-01-01"}, ("2018-01-01", "sidecar")),
        (None, {}, {}, ("2017-09-29", "header")),
        (None, {"published": "not a date"}, {}, ("2017-09-29", "header")),
    ],
)
def test_published_sources_in_order(cli, meta, sidecar, expected) -> None:
    found = find_published(SEED_HEAD, meta, cli=cli, sidecar=sidecar)
    assert (found.date, found.source) == expected


def test_no_date_anywhere_is_none() -> None:
    found = find_published("Just text.", {})
    assert found.date is None and found.source is None


def test_sidecar_read_beside_the_article(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Some text.", encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text(
        json.dumps({"published": "2018-03-04", "outlet": "X"})
    )
    assert read_sidecar(article) == {"published": "2018-03-04", "outlet": "X"}
    p = prepare(Document(id="a.txt", text="Some text.", meta={"path": str(article)}))
    assert (p.meta["published"], p.meta["published_source"], p.meta["outlet"]) == (
        "2018-03-04",
        "sidecar",
        "X",
    )


def test_bad_sidecar_names_the_file(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    (tmp_path / "a.txt.meta.json").write_text("[1, 2]")
    with pytest.raises(ValueError, match=r"a\.txt\.meta\.json"):
        read_sidecar(article)


def test_missing_sidecar_is_empty(tmp_path: Path) -> None:
    assert read_sidecar(tmp_path / "none.txt") == {}
    assert read_sidecar(None) == {}


def test_prepare_takes_header_date_and_cli_overrides() -> None:
    doc = Document(id="s", text=SEED_HEAD, meta={})
    assert prepare(doc).meta["published_source"] == "header"
    p = prepare(doc, published="2021-05-06")
    assert (p.meta["published"], p.meta["published_source"]) == ("2021-05-06", "cli")
