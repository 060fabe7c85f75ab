"""The parts of the event extractor (``chronique.components.events``).

``lexicon`` loads the trigger words of a language, ``syntax`` and ``arguments`` read actors off
the dependency parse, ``modality`` and ``dating`` say how and when, ``discourse`` handles what
needs more than one sentence (quotes, replies, counterparts), ``ontology`` gives the scores.
"""
