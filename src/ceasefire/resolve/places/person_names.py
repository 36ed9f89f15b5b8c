"""A name spaCy reads as a person's, read as a town outside the report's home state.

A local report names its people and its hamlets alike: "Harris said", "the Platte bridge". When spaCy
reads such a name as a person and the gazetteer's reading of it is a town in another state than the one
most of the report's names lie in (see ``resolve._home_area``), while no reading of the name lies in that
state, the far town is the wrong point either way: a hamlet the gazetteer lacks, or a person. The name
is then placed by context, at the report's nearest place, as a place the gazetteer lacks is.
"""

from __future__ import annotations


def person_names_to_local(mentions: list, chosen: list, home: tuple | None, drop: object) -> None:
    """Clear the far town read for a name spaCy calls a person (``chosen`` is changed in place)."""
    if home is None:
        return
    for k, m in enumerate(mentions):
        p = chosen[k]
        if not m.person_like or p is None or p is drop or p.feature_class != "P" or m.container_text:
            continue
        if (p.country, p.admin1) == home:
            continue
        if any((c.country, c.admin1) == home for c, _, match in m.candidates if match != "skeleton"):
            continue  # the report's own state has a town of the name: the resolver weighed it
        chosen[k] = None
        m.label = "LOC"  # placed by context (resolve_mentions), at the report's nearest place
