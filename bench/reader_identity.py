#!/usr/bin/env python3
"""Check that the fast text-run reader returns exactly what the reference reader returns.

    bench/reader_identity.py PDF_OR_DIR...

For every page: the runs (box, text, size, weight) of `ingest.textruns` against
`ingest.textruns_reference`, and the page model the layout builds from them (every line's text and
box). Prints pages, runs and characters compared, any difference, how many runs fell back to the
reference questions, and the time each reader took.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from hmicfrs.ingest import pdf, textruns, textruns_reference
from hmicfrs.ingest.layout import build_page


def main() -> None:
    files: list[Path] = []
    for arg in map(Path, sys.argv[1:]):
        files += sorted(arg.rglob("*.pdf")) if arg.is_dir() else [arg]
    calls = {"bounded_text": 0, "char_index": 0}
    for name in calls:
        real = getattr(textruns, name)

        def counted(*args, _real=real, _name=name):
            calls[_name] += 1
            return _real(*args)
        setattr(textruns, name, counted)
    pages = runs = chars = differ = 0
    fast_s = ref_s = 0.0
    for path in files:
        try:
            doc, _ = pdf.open_pdf(path)
        except Exception as exc:  # noqa: BLE001 - bad inputs are reported and skipped
            print(f"skip {path.name}: {type(exc).__name__}")
            continue
        for index in range(len(doc)):
            page = doc[index]
            left, bottom, right, top = page.get_mediabox()
            tp = page.get_textpage()
            t0 = time.perf_counter()
            fast = textruns.read_runs(tp, top, left)
            t1 = time.perf_counter()
            ref = textruns_reference.read_runs(tp, top, left)
            t2 = time.perf_counter()
            fast_s, ref_s = fast_s + t1 - t0, ref_s + t2 - t1
            tp.close()
            pages += 1
            runs += len(ref)
            chars += sum(len(r[4]) for r in ref)
            raw_page = pdf.read_page(page, index + 1)
            ref_page = pdf.RawPage(raw_page.number, raw_page.width, raw_page.height,
                                   [pdf.Run(*r) for r in ref], raw_page.boxes, raw_page.rotation, raw_page.chars)
            lines_fast = [(ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.box)
                          for ln in build_page(raw_page).lines]
            lines_ref = [(ln.text, ln.x0, ln.top, ln.x1, ln.bottom, ln.size, ln.bold, ln.box)
                         for ln in build_page(ref_page).lines]
            if fast != ref or lines_fast != lines_ref:
                differ += 1
                print(f"DIFFERS {path.name} p{index + 1}")
                for a, b in zip(fast, ref, strict=False):
                    if a != b:
                        print("   fast", a, "\n   ref ", b)
                        break
            page.close()
        doc.close()
    print(f"{len(files)} files, {pages} pages, {runs} runs, {chars} characters: "
          f"{differ} pages differ")
    print(f"runs read the reference way: text {calls['bounded_text']} ({calls['bounded_text'] / max(runs, 1):.1%}), "
          f"font character {calls['char_index']} ({calls['char_index'] / max(runs, 1):.1%})")
    print(f"reading runs: fast {fast_s:.2f} s, reference {ref_s:.2f} s ({ref_s / max(fast_s, 1e-9):.1f}x)")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
