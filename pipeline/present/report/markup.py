"""HTML helpers every part of the report uses: escaping, event colours, and the style sheet
that makes displaCy's markup compact."""

from __future__ import annotations

import html
import re

from pipeline.present.displacy import EVENT_COLORS


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def event_color(event_type: str) -> str:
    return EVENT_COLORS.get(event_type, "#495057")


class StyleSheet:
    """Hoists displaCy's repeated inline ``style`` attributes into classes (``s0``, ``s1``...)
    and squeezes its indentation: the same rendering in a fraction of the bytes."""

    _ATTR = re.compile(r'(?:class="([^"]*)" )?style="([^"]*)"')
    _SPACE = re.compile(r"\s*\n\s*")

    def __init__(self) -> None:
        self.classes: dict[str, str] = {}

    def _sub(self, m: re.Match[str]) -> str:
        name = self.classes.setdefault(m[2], f"s{len(self.classes)}")
        return f'class="{m[1]} {name}"' if m[1] else f'class="{name}"'

    def compact(self, markup: str) -> str:
        return self._SPACE.sub("\n", self._ATTR.sub(self._sub, markup))

    def css(self) -> str:
        return "\n".join(f".{name}{{{style}}}" for style, name in self.classes.items())
