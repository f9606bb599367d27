"""Why a file could not be ingested. Library code raises these; only the CLI reports them."""


class IngestError(Exception):
    """Base class: the message says what is wrong and what to do next."""

    reason = "could not be ingested"

    def __init__(self, detail: str = ""):
        super().__init__(detail or self.reason)


class EmptyFile(IngestError):
    reason = "the file is empty (0 bytes); download it again"


class NotAPdf(IngestError):
    reason = "not a PDF (no %PDF- header); check that the download is the report itself"


class CorruptPdf(IngestError):
    reason = "the PDF is damaged or truncated and cannot be opened; download it again"


class EncryptedPdf(IngestError):
    reason = "the PDF is password-protected; save an unprotected copy and ingest that"


class NoPages(IngestError):
    reason = "the PDF has no pages (its page tree is empty); download it again or ask the sender for the document"


class NoTextLayer(IngestError):
    reason = "the PDF has no extractable text (a scan?); OCR is not supported, find a text PDF"


class UnreadablePage(CorruptPdf):
    """A page that PDFium cannot load (a page tree that loops, byte damage): the file's own error."""

    reason = "a page of the PDF cannot be read (damaged or looping page tree); download it again"

