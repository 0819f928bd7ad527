"""Read an article from a file or stdin (detect the encoding, strip HTML, refuse binaries), and name it.

Bad input gets one clear error (:class:`geoviz.pipeline.InputError`) instead of
a traceback or a silently garbled text. :func:`article_title` is the article's
headline, which the map shows and the exported files are named after.
"""

from __future__ import annotations

import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from geoviz.errors import InputError
from geoviz.nlp.text import sentences

if TYPE_CHECKING:
    from geoviz.scene import Scene

MAX_BYTES = 20 * 1024 * 1024
# UTF-32's BOMs first: the little-endian one begins with UTF-16's.
_BOMS = [(b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"), (b"\xef\xbb\xbf", "utf-8-sig"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


# Formats that are mostly printable bytes at the start but are not articles.
_MAGIC = [(b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
          (b"PK\x03\x04", "a ZIP archive (or an Office document)"), (b"\xd0\xcf\x11\xe0", "an Office document"),
          (b"{\\rtf", "an RTF document"), (b"\x1f\x8b", "a gzip archive"), (b"RIFF", "a media file"),
          (b"\x7fELF", "a program")]


def decode(data: bytes, name: str = "input") -> str:
    """UTF-8 (with or without BOM), UTF-16/UTF-32 (BOM or evident NULs), else Windows-1252 or Latin-1.

    Windows-1252 before Latin-1 because 8-bit news text is nearly always it:
    its curly quotes and dashes (0x91-0x97) are control characters in Latin-1.
    Latin-1 decodes any byte, so it takes what Windows-1252 leaves undefined.

    PDFs, images, archives and Office files are refused by their signature
    with a message naming the format and what to do instead.
    """
    if not data.strip():
        raise InputError(f"{name} is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(f"{name} is {what}, not text; save the article as .txt, .md or .html")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc)
    if data[:2000].count(b"\x00") > len(data[:2000]) // 4:
        for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _printable_share(text) > 0.95:
                return text
        raise InputError(f"{name} looks like a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    if _printable_share(text) < 0.9:
        raise InputError(f"{name} looks like a binary file, not text")
    return text


def _printable_share(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 1.0
    ok = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return ok / len(sample)


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in self.SKIP:
            self._skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Readable text of an HTML page: scripts and styles dropped, blocks on their own lines."""
    p = _TextExtractor()
    p.feed(markup)
    p.close()
    text = html.unescape("".join(p.parts))
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n", text).strip()


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</p>" in head)


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a file, or :class:`InputError` saying plainly why not (missing, a directory, unreadable, too big).

    Why not let ``OSError`` through: "[Errno 21] Is a directory" is Python's
    wording, not the reader's, and a permission problem should say so.
    """
    p = Path(path)
    if p.is_dir():
        raise InputError(f"{path} is a directory, not a file")
    if not p.exists():
        raise InputError(f"{path}: no such file")
    try:
        size = p.stat().st_size
        if size > limit:
            raise InputError(f"{path} is {size / 1e6:.1f} MB; the limit is {limit // 2**20} MB")
        with p.open("rb") as f:
            return f.read(limit + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied (the file is not readable by this user)") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror or exc})") from None


def read_article(path: str) -> str:
    """The text of an article file ("-" = stdin), decoded, HTML stripped."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        name = "standard input"
    else:
        data = read_bytes(path)
        name = path
    if len(data) > MAX_BYTES:
        raise InputError(f"{name} is over the {MAX_BYTES // 2**20} MB limit")
    text = decode(data, name)
    if looks_like_html(text) or (path.lower().endswith((".html", ".htm")) if path != "-" else False):
        text = html_to_text(text)
    if not text.strip():
        raise InputError(f"{name} has no text")
    return text


_TITLE_MAX = 90
_FALLBACK_TITLE = "Map of the article"


def article_title(source: Scene | str, max_chars: int = _TITLE_MAX) -> str:
    """The article's headline: ``meta['title']``, else its first line, shortened to a sentence.

    ``source`` is a Scene (its meta and source text) or the text itself.
    Pasted articles often have no headline and open with a long paragraph;
    then the first sentence (cut at a word boundary) stands in for one.
    """
    if source is None or isinstance(source, str):
        text = source
    else:
        given = source.meta.get("title") or source.meta.get("headline")
        if isinstance(given, str) and given.strip():
            return _shorten(" ".join(given.split()), max_chars)
        text = source.source_text
    line = next((ln.strip() for ln in (text or "").splitlines() if ln.strip()), "")
    line = " ".join(line.split())
    if not line:
        return _FALLBACK_TITLE
    if len(line) > max_chars:
        first = sentences(line)
        if first:
            line = line[first[0][0]:first[0][1]]
    return _shorten(line, max_chars)


def _shorten(text: str, max_chars: int) -> str:
    if len(text) <= max_chars:
        return text
    cut = text[: max_chars - 1]
    if " " in cut[max_chars // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"
