"""Importing a full GeoNames dump (allCountries.txt or a country file, optionally
alternateNamesV2.txt) into a gazetteer file, streamed."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ceasefire.resolve.places.names import key_variants
from ceasefire.resolve.places.gazetteer.schema import (
    GEONAMES_COLUMNS,
    GazetteerError,
    NAME_ALTERNATE,
    NAME_MAIN,
    Place,
)
from ceasefire.resolve.places.gazetteer.build import _Writer, _usable_alternate


# alternateNamesV2 "languages" that are not names.
_NOT_NAMES = frozenset({"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "fr_1793", "phon", "piny"})


@dataclass
class ImportReport:
    """What an import added, for the command's summary line."""

    places: int = 0
    names: int = 0
    admin1: int = 0
    skipped: int = 0
    alternate_names: int = 0

    def line(self, path: str) -> str:
        text = f"{path}: {self.places} places, {self.names} names, {self.admin1} admin areas named"
        if self.alternate_names:
            text += f", {self.alternate_names} alternate names"
        if self.skipped:
            text += f", {self.skipped} malformed lines skipped"
        return text


def _open_text(path: Path) -> Iterator[str]:
    if path.suffix == ".zip":
        import io
        import zipfile

        with zipfile.ZipFile(path) as zf:
            member = next((n for n in zf.namelist() if n.endswith(".txt") and not n.startswith("__")), None)
            if member is None:
                raise GazetteerError(f"{path}: no .txt file inside the zip")
            with zf.open(member) as raw:
                yield from io.TextIOWrapper(raw, encoding="utf-8")
        return
    with path.open(encoding="utf-8") as fh:
        yield from fh


def import_geonames(db_path: Path, dump: Path, alternate_names: Path | None = None,
                    batch: int = 20000, progress=None) -> ImportReport:
    """Stream a GeoNames dump (allCountries.txt, a country file such as SY.txt, or its .zip)
    into the gazetteer file ``db_path``: constant memory, one transaction per batch.

    Places already known by GeoNames id are replaced by the dump's fuller record. ADM1/ADM2
    rows also name the admin areas. ``alternate_names`` (alternateNamesV2.txt) adds names for
    places in the gazetteer.
    """
    dump = Path(dump)
    if not dump.exists():
        raise GazetteerError(f"{dump}: no such file")
    report = ImportReport()
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA synchronous=NORMAL")
    w = _Writer(conn)
    pending_admin: list[tuple] = []

    def commit():
        w.flush()
        for code, name, pid, level in pending_admin:
            table = "admin1" if level == 1 else "admin2"
            conn.execute(f"INSERT OR REPLACE INTO {table} VALUES (?,?,?)", (code, name, pid))
        pending_admin.clear()
        conn.commit()

    try:
        for lineno, line in enumerate(_open_text(dump), 1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != GEONAMES_COLUMNS:
                report.skipped += 1
                if lineno == 1 and report.skipped == 1 and len(cols) < 4:
                    raise GazetteerError(f"{dump}: not a GeoNames dump (line 1 has {len(cols)} columns, expected 19)")
                continue
            try:
                gid = int(cols[0])
                lat, lon = float(cols[4]), float(cols[5])
                pop = int(cols[14] or 0)
            except ValueError:
                report.skipped += 1
                continue
            fclass, fcode, cc, a1, a2 = cols[6] or "P", cols[7] or "", cols[8] or None, cols[10] or None, cols[11] or None
            # Known countries keep the curated point and names; the dump adds nothing for them.
            if fcode.startswith("PCL"):
                continue
            p = Place(gid, cols[1], lat, lon, fclass, fcode, cc, a1, a2, pop, f"GeoNames dump {dump.name}")
            names = [(cols[1], NAME_MAIN), (cols[2], NAME_MAIN)]
            names += [(a, NAME_ALTERNATE) for a in cols[3].split(",") if _usable_alternate(a)]
            w.place(p, names)
            report.places += 1
            if fcode == "ADM1" and cc and a1:
                pending_admin.append((f"{cc}.{a1}", cols[1], gid, 1))
                report.admin1 += 1
            elif fcode == "ADM2" and cc and a1 and a2:
                pending_admin.append((f"{cc}.{a1}.{a2}", cols[1], gid, 2))
            if report.places % batch == 0:
                commit()
                if progress:
                    progress(f"{report.places} places")
        commit()
        report.names = w.counts["names"]

        if alternate_names:
            alternate_names = Path(alternate_names)
            if not alternate_names.exists():
                raise GazetteerError(f"{alternate_names}: no such file")
            rows: list[tuple[str, int]] = []
            for line in _open_text(alternate_names):
                cols = line.rstrip("\n").split("\t")
                if len(cols) < 4 or cols[2] in _NOT_NAMES or not _usable_alternate(cols[3]):
                    continue
                try:
                    rows.append((cols[3], int(cols[1])))
                except ValueError:
                    continue
                if len(rows) >= batch:
                    report.alternate_names += _insert_alternates(conn, rows)
                    rows.clear()
            report.alternate_names += _insert_alternates(conn, rows)
        imports = json.loads((conn.execute("SELECT value FROM meta WHERE key='imports'").fetchone() or ["[]"])[0])
        imports.append({"file": str(dump), "places": report.places, "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('imports', ?)", (json.dumps(imports),))
        conn.commit()
    finally:
        conn.close()
    return report


def _insert_alternates(conn: sqlite3.Connection, rows: list[tuple[str, int]]) -> int:
    if not rows:
        return 0
    data = []
    for text, pid in rows:
        for key in key_variants(text):
            data.append((key, pid, NAME_ALTERNATE, pid))
    before = conn.total_changes
    conn.executemany(
        "INSERT OR IGNORE INTO names SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM places WHERE id=?)", data)
    conn.commit()
    return conn.total_changes - before
