"""One name, one place within a report, once the text has said where it lies.

A report writes a town with its state or province the first time ("Portland, Maine",
"Owensboro, Ky.", "the Bab al-Nairab quarter of Aleppo") and bare afterwards ("Portland was a
finalist last year too"). The bare mentions mean the town the text placed, not whichever namesake
the report's other names (or its size) happen to favour.
"""

from __future__ import annotations

from ceasefire.resolve.places.gazetteer import Place


def follow_placed_names(mentions: list, chosen: list, text: str, drop: Place) -> None:
    """Give each bare mention of a name the place its mention with a container was resolved to,
    when the report places that name in one area only (``chosen`` is changed in place)."""
    from ceasefire.resolve.places.resolve import _inside, _mention_at

    placed: dict[str, set] = {}
    by_id: dict[int, Place] = {}
    anchored: set[int] = set()
    for k, m in enumerate(mentions):
        p = chosen[k]
        if p is None or p is drop:
            continue
        if m.container_text:
            idx = _mention_at(mentions, m.end, m.container_text, text)
        elif k + 1 < len(mentions) and text[m.end: mentions[k + 1].start].strip() == ",":
            idx = k + 1  # "Rapid City, S.D.": a state right after the town and a comma
        else:
            continue
        if idx is None or idx == k:
            continue
        container = chosen[idx]
        if container is None or container is drop or container is p or not _inside(p, container):
            continue
        if not m.container_text and not container.is_admin1:
            continue
        anchored.add(k)
        placed.setdefault(m.text.lower(), set()).add(p.id)
        by_id[p.id] = p
    for k, m in enumerate(mentions):
        ids = placed.get(m.text.lower())
        if not ids or len(ids) != 1 or k in anchored or m.container_text:
            continue
        p = by_id[next(iter(ids))]
        if chosen[k] is drop or (chosen[k] is not None and chosen[k].id == p.id):
            continue
        if any(c.id == p.id for c, _, _ in m.candidates):
            chosen[k] = p
