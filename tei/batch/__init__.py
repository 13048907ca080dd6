"""Corpus runs: ``tei batch`` over files and folders, in parallel, incremental, with a JSON report.

- :mod:`tei.batch.discover` streams the inputs (``.txt``/``.md`` encoded, ``.xml`` TEI);
- :mod:`tei.batch.pipeline` runs one document (encode, validate, convert, write);
- :mod:`tei.batch.state` keeps the content keys that make a second run redo nothing;
- :mod:`tei.batch.report` streams the JSON report;
- :mod:`tei.batch.run` runs them all on a local process pool or a Dask cluster.
"""

from __future__ import annotations

from tei.batch.pipeline import DEFAULT_FORMATS, BatchOptions, Record, parse_formats
from tei.batch.run import Summary, run_batch

__all__ = ["DEFAULT_FORMATS", "BatchOptions", "Record", "Summary", "parse_formats", "run_batch"]
