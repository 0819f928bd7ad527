"""``python -m geoviz.cli``: the same as the ``geoviz`` console script."""

from geoviz.cli.main import main

raise SystemExit(main())
