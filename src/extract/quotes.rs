//! Direct quotations and who said them.

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::extract::entities::Entity;
use crate::span::Span;

/// Reported words, or a scare quote, title or slogan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Speech,
    Term,
}

/// Who a quotation is attributed to, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub name: String,
    pub span: Span,
    /// The entity the speaker refers to (its canonical name), where there is one.
    #[serde(default)]
    pub entity: Option<String>,
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// Inner quotations, without their marks.
    pub nested: Vec<Span>,
}

/// Finds the quotations of a document in text order.
pub fn extract_quotes(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let _ = (doc, entities);
    Vec::new()
}
