"""Humanitarian access events: sieges, aid deliveries, evacuations, access denied.

One event per place and kind: "lorries of flour reached Moadamiyeh and Daraya, two suburbs a
government siege had starved since earlier this year" gives an `Aid delivery` to each town
(provider: the organisation the sentence names or the report cites) and a `Siege` of each town
(besieger: the government), dated "earlier this year".

Rules:
- A delivery is aid words (aid, supplies, convoy, trucks, food, medicine) with an arrival verb
  (enter, reach, arrive, deliver, cross into); the places are the ones the verb governs.
- A siege is "besieged", "siege", "surrounded by", "encircled" or "blockaded"; the besieger is
  the actor after "by" or before "siege"/"-besieged" ("a government siege" -> government forces).
- An evacuation is "evacuated"/"evacuation" with the place it left; an access denial is aid that
  was "denied", "blocked", "turned back" or "not allowed" in.
- Organisations come from the monitor's list (ICRC, SARC, UN, WFP, ...); "the Red Cross" is the
  ICRC in Syria, "the Red Crescent" the SARC.
- Dates: a weekday or "today" in the sentence, else the publication date; "earlier this year"
  for a siege gives the year so far (precision "year").
"""

from __future__ import annotations

import functools
import re
from datetime import date, timedelta
from typing import Any

from ceasefire.extract.agreements import (
    actor_for_family,
    actors_in,
    fold,
    governorate,
    lexicon_place,
    lookup_place,
    monitor_lexicon,
    sentences_of,
)
from ceasefire.extract.context import DocContext, Sentence

_AID = re.compile(r"\b(?:aid|supplies|food|medicines?|medical (?:supplies|aid)|humanitarian|relief|flour|deliveries)\b", re.I)
# A convoy or trucks are aid only when the sentence says so or names an aid organisation ("a bus convoy" is not).
_VEHICLES = re.compile(r"\b(?:convoys?|trucks|lorries)\b", re.I)
_NOT_DONE = re.compile(r"\b(?:no|not|never|yet to|failed to|unable to|could not|cannot|can't|without|called for|calls for|call for|urged|urging|demanded|appeal(?:ed|s)? for|asked for|will|due to|expected to|set to|is to|are to|plans? to|would|to allow|allowing|in order to|so that)\b", re.I)
_ARRIVE = re.compile(r"\b(?:enter(?:ed|s|ing)?|reach(?:ed|es)?|arriv(?:ed|es|ing)|deliver(?:ed|s)?|crossed into|made it (?:in)?to|got into|distributed)\b", re.I)
_SIEGE = re.compile(r"\b(?:besieg(?:ed|ing|e)|sieges?|surrounded by|encircled|blockaded|blockade|under siege|encirclement)\b", re.I)
_LIFTED = re.compile(r"\b(?:siege (?:was |has been |had been )?(?:lifted|broken|ended)|(?:lifted|broke|ended) the siege)\b", re.I)
_EVACUATE = re.compile(r"\b(?:evacuat(?:ed|ion|ions|ing|e)|bussed out|were taken out)\b", re.I)
_DENIED = re.compile(r"\b(?:denied (?:access|entry)|(?:was|were|been) (?:blocked|turned back|refused|prevented|stopped|not allowed)|refused (?:access|entry|permission)|barred|removed from (?:the )?(?:convoy|trucks))\b", re.I)
_PLACE = r"(?:(?:al|el|ad|ar|as|az)-|Al-|Al |El-)?[A-Z][\w'’]+(?:-[A-Z][\w'’]+)?(?:\s+(?:al-)?[A-Z][\w'’]+)?"
_PLACE_LIST = rf"(?P<list>{_PLACE}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_PLACE})*)"
_TOWN_WORDS = r"(?:the\s+)?(?:besieged\s+|rebel-held\s+|government-held\s+|encircled\s+)?(?:[A-Z]?[a-z]+\s+)?(?:towns?|villages?|cit(?:y|ies)|district|neighbou?rhoods?|areas?|suburbs?|enclaves?|camp)\s+of\s+"
_TARGET = re.compile(
    rf"\b(?:enter(?:ed|s|ing)?|reach(?:ed|es)?|arriv(?:ed|es|ing)\s+(?:in|at)|deliver(?:ed|ies|y)?\s+(?:to|in)|crossed\s+into|into|besieged|siege\s+(?:of|on)|evacuated\s+from|evacuation\s+(?:of|from)|from|to|in|access\s+to|surrounding|outside|at)\s+(?:{_TOWN_WORDS})?{_PLACE_LIST}"
)
# "Madaya, in the mountains north-west of Damascus, has been encircled by government forces": the subject is the place
_SUBJECT_SIEGE = re.compile(rf"(?:^|[.;]\s+){_PLACE_LIST}(?:\s*,[^.;]{{0,80}}?,)?\s+(?:has|have|had|is|are|was|were)\s+(?:been\s+)?(?:besieged|encircled|surrounded|blockaded|under\s+siege)\b")
_NOT_PLACES = {"syria", "russia", "moscow", "washington", "geneva", "the", "un", "icrc", "sarc", "red", "international", "united", "saturday", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
               "turkey", "lebanon", "jordan", "iraq", "israel", "iran", "assad", "january", "february", "march", "april", "may", "june",
               "july", "august", "september", "october", "november", "december"}
_ITEMS = ["food", "flour", "wheat", "medicines?", "medical supplies", "surgical supplies", "fuel", "water", "blankets", "nutrition supplies",
          "vaccines", "hygiene kits", "baby milk", "infant formula", "shelter materials", "winter clothes", "diesel"]
_ITEMS_RE = re.compile(r"\b(" + "|".join(_ITEMS) + r")\b", re.I)
_TRUCKS = re.compile(r"\b(?P<n>\d+|" + "|".join(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty"]) + r")\s+(?:aid\s+|relief\s+|UN\s+|humanitarian\s+)?(?:trucks|lorries|vehicles)\b", re.I)
_WORD_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60}
_PEOPLE = re.compile(r"\b(?P<n>\d+|" + "|".join(_WORD_NUMBERS) + r")\s+(?:\w+\s+)?(?:people|civilians|wounded|patients|fighters|residents|families|children)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:on\s+)?(?P<d>monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday)\b", re.I)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


@functools.lru_cache(maxsize=1)
def _organization_patterns() -> list[tuple[re.Pattern[str], dict[str, Any]]]:
    out = []
    for org in monitor_lexicon()["organizations"]:
        for p in org["patterns"]:
            flags = 0 if p.replace("\\b", "").isupper() else re.I
            out.append((re.compile(p, flags), org))
    return out


def organizations_in(text: str) -> list[dict[str, Any]]:
    """Aid organisations named in ``text`` (each once, in order of mention)."""
    hits: list[tuple[int, int, dict[str, Any]]] = []
    for pat, org in _organization_patterns():
        for m in pat.finditer(text):
            if not any(not (m.end() <= s or m.start() >= e) for s, e, _ in hits):
                hits.append((m.start(), m.end(), org))
    hits.sort(key=lambda h: h[0])
    seen: list[dict[str, Any]] = []
    for _, _, org in hits:
        if org not in seen:
            seen.append(org)
    return seen


def _day(text: str, published: date | None) -> date | None:
    if published is None:
        return None
    m = _WEEKDAY.search(text)
    if not m:
        return published
    w = m.group("d").lower()
    if w == "today":
        return published
    if w == "yesterday":
        return published - timedelta(days=1)
    return published - timedelta(days=(published.weekday() - _WEEKDAYS.index(w)) % 7)


def _split_list(words: str) -> list[str]:
    return [p.strip() for p in re.split(r"\s*,\s*and\s+|\s*,\s*|\s+and\s+", words) if p.strip()]


def _places(ctx: DocContext, sent: Sentence) -> list[dict[str, Any]]:
    """Places an access sentence is about, each an Event JSON v1 location (dedup by name)."""
    text = sent.text
    found: dict[str, dict[str, Any]] = {}
    # The containing province ("in the northwest province of Idlib") gives admin1 to towns the gazetteer lacks.
    province = None
    m = re.search(r"province of (?P<g>[A-Z][\w-]+)|(?P<g2>[A-Z][\w-]+) province", text)
    if m:
        province = governorate(m.group("g") or m.group("g2"))
    for m in [*_TARGET.finditer(text), *_SUBJECT_SIEGE.finditer(text)]:
        verb = m.group(0).split()[0].lower()
        named_as_town = re.search(_TOWN_WORDS, m.group(0)) is not None or verb == "besieged"
        for words in _split_list(m.group("list")):
            words = re.sub(r"^(?:the|The)\s+", "", words)
            if fold(words) in _NOT_PLACES or governorate(words) and re.search(rf"{re.escape(words)}\s+(?:province|governorate)|province of {re.escape(words)}", text):
                continue
            if re.match(r"(?:Red|International|United|Syrian|World|Russian|Government|Rebels?|Islamic)\b", words):
                continue
            loc = _resolve(ctx, sent, words)
            if loc is None and " " in words:
                # "Aleppo Bombing", "Damascus Meanwhile": the place is the first word
                words = words.split()[0]
                loc = _resolve(ctx, sent, words)
            if loc is None:
                # A name the gazetteer lacks is a place only when the sentence calls it one ("the town of X").
                if not named_as_town or not re.match(r"(?:al-|Al-)?[A-Z][a-z]", words) or len(words) < 4:
                    continue
                loc = {"name": words, "lat": None, "lon": None, "country": "SY", "admin1": province, "precision": "exact"}
            if verb in ("to", "into") and _EVACUATE.search(text) and not _ARRIVE.search(text):
                continue  # where evacuees were taken is not the place evacuated
            loc = dict(loc)
            loc["name"] = loc.get("name") or words
            if not loc.get("admin1") and province:
                loc["admin1"] = province
            loc.setdefault("precision", "exact")
            found.setdefault(fold(loc["name"]), {k: loc.get(k) for k in ("name", "lat", "lon", "country", "admin1", "geonames_id", "precision")})
    return list(found.values())


def _resolve(ctx: DocContext, sent: Sentence, words: str) -> dict[str, Any] | None:
    return lexicon_place(words) or _toponym_location(ctx, sent, words) or lookup_place(words)


def _evacuated_from(ctx: DocContext, sent: Sentence) -> list[dict[str, Any]]:
    out = []
    for m in re.finditer(rf"\b(?:evacuated|bussed out|taken out|evacuation)\s+(?:\w+\s+){{0,3}}?(?:from|of|out of)\s+(?:{_TOWN_WORDS})?{_PLACE_LIST}", sent.text):
        for words in _split_list(m.group("list")):
            loc = _toponym_location(ctx, sent, words) or lookup_place(words)
            if loc:
                out.append({k: loc.get(k) for k in ("name", "lat", "lon", "country", "admin1", "geonames_id", "precision")})
    return out


def _toponym_location(ctx: DocContext, sent: Sentence, words: str) -> dict[str, Any] | None:
    for t in ctx.toponyms or []:
        if sent.start <= getattr(t, "start", -1) < sent.end and fold(getattr(t, "text", "")) == fold(words) and getattr(t, "lat", None) is not None:
            return t.as_location()
    return None


def _besiegers(text: str, on: date | None = None) -> list[dict[str, Any]]:
    """Who besieges: "besieged by X", "surrounded by X", "a government siege", "rebel-besieged"."""
    keys: list[str] = []
    said: dict[str, str] = {}
    for m in [*re.finditer(r"\b(?:besieged|surrounded|encircled|blockaded|under siege)\s+by\s+(?P<c>[^.;,–—()]+)", text, re.I),
              *re.finditer(r"\b(?:which|that|whom)\s+(?P<c>[^.;,–—()]+?)\s+(?:besiege|besieges|encircle|encircles|surround|surrounds|blockade|blockades)\b", text, re.I)]:
        for k, words, *_ in actors_in(m.group("c")):
            keys.append(k)
            said.setdefault(k, words)
    for m in re.finditer(r"\b(?P<w>government|regime|army|rebel|insurgent|opposition|jihadist|Islamic State|IS|Nusra|Hezbollah|pro-government)[-\s](?:led\s+)?(?:siege|besieged|blockade|encirclement)", text, re.I):
        w = fold(m.group("w"))
        key = {"government": "syrian-government", "regime": "syrian-government", "army": "syrian-government",
               "pro government": "syrian-government", "rebel": "rebels", "insurgent": "rebels", "opposition": "rebels",
               "islamic state": "islamic-state", "is": "islamic-state", "nusra": "al-qaeda", "hezbollah": "hezbollah",
               "jihadist": "al-qaeda"}.get(w)
        if key:
            keys.append(key)
    out, seen = [], set()
    for k in keys:
        if k not in seen:
            seen.add(k)
            out.append(actor_for_family(k, "besieger", said.get(k), on))
    return out


_BY_PHRASE = re.compile(
    r"\b(?:besieged|surrounded|encircled|blockaded|under siege)\s+by\s+[^.;,–—()]+"
    r"|\b(?:which|that|whom)\s+[^.;,–—()]+?\s+(?:besiege|besieges|encircle|encircles|surround|surrounds|blockade|blockades)\b",
    re.I,
)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$", re.I)


def _siege_scope(text: str, place: str, places: list[str]) -> str | None:
    """The "besieged by X" phrase that speaks of ``place``: the first after it, when ``place`` is in
    the list of places right before it ("al-Foua and Kefraya, two villages besieged by rebel
    factions" speaks of those two, not of Madaya named earlier in the sentence). None: no such
    phrase in the sentence (every besieger cue applies); "": the phrases speak of other places."""
    phrases = list(_BY_PHRASE.finditer(text))
    where = re.search(re.escape(place), text, re.I) if place else None
    if not phrases or where is None:
        return None
    spots = sorted({m.start(): m.end() for n in places if n for m in re.finditer(re.escape(n), text, re.I)}.items())
    for ph in phrases:
        if ph.start() < where.end():
            continue
        # the list of places right before the phrase: walk back while places are joined by "," or "and"
        before = [(a, b) for a, b in spots if b <= ph.start()]
        if not before:
            continue
        group = [before[-1]]
        for a, b in reversed(before[:-1]):
            if _LIST_GAP.match(text[b : group[0][0]]):
                group.insert(0, (a, b))
            else:
                break
        if any(a <= where.start() < b for a, b in group):
            return ph.group(0)
        break  # the nearest phrase after the place speaks of other places
    others = _SIEGE.findall(_BY_PHRASE.sub(" ", text))
    return None if others else ""


def _providers(orgs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"name": o["full"], "role": "provider", "inter": o.get("inter")} for o in orgs]


def _trucks(text: str) -> int | None:
    m = _TRUCKS.search(text)
    if not m:
        return None
    n = m.group("n")
    return int(n) if n.isdigit() else _WORD_NUMBERS.get(n.lower())


def _items(text: str) -> list[str] | None:
    items = []
    for m in _ITEMS_RE.finditer(text):
        word = m.group(1).lower()
        word = "medicine" if word.startswith("medicine") else word
        if word not in items:
            items.append(word)
    return items or None


def _date(d: date | None, precision: str = "day", start: date | None = None) -> dict[str, Any] | None:
    if d is None:
        return None
    return {"start": (start or d).isoformat(), "end": d.isoformat(), "precision": precision}


def access_events(ctx: DocContext) -> list[dict[str, Any]]:
    """`Humanitarian access` events of the document (Event JSON v1, with `aid`)."""
    from ceasefire.extract.contract import empty_event

    published = ctx.published or getattr(ctx.doc, "published", None)
    events: list[dict[str, Any]] = []
    doc_orgs = organizations_in(ctx.text)
    for sent in sentences_of(ctx):
        text = sent.text
        kinds = []
        if _EVACUATE.search(text):
            kinds.append("Evacuation")
        aid_words = _AID.search(text) or (_VEHICLES.search(text) and organizations_in(text))
        arrive = _ARRIVE.search(text)
        if _DENIED.search(text) and aid_words:
            kinds.append("Access denied")
        elif aid_words and arrive:
            # "no aid convoys have entered Douma since August", "the UN has called for aid access":
            # not a delivery; a denial only when the sentence says aid could not get in.
            before = text[max(0, arrive.start() - 60): arrive.start()]
            if _NOT_DONE.search(before):
                if re.search(r"\b(?:no|not|never|yet to|failed to|unable to|could not|cannot)\b", before, re.I):
                    kinds.append("Access denied")
            else:
                kinds.append("Aid delivery")
        if _SIEGE.search(text) or _LIFTED.search(text):
            kinds.append("Siege")
        if not kinds:
            continue
        places = _places(ctx, sent)
        if not places:
            continue
        left = _evacuated_from(ctx, sent)
        orgs = organizations_in(text)
        day = _day(text, published)
        for kind in kinds:
            # An evacuation is of the place people left ("evacuated from al-Waer to hospitals in Homs").
            for loc in (left or places) if kind == "Evacuation" else places:
                ev = empty_event("Humanitarian access", kind)
                ev["location"] = loc
                ev["evidence"] = [sent.evidence()]
                ev["attribution"]["certainty"] = "reported" if re.search(r"\b(?:says?|said|according to|reported)\b", text, re.I) else "asserted"
                aid: dict[str, Any] = {"organizations": [], "trucks": None, "items": None}
                if kind == "Siege":
                    scope = _siege_scope(text, loc.get("name") or "", [p.get("name") or "" for p in places])
                    if scope == "":
                        continue  # the sentence's "besieged by" is about other places ("... tied to al-Foua, besieged by rebels")
                    ev["actors"] = _besiegers(scope if scope is not None else text, published)
                    ev["date"] = _siege_date(text, published, day)
                    aid["status"] = "lifted" if _LIFTED.search(text) else "besieged"
                else:
                    # A delivery told without its organisation is credited to the one the report cites.
                    used = orgs or (doc_orgs[:1] if kind == "Aid delivery" and re.search(r"\balso\b", text) else [])
                    aid["organizations"] = [o["name"] for o in used]
                    ev["actors"] = _providers(used)
                    aid["trucks"] = _trucks(text)
                    aid["items"] = _items(text)
                    ev["date"] = _date(day)
                    if kind == "Evacuation":
                        m = _PEOPLE.search(text)
                        if m:
                            aid["people"] = int(m.group("n")) if m.group("n").isdigit() else _WORD_NUMBERS[m.group("n").lower()]
                ev["aid"] = aid
                events.append(ev)
    for i, ev in enumerate(events):
        ev["salience"] = round(max(0.05, 0.5 - 0.04 * i), 3)
    return events


def _siege_date(text: str, published: date | None, day: date | None) -> dict[str, Any] | None:
    """A siege is dated by when the report places it: "earlier this year" -> the year so far."""
    if published is None:
        return None
    if re.search(r"earlier this year|this year", text, re.I):
        return {"start": date(published.year, 1, 1).isoformat(), "end": published.isoformat(), "precision": "year"}
    m = re.search(r"\bsince (?P<m>January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(?P<y>\d{4}))?", text)
    if m:
        month = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"].index(m.group("m").lower()) + 1
        year = int(m.group("y")) if m.group("y") else (published.year if month <= published.month else published.year - 1)
        return {"start": date(year, month, 1).isoformat(), "end": published.isoformat(), "precision": "month"}
    m = re.search(r"\bsince (?P<y>(?:19|20)\d\d)\b", text)
    if m:
        return {"start": date(int(m.group("y")), 1, 1).isoformat(), "end": published.isoformat(), "precision": "year"}
    return _date(day)
