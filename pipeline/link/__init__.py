"""One story, many articles: record clusters and events linked across documents.

    from pipeline.link import link_records
    summary = link_records(["out.jsonl"], "corpus/")   # corpus/entities.jsonl, corpus/events.jsonl

The linking rules are data (``models/link_rules.json``, :mod:`pipeline.link.rules`); the
corpus view's lines are :class:`~pipeline.link.schema.CorpusEntity` and
:class:`~pipeline.link.schema.CorpusEvent`. See docs/LINKING.md.
"""

from __future__ import annotations

from pipeline.link.run import LinkError, LinkSummary, link, link_records

__all__ = ["LinkError", "LinkSummary", "link", "link_records"]
