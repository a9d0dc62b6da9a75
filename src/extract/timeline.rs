//! Time expressions, normalized and placed on a timeline.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

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

/// When an event happened, as precisely as the text says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct When {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
    pub part: Option<Part>,
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

/// Finds the dated events of a document, sorted by date.
pub fn extract_timeline(doc: &Document, document_date: Option<CalendarDate>) -> Vec<TimelineItem> {
    let _ = (doc, document_date);
    Vec::new()
}

/// The document date from a dateline or a `Published`/`Updated` line near the top.
pub fn find_document_date(doc: &Document) -> Option<CalendarDate> {
    let _ = doc;
    None
}
