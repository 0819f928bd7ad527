"""``geoviz batch IN -o OUT``: the command-line face of :mod:`geoviz.corpus.batch`.

Kept apart from :mod:`geoviz.corpus.batch` so importing the CLI does not import Dask
(``geoviz geocode`` stays fast); Dask loads only when a batch actually runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from geoviz.cli.common import CliError, print_json
from geoviz.nlp.text import count


def cmd_batch(a: argparse.Namespace) -> int:
    try:
        from geoviz.corpus.batch import BatchError, run_batch
    except ImportError as exc:  # dask / distributed / pyarrow are the `batch` extra, not core dependencies
        raise CliError(f"{exc}; install the batch extra: pip install 'geoviz[batch]'") from exc

    try:
        report = run_batch(a.input, a.output, text_field=a.text_field, id_field=a.id_field, scheduler=a.scheduler,
                           partitions=a.partitions, workers=a.workers, progress=not a.no_progress)
    except BatchError as exc:
        raise CliError(str(exc)) from exc
    except ImportError as exc:  # dask / distributed / pyarrow are the `batch` extra, not core dependencies
        raise CliError(f"{exc}; install the batch extra: pip install 'geoviz[batch]'") from exc
    if a.json:
        print_json(report.to_dict())
        return 0
    resumed = f", {len(report.skipped)} already done (resumed)" if report.skipped else ""
    print(f"{report.articles:,} articles in {report.seconds:.1f} s ({report.articles_per_s:,.0f}/s); "
          f"{report.partitions} partitions{resumed}")
    print(f"{count(report.mentions, 'mention')}, {count(report.claims, 'distance claim')}, "
          f"{count(report.events, 'event')} -> {report.output}")
    if report.rejected:
        reasons = ", ".join(f"{n} {r}" for r, n in sorted(report.reject_reasons.items(), key=lambda x: -x[1]))
        print(f"{report.rejected:,} records rejected ({reasons}): see {report.rejects_path}", file=sys.stderr)
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("batch", help="geoparse a JSONL/Parquet corpus on Dask into Parquet tables")
    p.add_argument("input", help="JSONL file (one article object per line), Parquet file or directory")
    p.add_argument("-o", "--output", required=True, help="output directory, e.g. corpus.parquet")
    p.add_argument("--text-field", default="text", help="field holding the article text (default: text)")
    p.add_argument("--id-field", default="id", help="field holding the article id (default: id)")
    p.add_argument("--scheduler", default=None,
                   help="dask.distributed scheduler address (tcp://host:8786); default: local processes")
    p.add_argument("--workers", type=int, default=2, help="local worker processes (default: 2)")
    p.add_argument("--partitions", type=int, default=None, help="number of partitions (default: ~1 MiB each)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar on stderr")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_batch)

