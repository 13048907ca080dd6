"""tei entities: the collection's persons, places and organisations as csv, json, jsonld (schema.org) and tei."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import Jing, run_tei
from corpus_support import encoded_collection

from tei.corpus.export import _cell, export_entities
from tei.corpus.teicorpus import read_collection


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("entities")
    found = {}
    for fmt in ("csv", "json", "jsonld", "tei"):
        out = folder / f"entities.{fmt}"
        done = run_tei("entities", str(encoded_collection()), "--format", fmt, "-o", str(out), cwd=folder)
        assert done.returncode == 0, done.stderr
        found[fmt] = out
    return found


def test_json_one_object_per_entity(exports: dict[str, Path]) -> None:
    data = json.loads(exports["json"].read_text("utf-8"))
    documents = {doc["id"] for doc in data["documents"]}
    assert len(documents) >= 20
    by_id = {entity["id"]: entity for entity in data["entities"]}
    assert len(by_id) == len(data["entities"])
    trotsky = by_id["trotsky"]
    assert trotsky["type"] == "person" and trotsky["name"] == "Leon Trotsky"
    assert {"scheme": "wikidata", "id": "Q33391", "uri": "http://www.wikidata.org/entity/Q33391"} in trotsky[
        "authorities"]
    assert trotsky["birth"] == "1879-11-07" and trotsky["death"] == "1940-08-21"
    assert "Trotsky" in trotsky["forms"]
    assert all(m["document"] in documents and m["line"] > 0 and m["text"] for m in trotsky["mentions"])
    assert len(trotsky["documents"]) >= 3
    kinds = {entity["type"] for entity in data["entities"]}
    assert {"person", "place", "org"} <= kinds


def test_csv_same_entities(exports: dict[str, Path]) -> None:
    rows = list(csv.DictReader(io.StringIO(exports["csv"].read_text("utf-8"))))
    data = json.loads(exports["json"].read_text("utf-8"))
    assert [row["id"] for row in rows] == [entity["id"] for entity in data["entities"]]
    russia = next(row for row in rows if row["id"] == "russia")
    assert russia["type"] == "place" and russia["geonames"] == "2017370"
    mentions = russia["mentions"].splitlines()
    assert int(russia["mention_count"]) == len(mentions) > 5
    document, line, text = mentions[0].split(":", 2)
    assert document in russia["documents"].splitlines() and int(line) > 0 and text.strip()


def test_jsonld_types_with_pyld_offline(exports: dict[str, Path]) -> None:
    jsonld = pytest.importorskip("pyld.jsonld")

    def no_network(url: str, options: Any = None) -> Any:
        raise AssertionError(f"the JSON-LD asked for {url}: its context must be inline")

    document = json.loads(exports["jsonld"].read_text("utf-8"))
    expanded = jsonld.expand(document, {"base": exports["jsonld"].as_uri(), "documentLoader": no_network})
    schema = "https://schema.org/"
    types: dict[str, set[str]] = {}
    for node in expanded:
        for kind in node["@type"]:
            types.setdefault(kind, set()).add(node["@id"].rsplit("#", 1)[-1])
    assert "trotsky" in types[schema + "Person"]
    assert "russia" in types[schema + "Place"]
    assert "soviet-government" in types[schema + "Organization"]
    assert len(types[schema + "CreativeWork"]) >= 20
    trotsky = next(node for node in expanded if node["@id"].endswith("#trotsky"))
    assert {"@id": "http://www.wikidata.org/entity/Q33391"} in trotsky[schema + "sameAs"]
    russia = next(node for node in expanded if node["@id"].endswith("#russia"))
    assert {"@id": "https://sws.geonames.org/2017370/"} in russia[schema + "sameAs"]
    document_ids = {node["@id"] for node in expanded if schema + "CreativeWork" in node["@type"]}
    assert {item["@id"] for item in trotsky[schema + "subjectOf"]} <= document_ids


def test_tei_export_valid_and_a_register(exports: dict[str, Path], jing: Jing, tmp_path: Path) -> None:
    assert jing.errors(exports["tei"]) == []
    from tei.annotate.register import load_register

    register = load_register([exports["tei"]], include_builtin=False)
    assert register.entries["trotsky"].standard == "Leon Trotsky"


def test_same_input_same_bytes() -> None:
    collection, _, _ = read_collection([str(encoded_collection())])
    again, _, _ = read_collection([str(encoded_collection())])
    for fmt in ("csv", "json", "jsonld", "tei"):
        assert export_entities(collection, fmt) == export_entities(again, fmt)


def test_spreadsheet_formulas_are_neutralised() -> None:
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("-2") == "'-2" and _cell("Lenin") == "Lenin"


def test_standard_output_and_errors(tmp_path: Path) -> None:
    done = run_tei("entities", str(encoded_collection()), "--format", "json", cwd=tmp_path)
    assert done.returncode == 0 and json.loads(done.stdout)["entities"]
    bad = run_tei("entities", str(tmp_path), "--format", "csv", cwd=tmp_path)
    assert bad.returncode == 2 and "no TEI (.xml) file" in bad.stderr and "Traceback" not in bad.stderr
