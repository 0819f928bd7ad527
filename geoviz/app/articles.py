"""The articles the app reads: the bundled samples, and uploads checked before they are parsed.

Plain Python (no streamlit): what an upload is refused for is tested directly.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geoviz.article import MAX_BYTES, decode, html_to_text, looks_like_html
from geoviz.errors import InputError

__all__ = ["ACCEPTED_SUFFIXES", "LIMIT_NOTE", "MAX_ARTICLE_CHARS", "MAX_UPLOAD_MB", "SEED", "SEEDS", "Sample",
           "check_length", "landing_article", "read_upload", "samples"]

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
#: The article the app opens with and the README shows.
SEED = "kim-putin-summit.txt"
ACCEPTED_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".html", ".htm")
#: The uploader's limit, the same as the CLI's for an article file (an HTML page is mostly markup).
MAX_UPLOAD_MB = MAX_BYTES // 2**20
#: The longest article the app reads: about 30,000 words, a long feature several times over. Why a limit: a
#: 15 MB paste took 73 s to parse, drew 15,785 markers the browser could not show, and took the server from
#: 0.56 to 2.5 GB; a corpus belongs to ``geoviz batch`` and the Corpus tab, which are built for it.
MAX_ARTICLE_CHARS = 200_000
#: What the sidebar says up front, and what a refusal ends with.
LIMIT_NOTE = (f"One article at a time, up to {MAX_ARTICLE_CHARS:,} characters. For more (a month of wire copy), "
              "run `geoviz batch` and open its output in the Corpus tab.")


def check_length(name: str, text: str) -> str:
    """``text`` when it is within :data:`MAX_ARTICLE_CHARS`, else :class:`InputError` saying what to do instead."""
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(f"{name} is {len(text):,} characters; the app reads one article of up to "
                         f"{MAX_ARTICLE_CHARS:,}. For a corpus, run `geoviz batch IN.jsonl -o OUT` and open its "
                         "output in the Corpus tab.")
    return text


@dataclass(frozen=True, slots=True)
class Sample:
    """A sample article shipped in ``seeds/``: the picker shows ``title``, loads ``path``."""

    name: str
    title: str
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


def samples(folder: Path = SEEDS) -> list[Sample]:
    """The sample articles, the seed first (it is what the app opens with), then by title."""
    found = []
    for path in sorted(folder.glob("*.txt")):
        first = next((ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()), path.stem)
        title = first if len(first) <= 80 else first[:77].rsplit(" ", 1)[0] + "\u2026"
        found.append(Sample(name=path.name, title=title, path=path))
    return sorted(found, key=lambda s: (s.name != SEED, s.title.lower()))


def landing_article() -> dict[str, Any]:
    """The article a new session opens with (``st.session_state["article"]``): the first sample, undated."""
    first = samples()[0]
    return {"name": first.name, "text": first.text(), "date": None}


# Magic numbers of what people most often drop on a text box by mistake: named so the message can say what it was.
_BINARY_KINDS = [
    (b"%PDF", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"PK\x03\x04", "a ZIP archive (or a Word/Excel/EPUB file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"), (b"MZ", "a program"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
]
_WHAT_TO_DO = "geoviz reads plain text, Markdown or HTML: copy the article's text and paste it instead."


def read_upload(name: str, data: bytes) -> str:
    """The article text of an uploaded file, or :class:`InputError` with a message a reader can act on.

    Why the suffix is checked after the content: a PDF renamed ``.txt`` is
    still a PDF, and the message should say so rather than "binary".
    """
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is {len(data) / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB.")
    for magic, what in _BINARY_KINDS:
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not an article. {_WHAT_TO_DO}")
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in ACCEPTED_SUFFIXES:
        raise InputError(f"{name}: {suffix} files are not read. {_WHAT_TO_DO}")
    try:
        text = decode(data, name)
    except InputError as e:
        raise InputError(f"{e}. {_WHAT_TO_DO}") from None
    if suffix in (".html", ".htm") or looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{name} has no readable text.")
    return check_length(name, text)
