"""What counts as a source written out in words."""

from __future__ import annotations

import pytest

from healthlint.claims.sources import names_source as _names_source


@pytest.mark.parametrize(
    "text",
    [
        "(Smith et al., 2019)",
        "doi:10.1000/xyz123",
        "a 2019 study in JAMA",
        "the study was published in the Lancet",
        "according to the study, published Oct. 25 in the European Heart Journal",
        "a study in the Annals of Thoracic Surgery found",
        "new research in Neurology suggests",
        "Lehnert presented the findings here at the annual meeting of the society.",
        "researchers at Duke University",
        "The findings appear in the Oct. 9, 2012, issue of Neurology.",
        "SOURCE: Circulation, online November 22, 2016.",
        "SOURCE: bit.ly/2hYh4Iq",
        "read it at https://example.org/study",
        "the team reports in the journal Spine",
        "The five-year survival rate is 16%. Source: American Cancer Society",
    ],
)
def test_sources_named_in_words(text: str) -> None:
    assert _names_source(text)


@pytest.mark.parametrize(
    "text",
    [
        "a study in Denmark found",
        "research in heart patients shows",
        "studies have shown",
        "the researchers found that",
        "Source of the trouble: the 2019 floods",
        "the results were as expected",
        # Which journal is the whole point.
        "the team reports in the journal this week",
    ],
)
def test_what_does_not_name_a_source(text: str) -> None:
    assert not _names_source(text)
