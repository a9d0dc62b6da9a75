//! From token labels to entities: mention spans, clean-up rules, typing and alias merging.

use super::features::{type_of, Prepared, DATE, ORG, OTHER, PERSON, PLACE, QUANTITY};
use super::{Entity, EntityKind};
use crate::document::Document;
use crate::span::Span;

/// A mention: a token range `[first, last)` and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: EntityKind,
}

fn kind_of(ty: usize, p: &Prepared, first: usize, last: usize) -> Option<EntityKind> {
    Some(match ty {
        PERSON => EntityKind::Person,
        ORG => EntityKind::Organization,
        PLACE => EntityKind::Place,
        OTHER => EntityKind::Group,
        QUANTITY => {
            let words = (first..last).map(|i| p.word(i).to_ascii_lowercase());
            let mut kind = EntityKind::Quantity;
            for w in words {
                if matches!(w.as_str(), "$" | "€" | "£" | "¥")
                    || w.starts_with("dollar")
                    || w.starts_with("euro")
                    || w.starts_with("pound")
                {
                    kind = EntityKind::Money;
                } else if w == "%" || w == "percent" {
                    kind = EntityKind::Percent;
                }
            }
            kind
        }
        DATE => return None,
        _ => return None,
    })
}

/// Mentions from BIO labels.
pub fn mentions(p: &Prepared, labels: &[u8]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == 0 {
            i += 1;
            continue;
        }
        let ty = type_of(labels[i]);
        let first = i;
        i += 1;
        while i < labels.len() && labels[i] != 0 && labels[i] % 2 == 0 && type_of(labels[i]) == ty {
            i += 1;
        }
        if let Some(kind) = kind_of(ty, p, first, i) {
            out.push(Mention {
                first,
                last: i,
                kind,
            });
        }
    }
    out
}

/// One entity per mention (merging comes later).
pub fn group(doc: &Document, p: &Prepared, found: Vec<Mention>) -> Vec<Entity> {
    found
        .into_iter()
        .map(|m| {
            let span = Span::new(p.tokens[m.first].start, p.tokens[m.last - 1].end);
            Entity {
                name: doc.slice(span).to_string(),
                kind: m.kind,
                mentions: vec![span],
                description: None,
            }
        })
        .collect()
}
