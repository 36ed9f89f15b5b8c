"""Attribution: who said it, through whom, and how sure the report is.

``attribute(sentence)`` returns the Event JSON v1 ``attribution`` object:

* ``sources``: the original claimants, under canonical registry names
  ("SOHR" -> "Syrian Observatory for Human Rights", "Moscow" -> "Government of Russia (2000-)"),
  or as written when the registry does not know them ("activists", "John Smith");
  a person the registry knows stays a person ("Sergei Kuralenko") and their institution is
  given in ``affiliations``;
* ``chain``: **from the outlet we read to the original speaker**.  "Interfax news agency cited
  General Sergei Kuralenko ... as saying" gives ``["Interfax", "Sergei Kuralenko"]``; when the
  caller passes ``outlet`` (the publisher of the document, e.g. "Euronews"), it comes first:
  ``["Euronews", "Interfax", "Sergei Kuralenko"]``.  A sentence that names nobody is the
  outlet's own statement: sources and chain are ``[outlet]`` (or empty without an outlet);
* ``certainty``: the weakest hedge the sentence puts on its claim, in this order —
  ``denied`` ("denied", "rejected reports") > ``alleged`` ("accused", "claimed", "alleged") >
  ``believed`` ("believed to have been", "thought to have", "suspected", "likely") >
  ``reported`` ("said", "according to", "reported") > ``asserted`` (a plain statement).
  "A local council said seven people died in a market raid believed to have been carried out by
  Russian jets" is ``believed``: the perpetrator is a belief even if the deaths are reported.
"""

from __future__ import annotations

import re
from typing import Any

from ceasefire.resolve.actors import ActorMention, ActorRegistry, registry as default_registry

CERTAINTIES = ("asserted", "reported", "believed", "alleged", "denied")

_DENIED = re.compile(
    r"\b(?:denied|denies|deny|denying|rejected\s+(?:the\s+|these\s+|such\s+)?(?:reports?|claims?|allegations?|accusations?|accounts?)|"
    r"dismissed\s+(?:the\s+|these\s+)?(?:reports?|claims?|allegations?|accusations?)|refuted|refutes|"
    r"(?:was|were|is|are)\s+not\s+(?:involved|responsible)|had\s+nothing\s+to\s+do\s+with)\b",
    re.I,
)
_ALLEGED = re.compile(
    r"\b(?:accus(?:ed|es|ing|ation|ations)|claim(?:ed|s|ing)?|alleg(?:ed|es|edly|ation|ations)|purported(?:ly)?|blam(?:ed|es|ing)|"
    r"held\s+responsible|charged\s+that)\b",
    re.I,
)
# "the families of alleged insurgents", "two alleged collaborators were shot": the word describes who the
# victims are said to be, not how sure the report is that the event happened or who did it
_NOT_A_HEDGE = re.compile(
    r"\balleged(?:ly)?\s+(?:[\w-]+\s+)?(?:rebels?|members?|militants?|fighters?|collaborators?|spies|spy|informants?|informers?|"
    r"supporters?|sympathi[sz]ers?|jihadists?|insurgents?|terrorists?|criminals?|thieves|thief|smugglers?|drug\s+dealers?|traffickers?|"
    r"affiliates?|associates?|agents?|deserters?|defectors?|homosexuals?|witch(?:es)?|sorcerers?)\b"
    r"|\bclaim(?:ed|s|ing)?\s+(?:the\s+)?(?:lives?|life)\b",  # "the fighting claimed the lives of 20": a toll, not a claim
    re.I,
)
_BELIEVED = re.compile(
    r"\b(?:believed\s+to|thought\s+to|suspected|likely|probably|apparently|presumably|possibly|may\s+have|might\s+have|"
    r"could\s+have|may\s+be|might\s+be|could\s+be|appear(?:s|ed)?\s+to|seemingly|unconfirmed|unverified|presumed|assumed|feared\s+(?:dead|killed)|it\s+is\s+believed|"
    r"it\s+was\s+not\s+clear|it\s+is\s+not\s+clear|not\s+immediately\s+clear|could\s+not\s+be\s+(?:independently\s+)?verified)\b",
    re.I,
)
_SPEECH = (
    r"said|says|say|reported|reports|report|told|tells|stated|states|announced|announces|added|adds|confirmed|confirms|"
    r"claimed|claims|accused|accuses|alleged|alleges|denied|denies|warned|warns|insisted|insists|explained|noted|wrote|writes|"
    r"tweeted|posted|documented|recorded|counted|estimated|estimates|cited|quoted|blamed|blames|rejected|acknowledged|admitted|"
    r"believe|believes|fear|fears|think|thinks"
)
_SPEECH_RE = re.compile(rf"\b(?:has\s+|have\s+|had\s+)?(?P<verb>{_SPEECH})\b", re.I)
_ACCORDING = re.compile(r"\b(?:according\s+to|citing|quoting|as\s+reported\s+by|as\s+cited\s+by|in\s+the\s+words\s+of)\s+", re.I)
_CITED_AS = re.compile(r"\b(?P<verb>cited|quoted|citing|quoting)\s+", re.I)
_REPORTED = re.compile(rf"\b(?:{_SPEECH}|according\s+to|reportedly|as\s+saying|sources?\s+(?:say|said)|reports?\s+(?:say|said))\b", re.I)
_GENERIC_SOURCES = re.compile(
    r"(?:(?:local|opposition|anti-government|pro-government|Syrian|media|rebel|medical|hospital|security|military|government|"
    r"official|diplomatic|humanitarian|UN|U\.N\.|Western|US|U\.S\.|Russian|Turkish|Kurdish)\s+)?"
    r"(?:activists?|residents?|witnesses?|eyewitnesses?|medics?|doctors?|officials?|sources?|rescuers?|rescue\s+workers?|monitors?|"
    r"observers?|spokes(?:man|woman|person)|commanders?|a\s+commander|diplomats?|journalists?|correspondents?|reporters?|police|"
    r"paramedics?|volunteers?|analysts?|experts?|relatives|families|survivors?|people\s+on\s+the\s+ground|the\s+army|the\s+military|"
    r"reports?|media\s+reports?|news\s+reports?|monitoring\s+group|war\s+monitor|(?:interior|defen[cs]e|foreign|health)\s+ministry|ministry)",
    re.I,
)
_PRONOUN = re.compile(r"\b(?:he|she|they|it|we|i)\s*$", re.I)
_PROPER = re.compile(r"((?:[A-Z][\w'’.-]+|al-[A-Z][\w'’-]+|de|bin|ibn|von|van)(?:\s+(?:[A-Z][\w'’.-]+|al-[A-Z][\w'’-]+|de|bin|ibn|von|van)){0,4})\s*$")
_TITLE = re.compile(r"^(?:General|Gen\.|Lieutenant|Lt\.?|Colonel|Col\.|Major|Maj\.|Captain|Capt\.|President|Minister|Foreign\s+Minister|Secretary|Spokesman|Spokeswoman|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sheikh|Brigadier|Commander|Ambassador|Envoy|Prime\s+Minister)\s+")


def attribute(sentence_text: str, span: Any = None, registry: ActorRegistry | None = None, outlet: str | None = None) -> dict[str, Any]:
    """The Event JSON v1 attribution of one sentence (see the module docstring for the conventions).

    ``span`` (a spaCy Span of the sentence, optional; anything else is ignored) lets the grammatical subject of a speech
    verb name the speaker when the patterns find nobody.  ``outlet`` is who published the text.
    """
    reg = registry or default_registry()
    text = sentence_text
    mentions = [m for m in reg.find(text) if m.actor.kind in ("monitor", "media", "humanitarian", "political", "armed") or m.person]
    speakers: list[dict[str, Any]] = []  # {"name", "start", "via": name | None, "institution"}

    # 1. "A cited B (, ...,) as saying" / "A, citing B," / "B told A" -> chain A -> B
    for m in _CITED_AS.finditer(text):
        teller = _subject_before(text, m.start(), mentions)
        original = _object_after(text, m.end(), mentions)
        if original:
            speakers.append({**original, "via": teller["name"] if teller else None, "via_start": teller["start"] if teller else None})
    for m in re.finditer(r"\btold\s+(?:the\s+)?", text):
        outlet_m = _object_after(text, m.end(), mentions, kinds=("media",))
        speaker = _subject_before(text, m.start(), mentions)
        if outlet_m and speaker:
            speakers.append({**speaker, "via": outlet_m["name"], "via_start": outlet_m["start"]})
    # 2. "according to X"
    for m in _ACCORDING.finditer(text):
        if re.match(r"citing|quoting", m.group(0), re.I) and any(s["start"] >= m.end() - 1 for s in speakers):
            continue
        who = _object_after(text, m.end(), mentions)
        if who and not any(s["start"] == who["start"] for s in speakers):
            speakers.append({**who, "via": None})
    # 3. "X said" / "X, the monitor, said" / "..., said X"
    for m in _SPEECH_RE.finditer(text):
        verb = m.group("verb").lower()
        if verb in ("cited", "quoted"):
            continue
        for who in _subjects_before(text, m.start(), mentions):
            if not any(s["start"] == who["start"] or s.get("via_start") == who["start"] for s in speakers):
                speakers.append({**who, "via": None})
        if re.search(r"[,\"”’]\s*$", text[: m.start()]) or m.start() == 0:
            who = _object_after(text, m.end(), mentions)
            if who and not any(s["start"] == who["start"] for s in speakers):
                speakers.append({**who, "via": None})
    if not speakers and span is not None and hasattr(span, "start_char"):
        speakers.extend(_speakers_from_parse(span, mentions))

    speakers.sort(key=lambda s: s["start"])
    sources: list[str] = []
    chain: list[str] = [outlet] if outlet else []
    affiliations: dict[str, str] = {}
    for s in speakers:
        if s["name"] not in sources:
            sources.append(s["name"])
        if s.get("institution"):
            affiliations[s["name"]] = s["institution"]
    nested = [s for s in speakers if s.get("via")]
    lead = nested[0] if nested else (speakers[0] if speakers else None)
    if lead:
        for name in ([lead["via"]] if lead.get("via") else []) + [lead["name"]]:
            if name and (not chain or chain[-1] != name):
                chain.append(name)
    if not sources and outlet:
        sources = [outlet]
    result: dict[str, Any] = {"sources": sources, "chain": chain, "certainty": certainty(text, bool(speakers))}
    if affiliations:
        result["affiliations"] = affiliations
    return result


def weakest(*certainties: str | None) -> str:
    """The weakest of several hedges ("reported" and "believed" -> "believed"): when an event's
    author comes from another sentence ("The strikes are believed to have been carried out by
    Russian jets"), the event keeps that sentence's hedge."""
    known = [c for c in certainties if c in CERTAINTIES]
    return max(known, key=CERTAINTIES.index) if known else "asserted"


def certainty(sentence_text: str, attributed: bool = False) -> str:
    """How sure the sentence is: denied > alleged > believed > reported > asserted (the weakest hedge wins)."""
    sentence_text = _NOT_A_HEDGE.sub(" ", sentence_text)
    if _DENIED.search(sentence_text):
        return "denied"
    if _ALLEGED.search(sentence_text):
        return "alleged"
    if _BELIEVED.search(sentence_text):
        return "believed"
    if attributed or _REPORTED.search(sentence_text):
        return "reported"
    return "asserted"


# --------------------------------------------------------------------------- speakers


def _speaker(mention: ActorMention) -> dict[str, Any]:
    if mention.person:
        return {"name": mention.person, "start": mention.start, "end": mention.end, "institution": mention.actor.name}
    return {"name": mention.actor.name, "start": mention.start, "end": mention.end}


_BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"^(?:\s*\([^)]{1,40}\))?(?:\s*,\s*[^,;\"“”]{1,120}?,)?\s*,?\s*(?:(?:also|later|earlier|previously|on\s+\w+|in\s+a\s+statement|separately|however|has|have|had|officially|again)\s+){0,3}$",
    re.I,
)


def _subject_before(text: str, verb_start: int, mentions: list[ActorMention]) -> dict[str, Any] | None:
    found = _subjects_before(text, verb_start, mentions)
    return found[-1] if found else None


def _subjects_before(text: str, verb_start: int, mentions: list[ActorMention]) -> list[dict[str, Any]]:
    """The speaker(s) whose name ends right before a speech verb (coordinated names included)."""
    before = [m for m in mentions if m.end <= verb_start and _BETWEEN_SUBJECT_AND_VERB.match(text[m.end : verb_start])]
    if before:
        last = max(before, key=lambda m: m.end)
        group = [last]
        # "Russia and the Syria authorities say": walk back over "and"
        for m in sorted((m for m in mentions if m.end <= last.start), key=lambda m: -m.end):
            if re.fullmatch(r"\s*(?:,|and|,\s*and)\s*(?:the\s+)?", text[m.end : group[0].start], re.I):
                group.insert(0, m)
            else:
                break
        # an acronym in brackets after the full name is the same speaker
        out: list[dict[str, Any]] = []
        for m in group:
            s = _speaker(m)
            if not any(o["name"] == s["name"] for o in out):
                out.append(s)
        return out
    head = text[:verb_start]
    head = re.sub(r"(?:\s+(?:has|have|had|also|later|on\s+\w+day))+\s*$", "", head)
    if _PRONOUN.search(head):
        return []
    appositive = re.search(r"^(?P<head>.*?[^\s,])\s*,\s*(?P<app>[^,;]{1,80}?)\s*,\s*$", head, re.S)
    if appositive:  # "John Smith, a local official, said": the name before the appositive speaks
        named = _PROPER.search(appositive.group("head"))
        if named and not re.match(r"(?:The|A|An|But|And|In|On|At|With|As)$", named.group(1)):
            name = _TITLE.sub("", named.group(1)).strip()
            return [{"name": name, "start": named.start(1), "end": named.end(1)}]
        head = appositive.group("head")
    g = re.search(rf"(?:^|[\s,;(\"“])(?P<g>{_GENERIC_SOURCES.pattern})\s*$", head, re.I)
    if g:
        name = re.sub(r"^(?:the|a|an)\s+", "", g.group("g").strip(), flags=re.I).lower()
        return [{"name": name, "start": g.start("g"), "end": g.end("g")}]
    p = _PROPER.search(head)
    if p and p.start(1) > 0 and not re.match(r"(?:The|A|An|But|And|In|On|At|With|As|After|Before|Meanwhile|However|This|That|It)$", p.group(1)):
        name = _TITLE.sub("", p.group(1)).strip()
        if name and len(name) > 2:
            return [{"name": name, "start": p.start(1), "end": p.end(1)}]
    return []


def _object_after(text: str, start: int, mentions: list[ActorMention], kinds: tuple[str, ...] | None = None) -> dict[str, Any] | None:
    """The speaker named right after "according to", "cited", "said" (a registry name, a person, a generic source)."""
    after = [m for m in mentions if start <= m.start <= start + 30 and (kinds is None or m.actor.kind in kinds)]
    after = [m for m in after if re.fullmatch(r"\s*(?:the\s+|a\s+|an\s+|its\s+|their\s+|(?:General|Gen\.|Lt\.?|Lieutenant|Colonel|Major|President|Minister|spokesman|spokeswoman)\s+)*", text[start : m.start], re.I)]
    if after:
        return _speaker(min(after, key=lambda m: m.start))
    if kinds:
        return None
    tail = text[start:]
    g = re.match(rf"(?:the\s+|a\s+|an\s+)?(?P<g>{_GENERIC_SOURCES.pattern})\b", tail, re.I)
    if g:
        return {"name": g.group("g").strip().lower(), "start": start + g.start("g"), "end": start + g.end("g")}
    p = re.match(r"(?:(?:General|Gen\.|Lieutenant|Lt\.?|Colonel|Col\.|Major|President|Minister|Mr\.?|Dr\.?)\s+)?((?:[A-Z][\w'’.-]+)(?:\s+(?:[A-Z][\w'’.-]+|al-[A-Z][\w'’-]+|de|bin|ibn)){0,4})", tail)
    if p:
        return {"name": p.group(1), "start": start + p.start(1), "end": start + p.end(1)}
    return None


def _speakers_from_parse(span: Any, mentions: list[ActorMention]) -> list[dict[str, Any]]:
    """Subjects of speech verbs in a spaCy parse, for sentences the patterns do not cover."""
    out: list[dict[str, Any]] = []
    base = span.start_char
    for tok in span:
        if tok.lemma_.lower() not in ("say", "report", "tell", "state", "announce", "claim", "accuse", "deny", "confirm"):
            continue
        for child in tok.children:
            if child.dep_ not in ("nsubj", "nsubjpass"):
                continue
            sub = child.subtree
            toks = list(sub)
            s, e = toks[0].idx - base, toks[-1].idx + len(toks[-1]) - base
            inside = [m for m in mentions if m.start >= s and m.end <= e]
            if inside:
                out.append(_speaker(inside[0]))
            elif child.pos_ == "PROPN" or child.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
                out.append({"name": span.doc.text[toks[0].idx : toks[-1].idx + len(toks[-1])], "start": s, "end": e})
    return out
