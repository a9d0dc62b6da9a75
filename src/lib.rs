//! brief: the document model and the extractors behind the terminal briefing reader.
//!
//! Nothing in this crate touches the terminal: it loads text, splits it into paragraphs and
//! sentences, finds entities, dated events and quotations, and builds the serializable
//! [`Briefing`]. The `brief` binary draws it.

pub mod briefing;
pub mod document;
pub mod export;
pub mod extract;
pub mod formats;
pub mod json;
pub mod plain;
pub mod positions;
pub mod sanitize;
pub mod search;
pub mod span;
pub mod ui;

pub use briefing::{
    build_briefing, build_briefing_with_progress, Briefing, BriefingOptions, Progress, Stage,
};
pub use document::{Document, LoadError, Loaded};
pub use extract::entities::{Entity, EntityKind};
pub use extract::quotes::{Quote, QuoteKind, Speaker};
pub use extract::timeline::{CalendarDate, TimelineItem, When};
pub use span::Span;
