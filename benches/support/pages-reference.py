#!/usr/bin/env python3
"""Saved pages against a reference extraction: the word overlap (F1) of folio's text with
trafilatura's, and whether the titles are the same. A measurement, not a test:

    pip install trafilatura lxml_html_clean
    python3 benches/support/pages-reference.py [FOLDER] [FOLIO]

FOLDER defaults to ../shared/corpora/pages, FOLIO to target/release/folio.
"""
import os
import re
import statistics
import subprocess
import sys
from collections import Counter

import trafilatura

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.normpath(os.path.join(here, "..", ".."))
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "..", "shared", "corpora", "pages")
folio = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "target", "release", "folio")

MARKER = re.compile(r"\[\d+\]")


def words(text):
    return Counter(w.lower() for w in re.findall(r"\w+", MARKER.sub(" ", text)))


def f1(got, want):
    common = sum((got & want).values())
    if common == 0:
        return 0.0
    p = common / sum(got.values())
    r = common / sum(want.values())
    return 2 * p * r / (p + r)


def squash(s):
    return " ".join((s or "").split())


scores, titles, rows = [], 0, []
pages = sorted(p for p in os.listdir(folder) if p.endswith((".html", ".htm")))
for name in pages:
    path = os.path.join(folder, name)
    with open(path, "rb") as f:
        html = f.read()
    ref = trafilatura.bare_extraction(html, with_metadata=True)
    if ref is None:
        continue
    ref_text = ref.text if hasattr(ref, "text") else ref.get("text")
    ref_title = ref.title if hasattr(ref, "title") else ref.get("title")
    out = subprocess.run(
        [folio, "--no-cache", "--width", "10000", "--print", "1", path],
        capture_output=True,
        text=True,
    ).stdout
    lines = out.split("\n")
    title = lines[0] if lines else ""
    body = "\n".join(lines[3:])
    score = f1(words(body), words(ref_text or ""))
    same = squash(title) == squash(ref_title)
    scores.append(score)
    titles += same
    rows.append((name, score, same, title, ref_title))

for name, score, same, title, ref_title in rows:
    mark = "=" if same else "≠"
    print(f"{score:5.2f} {mark} {name}" + ("" if same else f"\n        folio: {title!r}\n        ref:   {ref_title!r}"))
n = len(scores)
print(
    f"{n} pages: F1 median {statistics.median(scores):.3f}, mean {statistics.mean(scores):.3f}, "
    f"min {min(scores):.3f}; titles the same {titles}/{n} ({100 * titles / n:.0f}%)"
)
