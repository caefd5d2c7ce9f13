from datetime import date, datetime

import pytest

from kg.resolve.dates import HOLIDAY_NAMES, DateWindow, resolve_date

WED = date(2023, 6, 7)  # a Wednesday
NEW_YEAR = date(2025, 1, 2)  # a Thursday in the first ISO week of the year
LEAP = date(2024, 2, 29)  # a Thursday
SUN = date(2022, 11, 20)  # a Sunday
BETWEEN_EASTERS = date(2024, 4, 10)  # Western Easter 2024-03-31, Orthodox 2024-05-05

PAST_WED = [
    # weekdays, with parts of the day
    ("Monday", "2023-06-05", "2023-06-05"),
    ("on Tuesday", "2023-06-06", "2023-06-06"),
    ("Wednesday", "2023-06-07", "2023-06-07"),
    ("Thursday", "2023-06-01", "2023-06-01"),
    ("THURSDAY", "2023-06-01", "2023-06-01"),
    ("Sunday", "2023-06-04", "2023-06-04"),
    ("Sat", "2023-06-03", "2023-06-03"),
    ("early Saturday", "2023-06-03", "2023-06-03"),
    ("late Friday", "2023-06-02", "2023-06-02"),
    ("Friday morning", "2023-06-02", "2023-06-02"),
    ("early Friday morning", "2023-06-02", "2023-06-02"),
    ("Tuesday afternoon", "2023-06-06", "2023-06-06"),
    ("on Sunday evening", "2023-06-04", "2023-06-04"),
    ("Saturday night", "2023-06-03", "2023-06-04"),
    ("late on Friday night", "2023-06-02", "2023-06-03"),
    ("overnight Saturday", "2023-06-03", "2023-06-04"),
    ("Saturday overnight", "2023-06-03", "2023-06-04"),
    ("overnight into Sunday", "2023-06-03", "2023-06-04"),
    ("Sunday night into Monday", "2023-06-04", "2023-06-05"),
    ("the night of Saturday to Sunday", "2023-06-03", "2023-06-04"),
    ("between Saturday and Sunday", "2023-06-03", "2023-06-04"),
    ("in the early hours of Tuesday", "2023-06-06", "2023-06-06"),
    ("before dawn on Monday", "2023-06-05", "2023-06-05"),
    ("last Wednesday", "2023-05-31", "2023-05-31"),
    ("last Friday", "2023-06-02", "2023-06-02"),
    ("as of last Thursday", "2023-06-01", "2023-06-01"),
    ("last Friday night", "2023-06-02", "2023-06-03"),
    ("Thursday last week", "2023-06-01", "2023-06-01"),
    ("Monday of last week", "2023-05-29", "2023-05-29"),
    ("Friday before last", "2023-05-26", "2023-05-26"),
    # times of day around a day
    ("at 3pm on Monday", "2023-06-05", "2023-06-05"),
    ("shortly after midnight on Sunday", "2023-06-04", "2023-06-04"),
    ("around 10:30 a.m. Thursday", "2023-06-01", "2023-06-01"),
    ("Tuesday (local time)", "2023-06-06", "2023-06-06"),
    ("Friday\u2019s attack", "2023-06-02", "2023-06-02"),
    # days around publication
    ("today", "2023-06-07", "2023-06-07"),
    ("earlier today", "2023-06-07", "2023-06-07"),
    ("this morning", "2023-06-07", "2023-06-07"),
    ("yesterday", "2023-06-06", "2023-06-06"),
    ("yesterday evening", "2023-06-06", "2023-06-06"),
    ("last night", "2023-06-06", "2023-06-07"),
    ("late last night", "2023-06-06", "2023-06-07"),
    ("overnight", "2023-06-06", "2023-06-07"),
    ("the day before yesterday", "2023-06-05", "2023-06-05"),
    # weeks
    ("this week", "2023-06-05", "2023-06-07"),
    ("earlier this week", "2023-06-05", "2023-06-06"),
    ("early this week", "2023-06-05", "2023-06-07"),
    ("last week", "2023-05-29", "2023-06-04"),
    ("Last Week", "2023-05-29", "2023-06-04"),
    ("the previous week", "2023-05-29", "2023-06-04"),
    ("late last week", "2023-06-01", "2023-06-04"),
    ("the week before last", "2023-05-22", "2023-05-28"),
    ("the weekend", "2023-06-03", "2023-06-04"),
    ("over the weekend", "2023-06-03", "2023-06-04"),
    ("last weekend", "2023-06-03", "2023-06-04"),
    # stretches before publication
    ("in recent days", "2023-05-31", "2023-06-07"),
    ("recent days", "2023-05-31", "2023-06-07"),
    ("the past few days", "2023-05-31", "2023-06-07"),
    ("the past week", "2023-05-31", "2023-06-07"),
    ("over the past 10 days", "2023-05-28", "2023-06-07"),
    ("the past two weeks", "2023-05-24", "2023-06-07"),
    ("the past 24 hours", "2023-06-06", "2023-06-07"),
    # days ago
    ("five days ago", "2023-06-02", "2023-06-02"),
    ("2 days ago", "2023-06-05", "2023-06-05"),
    ("a week ago", "2023-05-31", "2023-05-31"),
    ("two weeks ago", "2023-05-24", "2023-05-24"),
    ("twenty-one days ago", "2023-05-17", "2023-05-17"),
    ("a month ago", "2023-05-07", "2023-05-07"),
    ("a year ago", "2022-06-07", "2022-06-07"),
    ("a few days ago", "2023-06-02", "2023-06-05"),
    # months and years
    ("this month", "2023-06-01", "2023-06-07"),
    ("earlier this month", "2023-06-01", "2023-06-06"),
    ("last month", "2023-05-01", "2023-05-31"),
    ("late last month", "2023-05-21", "2023-05-31"),
    ("this year", "2023-01-01", "2023-06-06"),
    ("earlier this year", "2023-01-01", "2023-06-06"),
    ("early this year", "2023-01-01", "2023-04-30"),
    ("last year", "2022-01-01", "2022-12-31"),
    ("early last year", "2022-01-01", "2022-04-30"),
    ("in 2019", "2019-01-01", "2019-12-31"),
    ("since 2014", "2014-01-01", "2014-12-31"),
    ("the 1990s", "1990-01-01", "1999-12-31"),
    ("mid-2020", "2020-05-01", "2020-08-31"),
    ("the end of 2021", "2021-09-01", "2021-12-31"),
    ("in January", "2023-01-01", "2023-01-31"),
    ("in August", "2022-08-01", "2022-08-31"),
    ("in June", "2023-06-01", "2023-06-07"),
    ("in March 2022", "2022-03-01", "2022-03-31"),
    ("since February 2022", "2022-02-01", "2022-02-28"),
    ("mid-March", "2023-03-11", "2023-03-20"),
    ("early April", "2023-04-01", "2023-04-10"),
    ("late July", "2022-07-21", "2022-07-31"),
    ("the first week of May", "2023-05-01", "2023-05-07"),
    # explicit days
    ("12 May", "2023-05-12", "2023-05-12"),
    ("May 12", "2023-05-12", "2023-05-12"),
    ("12th of May", "2023-05-12", "2023-05-12"),
    ("on 3 September 2021", "2021-09-03", "2021-09-03"),
    ("September 3, 2021", "2021-09-03", "2021-09-03"),
    ("Friday, September 3, 2021", "2021-09-03", "2021-09-03"),
    ("2021-09-03", "2021-09-03", "2021-09-03"),
    ("03/09/2021", "2021-09-03", "2021-09-03"),
    ("Sept. 3", "2022-09-03", "2022-09-03"),
    ("Dec. 25", "2022-12-25", "2022-12-25"),
    ("the 5th", "2023-06-05", "2023-06-05"),
    ("between 13 and 15 April", "2023-04-13", "2023-04-15"),
    ("12-14 March", "2023-03-12", "2023-03-14"),
    # feasts
    ("Ascension Day", "2023-05-18", "2023-05-25"),
    ("Pentecost", "2023-05-28", "2023-06-04"),
    ("Christmas 2019", "2019-12-25", "2019-12-25"),
]

FUTURE_WED = [
    ("Friday", "2023-06-09", "2023-06-09"),
    ("Wednesday", "2023-06-07", "2023-06-07"),
    ("on Monday", "2023-06-12", "2023-06-12"),
    ("set to start on Friday", "2023-06-09", "2023-06-09"),
    ("next Friday", "2023-06-09", "2023-06-09"),
    ("this week", "2023-06-07", "2023-06-11"),
    ("later this week", "2023-06-08", "2023-06-11"),
    ("later in the week", "2023-06-08", "2023-06-11"),
    ("next week", "2023-06-12", "2023-06-18"),
    ("early next week", "2023-06-12", "2023-06-14"),
    ("later next week", "2023-06-15", "2023-06-18"),
    ("late next week", "2023-06-15", "2023-06-18"),
    ("in the coming days", "2023-06-07", "2023-06-14"),
    ("the coming days", "2023-06-07", "2023-06-14"),
    ("within days", "2023-06-07", "2023-06-14"),
    ("tomorrow", "2023-06-08", "2023-06-08"),
    ("tonight", "2023-06-07", "2023-06-08"),
    ("the weekend", "2023-06-10", "2023-06-11"),
    ("this weekend", "2023-06-10", "2023-06-11"),
    ("next month", "2023-07-01", "2023-07-31"),
    ("later this month", "2023-06-08", "2023-06-30"),
    ("this year", "2023-06-07", "2023-12-31"),
    ("later this year", "2023-06-08", "2023-12-31"),
    ("in five days", "2023-06-12", "2023-06-12"),
    ("in August", "2023-08-01", "2023-08-31"),
    ("in January", "2024-01-01", "2024-01-31"),
    ("September 3", "2023-09-03", "2023-09-03"),
    ("Eid al-Adha", "2023-06-28", "2023-07-01"),
]

OTHER_DATES = [
    # a weekday with its day of the month: the month, near the news, where they agree
    ("Thursday, the 14th", date(2023, 12, 11), "past", "2023-12-14", "2023-12-14"),
    ("on Thursday the 14th", date(2023, 12, 11), "future", "2023-12-14", "2023-12-14"),
    ("Monday, the 2nd", date(2023, 12, 11), "past", "2023-10-02", "2023-10-02"),
    # the turn of the year
    ("last week", NEW_YEAR, "past", "2024-12-23", "2024-12-29"),
    ("this week", NEW_YEAR, "past", "2024-12-30", "2025-01-02"),
    ("last month", NEW_YEAR, "past", "2024-12-01", "2024-12-31"),
    ("this year", NEW_YEAR, "past", "2025-01-01", "2025-01-01"),
    ("last year", NEW_YEAR, "past", "2024-01-01", "2024-12-31"),
    ("in December", NEW_YEAR, "past", "2024-12-01", "2024-12-31"),
    ("December 28", NEW_YEAR, "past", "2024-12-28", "2024-12-28"),
    ("last Friday", NEW_YEAR, "past", "2024-12-27", "2024-12-27"),
    ("Monday", NEW_YEAR, "past", "2024-12-30", "2024-12-30"),
    ("Christmas Eve", NEW_YEAR, "past", "2024-12-24", "2024-12-24"),
    ("New Year\u2019s Day", NEW_YEAR, "past", "2025-01-01", "2025-01-01"),
    ("New Year's Eve", NEW_YEAR, "past", "2024-12-31", "2024-12-31"),
    ("Orthodox Christmas", NEW_YEAR, "future", "2025-01-07", "2025-01-07"),
    ("Orthodox Christmas", NEW_YEAR, "past", "2024-01-07", "2024-01-07"),
    # leap year
    ("29 February", LEAP, "past", "2024-02-29", "2024-02-29"),
    ("February 29", date(2025, 3, 10), "past", "2024-02-29", "2024-02-29"),
    ("last month", date(2024, 3, 15), "past", "2024-02-01", "2024-02-29"),
    ("yesterday", date(2024, 3, 1), "past", "2024-02-29", "2024-02-29"),
    ("the last week of February", LEAP, "past", "2024-02-23", "2024-02-29"),
    ("late February", LEAP, "past", "2024-02-21", "2024-02-29"),
    ("this month", LEAP, "past", "2024-02-01", "2024-02-29"),
    ("a year ago", LEAP, "past", "2023-02-28", "2023-02-28"),
    # Western and Orthodox feasts apart (2024) and together (2017, 2025)
    ("Easter", BETWEEN_EASTERS, "past", "2024-03-31", "2024-03-31"),
    ("Easter", BETWEEN_EASTERS, "future", "2024-05-05", "2024-05-05"),
    ("Easter Sunday", date(2024, 5, 20), "past", "2024-03-31", "2024-05-05"),
    ("on Easter Sunday", date(2024, 5, 20), "past", "2024-03-31", "2024-05-05"),
    ("Palm Sunday", BETWEEN_EASTERS, "past", "2024-03-24", "2024-03-24"),
    ("Good Friday", date(2024, 5, 20), "past", "2024-03-29", "2024-05-03"),
    ("Orthodox Easter", BETWEEN_EASTERS, "past", "2023-04-16", "2023-04-16"),
    ("Orthodox Easter", BETWEEN_EASTERS, "future", "2024-05-05", "2024-05-05"),
    ("Western Easter", date(2024, 5, 20), "past", "2024-03-31", "2024-03-31"),
    ("Easter Monday", date(2017, 4, 21), "past", "2017-04-17", "2017-04-17"),
    ("Easter", date(2025, 4, 20), "past", "2025-04-20", "2025-04-20"),
    ("Holy Saturday", date(2017, 4, 15), "past", "2017-04-15", "2017-04-15"),
    ("Good Friday", date(2017, 4, 13), "future", "2017-04-14", "2017-04-14"),
    ("Holy Week", date(2017, 4, 15), "past", "2017-04-09", "2017-04-15"),
    ("palm sunday", date(2017, 4, 30), "past", "2017-04-09", "2017-04-09"),
    # other feasts
    ("Christmas", SUN, "past", "2021-12-25", "2021-12-25"),
    ("Christmas Day", SUN, "future", "2022-12-25", "2022-12-25"),
    ("last Christmas", date(2024, 12, 25), "past", "2023-12-25", "2023-12-25"),
    ("Thanksgiving", SUN, "past", "2021-11-25", "2021-11-25"),
    ("Thanksgiving", SUN, "future", "2022-11-24", "2022-11-24"),
    ("Yom Kippur", date(2023, 10, 10), "past", "2023-09-25", "2023-09-25"),
    # a Sunday publication
    ("Sunday", SUN, "past", "2022-11-20", "2022-11-20"),
    ("Saturday", SUN, "past", "2022-11-19", "2022-11-19"),
    ("this weekend", SUN, "past", "2022-11-19", "2022-11-20"),
    ("last weekend", SUN, "past", "2022-11-12", "2022-11-13"),
    ("this week", SUN, "past", "2022-11-14", "2022-11-20"),
    # written at the weekend, "last week" may be the working week just ended
    ("last week", SUN, "past", "2022-11-07", "2022-11-19"),
    ("last week", date(2022, 11, 19), "past", "2022-11-07", "2022-11-18"),
    ("late last week", SUN, "past", "2022-11-10", "2022-11-13"),
    ("next week", SUN, "future", "2022-11-21", "2022-11-27"),
    ("Monday", SUN, "future", "2022-11-21", "2022-11-21"),
    ("the weekend", SUN, "future", "2022-11-20", "2022-11-20"),
]


def _check(text, published, tense, earliest, latest):
    got = resolve_date(text, published, tense=tense)
    assert got == DateWindow(date.fromisoformat(earliest), date.fromisoformat(latest), text)


@pytest.mark.parametrize("text, earliest, latest", PAST_WED)
def test_dates_resolve_past(text, earliest, latest):
    _check(text, WED, "past", earliest, latest)


@pytest.mark.parametrize("text, earliest, latest", FUTURE_WED)
def test_dates_resolve_future(text, earliest, latest):
    _check(text, WED, "future", earliest, latest)


@pytest.mark.parametrize("text, published, tense, earliest, latest", OTHER_DATES)
def test_dates_resolve_around_boundaries_and_feasts(text, published, tense, earliest, latest):
    _check(text, published, tense, earliest, latest)


@pytest.mark.parametrize(
    "text",
    [
        "four-year", "for the second time", "a whole day", "shortly before 4pm", "hours", "months",
        "decades", "five days", "aged 12", "the previous day", "the same day", "a day earlier",
        "2,000 troops", "0700 GMT", "midnight", "Independence Day", "in five days", "", "   ",
        "31 April", "February 30", "recently", "the night",
    ],
)
def test_dates_resolve_none(text):
    assert resolve_date(text, WED) is None


def test_dates_default_tense_is_past():
    assert resolve_date("Friday", WED) == resolve_date("Friday", WED, tense="past")


def test_dates_accepts_datetime_publication():
    got = resolve_date("Friday", datetime(2023, 6, 7, 15, 30))
    assert got is not None and got.earliest == got.latest == date(2023, 6, 2)


def test_dates_keeps_the_words_read():
    got = resolve_date("  on Sunday night ", WED)
    assert got is not None and got.text == "on Sunday night"


@pytest.mark.parametrize(
    "text, published",
    [(None, WED), (123, WED), ("Friday", None), ("Friday", "2023-06-07"), ("\x00", WED), ("--", WED),
     ("9999-99-99", WED), ("the 45th", WED), ("2023-02-30", WED), ("30/02/2023", WED)],
)
def test_dates_odd_input_never_raises(text, published):
    assert resolve_date(text, published) is None


def test_dates_long_text_reads_its_first_date():
    got = resolve_date("99 days ago " * 20, WED)
    assert got is not None and got.earliest == got.latest == date(2023, 2, 28)


def test_dates_holiday_names_come_from_data():
    assert isinstance(HOLIDAY_NAMES, frozenset)
    for name in ("Palm Sunday", "Good Friday", "Easter Monday", "Orthodox Easter", "Christmas Eve",
                 "New Year's Day", "Orthodox Christmas", "Pentecost"):
        assert name in HOLIDAY_NAMES
