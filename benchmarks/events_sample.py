"""A random sample of extracted events on Reuters-21578 bodies, printed for judging by hand.

Reuters has no event annotation, so precision is estimated by reading: the script runs the full
pipeline over the first N bodies of an SGML file, keeps the events of the chosen types, draws a
seeded random sample and prints each with its sentence, trigger, rule and arguments.

    python benchmarks/events_sample.py [REUT2_SGM] [-n 1000] [-k 30] [--seed 6]
        [--types MEETING AGREEMENT TARGET]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from reuters import REUTERS, stories

from pipeline.nlp.build import load_nlp

DEFAULT = REUTERS / "reut2-001.sgm"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sgm", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("-k", type=int, default=30)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--types", nargs="+", default=["MEETING", "AGREEMENT", "TARGET"])
    a = ap.parse_args()
    texts = [story.text for story in stories(a.sgm, a.n)]
    found = []
    for n, doc in enumerate(load_nlp().pipe(texts)):
        for ev in doc._.events:
            if ev.type in a.types:
                found.append((n, doc, ev))
    print(f"{len(texts)} bodies of {a.sgm.name}: {len(found)} events of {a.types}")
    for n, doc, ev in random.Random(a.seed).sample(found, min(a.k, len(found))):
        s, e = ev.trigger
        sent = next(x for x in doc.sents if x.start_char <= s < x.end_char)
        args = "; ".join(f"{x.role}={doc.text[x.span[0] : x.span[1]]!r}" for x in ev.arguments)
        print(f"\n[{n}] {ev.type} {ev.status} rule={ev.rule} trigger={doc.text[s:e]!r}")
        print("   ", " ".join(sent.text.split()))
        print("   ", args)


if __name__ == "__main__":
    main()
