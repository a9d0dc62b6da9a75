//! The timeline extractor through its public API, on hand-written sentences.

use brief::extract::timeline::{
    count_unplaced_relative, extract_timeline, find_document_date, find_time_expressions,
    CalendarDate, Part, TimelineItem, When,
};
use brief::Document;

fn date(iso: &str) -> CalendarDate {
    CalendarDate::parse_iso(iso).expect("test date")
}

fn timeline(text: &str, document_date: Option<&str>) -> Vec<TimelineItem> {
    let doc = Document::new("test", text);
    extract_timeline(&doc, document_date.map(date))
}

fn labels(text: &str, document_date: Option<&str>) -> Vec<String> {
    timeline(text, document_date)
        .into_iter()
        .map(|i| i.label)
        .collect()
}

/// The single item of a text; fails when there is not exactly one.
fn only(text: &str, document_date: Option<&str>) -> TimelineItem {
    let items = timeline(text, document_date);
    assert_eq!(
        items.len(),
        1,
        "expected one item in {text:?}, got {items:#?}"
    );
    items.into_iter().next().unwrap()
}

fn ymd(year: i32, month: Option<u8>, day: Option<u8>) -> When {
    When {
        month,
        day,
        ..When::year(year)
    }
}

fn with_part(year: i32, part: Part) -> When {
    When {
        part: Some(part),
        ..When::year(year)
    }
}

// ------------------------------------------------------------------------------------------ forms

#[test]
fn a_year_alone() {
    let item = only("The company was founded in 1998 by two students.", None);
    assert_eq!(item.label, "1998");
    assert_eq!(item.when, When::year(1998));
}

#[test]
fn month_and_year() {
    let item = only(
        "The charity launched the scheme in September 2021 for refugees.",
        None,
    );
    assert_eq!(item.label, "September 2021");
    assert_eq!(item.when, ymd(2021, Some(9), None));
}

#[test]
fn full_dates_in_prose_and_numeric_forms() {
    for (text, label) in [
        (
            "The deal closed on March 5, 2024, after talks.",
            "March 5, 2024",
        ),
        (
            "The deal closed on 5 March 2024 after talks.",
            "5 March 2024",
        ),
        ("The deal closed on 2024-03-05 after talks.", "2024-03-05"),
        ("The deal closed on 03/05/2024 after talks.", "03/05/2024"),
        (
            "The deal closed on the 5th of March, 2024 after talks.",
            "the 5th of March, 2024",
        ),
        (
            "The deal closed on Tuesday, March 5, 2024 after talks.",
            "Tuesday, March 5, 2024",
        ),
        (
            "The deal closed on Mar. 5, 2024 after talks.",
            "Mar. 5, 2024",
        ),
    ] {
        let item = only(text, None);
        assert_eq!(item.label, label, "{text}");
        assert_eq!(item.when, ymd(2024, Some(3), Some(5)), "{text}");
    }
}

#[test]
fn numeric_dates_with_a_day_over_twelve_read_day_first() {
    assert_eq!(
        only("Filed 25/12/2023.", None).when,
        ymd(2023, Some(12), Some(25))
    );
    assert!(labels("Version 2024-13-45 shipped.", None).is_empty());
}

#[test]
fn early_mid_late() {
    let item = only("By mid-2025, many had left.", None);
    assert_eq!(item.label, "mid-2025");
    assert_eq!(item.when, with_part(2025, Part::Mid));
    assert_eq!(
        only("Sales fell in early 2016.", None).when,
        with_part(2016, Part::Early)
    );
    assert_eq!(
        only("Sales fell in late 2016.", None).when,
        with_part(2016, Part::Late)
    );
    let late_month = only("The plant closed in late September 2023.", None);
    assert_eq!(late_month.label, "late September 2023");
    assert_eq!(
        late_month.when,
        When {
            part: Some(Part::Late),
            ..ymd(2023, Some(9), None)
        }
    );
    assert_eq!(
        only("Work stopped at the end of 1990.", None).when,
        with_part(1990, Part::Late)
    );
}

#[test]
fn halves_and_quarters() {
    let half = only("Profits rose in the first half of 2024.", None);
    assert_eq!(half.label, "the first half of 2024");
    assert_eq!(half.when, with_part(2024, Part::H1));
    assert_eq!(
        only("Profits rose in Q3 2024.", None).when,
        with_part(2024, Part::Q3)
    );
    assert_eq!(
        only("Profits rose in the third quarter of 2024.", None).when,
        with_part(2024, Part::Q3)
    );
    assert_eq!(
        only("Profits fell in the second half of 2023.", None).when,
        with_part(2023, Part::H2)
    );
}

#[test]
fn seasons() {
    let summer = only("The shop opened in summer 2023.", None);
    assert_eq!(summer.label, "summer 2023");
    assert_eq!(summer.when, with_part(2023, Part::Summer));
    let autumn = only("It happened in the autumn of 2019.", None);
    assert_eq!(autumn.label, "the autumn of 2019");
    assert_eq!(autumn.when, with_part(2019, Part::Autumn));
    assert_eq!(
        only("It happened in fall 2004.", None).when,
        with_part(2004, Part::Autumn)
    );
}

#[test]
fn decades() {
    let item = only("The trade boomed in the 1990s.", None);
    assert_eq!(item.label, "the 1990s");
    assert_eq!(item.when.year, 1990);
    assert!(item.when.decade);
    assert_eq!(item.when.display(), "1990s");
    let late = only("It was built in the late 1980s.", None);
    assert_eq!(late.when.display(), "late 1980s");
}

#[test]
fn decade_words_fiscal_years_and_parts_of_weekdays() {
    let sixties = only("Rock music changed in the late sixties.", None);
    assert_eq!(sixties.when.display(), "late 1960s");
    assert!(labels("He is in his late sixties.", None).is_empty());
    assert_eq!(only("Revenue in FY2024 rose.", None).when, When::year(2024));
    let early = only("Police arrived early Tuesday morning.", Some(FRIDAY));
    assert_eq!(early.label, "early Tuesday morning");
    assert_eq!(early.when, ymd(2017, Some(7), Some(18)));
    assert_eq!(
        only("Prices rose this past week.", Some(FRIDAY)).when,
        ymd(2017, Some(7), None)
    );
}

#[test]
fn ranges_and_lists_give_an_item_per_member() {
    assert_eq!(
        labels("He served from 2019 to 2021 as mayor.", None),
        ["2019", "2021"]
    );
    assert_eq!(
        labels("Prices rose between 2020 and 2022.", None),
        ["2020", "2022"]
    );
    assert_eq!(
        labels("In 2024 and 2025, leaders left.", None),
        ["2024", "2025"]
    );
    let days = timeline("The summit ran 5-6 September 2019 in Oslo.", None);
    let when: Vec<When> = days.iter().map(|i| i.when).collect();
    assert_eq!(
        when,
        [ymd(2019, Some(9), Some(5)), ymd(2019, Some(9), Some(6))]
    );
    // The first end takes the year of the second.
    let vote = timeline("Voting runs from November 20 to December 11, 2015.", None);
    let when: Vec<When> = vote.iter().map(|i| i.when).collect();
    assert_eq!(
        when,
        [ymd(2015, Some(11), Some(20)), ymd(2015, Some(12), Some(11))]
    );
    assert_eq!(labels("The war lasted 1892–94.", None), ["1892", "94"]);
    assert_eq!(labels("The budget fell in 2010/11.", None), ["2010", "11"]);
    assert!(labels("Call 2010/12/99 now.", None).is_empty());
    assert_eq!(
        timeline("The war lasted 1892–94.", None)[1].when,
        When::year(1894)
    );
}

#[test]
fn prepositions_stay_out_of_spans_and_labels() {
    for prep in [
        "by", "since", "until", "in", "during", "By", "Since", "Until", "In", "During",
    ] {
        let text = format!("{prep} 2019 the plant had closed.");
        let item = only(&text, None);
        assert_eq!(item.label, "2019", "{text}");
        assert_eq!(&text[item.span.start..item.span.end], "2019");
    }
    let item = only("Since mid-2025 they have grown.", None);
    assert_eq!(item.label, "mid-2025");
}

#[test]
fn label_is_the_span_text_and_sentence_holds_it() {
    let text = "Nothing happened then. The vote took place in March 2020 amid protests. Then calm.";
    let doc = Document::new("test", text);
    let items = extract_timeline(&doc, None);
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.span.slice(&doc.text), item.label);
    assert_eq!(
        item.sentence.slice(&doc.text),
        "The vote took place in March 2020 amid protests."
    );
}

// ------------------------------------------------------------------------------------------ non-dates

#[test]
fn numbers_that_are_not_dates_stay_off() {
    for text in [
        "About 1,700 people attended.",
        "She flew on a Boeing 737 to Rome.",
        "The ticket cost $2,024 in total.",
        "The ticket cost $2024 in total.",
        "The motion got 2024 votes.",
        "See page 1998 of the report.",
        "The meeting is in room 2010.",
        "The polls closed at 22:30 local time.",
        "They worked from 6:00am until 10pm.",
        "Turnout was 2015 people, about 1500 more than expected.",
        "Some 1800 pilgrims were trampled.",
        "The office is at 1214 Anderson Ave near the park.",
        "It is 45% bigger, 1999% in one case.",
        "Call 555-2024 today.",
        "The median, Q1, is 7.",
        "Read https://www.example.com/2017/04/16/story-2015.html now.",
        "A corpus of ca. 1000 authors.",
        "See pages 1990-1995 of the report.",
        "Over 2,000 people attended, and 1500 volunteers helped.",
        "We may see more. March on, said the crowd.",
    ] {
        assert_eq!(labels(text, None), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn years_before_nouns_are_still_years() {
    assert_eq!(
        labels("Before the 2014 protests, things were calm.", None),
        ["2014"]
    );
    assert_eq!(labels("Yields fell to 10% of 2000 levels.", None), ["2000"]);
    assert_eq!(labels("In 2014 elections were held.", None), ["2014"]);
    assert_eq!(
        labels("Both the 2019 and 2020 elections were close.", None),
        ["2019", "2020"]
    );
    assert_eq!(labels("Sales rose. 2015 marks the turn.", None), ["2015"]);
}

// ------------------------------------------------------------------------------------------ relative

const FRIDAY: &str = "2017-07-21"; // a Friday

#[test]
fn relative_expressions_resolve_against_the_document_date() {
    let cases: [(&str, &str, When); 12] = [
        (
            "The team won on Tuesday.",
            "Tuesday",
            ymd(2017, Some(7), Some(18)),
        ),
        ("Sales fell last year.", "last year", When::year(2016)),
        ("It began two years ago.", "two years ago", When::year(2015)),
        (
            "Seventeen years ago, this was rare.",
            "Seventeen years ago",
            When::year(2000),
        ),
        (
            "A ruling is expected next month.",
            "next month",
            ymd(2017, Some(8), None),
        ),
        (
            "The shop opened this spring.",
            "this spring",
            with_part(2017, Part::Spring),
        ),
        (
            "A storm yesterday felled a crane.",
            "yesterday",
            ymd(2017, Some(7), Some(20)),
        ),
        (
            "It fell yesterday afternoon.",
            "yesterday afternoon",
            ymd(2017, Some(7), Some(20)),
        ),
        (
            "The firm said today it would sell.",
            "today",
            ymd(2017, Some(7), Some(21)),
        ),
        (
            "He arrived last week.",
            "last week",
            ymd(2017, Some(7), None),
        ),
        (
            "Next year's event is in Mexico.",
            "Next year",
            When::year(2018),
        ),
        ("Sales grew this year.", "this year", When::year(2017)),
    ];
    for (text, label, when) in cases {
        let item = only(text, Some(FRIDAY));
        assert_eq!(item.label, label, "{text}");
        assert_eq!(item.when, when, "{text}");
    }
}

#[test]
fn relative_expressions_without_a_date_are_not_placed_but_counted() {
    let text = "On Tuesday the team won. Last year it lost. It began two years ago. \
                Next month is the final. In 2015 it started.";
    assert_eq!(labels(text, None), ["2015"]);
    assert_eq!(labels(text, Some(FRIDAY)).len(), 5);
    assert_eq!(count_unplaced_relative(&Document::new("test", text)), 4);
    let found = find_time_expressions(&Document::new("test", text), None);
    assert_eq!(found.len(), 5);
    assert_eq!(found.iter().filter(|e| e.when.is_none()).count(), 4);
    assert!(found.iter().all(|e| e.relative == e.when.is_none()));
}

#[test]
fn weekdays_look_back_unless_the_sentence_speaks_of_the_future() {
    assert_eq!(
        only("The vote was held on Sunday.", Some(FRIDAY)).when,
        ymd(2017, Some(7), Some(16))
    );
    assert_eq!(
        only("The vote will be held on Sunday.", Some(FRIDAY)).when,
        ymd(2017, Some(7), Some(23))
    );
    assert_eq!(
        only("They met last Friday.", Some(FRIDAY)).when,
        ymd(2017, Some(7), Some(14))
    );
    assert_eq!(
        only("They meet next Monday.", Some(FRIDAY)).when,
        ymd(2017, Some(7), Some(24))
    );
}

/// A plan reported in the past tense is still ahead of the report: `would` looks forward.
#[test]
fn reported_plans_look_forward() {
    let october = Some("2026-10-14");
    let item = only(
        "The mayor said the city would reopen schools in November.",
        october,
    );
    assert_eq!(item.when, ymd(2026, Some(11), None));
    // Without the reported plan, a month named in the past tense is the last one.
    let item = only("The mayor said the schools closed in November.", october);
    assert_eq!(item.when, ymd(2025, Some(11), None));
}

#[test]
fn relative_expressions_cross_year_boundaries() {
    let jan = Some("2023-01-03"); // a Tuesday
    assert_eq!(
        only("Prices rose last month.", jan).when,
        ymd(2022, Some(12), None)
    );
    assert_eq!(
        only("Prices rose on Friday.", jan).when,
        ymd(2022, Some(12), Some(30))
    );
    assert_eq!(
        only("Applied before last summer.", jan).when,
        with_part(2022, Part::Summer)
    );
    assert_eq!(
        only("It peaked last August.", jan).when,
        ymd(2022, Some(8), None)
    );
}

#[test]
fn months_and_days_without_a_year_take_the_document_year() {
    let items = timeline(
        "In March, a bundle was found. The broadcasts began on August 10.",
        Some(FRIDAY),
    );
    let when: Vec<When> = items.iter().map(|i| i.when).collect();
    assert_eq!(
        when,
        [ymd(2017, Some(3), None), ymd(2017, Some(8), Some(10))]
    );
    assert!(timeline("The broadcasts began on August 10.", None).is_empty());
}

#[test]
fn anaphoric_years_follow_the_last_year_mentioned() {
    let items = timeline(
        "She joined in 1995. The following year she left. That year was hard.",
        None,
    );
    let got: Vec<(String, i32)> = items
        .iter()
        .map(|i| (i.label.clone(), i.when.year))
        .collect();
    assert_eq!(
        got,
        [
            ("1995".to_string(), 1995),
            ("The following year".to_string(), 1996),
            ("That year".to_string(), 1996)
        ]
    );
}

#[test]
fn anaphoric_days_follow_the_last_date_mentioned() {
    let items = timeline(
        "The storm hit on May 31, 2015. The next day the roads closed.",
        None,
    );
    let got: Vec<(String, When)> = items.iter().map(|i| (i.label.clone(), i.when)).collect();
    assert_eq!(
        got,
        [
            ("May 31, 2015".to_string(), ymd(2015, Some(5), Some(31))),
            ("The next day".to_string(), ymd(2015, Some(6), Some(1))),
        ]
    );
    // Without an earlier date, the document date is the reference.
    assert_eq!(
        only("The following year it closed.", Some(FRIDAY)).when,
        When::year(2018)
    );
    assert!(timeline("The following year it closed.", None).is_empty());
}

#[test]
fn a_month_used_as_a_surname_is_not_a_date_alone() {
    let text = "Theresa May spoke. The plan was backed by May in parliament. It passed in June.";
    assert_eq!(labels(text, Some(FRIDAY)), ["June"]);
    assert_eq!(labels("It passed in May.", Some(FRIDAY)), ["May"]);
}

#[test]
fn the_weekend() {
    let item = only("Protests grew over the weekend.", Some("2017-07-24")); // a Monday
    assert_eq!(item.label, "the weekend");
    assert_eq!(item.when, ymd(2017, Some(7), None));
    assert!(labels("The weekend is for rest.", Some(FRIDAY)).is_empty());
}

#[test]
fn holidays_are_dates() {
    assert_eq!(
        only("The shops shut on Christmas Day 2019.", None).when,
        ymd(2019, Some(12), Some(25))
    );
    let eve = only("They met on New Year's Eve.", Some(FRIDAY));
    assert_eq!(eve.label, "New Year's Eve");
    assert_eq!(eve.when, ymd(2017, Some(12), Some(31)));
    let day = only(
        "Protests were held on Waitangi Day in the capital.",
        Some(FRIDAY),
    );
    assert_eq!(day.label, "Waitangi Day");
    assert_eq!(day.when, When::year(2017));
    assert!(timeline(
        "The Christmas tree stayed up. Day one went well.",
        Some(FRIDAY)
    )
    .is_empty());
}

#[test]
fn times_of_day_are_found_but_stay_off_the_timeline() {
    let text =
        "The polls closed at 22:30 and reopened at 6:00am, by 7 a.m. at most, until midnight.";
    let doc = Document::new("t", text);
    let found = find_time_expressions(&doc, Some(date(FRIDAY)));
    let clocks: Vec<&str> = found
        .iter()
        .filter(|e| e.clock)
        .map(|e| e.span.slice(&doc.text))
        .collect();
    assert_eq!(clocks, ["22:30", "6:00am", "7 a.m.", "midnight"]);
    assert!(found.iter().all(|e| e.when.is_none()));
    assert!(extract_timeline(&doc, Some(date(FRIDAY))).is_empty());
    assert_eq!(count_unplaced_relative(&doc), 0);
}

#[test]
fn without_a_document_date_a_month_takes_the_year_last_mentioned() {
    let items = timeline(
        "He moved to Paris in 1831. On July 14 he was arrested.",
        None,
    );
    assert_eq!(items[1].label, "July 14");
    assert_eq!(items[1].when, ymd(1831, Some(7), Some(14)));
    // With a document date, it is the document's year that counts.
    assert_eq!(
        timeline(
            "He moved to Paris in 1831. On July 14 he was arrested.",
            Some(FRIDAY)
        )[1]
        .when,
        ymd(2017, Some(7), Some(14))
    );
}

#[test]
fn past_tense_months_after_the_document_month_are_last_year() {
    let feb = Some("2023-02-23");
    assert_eq!(
        only("In November, the council voted.", feb).when,
        ymd(2022, Some(11), None)
    );
    assert_eq!(
        only("In November, the council will vote.", feb).when,
        ymd(2023, Some(11), None)
    );
}

#[test]
fn years_before_the_common_era() {
    let item = only("The town was founded in 500 BC by traders.", None);
    assert_eq!(item.when.year, -500);
    assert_eq!(item.when.display(), "500 BC");
}

// ------------------------------------------------------------------------------------------ sorting

#[test]
fn sorted_by_year_month_day_with_yearly_items_first_and_parts_in_order() {
    let text = "A in 2025. B in March 2024. C in 2024. D on 5 March 2024. E in late 2024. \
                F in early 2024. G in Q3 2024. H in mid-2024. I in H1 2024. J on 1 March 2024. \
                K in 2023.";
    assert_eq!(
        labels(text, None),
        [
            "2023",
            "2024",
            "early 2024",
            "H1 2024",
            "mid-2024",
            "Q3 2024",
            "late 2024",
            "March 2024",
            "1 March 2024",
            "5 March 2024",
            "2025"
        ]
    );
}

#[test]
fn seasons_sort_among_parts_and_equal_dates_keep_text_order() {
    let text =
        "In summer 2024 X. In spring 2024 Y. In winter 2024 Z. In autumn 2024 W. In mid-2024 V.";
    assert_eq!(
        labels(text, None),
        [
            "winter 2024",
            "spring 2024",
            "mid-2024",
            "summer 2024",
            "autumn 2024"
        ]
    );
    let same = timeline(
        "First 2020 here. Second 2020 there. Third 2020 again.",
        None,
    );
    let starts: Vec<usize> = same.iter().map(|i| i.span.start).collect();
    let mut sorted = starts.clone();
    sorted.sort();
    assert_eq!(starts, sorted);
    assert_eq!(same.len(), 3);
}

#[test]
fn sort_key_orders_parts() {
    let order = [
        When::year(2024),
        with_part(2024, Part::Early),
        with_part(2024, Part::Q2),
        with_part(2024, Part::Mid),
        with_part(2024, Part::H2),
        with_part(2024, Part::Late),
        ymd(2024, Some(1), None),
        ymd(2024, Some(1), Some(2)),
        When::year(2025),
    ];
    for pair in order.windows(2) {
        assert!(pair[0].sort_key() < pair[1].sort_key(), "{pair:?}");
    }
}

// ------------------------------------------------------------------------------------------ document date

#[test]
fn document_date_from_a_dateline() {
    let doc = Document::new(
        "test",
        "Robotics team honored in Washington\nFriday, July 21, 2017\nA group of girls on Tuesday...\n",
    );
    assert_eq!(find_document_date(&doc), Some(date("2017-07-21")));
    let items = extract_timeline(&doc, find_document_date(&doc));
    assert!(items
        .iter()
        .any(|i| i.label == "Tuesday" && i.when == ymd(2017, Some(7), Some(18))));
}

#[test]
fn document_date_from_published_and_updated_lines() {
    let published = Document::new(
        "t",
        "Headline\nBy A. Writer\nPublished: March 5, 2024\n\nText in 2019.\n",
    );
    assert_eq!(find_document_date(&published), Some(date("2024-03-05")));
    let both = Document::new(
        "t",
        "Headline\nUpdated: June 1, 2024\nPublished: 30 May 2024\n\nText.\n",
    );
    assert_eq!(find_document_date(&both), Some(date("2024-05-30")));
    let updated = Document::new("t", "Headline\nUpdated 2024-06-01 10:00\n\nText.\n");
    assert_eq!(find_document_date(&updated), Some(date("2024-06-01")));
    let alone = Document::new("t", "Headline\nMay 18, 2015\n\nText.\n");
    assert_eq!(find_document_date(&alone), Some(date("2015-05-18")));
    let none = Document::new(
        "t",
        "Headline\nIn 2015 the plant opened, and on May 18 it closed.\n",
    );
    assert_eq!(find_document_date(&none), None);
}

// ------------------------------------------------------------------------------------------ display

#[test]
fn display_normalizes_labels() {
    assert_eq!(When::year(2024).display(), "2024");
    assert_eq!(ymd(2024, Some(3), None).display(), "Mar 2024");
    assert_eq!(ymd(2024, Some(3), Some(5)).display(), "5 Mar 2024");
    assert_eq!(with_part(2025, Part::Mid).display(), "mid-2025");
    assert_eq!(with_part(2024, Part::Q3).display(), "Q3 2024");
    assert_eq!(with_part(2023, Part::Summer).display(), "summer 2023");
    assert_eq!(with_part(2024, Part::H1).display(), "H1 2024");
    assert_eq!(with_part(2024, Part::Early).display(), "early 2024");
    assert_eq!(
        When {
            decade: true,
            ..When::year(1990)
        }
        .display(),
        "1990s"
    );
}

#[test]
fn decade_marker_serializes_only_when_set() {
    let plain = serde_json::to_string(&When::year(2024)).unwrap();
    assert!(!plain.contains("decade"), "{plain}");
    let decade = serde_json::to_string(&When {
        decade: true,
        ..When::year(1990)
    })
    .unwrap();
    assert!(decade.contains("\"decade\":true"), "{decade}");
}

// ------------------------------------------------------------------------------------------ robustness

#[test]
fn odd_input_never_panics() {
    for text in [
        "",
        "2024",
        "May",
        "the",
        "mid-",
        "'",
        "'9",
        "Q3",
        "5–",
        "é2024é",
        "１９９０年",
        "2024-",
        "2024-03-",
        "99999999999999999999 years ago",
        "\u{202e}2024\u{202c}",
        "Monday,",
        "the first half of",
        "March 5,",
    ] {
        let doc = Document::new("t", text);
        let _ = extract_timeline(&doc, Some(date(FRIDAY)));
        let _ = find_document_date(&doc);
    }
}

#[test]
fn extreme_document_dates_never_panic() {
    let text = "Last year, next month, last summer, next Friday, Q3, last quarter, next May, the following year, \
                the next day, over the weekend, 3 days ago, 40 years ago, tomorrow.";
    for document_date in [
        CalendarDate {
            year: i32::MAX,
            month: 12,
            day: 31,
        },
        CalendarDate {
            year: i32::MIN,
            month: 1,
            day: 1,
        },
        CalendarDate {
            year: 2024,
            month: 0,
            day: 0,
        },
        CalendarDate {
            year: 2024,
            month: 13,
            day: 40,
        },
    ] {
        let doc = Document::new("t", text);
        let _ = extract_timeline(&doc, Some(document_date));
    }
}

#[test]
fn a_long_single_line_is_linear() {
    let text = "In 2024 and 2025, on Tuesday; 5 March 2024 é ".repeat(40_000);
    let start = std::time::Instant::now();
    let items = extract_timeline(&Document::new("t", &text), Some(date(FRIDAY)));
    assert_eq!(items.len(), 4 * 40_000);
    assert!(start.elapsed().as_secs() < 20, "took {:?}", start.elapsed());
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Words that build time expressions, mixed with noise, so that generated text exercises the
    /// patterns and their edges.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            prop::sample::select(vec![
                "May",
                "March",
                "2024",
                "1990s",
                "the",
                "of",
                "in",
                "Tuesday",
                ",",
                "-",
                "–",
                "'",
                "’",
                "5",
                "31",
                "last",
                "year",
                "ago",
                "two",
                "mid",
                "early",
                "Q3",
                "first",
                "half",
                "summer",
                "22:30",
                "am",
                "a.m.",
                "$",
                "1,700",
                "New",
                "Year's",
                "Day",
                "é",
                "\n",
                ".",
                "/",
                "2024-03-05",
                "next",
                "that",
                "following",
                "day",
                "BC",
                "AD",
                "FY2024",
                "sixties",
                "12/05/2024",
            ])
            .prop_map(str::to_string),
            "[ -~éü’–\\n]{0,6}",
        ]
    }

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..40).prop_map(|pieces| pieces.join(" "))
    }

    proptest! {
        #[test]
        fn timeline_invariants_hold_on_any_text(text in text(), with_date in any::<bool>()) {
            let doc = Document::new("t", &text);
            let document_date = with_date.then(|| date("2017-07-21"));
            let items = extract_timeline(&doc, document_date);
            for item in &items {
                prop_assert!(doc.text.is_char_boundary(item.span.start));
                prop_assert!(doc.text.is_char_boundary(item.span.end));
                prop_assert!(item.span.start < item.span.end);
                prop_assert_eq!(item.span.slice(&doc.text), item.label.as_str());
                prop_assert!(item.sentence.start <= item.span.start && item.span.end <= item.sentence.end.max(item.span.end));
                let first = item.label.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
                prop_assert!(!["by", "since", "until", "in", "during", "on"].contains(&first.as_str()), "{}", item.label);
                let _ = item.when.display();
            }
            for pair in items.windows(2) {
                prop_assert!(pair[0].when.sort_key() <= pair[1].when.sort_key());
            }
            if document_date.is_none() {
                let _ = count_unplaced_relative(&doc);
                let _ = find_document_date(&doc);
            }
        }
    }
}
