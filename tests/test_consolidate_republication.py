"""Republished wire stories: near-identical texts found without comparing every pair."""

from __future__ import annotations

import numpy as np

from ceasefire.consolidate import republication
from ceasefire.consolidate.core import Report, independent_sources
from ceasefire.consolidate.outlets import registry
from ceasefire.consolidate.republication import near_duplicate_pairs, signature, similarity

STORY = (
    "At least 23 civilians, including five children, were killed on Saturday when government aircraft dropped "
    "barrel bombs on the rebel-held town of Kafr Nabl in Idlib province, the Syrian Observatory for Human Rights "
    "said. The Britain-based monitor said the toll was likely to rise because dozens were wounded, some of them "
    "critically, and rescue workers were still searching the rubble of a market near the main mosque. Residents "
    "said the bombs fell minutes apart as shoppers gathered before evening prayers."
)
OUTLETS = ["Reuters", "Agence France-Presse", "Al Jazeera", "Anadolu Agency", "Xinhua", "The National"]


def copies(n: int) -> list[str]:
    """The story as n outlets carried it: each with its own dateline and credit line."""
    datelines = ["BEIRUT", "AMMAN", "ISTANBUL", "GAZIANTEP"]
    return [f"{datelines[i % 4]}, 21 May 2016 ({OUTLETS[i % 6]}, copy {i}) - {STORY}" for i in range(n)]


def test_signature_estimates_similarity_of_texts():
    a, b = copies(2)
    assert similarity(signature(a), signature(b)) >= republication.NEAR_DUPLICATE_JACCARD
    other = "A car bomb exploded near a checkpoint in Qamishli on Tuesday, killing four Kurdish security officers, the Asayish said."
    assert similarity(signature(a), signature(other)) < 0.2
    assert np.array_equal(signature(a), signature(a))  # the same in every process: fixed hash functions


def test_story_republished_by_300_outlets_is_one_source_in_about_one_comparison_per_copy(monkeypatch):
    calls = []
    real = republication.similarity
    monkeypatch.setattr(republication, "similarity", lambda a, b: calls.append(1) or real(a, b))
    reports = [Report(i, f"doc{i}", outlet=f"Outlet {i}", fingerprint=signature(t)) for i, t in enumerate(copies(300))]
    sources = independent_sources(reports, registry())
    assert len(sources) == 1
    assert len(sources[0]["documents"]) == 300
    assert len(calls) < 2 * 300  # pairwise would be 44,850 comparisons


def test_distinct_reports_of_one_incident_stay_separate_channels():
    texts = [
        STORY,
        "Syrian regime helicopters struck Kafr Nabl with barrel bombs on Saturday. Local activists said 23 civilians died "
        "in the market, among them five children, and the Idlib civil defence pulled survivors from collapsed shops.",
        "Government warplanes hit a crowded market in the Idlib town of Kafranbel, killing more than twenty people, "
        "opposition media reported, in one of the deadliest raids on the province this month.",
    ]
    pairs = list(near_duplicate_pairs([signature(t) for t in texts], joined=lambda i, j: False))
    assert pairs == []
