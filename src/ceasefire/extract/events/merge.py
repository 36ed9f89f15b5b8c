"""Merging the sentences that tell the same incident into one event, and its public form."""

from __future__ import annotations

from typing import Any

from ceasefire.extract.roles import author_hedge
from ceasefire.extract.salience import told_as_another_incident


def _spells_out(word: dict[str, Any] | None, count: dict[str, Any] | None) -> bool:
    """``count`` is a number the toll word ``word`` allows: tens, dozens, scores (10, 12, 20) up
    to 199, hundreds (100) up to 1,999, several or many (3, 4) up to 19."""
    if not word or not count or word.get("best") is None or count.get("best") is None:
        return False
    w, n = int(word["best"]), int(count["best"])
    return w <= n < (20 if w < 10 else 200 if w < 100 else w * 20)


#: Groups a toll may count besides its total.
_PARTS = ("civilians", "children", "women", "combatants")


def _pins_down(rounded: dict[str, Any], exact: dict[str, Any]) -> bool:
    """``exact``, a later sentence's dead, gives as an exact count the people that ``rounded``
    gave in round figures: "nearly 50 soldiers died when the depot blew up" and "the monitor
    counted 47 soldiers killed in the blast". The count lies within the rounding (a tenth of the
    figure, at least two) or inside the range given, and both tolls count the same group (a
    count of civilians does not pin down "about 40 people")."""
    a, b = rounded.get("total") or {}, exact.get("total") or {}
    if a.get("qualifier") != "about" or b.get("qualifier") != "exact" or a.get("best") is None or not b.get("best"):
        return False
    r, n = int(a["best"]), int(b["best"])
    if a.get("low") is not None and a.get("high") is not None:
        if not a["low"] <= n <= a["high"]:
            return False  # "between 30 and 40": a count inside the range
    elif n == r or abs(n - r) > max(2, r // 10):
        return False
    groups = [{g for g in _PARTS if (t.get(g) or {}).get("best") == t["total"]["best"]} for t in (rounded, exact)]
    return groups[0] == groups[1]


def _breaks_down(headline: dict[str, Any], lead: dict[str, Any]) -> bool:
    """``lead``, the sentence right after the headline, lists the dead in groups and the
    headline's toll is one of them or their sum ("Clashes kill 120 near Hama" and "... killed some
    120 fighters and 60 others"): the lead's list is the incident's toll, counted once (180)."""
    if not headline.get("_headline") or len(headline["_sentences"]) != 1 or min(lead["_sentences"]) != headline["_sentences"][0] + 1:
        return False
    a, b = (headline["fatalities"].get("total") or {}).get("best"), (lead["fatalities"].get("total") or {}).get("best")
    return bool(a) and bool(b) and b > a and a in (lead.get("_listed") or [])


def _other_side(host: dict[str, Any], ev: dict[str, Any]) -> bool:
    """``ev``, the sentence right after ``host``'s, adds the fighters of another party to a toll of
    one party's fighters ("At least 140 jihadists had been killed in the battle for the town" and
    "Another 60 soldiers and militiamen were also killed"): both sides' dead are the incident's.
    Parties that share a word ("rebel fighters", "IS fighters") may be one side counted twice."""
    parties = ev.get("_other_side") or []
    if not parties or min(ev["_sentences"]) != max(host["_sentences"]) + 1:
        return False
    f = host["fatalities"]
    total, fighters = (f.get("total") or {}).get("best"), (f.get("combatants") or {}).get("best")
    if not total or total != fighters or (f.get("civilians") or {}).get("best"):
        return False
    ours = {w for p in host.get("_parties") or [] for w in p.split()}
    return bool(ours) and (bool(ev.get("_others_told")) or not ours & {w for p in parties for w in p.split()})


# --------------------------------------------------------------------------- merging


def _compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("aggregate") or b.get("aggregate"):
        return False
    if bool(a.get("background")) != bool(b.get("background")):
        return False  # an incident recalled or imputed to someone is not the one the report tells
    if told_as_another_incident(b) and not b.get("_anaphor"):
        return False  # "Earlier in the day, rockets on the city killed nine": not the incident told before
    bombs = {a["sub_event_type"], b["sub_event_type"]}
    if bombs == {"Suicide bomb", "Remote explosive/landmine/IED"}:
        pass  # "a motorcycle bomber" and "a suicide bomber on a motorcycle": one blast
    elif a["event_type"] == b["event_type"] == "Battles":
        pass  # "captured Qanater after clashes" and "during the clashes, 19 were killed": one battle
    elif _strike_in_battle(a, b):
        pass  # "clashed with rebels in Modira amid airstrikes" and "helicopters dropped barrel bombs on Modira": one battle
    elif a["sub_event_type"] != b["sub_event_type"]:
        # "22 dead in heavy U.S. raids" and "killed in U.S. air strikes": an unnamed weapon joins a named one
        violent = a["event_type"] in _VIOLENT and b["event_type"] in _VIOLENT
        vague = a["method"] == "unknown" or b["method"] == "unknown"
        if not (violent and vague):
            return False
    elif a["method"] not in (b["method"], "unknown") and b["method"] != "unknown":
        return False
    if a["date"] and b["date"] and a["date"]["start"] != b["date"]["start"]:
        return False
    la, lb = a.get("location"), b.get("location")
    if la and lb and la.get("name") != lb.get("name") and la.get("admin1") != lb.get("name") and lb.get("admin1") != la.get("name"):
        if "country" not in (la.get("precision"), lb.get("precision")):
            return False
    if _vague(a) or _vague(b):
        return True  # "a wave of deadly bombings" joins the strike it sums up; its actors do not count
    if _strike_in_battle(a, b):
        return True  # the strike's author is one side or its ally (ACLED: explosions inside a battle are the battle's)
    if a["event_type"] == b["event_type"] == "Battles":
        # the two sides of a battle may be told in either role ("regime forces captured X after
        # clashes with rebels", "regime fighters were killed during the clashes")
        pa = {x["name"] for x in a["actors"] if x["role"] in ("perpetrator", "target") and (x.get("inter") or 7) != 7}
        pb = {x["name"] for x in b["actors"] if x["role"] in ("perpetrator", "target") and (x.get("inter") or 7) != 7}
    else:
        pa = {x["name"] for x in a["actors"] if x["role"] == "perpetrator"}
        pb = {x["name"] for x in b["actors"] if x["role"] == "perpetrator"}
    if pa and pb and not (pa & pb):
        return False
    return True


#: Ranged fire that ACLED folds into the battle it falls in (DOMAIN.md: one event, highest type).
_BATTLE_FIRE = ("Air/drone strike", "Shelling/artillery/missile attack")


def _strike_in_battle(battle: dict[str, Any], strike: dict[str, Any]) -> bool:
    """``battle``, told first, is a battle and ``strike``, told after it, an air strike or shelling
    (same day and place are checked by the caller): ACLED codes strikes and shelling during the
    fighting as the battle ("clashed with rebels in Modira amid airstrikes ... Helicopters dropped
    barrel bombs on Modira"). A strike told first leads its own event: a report that opens with
    "22 dead in U.S. raids" is about the raids, whatever fighting it mentions after."""
    if battle["event_type"] != "Battles" or strike["event_type"] != "Explosions/Remote violence":
        return False
    return strike["sub_event_type"] in _BATTLE_FIRE and not strike.get("background")


def _vague(ev: dict[str, Any]) -> bool:
    """A mention without method or figures ("deadly bombardments in the city")."""
    return ev["method"] == "unknown" and not any(ev["fatalities"].values())


def _merge(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: list[dict[str, Any]] = []
    for ev in events:
        if ev.get("_anaphor") and not ev.get("aggregate") and not ev.get("background"):
            told = [m for m in merged if m["event_type"] in _VIOLENT and not m.get("aggregate")]
            if told:
                # "the attack also wounded dozens": the incident told before, the last of the anaphor's
                # own kind first ("During the clashes, 6 were killed" points to the clashes, not to
                # the airstrikes told between)
                kind = ev.get("_anaphor_type") or ev["event_type"]
                same = [m for m in told if m["event_type"] == kind]
                _absorb((same or told)[-1], ev, anaphor=True)
                continue
        if ev["event_type"] in ("Protests", "Riots") and ev["sub_event_type"] != "Mob violence":
            crowd = next((m for m in reversed(merged) if m["event_type"] in ("Protests", "Riots") and m["sub_event_type"] != "Mob violence" and not m.get("aggregate")), None)
            if crowd is not None and _same_demonstration(crowd, ev):
                _join_demonstration(crowd, ev)
                continue
        k = next((i for i, m in enumerate(merged) if _compatible(m, ev)), None)
        if k is None:
            merged.append(ev)
            continue
        host = merged[k]
        battle_hosts = host["event_type"] == "Battles" and ev["event_type"] != "Battles"
        if not battle_hosts and ((_vague(host) and not _vague(ev)) or (host["method"] == "unknown" and ev["method"] not in (None, "unknown"))):
            ev, host = host, ev  # the specific sentence leads; the vague one adds evidence
            merged[k] = host
        _absorb(host, ev)
    return merged


_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")
#: How a demonstration ended, from least to most severe (ACLED codes the most severe).
_PROTEST_SEVERITY = ["Peaceful protest", "Protest with intervention", "Violent demonstration", "Excessive force against protesters"]


def _same_demonstration(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two sentences about one demonstration: adjacent, same day, places that do not disagree."""
    if abs(min(b["_sentences"]) - max(a["_sentences"])) > 2:
        return False
    if a["date"] and b["date"] and a["date"]["start"] != b["date"]["start"]:
        return False
    la, lb = a.get("location") or {}, b.get("location") or {}
    return not (la.get("admin1") and lb.get("admin1") and la["admin1"] != lb["admin1"])


def _join_demonstration(host: dict[str, Any], ev: dict[str, Any]) -> None:
    """Merge a later sentence into the demonstration it tells more of; the most severe outcome wins."""
    rank = {t: i for i, t in enumerate(_PROTEST_SEVERITY)}
    if rank.get(ev["sub_event_type"], 0) > rank.get(host["sub_event_type"], 0):
        host["sub_event_type"], host["event_type"], host["method"] = ev["sub_event_type"], ev["event_type"], ev["method"]
    _absorb(host, ev, anaphor=True)


def _absorb(host: dict[str, Any], ev: dict[str, Any], anaphor: bool = False) -> None:
    if anaphor and ev["event_type"] != host["event_type"]:
        pass  # the pointing sentence adds evidence and figures, not its guessed type
    elif ev["event_type"] == host["event_type"] == "Battles" and host["sub_event_type"] == "Armed clash":
        host["sub_event_type"] = ev["sub_event_type"]  # only the final capture counts (ACLED)
    elif ev["sub_event_type"] == "Suicide bomb" and host["sub_event_type"] == "Remote explosive/landmine/IED":
        host["sub_event_type"], host["event_type"], host["method"] = "Suicide bomb", "Explosions/Remote violence", "suicide_bomb"
    elif host["method"] == "unknown" and ev["method"] not in (None, "unknown"):
        if host["event_type"] == "Battles":
            host["method"] = ev["method"]  # strikes inside a battle are the battle's (ACLED)
        else:
            host["sub_event_type"], host["event_type"], host["method"] = ev["sub_event_type"], ev["event_type"], ev["method"]
    # the incident's figures are those of the first sentence that tells it (the lead's toll), even
    # when a later, more specific sentence leads its type; the others fill gaps
    earlier = min(ev["_sentences"]) < min(host["_sentences"])
    spelled_out = host.get("_vague_toll") and not ev.get("_vague_toll") and _spells_out(host["fatalities"].get("total"), ev["fatalities"].get("total"))
    spelled_out = spelled_out or (not earlier and _pins_down(host["fatalities"], ev["fatalities"]))
    spelled_out = spelled_out or (not earlier and _breaks_down(host, ev))
    if spelled_out:
        host["fatalities"] = dict(ev["fatalities"])  # "Hundreds dead ... the death toll reached 330": the count the report gives
        host["_vague_toll"] = False
    if host["fatalities"].get("total") is None and ev["fatalities"].get("total") and not earlier and not spelled_out:
        # "an airstrike killed eight civilians ... Other reports say at least 14 people were killed":
        # the lead's toll is its civilians (and combatants); a later total is another report of it,
        # and of conflicting reports ACLED keeps the most conservative (resolve.numbers._merge)
        from ceasefire.resolve.numbers import _merge as _conservative, _sum

        parts = _sum([host["fatalities"].get("civilians"), host["fatalities"].get("combatants")])
        if parts and parts.get("best") is not None:
            host["fatalities"]["total"] = _conservative([parts, ev["fatalities"]["total"]])
    if not earlier and not spelled_out and _other_side(host, ev):
        from ceasefire.resolve.numbers import _sum

        for g in ("total", "combatants"):
            host["fatalities"][g] = _sum([host["fatalities"][g], ev["fatalities"][g]])
    before = host["fatalities"].get("total")
    for key in ("fatalities", "injured"):
        for k, v in ev[key].items():
            if v is not None and (host[key].get(k) is None or (earlier and not spelled_out)):
                host[key][k] = v
    if host["fatalities"].get("total") is not before:
        host["_vague_toll"] = ev.get("_vague_toll", False)
    if host["event_type"] == ev["event_type"] == "Battles" and min(ev["_sentences"]) < min(host["_sentences"]) and any(a["role"] == "perpetrator" for a in ev["actors"]):
        # the sentence that first tells a battle names its sides ("clashes between regime forces and
        # rebels"); a later, more specific one adds the fire around it ("... amid Russian airstrikes")
        first = {a["name"] for a in ev["actors"]}
        host["actors"] = [dict(a) for a in ev["actors"]] + [a for a in host["actors"] if a["name"] not in first]
    names = {a["name"] for a in host["actors"]}
    had_author = any(a["role"] == "perpetrator" for a in host["actors"])
    if not _vague(ev) or (not had_author and ev["event_type"] == host["event_type"]):
        # a vague sentence's actors count only where an incident of its kind names no author ("Clashes
        # took place between regime forces and rebels. Clashes were accompanied by shelling.")
        host["actors"].extend(a for a in ev["actors"] if a["name"] not in names)
    host["actors"].sort(key=lambda a: a["role"] != "perpetrator")
    author_hedge(host, had_author, ev)
    if host["location"] is None or (ev["location"] and _finer(ev["location"], host["location"])):
        host["location"] = ev["location"] or host["location"]
    if host["date"] is None:
        host["date"] = ev["date"]
    if not host["attribution"]["sources"] and ev["attribution"]["sources"]:
        host["attribution"] = ev["attribution"]
    host["evidence"].extend(ev["evidence"])
    host["evidence"].sort(key=lambda s: s["start"])
    host["_sentences"] = sorted(host["_sentences"] + ev["_sentences"])
    host["_confidence"] = max(host["_confidence"], ev["_confidence"])


_PRECISION_RANK = {"exact": 0, "near": 1, "admin2": 2, "admin1": 3, "country": 4}


def _finer(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Whether place ``a`` says more precisely where ``b`` is: a town of the province ``b`` (or a
    province of the country ``b``); a town somewhere else ("the southern countryside of Hasakeh"
    after "battled IS in the Ar-Raqqa countryside") is another place, not a finer one, and "near
    Manbij" is as precise as any town."""
    ra, rb = _PRECISION_RANK.get(a.get("precision"), 5), _PRECISION_RANK.get(b.get("precision"), 5)
    if rb <= 1 or ra >= rb:
        return rb == 5 and ra < 5
    if b.get("precision") == "country":
        return not b.get("country") or a.get("country") == b.get("country")
    return a.get("country") == b.get("country") and (not b.get("admin1") or a.get("admin1") == b.get("admin1"))


def _public(ev: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in ev.items() if not k.startswith("_")}
