"""Datasette latency at scale: 10,000 reports / 1,000,000 findings, served as `hmicfrs serve` serves.

    .venv/bin/python bench/datasette_scale.py [--findings 1000000] [--requests 40] [--db FILE]

Builds the synthetic database once (kept at --db for re-runs; about 1 GB), starts `hmicfrs serve` on
127.0.0.1, and times full-text searches, facet pages and plain table pages: p50 and p95 in ms.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import sqlite_utils

from hmicfrs.db.schema import ensure_shape

WORDS = [
    "force", "chief", "constables", "should", "make", "sure", "that", "victims", "officers", "staff",
    "training", "records", "custody", "fraud", "domestic", "abuse", "supervisors", "review", "quality",
    "national", "guidance", "college", "policing", "publish", "assess", "risk", "safeguarding",
    "investigation", "digital", "forensic", "evidence", "disclosure", "schedules", "unused", "material",
    "partners", "vetting", "complaints", "misconduct", "wellbeing", "neighbourhood", "handling", "emergency",
    "response", "repeat", "vulnerable", "children", "missing", "exploitation", "stalking", "harassment",
    "firearms", "licensing",
]
KINDS = ("recommendation", "area_for_improvement", "cause_of_concern")
VERDICTS = ("yes", "conditional", "no")
ADDRESSEES = ("chief constables", "Home Office", "College of Policing", "National Police Chiefs' Council")


def build(path: Path, reports: int, findings: int) -> None:
    rng = random.Random(11)
    db = sqlite_utils.Database(path)
    ensure_shape(db)
    db["reports"].insert_all(({"id": i + 1, "source": f"r{i}.pdf", "sha256": f"{i:064x}", "title": f"Report {i}",
                               "published": f"{2014 + i % 12}-{1 + i % 12:02d}-15", "kind": "thematic",
                               "page_count": 40} for i in range(reports)), batch_size=2000)
    per = findings // reports

    def rows():
        for j in range(findings):
            kind = KINDS[j % 3]
            addressee = ADDRESSEES[j % 4]
            yield {"id": j + 1, "report_id": j // per + 1, "key": f"{kind}-{j % per}", "kind": kind,
                   "ref": str(j % per + 1),
                   # common words, and one rarer term as real searches use ("niche", "stalking")
                   "text": " ".join(rng.choice(WORDS) for _ in range(30)) + f" term{rng.randrange(20000)}",
                   "first_page": 1 + j % 40, "pdf_link": f"/pdfs/r{j // per}.pdf#page={1 + j % 40}",
                   "due": f"{2015 + j % 12}-{1 + j % 12:02d}-28", "verdict": VERDICTS[j % 3],
                   "reason": "synthetic", "addressees": json.dumps([addressee]), "force": "West Midlands Police"}

    # the FTS triggers would index row by row; fill the table first, then index in one pass
    db.execute("drop trigger if exists findings_ai")
    db["findings"].insert_all(rows(), batch_size=5000)
    db["finding_addressees"].insert_all(({"finding_id": j + 1, "addressee": ADDRESSEES[j % 4]}
                                         for j in range(findings)), batch_size=5000)
    db["findings"].rebuild_fts()
    db.conn.commit()
    db.execute("drop table if exists _bench_done")
    db["_bench_done"].insert({"findings": findings})
    db.vacuum()


def timings(base: str, paths: list[str]) -> list[float]:
    out = []
    for p in paths:
        start = time.perf_counter()
        with urllib.request.urlopen(base + p, timeout=60) as resp:
            resp.read()
        out.append((time.perf_counter() - start) * 1000)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--findings", type=int, default=1_000_000)
    ap.add_argument("--reports", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=40)
    ap.add_argument("--db", default="/tmp/hmicfrs-scale.db")
    ap.add_argument("--port", type=int, default=8765)
    args = ap.parse_args()
    path = Path(args.db)
    if not path.exists() or not sqlite_utils.Database(path)["_bench_done"].exists():
        path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(path, args.reports, args.findings)
        print(f"built {path} ({path.stat().st_size / 1e9:.2f} GB) in {time.perf_counter() - t0:.0f} s")
    hmicfrs = str(Path(sys.executable).with_name("hmicfrs"))
    server = subprocess.Popen([hmicfrs, "serve", "--db", str(path), "--port", str(args.port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{args.port}/{path.stem}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + ".json", timeout=5).read()
                break
            except OSError:
                time.sleep(0.2)
        rng = random.Random(3)
        n = args.requests
        cases = {
            "FTS search, a rare term": [f"/findings?_search=term{rng.randrange(20000)}" for _ in range(n)],
            "FTS search, two common words": [f"/findings?_search={rng.choice(WORDS)}+{rng.choice(WORDS)}"
                                             for _ in range(n)],
            "facet page (verdict, kind)": [f"/findings?_facet=verdict&_facet=kind&report_id={rng.randrange(1, 10000)}"
                                           for _ in range(n)],
            "facet page, whole table": ["/findings?_facet=verdict"] * n,
            "table page": [f"/findings?_next={rng.randrange(1, 999_000)}" for _ in range(n)],
            "triage view, due month facet": [f"/triage?_facet=due_month&report_id={rng.randrange(1, 10000)}"
                                              for _ in range(n)],
        }
        timings(base, ["/findings", "/findings?_search=fraud"])  # warm the page cache
        print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8}")
        for name, paths in cases.items():
            ms = sorted(timings(base, paths))
            p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
            print(f"{name:34} {statistics.median(ms):8.1f} {p95:8.1f}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
