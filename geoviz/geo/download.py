"""Fetch GeoNames dump files (``geoviz gazetteer download``): the ONLY code in geoviz that uses the network.

Resumable: a file is fetched into ``NAME.part`` and, when a ``.part`` is there
from an interrupted run, the rest is asked for with an HTTP ``Range`` header.
Checksummed: GeoNames publishes no checksums, so the size the server announced
is checked on completion, and the size and sha256 of every finished file are
recorded in ``downloads.json`` beside it; a later run re-hashes a file and
skips it only when it still matches that record.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from geoviz.errors import GeovizError

DEFAULT_BASE = "https://download.geonames.org/export/dump/"
RECORD = "downloads.json"
CHUNK = 1 << 20


class DownloadError(GeovizError, OSError):
    """A download failed, was cut short, or no longer matches its recorded checksum."""


@dataclass(frozen=True)
class Downloaded:
    """One fetched file: where, how big, its sha256, and whether it was already complete."""

    path: Path
    bytes: int
    sha256: str
    reused: bool


def file_names(countries: Iterable[str] = (), alternate_names: bool = False) -> list[str]:
    """The dump files to fetch: each country's ``XX.zip``, else ``allCountries.zip``."""
    names = [f"{c.strip().upper()}.zip" for c in countries if c.strip()] or ["allCountries.zip"]
    if alternate_names:
        names.append("alternateNamesV2.zip")
    return names


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def _records(folder: Path) -> dict[str, dict]:
    path = folder / RECORD
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def download(names: Iterable[str], folder: Path, *, base: str = DEFAULT_BASE, progress: IO[str] | None = None,
             timeout: float = 60.0) -> list[Downloaded]:
    """Fetch each named file from ``base`` into ``folder``; resumes ``.part`` files, records checksums."""
    folder.mkdir(parents=True, exist_ok=True)
    base = base if base.endswith("/") else base + "/"
    records = _records(folder)
    out = []
    for name in names:
        target = folder / name
        known = records.get(name)
        if target.is_file() and known and known.get("bytes") == target.stat().st_size:
            digest = _sha256(target)
            if digest == known.get("sha256"):
                out.append(Downloaded(target, target.stat().st_size, digest, True))
                continue
            raise DownloadError(f"{target}: sha256 {digest[:12]}… differs from the recorded {known['sha256'][:12]}…;"
                                " delete it and download again")
        _fetch(base + name, target, progress, timeout)
        digest = _sha256(target)
        records[name] = {"bytes": target.stat().st_size, "sha256": digest, "url": base + name,
                         "fetched": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        (folder / RECORD).write_text(json.dumps(records, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        out.append(Downloaded(target, target.stat().st_size, digest, False))
    return out


def _fetch(url: str, target: Path, progress: IO[str] | None, timeout: float) -> None:
    """One file into ``target.part``, resumed where a previous run stopped, then renamed."""
    part = target.with_name(target.name + ".part")
    have = part.stat().st_size if part.is_file() else 0
    request = urllib.request.Request(url, headers={"User-Agent": "geoviz gazetteer download"})
    if have:
        request.add_header("Range", f"bytes={have}-")
    try:
        response = urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 (http(s) URL from --url)
    except urllib.error.HTTPError as exc:
        if exc.code == 416 and have:  # the .part is already whole
            os.replace(part, target)
            return
        raise DownloadError(f"{url}: HTTP {exc.code} {exc.reason}") from exc
    except urllib.error.URLError as exc:
        raise DownloadError(f"{url}: {exc.reason}") from exc
    with response:
        if have and response.status != 206:
            have = 0  # the server ignored the Range: start again
        length = response.headers.get("Content-Length")
        total = have + int(length) if length is not None else None
        mode = "ab" if have else "wb"
        done = have
        started = time.monotonic()
        with part.open(mode) as f:
            for block in iter(lambda: response.read(CHUNK), b""):
                f.write(block)
                done += len(block)
                if progress is not None:
                    rate = (done - have) / max(1e-9, time.monotonic() - started) / 1e6
                    of = f" of {total / 1e6:,.1f}" if total else ""
                    progress.write(f"\r{target.name}: {done / 1e6:,.1f}{of} MB ({rate:,.1f} MB/s)")
                    progress.flush()
    if progress is not None:
        progress.write("\n")
    if total is not None and part.stat().st_size != total:
        raise DownloadError(f"{url}: got {part.stat().st_size} of {total} bytes; run the command again to resume")
    os.replace(part, target)
