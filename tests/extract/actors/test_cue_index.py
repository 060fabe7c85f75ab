"""Cue phrases found at the end (or start) of a text, as whole words."""

from __future__ import annotations

from chronique.extract.actors.names import CueIndex


def cue_index() -> CueIndex:
    return CueIndex([("start-up", "ORG"), ("patron de", "PERSON"), ("réseau social", "ORG")], {"de": ["d'", "du"]})


def test_the_longest_cue_a_text_ends_with_gives_the_type():
    cues = cue_index()
    assert cues.type_at_end("la jeune start-up") == "ORG"
    assert cues.type_at_end("le premier réseau social") == "ORG"
    assert cues.type_at_end("le patron d'") == "PERSON"
    assert cues.type_at_end("le patron du") == "PERSON"


def test_a_text_that_ends_with_no_cue_has_no_type():
    cues = cue_index()
    assert cues.type_at_end("la start-up a dit") is None
    assert cues.type_at_end("le social") is None  # the last word of a cue, not the whole cue
    assert cues.type_at_end("") is None


def test_the_cue_a_text_starts_with():
    assert cue_index().type_at_start("réseau social américain") == "ORG"
