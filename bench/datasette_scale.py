"""Datasette latency at scale: 10,000 reports / 1,000,000 findings, served writable with the project's settings.

    .venv/bin/python bench/datasette_scale.py [--findings 1000000] [--requests 40] [--db FILE] [--immutable]

Builds the synthetic database once (kept at --db for re-runs; about 0.7 GB), starts Datasette on
127.0.0.1 with the arguments `hmicfrs serve` uses (`db/serve.py`), but on a writable database (no `-i`,
no inspected counts) as served for browser triage, unless --immutable. Times full-text searches, facet
pages, plain table pages and the triage view: p50, p95 and the slowest request in ms, and how many
requests met the 100 ms bar.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import sqlite_utils

from hmicfrs.db.schema import ensure_shape
from hmicfrs.db.serve import datasette_args, serve_environment
from hmicfrs.db.triage import refresh_triage

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
    refresh_triage(db)  # the triage view reads its materialised rows
    db.conn.commit()
    db.execute("drop table if exists _bench_done")
    db["_bench_done"].insert({"findings": findings})
    db.vacuum()


def serve_args(path: Path, port: int, immutable: bool) -> list[str]:
    """`hmicfrs serve`'s Datasette arguments; writable unless immutable (no -i, no inspected counts)."""
    args = datasette_args(path, "127.0.0.1", port, None)
    if immutable:
        return args
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
        elif arg == "-i":
            continue
        elif arg == "--inspect-file":
            skip = True
        else:
            out.append(arg)
    return out


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
    ap.add_argument("--immutable", action="store_true", help="serve read-only (-i) as before browser triage")
    args = ap.parse_args()
    path = Path(args.db)
    if not path.exists() or not sqlite_utils.Database(path)["_bench_done"].exists() or \
            not sqlite_utils.Database(path)["triage_items"].exists():  # made before the triage table
        path.unlink(missing_ok=True)
        t0 = time.perf_counter()
        build(path, args.reports, args.findings)
        print(f"built {path} ({path.stat().st_size / 1e9:.2f} GB) in {time.perf_counter() - t0:.0f} s")
    server = subprocess.Popen([str(Path(sys.executable).with_name("datasette")),
                               *serve_args(path, args.port, args.immutable)],
                              env={**os.environ, **serve_environment(path)},
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
        mode = "immutable" if args.immutable else "writable"
        print(f"{args.findings:,} findings, {mode}, {n} requests each; load average {os.getloadavg()[0]:.2f}")
        print(f"{'request':34} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'< 100 ms':>9}")
        for name, paths in cases.items():
            ms = sorted(timings(base, paths))
            p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
            under = sum(m < 100 for m in ms)
            print(f"{name:34} {statistics.median(ms):8.1f} {p95:8.1f} {ms[-1]:8.1f} {under:5}/{len(ms)}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
