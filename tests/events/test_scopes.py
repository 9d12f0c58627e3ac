"""Scopes: sentences cut at blank lines and a headline's end, paragraph starts."""

from __future__ import annotations

import random

import pytest

from pipeline.events.scopes import segments


def _segments_by_walk(
    n: int, starts: list[int], brk: list[bool], breaks: list[bool]
) -> tuple[list[int], list[int], list[int], list[int]]:
    """The token-by-token walk ``segments`` replaces, kept as its reference."""
    sentence, seg_start, seg_end, para_start = [0] * n, [0] * n, [0] * n, [0] * n
    for k, (a, b) in enumerate(zip(starts, [*starts[1:], n], strict=True)):
        start = a
        for i in range(a, b):
            sentence[i] = k
            if brk[i]:
                for j in range(start, i + 1):
                    seg_end[j] = i
                start = i + 1
        for j in range(start, b):
            seg_end[j] = b
        start = a
        for i in range(a, b):
            seg_start[i] = start
            if brk[i]:
                start = i + 1
    p = 0
    for i in range(n):
        if i and breaks[i - 1]:
            p = i
        para_start[i] = p
    return sentence, seg_start, seg_end, para_start


def _at(flags: list[bool]) -> list[int]:
    return [i for i, f in enumerate(flags) if f]


@pytest.mark.parametrize(
    ("n", "starts", "brk", "expected"),
    [
        (3, [0], [False] * 3, ([0, 0, 0], [0, 0, 0], [3, 3, 3], [0, 0, 0])),
        (4, [0, 2], [False] * 4, ([0, 0, 1, 1], [0, 0, 2, 2], [2, 2, 4, 4], [0, 0, 0, 0])),
        # a break token ends its own scope; the next token starts a scope and a paragraph
        (4, [0], [False, True, False, False], ([0] * 4, [0, 0, 2, 2], [1, 1, 4, 4], [0, 0, 2, 2])),
        # a break as a sentence's last token, and as the document's last
        (
            4,
            [0, 2],
            [False, True, False, True],
            ([0, 0, 1, 1], [0, 0, 2, 2], [1, 1, 3, 3], [0, 0, 2, 2]),
        ),
    ],
)
def test_segments_cut_sentences_at_breaks(
    n: int, starts: list[int], brk: list[bool], expected: tuple[list[int], ...]
) -> None:
    assert segments(n, starts, _at(brk), _at(brk)) == expected
    assert _segments_by_walk(n, starts, brk, brk) == expected


def test_segments_agree_with_the_token_walk_on_random_layouts() -> None:
    rng = random.Random(7)
    for _ in range(2000):
        n = rng.randint(1, 20)
        starts = [0, *sorted(rng.sample(range(1, n), rng.randint(0, n - 1)))]
        breaks = [rng.random() < 0.2 for _ in range(n)]
        brk = list(breaks)
        brk[rng.randrange(n)] |= rng.random() < 0.5  # a headline's end: a scope break only
        walked = _segments_by_walk(n, starts, brk, breaks)
        assert segments(n, starts, _at(brk), _at(breaks)) == walked
