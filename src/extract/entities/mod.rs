//! Named entities: people, organizations, places and the rest, with aliases merged.

pub mod features;
mod hash;
pub mod lexicon;
mod mentions;
pub mod model;
pub mod tagger;
pub mod tokens;

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::span::Span;
use hash::FxBuilder;

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

pub use crate::document::PART_BYTES;

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
    let parts = doc.parts(part_bytes);
    let total = parts.len();
    let mut merged = Merged::default();
    let mut memory = tagger::TagMemory::default();
    let mut word_facts = features::WordCache::default();
    for (done, range) in parts.into_iter().enumerate() {
        let prepared = features::Prepared::part_with(doc, range, &mut word_facts);
        let labels = tagger::Tagger::get().tag_part(&prepared, &mut memory);
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
    /// Per kind (indexed by `EntityKind as usize`): lowercase name -> index in `entities`.
    /// Apart by kind, the maps can be asked with a borrowed name.
    by_name: [HashMap<String, usize, FxBuilder>; EntityKind::ALL.len()],
}

impl Merged {
    /// Adds the entities of the next part. Entities of one part are never merged with each
    /// other: the part's own grouping keeps them apart for a reason.
    fn add(&mut self, entities: Vec<Entity>) {
        let mut new_names = Vec::new();
        let mut lower = String::new();
        for entity in entities {
            lowercase_into(&entity.name, &mut lower);
            match self.by_name[entity.kind as usize].get(lower.as_str()) {
                Some(&i) => {
                    let into = &mut self.entities[i];
                    into.mentions.extend(entity.mentions);
                    if into.description.is_none() {
                        into.description = entity.description;
                    }
                }
                None => {
                    new_names.push((lower.clone(), entity.kind, self.entities.len()));
                    self.entities.push(entity);
                }
            }
        }
        for (name, kind, i) in new_names {
            self.by_name[kind as usize].entry(name).or_insert(i);
        }
    }
}

/// `s.to_lowercase()` written into `out`, which keeps its allocation from call to call.
fn lowercase_into(s: &str, out: &mut String) {
    if s.is_ascii() {
        out.clear();
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        *out = s.to_lowercase();
    }
}
