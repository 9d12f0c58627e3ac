from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.ingest.files import (
    Document,
    InputError,
    decode,
    index_documents,
    iter_documents,
    load,
)


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        ("Café".encode(), "Café", "utf-8"),
        (b"\xef\xbb\xbfCaf\xc3\xa9", "Café", "utf-8-sig"),
        ("“Quote” — Café".encode("cp1252"), "“Quote” — Café", "cp1252"),
        ("Café".encode("latin-1"), "Café", "latin-1"),
        ("Zürich".encode("utf-16"), "Zürich", "utf-16"),
    ],
)
def test_decode_detects_encoding(data: bytes, text: str, encoding: str) -> None:
    assert decode(data) == (text, encoding)


def _write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)


def test_folder_gives_sorted_relative_ids_and_errors_for_bad_files(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "b/two.txt": b"Second story.",
            "a.txt": b"First story.",
            "page.html": b"<html><head><title>T</title><script>x()</script></head><body><p>Body &amp; soul</p></body></html>",
            "empty.txt": b"",
            "blank.txt": b"   \n\n ",
            "binary.txt": b"\x00\x01\x02PK",
            "markup.html": b"<html><body><div></div></body></html>",
            "skip.csv": b"a,b",
        },
    )
    items = list(iter_documents([tmp_path]))
    assert [i.id for i in items] == [
        "a.txt",
        "b/two.txt",
        "binary.txt",
        "blank.txt",
        "empty.txt",
        "markup.html",
        "page.html",
    ]
    kinds = {i.id: i.kind for i in items if isinstance(i, InputError)}
    assert kinds == {
        "binary.txt": "binary",
        "blank.txt": "empty",
        "empty.txt": "empty",
        "markup.html": "empty",
    }
    page = next(i for i in items if i.id == "page.html")
    assert isinstance(page, Document)
    assert page.text.strip() == "Body & soul" and page.meta["title"] == "T"
    assert all(str(tmp_path) in i.message for i in items if isinstance(i, InputError))


def test_jsonl_input_sorted_with_meta_and_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        "\n".join(
            [
                json.dumps({"id": "z", "text": "Zed.", "meta": {"published": "2020-01-02"}}),
                "{broken",
                json.dumps({"id": "a", "text": "Ay."}),
                json.dumps({"text": "no id"}),
                json.dumps({"id": "a", "text": "again"}),
            ]
        ),
        encoding="utf-8",
    )
    items = list(iter_documents([p]))
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    assert [d.id for d in docs] == ["a", "z"]
    assert docs[1].meta["published"] == "2020-01-02"
    assert sorted(e.kind for e in errors) == ["bad-jsonl", "bad-jsonl", "duplicate-id"]
    assert any("in.jsonl:2" in e.message for e in errors)


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    (item,) = list(iter_documents([tmp_path / "nope"]))
    assert isinstance(item, InputError) and item.kind == "not-found"


def test_symlink_loop_is_reported_once(tmp_path: Path) -> None:
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "x.txt").write_text("Story.")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    items = list(iter_documents([tmp_path]))
    assert [i.id for i in items if isinstance(i, Document)] == ["d/x.txt"]
    assert [i.kind for i in items if isinstance(i, InputError)] == ["loop"]


def test_jsonl_duplicate_id_names_both_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n{"id": "a", "text": "Three."}\n',
        encoding="utf-8",
    )
    (dup,) = [i for i in iter_documents([p]) if isinstance(i, InputError)]
    assert dup.kind == "duplicate-id"
    assert dup.message == f"{p}:3: id 'a' was seen before, at {p}:1; the first one is kept"


@pytest.mark.parametrize(
    ("meta", "says"),
    [
        ({"title": 5}, "meta.title must be text (a JSON string), not the number 5"),
        ({"outlet": ["A", "B"]}, "meta.outlet must be text (a JSON string), not a list"),
        ({"dateline": True}, "meta.dateline must be text (a JSON string), not true (true/false)"),
        ("Astana Times", "meta must be an object, not text"),
    ],
)
def test_jsonl_meta_of_the_wrong_type_is_a_bad_jsonl_line_in_plain_words(
    tmp_path: Path, meta, says: str
) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "ok", "text": "Fine."}\n'
        + json.dumps({"id": "x", "text": "T.", "meta": meta})
        + "\n"
    )
    items = list(iter_documents([p]))
    (bad,) = [i for i in items if isinstance(i, InputError)]
    assert (bad.id, bad.kind, bad.message) == ("x", "bad-jsonl", f"{p}:2: {says}")


@pytest.mark.parametrize(
    "now",
    [
        pytest.param('["a list"]', id="no-object"),
        pytest.param('{"id": "other", "text": "Someone else wrote this."}', id="other-id"),
    ],
)
def test_a_jsonl_line_that_changed_after_listing_is_an_error_line(tmp_path: Path, now) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text('{"id": "a1", "text": "Harbour talks resumed."}\n', encoding="utf-8")
    (item,) = index_documents([p])
    p.write_text(now + "\n", encoding="utf-8")  # rewritten while the run goes on
    got = load(item)
    assert isinstance(got, InputError) and (got.id, got.kind) == ("a1", "unreadable")
    assert got.message == f"{p}:1: the line changed since it was listed"
