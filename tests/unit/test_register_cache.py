"""The compiled-register cache: same results as a fresh build, and never trusted when it should not be.

The cache is keyed by the content of the register, vocabulary and annotator
files; a damaged, stale, foreign or hostile file is rebuilt, never loaded.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from tei.annotate import cache
from tei.annotate.names import NameRecogniser
from tei.annotate.register import builtin_register, load_register

TEI = "http://www.tei-c.org/ns/1.0"
TEXT = (
    "On November 7 Lenin and Trotsky told the Council of People's Commissars in Petrograd that "
    "the RUSSIAN SOVIET REPUBLIC and Ambassador Francis of the United States would meet."
)
USER = f"""<listPerson xmlns="{TEI}"><person xml:id="smith-rc"><persName>R. C. Smith</persName>
<persName>Smith</persName></person></listPerson>"""


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private cache folder, and no memory of earlier loads."""
    target = tmp_path / "cache"
    monkeypatch.setenv("TEI_CACHE_DIR", str(target))
    monkeypatch.delenv("TEI_NO_CACHE", raising=False)
    monkeypatch.setattr(cache, "_MEMORY", {})
    return target


def matches(register: object) -> list[tuple[int, int, str, str | None]]:
    found = NameRecogniser(register).find(TEXT)  # type: ignore[arg-type]
    return [(m.start, m.end, m.tag, m.ref) for m in found]


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("register-*.cache"))


def test_cached_register_finds_what_a_fresh_one_finds(folder: Path) -> None:
    fresh = matches(builtin_register())
    built = cache.cached_register()
    assert len(cache_files(folder)) == 1
    cache._MEMORY.clear()
    loaded = cache.cached_register()
    assert loaded is not built
    assert matches(built) == matches(loaded) == fresh
    assert set(loaded.entries) == set(builtin_register().entries)
    lenin = loaded.entries["lenin"]
    assert lenin.standard == builtin_register().entries["lenin"].standard
    assert lenin.element.get("{http://www.w3.org/XML/1998/namespace}id") == "lenin"


def test_memory_cache_reads_a_user_register_once(folder: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine.xml"
    user.write_text(USER, encoding="utf-8")
    first = cache.cached_register([user])
    assert cache.cached_register([user]) is first
    assert "smith-rc" in first.entries
    user.write_text(USER.replace("R. C. Smith", "Robert C. Smith"), encoding="utf-8")
    second = cache.cached_register([user])
    assert second is not first
    assert second.entries["smith-rc"].standard == "Robert C. Smith"


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[: len(data) // 2],  # truncated
        lambda data: data.replace(b"Lenin", b"Lenon", 1),  # payload changed: digest fails
        lambda data: b"garbage",
        lambda data: b"",
    ],
)
def test_damaged_cache_is_rebuilt(folder: Path, damage: object) -> None:
    cache.cached_register()
    (path,) = cache_files(folder)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    cache._MEMORY.clear()
    register = cache.cached_register()
    assert matches(register) == matches(builtin_register())
    assert cache._read(path, cache.register_key([])) is not None  # rewritten whole


def test_hostile_pickle_is_refused(folder: Path) -> None:
    """A payload with a valid digest that names another class is not unpickled."""
    cache.cached_register()
    (path,) = cache_files(folder)
    key = cache.register_key([])
    payload = pickle.dumps({"entries": {}, "exact": os.system}, protocol=4)
    path.write_bytes(cache._MAGIC + key.encode() + b"\n" + cache.hashlib.sha256(payload).hexdigest().encode()
                     + b"\n" + payload)
    assert cache._read(path, key) is None
    cache._MEMORY.clear()
    assert matches(cache.cached_register()) == matches(builtin_register())


def test_stale_key_is_not_read(folder: Path) -> None:
    cache.cached_register()
    (path,) = cache_files(folder)
    assert cache._read(path, "0" * 64) is None


def test_no_cache_and_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "_MEMORY", {})
    monkeypatch.setenv("TEI_NO_CACHE", "1")
    assert cache.cache_dir() is None
    assert matches(cache.cached_register()) == matches(builtin_register())
    monkeypatch.delenv("TEI_NO_CACHE")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("TEI_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(cache, "_MEMORY", {})
    assert matches(cache.cached_register()) == matches(builtin_register())


def test_user_register_errors_are_raised_not_cached(folder: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.xml"
    broken.write_text("<listPerson", encoding="utf-8")
    with pytest.raises(Exception, match="not well-formed"):
        cache.cached_register([broken])
    with pytest.raises(Exception, match="cannot read register"):
        cache.cached_register([tmp_path / "missing.xml"])
    assert cache_files(folder) == []


def test_old_files_are_pruned(folder: Path) -> None:
    folder.mkdir(parents=True)
    for index in range(12):
        (folder / f"register-{index:040d}.cache").write_bytes(b"old")
    cache.cached_register()
    assert len(cache_files(folder)) == cache._KEEP


def test_key_depends_on_content_not_name(tmp_path: Path) -> None:
    one, two = tmp_path / "a.xml", tmp_path / "b.xml"
    one.write_text(USER, encoding="utf-8")
    two.write_text(USER, encoding="utf-8")
    assert cache.register_key([one]) == cache.register_key([two]) != cache.register_key([])
    assert load_register([one]).entries["smith-rc"].standard == "R. C. Smith"
