"""The readers take time and memory in proportion to their input (issue 11).

No timed assertion: each hostile shape (``reader_shapes.py``) is read at a size
where the quadratic readers of before needed minutes to hours and the linear
ones need about a second, in a child process whose alarm only catches a hang.
Memory is checked as the growth of the child's peak resident size, against a
bound ten times what the reader uses now (about 40 MiB for a 10 MB line).
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import REPO
from reader_shapes import SHAPES

#: Units of each shape: the readers before issue 11 needed from 60 s to hours on 40,000 (the issue's own
#: figure), the linear ones need from 0.01 s to about 2 s each (``python bench/readers.py`` has the figures).
UNITS = 40_000
#: Seconds one shape may take before it counts as a hang.
HANG_SECONDS = 30

_CHILD = textwrap.dedent(
    """
    import json, signal, sys
    sys.path[:0] = [sys.argv[1], sys.argv[1] + "/tests"]
    from reader_shapes import SHAPES, shape
    from tei.readers import READERS, detect_format

    def hung(signum, frame):
        raise TimeoutError

    signal.signal(signal.SIGALRM, hung)
    units, limit = int(sys.argv[2]), int(sys.argv[3])
    outcomes = {}
    for name in SHAPES:
        text, input_format = shape(name, units)
        signal.alarm(limit)
        try:
            detect_format(text)
            READERS[input_format](text)
            outcomes[name] = "done"
        except TimeoutError:
            outcomes[name] = "hung"
        signal.alarm(0)
    print(json.dumps(outcomes))
    """
)


def test_readers_are_linear_on_hostile_shapes() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(REPO), str(UNITS), str(HANG_SECONDS)],
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS * len(SHAPES) + 60,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    outcomes = json.loads(result.stdout)
    assert set(outcomes) == set(SHAPES)
    hung = sorted(name for name, outcome in outcomes.items() if outcome != "done")
    assert not hung, f"not read within {HANG_SECONDS} s at {UNITS} units: {hung}"


_MEMORY_CHILD = textwrap.dedent(
    """
    import resource, sys
    sys.path[:0] = [sys.argv[1]]
    from tei.readers import READERS
    sentence = "The Government of Russia sent a note to Paris on the fifth of December, and waited. "
    text = "TITLE\\n\\n" + sentence * (10_000_000 // len(sentence)) + "\\n"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    READERS[sys.argv[2]](text)
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before)
    """
)


def test_ten_megabyte_line_memory() -> None:
    """One 10 MB line of prose: about 60 MB more at the peak (the quadratic readers held lists of every word)."""
    result = subprocess.run(
        [sys.executable, "-c", _MEMORY_CHILD, str(REPO), "plain"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    grown_kib = int(result.stdout)
    assert grown_kib < 400 * 1024, f"the reader's peak grew by {grown_kib // 1024} MiB for a 10 MB line"
