"""Load what extraction needs while a report's pages are being read, in a background thread.

Importing spaCy and building the addressee vocabulary takes most of a second, and dateparser
compiles its tables on first use (a third of a second): paid once per process, but in a one-report
`extract` or `ingest` they are most of the work after the pages. Started when reading begins, they
overlap it (PDFium and the worker processes run without the GIL); `ready()` waits for them before
extraction starts, so extraction never shares them with a half-finished load.
"""

from __future__ import annotations

import threading

_thread: threading.Thread | None = None


def warm_up() -> None:
    """Start loading, once per process; later calls do nothing."""
    global _thread
    if _thread is None:
        _thread = threading.Thread(target=_load, name="extractors-warm-up", daemon=True)
        _thread.start()


def ready() -> None:
    """Wait until the loading started by warm_up() is done (at once if it never started)."""
    if _thread is not None:
        _thread.join()


def _load() -> None:
    from .addressees import vocabulary
    from .deadlines import parse_absolute

    try:
        vocabulary()
        parse_absolute("by 31 March 2025")
    except Exception:  # noqa: BLE001 - extraction asks again and reports any failure itself
        return
