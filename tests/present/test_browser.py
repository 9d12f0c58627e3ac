"""The report in a real browser: headless Chromium with JavaScript on (.ci/run installs
Debian's ``chromium``). ``--dump-dom`` prints the DOM after the page's scripts ran."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from pipeline.present.report import build_report

from ..conftest import ROOT
from ..records import MEETING_TEXT, make_record
from .hostile import Page, hostile_records

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CORPUS = ROOT / "corpus"
XSS = "<script>document.body.setAttribute('data-pwned','1')</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','2')\">"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="headless Chromium is not installed (.ci/run installs `chromium`)"
)


def chromium(page: Path, tmp_path: Path, *args: str) -> str:
    cmd = [
        CHROMIUM or "chromium",
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        *args,
        page.as_uri(),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def body_attributes(dom: str) -> str:
    m = re.search(r"<body([^>]*)>", dom)
    assert m, "no <body> in the dumped DOM"
    return m.group(1)


def events_rows(dom: str, event_type: str) -> list[str]:
    table = dom[dom.index('id="events-table"') :]
    table = table[: table.index("</table>")]
    return re.findall(rf'<tr data-type="{event_type}"[^>]*>(.*?)</tr>', table, re.S)


def open_report(records, tmp_path: Path) -> tuple[Path, str]:
    page = tmp_path / "report.html"
    build_report(records, page, title="browser test")
    return page, chromium(page, tmp_path, "--dump-dom")


@pytest.fixture(scope="module")
def hand_report(tmp_path_factory) -> tuple[Path, str]:
    tmp = tmp_path_factory.mktemp("browser")
    evil = make_record("evil.txt", XSS + " " + IMG + "\n\n" + MEETING_TEXT, title=XSS + IMG)
    return open_report([make_record(), evil], tmp)


def test_scripts_ran_and_timeline_is_drawn(hand_report) -> None:
    _, dom = hand_report
    attrs = body_attributes(dom)
    assert 'data-report-ready="1"' in attrs
    assert int(re.search(r'data-timeline-dots="(\d+)"', attrs).group(1)) == 3
    assert re.search(r"3 of 3 events|6 of 6 events", dom)


def test_events_table_lists_the_meeting(hand_report) -> None:
    _, dom = hand_report
    rows = events_rows(dom, "MEETING")
    assert rows and all("Askar Mamin; Vasily Matyushevsky" in r and "Karagandy" in r for r in rows)


def test_script_in_a_document_stays_text(hand_report) -> None:
    _, dom = hand_report
    assert "data-pwned" not in body_attributes(dom)
    assert "&lt;script&gt;document.body.setAttribute" in dom
    assert "&lt;img src=x onerror" in dom


def test_hostile_records_run_no_script_and_add_no_element(tmp_path: Path) -> None:
    """A records file with hostile values in every field: after the page's own scripts ran,
    no payload ran (none set ``data-pwned``) and no element of theirs is in the DOM."""
    _, dom = open_report(hostile_records(), tmp_path)
    attrs = body_attributes(dom)
    assert 'data-report-ready="1"' in attrs and "data-pwned" not in attrs
    page = Page.of(dom)
    assert not page.tag_names & {"img", "pwnelement"} and len(page.scripts) == 1
    assert not any(name.startswith("on") for name in page.attribute_names)
    assert "&lt;img src=x onerror=" in dom


def test_screenshot_of_the_report(hand_report, tmp_path: Path) -> None:
    page, _ = hand_report
    shot = tmp_path / "report.png"
    chromium(page, tmp_path, f"--screenshot={shot}", "--window-size=1200,2000")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


GOLD = [ROOT / "seeds" / "gold.jsonl", ROOT / "corpus" / "gold.jsonl"]


def test_gold_report_lists_the_seed_meeting_and_draws_the_timeline(tmp_path: Path) -> None:
    """The hand-made gold records of the seed and the corpus carry events: their report lists
    the seed's meeting and draws the timeline."""
    from pipeline import read_records

    records = [r for path in GOLD for r in read_records(path)]
    page, dom = open_report(records, tmp_path)
    chromium(page, tmp_path, f"--screenshot={tmp_path / 'gold.png'}", "--window-size=1200,2000")
    assert 'data-report-ready="1"' in body_attributes(dom)
    meetings = events_rows(dom, "MEETING")
    assert any(
        "Askar Mamin; Vasily Matyushevsky" in r and "Karagandy" in r and "2017-09-22" in r
        for r in meetings
    )
    dated = sum(1 for r in records for e in r.events if e.date)
    assert int(re.search(r'data-timeline-dots="(\d+)"', dom).group(1)) >= min(dated, 10) > 0
    assert dom.count('<article class="doc"') == len(records)


def test_seed_report_lists_the_seed_meeting(seed_record, tmp_path: Path) -> None:
    page, dom = open_report([seed_record], tmp_path)
    chromium(page, tmp_path, f"--screenshot={tmp_path / 'seed.png'}", "--window-size=1200,2000")
    assert 'data-report-ready="1"' in body_attributes(dom)
    rows = events_rows(dom, "MEETING")
    assert any("Mamin" in r and "Matyushevsky" in r for r in rows)
    assert int(re.search(r'data-timeline-dots="(\d+)"', dom).group(1)) >= 1


def test_seed_report_opens_with_every_document(seed_record, tmp_path: Path) -> None:
    _, dom = open_report([seed_record], tmp_path)
    assert 'data-report-ready="1"' in body_attributes(dom)
    assert dom.count('<article class="doc"') == 1
    assert "Askar Mamin" in dom


def test_corpus_report_opens_with_every_document(nlp, tmp_path: Path) -> None:
    from pipeline import Record, extract_files

    records = [r for r in extract_files([CORPUS], nlp=nlp) if isinstance(r, Record)]
    page, dom = open_report(records, tmp_path)
    chromium(page, tmp_path, f"--screenshot={tmp_path / 'corpus.png'}", "--window-size=1200,2000")
    assert 'data-report-ready="1"' in body_attributes(dom)
    assert dom.count('<article class="doc"') == len(records) > 0
