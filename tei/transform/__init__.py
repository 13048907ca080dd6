"""TEI -> HTML, XSL-FO, LaTeX and plain text through the XSLT 1.0 stylesheets in ``transforms/``.

Why XSLT and not Python writers: the stylesheets are the product a TEI user
can read, adapt and run anywhere (xsltproc, Saxon, an XML editor); this
package only finds them (:data:`FORMATS`), compiles each once per process
and safely (:mod:`.stylesheets`), gets a document ready for them
(:mod:`.prepare`: TEI P4 or without its namespace, repeated ids), runs them
and collects what they could not show (:mod:`.messages`, :mod:`.fonts`);
:func:`run_convert` writes the results by the CLI's contract (docs/cli.md).
Nothing here prints; the CLI does.
"""

from __future__ import annotations

from tei.transform.convert import (
    Conversion,
    ConvertOutcome,
    TransformError,
    convert_document,
    convert_file,
    convert_tree,
    read_tei,
    run_convert,
)
from tei.transform.formats import FORMATS, Format
from tei.transform.stylesheets import (
    StylesheetError,
    compile_stylesheet,
    parse_params,
    stylesheet_param_defaults,
    stylesheet_params,
)

__all__ = [
    "FORMATS",
    "Conversion",
    "ConvertOutcome",
    "Format",
    "StylesheetError",
    "TransformError",
    "compile_stylesheet",
    "convert_document",
    "convert_file",
    "convert_tree",
    "parse_params",
    "read_tei",
    "run_convert",
    "stylesheet_param_defaults",
    "stylesheet_params",
]
