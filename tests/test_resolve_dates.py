"""Time resolved against publication: the seed article (Saturday 2016-04-30) and ISAF/ACLED wording."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.resolve.dates import find_time_expressions, resolve_event_date

SEED_PUBLISHED = date(2016, 4, 30)  # a Saturday


def only(text: str, published: date | None = SEED_PUBLISHED):
    (expr,) = find_time_expressions(text, published)
    return expr


def day(iso: str) -> date:
    return date.fromisoformat(iso)


def test_ninth_day_of_bombardment_ends_on_saturday():
    text = "Saturday saw a ninth day of heavy shelling across the old town."
    saturday, ninth = find_time_expressions(text, SEED_PUBLISHED)
    assert (saturday.text, saturday.start_date, saturday.precision) == ("Saturday", day("2016-04-30"), "day")
    assert (ninth.start_date, ninth.end_date, ninth.relation) == (day("2016-04-22"), day("2016-04-30"), "during")
    assert resolve_event_date(text, SEED_PUBLISHED) == {"start": "2016-04-30", "end": "2016-04-30", "precision": "day"}


def test_ninth_day_ends_on_the_day_the_sentence_names_not_on_publication():
    text = "Thursday saw a ninth day of shelling in Aleppo."
    ninth = find_time_expressions(text, SEED_PUBLISHED)[1]
    assert (ninth.start_date, ninth.end_date) == (day("2016-04-20"), day("2016-04-28"))


def test_saturday_on_a_saturday_is_the_publication_day_itself():
    expr = only("Tehran said on Saturday that it would keep backing its partner in the capital.")
    assert expr.start_date == SEED_PUBLISHED and not expr.future


def test_sunday_for_more_talks_is_the_coming_sunday():
    text = "With the UN envoy back in Lausanne on Sunday for more talks, the opposition has blamed the government."
    expr = only(text)
    assert expr.start_date == day("2016-05-01") and expr.future


def test_a_past_sunday_is_the_last_one_before_publication():
    assert only("Rebels shelled the Sheikh Maqsoud district on Sunday.").start_date == day("2016-04-24")
    assert only("The convoy entered Madaya last Saturday.").start_date == day("2016-04-23")


def test_next_sunday_and_will_look_ahead():
    assert only("Talks will resume next Sunday.").start_date == day("2016-05-01")
    assert only("The envoy is due to arrive in Damascus on Tuesday.").start_date == day("2016-05-03")


def test_extends_regime_of_calm_to_end_of_monday():
    text = ("Moscow and the government say the “truce” near Homs was prolonged for "
            "another 24 hours until the end of Monday.")
    exprs = find_time_expressions(text, SEED_PUBLISHED)
    until = [x for x in exprs if x.relation == "until"][0]
    assert until.text == "until the end of Monday"
    assert (until.start_date, until.end_date) == (SEED_PUBLISHED, day("2016-05-02"))
    window = [x for x in exprs if x.text == "for another 24 hours"][0]
    assert (window.start_date, window.end_date) == (SEED_PUBLISHED, day("2016-05-01"))
    # the extension itself was announced on publication day
    assert resolve_event_date(text, SEED_PUBLISHED)["start"] == "2016-04-30"


def test_earlier_this_year_runs_from_january_to_publication():
    expr = only("Food trucks reached Zabadani, where earlier this year a long blockade led to warnings of hunger.")
    assert (expr.start_date, expr.end_date, expr.precision) == (day("2016-01-01"), SEED_PUBLISHED, "year")


def test_in_february_is_the_last_february_before_publication():
    expr = only("A truce agreed in February by the two sponsors covered the northern front.")
    assert (expr.start_date, expr.end_date, expr.precision) == (day("2016-02-01"), day("2016-02-29"), "month")
    assert only("The siege began in November.").start_date == day("2015-11-01")


def test_in_nine_days_of_bombing_is_the_nine_days_to_publication():
    expr = only("About 250 civilians were killed in nine days of bombing.")
    assert (expr.start_date, expr.end_date, expr.relation) == (day("2016-04-22"), SEED_PUBLISHED, "during")


@pytest.mark.parametrize(
    "text",
    ["The cessation of hostilities began on 27 February.", "It began on February 27, 2016.",
     "It began on 27/02/2016.", "It began on 2016-02-27.", "It began on the 27th of February."],
)
def test_absolute_dates_in_every_spelling(text):
    assert only(text).start_date == day("2016-02-27")


def test_month_day_without_year_after_publication_is_last_year():
    assert only("The offensive began on Dec. 5.").start_date == day("2015-12-05")


def test_isaf_dec_5_takes_the_year_whose_weekday_agrees():
    published = date(2011, 1, 3)
    expr = only("On Sunday, Dec. 5, army commandos killed two gunmen near the border.", published)
    assert expr.start_date == day("2010-12-05")  # a Sunday
    expr = only("On Sunday, Dec. 4, the force detained a Taliban leader.", date(2011, 12, 10))
    assert expr.start_date == day("2011-12-04")


def test_isaf_yesterday_is_the_day_before_the_release():
    text = "During a raid in Chahar Dara district, Kunduz province, yesterday, a joint patrol captured a weapons smuggler."
    assert resolve_event_date(text, date(2013, 1, 25)) == {"start": "2013-01-24", "end": "2013-01-24", "precision": "day"}


@pytest.mark.parametrize(
    ("phrase", "start", "end", "precision"),
    [
        ("yesterday", "2016-04-29", "2016-04-29", "day"),
        ("last night", "2016-04-29", "2016-04-29", "day"),
        ("this morning", "2016-04-30", "2016-04-30", "day"),
        ("today", "2016-04-30", "2016-04-30", "day"),
        ("tonight", "2016-04-30", "2016-04-30", "day"),
        ("last week", "2016-04-18", "2016-04-24", "week"),
        ("last month", "2016-03-01", "2016-03-31", "month"),
        ("three days ago", "2016-04-27", "2016-04-27", "day"),
    ],
)
def test_relative_days(phrase, start, end, precision):
    expr = only(f"Clashes erupted near Aleppo {phrase}.")
    assert (expr.start_date, expr.end_date, expr.precision) == (day(start), day(end), precision)


def test_since_july_runs_from_july_to_publication():
    expr = only("Dozens of soldiers have been killed since July.")
    assert (expr.relation, expr.start_date, expr.end_date, expr.precision) == ("since", day("2015-07-01"), SEED_PUBLISHED, "month")


def test_over_the_past_nine_days():
    expr = only("The Observatory has counted 250 dead over the past nine days.")
    assert (expr.relation, expr.start_date, expr.end_date) == ("during", day("2016-04-22"), SEED_PUBLISHED)


def test_from_midnight():
    expr = only("The truce will take effect from midnight.")
    assert (expr.relation, expr.start_date) == ("from", day("2016-05-01"))
    expr = only("The truce took effect from midnight.")
    assert (expr.relation, expr.start_date) == ("from", SEED_PUBLISHED)


def test_the_verb_may_is_not_a_month():
    assert find_time_expressions("Yet several analysts think the army may be gaining ground.", SEED_PUBLISHED) == []


def test_acled_notes_date():
    text = "On 2 June 2023, fighting broke out between army units and smugglers near Nawa."
    assert resolve_event_date(text, None) == {"start": "2023-06-02", "end": "2023-06-02", "precision": "day"}


def test_no_time_defaults_to_publication_or_nothing():
    text = "Rebels have also shelled government-held areas."
    assert resolve_event_date(text, SEED_PUBLISHED) == {"start": "2016-04-30", "end": "2016-04-30", "precision": "day"}
    assert resolve_event_date(text, SEED_PUBLISHED, default_to_published=False) is None
    assert resolve_event_date(text, None) is None


def test_offsets_are_shifted():
    text = "Clashes erupted on Sunday."
    (expr,) = find_time_expressions(text, SEED_PUBLISHED, offset=50)
    assert (expr.start, expr.end) == (50 + text.index("on Sunday"), 50 + len(text) - 1)


def test_named_day_beats_the_day_of_the_statement():
    text = "Today, police in Paghman district, Kabul province, said a bomb maker was seized in a night raid, Sunday."
    assert resolve_event_date(text, date(2013, 1, 22))["start"] == "2013-01-20"


def test_since_a_day_and_weekend_and_next_week():
    expr = only("Fighting has continued since Saturday.", date(2016, 5, 3))
    assert (expr.relation, expr.start_date, expr.end_date) == ("since", day("2016-04-30"), day("2016-05-03"))
    expr = only("Clashes erupted over the weekend.", date(2016, 5, 3))
    assert (expr.start_date, expr.end_date, expr.precision) == (day("2016-04-30"), day("2016-05-01"), "week")
    expr = only("Talks are due to resume next week.")
    assert (expr.start_date, expr.end_date, expr.future) == (day("2016-05-02"), day("2016-05-08"), True)


def test_relative_expressions_stay_unresolved_without_a_publication_date():
    (expr,) = find_time_expressions("Rebels shelled the district on Sunday.", None)
    assert expr.start_date is None and expr.text == "on Sunday"


def test_any_text_is_read_without_error():
    from hypothesis import given, settings
    from hypothesis import strategies as st

    words = st.sampled_from(["on", "Sunday", "since", "until", "the", "end", "of", "Monday", "Dec.", "5", "27", "February", "2016",
                             "a", "ninth", "day", "over", "past", "nine", "days", "yesterday", "last", "week", "May", "may", "in",
                             "31/02/2016", "2016-02-30", "for", "another", "24", "hours", "from", "midnight", "will", ","])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(words, max_size=20), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))
    def check(tokens, published):
        text = " ".join(tokens)
        for x in find_time_expressions(text, published):
            assert text[x.start : x.end] == x.text
            assert x.precision in ("day", "week", "month", "year")
            if x.start_date and x.end_date:
                assert x.start_date <= x.end_date
        resolve_event_date(text, published)

    check()


# --------------------------------------------------------------------------- press releases


def test_release_date_from_dateline_heading_and_release_number():
    from ceasefire.resolve.dates import release_date

    assert release_date("KABUL, Afghanistan (Jan. 25, 2013)\nDuring a security operation ...") == day("2013-01-25")
    assert release_date("2011-11-S-001\nKABUL, Afghanistan (Nov. 1. 2011)\nA combined force ...") == day("2011-11-01")
    heading = "May 11: Afghan-ISAF Forces Conduct Operations in Southern Afghanistan\nISAF Joint Command - Afghanistan  2010-05-CA-039"
    assert release_date(heading) == day("2010-05-11")
    # a release numbered in December and dated "(Jan. 2)" went out in the new year
    assert release_date("2010-12-S-310 KABUL, Afghanistan (Jan. 2) - An Afghan and coalition force ...") == day("2011-01-02")
    # a number alone gives a month, not a day; a short dateline alone gives no year
    assert release_date("ISAF Joint Command- Afghanistan\n2012-03-S-117\nFor Immediate Release") is None
    assert release_date("KABUL, Afghanistan (Jan. 28) - An Afghan and coalition security force ...") is None


def test_heading_release_date_is_not_the_incidents_day():
    from ceasefire.resolve.dates import blank_heading_date

    heading = "June 20: Afghan-ISAF Operations in Eastern, Southern Afghanistan"
    assert resolve_event_date(blank_heading_date(heading), day("2010-06-20"), default_to_published=False) is None
    update = "ISAF Joint Command Morning Operational Update, Feb. 21, 2011"
    assert blank_heading_date(update).strip() == "ISAF Joint Command Morning Operational Update"
    assert len(blank_heading_date(update)) == len(update)  # offsets kept
    # a date inside a sentence is the sentence's, not a heading stamp
    told = "Four soldiers were killed on Highway 1 on August 31."
    assert blank_heading_date(told) == told


def test_lead_gives_the_day_to_the_headline_and_its_follow_ups():
    from ceasefire.resolve.dates import lead_date

    published = day("2010-09-04")  # a Saturday
    sentences = [
        "Taliban IED Facilitator Pursued in Paktiya Operation",
        "ISAF Joint Command - Afghanistan 2010-08-CA-043 For Immediate Release",
        "Afghan police captured a roadside bomb maker in Paktiya province Friday.",
        "Officers recovered two rifles and some ammunition nearby.",
    ]
    assert lead_date(sentences, published) == {"start": "2010-09-03", "end": "2010-09-03", "precision": "day"}
    # plans and spans are not a lead's day
    assert lead_date(["Talks will resume on Monday.", "Over the past week, 40 people were killed."], published) is None


def test_an_incident_weeks_before_the_lead_is_recalled_history():
    from ceasefire.resolve.dates import recalled

    lead = {"start": "2012-12-16", "end": "2012-12-16", "precision": "day"}
    assert recalled({"start": "2012-12-02", "end": "2012-12-02", "precision": "day"}, lead)  # "the Dec. 2 attack"
    assert recalled({"start": "2010-07-01", "end": "2010-07-31", "precision": "month"}, lead)
    assert not recalled({"start": "2012-12-14", "end": "2012-12-14", "precision": "day"}, lead)  # Friday's clash
    assert not recalled({"start": "2012-12-01", "end": "2012-12-16", "precision": "month"}, lead)  # a tally up to the lead
    assert not recalled(None, lead) and not recalled(lead, None)


def _release_events(text: str, published: date) -> list[dict]:
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    return extract_document(Document(text=text, published=published))["events"]


def test_release_headline_and_undated_follow_ups_take_the_leads_day():
    text = (
        "Afghan Force Detains Suspected Insurgents in Zabul\n\n"
        "KABUL, Afghanistan (Sept. 11) - Afghan police detained several suspected militants "
        "in Zabul province Friday while searching for a bomb maker.\n"
        "Following brief questioning on site, the patrol detained three more suspects."
    )
    events = _release_events(text, day("2010-09-11"))  # a Saturday
    assert events and all(e["date"]["start"] == "2010-09-10" for e in events)


def test_a_recalled_attack_is_background_and_does_not_date_the_operation():
    text = (
        "KABUL, Afghanistan (Dec. 16, 2012) - Afghan police arrested a weapons "
        "supplier during a search in Behsud district, Nangarhar province, today.\n"
        "The man had supplied the militants behind the Dec. 2 attack on "
        "a checkpoint near Torkham, which killed five people.\n"
        "Two suspected insurgents were detained during the operation."
    )
    events = _release_events(text, day("2012-12-16"))
    assert events[0]["date"]["start"] == "2012-12-16" and not events[0].get("background")
    old = [e for e in events if e.get("background")]
    assert old and old[0]["date"]["start"] == "2012-12-02"
    assert all(e["date"]["start"] == "2012-12-16" for e in events if not e.get("background"))


def test_a_statement_day_gives_way_to_the_day_of_the_arrest():
    published = day("2011-05-11")  # a Wednesday
    text = "Officials yesterday confirmed the arrest of a militia commander in Herat province on May 3."
    assert resolve_event_date(text, published)["start"] == "2011-05-03"
    text = "Police confirmed today that a bomb maker was detained in Kunduz on Sunday."
    assert resolve_event_date(text, published)["start"] == "2011-05-08"
    # a death reported on a day is dated to it
    assert resolve_event_date("Two guards were reported killed yesterday near the border.", published)["start"] == "2011-05-10"


def test_a_day_naming_another_attack_is_not_the_operations_day():
    published = day("2012-06-21")  # a Thursday
    text = "Police detained a man behind Monday's ambush on a convoy in Spin Boldak district today."
    assert resolve_event_date(text, published)["start"] == "2012-06-21"


def test_a_lead_that_dates_only_its_statement_takes_the_next_sentences_day():
    from ceasefire.resolve.dates import lead_date

    published = day("2012-03-14")  # a Wednesday
    sentences = [
        "Coalition officials today confirmed they recently detained three men in Balkh province.",
        "One of them, a weapons dealer, was arrested on Sunday.",
    ]
    assert lead_date(sentences, published)["start"] == "2012-03-11"
    # a day more than a week before the statement is history: the statement's day stands
    old = ["Coalition officials today confirmed they recently detained three men.", "The first was arrested on Feb. 20."]
    assert lead_date(old, published)["start"] == "2012-03-14"
    # "today confirmed the death of X, one of those behind the Jan. 9 attack, ... Monday"
    lead = ["Officials today confirmed the death of a commander behind the Jan. 9 attack on a base, in an operation Monday."]
    assert lead_date(lead, published)["start"] == "2012-03-12"


def test_an_operation_months_before_a_release_without_a_lead_day_is_history():
    text = (
        "KABUL, Afghanistan (July 30) - Afghan soldiers destroyed two roadside bombs during a "
        "three-day clearing operation near Spin Boldak.\n"
        "In May, militants attacked the same unit during a similar operation in the district, "
        "and the soldiers killed more than 20 of them."
    )
    events = _release_events(text, day("2010-07-30"))
    past = [e for e in events if e["date"]["precision"] == "month"]
    assert past and all(e.get("background") for e in past)


def test_a_toll_of_the_past_24_hours_is_dated_to_the_report_day():
    d = resolve_event_date("Several insurgents were killed during clearing operations over the past 24 hours.", date(2011, 1, 24))
    assert d == {"start": "2011-01-24", "end": "2011-01-24", "precision": "day"}


def test_a_lead_that_dates_only_another_event_takes_the_next_sentences_day():
    from ceasefire.resolve.dates import lead_date

    published = day("2012-09-17")  # a Monday
    sentences = [
        "Officials confirmed the death of the gunman behind the June 3 ambush on a supply convoy.",
        "He was killed in an air strike in Paktika province Saturday.",
    ]
    assert lead_date(sentences, published)["start"] == "2012-09-15"


def test_a_digest_release_is_dated_by_its_own_dateline():
    from ceasefire.resolve.dates import release_date

    # the digest's heading carries its own day; the text's "yesterday" counts from the dateline
    digest = ("Joint Command Operational Update, March 9, 2011\n2011-03-S-040\n"
              "KABUL, Afghanistan (March 8) - Coalition troops detained two suspects in Kunduz province yesterday.\n"
              "KABUL, Afghanistan (March 6, 2011) - A patrol found a weapons cache in Baghlan.")
    assert release_date(digest) == day("2011-03-08")
    # a dateline without a year takes it from a later one when nothing else gives it
    assert release_date("KABUL, Afghanistan (Dec. 30) - ... KABUL, Afghanistan (Jan. 2, 2011) - ...") == day("2010-12-30")


def test_the_day_of_an_attack_a_leader_is_held_responsible_for_is_not_the_raids_day():
    published = day("2011-03-16")  # a Wednesday
    text = ("Afghan police detained a militant commander responsible for an attack March 12 on a checkpoint "
            "during a search in Ghazni province yesterday.")
    assert resolve_event_date(text, published)["start"] == "2011-03-15"
    wanted = "Soldiers killed a gunman wanted for the kidnapping of two engineers on Sunday in a raid in Kunduz yesterday."
    assert resolve_event_date(wanted, published)["start"] == "2011-03-15"
    # a claim of responsibility tells the incident itself
    claim = "The group said on Monday that it was responsible for a car bombing near Azaz on Sunday."
    assert resolve_event_date(claim, published)["start"] == "2011-03-13"


def test_a_run_of_days_is_one_span_from_its_first_to_its_last_day():
    published = day("2011-03-20")

    def span(text: str) -> tuple[str, str, str]:
        d = resolve_event_date(text, published, default_to_published=False)
        return d["start"], d["end"], d["precision"]

    assert span("Fighting near Sangin between March 13 and 15 left nine militants dead.") == ("2011-03-13", "2011-03-15", "week")
    assert span("Shelling of the old town on March 3-5 destroyed the bakery.") == ("2011-03-03", "2011-03-05", "week")
    assert span("Roads to Taloqan were closed from 28 February to 2 March.") == ("2011-02-28", "2011-03-02", "week")
    assert span("Clashes went on between Dec. 30 and Jan. 2 in Kunar.") == ("2010-12-30", "2011-01-02", "week")
    assert span("Curfew was imposed between the 7th and 9th of March.") == ("2011-03-07", "2011-03-09", "week")
    # two separate days are not a run, and a count after a dash is no day
    assert span("Two bombs went off in Lashkar Gah on March 3 and 5.") == ("2011-03-03", "2011-03-03", "day")
    assert span("A convoy was hit on March 12 - 4 soldiers died.") == ("2011-03-12", "2011-03-12", "day")


def test_an_overnight_raid_on_a_named_day_is_dated_to_that_day():
    from ceasefire.resolve.dates import lead_date

    published = day("2010-10-13")  # a Wednesday
    text = "Officials confirmed the capture of a bomb maker during an overnight raid in Logar province Monday."
    assert resolve_event_date(text, published)["start"] == "2010-10-11"
    assert lead_date([text], published)["start"] == "2010-10-11"
    # with no day named, overnight is the night before publication; a named day that is the
    # publication day itself gives it no reason to give way
    assert resolve_event_date("Police detained three men overnight in Kunduz.", published)["start"] == "2010-10-12"
    assert resolve_event_date("Troops overnight cleared two villages near Kobane, the army said in a statement "
                              "dated Saturday 11 October.", day("2014-10-11"))["start"] == "2014-10-10"


def test_each_release_of_a_chain_counts_from_its_own_dateline():
    from types import SimpleNamespace

    from ceasefire.extract.events.dates import _item_published

    text = (
        "KABUL, Afghanistan (March 14, 2012) - Afghan police detained two men in Kunduz yesterday.\n"
        "KABUL, Afghanistan (March 17) - Officials confirmed today that one of the men is a bomb maker.\n"
        "He was moved to Kabul on Friday."
    )
    ctx = SimpleNamespace(text=text, published=day("2012-03-14"))
    first, second, third = (SimpleNamespace(end=text.index(s) + len(s)) for s in (
        "in Kunduz yesterday.", "is a bomb maker.", "on Friday."))
    assert _item_published(ctx, first) == day("2012-03-14")
    assert _item_published(ctx, second) == day("2012-03-17")
    assert _item_published(ctx, third) == day("2012-03-17")
    # one dateline: the report's own publication day (which may come from its metadata)
    single = SimpleNamespace(text=text.split("\n")[0], published=day("2012-03-15"))
    assert _item_published(single, first) == day("2012-03-15")


def test_a_night_across_two_days_is_dated_to_the_day_it_began():
    published = day("2020-04-08")

    def told(text: str) -> dict:
        return resolve_event_date(text, published, default_to_published=False)

    assert told("Overnight between 5 and 6 April, gunmen burned two shops in Djibo.") == {"start": "2020-04-05", "end": "2020-04-06", "precision": "day"}
    assert told("On the night of 2 to 3 April, a checkpoint near Mopti came under fire.")["start"] == "2020-04-02"
    assert told("Militias clashed on the night of April 6-7 near Beni.")["precision"] == "day"
    # without "the night of", "2 and 3 April" stays two days, and a week is no night
    two = told("Police dispersed marches on 2 and 3 April.")
    assert two["start"] == two["end"] and two["precision"] == "day"
    assert told("On the night of April 1-6 the road was closed.")["start"] == "2020-04-01"


def test_a_run_of_weekdays_is_one_span():
    published = day("2020-04-08")  # a Wednesday

    def told(text: str) -> tuple[str, str, str]:
        d = resolve_event_date(text, published, default_to_published=False)
        return d["start"], d["end"], d["precision"]

    assert told("Fighting went on around Sirte from Friday to Sunday.") == ("2020-04-03", "2020-04-05", "week")
    assert told("Air strikes hit Maarat al-Numan between Monday and Tuesday.") == ("2020-04-06", "2020-04-07", "week")
    # a run the clause looks ahead to starts on the coming day
    talks = resolve_event_date("Delegations will meet in Geneva from Monday to Wednesday.", published, default_to_published=False)
    assert (talks["start"], talks["end"]) == ("2020-04-13", "2020-04-15")
    # two days named apart stay apart
    assert told("Rockets fell on Monday and again on Tuesday.")[2] == "day"
