"""A participle set off after a name, which the parser hung on the main verb (tenth session).

Every sentence here was written for this test (other actors and subjects than any evaluation
text). "…, dirigée par Y" after a name is said of that name, a person's role only.
"""

from __future__ import annotations

import pytest

from tests.extract.relations.test_possessors_s10 import found, french_nlp  # noqa: F401  (fixture)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le documentaire est coproduit par la société Calt Studio, dirigée par Jean-Yves Robin.",
         {("ROLE", "person:Jean-Yves Robin", "org:Calt Studio", "ceo")}),
        # quiet: an organisation's part in another is no role, and no parent is read this way
        ("Kelvane a racheté lundi la start-up Sorela, détenue partiellement par le groupe Brixel.", set()),
    ],
)
def test_a_participle_after_a_name_is_said_of_it(french_nlp, text, expected):  # noqa: F811
    assert {r for r in found(french_nlp, text) if r[0] in ("ROLE", "PART_OF")} == expected
