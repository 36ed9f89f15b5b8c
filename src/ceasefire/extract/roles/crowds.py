"""A crowd the note names by its nationality or as migrants, whatever country it gathers in: ACLED
codes "Ukrainians living in Lisbon rallied" as Protesters (Ukraine), "a group of Chilean nationals
protested in Lima" as Protesters (Chile), and migrants or refugees of no stated nationality as
Protesters (International) / Rioters (International).

Only the crowd that acts, the subject of the protest verb, counts: "residents protested against
the migrants' camp" names the topic, not the crowd. Demonyms come from the gazetteer's resource
file (``resources/gazetteer/demonyms.tsv``).
"""

from __future__ import annotations

import csv
import functools
import re

# the crowd as the subject: after the note's date or place clause, with its size before it
_SIZE = r"(?:(?:a\s+(?:small\s+|large\s+)?(?:group|crowd|number)\s+of|groups\s+of|about|around|some|over|nearly|more\s+than|hundreds\s+of|dozens\s+of|thousands\s+of|several|a\s+few|\d[\d,]*)\s+)*"
_NOUN = r"(?:citizens|nationals|people|residents|community\s+members|diaspora|expatriates|immigrants|migrants|refugees|asylum[- ]seekers|students|workers|settlers|truck\s+drivers|drivers)"
_ACT = r"(?:protested|demonstrated|rallied|marched|gathered|staged|held|blocked|attempted|hurled|threw|clashed|rioted|pelted|took\s+to|stormed|set\s+fire)"
_CROWD_SUBJECT = re.compile(
    rf"(?:^|[,.;:]\s+)(?:the\s+)?{_SIZE}(?:the\s+)?"
    rf"(?P<crowd>(?P<demonym>[A-Z][a-z]+)?\s*(?P<noun>{_NOUN})|(?P<plural>[A-Z][a-z]+s)\s+(?:living|residing|based|working)\s+in\s+[A-Z][\w'’-]+)"
    rf"\s+(?:[\w'’-]+\s+){{0,3}}?{_ACT}\b"
)
_MIGRANTS = {"migrants", "immigrants", "refugees", "asylum seekers", "asylum-seekers"}


@functools.lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    """Demonym (singular or plural) -> ISO 3166-1 alpha-2 code, for countries only."""
    from ceasefire.resolve.places.gazetteer import RESOURCE_DIR

    out: dict[str, str] = {}
    with (RESOURCE_DIR / "demonyms.tsv").open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        target = (row.get("target") or "").strip()
        if not re.fullmatch(r"[A-Z]{2}", target):
            continue  # an admin1 ("US.OH") or a region: no nationality
        for form in (row.get("forms") or "").split("|"):
            if form.strip():
                out[form.strip()] = target
    return out


def crowd_nation(told: str | None) -> str | None:
    """The nationality (ISO alpha-2) of the crowd that acts in ``told``, "international" for migrants
    of no stated nationality, None when the crowd is not named so."""
    if not told:
        return None
    for m in _CROWD_SUBJECT.finditer(told):
        if m.group("plural"):
            nation = _demonyms().get(m.group("plural"))
        else:
            nation = _demonyms().get(m.group("demonym") or "")
            if nation is None and m.group("demonym") is None and m.group("noun").lower().replace("-", " ") in {n.replace("-", " ") for n in _MIGRANTS}:
                return "international"
        if nation:
            return nation
    return None
