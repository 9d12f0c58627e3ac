"""Reading news: files, folders and JSONL into :class:`Document` values, lazily.

A document's ``id`` is its path relative to the input root it was found under (a file given
directly: its name), or the ``id`` field of a JSONL line. Folders are walked for text files
(``.txt``, ``.md``, ``.html``); JSONL inputs are read when named directly. Documents come out sorted by id.
A file that cannot be read becomes an :class:`InputError` in the same stream, never an
exception that stops the batch.
"""

from __future__ import annotations

import codecs
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})


@dataclass(frozen=True)
class Document:
    id: str
    text: str
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class InputError:
    id: str
    kind: str  # unreadable, binary, empty, undecodable, bad-jsonl, duplicate-id, not-found, loop
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
        raise DecodeError("binary", f"binary data ({controls} control bytes in the first {len(head)})")
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
        data = path.read_bytes()
    except OSError as e:
        raise DecodeError("unreadable", f"cannot read: {e.strerror or e}") from e
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


def _jsonl_index(path: Path) -> Iterator[tuple[str, int, int] | InputError]:
    """(id, byte offset, line number) of each line of a JSONL input, without keeping texts."""
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
                yield InputError(f"{path.name}:{n}", "bad-jsonl", f"{path}:{n}: not valid JSON: {e}", str(path))
                continue
            except KeyError:
                yield InputError(
                    f"{path.name}:{n}", "bad-jsonl", f"{path}:{n}: no string `id` field", str(path)
                )
                continue
            yield doc_id, offset, n


def _read_jsonl_line(path: Path, offset: int, n: int, doc_id: str) -> Document:
    with path.open("rb") as f:
        f.seek(offset)
        obj = json.loads(f.readline())
    text = obj.get("text")
    meta = obj.get("meta") or {}
    if not isinstance(text, str):
        raise DecodeError("bad-jsonl", f"{path}:{n}: `text` is missing or not a string")
    if not isinstance(meta, dict):
        raise DecodeError("bad-jsonl", f"{path}:{n}: `meta` is not an object")
    if not text.strip():
        raise DecodeError("empty", f"{path}:{n}: empty text")
    return Document(id=doc_id, text=text, meta={**meta, "path": f"{path}:{n}"})


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | InputError]:
    """Every document under ``paths``, sorted by id; unreadable ones as :class:`InputError`."""
    entries: list[tuple[str, Path, int, int]] = []  # (id, path, jsonl offset or -1, line)
    errors: list[InputError] = []
    for given in paths:
        root = Path(given)
        if root.is_dir():
            for found in _walk(root):
                if isinstance(found, InputError):
                    errors.append(found)
                    continue
                if found.suffix.lower() in TEXT_SUFFIXES:  # JSONL only when named directly
                    entries.append((found.relative_to(root).as_posix(), found, -1, 0))
        elif root.suffix.lower() in JSONL_SUFFIXES and root.is_file():
            _add_jsonl(root, entries, errors)
        elif root.exists() or root.is_symlink():
            entries.append((root.name, root, -1, 0))
        else:
            errors.append(InputError(str(given), "not-found", f"{given}: no such file or folder", str(given)))

    seen: set[str] = set()
    items: list[tuple[str, int, Any]] = [(e.id, 0, e) for e in errors]
    for entry in entries:
        items.append((entry[0], 1, entry))
    for doc_id, _, item in sorted(items, key=lambda x: (x[0], x[1])):
        if isinstance(item, InputError):
            yield item
            continue
        _, path, offset, line = item
        if doc_id in seen:
            yield InputError(doc_id, "duplicate-id", f"{path}: id {doc_id!r} seen before", str(path))
            continue
        seen.add(doc_id)
        try:
            if offset >= 0:
                yield _read_jsonl_line(path, offset, line, doc_id)
            else:
                yield read_file(path, doc_id)
        except DecodeError as e:
            msg = str(e) if str(e).startswith(str(path)) else f"{path}: {e}"
            yield InputError(doc_id, e.kind, msg, str(path))


def _add_jsonl(path: Path, entries: list[tuple[str, Path, int, int]], errors: list[InputError]) -> None:
    try:
        for row in _jsonl_index(path):
            if isinstance(row, InputError):
                errors.append(row)
            else:
                doc_id, offset, n = row
                entries.append((doc_id, path, offset, n))
    except OSError as e:
        errors.append(InputError(path.name, "unreadable", f"{path}: cannot read: {e.strerror or e}", str(path)))
