//! Named entities: people, organizations, places and the rest, with aliases merged.

pub mod features;
mod hash;
pub mod lexicon;
mod mentions;
pub mod model;
pub mod tokens;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;

/// What kind of thing an entity is. The order is the order the Entities pane groups them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Group,
    Product,
    Event,
    Date,
    Money,
    Percent,
    Quantity,
}

impl EntityKind {
    pub const ALL: [EntityKind; 10] = [
        EntityKind::Person,
        EntityKind::Organization,
        EntityKind::Place,
        EntityKind::Group,
        EntityKind::Product,
        EntityKind::Event,
        EntityKind::Date,
        EntityKind::Money,
        EntityKind::Percent,
        EntityKind::Quantity,
    ];

    /// The heading the pane shows for this kind.
    pub fn heading(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organization => "Organizations",
            EntityKind::Place => "Places",
            EntityKind::Group => "Groups",
            EntityKind::Product => "Products",
            EntityKind::Event => "Events",
            EntityKind::Date => "Dates",
            EntityKind::Money => "Money",
            EntityKind::Percent => "Percentages",
            EntityKind::Quantity => "Quantities",
        }
    }
}

/// One real-world thing the text names, with every mention of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The canonical name, as the pane shows it.
    pub name: String,
    pub kind: EntityKind,
    /// Every mention, aliases included, in text order.
    pub mentions: Vec<Span>,
    /// An appositive or role the text gives it (`TikTok's Chinese parent company`).
    pub description: Option<String>,
}

/// How much text the tagger works on at once. An article fits in one part and is read as a
/// whole; a book is read in parts of about this size, so memory stays proportional to this
/// and not to the book (the tagger keeps about 60 bytes per token).
pub const PART_BYTES: usize = 1 << 20;

/// Finds the entities of a document.
pub fn extract_entities(doc: &Document) -> Vec<Entity> {
    extract_entities_with_progress(doc, PART_BYTES, &mut |_, _| {})
}

/// [`extract_entities`], reading the document in parts of about `part_bytes` and telling
/// `progress(parts done, parts in all)` after each. Entities found in several parts under the
/// same name and kind are one entity.
pub fn extract_entities_with_progress(
    doc: &Document,
    part_bytes: usize,
    progress: &mut dyn FnMut(usize, usize),
) -> Vec<Entity> {
    let parts = part_ranges(doc, part_bytes);
    let total = parts.len();
    let mut merged = Merged::default();
    for (done, range) in parts.into_iter().enumerate() {
        let prepared = features::Prepared::part(doc, range);
        let labels = model::Model::get().tag(&prepared);
        let found = mentions::resolve(&prepared, &labels);
        merged.add(mentions::group(doc, &prepared, found));
        progress(done + 1, total);
    }
    merged.entities
}

/// Entities of several parts of a document, those with the same name and kind merged.
#[derive(Default)]
struct Merged {
    entities: Vec<Entity>,
    by_name: std::collections::HashMap<(String, EntityKind), usize>,
}

impl Merged {
    /// Adds the entities of the next part. Entities of one part are never merged with each
    /// other: the part's own grouping keeps them apart for a reason.
    fn add(&mut self, entities: Vec<Entity>) {
        let mut new_names = Vec::new();
        for entity in entities {
            let key = (entity.name.to_lowercase(), entity.kind);
            match self.by_name.get(&key) {
                Some(&i) => {
                    let into = &mut self.entities[i];
                    into.mentions.extend(entity.mentions);
                    if into.description.is_none() {
                        into.description = entity.description;
                    }
                }
                None => {
                    new_names.push((key, self.entities.len()));
                    self.entities.push(entity);
                }
            }
        }
        for (key, i) in new_names {
            self.by_name.entry(key).or_insert(i);
        }
    }
}

/// Splits the document into consecutive byte ranges of at least `size` bytes (the last may be
/// shorter), each ending at a paragraph end, or inside a longer paragraph at a sentence end,
/// or inside a longer sentence at a space.
pub fn part_ranges(doc: &Document, size: usize) -> Vec<std::ops::Range<usize>> {
    let text = &doc.text;
    let mut ranges = Vec::new();
    let mut start = 0;
    while text.len() - start > size + size / 2 {
        let target = start + size;
        let cut = next_break(doc, target, size / 2).filter(|&c| c > start && c < text.len());
        let Some(cut) = cut else { break };
        ranges.push(start..cut);
        start = cut;
    }
    ranges.push(start..text.len());
    ranges
}

/// The first paragraph end at or after `at`, if it comes within `slack` bytes; else the first
/// sentence end; else the first space; else (text without spaces) the next character.
fn next_break(doc: &Document, at: usize, slack: usize) -> Option<usize> {
    let soon = at + slack;
    let para = doc.paragraphs.partition_point(|p| p.end < at);
    if let Some(p) = doc.paragraphs.get(para).filter(|p| p.end <= soon) {
        return Some(p.end);
    }
    let sentences = doc.sentences();
    let sentence = sentences.partition_point(|s| s.end < at);
    if let Some(s) = sentences.get(sentence).filter(|s| s.end <= soon) {
        return Some(s.end);
    }
    let bytes = doc.text.as_bytes();
    (at..bytes.len().min(soon))
        .find(|&i| bytes[i] == b' ')
        .or_else(|| (at..bytes.len()).find(|&i| doc.text.is_char_boundary(i)))
}
