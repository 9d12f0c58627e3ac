"""Records with hostile values in every field, and a parse of HTML that says what elements,
attributes, scripts and comments a page holds: a report or a view of such records must hold
none that came from the data."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from pipeline.schema import Record

from ..records import MEETING_TEXT, make_record

# Each payload tries one context: text, a double- or single-quoted attribute, a URL, a script
# or style element, a comment, a CDATA section, a template placeholder, JavaScript line ends.
PAYLOADS = (
    "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
    "'><svg onload=document.body.setAttribute('data-pwned','svg')>",
    "</script><script>document.body.setAttribute('data-pwned','script')</script>",
    "</style><style>body{display:none}</style>",
    "<!-- --><pwnelement pwnattr=1>",
    "javascript:document.body.setAttribute('data-pwned','url')",
    "]]><![CDATA[ ${title} $sections {{x}} %s",
    "\u2028\u2029&amp;&lt;",
)
HOSTILE = " ".join(PAYLOADS)
MARK = "data-pwned"

_ID_KEYS = frozenset({"id", "entity", "ref", "head", "tail", "of", "antecedent"})
_ID_LISTS = frozenset({"mentions", "refers_to", "references"})  # lists of ids
_VALUE_KEYS = frozenset(
    {"label", "type", "role", "status", "cameo", "rule", "source", "name", "title", "kind"}
)


def _hostile_ids(data: Any) -> Any:
    """Every id and reference made hostile the same way, so references still resolve."""
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            if k in _ID_KEYS and isinstance(v, str):
                out[k] = HOSTILE + v
            elif k in _ID_LISTS and all(isinstance(x, str) for x in v):
                out[k] = [HOSTILE + m for m in v]
            else:
                out[k] = _hostile_ids(v)
        return out
    if isinstance(data, list):
        return [_hostile_ids(v) for v in data]
    return data


def _hostile_values(data: Any) -> Any:
    """Labels, types, roles, names, rules and norm values made hostile too."""
    if isinstance(data, dict):
        out = {}
        for k, v in data.items():
            if k in _VALUE_KEYS and isinstance(v, str):
                out[k] = v + HOSTILE
            elif k in ("aliases", "rules") and isinstance(v, list):
                out[k] = [x + HOSTILE for x in v]
            elif k == "norm" and isinstance(v, dict):
                out[k] = {kk + HOSTILE: str(vv) + HOSTILE for kk, vv in v.items()}
            elif k == "date" and isinstance(v, str):
                out[k] = v + HOSTILE  # still read as a date (it starts with one)
            else:
                out[k] = _hostile_values(v)
        return out
    if isinstance(data, list):
        return [_hostile_values(v) for v in data]
    return data


def hostile_records() -> list[Record]:
    """Two records: one with hostile ids, names, titles, meta and text (its events keep their
    real types and roles, so the timeline and the network draw them), one with every value
    hostile, labels, types, roles and norms included."""
    text = HOSTILE + "\n\n" + MEETING_TEXT
    meta = {"title": HOSTILE, "outlet": HOSTILE, "dateline": HOSTILE, "published": HOSTILE}
    records = []
    for every_value in (False, True):
        data = make_record("doc.txt", text, title=HOSTILE).dump()
        data["meta"] = {**data["meta"], **meta, "extra": HOSTILE}
        data["entities"].append(
            {"id": "T99", "start": 0, "end": len(HOSTILE), "text": HOSTILE, "label": "ORG"}
        )
        data["clusters"][1]["aliases"].append(HOSTILE)
        data["clusters"][1]["roles"][0]["title"] += HOSTILE
        for cluster in data["clusters"]:
            cluster["name"] += HOSTILE
        data = _hostile_ids(data)
        data["id"] = f"{HOSTILE}-{int(every_value)}"
        if every_value:
            data = _hostile_values(data)
        records.append(Record.model_validate(data))
    return records


class Page(HTMLParser):
    """What an HTML page holds, as a browser's tokenizer reads it (``html.parser``)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.styles: list[str] = []
        self.comments: list[str] = []
        self.other: list[str] = []  # declarations, processing instructions
        self.text: list[str] = []
        self._in: str | None = None

    @classmethod
    def of(cls, html: str) -> Page:
        page = cls()
        page.feed(html)
        page.close()
        return page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._in = tag
            (self.scripts if tag == "script" else self.styles).append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in == "script":
            self.scripts[-1] += data
        elif self._in == "style":
            self.styles[-1] += data
        else:
            self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def handle_decl(self, decl: str) -> None:
        if decl.lower() != "doctype html":
            self.other.append(decl)

    def unknown_decl(self, data: str) -> None:
        self.other.append(data)

    def handle_pi(self, data: str) -> None:
        self.other.append(data)

    @property
    def tag_names(self) -> set[str]:
        return {t for t, _ in self.tags}

    @property
    def attribute_names(self) -> set[str]:
        return {name for _, attrs in self.tags for name, _ in attrs}

    def values_of(self, attribute: str) -> list[str]:
        return [v or "" for _, attrs in self.tags for n, v in attrs if n == attribute]


def assert_only_markup_of_ours(page: Page, benign: Page) -> None:
    """No element, attribute, script, style or comment of ``page`` came from the data: its
    element and attribute names are those of a page of harmless records, no attribute is an
    event handler, every link stays inside the page, and the scripts and styles are ours."""
    assert page.tag_names <= benign.tag_names, page.tag_names - benign.tag_names
    assert page.attribute_names <= benign.attribute_names
    assert not any(name.startswith("on") for name in page.attribute_names)
    assert MARK not in page.attribute_names
    assert all(v.startswith("#") for v in page.values_of("href") + page.values_of("src"))
    assert page.scripts == benign.scripts
    assert len(page.styles) == len(benign.styles)
    assert not any("pwn" in s or "display:none" in s for s in page.styles)
    assert page.comments == benign.comments == []
    assert page.other == []
    shown = "".join(page.text)
    assert "onerror=" in shown and "</script><script>" in shown  # the data is there, as text
