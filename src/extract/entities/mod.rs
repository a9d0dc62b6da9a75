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

/// Finds the entities of a document.
pub fn extract_entities(doc: &Document) -> Vec<Entity> {
    let prepared = features::Prepared::new(doc);
    let labels = model::Model::get().tag(&prepared);
    let found = mentions::resolve(&prepared, &labels);
    mentions::group(doc, &prepared, found)
}
