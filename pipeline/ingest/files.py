"""Reading news: files, folders and JSONL into :class:`Document` values, lazily.

A document's ``id`` is its path relative to the input root it was found under (a file given
directly: its name), or the ``id`` field of a JSONL line. Folders are walked for text files
(``.txt``, ``.md``, ``.html``); JSONL inputs are read when named directly. Documents come out sorted by id.
A file that cannot be read becomes an :class:`InputError` in the same stream, never an
exception that stops the batch.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
MAX_BYTES = 64 * 1024 * 1024  # a bigger file is an error, not a memory spike


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputError:
    id: str
    kind: str  # unreadable, binary, empty, undecodable, bad-jsonl, duplicate-id, not-found, loop, too-large
    message: str
    path: str | None = None


class DecodeError(ValueError):
    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text and the encoding used: UTF-8 (with or without BOM), UTF-16 with BOM,
    else cp1252, else latin-1. Binary data and undecodable bytes raise :class:`DecodeError`."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    head = data[:8192]
    if b"\x00" in head:
        raise DecodeError("binary", "binary data (NUL bytes), not text")
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    if head and controls / len(head) > 0.05:
        raise DecodeError(
            "binary", f"binary data ({controls} control bytes in the first {len(head)})"
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if any(0x80 <= b <= 0x9F for b in data):  # C1 range: Windows-1252 punctuation, or nothing
        return _strict(data, "cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(
            "undecodable", f"not valid {encoding}: byte {data[e.start]:#04x} at offset {e.start}"
        ) from e


class _TextOfHTML(HTMLParser):
    _BLOCK = frozenset(
        "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table section article header footer title "
        "blockquote pre hr".split()
    )
    _SKIP = frozenset({"script", "style", "noscript", "template", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag in self._BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible text of an HTML page (block elements become paragraphs) and its title."""
    parser = _TextOfHTML()
    parser.feed(html)
    parser.close()
    title = " ".join("".join(parser.title).split()) or None
    return "".join(parser.parts), title


def read_file(path: Path, doc_id: str) -> Document:
    """One file as a Document; raises :class:`DecodeError` (kind + message) when it cannot."""
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            kind = "a folder" if stat.S_ISDIR(st.st_mode) else "a pipe, socket or device"
            raise DecodeError("unreadable", f"not a regular file ({kind})")
        if st.st_size > MAX_BYTES:
            raise DecodeError(
                "too-large", f"{st.st_size} bytes, more than the {MAX_BYTES} read per document"
            )
        data = path.read_bytes()
    except OSError as e:
        kind = "loop" if e.errno == errno.ELOOP else "unreadable"
        raise DecodeError(kind, f"cannot read: {e.strerror or e}") from e
    if not data.strip():
        raise DecodeError("empty", "empty file" if not data else "only whitespace")
    text, encoding = decode(data)
    meta: dict[str, Any] = {"path": str(path), "encoding": encoding}
    if path.suffix.lower() in (".html", ".htm"):
        text, title = html_to_text(text)
        if title:
            meta["title"] = title
    if not text.strip():
        raise DecodeError("empty", "no text (only whitespace or markup)")
    return Document(id=doc_id, text=text, meta=meta)


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Files under ``root``; symlinked folders are followed once (a loop is an error)."""
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        key = (st.st_dev, st.st_ino)
        if key in seen:
            dirnames[:] = []
            rel = Path(dirpath).relative_to(root).as_posix()
            yield InputError(rel, "loop", f"{dirpath}: symlink loop, not followed again", dirpath)
            continue
        seen.add(key)
        dirnames.sort()
        for name in filenames:
            yield Path(dirpath) / name


def file_fingerprint(path: Path) -> str:
    """Size and modification time of a file and of its sidecar (what ``--resume`` compares)."""
    parts = []
    for p in (path, path.with_name(path.name + ".meta.json")):
        try:
            st = p.stat()
        except OSError:
            parts.append("-")
        else:
            parts.append(f"{st.st_size}:{st.st_mtime_ns}")
    return "/".join(parts)


def _jsonl_index(path: Path) -> Iterator[tuple[str, int, int, str] | InputError]:
    """(id, byte offset, line number, hash of the line) of each line of a JSONL input, without
    keeping texts."""
    with path.open("rb") as f:
        n = 0
        while True:
            offset = f.tell()
            line = f.readline()
            if not line:
                break
            n += 1
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                doc_id = obj["id"] if isinstance(obj, dict) else None
                if not isinstance(doc_id, str) or not doc_id:
                    raise KeyError("id")
            except (json.JSONDecodeError, UnicodeDecodeError) as e:
                yield InputError(
                    f"{path.name}:{n}", "bad-jsonl", f"{path}:{n}: not valid JSON: {e}", str(path)
                )
                continue
            except KeyError:
                yield InputError(
                    f"{path.name}:{n}", "bad-jsonl", f"{path}:{n}: no string `id` field", str(path)
                )
                continue
            yield doc_id, offset, n, hashlib.sha256(line).hexdigest()[:32]


# meta keys a record holds as text (pipeline/schema.py, Meta); ``published`` is read as a date
META_TEXT_KEYS = ("title", "outlet", "dateline", "published_source", "encoding")


def json_kind(value: Any) -> str:
    """What a JSON value is, in plain words."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else "text"


def meta_problem(meta: dict[str, Any]) -> str | None:
    """What is wrong with the types of a document's metadata, in plain words (None: nothing)."""
    for key in META_TEXT_KEYS:
        value = meta.get(key)
        if value is not None and not isinstance(value, str):
            return f"meta.{key} must be text (a JSON string), not {json_kind(value)}"
    return None


def _read_jsonl_line(path: Path, offset: int, n: int, doc_id: str) -> Document:
    with path.open("rb") as f:
        f.seek(offset)
        obj = json.loads(f.readline())
    if not isinstance(obj, dict) or obj.get("id") != doc_id:  # the file changed since listed
        raise DecodeError("unreadable", f"{path}:{n}: the line changed since it was listed")
    text = obj.get("text")
    meta = obj.get("meta") or {}
    if not isinstance(text, str):
        what = "missing" if text is None else f"{json_kind(text)}, not text"
        raise DecodeError("bad-jsonl", f"{path}:{n}: text is {what} (a JSON string is needed)")
    if not isinstance(meta, dict):
        raise DecodeError("bad-jsonl", f"{path}:{n}: meta must be an object, not {json_kind(meta)}")
    problem = meta_problem(meta)
    if problem:
        raise DecodeError("bad-jsonl", f"{path}:{n}: {problem}")
    if not text.strip():
        raise DecodeError("empty", f"{path}:{n}: empty text")
    return Document(id=doc_id, text=text, meta={**meta, "path": f"{path}:{n}"})


@dataclass(frozen=True)
class Source:
    """Where one document is, before it is read: a file, or a line of a JSONL input
    (``offset`` is the line's byte offset, -1 for a file). Small and picklable, so a list of
    them can be partitioned across processes or a cluster, each reading its own texts."""

    id: str
    path: str
    offset: int = -1
    line: int = 0
    fingerprint: str = ""  # size and mtime of a file (and sidecar), a hash of a JSONL line

    @property
    def where(self) -> str:
        """``path:line`` for a JSONL line, the path for a file."""
        return f"{self.path}:{self.line}" if self.offset >= 0 else self.path


Item = Source | InputError


def index_documents(paths: Iterable[str | Path]) -> list[Item]:
    """Every document under ``paths`` as a :class:`Source` (no text is read), sorted by id;
    what cannot be listed, and repeated ids, as :class:`InputError` in the same list."""
    entries: list[Source] = []
    errors: list[InputError] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for found in _walk(root):
                if isinstance(found, InputError):
                    errors.append(found)
                    continue
                if found.suffix.lower() in TEXT_SUFFIXES:  # JSONL only when named directly
                    doc_id = found.relative_to(root).as_posix()
                    entries.append(Source(doc_id, str(found), fingerprint=file_fingerprint(found)))
        elif root.suffix.lower() in JSONL_SUFFIXES and root.is_file():
            _add_jsonl(root, entries, errors)
        elif root.exists() or root.is_symlink():
            entries.append(Source(root.name, str(root), fingerprint=file_fingerprint(root)))
        else:
            errors.append(
                InputError(str(given), "not-found", f"{given}: no such file or folder", str(given))
            )

    seen: dict[str, str] = {}
    keyed: list[tuple[str, int, int, Item]] = [(e.id, 0, n, e) for n, e in enumerate(errors)]
    keyed.extend((s.id, 1, n, s) for n, s in enumerate(entries))
    out: list[Item] = []
    for doc_id, _, _, item in sorted(keyed, key=lambda x: (x[0], x[1], x[2])):
        if isinstance(item, Source):
            if doc_id in seen:
                item = InputError(
                    doc_id,
                    "duplicate-id",
                    f"{item.where}: id {doc_id!r} was seen before, at {seen[doc_id]}; "
                    "the first one is kept",
                    item.path,
                )
            else:
                seen[doc_id] = item.where
        out.append(item)
    return out


def load(item: Item) -> Document | InputError:
    """Read one :class:`Source` (errors pass through): a Document, or an InputError saying why not."""
    if isinstance(item, InputError):
        return item
    path = Path(item.path)
    try:
        if item.offset >= 0:
            return _read_jsonl_line(path, item.offset, item.line, item.id)
        return read_file(path, item.id)
    except DecodeError as e:
        msg = str(e) if str(e).startswith(item.path) else f"{item.path}: {e}"
        return InputError(item.id, e.kind, msg, item.path)
    except (OSError, ValueError) as e:  # the input changed since it was listed
        return InputError(item.id, "unreadable", f"{item.path}: cannot read: {e}", item.path)


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Every document under ``paths``, sorted by id; unreadable ones as :class:`InputError`.
    The list of sources is made up front; texts are read one at a time as they are asked for."""
    for item in index_documents(paths):
        yield load(item)


def _add_jsonl(path: Path, entries: list[Source], errors: list[InputError]) -> None:
    try:
        for row in _jsonl_index(path):
            if isinstance(row, InputError):
                errors.append(row)
            else:
                doc_id, offset, n, digest = row
                entries.append(Source(doc_id, str(path), offset, n, digest))
    except OSError as e:
        errors.append(
            InputError(
                path.name, "unreadable", f"{path}: cannot read: {e.strerror or e}", str(path)
            )
        )
