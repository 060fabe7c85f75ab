"""Cross-document identity: which stored entity an actor is, which stored event a telling is.

:mod:`~chronique.identity.entities` maps each document's actors to global entities;
:mod:`~chronique.identity.events` says when two tellings are one happening;
:mod:`~chronique.identity.ontology` gives each event type its codes and scores. Nothing here
imports spaCy or the extractors: the store and the ingest use it on plain records.
"""
