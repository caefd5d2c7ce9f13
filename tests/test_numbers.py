import pytest

from kg.resolve.numbers import Count, parse_count, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [
        ("three", 3),
        ("Eleven", 11),
        ("twenty-one", 21),
        ("twenty one", 21),
        ("ninety-nine", 99),
        ("one hundred and five", 105),
        ("a hundred and twenty", 120),
        ("two hundred", 200),
        ("twelve hundred", 1200),
        ("forty-two thousand five hundred", 42500),
        ("a hundred thousand", 100000),
        ("11", 11),
        ("1,200", 1200),
        ("12,450", 12450),
        ("1\u202f350", 1350),
        ("1.5 million", 1500000),
        ("2.3m", 2300000),
        ("3bn", 3000000000),
        ("3 million", 3000000),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a dozen", 6),
        ("a half-dozen", 6),
        ("half a million", 500000),
        ("a", 1),
        ("an", 1),
        ("another", 1),
        ("one", 1),
        ("zero", 0),
        ("2021", 2021),
        ("hundreds", None),
        ("dozens", None),
        ("third", None),
        ("1.5", None),
        ("three people", None),
        ("", None),
        ("the", None),
    ],
)
def test_numbers_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, lo, hi, vague",
    [
        # exact figures, words and digits
        ("five soldiers", 5, 5, False),
        ("Seven people", 7, 7, False),
        ("42 civilians", 42, 42, False),
        ("1,350 fighters", 1350, 1350, False),
        ("twenty-three villagers", 23, 23, False),
        ("one hundred and twelve people", 112, 112, False),
        ("two dozen passengers", 24, 24, False),
        ("half a dozen children", 6, 6, False),
        ("a dozen", 12, 12, False),
        ("a total of 58", 58, 58, False),
        ("another 14 people", 14, 14, False),
        ("a further three", 3, 3, False),
        ("an additional 2,500 troops", 2500, 2500, False),
        ("the four aid workers", 4, 4, False),
        ("2000 people", 2000, 2000, False),
        ("1.2 million refugees", 1200000, 1200000, False),
        # one and none
        ("an employee", 1, 1, False),
        ("a paramedic", 1, 1, False),
        ("another life", 1, 1, False),
        ("one child", 1, 1, False),
        ("A woman", 1, 1, False),
        ("a single shell", 1, 1, False),
        ("a 10-year-old boy", 1, 1, False),
        ("no one", 0, 0, False),
        ("Nobody", 0, 0, False),
        ("none", 0, 0, False),
        # lower bounds
        ("at least 27 people", 27, None, False),
        ("At least one", 1, None, False),
        ("no fewer than 15", 15, None, False),
        ("no less than 80", 80, None, False),
        ("a minimum of 40", 40, None, False),
        ("more than 150", 151, None, False),
        ("over 70 people", 71, None, False),
        ("upwards of 300", 301, None, False),
        ("in excess of 1,000", 1001, None, False),
        ("more than a dozen", 13, None, False),
        ("over a hundred", 101, None, False),
        ("50 or more", 50, None, False),
        ("40,000-plus", 40000, None, False),
        # approximations
        ("nearly 200", 190, 200, True),
        ("almost 40", 38, 40, True),
        ("close to 3,000", 2850, 3000, True),
        ("just under 20", 19, 20, True),
        ("nearly a dozen", 11, 12, True),
        ("about 50", 45, 55, True),
        ("around 120", 108, 132, True),
        ("approximately 1,500", 1350, 1650, True),
        ("roughly 80", 72, 88, True),
        ("some 300 families", 270, 330, True),
        ("an estimated 2,000", 1800, 2200, True),
        ("at about 70", 63, 77, True),
        ("about a dozen", 10, 14, True),
        ("roughly 1.2 million", 1080000, 1320000, True),
        ("100-odd", 90, 110, True),
        ("just over 100", 101, 105, True),
        # upper bounds
        ("up to 40", 20, 40, True),
        ("as many as 25", 13, 25, True),
        ("fewer than 10", 1, 9, True),
        ("less than 20", 1, 19, True),
        ("under 5", 1, 4, True),
        ("at most 8", 1, 8, True),
        # ranges
        ("between 10 and 20", 10, 20, False),
        ("10 to 20", 10, 20, False),
        ("10-20", 10, 20, False),
        ("15\u201325 wounded", 15, 25, False),
        ("from 30 to 45", 30, 45, False),
        ("two or three", 2, 3, True),
        ("one or two", 1, 2, True),
        # vague words
        ("dozens", 24, 99, True),
        ("dozens more", 24, 99, True),
        ("Dozens of civilians", 24, 99, True),
        ("scores of people", 40, 199, True),
        ("several", 3, 9, True),
        ("a few", 2, 5, True),
        ("a handful", 3, 9, True),
        ("a number of", 2, 20, True),
        ("many", 5, 99, True),
        ("numerous", 10, 99, True),
        ("hundreds", 200, 999, True),
        ("thousands", 2000, 9999, True),
        ("tens of thousands", 20000, 99999, True),
        ("hundreds of thousands", 200000, 999999, True),
        ("a couple of", 2, 3, True),
        ("several hundred", 300, 900, True),
        ("a few dozen", 24, 60, True),
        ("a couple of hundred", 200, 300, True),
        ("many thousands", 2000, 9999, True),
        ("at least dozens", 24, None, True),
        ("more than hundreds", 200, None, True),
        ("both", 2, 2, False),
        ("no one", 0, 0, False),
        ("nobody", 0, 0, False),
        ("no civilians", 0, 0, False),
        ("a number of fighters", 2, 20, True),
        ("scores", 40, 199, True),
        ("over 20 militants", 21, None, False),
        # the first quantity in a longer cut
        ("injured dozens more, among them two medics", 24, 99, True),
        ("killed four people", 4, 4, False),
        ("In 2022, 14 people died", 14, 14, False),
        ("two 10-year-old boys", 2, 2, False),
        ("killed 5 in 2 days", 5, 5, False),
    ],
)
def test_numbers_parse_count_interval(text, lo, hi, vague):
    got = parse_count(text)
    assert got is not None
    assert (got.min, got.max, got.vague) == (lo, hi, vague)


@pytest.mark.parametrize(
    "text",
    [
        "others", "the", "people", "more", "civilians", "", "   ", "!!!", "2021", "in 2019",
        "since 1991", "$5 million", "5 km", "10:30", "20%", "the 5th brigade", "1st", "six-year-old",
        "five-day", "a day", "a week",
        "an unknown number of civilians", "an undetermined number", "unknown",
    ],
)
def test_numbers_parse_count_none(text):
    assert parse_count(text) is None


def test_numbers_parse_count_years_flag():
    assert parse_count("2021", years=True) == Count(2021, 2021, False, "2021")
    assert parse_count("in 2019") is None


@pytest.mark.parametrize(
    "text, words",
    [
        ("at least 27 civilians", "at least 27"),
        ("Dozens more were hurt", "Dozens more"),
        ("an employee", "an"),
        ("another life", "another"),
        ("killed 12 people", "12"),
        ("between 10 and 20 dead", "between 10 and 20"),
        ("a couple of hundred", "a couple of hundred"),
        ("50 or more", "50 or more"),
    ],
)
def test_numbers_parse_count_text(text, words):
    got = parse_count(text)
    assert got is not None and got.text == words


@pytest.mark.parametrize("odd", [None, 5, 3.2, b"three", ["three"], "\x00", "-", "a-", "between and", "10 to"])
def test_numbers_odd_input_never_raises(odd):
    parse_count(odd)
    parse_number(odd)


def test_numbers_count_is_frozen():
    c = parse_count("three")
    with pytest.raises(AttributeError):
        c.min = 4  # type: ignore[misc]
