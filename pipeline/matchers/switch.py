"""The one switch of the speed layer.

``NEWSREL_PLAIN_MATCHERS=1`` (or ``true``/``yes``) turns every speed trick of
:mod:`pipeline.matchers` off: spaCy's ``Matcher`` runs over whole documents instead of windows,
dependency rules run on every sentence instead of the gated ones, the trained ``attribute_ruler``
stays spaCy's own, and the document text is rebuilt on each read. The records are the same
either way (tests/matchers/test_switch.py runs the corpus and the seed both ways); what the
layer saves is measured in docs/PERFORMANCE.md.
"""

from __future__ import annotations

import os

ENV = "NEWSREL_PLAIN_MATCHERS"


def speed_layer() -> bool:
    """Whether the speed layer is on (the default)."""
    return os.environ.get(ENV, "").strip().lower() not in ("1", "true", "yes", "on")
