from kg.iri import geonames, mint, slug
from kg.vocab import NKR


def test_iri_mint_is_deterministic_and_under_nkr():
    a = mint("person", "Annalena Baerbock")
    assert a == mint("person", "Annalena Baerbock")
    assert str(a).startswith(str(NKR))
    assert str(a).endswith("person/annalena-baerbock")


def test_iri_slug_folds_accents_and_punctuation():
    assert slug("Ta’ang National Liberation Army") == "taang-national-liberation-army"
    assert slug("Kyïv") == "kyiv"
    assert slug("???")  # never empty


def test_iri_geonames_form():
    assert str(geonames(706483)) == "https://sws.geonames.org/706483/"
