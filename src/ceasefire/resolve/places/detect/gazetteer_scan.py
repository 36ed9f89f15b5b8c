"""The gazetteer over capitalised runs spaCy did not read as places; armed groups' names first."""

from __future__ import annotations

from ceasefire.resolve.places.names import name_key
from ceasefire.resolve.places.detect.filters import (
    _dateline_town,
    _keep_scanned,
    _organisation_name,
    _place_cue,
)
from ceasefire.resolve.places.detect.lookup import _big, _curated, _named_countries, lookup_candidates
from ceasefire.resolve.places.detect.mention import _glued, _is_cap
from ceasefire.resolve.places.detect.scan import Scan
from ceasefire.resolve.places.detect.spans import _compound_after, _compound_before, _in_compound, _inner_ok
from ceasefire.resolve.places.detect.vocabulary import (
    ARABIC_PLACE_PREFIXES,
    GROUP_HEADS,
    GROUP_NAMES,
    HONORIFICS,
    INSTITUTION_WORDS,
    LEADING_ARTICLES,
    MAX_TOKENS,
    NAME_PREFIXES,
    ORG_TAILS,
    PLACE_LABELS,
    common_words,
)


def skip_group_names(s: Scan) -> None:
    """Names of armed groups whose words are places elsewhere: no toponyms."""
    tokens, n, taken, cap_run = s.tokens, s.n, s.taken, s.cap_run
    # Names of armed groups whose words are places elsewhere ("Ahrar al-Sham", "Boko Haram"): no toponyms.
    for k in s.capitals:
        if taken[k]:
            continue
        low = tokens[k].lower_
        if low in GROUP_HEADS and k + 1 < n and "\n" not in tokens[k].whitespace_ and (
                _is_cap(tokens[k + 1]) or tokens[k + 1].lower_ in LEADING_ARTICLES or tokens[k + 1].text in "-‐"):
            b = cap_run(k + 1) if _is_cap(tokens[k + 1]) else cap_run(k + 2) if k + 2 < n and tokens[k + 1].text not in "-‐" else k + 1
            if tokens[k + 1].text in "-‐" or tokens[k + 1].lower_ in LEADING_ARTICLES:
                b = cap_run(k)
            for t in range(k, max(b, k + 1)):
                taken[t] = True
        elif k + 1 < n and f"{low} {name_key(tokens[k + 1].text)}" in GROUP_NAMES:
            taken[k] = taken[k + 1] = True



def scan_capitalised_runs(s: Scan) -> None:
    """2. The gazetteer over capitalised runs."""
    gaz, text, tokens, n, ent_of, person_tokens, given_names, sent_start, title_case, mentions, taken, add, cap_run, free = s.gaz, s.text, s.tokens, s.n, s.ent_of, s.person_tokens, s.given_names, s.sent_start, s.title_case, s.mentions, s.taken, s.add, s.cap_run, s.free
    # 2. The gazetteer over capitalised runs. The countries the report names (by name or people)
    #    vouch for local spellings of their towns: "Afes" and "Thiban" in a report on Idlib and
    #    Deir ez-Zor are places, whatever spaCy calls them. A country this scan finds counts from
    #    there on, for its towns' own names: "Syrian shells hit Binnish" (NORP) names Syria first.
    focus = _named_countries(mentions)
    found_late, focus_read = frozenset(), len(mentions)
    i = 0
    # When the longest reading from a token is no place, a shorter one may be: "Dublin City Council"
    # is no alternate name of Ireland's capital but the Dublin of the report; "Sochi Mayor" no
    # outline of an Afghan hamlet but Sochi's mayor. ``shorter`` caps the next try from the same token.
    shorter = None
    while i < n:
        if shorter is not None and shorter[0] != i:
            shorter = None
        tok = tokens[i]
        starts_name = tok.cap or (
            tok.lower_ in LEADING_ARTICLES and i + 2 < n and tokens[i + 1].text in "-‐" and _is_cap(tokens[i + 2])
        )
        if taken[i] or not starts_name or tok.is_punct or tok.like_num:
            i += 1
            continue
        best = outline = None
        if i > 0 and tokens[i - 1].text in "-‐" and _in_compound(tokens, i, i + 1):
            i += 1  # "Avon" of "Stratford-upon-Avon": the compound is read whole or not at all
            continue
        cap = min(n, i + MAX_TOKENS, shorter[1] if shorter else n)
        # The first token after i already taken, and the first that may not sit inside a name: the
        # same for every end j tried below, so found once.
        free_to = i + 1
        while free_to < cap and not taken[free_to]:
            free_to += 1
        inner_to = i + 1
        while inner_to < cap and _inner_ok(tokens, inner_to, i):
            inner_to += 1
        # A compound running into token i rules out every end (see _in_compound): no end is tried.
        ends = range(cap, i, -1) if not _compound_before(tokens, i) else ()
        for j in ends:
            if j > free_to or j > inner_to:
                continue
            last = tokens[j - 1]
            if not (last.cap or (j - i == 1)) or last.is_punct and last.text not in (".",):
                continue
            if _compound_after(tokens, j):
                continue
            surface = text[tokens[i].idx: last.idx + len(last.text)]
            cands = lookup_candidates(gaz, surface)
            if not cands:
                # "Calif." / "W.Va.": the dot is part of an abbreviation.
                if j < n and tokens[j].text == "." and _glued(last, tokens[j]):
                    cands = lookup_candidates(gaz, surface + ".")
                    if cands:
                        j += 1
            if (cands and j - i > 1 and all(c[2] == "skeleton" for c in cands)
                    and ent_of[i] is not None and ent_of[i].label_ in PLACE_LABELS):
                # A consonant outline over several words of a place entity ("Syrias Hama") is a guess:
                # a shorter exact name inside it comes first. (Over other words, "Toyota Corolla", the
                # outline keeps the words from being read one by one.)
                outline = outline or (j, cands)
                continue
            if cands:
                best = (j, cands)
                break
        if best is None and outline is not None and not any(
                c[2] != "skeleton" for c in lookup_candidates(gaz, text[tokens[i + 1].idx: tokens[outline[0] - 1].idx + len(tokens[outline[0] - 1].text)])):
            best = outline
        if best is None:
            # "Kafr Basin", "Tel Hamis": an Arabic toponymic prefix makes the name a place even when
            # the gazetteer lacks it (and keeps "Basin" from being read alone).
            if tok.lower_ in ARABIC_PLACE_PREFIXES and i + 1 < n and (_is_cap(tokens[i + 1]) or tokens[i + 1].lower_ in LEADING_ARTICLES):
                b = cap_run(i + 1)
                if b > i + 1 and free(i, b, persons=True):
                    add(i, b, [], "LOC")
                    i = b
                    continue
            county = _bare_county(s, i)
            if county is not None:
                b, found = county
                add(i, b, found, "GPE")
                s.mentions[-1].admin_cue = True
                i = b
                continue
            i += 1
            continue
        j, cands = best
        if (j - i == 1 and (tok.lower_ in NAME_PREFIXES or tok.lower_ in ARABIC_PLACE_PREFIXES) and j < n and "\n" not in tok.whitespace_
                and (tokens[j].text in "-‐" or (_is_cap(tokens[j]) and tokens[j].is_alpha and tokens[j].lower_ not in common_words()))):
            # "Al-Tabqa", "Abu Saida", "El Furrial", "Tal Syriatel" the gazetteer lacks: the article or
            # prefix alone is no place (Ål, Norway; At Tall). After "in", "near", "the town of", or with a
            # toponymic prefix ("Tal", "Kafr"), the whole is a place placed by context.
            b = cap_run(i)
            inside = i > 0 and tokens[i - 1].is_alpha and _is_cap(tokens[i - 1]) and not sent_start[i]  # "Khamsa Wa Khamson"
            if (b > i + 1 and not inside and (_place_cue(tokens, i, b) or tok.lower_ in ARABIC_PLACE_PREFIXES) and free(i, b, persons=i > 0 and tokens[i - 1].lower_ != "from")
                    and not _organisation_name(tokens, i, b) and not any(t.lower_ in ORG_TAILS for t in tokens[i:b])):
                add(i, b, [], "LOC")
            i = max(b, i + 1)
            continue
        if i > 0 and taken[i - 1] and ent_of[i] is not None and ent_of[i] is ent_of[i - 1] and not _big(cands):
            i = j  # the rest of a name begun by a place: "Al-Balad" of "Dar'a Al-Balad" is no Balad in Iraq
            continue
        if title_case[i] and j - i == 1 and not _big(cands) and (ent_of[i] is None or ent_of[i].label_ not in PLACE_LABELS):
            i += 1
            continue
        if j - i == 1 and tok.text in given_names and not _big(cands) and not _curated(cands) and not _dateline_town(tokens, i, j, tok.text, cands, sent_start, text):
            i += 1
            continue
        if len(mentions) > focus_read:
            found_late, focus_read = (found_late | _named_countries(mentions[focus_read:])) - focus, len(mentions)
        if _keep_scanned(tokens, i, j, cands, ent_of, person_tokens, sent_start, text, focus, found_late):
            add(i, j, cands, ent_of[i].label_ if ent_of[i] is not None else None)
            i = j
        elif (j - i >= 2 and tok.lower_ in ARABIC_PLACE_PREFIXES and free(i, j, persons=True)
              and not (i > 0 and tokens[i - 1].lower_.rstrip(".") in HONORIFICS)):
            # "Kafr Nobol", "Tal Hawash": a toponymic prefix makes the name a place even when only its
            # consonant outline reaches the gazetteer; the outline is weighed against the report's countries.
            add(i, j, cands, "LOC")
            i = j
        elif min(j, cap) - 1 > i and any(t.lower_ in INSTITUTION_WORDS for t in tokens[i + 1:j]):
            # Only where a town's office or body follows ("Dublin City Council", "Sochi Mayor"): a
            # longer name read whole or not at all stays so ("Mato Grosso do Sul" is never Mato Grosso,
            # "Loma Hermosa" no Loma, "Toyota Corolla" no Toyota). (A glued dot may have carried j
            # past the cap: "Calif.")
            shorter = (i, min(j, cap) - 1)
        else:
            i += 1


# Words after a county named without "County" that show it is the county: "DuPage Sheriff John Doe",
# "Hunterdon Central Regional High School", "Prince William Circuit Court".
_COUNTY_OFFICES = frozenset("sheriff sheriff's commissioners commission circuit court coroner prosecutor central regional "
                            "schools school board fair".split())


def _bare_county(s: Scan, i: int) -> tuple[int, list] | None:
    """A US county (or Louisiana parish) named without its word ("in DuPage", "Avoyelles Sheriff"):
    a capitalised name the gazetteer knows only with "County" or "Parish" after it, where the words
    around it say it is a place (a locative before it, spaCy's place label, a county office after it)."""
    tokens, n, gaz, text, ent_of = s.tokens, s.n, s.gaz, s.text, s.ent_of
    for b in (i + 2, i + 1):
        if b > n or any(s.taken[i:b]) or not all(_is_cap(t) and t.is_alpha for t in tokens[i:b]):
            continue
        if b < n and tokens[b].lower_ in ("county", "parish", "counties", "parishes"):
            return None  # found whole by the other passes
        if b - 1 > i and "\n" in tokens[i].whitespace_:
            continue
        surface = text[tokens[i].idx: tokens[b - 1].idx + len(tokens[b - 1].text)]
        if b - i == 1 and (tokens[i].lower_ in common_words() or tokens[i].text in s.given_names or tokens[i].text in s.person_tokens):
            return None
        ent = ent_of[i]
        if ent is not None and (ent.label_ in ("PERSON", "DATE", "TIME", "MONEY", "CARDINAL", "NORP", "WORK_OF_ART", "EVENT")
                                or ent.start < i or ent.end < b):
            continue
        # The cue first, the gazetteer after: most capitalised words the gazetteer lacks have none.
        if not ((ent is not None and ent.label_ in PLACE_LABELS and ent.end == b) or _place_cue(tokens, i, b)
                or (b < n and tokens[b].lower_ in _COUNTY_OFFICES and "\n" not in tokens[b - 1].whitespace_)):
            continue
        found = []
        for suffix in (" County", " Parish"):
            found += [c for c in lookup_candidates(gaz, surface + suffix) if c[0].is_admin2 and c[2] != "skeleton"]
        if found:
            return b, found
    return None

