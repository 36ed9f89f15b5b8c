"""Time in news reports, resolved against the publication date.

``find_time_expressions(text, published)`` finds every time expression of a text and resolves
it to a span of calendar days; ``resolve_event_date(sentence, published)`` picks the date of
the event a sentence tells, in Event JSON v1 shape; ``release_date``, ``lead_date`` and
``recalled`` date a whole report.  The steps live in sibling modules: ``patterns`` (reading),
``anchoring`` (days against publication), ``event`` (a sentence's event date) and ``report``.

dateparser is not used: it resolves plain weekdays but not "until the end of Monday",
"earlier this year", "in nine days of" or the verb "may" (DESIGN.md).

Rules (each one tested in tests/test_resolve_dates.py):

* **Weekdays.** "Saturday", "on Sunday" is the most recent such day on or before publication
  (the publication day itself included), because news reports what happened.  It is the coming
  one (strictly after publication) when the clause looks ahead: "will", "is due", "to be held",
  "next Sunday", "for more talks on Sunday", "until/through Monday".  "last Sunday" is strictly
  before publication.
* **Dates without a year** ("Dec. 5", "27 February") take the year that puts them on or before
  publication, or on or after it when the clause looks ahead; a weekday printed beside the date
  ("Sunday, Dec. 5") picks the year whose calendar agrees.
* **Months** ("in February") are the last such month on or before publication (month precision).
* **Spans.** ``start_date``/``end_date`` are the days the expression covers in its sentence:
  "since July" runs from 1 July to publication, "until the end of Monday" from publication to
  that Monday, "over the past nine days" the nine days ending on publication, "a ninth day of
  bombardment" the nine days ending on the day the sentence names ("Saturday saw a ninth day").
  ``relation`` says how the sentence uses it: at | since | until | during | from.
* **Precision** of a span: one day "day"; up to 14 days "week"; up to 62 days "month"; longer
  "year".  Numeric dates are read day first (27/02/2016) unless the middle number exceeds 12.
"""

from __future__ import annotations

from ceasefire.resolve.dates.anchoring import (  # noqa: F401 - the public and tested names
    _anchor_ordinal_days, _apply_relation, _days, _month_no, _month_part, _month_span, _precision, _relative,
    _resolve, _safe, _weekday, _year_for, find_time_expressions,
)
from ceasefire.resolve.dates.event import (  # noqa: F401
    _ATTRIBUTIVE_BEFORE, _DEICTIC_TODAY, _NOUN_AFTER, _POSSESSIVE_AFTER, _PRECISION_RANK, _PREFERENCE,
    _STATEMENT_AFTER, _STATEMENT_BEFORE, _STATEMENT_VERBS, _names_other_event, _secondary_day, _statement_day,
    resolve_event_date,
)
from ceasefire.resolve.dates.patterns import (  # noqa: F401
    _ALL_KINDS, _ANY_DIGIT, _CASE_FOLDS_TO_ASCII, _FUTURE, _LEAD, _MONTH, _MONTH_ABBR, _MONTH_FULL, _MONTH_STEMS,
    _NUMERIC_HINT, _NUMWORD, _ORD_SUFFIX, _ORDWORD, _PAST_UNTIL, _PATTERNS, _RELATIVE_WORDS, _SAID_ON, _SENT,
    _UNIT_WORDS, _WD, _WEEKDAYS, MONTHS, ORDINALS, WEEKDAYS, TimeExpression, _clause_around, _looks_ahead,
    _possible_kinds, _relation,
)
from ceasefire.resolve.dates.report import (  # noqa: F401
    _DATELINE_DATE, _HEADING_DATE, _RELEASE_NUMBER, RECALLED_AFTER_DAYS, blank_heading_date, lead_date, recalled,
    release_date,
)
