"""Resolved pronouns and descriptions of a record, for ``newsrel show`` and the HTML report:
each reference with the names of the entities it refers to and the sieve that linked it."""

from __future__ import annotations

import html
from dataclasses import dataclass

from pipeline.schema import Record


@dataclass(frozen=True)
class ReferenceView:
    id: str
    text: str
    kind: str
    names: tuple[str, ...]  # canonical names of the clusters it refers to
    clusters: tuple[str, ...]
    antecedent: str  # the text of the mention it was linked to ("" when unknown)
    rule: str


def reference_views(record: Record) -> list[ReferenceView]:
    clusters = {c.id: c for c in record.clusters}
    mentions = {e.id: e.text for e in record.entities} | {r.id: r.text for r in record.references}
    return [
        ReferenceView(
            id=r.id,
            text=r.text,
            kind=r.kind,
            names=tuple(clusters[c].name for c in r.refers_to if c in clusters),
            clusters=tuple(r.refers_to),
            antecedent=mentions.get(r.antecedent or "", ""),
            rule=r.rule,
        )
        for r in record.references
    ]


def references_html(record: Record) -> str:
    """A small table of the record's references ("he" -> Gordon Brown); every piece of text
    from the record is escaped. Empty when the record has none."""
    views = reference_views(record)
    if not views:
        return ""

    def esc(text: object) -> str:
        return html.escape(str(text), quote=True)

    rows = "".join(
        f"<tr><td>{esc(v.text)}</td><td>{esc(v.kind)}</td>"
        f"<td>{esc('; '.join(v.names))}</td><td>{esc(v.antecedent)}</td>"
        f"<td><code>{esc(v.rule)}</code></td></tr>"
        for v in views
    )
    return (
        '<details class="references"><summary>'
        f"{len(views)} pronouns and descriptions resolved</summary>"
        '<table class="refs"><thead><tr><th>mention</th><th>kind</th><th>refers to</th>'
        f"<th>linked to</th><th>rule</th></tr></thead><tbody>{rows}</tbody></table></details>"
    )
