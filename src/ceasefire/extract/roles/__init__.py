"""Who did it and to whom: actors of an event with their roles (perpetrator, target).

Named actors come from the actor registry (``ceasefire.resolve.actors``); the generic actors
ACLED names by kind and country ("Unidentified Armed Group (Syria)", "Protesters (Nigeria)",
"Civilians (Yemen)", "Police Forces of Kenya") are recognised here from the common nouns of a
sentence, because they depend on the event's country rather than on a name.

Roles come from the sentence's structure around the event's trigger:

- "government airstrikes", "Russian jets", "Rebels have also shelled": an actor right before the
  trigger, with no preposition between, is the perpetrator;
- "... carried out by IS", "killed by regime shelling": after "by" it is the perpetrator;
- "on rebel-held districts", "against SDF positions", "targeting civilians": the target;
- "clashes between X and Y": X first (perpetrator), Y second (target), as ACLED lists actor 1
  and actor 2 without meaning attacker and victim; when one side is the state's own forces it is
  actor 1 (ACLED's convention in battle records: in the Syria battles of 2017-23, state forces
  are actor 1 in about 85 % of "between" notes that name them);
- in any other battle the side named first is actor 1 (ACLED's notes name actor 1 first), unless
  the text says it was the one hit ("29 rebels were killed in clashes with regime troops");
- "backed by X", "supported by X", "accompanied by X airstrikes", "X-backed": X is an ally of the
  actor (ACLED's assoc_actor), kept after it, never actor 1;
- a place standing for a government ("Damascus", "Moscow") is a speaker or a venue, never a party;
- protests and riots: the crowd is actor 1 (ACLED: Protesters (X) or Rioters (X)), whoever
  intervened is actor 2.

Generic actors are named with the country of the event (its location), not the country the
report mentions most: ``settle_countries`` renames them once the event's place is known.
Event JSON carries ``country`` as ISO 3166-1 alpha-2.

The steps live in sibling modules, in the order of the flow: ``actor`` (the ``Mention`` and
ACLED's names), ``mentions`` and ``communities`` (finding actors in a sentence), ``cues`` (the
words around a mention), ``sides`` and ``order`` (who did what to whom in a sentence, and ACLED's
order of a battle's sides), ``authors`` and ``claims`` (authors told across sentences, claims and
accusations), ``slots`` (ACLED's actor 1 of crowds, generic actors named by the event's country).
"""

from __future__ import annotations

from ceasefire.extract.roles.actor import Mention, country_name, weakest
from ceasefire.extract.roles.authors import author_hedge, author_unknown, borrow_perpetrators, headline_author, unnamed_perpetrator
from ceasefire.extract.roles.claims import claimed_responsibility, stated_authors
from ceasefire.extract.roles.cues import harmed_mentions, is_harmed, is_victim, names_its_weapon, suspected_authors, told_between
from ceasefire.extract.roles.mentions import generic_mentions, named_mentions
from ceasefire.extract.roles.sides import assign_roles
from ceasefire.extract.roles.slots import crowd_first, settle_countries

__all__ = [
    "Mention",
    "assign_roles",
    "author_hedge",
    "author_unknown",
    "borrow_perpetrators",
    "claimed_responsibility",
    "country_name",
    "crowd_first",
    "generic_mentions",
    "harmed_mentions",
    "headline_author",
    "is_harmed",
    "is_victim",
    "named_mentions",
    "names_its_weapon",
    "settle_countries",
    "stated_authors",
    "suspected_authors",
    "told_between",
    "unnamed_perpetrator",
    "weakest",
]
