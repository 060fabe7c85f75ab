"""The shared ``Doc`` layer every extractor stands on.

The ``Doc`` extensions chronique's components read and write, the one actor index ("which actor
is at this token?"), sentence presetting, and the dependency-label sets of each annotation scheme.
Nothing here knows about a particular concern (quotes, events…): the extractors in
:mod:`chronique.extract` build on it.
"""
