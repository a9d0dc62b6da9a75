//! Time expressions, normalized and placed on a timeline.
//!
//! The `scan` submodule finds the expressions with a tokenizer and a matcher that looks a bounded
//! number of tokens ahead (linear in the text, no regular expressions); this module resolves them
//! and sorts.
//!
//! Conventions, chosen to match how news annotators mark time (the GUM corpus):
//! - A span never starts with a preposition (`by`, `in`, `since`, `on`...), but keeps a determiner
//!   that belongs to the phrase: `the 1990s`, `the first half of 2024`, `the summer of 2010`.
//! - A weekday joined to a date is part of it (`Monday, May 18, 2015`); a part of a day after a day is
//!   too (`yesterday afternoon`, `Thursday night`).
//! - Ranges and lists give one item per member (`from 2019 to 2021`); a day range sharing one month
//!   (`5-6 September 2019`) gives two items over the same span. The first end of a range without a
//!   year takes the year of the second (`November 20 to December 11, 2015`).
//! - Relative expressions (`last year`, `Tuesday`, `next month`, `May 16`) need the document date.
//!   A bare weekday is the latest one on or before it unless the words around speak of the future;
//!   a month named alone is in the document's year, or the year before when told in the past tense
//!   and later in the year than the document date.
//! - Anaphora (`the following year`, `the next day`, `that night`) count from the last date placed,
//!   or from the document date before any. Without a document date, a month without a year takes
//!   the year last mentioned, as a narrative (a biography) means it.
//! - Times of day alone (`22:30`, `midnight`) are found for DATE mentions but never placed.
//! - Durations (`twelve years`), vague times (`recently`, `several years ago`) and counted offsets
//!   from an event (`two years later`) are left out.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

mod calendar;
mod lexicon;
mod scan;

use lexicon::Unit;
use scan::{Dir, Found, Rel, Scanner, Value};

/// A calendar day: the document date that relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CalendarDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl CalendarDate {
    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(text: &str) -> Option<CalendarDate> {
        let mut parts = text.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month: u8 = parts.next()?.parse().ok()?;
        let day: u8 = parts.next()?.parse().ok()?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(CalendarDate {
            year,
            month,
            day,
        })
    }
}

impl std::fmt::Display for CalendarDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A part of a year finer than the year but not a month.
///
/// Seasons sort among the parts as northern-hemisphere seasons: winter with Q1, spring with Q2,
/// summer between mid-year and H2/Q3, autumn with Q4.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Early,
    H1,
    Q1,
    Q2,
    Mid,
    H2,
    Q3,
    Q4,
    Late,
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Part {
    /// Position within a year for sorting: early < h1/q1/q2 < mid < h2/q3/q4 < late.
    pub fn rank(self) -> u8 {
        match self {
            Part::Early => 1,
            Part::H1 | Part::Q1 | Part::Winter => 2,
            Part::Q2 | Part::Spring => 3,
            Part::Mid => 4,
            Part::Summer => 5,
            Part::H2 | Part::Q3 => 6,
            Part::Q4 | Part::Autumn => 7,
            Part::Late => 8,
        }
    }

    /// The word used in a normalized label.
    pub fn label(self) -> &'static str {
        match self {
            Part::Early => "early",
            Part::H1 => "H1",
            Part::Q1 => "Q1",
            Part::Q2 => "Q2",
            Part::Mid => "mid",
            Part::H2 => "H2",
            Part::Q3 => "Q3",
            Part::Q4 => "Q4",
            Part::Late => "late",
            Part::Spring => "spring",
            Part::Summer => "summer",
            Part::Autumn => "autumn",
            Part::Winter => "winter",
        }
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// When an event happened, as precisely as the text says. Years before the common era are
/// negative (`44 BC` is -44).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct When {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub part: Option<Part>,
    /// The decade starting at `year` (`the 1990s`); serialized only when true.
    #[serde(default, skip_serializing_if = "is_false")]
    pub decade: bool,
}

const MONTH_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl When {
    /// A bare year.
    pub fn year(year: i32) -> When {
        When {
            year,
            month: None,
            day: None,
            part: None,
            decade: false,
        }
    }

    /// The normalized label: `2024`, `Mar 2024`, `5 Mar 2024`, `mid-2025`, `Q3 2024`, `summer 2023`,
    /// `1990s`, `late 1990s`.
    pub fn display(&self) -> String {
        let mut year = if self.year < 0 {
            format!("{} BC", -i64::from(self.year))
        } else {
            self.year.to_string()
        };
        if self.decade {
            year.push('s');
        }
        let month = self
            .month
            .and_then(|m| MONTH_ABBREVIATIONS.get(usize::from(m).wrapping_sub(1)));
        let base = match (month, self.day) {
            (Some(m), Some(d)) => return format!("{d} {m} {year}"),
            (Some(m), None) => format!("{m} {year}"),
            _ => year,
        };
        match self.part {
            None => base,
            Some(Part::Mid) => format!("mid-{base}"),
            Some(part) => format!("{} {base}", part.label()),
        }
    }

    /// The key the timeline is sorted by: year, month, day, then the part of the year. An item
    /// without a month sorts before the months of its year; a decade sorts at its start (its
    /// `mid`/`late` part a few years in).
    pub fn sort_key(&self) -> (i64, u8, u8, u8) {
        let mut year = i64::from(self.year) * 2 + 1;
        if self.decade {
            year = match self.part {
                Some(Part::Mid) => year + 8,
                Some(Part::Late) => year + 14,
                _ => year - 1,
            };
            return (year, 0, 0, 0);
        }
        (
            year,
            self.month.unwrap_or(0),
            self.day.unwrap_or(0),
            self.part.map_or(0, Part::rank),
        )
    }
}

/// One dated event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineItem {
    pub when: When,
    /// The time expression as written, without a leading preposition.
    pub label: String,
    /// The time expression in the text (its text is `label`).
    pub span: Span,
    /// The event: the sentence holding the expression.
    pub sentence: Span,
}

/// A time expression in the text, placed on the calendar where it can be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimeExpression {
    pub span: Span,
    /// A time of day alone (`22:30`, `midnight`): a DATE mention that the timeline leaves out.
    pub clock: bool,
    /// `None` for a relative expression without a document date (or an earlier year) to resolve it.
    pub when: Option<When>,
    /// Whether placing it needs the document date or an earlier mention (`last year`, `Tuesday`).
    pub relative: bool,
}

/// Every time expression of a document in text order, without leading prepositions, resolved
/// against `document_date` where relative. One expression may give two (`5-6 May 2024`: one per day).
pub fn find_time_expressions(
    doc: &Document,
    document_date: Option<CalendarDate>,
) -> Vec<TimeExpression> {
    let found = inherit_years(&doc.text, scan_in_parts(doc, crate::document::PART_BYTES));
    // Until the text names a date, anaphora count from the document date.
    let mut last = document_date.map(|d| When {
        month: Some(d.month),
        day: Some(d.day),
        ..When::year(d.year)
    });
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let (when, relative) = match f.value {
            Value::Clock => {
                out.push(TimeExpression {
                    span: f.span,
                    clock: true,
                    when: None,
                    relative: false,
                });
                continue;
            }
            Value::Abs(w) => (Some(w), false),
            Value::Rel(Rel::Anaphoric(unit, offset)) => {
                (last.and_then(|r| anaphoric(r, unit, offset)), true)
            }
            // Without a document date, a month without a year (`On July 14 he died`) is read as a
            // narrative reads it: in the year last mentioned.
            Value::Rel(Rel::MonthName {
                month,
                day,
                part,
                dir: Dir::Auto,
            }) if document_date.is_none() => {
                let when = last.map(|r: When| When {
                    month: Some(month),
                    day,
                    part,
                    ..When::year(r.year)
                });
                (
                    when.filter(|w| {
                        !w.decade && day.is_none_or(|d| calendar::valid(w.year, month, d))
                    }),
                    true,
                )
            }
            Value::Rel(rel) => {
                let tense = match document_date {
                    Some(_) => tense_around(doc, f.span),
                    None => Tense::Unknown,
                };
                (document_date.and_then(|d| resolve(rel, d, tense)), true)
            }
        };
        if when.is_some() {
            last = when;
        }
        out.push(TimeExpression {
            span: f.span,
            clock: false,
            when,
            relative,
        });
    }
    out
}

/// Finds the dated events of a document, sorted by date (stable: text order among equal dates).
pub fn extract_timeline(doc: &Document, document_date: Option<CalendarDate>) -> Vec<TimelineItem> {
    timeline_from_expressions(doc, &find_time_expressions(doc, document_date))
}

/// The timeline of expressions already found: those placed on the calendar, sorted by date.
pub fn timeline_from_expressions(
    doc: &Document,
    expressions: &[TimeExpression],
) -> Vec<TimelineItem> {
    let mut items: Vec<TimelineItem> = expressions
        .iter()
        .filter_map(|e| {
            Some(TimelineItem {
                when: e.when?,
                label: e.span.slice(&doc.text).to_string(),
                span: e.span,
                sentence: sentence_of(doc, e.span),
            })
        })
        .collect();
    items.sort_by_key(|item| item.when.sort_key());
    items
}

/// How many time expressions a document date would place that are off the timeline without one.
pub fn count_unplaced_relative(doc: &Document) -> usize {
    find_time_expressions(doc, None)
        .iter()
        .filter(|e| e.relative && e.when.is_none())
        .count()
}

/// The document date from a dateline or a `Published`/`Updated` line near the top.
///
/// Looks at the first lines only: a short `Published:`/`Posted`/`Date:` line holding a full date
/// (`By A. Writer | Published March 5, 2024`), else a line among the first six that starts with one
/// (`Friday, July 21, 2017`, `2024-03-05`) or with a dateline (`WASHINGTON, March 5, 2024 -`), and
/// failing those an `Updated` line.
pub fn find_document_date(doc: &Document) -> Option<CalendarDate> {
    let mut head_end = doc.text.len().min(4000);
    while !doc.text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &doc.text[..head_end];
    let found = Scanner::new(head).scan();
    let mut published = None;
    let mut dateline = None;
    let mut updated = None;
    let mut line_start = 0;
    for (n, line) in head.split('\n').enumerate() {
        let start = line_start;
        line_start += line.len() + 1;
        if n >= 25 {
            break;
        }
        let Some(date) = found
            .iter()
            .filter(|f| f.span.start >= start && f.span.end <= start + line.len())
            .find_map(|f| full_date(f.value).map(|d| (f.span.start - start, d)))
        else {
            continue;
        };
        let (offset, date) = date;
        let before = line.get(..offset).unwrap_or("").trim().to_ascii_lowercase();
        let has = |labels: &[&str]| {
            before
                .split(|c: char| !c.is_alphabetic())
                .any(|w| labels.contains(&w))
        };
        // A byline or metadata line is short; a sentence of the story that mentions a date is not.
        let short = line.len() <= 120;
        if short
            && has(&[
                "published",
                "posted",
                "date",
                "dated",
                "dateline",
                "released",
                "filed",
            ])
        {
            published = published.or(Some(date));
        } else if short && has(&["updated", "modified", "edited"]) {
            updated = updated.or(Some(date));
        } else if n < 6
            && (before.is_empty()
                || (before.len() <= 60 && !line[..offset].chars().any(char::is_lowercase)))
        {
            dateline = dateline.or(Some(date));
        }
    }
    published.or(dateline).or(updated)
}

fn full_date(value: Value) -> Option<CalendarDate> {
    match value {
        Value::Abs(When {
            year,
            month: Some(month),
            day: Some(day),
            ..
        }) if calendar::valid(year, month, day) => Some(CalendarDate { year, month, day }),
        _ => None,
    }
}

/// `March 5 and April 10, 2024`, `from May 16 to June 2, 2015`: the first date takes the year
/// of the second.
/// How far past its part the scanner reads: more than any time expression and the words it
/// looks at around one.
const PART_MARGIN: usize = 256;

/// Every time expression, the text scanned part by part (the scanner keeps 16 bytes per
/// token). A part may end inside a long sentence, so each is scanned with a margin of text on
/// either side and keeps the expressions that start in it: one cut across `5 March 2024`
/// still finds it whole, once.
fn scan_in_parts(doc: &Document, part_bytes: usize) -> Vec<Found> {
    let text = doc.text.as_str();
    let parts = doc.parts(part_bytes);
    if parts.len() == 1 {
        return Scanner::new(text).scan();
    }
    let mut found: Vec<Found> = Vec::new();
    for range in parts {
        // Start at a word a margin back, end a margin on (at a character).
        let mut from = range.start.saturating_sub(PART_MARGIN);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        if from > 0 {
            from = text[from..range.start]
                .find(char::is_whitespace)
                .map_or(range.start, |i| from + i);
        }
        let mut to = (range.end + PART_MARGIN).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let taken = found.last().map_or(0, |f| f.span.end);
        for mut f in Scanner::new(&text[from..to]).scan() {
            f.span = Span::new(f.span.start + from, f.span.end + from);
            if f.span.start >= range.start.max(taken) && f.span.start < range.end {
                found.push(f);
            }
        }
    }
    found
}

fn inherit_years(text: &str, mut found: Vec<Found>) -> Vec<Found> {
    for k in 1..found.len() {
        let (left, right) = found.split_at_mut(k);
        let (a, b) = (&mut left[k - 1], &right[0]);
        let Value::Rel(Rel::MonthName {
            month,
            day,
            part,
            dir: Dir::Auto,
        }) = a.value
        else {
            continue;
        };
        let Value::Abs(When {
            year,
            month: Some(_),
            ..
        }) = b.value
        else {
            continue;
        };
        let gap = text.get(a.span.end..b.span.start).unwrap_or("").trim();
        if gap.len() <= 10
            && [
                "and", "to", "-", "–", "—", "through", "until", "till", "or", ",", "and on", "into",
            ]
            .iter()
            .any(|c| gap.eq_ignore_ascii_case(c))
        {
            a.value = Value::Abs(When {
                year,
                month: Some(month),
                day,
                part,
                decade: false,
            });
        }
    }
    found
}

/// What the words around a time expression say of when it is, relative to the document date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
    Unknown,
}

/// The tense of the words around a span: future cues (`will meet on Tuesday`) win over past ones
/// (`was held`, `said`).
fn tense_around(doc: &Document, span: Span) -> Tense {
    let sentence = sentence_of(doc, span);
    let mut from = span.start.saturating_sub(120).max(sentence.start);
    while !doc.text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (span.end + 60).min(sentence.end).max(from);
    while !doc.text.is_char_boundary(to) {
        to -= 1;
    }
    let window = doc
        .text
        .get(from..to.max(from))
        .unwrap_or("")
        .to_ascii_lowercase();
    let future = [
        " will ",
        "'ll ",
        "’ll ",
        " is to ",
        " are to ",
        "scheduled",
        " plans to ",
        " set to ",
        "upcoming",
        " shall ",
        " due to be ",
        " expected to ",
        // Reported plans: `said the city would reopen schools in early November`.
        " would ",
    ];
    if future.iter().any(|cue| window.contains(cue)) {
        return Tense::Future;
    }
    let past = [" was ", " were ", " had ", " did ", " said", " ago"];
    let participle = window
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.len() > 4 && w.ends_with("ed"));
    if participle || past.iter().any(|cue| window.contains(cue)) {
        Tense::Past
    } else {
        Tense::Unknown
    }
}

/// Places `the following year`, `the next day` against the last date mentioned (`reference`),
/// as precisely as both allow.
fn anaphoric(reference: When, unit: Unit, offset: i64) -> Option<When> {
    let year = |y: i32| When::year(y.saturating_add(offset.clamp(-5000, 5000) as i32));
    let Some(month) = reference.month.filter(|_| !reference.decade) else {
        return (unit == Unit::Year || offset == 0).then(|| year(reference.year));
    };
    let by_month = |months: i64| {
        let (y, m) = calendar::add_months(reference.year, month, months);
        When {
            month: Some(m),
            ..When::year(y)
        }
    };
    Some(match (unit, reference.day) {
        (Unit::Year | Unit::Decade, _) => year(reference.year),
        (Unit::Month, _) => by_month(offset),
        (Unit::Week | Unit::Day, None) if offset == 0 => by_month(0),
        (Unit::Week | Unit::Day, None) => return None,
        (Unit::Week, Some(day)) => {
            let d = calendar::add_days(
                CalendarDate {
                    year: reference.year,
                    month,
                    day,
                },
                7 * offset,
            );
            When {
                month: Some(d.month),
                ..When::year(d.year)
            }
        }
        (Unit::Day, Some(day)) => {
            let d = calendar::add_days(
                CalendarDate {
                    year: reference.year,
                    month,
                    day,
                },
                offset,
            );
            When {
                month: Some(d.month),
                day: Some(d.day),
                ..When::year(d.year)
            }
        }
    })
}

/// Places a relative expression against the document date.
fn resolve(rel: Rel, doc: CalendarDate, tense: Tense) -> Option<When> {
    let future = tense == Tense::Future;
    let date = |d: CalendarDate| When {
        year: d.year,
        month: Some(d.month),
        day: Some(d.day),
        part: None,
        decade: false,
    };
    let month_of = |d: CalendarDate| When {
        year: d.year,
        month: Some(d.month),
        day: None,
        part: None,
        decade: false,
    };
    let with_part = |year: i32, part: Option<Part>| When {
        part,
        ..When::year(year)
    };
    Some(match rel {
        Rel::Days(n) => date(calendar::add_days(doc, n)),
        Rel::Weekday(wd, dir) => {
            let today = i64::from(calendar::weekday(doc));
            let wd = i64::from(wd);
            let back = (today - wd).rem_euclid(7);
            let ahead = (wd - today).rem_euclid(7);
            let offset = match dir {
                Dir::Past if back == 0 => -7,
                Dir::Past => -back,
                Dir::Future if ahead == 0 => 7,
                Dir::Future => ahead,
                Dir::This => wd - today,
                Dir::Auto if future => ahead,
                Dir::Auto => -back,
            };
            date(calendar::add_days(doc, offset))
        }
        Rel::Weeks(n) => month_of(calendar::add_days(doc, 7 * n)),
        Rel::Weekend => {
            let saturday = resolve(Rel::Weekday(5, Dir::Auto), doc, tense)?;
            When {
                day: None,
                ..saturday
            }
        }
        Rel::Months(n) => {
            let (year, month) = calendar::add_months(doc.year, doc.month, n);
            When {
                month: Some(month),
                ..When::year(year)
            }
        }
        Rel::Years(n, part) => with_part(doc.year.saturating_add(n as i32), part),
        Rel::MonthName {
            month,
            day,
            part,
            dir,
        } => {
            let key = (month, day.unwrap_or(0));
            let today = (doc.month, if day.is_some() { doc.day } else { 0 });
            // A month told of in the past tense that comes later in the year than the document
            // date was last year's (`In November, the council voted`, written in February).
            let year = match dir {
                Dir::Past if key >= today => doc.year.saturating_sub(1),
                Dir::Future if key <= today => doc.year.saturating_add(1),
                Dir::Auto if tense == Tense::Past && month > doc.month => {
                    doc.year.saturating_sub(1)
                }
                _ => doc.year,
            };
            if let Some(d) = day {
                if !calendar::valid(year, month, d) {
                    return None;
                }
            }
            When {
                year,
                month: Some(month),
                day,
                part,
                decade: false,
            }
        }
        Rel::Season(season, dir) => {
            let (starts, ends) = match season {
                Part::Spring => (3, 5),
                Part::Summer => (6, 8),
                Part::Autumn => (9, 11),
                _ => (12, 2),
            };
            let year = match dir {
                Dir::Past if doc.month > ends => doc.year,
                Dir::Past => doc.year.saturating_sub(1),
                Dir::Future if doc.month < starts => doc.year,
                Dir::Future => doc.year.saturating_add(1),
                _ => doc.year,
            };
            with_part(year, Some(season))
        }
        Rel::Quarters(n) => {
            let index =
                i64::from(doc.year) * 4 + i64::from(doc.month.saturating_sub(1).min(11) / 3) + n;
            let part = [Part::Q1, Part::Q2, Part::Q3, Part::Q4][index.rem_euclid(4) as usize];
            with_part(
                index
                    .div_euclid(4)
                    .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
                Some(part),
            )
        }
        Rel::PartOfYear(part) => with_part(doc.year, Some(part)),
        Rel::Anaphoric(..) => return None,
    })
}

/// The sentence holding a span (or the span itself where no sentence does).
fn sentence_of(doc: &Document, span: Span) -> Span {
    let k = doc.sentences().partition_point(|s| s.end <= span.start);
    match doc.sentences().get(k) {
        Some(s) if s.start <= span.start => *s,
        _ => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Scanning in parts finds what one scan of the whole text finds, wherever the cuts fall:
    /// inside sentences, inside expressions, in text without sentence ends.
    #[test]
    fn scanning_in_parts_finds_what_one_scan_finds() {
        let texts = [
            "In 2024 and 2025, on Tuesday; 5 March 2024 é ".repeat(600),
            "The war began on March 5, 2024. It ended in mid-2025.\n\n".repeat(600),
            "漢字 the 1990s, last year 三 from May 3 to June 7, 2021 ".repeat(600),
        ];
        for text in texts {
            let doc = Document::new("t", &text);
            let whole: Vec<(Span, Value)> = Scanner::new(&doc.text)
                .scan()
                .into_iter()
                .map(|f| (f.span, f.value))
                .collect();
            assert!(whole.len() > 300);
            for part in [400, 1000, 4096] {
                assert!(doc.parts(part).len() > 3);
                let parts: Vec<(Span, Value)> = scan_in_parts(&doc, part)
                    .into_iter()
                    .map(|f| (f.span, f.value))
                    .collect();
                assert_eq!(parts, whole, "parts of {part}");
            }
        }
    }
}
