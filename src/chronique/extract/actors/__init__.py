"""Actors: knowledge-base matching, patterns for unknown names, descriptions and coreference.

:mod:`~chronique.extract.actors.component` is the spaCy component (``chronique_actors``) that
writes ``doc._.actor_mentions`` and ``doc._.entities``; the other modules are its engine.
"""
