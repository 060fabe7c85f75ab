"""The parts of the event extractor (``chronique.extract.events.component``).

``lexicon`` loads the trigger words of a language, ``syntax`` and ``arguments`` read actors off
the dependency parse, ``modality`` and ``dating`` say how and when, ``discourse`` handles what
needs more than one sentence (quotes, replies, counterparts), ``ontology`` gives the types'
codes and scores, ``scoring`` turns a score by its context, ``identity`` says when two tellings
are one happening (used by the store; neither of the last two needs spaCy).
"""
