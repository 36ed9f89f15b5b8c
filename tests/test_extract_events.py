"""Event detection and classification on short reports written like the wires and monitors write."""

from __future__ import annotations

from datetime import date

import pytest

from ceasefire.documents import Document
from ceasefire.extract import extract_document, validate
from ceasefire.extract.classify import classify_sentence, is_background


def _events(text: str, published: date = date(2016, 4, 30)):
    line = extract_document(Document(text=text, published=published))
    validate(line)
    return line["events"]


@pytest.mark.parametrize(
    ("sentence", "sub_event_type", "method"),
    [
        ("Dozens of people suffered suffocation after warplanes dropped bombs loaded with chlorine gas on Saraqeb.", "Chemical weapon", "chemical"),
        ("A suicide bomber blew himself up at a checkpoint near Azaz, killing eight people.", "Suicide bomb", "suicide_bomb"),
        ("Helicopters dropped barrel bombs on the Tariq al-Bab district, killing four civilians.", "Air/drone strike", "barrel_bomb"),
        ("Government forces shelled Douma with mortars and rockets on Sunday.", "Shelling/artillery/missile attack", "artillery"),
        ("A car bomb exploded near a market in Qamishli, wounding eleven people.", "Remote explosive/landmine/IED", "vehicle_bomb"),
        ("A shepherd was killed when he stepped on a landmine near Palmyra.", "Remote explosive/landmine/IED", "landmine"),
        ("Unidentified men hurled a grenade at a shop in Daraa city.", "Grenade", "grenade"),
        ("Fighters of the group raped two women detained at a checkpoint.", "Sexual violence", None),
        ("Gunmen abducted an aid worker on the road to Idlib.", "Abduction/forced disappearance", None),
        ("IS militants executed three men accused of spying in Mayadin.", "Attack", "execution"),
        ("Clashes broke out between rebels and regime forces on the outskirts of Hama.", "Armed clash", "unknown"),
        ("Rebels and regime forces exchanged gunfire on the outskirts of Hama.", "Armed clash", "small_arms"),
        ("Hundreds of residents demonstrated peacefully in Sweida to demand better services.", "Peaceful protest", None),
        ("Police fired tear gas to disperse protesters gathered outside the governor's office.", "Protest with intervention", None),
        ("Protesters burned tyres and blocked the main road into the town.", "Violent demonstration", None),
        ("A mob lynched a man accused of theft in the village square.", "Mob violence", "melee"),
        ("Army engineers defused an improvised explosive device planted on the highway.", "Disrupted weapons use", None),
        ("Turkish forces established a new military base near Atareb.", "Headquarters or base established", None),
        ("Militiamen looted shops and homes after the residents fled.", "Looting/property destruction", None),
        ("Government troops entered the town without resistance after rebels withdrew.", "Non-violent transfer of territory", None),
        ("Reinforcements arrived in Manbij as the coalition deployed more troops.", "Change to group/activity", None),
    ],
)
def test_sentence_is_coded_with_acled_sub_event_type(sentence, sub_event_type, method):
    [first] = _events(sentence)[:1]
    assert first["sub_event_type"] == sub_event_type
    assert first["method"] == method


def test_regime_forces_recapturing_a_town_is_government_regaining_territory():
    ev = _events("Regime forces recaptured the town of Kafr Nabuda after heavy clashes with rebels.")[0]
    assert ev["sub_event_type"] == "Government regains territory"


def test_rebels_seizing_a_village_is_a_non_state_actor_overtaking_territory():
    ev = _events("Rebels seized the village of Tal Malah from government forces on Friday.")[0]
    assert ev["sub_event_type"] == "Non-state actor overtakes territory"


def test_captured_insurgents_are_an_arrest_not_a_captured_place():
    assert classify_sentence("Coalition forces captured two suspected insurgents in Helmand.").sub_event_type == "Arrests"


def test_shot_dead_a_soldier_is_a_clash_shot_dead_a_farmer_is_an_attack():
    assert _events("Gunmen shot dead a regime soldier at a checkpoint in Daraa.")[0]["sub_event_type"] == "Armed clash"
    assert _events("Gunmen shot dead a farmer in his field near Daraa.")[0]["sub_event_type"] == "Attack"


@pytest.mark.parametrize(
    "sentence",
    [
        "Tehran said it would not urge its partner Damascus to halt the bombing.",
        "The army's lull in fighting covers only areas around the capital.",
        "Washington has accused the Syrian regime of predominantly targeting civilians.",
        "The opposition warned of new air strikes if the talks fail.",
    ],
)
def test_words_about_violence_are_not_incidents(sentence):
    assert classify_sentence(sentence) is None or all(
        e["event_type"] not in ("Battles", "Explosions/Remote violence", "Violence against civilians") for e in _events(sentence)
    )


def test_war_long_tally_is_background():
    assert is_background("Over 180000 people have been killed across Syria since the uprising began in 2011.")
    assert _events("Over 180000 people have been killed across Syria since the uprising began in 2011.") == []


def test_retold_attack_is_one_event_with_both_sentences_as_evidence():
    text = (
        "A car bomb killed at least 16 civilians outside a bakery in Qamishli on Tuesday.\n"
        "The attack also wounded dozens of people, a monitor said."
    )
    violent = [e for e in _events(text) if e["event_type"] == "Explosions/Remote violence"]
    assert len(violent) == 1
    assert len(violent[0]["evidence"]) == 2
    assert violent[0]["fatalities"]["total"]["best"] == 16


def test_conflicting_tolls_keep_the_first_report_of_the_incident():
    ev = _events("At least 22 people were killed in air strikes on Raqqa on Saturday, a monitor said.")[0]
    assert ev["fatalities"]["total"] == {"best": 22, "low": 22, "high": None, "qualifier": "at_least"}


def test_a_tally_over_days_is_flagged_as_aggregate_and_ranks_after_the_incident():
    text = (
        "At least five people were killed in air strikes on Aleppo on Saturday.\n"
        "About 250 civilians have been killed in nine days of bombing."
    )
    events = _events(text)
    assert not events[0].get("aggregate")
    tally = next(e for e in events if e.get("aggregate"))
    assert tally["aggregate"]["period"]["period"] == "nine days"


def test_protest_without_named_crowd_has_protesters_of_the_country_as_actor():
    ev = _events("Hundreds of residents demonstrated in Sweida city on Friday to demand the release of detainees.")[0]
    assert ev["actors"][0]["name"] == "Protesters (Syria)" and ev["actors"][0]["inter"] == 6


def test_every_event_points_back_to_its_sentence():
    text = "Syria: strikes hit Idlib\nWarplanes struck a market in Maarat al-Numan, killing 15 people, rescuers said."
    line = extract_document(Document(text=text, published=date(2016, 4, 30)))
    validate(line)
    for ev in line["events"]:
        for span in ev["evidence"]:
            assert "\n" not in span["text"]
            assert line["text"][span["start"]:span["end"]] == span["text"]


def test_the_side_that_died_in_a_clash_is_the_target():
    ev = _events("Some 17 Syrian rebels were killed in clashes with regime troops near Hama on Thursday, activists reported.")[0]
    assert ev["sub_event_type"] == "Armed clash"
    assert [a["name"] for a in ev["actors"] if a["role"] == "perpetrator"] == ["Military Forces of Syria (2000-)"]
    assert "Opposition Rebels (Syria)" in [a["name"] for a in ev["actors"] if a["role"] == "target"]
    assert ev["fatalities"]["total"]["best"] == 17


def test_share_of_a_weekly_tally_is_not_an_incident():
    from datetime import date

    from ceasefire.documents import Document
    from ceasefire.extract import extract_document

    text = (
        "The Syrian Observatory for Human Rights documented the deaths of 120 civilians in Idlib province over the past week.\n\n"
        "Of these, 70 were killed by air strikes on markets and hospitals."
    )
    line = extract_document(Document(text=text, published=date(2016, 5, 7)))
    share = [e for e in line["events"] if "Of these" in e["evidence"][0]["text"]]
    assert share, line["events"]
    assert share[0]["fatalities"]["total"]["best"] == 70
    assert share[0]["aggregate"] is not None  # a share of the week's tally, never an incident's toll


# --- ACLED's record conventions, who was harmed, the headline ------------------------------


@pytest.mark.parametrize(
    ("note", "sub_event_type"),
    [
        ("On 7 May 2020, around 300 teachers demonstrated in front of the ministry in Bamako to demand unpaid wages. [size=around 300]", "Peaceful protest"),
        ("On 8 May 2020, residents blocked the highway near the town to demand water deliveries. [size=no report]", "Peaceful protest"),
        ("On 8 May 2020, workers held a protest outside the factory. The police intervened to disperse them and detained 12 participants. [size=no report]", "Protest with intervention"),
        ("On 9 May 2020, youths demonstrated against the curfew in the market town. They burned tyres and threw stones at the police. [size=dozens]", "Violent demonstration"),
        ("On 9 May 2020, villagers beat a man accused of theft and handed him to the police. [size=no report]", "Mob violence"),
        ("On 4 May 2022, students held a vigil for a journalist who was killed in the city last month. [size=about 50]", "Peaceful protest"),
        ("Movement of forces: On 4 May 2020, a coalition convoy of 35 vehicles entered the province from the border crossing.", "Change to group/activity"),
        ("Property destruction: On 20 June 2022, soldiers set fire to houses in the village.", "Looting/property destruction"),
        ("Displacement: On 11 March 2021, about 900 families were displaced from two hamlets by shelling.", "Other"),
    ],
)
def test_acled_note_tags_declare_the_main_event(note, sub_event_type):
    ev = _events(note)[0]
    assert ev["sub_event_type"] == sub_event_type
    assert ev["salience"] == 1.0


def test_protest_about_a_killing_is_not_a_violent_demonstration():
    ev = _events("Hundreds of people marched through the city to demand justice for a teenager who was shot dead by police last week.")[0]
    assert ev["sub_event_type"] == "Peaceful protest"


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("A retired judge was shot dead by three gunmen on motorbikes outside his home.", "Attack"),
        ("Two men were shot dead by armed individuals travelling in a car.", "Attack"),
        ("Unidentified gunmen shot dead two soldiers at a checkpoint near Daraa.", "Armed clash"),
        ("Soldiers stormed a house and opened fire on a family, killing one civilian.", "Attack"),
        ("QSD forces backed by coalition helicopters detained an IS commander in the village.", "Armed clash"),
        ("The body of a man with gunshot wounds was found on the road out of the town.", "Attack"),
    ],
)
def test_whether_the_victim_could_fight_back_decides_attack_or_clash(sentence, sub_event_type):
    assert _events(sentence)[0]["sub_event_type"] == sub_event_type


@pytest.mark.parametrize(
    "sentence",
    [
        "Turkish-backed factions controlled Kastal Jindu village north of Afrin after two days of clashes with the SDF.",
        "Rebel forces battled regime forces in the hills near Latakia and took it over.",
    ],
)
def test_taking_a_place_by_fighting_is_territory(sentence):
    assert _events(sentence)[0]["sub_event_type"] == "Non-state actor overtakes territory"


def test_coalition_strikes_are_air_strikes():
    ev = _events("US-led coalition strikes killed 56 civilians near Manbij on Tuesday, a monitor said.")[0]
    assert (ev["sub_event_type"], ev["method"]) == ("Air/drone strike", "air_strike")


def test_headline_names_the_weapon_the_lead_leaves_out():
    text = "At least 25 civilians have been killed in Raqqa as international forces close in on the city, a monitor said."
    line = extract_document(Document(text=text, title="Scores of civilians killed in airstrikes on Raqqa", published=date(2016, 6, 22)))
    ev = line["events"][0]
    assert (ev["sub_event_type"], ev["method"]) == ("Air/drone strike", "air_strike")
    assert ev["fatalities"]["total"]["best"] == 25


def test_lead_that_sums_up_the_incident_takes_the_weapon_the_next_sentence_names():
    text = (
        "38 killed in Aleppo as regime carries out massacre of families escaping besieged districts.\n\n"
        "Regime warplanes struck the Bab al-Nairab neighbourhood on Tuesday morning, killing at least 25 civilians, mostly women and children."
    )
    ev = _events(text)[0]
    assert (ev["event_type"], ev["method"]) == ("Explosions/Remote violence", "air_strike")


def test_a_lead_that_says_dozens_takes_the_count_the_next_sentence_gives():
    text = ("Dozens Killed in Coalition Airstrikes on Manbij. Airstrikes led by the international coalition killed dozens "
            "of people in the Manbij countryside on Tuesday, activists said. The Syrian Observatory for Human Rights said "
            "that 56 civilians were killed in the raids on the villages north of the town.")
    ev = _events(text, date(2016, 7, 20))[0]
    assert ev["fatalities"]["total"]["best"] == 56
    assert len([e for e in ev["evidence"]]) >= 2


def test_a_lead_that_says_dozens_keeps_them_when_the_next_count_is_a_part():
    text = ("An attack killed dozens of people in Idlib province on Tuesday, activists said. "
            "Three people had died after being brought to hospitals across the border, the ministry said.")
    ev = _events(text, date(2017, 4, 6))[0]
    assert ev["fatalities"]["total"]["best"] == 12


def test_a_twin_bombing_is_a_blast_not_an_air_strike():
    ev = _events("A twin bombing struck a crowd in the Kurdish town of Qamishli on Wednesday, killing 44 people.", date(2016, 7, 27))[0]
    assert (ev["sub_event_type"], ev["method"]) == ("Remote explosive/landmine/IED", "explosive_device")
    # the air war's bombing stays an air strike
    ev = _events("Heavy regime bombing killed 12 civilians in Aleppo on Wednesday.", date(2016, 7, 27))[0]
    assert ev["sub_event_type"] == "Air/drone strike"


def test_a_report_about_a_tally_leads_with_the_tally():
    text = ("Fighting between rival rebel groups in Syria has killed 45 opposition fighters since Saturday, a monitor reported. "
            "The clashes broke out in the east of Deir el-Zour province at the weekend and went on until Monday.")
    events = _events(text, date(2014, 6, 9))
    violent = [e for e in events if e["event_type"] == "Battles"]
    assert violent[0].get("aggregate") and violent[0]["fatalities"]["total"]["best"] == 45


def test_an_attack_the_detained_commander_is_linked_to_is_not_the_operation():
    text = ("KABUL, Afghanistan (Sept. 1) - Afghan and coalition troops arrested a Taliban commander and three other suspects "
            "during a search in Kandahar province today. The commander is linked to an improvised explosive device "
            "attack that killed four soldiers on Tuesday.")
    events = _events(text, date(2010, 9, 1))
    recalled = [e for e in events if (e["fatalities"].get("total") or {}).get("best") == 4]
    assert recalled and all(e.get("background") for e in recalled)


def test_a_lead_that_counts_no_dead_takes_the_toll_the_report_gives_its_bombardment():
    text = ("Russian jets struck the northern neighbourhoods of Hama on Friday despite a three-day truce. "
            "The opposition delegation said Moscow could no longer claim to be a neutral broker of the talks. "
            "It urged the Security Council to act. "
            "At least 40 civilians were killed in the air and artillery strikes by Russian and government forces on the city "
            "and nearby villages, the Syrian Observatory for Human Rights said.")
    line = extract_document(Document(text=text, title="Russian Airstrikes Pound Hama despite Three-Day Truce", published=date(2016, 6, 17)))
    validate(line)
    lead = next(e for e in line["events"] if e["event_type"] == "Explosions/Remote violence")
    assert (lead["method"], lead["fatalities"]["total"]["best"]) == ("air_strike", 40)
    assert [e["start"] for e in lead["evidence"]][0] == 0 and len(lead["evidence"]) == 2


def test_a_report_that_counts_only_a_tally_leads_with_it_wherever_it_is_told():
    text = ("Government and Russian jets stepped up their bombing of Homs province, hitting clinics and bakeries. "
            "Local councils asked relief groups to send fuel and medicine to the towns under fire. "
            "They called on the United Nations to condemn the bombing. "
            "At least 48 civilians including 11 children have died in the bombing of Homs over the past week.")
    events = _events(text, date(2016, 6, 2))
    violent = [e for e in events if e["event_type"] in ("Battles", "Explosions/Remote violence", "Violence against civilians")]
    assert violent[0].get("aggregate") and violent[0]["fatalities"]["total"]["best"] == 48


def test_a_headline_in_the_present_tense_kills_its_count():
    ev = _events("Government forces kill 30 Islamic State militants near Palmyra", date(2017, 4, 19))[0]
    assert ev["fatalities"]["total"]["best"] == 30
    assert not any(e["event_type"] == "Battles" for e in _events("The group vowed to kill the men who had betrayed it.", date(2017, 4, 19)))


def test_the_dead_of_this_month_alone_are_a_tally_not_the_raid():
    text = ("KABUL, Afghanistan (Aug. 22) - Afghan and coalition troops arrested four suspected militants "
            "in Helmand province Saturday. In raids like this one, a dozen Taliban commanders have been seized "
            "and two were killed this month alone.")
    events = _events(text, date(2010, 8, 22))
    counted = [e for e in events if (e["fatalities"].get("total") or {}).get("best") == 2]
    assert counted and all(e.get("aggregate") for e in counted)


def test_a_helicopter_shot_down_with_its_crew_killed_is_a_clash_not_a_disrupted_weapon():
    text = ("Two Turkish pilots were killed when their helicopter was shot down by militants near the border town on Tuesday, "
            "the army said.")
    ev = _events(text, date(2016, 5, 17))[0]
    assert (ev["sub_event_type"], ev["fatalities"]["total"]["best"]) == ("Armed clash", 2)
    drone = _events("Air defences shot down a drone over the airport on Tuesday, the army said.", date(2016, 5, 17))[0]
    assert drone["sub_event_type"] == "Disrupted weapons use"


def test_strikes_answered_by_the_air_defences_are_an_armed_clash():
    text = ("Warplanes carried out airstrikes targeting army positions south of the city on Monday, while the army's air "
            "defences tried to intercept the missiles.")
    assert _events(text, date(2021, 6, 8))[0]["sub_event_type"] == "Armed clash"
    drone = _events("Air defences shot down a drone over the airport on Monday, the army said.", date(2021, 6, 8))[0]
    assert drone["sub_event_type"] == "Disrupted weapons use"


def test_airstrikes_on_the_town_where_a_battle_is_fought_are_the_battles():
    text = ("Government forces clashed with rebel fighters in the town of Kafr Zita on Monday amid heavy airstrikes. "
            "Helicopters dropped barrel bombs on Kafr Zita, killing four fighters.")
    events = [e for e in _events(text, date(2017, 3, 20)) if e["event_type"] in ("Battles", "Explosions/Remote violence")]
    assert [(e["sub_event_type"], e["fatalities"]["total"]["best"]) for e in events] == [("Armed clash", 4)]


def test_a_strike_told_before_any_fighting_leads_its_own_event():
    text = ("Airstrikes on the town of Kafr Zita killed nine civilians on Monday. "
            "Government forces later clashed with rebel fighters in Kafr Zita.")
    ev = _events(text, date(2017, 3, 20))[0]
    assert (ev["sub_event_type"], ev["fatalities"]["total"]["best"]) == ("Air/drone strike", 9)


def test_the_clashes_a_later_sentence_points_back_to_take_its_dead():
    text = ("Fighting broke out between the SDF and Islamic State fighters near Hajin on Friday. "
            "Coalition warplanes carried out airstrikes near Hajin on the same day. "
            "During the clashes, 4 SDF fighters were killed.")
    battle = next(e for e in _events(text, date(2018, 10, 12)) if e["event_type"] == "Battles")
    assert battle["fatalities"]["total"]["best"] == 4


def test_a_toll_over_two_provinces_is_a_tally_and_the_first_incident_told_leads():
    text = ("Ten civilians killed in rocket attacks on Aleppo and Homs.\n"
            "Seven civilians were killed when rockets fired by militants hit a residential neighbourhood of Aleppo city on Tuesday.\n"
            "Meanwhile three civilians were killed when shells hit a village in the countryside of Homs.")
    events = _events(text, date(2016, 9, 6))
    assert events[0]["fatalities"]["total"]["best"] == 7
    assert events[0]["location"]["admin1"] == "Aleppo"
    assert any(e.get("aggregate") and e["fatalities"]["total"]["best"] == 10 for e in events)


def test_gunmen_firing_on_a_patrol_fight_it_whoever_dies():
    ev = _events("Unidentified gunmen opened fire on an army patrol near the village, killing one person.", date(2020, 5, 2))[0]
    assert ev["sub_event_type"] == "Armed clash"
    vehicle = _events("Masked gunmen opened light-weapons fire at a regime army truck close to the village bakery.", date(2020, 5, 2))[0]
    assert vehicle["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebel fighters targeted a regime soldier on the front line north of the town, injuring him.",
        "Government forces and Islamist factions exchanged heavy machine-gun fire on the mountain front.",
        "Government forces continued to repel the advance of jihadist groups towards the town.",
        "Rebels managed to destroy an Islamic State position during clashes in the area.",
    ],
)
def test_fighting_told_in_other_words_is_an_armed_clash(sentence):
    assert _events(sentence, date(2022, 5, 12))[0]["sub_event_type"] == "Armed clash"


@pytest.mark.parametrize(
    ("note", "sub_event_type"),
    [
        ("On 4 March 2022, rioters clashed with soldiers during a raid on the refugee camp. Soldiers fired tear gas at the rioters. [size=no report]",
         "Mob violence"),
        ("On 6 May 2020, inmates rioted at the central prison, calling for their release. [size=no report]", "Violent demonstration"),
        ("On 28 April 2020, residents blocked the road with burning tyres to reject the power cuts. [size=no report]", "Violent demonstration"),
    ],
)
def test_a_crowd_that_demands_nothing_is_a_mob_not_a_demonstration(note, sub_event_type):
    from ceasefire.extract.classify import record_label

    assert record_label(note).sub_event_type == sub_event_type


@pytest.mark.parametrize(
    ("sentence", "sub_event_type"),
    [
        ("Government forces captured al-Salihiyah village following clashes with opposition rebels.", "Government regains territory"),
        ("Clashes continued between the army and rebel fighters in Arafa village, where government forces established control.",
         "Government regains territory"),
        ("Islamic State fighters shelled army positions with mortars, and the army responded by shelling the area with heavy artillery.",
         "Armed clash"),
        ("Fourteen soldiers were killed in two suicide-bomber attacks on an army checkpoint outside the provincial capital.", "Suicide bomb"),
        ("A landmine left from previous clashes exploded on the outskirts of the village, injuring a shepherd.",
         "Remote explosive/landmine/IED"),
        ("In an operation in Helmand province on Saturday, a combined security force captured a Taliban commander.", "Arrests"),
    ],
)
def test_more_ways_reports_tell_an_incident(sentence, sub_event_type):
    assert _events(sentence, date(2019, 12, 23))[0]["sub_event_type"] == sub_event_type


def test_a_later_report_of_more_dead_does_not_raise_the_leads_toll_of_civilians():
    text = ("An airstrike killed eight civilians in the town of Tabqa on Sunday, local media reported. "
            "Other reports said at least 14 people were killed by the airstrike.")
    assert _events(text, date(2017, 4, 30))[0]["fatalities"]["total"]["best"] == 8


def test_days_of_heavy_bombing_are_a_tally_not_the_leads_incident():
    text = ("Government bombardment of the besieged suburb killed eight civilians on Sunday. "
            "Six days of heavy bombing have killed at least 66 civilians in the region, the monitor said.")
    events = _events(text, date(2017, 11, 20))
    assert events[0]["fatalities"]["total"]["best"] == 8
    assert any(e.get("aggregate") and e["fatalities"]["total"]["best"] == 66 for e in events)


def test_gunmen_abducting_a_commander_fight_his_group():
    ev = _events("Unidentified gunmen abducted a local commander of the Sham Corps near the village on Tuesday.", date(2019, 4, 3))[0]
    assert ev["sub_event_type"] == "Armed clash"
    aid = _events("Gunmen abducted an aid worker on the road to Idlib.", date(2019, 4, 3))[0]
    assert aid["sub_event_type"] == "Abduction/forced disappearance"


def test_an_attack_fought_off_with_dead_is_an_armed_clash():
    text = "Government troops foiled an assault by militants on their posts near Palmyra, killing four of the attackers."
    ev = _events(text, date(2016, 6, 2))[0]
    assert (ev["event_type"], ev["sub_event_type"]) == ("Battles", "Armed clash")
    assert ev["fatalities"]["total"]["best"] == 4
    # a bomb stopped before it harms anyone is still a disrupted weapon
    assert _events("Police thwarted a bomb plot and defused two devices in Homs.", date(2016, 6, 2))[0]["sub_event_type"] == "Disrupted weapons use"


def test_an_incident_told_as_earlier_in_the_day_keeps_its_own_toll():
    text = ("At least eleven people were killed when a rocket hit a hospital in Aleppo on Tuesday. "
            "Earlier in the day, rebel rockets on the Midan district killed six people.")
    events = _events(text, date(2016, 5, 3))
    assert events[0]["fatalities"]["total"]["best"] == 11
    assert any(e["fatalities"]["total"] and e["fatalities"]["total"]["best"] == 6 for e in events[1:])


def test_a_trailing_list_of_other_stories_gives_no_events():
    text = ("Two soldiers were killed when militants attacked a checkpoint near Qaryatayn on Monday, the army said. "
            "The attackers fled towards the desert. ... 312 Related Car Bomb Kills 40 in Hasakah Market "
            "Air Strikes Kill 19 Civilians in Idlib Villages Tags Syria Homs Qaryatayn army")
    events = _events(text, date(2017, 3, 6))
    tolls = [e["fatalities"]["total"]["best"] for e in events if e["fatalities"]["total"]]
    assert tolls == [2]
    from ceasefire.extract.sentences import trailing_chrome_start
    assert text[trailing_chrome_start(text):].startswith("Related Car Bomb")
    # a "Related" heading in the lead of a page is not a trailing list
    lead = "Related Car Bomb Kills 40 in Hasakah Market. Two soldiers were killed near Qaryatayn on Monday, the army said. The attackers fled."
    assert trailing_chrome_start(lead) == len(lead)


def test_the_headlines_toll_picks_its_incident_among_battles_of_the_same_kind():
    text = ("Eight militants were killed in clashes near the Tishrin dam on Friday, a local agency said. "
            "On Thursday, Kurdish fighters killed 22 Islamic State militants in clashes around Tal Abyad, a monitor said.")
    line = extract_document(Document(text=text, title="Kurdish Fighters Kill 22 Militants near Tal Abyad", published=date(2016, 5, 21)))
    violent = [e for e in line["events"] if e["event_type"] == "Battles"]
    assert violent[0]["fatalities"]["total"]["best"] == 22


@pytest.mark.parametrize("sentence, anaphor", [
    ("Residents said the raids had been carried out by Russian warplanes flying from Hmeimim.", True),
    ("The Observatory said the strikes were carried out by Russian warplanes.", True),
    ("Russian warplanes pounded the market in Maarat al-Numan on Friday.", False),
])
def test_strikes_said_to_be_carried_out_by_warplanes_point_back_to_the_strikes_told(sentence, anaphor):
    from ceasefire.extract.events import _is_anaphor

    cl = classify_sentence(sentence)
    assert cl.trigger.text == "warplanes"
    assert _is_anaphor(sentence, cl) is anaphor


def test_a_sentence_run_into_the_next_without_its_full_stop_keeps_its_own_toll():
    # the scraper dropped the full stop before "According to": two sentences, each with its own toll
    text = ("Five civilians were killed on Friday in rocket attacks on several districts of Hama city According to a police source "
            "two people were killed in the Bab Qebli district. Another person was killed in the Arbaeen district.")
    events = _events(text, date(2016, 5, 6))
    assert events[0]["fatalities"]["total"]["best"] == 5
    from ceasefire.extract.sentences import split_sentences
    # a short subheading run into the sentence it heads stays with it
    assert len(split_sentences("Hospital staff According to a nurse the wards were full.")) == 1


def test_a_patrol_that_engages_the_insurgents_fights_a_clash():
    for sentence in ("The patrol engaged the enemy near the village of Sangin.",
                     "Coalition troops were engaged by insurgents west of the district centre.",
                     "The combined force had to engage the armed men before it could withdraw."):
        cl = classify_sentence(sentence)
        assert cl is not None and cl.sub_event_type == "Armed clash", sentence
    assert classify_sentence("His daughter was engaged to a teacher from Kabul.") is None


def test_a_tally_in_a_spokesmans_quote_does_not_lead_the_release():
    text = ("KABUL, Afghanistan (March 14) - Afghan and coalition forces clashed with insurgents and detained a Taliban "
            "facilitator in Zabul province Sunday. \"Operations like this one have removed many leaders, and three insurgents "
            "were killed this month alone,\" a spokesman said.")
    events = _events(text, date(2011, 3, 14))
    assert not events[0].get("aggregate")
    assert events[0]["date"]["start"] == "2011-03-13"


def test_a_title_case_dateline_does_not_date_the_strike():
    text = ("Kabul, Afghanistan (Dec. 9) - Coalition aircraft struck a group of militants near a training camp "
            "in Kunar province yesterday, killing four of them.")
    ev = _events(text, date(2009, 12, 9))[0]
    assert ev["date"]["start"] == "2009-12-08"


def test_bodies_found_once_the_firefight_ended_belong_to_the_firefight():
    # the sentence opens in the wake of the gun battle, not of the bomb told just before it
    text = ("KABUL, Afghanistan (May 3, 2011) - Insurgents and police fought a gun battle at a checkpoint in Nad Ali district, "
            "Helmand province. Later that morning a roadside bomb wounded two soldiers near Marjah. "
            "Once the firefight ended, the bodies of three insurgents were found near the checkpoint.")
    events = _events(text, date(2011, 5, 3))
    clash = next(e for e in events if e["sub_event_type"] == "Armed clash")
    assert clash["fatalities"]["total"]["best"] == 3
    bomb = next(e for e in events if e["sub_event_type"] == "Remote explosive/landmine/IED")
    assert bomb["fatalities"]["total"] is None


def test_an_operation_that_resulted_in_a_leaders_death_counts_him():
    text = ("KABUL, Afghanistan (Oct. 9, 2012) - On Sunday, an Afghan and coalition force conducted an operation in Shah Joy "
            "district, Zabul province, that resulted in the death of Mullah Karim, a Taliban weapons dealer.")
    ev = _events(text, date(2012, 10, 9))[0]
    assert ev["fatalities"]["total"]["best"] == 1
    assert ev["date"]["start"] == "2012-10-07"


def test_a_total_the_report_gives_of_its_days_strikes_is_the_leads_toll_over_its_parts():
    text = ("Warplanes struck several rebel-held towns in Idlib province early on Tuesday. "
            "At least 14 people were killed in air strikes and barrel bombs on Idlib province on Tuesday. "
            "Air raids believed to be Russian killed nine civilians in the town of Kafr Nabl, the Observatory said. "
            "Meanwhile five others were killed in barrel bombs on the town of Saraqeb.")
    events = _events(text, date(2016, 8, 2))
    assert events[0]["fatalities"]["total"]["best"] == 14


def test_another_days_toll_that_happens_to_add_up_is_not_the_leads_total():
    text = ("A suicide bomber killed four people at a hospital in Jableh on Sunday, a monitor said. "
            "Four soldiers were killed in clashes near Latakia on Thursday. "
            "On Saturday, eight people were killed when a barrel bomb hit a building in Aleppo.")
    events = _events(text, date(2016, 5, 23))
    assert events[0]["fatalities"]["total"]["best"] == 4


def test_rebels_fighting_a_side_is_who_the_victims_were_not_a_battle():
    cl = classify_sentence("Militants executed six men in Maskanah, four of them rebels fighting both the army and the Islamic State.")
    assert (cl.sub_event_type, cl.method) == ("Attack", "execution")
    assert classify_sentence("Heavy fighting raged between rebels and regime forces near Morek.").sub_event_type == "Armed clash"


def test_a_later_release_of_a_chain_dates_its_incident_from_its_own_dateline():
    # The second release is dated Saturday 17 March: its "Friday" is the 16th, not the Friday
    # before the chain's first release (9 March).
    text = (
        "KABUL, Afghanistan (March 14, 2012) - Afghan police detained two men in Kunduz yesterday.\n"
        "KABUL, Afghanistan (March 17, 2012) - A roadside bomb killed two Afghan police officers "
        "in Baghlan province on Friday, officials said."
    )
    line = extract_document(Document(text=text, published=date(2012, 3, 14)))
    bombs = [e for e in line["events"] if (e["fatalities"].get("total") or {}).get("best") == 2]
    assert bombs and bombs[0]["date"]["start"] == "2012-03-16"


def test_a_later_release_that_confirms_the_operation_gives_its_day():
    # The first release (Tuesday 12 June) says "today"; the follow-up of 15 June confirms the
    # same raid in the same province on Monday the 11th: the confirmed day is the operation's.
    text = (
        "KABUL, Afghanistan (June 12, 2012) - A coalition force killed two insurgents during a raid "
        "on a compound in Dand district, Kandahar province, today.\n"
        "KABUL, Afghanistan (June 15, 2012) - Coalition officials confirmed today that a Taliban "
        "commander was one of two insurgents killed during an operation in Dand district, Kandahar "
        "province, Monday."
    )
    events = _events(text, date(2012, 6, 12))
    assert events[0]["fatalities"]["total"]["best"] == 2
    assert events[0]["date"]["start"] == "2012-06-11"


def test_a_follow_up_on_another_province_or_weeks_later_leaves_the_first_day():
    raid = ("KABUL, Afghanistan (June 12, 2012) - A coalition force killed two insurgents during a raid "
            "on a compound in Dand district, Kandahar province, today.\n")
    elsewhere = raid + ("KABUL, Afghanistan (June 15, 2012) - Coalition officials confirmed today that two "
                        "insurgents were killed during a raid in Nad Ali district, Helmand province, Monday.")
    assert _events(elsewhere, date(2012, 6, 12))[0]["date"]["start"] == "2012-06-12"
    older = raid + ("KABUL, Afghanistan (June 15, 2012) - Coalition officials confirmed today that two "
                    "insurgents were killed during a raid in Dand district, Kandahar province, May 30.")
    assert _events(older, date(2012, 6, 12))[0]["date"]["start"] == "2012-06-12"


def test_one_town_spelled_two_ways_is_one_province_for_the_total():
    # the total and the part name the same town, hyphenated once and not once: a gazetteer
    # reading of either spelling must not keep the lead from its total
    from ceasefire.extract.events.lead import _same_day_and_province

    a = {"date": {"start": "2016-03-14"}, "location": {"name": "Al-Mayadin", "admin1": "Deir ez-Zor", "precision": "exact"}}
    b = {"date": {"start": "2016-03-14"}, "location": {"name": "Al Mayadin", "admin1": "Aleppo", "precision": "exact"}}
    c = {"date": {"start": "2016-03-14"}, "location": {"name": "Manbij", "admin1": "Aleppo", "precision": "exact"}}
    assert _same_day_and_province(a, b)
    assert not _same_day_and_province(a, c)


def test_a_floor_of_children_gives_way_to_the_incidents_count_of_everyone():
    text = ("The gas attack on Khan Tuman in Idlib province on Tuesday claimed the lives of at least 20 children, "
            "the UN children's agency said in a statement on Thursday. "
            "More than 300 people were injured. "
            "On Tuesday opposition groups said some 70 people were killed in the chemical attack in Idlib province.")
    ev = _events(text, date(2017, 4, 6))[0]
    assert ev["fatalities"]["total"]["best"] == 70
    assert ev["fatalities"]["children"]["best"] == 20


def test_an_exact_count_of_children_is_no_floor():
    text = ("A missile strike on the air base in Homs province killed four children living nearby, a source said on Friday. "
            "The provincial governor said five people were killed in the missile strike in Homs province on Friday.")
    ev = _events(text, date(2017, 4, 7))[0]
    assert ev["fatalities"]["total"]["best"] == 4


def test_related_headlines_after_the_agency_stamp_add_nothing_to_the_lead():
    from ceasefire.extract.events.figures import _without_related_headlines

    text = ("Air raids kill 9 in rebel-held Aleppo Monitor AFP Monday 4 Jul 2016 Car bomb kills 20 in Hasakeh monitor "
            "Minister says talks to resume Air raids killed at least nine civilians in Aleppo on Monday a monitor said.")
    out = _without_related_headlines(text)
    assert len(out) == len(text) and "kills 20" not in out and "at least nine civilians" in out
    assert "Air raids kill 9" in out
    # a lead without a count of its own keeps its text
    bare = "Strikes hit Idlib Monitor AFP Monday 4 Jul 2016 Car bomb kills 20 in Hasakeh monitor Warplanes pounded the town."
    assert _without_related_headlines(bare) == bare
    ev = _events(text, date(2016, 7, 4))[0]
    assert ev["fatalities"]["total"]["best"] == 9


def test_an_exact_count_told_later_pins_down_the_leads_round_figure():
    text = ("Nearly 50 soldiers died when rebels blew up an arms depot near the airport of Hama on Tuesday. "
            "The monitor said 47 soldiers were killed in the blast, which flattened two buildings.")
    ev = _events(text, date(2016, 6, 8))[0]
    assert ev["fatalities"]["total"]["best"] == 47
    assert ev["fatalities"]["total"]["qualifier"] == "exact"
    # a count of another group, or one far from the round figure, leaves the lead's toll
    other = ("About 40 people were killed in air strikes on the market of Saraqeb on Monday. "
             "The monitor said 38 civilians were killed in the strikes.")
    assert _events(other, date(2016, 6, 8))[0]["fatalities"]["total"]["best"] == 40
    far = ("Around 40 people were killed in air strikes on the market of Saraqeb on Monday. "
           "Rescuers said 25 people were killed in the strikes.")
    assert _events(far, date(2016, 6, 8))[0]["fatalities"]["total"]["best"] == 40


def test_a_headline_run_into_its_dateline_ends_before_the_date():
    from ceasefire.extract.sentences import split_sentences

    text = ("Shells kill five civilians in markets of Homs and Hama 12 March 2017 A police source in Homs said three "
            "civilians were killed when a shell hit the vegetable market. Two more died in Hama.")
    assert [s.text[:20] for s in split_sentences(text)][:2] == ["Shells kill five civ", "12 March 2017 A poli"]
    # a weekday goes with its date; a date after a preposition is the headline's own
    assert split_sentences("Bomb kills 12 soldiers near Idlib checkpoint says monitor Tuesday 6 May 2014 About 12 soldiers died.")[1].text.startswith("Tuesday 6 May")
    assert len(split_sentences("Rebels pushed into the northern districts of the town on 12 March 2017 Syrian state media said.")) == 1
    ev = _events(text, date(2017, 3, 12))[0]
    assert ev["fatalities"]["total"]["best"] == 3
    assert ev["location"]["admin1"] in ("Homs", "Ḩimş")


@pytest.mark.parametrize("headline", ["Clashes kill 90 near Palmyra", "Clashes kill 125 near Palmyra"])
def test_a_lead_that_breaks_the_headline_s_toll_down_gives_the_incident_s_toll(headline):
    lead = "Clashes between rebels and regime forces near Palmyra killed some 90 fighters and 35 others, the monitor said."
    run_in = _events(f"{headline}. {lead}", date(2016, 5, 2))[0]
    assert run_in["fatalities"]["total"]["best"] == 125
    line = extract_document(Document(text=f"Mon 02 May 2016 {headline}. {lead}", title=headline, published=date(2016, 5, 2)))
    assert line["events"][0]["fatalities"]["total"]["best"] == 125


def test_a_list_two_sentences_after_the_headline_does_not_take_its_toll():
    text = ("Air strike kills 12 in Idlib. An air strike on a market in Idlib on Monday killed 12 people, the monitor said. "
            "Clashes nearby killed 12 soldiers and 5 rebels.")
    assert _events(text, date(2016, 5, 2))[0]["fatalities"]["total"]["best"] == 12


def test_a_toll_across_the_country_is_a_tally_and_the_slain_of_one_strike_lead():
    text = ("More than 90 militants killed in army operations across the country. "
            "State media said on Tuesday that warplanes struck hideouts of the militants in the town of Saraqeb in Idlib province. "
            "The agency said at least 40 militants were slain.")
    events = [e for e in _events(text, date(2016, 2, 16)) if e["event_type"] != "Strategic developments"]
    tally = next(e for e in events if e.get("aggregate"))
    assert tally["fatalities"]["total"]["best"] == 90
    assert events[0]["fatalities"]["total"]["best"] == 40 and not events[0].get("aggregate")
    assert classify_sentence("Five gunmen were slain in the raid.") is not None


def test_the_other_side_s_dead_told_next_with_another_join_the_toll():
    text = ("At least 140 jihadists had been killed in clashes with government forces for the town of Tal Tamr, the monitor said on Tuesday. "
            "Another 60 soldiers and pro-government militiamen were also killed.")
    assert _events(text, date(2015, 7, 28))[0]["fatalities"]["total"]["best"] == 200
    # a toll of civilians does not take fighters told after it
    civ = ("At least 14 civilians were killed in air strikes on the town of Tal Tamr, the monitor said on Tuesday. "
           "Another 6 soldiers were also killed.")
    assert _events(civ, date(2015, 7, 28))[0]["fatalities"]["total"]["best"] == 14


def test_another_of_the_same_side_named_as_another_joins_the_toll():
    text = ("Government forces shelled militant positions in the hills near Zabadani, killing the militant commander Abu Hamza, sources said. "
            "The sources added that another militant leader was also killed in the shelling.")
    assert _events(text, date(2014, 11, 15))[0]["fatalities"]["total"]["best"] == 2


def test_martyrs_counted_by_a_headline_are_dead():
    ev = _events("12 martyrs from the village of Kafr Zeita escorted from the national hospital in Hama.", date(2017, 4, 25))[0]
    assert ev["fatalities"]["total"]["best"] == 12
    assert classify_sentence("Many civilians martyred as shells hit the old city.") is not None
    assert classify_sentence("Fighters of the Idlib Martyrs Brigade gathered in the square.") is None


def test_a_headline_s_count_of_the_companions_takes_the_lead_s_one_person_and_his_men():
    text = ("Mon 18 Jul 2016 Senior IS Commander 20 Militants Killed in Clashes near Manbij. "
            "A local emir of the group and at least 20 of his comrades were killed in clashes near Manbij.")
    line = extract_document(Document(text=text, title="Senior IS Commander 20 Militants Killed in Clashes near Manbij", published=date(2016, 7, 18)))
    assert line["events"][0]["fatalities"]["total"]["best"] == 21
