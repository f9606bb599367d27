"""Matching at scale: N findings x N records (default 20,000), time and peak memory.

    .venv/bin/python bench/match_scale.py [N] [--workers W]

Builds a throwaway database of synthetic findings (N / 100 reports of 100 findings) and a tracker
snapshot of N records (half reworded copies of findings, half unrelated), then runs the same
`match_records` as `hmicfrs match`. Prints the wall time of each stage and the peak RSS.
"""

from __future__ import annotations

import argparse
import random
import resource
import tempfile
import time
from pathlib import Path

import sqlite_utils

from hmicfrs.db.schema import ensure_shape
from hmicfrs.linking import match_records

VOCABULARY = ("force chief constables should make sure that victims officers staff training records custody "
         "fraud domestic abuse supervisors review data quality national guidance college policing publish "
         "assess risk within months safeguarding investigation digital forensic evidence disclosure "
         "schedules unused material partners local authorities vetting complaints misconduct wellbeing "
         "neighbourhood call handling emergency response repeat vulnerable children missing exploitation")
WORDS = VOCABULARY.split(" ")


def sentence(rng: random.Random, n: int = 28) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def build(db: sqlite_utils.Database, n: int, rng: random.Random) -> None:
    ensure_shape(db)
    reports = n // 100
    db["reports"].insert_all({"id": i + 1, "source": f"r{i}.pdf", "sha256": f"{i:064x}", "title": f"Report {i}",
                              "published": f"20{10 + i % 15:02d}-0{1 + i % 9}-15", "kind": "thematic",
                              "edition": "pdf"} for i in range(reports))
    texts = [sentence(rng) for _ in range(n)]
    db["findings"].insert_all({"id": j + 1, "report_id": j // 100 + 1, "key": f"recommendation-{j % 100}",
                               "kind": "recommendation", "ref": str(j % 100 + 1), "text": t, "verdict": "yes"}
                              for j, t in enumerate(texts))
    import_id = db["record_imports"].insert({"source": "bench.csv", "as_of": "2026-01-01", "rows": n}).last_pk
    rows = []
    for k in range(n):
        if k % 2 == 0:
            j = rng.randrange(n)
            text = f"Rec {j % 100 + 1} - " + texts[j].lower().replace("should", "should,") + " (update)"
            title = f"Report {j // 100}"
        else:
            text, title = sentence(rng), "Internal audit"
        rows.append({"import_id": import_id, "reference": f"REF-{k}", "type": "Recommendation", "level": 2,
                     "state": "open", "report_title": title, "text": text, "row": k + 2})
    db["records"].insert_all(rows, batch_size=1000)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int, nargs="?", default=20_000)
    ap.add_argument("--workers", type=int, default=-1)
    args = ap.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        db = sqlite_utils.Database(Path(tmp) / "bench.db")
        t0 = time.perf_counter()
        build(db, args.n, rng)
        t1 = time.perf_counter()
        result = match_records(db, workers=args.workers)
        t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.n} findings x {args.n} records: build {t1 - t0:.1f} s, match {t2 - t1:.1f} s, "
          f"peak RSS {peak:.0f} MB")
    print(f"matched {result.matched}, probable {result.probable}, orphans {result.orphans}, "
          f"restated links {result.restated}")


if __name__ == "__main__":
    main()
