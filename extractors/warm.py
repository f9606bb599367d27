"""Load what extraction needs while a report's pages are being read, in a background thread.

Importing spaCy and building the addressee vocabulary takes most of a second: paid once per process,
but in a one-report `extract` or `ingest` it is most of the work after the pages. (dateparser, slow
to load too, is loaded only for a date not in a plain form: see `deadlines.parse_absolute`.) Started
when reading begins, the load overlaps it (PDFium and the worker processes run without the GIL);
`ready()` waits for it before extraction starts, so extraction never shares a half-finished load.
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

    try:
        vocabulary()
    except Exception:  # noqa: BLE001 - extraction asks again and reports any failure itself
        return
