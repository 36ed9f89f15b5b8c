"""The dependency path from an event word to a place (Halterman 2019: the strongest signal).

Used by :mod:`.choose` only when the surface cues leave a sentence's choice open; the parse is
made once per sentence and kept on its document."""

from __future__ import annotations

from typing import Any

# --- the dependency path from the event word to a place (Halterman 2019: the strongest signal) ---

_LOCATIVE_PREPS = frozenset(
    "in at on near inside outside around across throughout into over within along toward towards onto "
    "between through off beside behind beyond among amid amidst upon".split()
)
# Nouns that stand for a place themselves: "the town of X", "the X countryside", "X's suburbs".
_PLACE_NOUNS = frozenset(
    "city town village province district suburb suburbs countryside area areas region neighbourhood neighborhood "
    "neighbourhoods neighborhoods outskirts streets street camp border capital part parts north south east west "
    "centre center heart edge edges quarter quarters districts villages towns cities provinces governorate county "
    "state territory enclave strip valley mountains hills front frontier crossing checkpoint market airport base "
    "hospital zone zones outpost compound square road highway port settlement settlements locality localities "
    "countrysides vicinity environs municipality "
    # a building or venue a town names is in that town: "a posh Sofia restaurant", "their north
    # Belfast home", "the Luoyang city government offices"
    "restaurant restaurants home homes house houses office offices hotel mosque church school prison jail "
    "stadium cafe shop shops mall bank university building buildings plant factory".split()
)
# Nouns of a violent event, whose relative clause tells the same event ("the clashes that broke out in X").
_EVENT_NOUNS = frozenset(
    "clash clashes fighting fight fights battle battles attack attacks strike strikes airstrike airstrikes raid raids "
    "explosion explosions blast blasts bombing bombings shelling offensive operation operations assault assaults "
    "ambush ambushes violence unrest riots riot protest protests demonstration demonstrations".split()
)
# Another statement: "a man who lived in X", "said that ...", "; in X, ..."
_CLAUSE_DEPS = frozenset(("relcl", "ccomp", "parataxis", "csubj", "conj"))
# A clause that tells the circumstances of the same event: "killed when a bomb exploded in X",
# "killed after clashes in X", "the operation to stop boats at X".
_SUBCLAUSE_DEPS = frozenset(("advcl", "acl", "xcomp", "pcomp"))


def _root(doc: Any, start: int, end: int) -> Any:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _has_subject(tok: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def _event_words(verb: Any) -> set:
    """The event word and the words that tell the same event: "shot and killed", "began to shell"
    (a coordinated verb with a subject of its own is another event)."""
    words = {verb}
    x = verb
    while x.dep_ in ("conj", "xcomp") and x.head is not x and not _has_subject(x):
        x = x.head
        words.add(x)
    for c in verb.children:
        if c.dep_ in ("conj", "xcomp") and c.pos_ in ("VERB", "AUX") and not _has_subject(c):
            words.add(c)
    if verb.pos_ in ("NOUN", "PROPN") and verb.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.head is not verb \
            and verb.head.pos_ in ("VERB", "AUX"):
        # an event noun is told by the verb it is the subject or object of: "Clashes took place in
        # X", "fighting broke out near X", "carried out an airstrike on X"
        words.add(verb.head)
    return words


def dependency_relation(doc: Any, verb: tuple[int, int], place: tuple[int, int], places: list[tuple[int, int]]) -> dict[str, Any]:
    """How a place is tied to the event word in the parse ``doc`` of one sentence.

    Climbs from the place towards the event word through names, coordinations, appositions and
    place nouns ("the town of X"), and says: the first preposition met (``prep``: "loc" for a
    locative one, else the word), the last link into the event word (``link``: dobj, nsubj, ...),
    whether a clause boundary was crossed (``clause``), whether the place only modifies a thing
    ("a U.S. airstrike", ``modifier``), every preposition on the way (``via``), whether it lies in a clause of circumstance ("killed when a
    bomb exploded in X", ``subclause``), and whether the event word was reached at all (``reached``).
    """
    out: dict[str, Any] = {"prep": None, "link": None, "clause": False, "subclause": False, "modifier": False,
                           "reached": False, "via": []}
    v = _root(doc, *verb)
    x = _root(doc, *place)
    if v is None or x is None:
        return out
    others = {r for r in (_root(doc, a, b) for a, b in places) if r is not None}
    words = _event_words(v)
    for _ in range(40):
        if x in words:
            out["reached"] = True
            return out
        dep, head = x.dep_, x.head
        if head is x:
            return out
        if dep in ("compound", "flat", "conj", "appos", "nmod", "amod", "poss", "npadvmod"):
            if dep in ("compound", "amod", "poss", "nmod") and head.lower_ not in _PLACE_NOUNS and head not in others:
                out["modifier"] = True
        elif dep == "pobj" and head.dep_ == "prep":
            word = head.lower_
            if not (word == "of" and (head.head.lower_ in _PLACE_NOUNS or head.head in others)):
                kind = "loc" if word in _LOCATIVE_PREPS else word
                out["prep"] = out["prep"] or kind
                out["via"].append(kind)
        elif dep in ("relcl", "acl") and head.lower_ in _EVENT_NOUNS:
            # "killed during the clashes that broke out in X": a clause on the event's own noun tells
            # where that event was, as a clause of circumstance does
            out["subclause"] = True
        elif dep in _CLAUSE_DEPS:
            out["clause"] = True
        elif dep in _SUBCLAUSE_DEPS:
            out["subclause"] = True
        elif head in words:
            out["link"] = dep
        x = head
    return out


def _dependency_features(rel: dict[str, Any] | None, country: bool = False) -> dict[str, float]:
    if rel is None:
        return dict.fromkeys(("dep_locative", "dep_object", "dep_subject", "dep_apart", "dep_subclause", "dep_indirect",
                              "dep_modifier"), 0.0)
    tied = rel["reached"] and not rel["clause"]
    where = rel["prep"] == "loc" or (rel["prep"] is None and rel["link"] in ("dobj", "nsubjpass", "attr"))
    return {
        "dep_locative": float(tied and rel["prep"] == "loc" and not rel["modifier"]),
        "dep_object": float(tied and rel["prep"] is None and rel["link"] in ("dobj", "nsubjpass", "attr") and not rel["modifier"]),
        "dep_subject": float(tied and rel["prep"] is None and rel["link"] in ("nsubj", "agent")),
        "dep_apart": float(not tied),
        "dep_subclause": float(tied and rel["subclause"]),
        # "clashes with forces in X", "protesting against the war in X", "sources in X": the place
        # belongs to a phrase about someone or something else, not to the event
        "dep_indirect": float(tied and rel["prep"] == "loc" and any(v not in ("loc", "of", "by") for v in rel["via"][1:])),
        # "at a Baghdad market", "destroyed the U.S. Embassy": a town naming the building where it
        # happened is the place; a country naming a thing ("a U.S. airstrike") is who did it.
        "dep_modifier": float(tied and rel["modifier"] and (country or not where)),
    }


def _sentence_parse(sentence: str, given: Any) -> Any:
    """The dependency parse of ``sentence``: from ``given`` (a Doc or Span of that text) or made here."""
    from ceasefire.nlp import parse_dependencies

    if given is not None and given is not True:
        if getattr(given, "text", None) != sentence:
            given = None
        elif getattr(given, "doc", given).has_annotation("DEP"):
            return given  # already parsed
    # A sentence is often weighed more than once (its own event, then as a neighbour's fallback):
    # its parse is kept on its document, so it is parsed once per report.
    cache = getattr(getattr(given, "doc", None), "user_data", None) if given is not None else None
    key = ("ceasefire.parse", given.start, given.end) if cache is not None else None
    if key is not None and key in cache:
        return cache[key]
    try:
        parsed = parse_dependencies(given if given is not None else sentence)
    except Exception:  # noqa: BLE001 - without a parse, the surface cues still decide
        parsed = None
    if key is not None:
        cache[key] = parsed
    return parsed
