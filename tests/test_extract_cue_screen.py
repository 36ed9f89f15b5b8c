"""The cue screen (extract/lexicon.py) skips a cue on a sentence only when the cue cannot match
there: it must never change what the classifier finds, only how fast."""

from __future__ import annotations

import re

from ceasefire.extract.lexicon import cues_for, event_lexicon, literal_prefixes

SENTENCES = [
    "At least five people were killed in air strikes on Aleppo on Saturday, the Syrian Observatory said.",
    "Government helicopters dropped barrel bombs on Khan Shaykhun, killing four people.",
    "A car bomb exploded near a checkpoint in Azaz, wounding 12.",
    "Rebels shelled the government-held district of al-Midan with mortars on Friday.",
    "Hundreds of residents demonstrated in Kafr Nabl against the siege of Madaya.",
    "Islamic State fighters beheaded two men accused of spying in Raqqa.",
    "A suicide bomber blew himself up at a wedding in Hasakeh late on Monday.",
    "Gunmen abducted a local council member in Daraa; his body was found two days later.",
    "Regime forces recaptured the town of Khan Touman after heavy clashes with the Army of Conquest.",
    "Police fired tear gas at protesters in Beirut who blocked the road with burning tyres.",
    "A joint UN and Red Crescent convoy of 30 trucks entered al-Waer on Friday.",
    "The ceasefire was largely holding across Homs province on Saturday, residents said.",
    "Syrian warplanes carried out 40 AIR-STRIKES on the eastern Ghouta overnight.",  # case folds
    "A drone strike hit a car in the İdlib countryside, killing three HTS members.",  # dotted capital I
    "Sarin gas was used in the attack, the OPCW said.",
    "Landmine left by IS killed a shepherd near Palmyra.",
]


def test_every_cue_that_matches_a_sentence_is_admitted_by_the_screen():
    lex = event_lexicon()
    for text in SENTENCES:
        admitted = {id(c) for c in cues_for(text)}
        for cue in lex.cues:
            if cue.pattern.search(text):
                assert id(cue) in admitted, f"{cue.name} matches {text!r} but was screened out"


def test_the_screen_skips_cues_a_sentence_cannot_match():
    # A quiet sentence admits far fewer cues than the lexicon has: that is the saving.
    quiet = "The committee will meet again in Geneva next month to discuss the constitution."
    assert len(cues_for(quiet)) < len(event_lexicon().cues) / 2


def test_literal_prefixes_of_a_pattern_begin_every_match():
    pattern = re.compile(r"\b(air[- ]?strikes?|warplanes?|barrel bombs?)\b", re.I)
    prefixes = literal_prefixes(pattern)
    assert prefixes is not None
    for text in ("airstrike", "air-strikes", "Warplanes", "barrel bomb"):
        assert any(text.lower().startswith(p) for p in prefixes), text
    assert literal_prefixes(re.compile(r"\w+ killed", re.I)) is None  # any word may start it: no screen
