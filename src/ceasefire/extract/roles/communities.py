"""Identity militias named after their community, as the ACLED codebook names them: a tribe, a
clan or family, a town's communal militia."""

from __future__ import annotations

import re
from dataclasses import replace

from ceasefire.extract.roles.actor import Mention, _iso, _registry


# ACLED names an identity militia after its community (codebook: communal militias are named after
# their community or place, tribal and clan militias after the tribe or family): "the Shaitat
# tribal militia", "members of the Kiwan tribe" -> "Shaitat Tribal Militia (Syria)"; "the Al Asad
# family militiamen" -> "Al Asad Clan Militia (Syria)"; "clashes between two families in Tafas",
# "local gunmen in Talbiseh" -> the town's "Communal Militia"; "Katsina militiamen", "communal
# militias from Zamwara" -> that place's.
_NAME = r"(?:(?:Al|Al-|El|Bani|Beni|Abu|Ibn|Bin)[ -])?[A-Z][\w'’-]+(?:\s+(?:al-|Al-|Al\s+)?[A-Z][\w'’-]+)?"
_NOT_A_COMMUNITY = {
    "The", "A", "An", "Local", "Armed", "Rival", "Two", "Several", "Other", "Some", "Both", "Unidentified", "Unknown", "Many", "One",
    "Arab", "Kurdish", "Bedouin", "Sunni", "Shia", "Shiite", "Druze", "Alawite", "Christian", "Muslim", "Islamist", "Tribal", "Clan",
    "Pro-Government", "Pro-Iran", "Government", "Regime", "Opposition", "Rebel", "Militia", "Ethnic", "Communal", "Youth", "Vigilante",
    "Self-Defense", "Self-Defence", "On", "In", "Around", "During", "After", "While", "When", "His", "Her", "Their", "Its",
}
_NOT_A_COMMUNITY_LOWER = {w.lower() for w in _NOT_A_COMMUNITY}  # "Pro-government militia" as well as "Pro-Government"
_TRIBE = re.compile(rf"(?P<names>{_NAME}(?:\s*(?:,|and)\s*(?:the\s+)?{_NAME})*)\s+(?i:tribal\s+(?:militias?|militiamen|fighters|gunmen|members)|tribe(?:s|smen)?)\b")
_CLAN = re.compile(
    rf"\bbetween\s+(?:the\s+)?(?P<a>{_NAME})\s+(?:family|clan)\s+and\s+(?:the\s+)?(?P<b>{_NAME})\s+(?:family|clan)\b(?:\s+(?:militias?|militiamen|fighters|gunmen|members)\b)?"
    rf"|(?P<c>{_NAME})\s+(?:family|clan)\s+(?:militias?|militiamen|fighters|gunmen)\b"
)
_FEUD = re.compile(r"\b(?:between|among)\s+(?:the\s+)?(?:two|rival|three|several|local)?\s*(?:families|clans)\b|\b(?:families|clans)\s+(?:clashed|fought|feuded)\b", re.I)
_ARMED_FEUD = re.compile(r"\bclash\w*|\bexchang\w+\s+(?:of\s+)?fire\b|\bgunfire\b|\bshot\b|\bshooting\b|\bopened\s+fire\b|\barmed\b|\bweapons?\b|\bguns?\b|\bgunmen\b", re.I)
_LOCAL_ARMED = re.compile(r"\blocal\s+(?:armed\s+)?$|\b(?:residents|locals|relatives)\s+(?:of\s+the\s+area\s+)?$", re.I)
_PLACE_MILITIA = re.compile(rf"(?<![\w-])(?P<place>{_NAME})\s+(?:communal\s+)?(?:militias?|militiamen)\b|\bcommunal\s+militias?\s+(?:from|of)\s+(?P<from>{_NAME})")


# "Quds Brigade militias", "the Hamza Division": a unit's own name, not a community
_UNIT_WORD = re.compile(r"(?i)\b(?:brigades?|divisions?|battalions?|regiments?|army|forces|front|corps|movement|group|guards?|units?|council|legion|squadrons?|companies|company)$")


def _community_name(name: str) -> str | None:
    name = re.sub(r"['’]s?$", "", name.strip())
    first = name.split()[0] if name.split() else ""
    if not name or first in _NOT_A_COMMUNITY or name in _NOT_A_COMMUNITY or first.lower() in _NOT_A_COMMUNITY_LOWER or _UNIT_WORD.search(name):
        return None
    return name


def _communities(text: str, mentions: list[Mention], country: str) -> list[Mention]:
    """Identity militias named after their community (see ``_TRIBE``) replace the generic actor
    ("Unidentified Tribal Militia", "Unidentified Armed Group", "Civilians") read on their words."""
    found: list[tuple[int, int, str, str]] = []  # (start, end, community, kind)
    for m in _TRIBE.finditer(text):
        if not re.search(r"(?i)tribal", m.group(0)) and not _ARMED_FEUD.search(text):
            continue  # "members of the Medi tribe beat up villagers": a crowd, not the tribe's militia
        names = [n for n in (_community_name(x) for x in re.split(r"\s*(?:,|\band\b)\s*(?:the\s+)?", m.group("names"))) if n]
        for n in names:
            found.append((m.start(), m.end(), n, "Tribal"))
    for m in _CLAN.finditer(text):
        for key in ("a", "b", "c"):
            n = _community_name(m.group(key) or "")
            if n:
                found.append((m.start("a") if m.group("a") else m.start(), m.end(), n, "Clan"))
    if not found and not any(m.generic for m in mentions) and not _FEUD.search(text) and "militia" not in text.lower():
        return mentions
    for m in _PLACE_MILITIA.finditer(text):
        n = _community_name(m.group("place") or m.group("from") or "")
        if n and not any(x.start < m.end() and m.start() < x.end and not x.generic for x in mentions) and not _is_country_word(n):
            found.append((m.start(), m.end(), n, "Communal"))
    out = list(mentions)
    added: list[Mention] = []
    # "gunmen of the Bani Khalid tribe", "militiamen from Zamwara": the community's own fighters
    for x in [x for x in out if x.generic and x.kind == "armed"]:
        for i, f in enumerate(found):
            if re.fullmatch(r"\s+(?:of|from)\s+(?:the\s+)?", text[x.end : f[0]]):
                found[i] = (x.start, *f[1:])  # the span covers the fighters' noun, so no generic reading takes it again
    for start, end, n, kind in found:
        if any(a.start <= start < a.end or start <= a.start < end for a in added if a.name != f"{n} {kind} Militia ({country})") and kind == "Communal":
            continue
        template = f"{n} {kind} Militia ({{country}})"
        out = [x for x in out if not (x.start < end and start < x.end and (x.generic or x.kind == "civilian"))]
        added.append(Mention(start, end, text[start:end], template.format(country=country), 4, _iso(country), "armed", None, generic=True, template=template))
    for x in list(out):
        if not x.generic or x.template is None:
            continue
        if x.kind == "civilian" and re.fullmatch(r"(?i)(?:the\s+)?families", x.text) and _FEUD.search(text[max(0, x.start - 30) : x.end + 20]):
            if found:
                out.remove(x)  # "two families of the Kiwan tribe": the tribe's militia, named
                continue
            if not _ARMED_FEUD.search(text):
                continue  # "an altercation between two families turned violent": a brawl, rioters
            # "clashes between two families": the families' gunmen, not civilians
        elif x.template.startswith("Unidentified Armed Group") and _LOCAL_ARMED.search(text[max(0, x.start - 30) : x.start]):
            pass  # "local gunmen", "armed individuals believed to be residents of the area"
        else:
            continue
        out.remove(x)
        template = "{place} Communal Militia ({country})"
        added.append(replace(x, name=f"Unidentified Communal Militia ({country})", inter=4, kind="armed", side=None, template=template))
    if not added:
        return mentions
    return sorted(out + added, key=lambda m: m.start)


def _is_country_word(name: str) -> bool:
    reg = _registry()
    if reg is None:
        return False
    return name in getattr(reg, "_demonyms", {}) or _iso(name) is not None
