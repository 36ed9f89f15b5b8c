"""Casualty figures: who was killed or injured, how many, and how sure the report is.

``find_casualties(text)`` finds every figure of dead or wounded in a text ("at least five
people were killed", "killing 2 and injuring 5", "two-thirds of the estimated 250 civilian
casualties", "no civilians were harmed") and ``casualty_counts(figures)`` folds them into the
Event JSON v1 ``fatalities`` and ``injured`` objects, following ACLED's conventions
(DOMAIN.md section 3):

=========================  ======  =====  =====  =========
text                       best    low    high   qualifier
=========================  ======  =====  =====  =========
"five"                     5       5      5      exact
"at least five"            5       5      -      at_least
"more than 20"             20      20     -      more_than
"around/an estimated 250"  250     -      -      about
"up to 50"                 -       -      50     up_to
"between 10 and 15"        10      10     15     about
"tens/dozens/hundreds"     10/12/100  same  -    at_least
"several"                  3       3      -      at_least
"two-thirds of the 250"    167     -      -      about (``derived``)
=========================  ======  =====  =====  =========

"more than 20" keeps 20 as ``best`` and ``low`` (qualifier ``more_than``): ACLED codes the
figure a report states as its most conservative one, and so do the FA-KES annotators and the
ACLED notes in ../shared/data (of the notes saying "more than N people ...", 6 are coded N, 2 N+1).
A reader sees "more than 20", never an invented 21.

``up_to`` gives no best: "up to 50" sets a ceiling, not a likely value, and inventing one
would put a number in the record that no source gave.

"Casualties" alone may include the wounded: a figure of casualties is kept as ``killed`` only
when its clause also says they died ("250 civilian casualties ... are thought to have died");
otherwise its outcome is ``"casualties"`` and ``casualty_counts`` leaves it out of both
fatalities and injured (the figure is still returned, so a reader can show it).

The vocabulary (groups, qualifiers, vague quantities, words of death and injury) is data, in
``resources/casualty-lexicon.yaml``.

The package follows the reading step by step: ``words`` (number words and the lexicon),
``patterns`` (the patterns built from the lexicon), ``figure`` (the figure found), ``phrase``
(one number phrase: whether it counts people, whom and what befell them), ``qualifiers`` (its
best, low and high), ``people`` (a person killed by name, and the people killed with one),
``denials`` (nobody was hurt), ``finding`` (every figure of a text, and what they tell together),
``aggregates`` (tallies over a period or since a date), ``counting`` (figures folded into
counts) and ``coder`` (the toll an ACLED coder's line gives a record).
"""

from ceasefire.resolve.numbers.figure import GROUPS, OUTCOMES, CasualtyFigure
from ceasefire.resolve.numbers.words import LEXICON_FILE, lexicon, parse_number
from ceasefire.resolve.numbers.aggregates import _aggregate_in, _one_day  # noqa: F401  (importable from the old module path)
from ceasefire.resolve.numbers.finding import find_casualties
from ceasefire.resolve.numbers.counting import _merge, _sum, casualty_counts  # noqa: F401  (_merge, _sum: extract.events)
from ceasefire.resolve.numbers.coder import coder_share, coder_toll

__all__ = [
    "GROUPS", "OUTCOMES", "LEXICON_FILE", "CasualtyFigure", "lexicon", "parse_number",
    "find_casualties", "casualty_counts", "coder_share", "coder_toll",
]
