"""Attribution: who said it, through whom (outlet first, original speaker last), and how sure."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.resolve.attribution import attribute, certainty

SOHR_SENTENCE = ("The Syrian Observatory for Human Rights, which tracks the war from abroad, said seven people died "
                 "in what are thought to have been government airstrikes on opposition-held suburbs.")
KURALENKO_SENTENCE = ("“Talks are now under way on a similar pause in the fighting around Idlib,” Interfax news agency "
                      "quoted General Sergei Kuralenko, head of Russia’s truce monitoring centre in Syria, as saying.")


def test_observatory_said_and_believed_government_airstrikes():
    att = attribute(SOHR_SENTENCE)
    assert att["sources"] == ["Syrian Observatory for Human Rights"]
    assert att["chain"] == ["Syrian Observatory for Human Rights"]
    assert att["certainty"] == "believed"


def test_kuralenko_quote_reached_us_through_interfax():
    att = attribute(KURALENKO_SENTENCE)
    assert att["sources"] == ["Sergei Kuralenko"]
    assert att["chain"] == ["Interfax", "Sergei Kuralenko"]
    assert att["affiliations"]["Sergei Kuralenko"] == "Russian Centre for Reconciliation of Opposing Sides in Syria"
    assert att["certainty"] == "reported"


def test_chain_starts_with_the_outlet_we_read():
    att = attribute(KURALENKO_SENTENCE, outlet="Euronews")
    assert att["chain"] == ["Euronews", "Interfax", "Sergei Kuralenko"]


def test_plain_statement_is_the_outlets_own_assertion():
    assert attribute("Rebels have also shelled government-held areas.", outlet="Euronews") == {
        "sources": ["Euronews"], "chain": ["Euronews"], "certainty": "asserted"}
    assert attribute("Rebels have also shelled government-held areas.") == {"sources": [], "chain": [], "certainty": "asserted"}


def test_washington_has_accused_the_regime_is_an_allegation():
    text = ("As its envoys prepared for a new round in Vienna, Washington has accused the "
            "Syrian regime of aiming its shells mostly at civilian homes.")
    att = attribute(text)
    assert att["sources"] == ["Government of the United States"] and att["certainty"] == "alleged"


def test_russia_and_the_syrian_authorities_say_the_calm_was_extended():
    text = "Russia and the Syria authorities say the truce in Eastern Ghouta will now hold for two more days, until Friday night."
    att = attribute(text)
    assert att["sources"] == ["Government of Russia (2000-)", "Government of Syria (2000-)"]
    assert att["certainty"] == "reported"


def test_icrc_says_with_acronym_in_brackets():
    att = attribute("The International Committee of the Red Cross (ICRC) says its first lorries of flour reached Douma this week.")
    assert att["sources"] == ["International Committee of the Red Cross"]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("According to SANA, 12 people were killed by rebel shelling in Damascus.", ["SANA"]),
        ("State media reported that terrorists fired mortars on Damascus.", ["SANA"]),
        ("Activists said the strike hit a hospital in Idlib.", ["activists"]),
        ("SOHR said 30 fighters were killed.", ["Syrian Observatory for Human Rights"]),
        ("Moscow said on Tuesday that its jets would keep flying over Hama.", ["Government of Russia (2000-)"]),
        ("John Smith, a local council official, said the convoy arrived.", ["John Smith"]),
        ("The convoy arrived on Friday, the Syrian Arab Red Crescent said.", ["Syrian Arab Red Crescent"]),
    ],
)
def test_who_said_it(text, sources):
    att = attribute(text)
    assert att["sources"] == sources and att["certainty"] == "reported"


def test_told_reuters_puts_the_outlet_before_the_speaker():
    att = attribute("SOHR head Rami Abdulrahman told Reuters that 30 fighters were killed.")
    assert att["chain"] == ["Reuters", "Rami Abdulrahman"]
    assert att["affiliations"] == {"Rami Abdulrahman": "Syrian Observatory for Human Rights"}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The army denied targeting civilians.", "denied"),
        ("The ministry rejected reports that its jets struck a market.", "denied"),
        ("Rebels claimed they shot down a helicopter.", "alleged"),
        ("The opposition alleged that chlorine was used.", "alleged"),
        ("The blast was thought to have been caused by a car bomb.", "believed"),
        ("The attackers are suspected to be Islamic State fighters.", "believed"),
        ("The strike was likely carried out by Russian jets.", "believed"),
        ("Medics said four people died.", "reported"),
        ("Government forces shelled Daraya.", "asserted"),
        # who the victims are said to be, and a toll's idiom, hedge nothing
        ("Soldiers shot three relatives of alleged insurgents at a checkpoint.", "asserted"),
        ("The overnight fighting claimed the lives of 12 fighters.", "asserted"),
        ("The army said the alleged attack never happened.", "alleged"),
    ],
)
def test_certainty_ladder(text, level):
    assert certainty(text) == level
    assert attribute(text)["certainty"] == level


def test_speaker_from_the_parse_when_patterns_find_nobody():
    from ceasefire.nlp import load_pipeline

    text = "The spokesperson of the local council in Douma reported that the bakery was destroyed."
    doc = load_pipeline()(text)
    att = attribute(text, span=doc[:])
    assert att["certainty"] == "reported"
    assert att["sources"]  # someone is named as the teller


def test_a_span_that_is_not_a_parse_is_ignored():
    assert attribute("Government forces shelled Daraya.", (0, 33))["certainty"] == "asserted"


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("The UK-based Syrian Observatory for Human Rights says shelling lasted until dawn.", ["Syrian Observatory for Human Rights"]),
        ("The Syrian interior ministry said on Friday that three men in explosive belts took part.", ["Government of Syria (2000-)"]),
        ("The Russian coordination center in Hmeimim stated on Wednesday that 7 violations were logged.",
         ["Russian Centre for Reconciliation of Opposing Sides in Syria"]),
        ("Fighting continued in the east, a monitoring group said.", ["monitoring group"]),
    ],
)
def test_speakers_of_syrian_war_reports(text, sources):
    assert attribute(text)["sources"] == sources


def test_weakest_hedge_wins():
    from ceasefire.resolve.attribution import weakest

    assert weakest("reported", "believed") == "believed"
    assert weakest("asserted", None, "alleged") == "alleged"
    assert weakest() == "asserted"


def _events(text: str, published):
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    return extract_document(Document(text=text, published=published))["events"]


def test_author_named_in_the_next_sentence_keeps_its_hedge():
    from datetime import date

    (ev, *_) = _events(
        "At least 12 civilians were killed in air strikes on two rebel-held neighbourhoods of Aleppo on Thursday, a monitor said. "
        "The strikes are believed to have been carried out by Russian jets.",
        date(2016, 7, 14),
    )
    assert ev["actors"][0] == {"name": "Military Forces of Russia (2000-)", "role": "perpetrator", "inter": 8, "country": "RU"}
    assert ev["attribution"]["certainty"] == "believed"


def test_incident_told_without_its_author_borrows_the_one_the_report_gives():
    from datetime import date

    events = _events(
        "Nine civilians, four of them children, died when barrel bombs fell on the al-Shaar quarter of Aleppo late on Tuesday. "
        "Residents said government helicopters dropped the barrel bombs on the rebel-held quarter.",
        date(2016, 8, 25),
    )
    main = events[0]
    assert main["actors"][0]["name"] == "Military Forces of Syria (2000-)" and main["actors"][0]["role"] == "perpetrator"
    assert main["attribution"]["certainty"] in ("reported", "believed")


def test_a_later_sentence_that_says_who_carried_out_the_strikes_names_their_author():
    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    text = ("Seventeen people, six of them women, died when air raids hit a Daesh-held town on the Euphrates early on Monday, a monitor said. "
            "The Syrian Observatory for Human Rights said it could not tell whether Syrian regime or Russian jets were behind the raids on Al-Bukamal.")
    ev = extract_document(Document(text=text, published=date(2016, 9, 15)))["events"][0]
    assert ev["actors"][0] == {"name": "Allied Syrian and/or Russian Forces", "role": "perpetrator", "inter": 1, "country": "SY"}
    assert ev["attribution"]["certainty"] == "believed"
    unknown = ("Air strikes on a market in the rebel-held city of Idlib killed 24 people on Saturday, a monitor said. "
               "It was still unclear who carried out the raids, which also damaged a school.")
    ev = extract_document(Document(text=unknown, published=date(2016, 9, 10)))["events"][0]
    assert not [a for a in ev["actors"] if a["role"] == "perpetrator" and not a["name"].startswith("Unidentified")]
