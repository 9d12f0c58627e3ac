from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.present.report import write_report
from pipeline.present.report.charts import build_network, timeline_svg
from pipeline.present.report.rows import corpus_event_rows

from ..records import MEETING_TEXT, make_record, plain_record
from .hostile import HOSTILE, Page, assert_only_markup_of_ours, hostile_records

runner = CliRunner()
XSS = "<script>document.body.setAttribute('data-pwned','1')</script>"


def _report(records) -> str:
    out = io.StringIO()
    write_report(records, out, title="t")
    return out.getvalue()


@pytest.fixture(scope="module")
def page() -> str:
    return _report([make_record(), plain_record("b.txt", "Plain text.")])


@pytest.mark.parametrize("section", ["summary", "timeline", "network", "events", "documents"])
def test_report_has_every_section(page: str, section: str) -> None:
    assert f'<section id="{section}">' in page


def test_report_is_self_contained(page: str) -> None:
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "<link" not in page


def test_events_table_lists_the_meeting_with_participants_and_place(page: str) -> None:
    table = page[
        page.index('<table id="events-table"') : page.index(
            "</table>", page.index('id="events-table"')
        )
    ]
    rows = re.findall(r"<tr data-type=\"(\w+)\">(.*?)</tr>", table, re.S)
    assert [t for t, _ in rows] == ["MEETING", "AGREEMENT", "TARGET"]  # by date
    meeting = rows[0][1]
    assert "Askar Mamin; Vasily Matyushevsky" in meeting and "Karagandy" in meeting
    assert 'href="#doc-0"' in meeting and '<article class="doc" id="doc-0"' in page


def test_timeline_draws_one_dot_per_dated_event(page: str) -> None:
    svg = page[page.index('<svg id="timeline-svg"') :]
    svg = svg[: svg.index("</svg>")]
    assert len(re.findall(r'<circle class="event-dot"', svg)) == 3
    assert 'fill="#fff"' in svg  # month/year dates are hollow


def test_timeline_without_dated_events_says_so() -> None:
    assert "No dated events" in timeline_svg([])


def test_network_links_meeting_participants_and_agreement_parties() -> None:
    net = build_network(corpus_event_rows([make_record()]))
    names = [n for n, _, _ in net.nodes]
    pairs = {frozenset((names[a], names[b])) for a, b, _, _ in net.edges}
    assert pairs == {
        frozenset({"Askar Mamin", "Vasily Matyushevsky"}),
        frozenset({"Kazakhstan", "Belarus"}),
    }


def test_report_escapes_document_text_and_title() -> None:
    page = _report([make_record("evil.txt", XSS + " " + MEETING_TEXT, title=XSS)])
    body = page[page.index("<body>") : page.index("<script>\n")]
    assert "<script>" not in body
    assert "&lt;script&gt;document.body" in body


def test_report_of_an_empty_corpus_still_renders() -> None:
    page = _report([])
    assert 'id="count-documents">0<' in page and "No events in this corpus" in page


def test_inline_styles_are_hoisted_into_classes(page: str) -> None:
    docs = page[page.index('<section id="documents">') :]
    assert 'style="' not in docs


def test_long_corpus_documents_start_collapsed() -> None:
    page = _report([plain_record(f"d{i}.txt", "Text.") for i in range(60)])
    assert page.count("<details>") == 60 and "<details open>" not in page


def test_cli_report_writes_the_html_file(tmp_path: Path) -> None:
    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(make_record().dump()) + "\n", encoding="utf-8")
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(src), "-o", str(out), "--title", "Kazakhstan"])
    assert result.exit_code == 0, result.output
    assert "<title>Kazakhstan</title>" in out.read_text(encoding="utf-8")


def test_cli_report_names_the_bad_line(tmp_path: Path) -> None:
    src = tmp_path / "out.jsonl"
    src.write_text("{oops\n", encoding="utf-8")
    result = runner.invoke(app, ["report", str(src), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "out.jsonl:1: not valid JSON" in result.output


def test_report_stays_compact_per_document() -> None:
    # 2,000 documents must stay far below 20 MB: a record with 12 entities and 3 event views
    # takes about 5.5 KB once displaCy's inline styles are hoisted (17.6 KB without)
    page = _report([make_record(f"d{i}.txt") for i in range(100)])
    assert len(page.encode("utf-8")) / 100 < 8_000


def test_cli_report_of_hostile_records_holds_no_markup_from_the_data(tmp_path: Path) -> None:
    """Every value of a records file is data (ids, labels, roles, names, titles, outlet, text,
    norms): `newsrel report` turns none of them into an element, attribute, script or link."""
    pages = {}
    for name, records in (("benign", [make_record()]), ("hostile", hostile_records())):
        src = tmp_path / f"{name}.jsonl"
        src.write_text("".join(json.dumps(r.dump()) + "\n" for r in records), encoding="utf-8")
        out = tmp_path / f"{name}.html"
        title = HOSTILE if name == "hostile" else "t"
        result = runner.invoke(app, ["report", str(src), "-o", str(out), "--title", title])
        assert result.exit_code == 0, result.output
        pages[name] = Page.of(out.read_text(encoding="utf-8"))
    hostile, benign = pages["hostile"], pages["benign"]
    assert_only_markup_of_ours(hostile, benign)
    assert {"svg", "circle", "line", "details", "mark"} <= hostile.tag_names  # drawn, not dropped
    assert any(HOSTILE in v for v in hostile.values_of("id"))  # an event id, as a value


def test_report_and_show_list_resolved_pronouns_escaped(tmp_path: Path) -> None:
    record = make_record()
    record.clusters[1].name = XSS  # a name from a record is document text: escaped
    page = _report([record])
    assert "pronouns and descriptions resolved" in page and "coref.pronoun" in page
    assert "<script>" not in page[page.index("<body>") : page.index("<script>\n")]
    src = tmp_path / "out.jsonl"
    src.write_text(json.dumps(make_record().dump()) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["show", "2017/kz-by.txt", str(src)])
    assert "Pronouns and descriptions" in result.output and "Askar Mamin" in result.output
