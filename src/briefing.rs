//! The briefing: everything brief finds in a document, in the shape of `--json`.

use serde::Serialize;

use crate::document::Document;
use crate::extract::entities::EntityKind;
use crate::extract::entities::{extract_entities_with_progress, Entity, PART_BYTES};
use crate::extract::quotes::{extract_quotes, Quote};
use crate::extract::timeline::{
    find_document_date, find_time_expressions, timeline_from_expressions, CalendarDate,
    TimeExpression, TimelineItem,
};
use crate::span::Span;

/// How to build a briefing.
#[derive(Clone, Debug, Default)]
pub struct BriefingOptions {
    /// The document date given on the command line; otherwise it is looked for in the text.
    pub date: Option<CalendarDate>,
    /// The title the file's markup gave (an HTML headline); otherwise it is guessed.
    pub title: Option<String>,
}

/// Counts shown in `stats`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub bytes: usize,
    pub words: usize,
    pub sentences: usize,
    pub paragraphs: usize,
}

/// What brief found in one document. The text itself stays in the [`Document`].
#[derive(Clone, Debug, Default)]
pub struct Briefing {
    pub title: Option<String>,
    pub date: Option<CalendarDate>,
    pub stats: Stats,
    pub entities: Vec<Entity>,
    pub timeline: Vec<TimelineItem>,
    pub quotes: Vec<Quote>,
    /// Relative time expressions (`last year`) that a document date would place.
    pub unplaced_relative: usize,
}

/// The steps of building a briefing, reported as each one starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    Entities,
    Timeline,
    Quotes,
    Done,
}

/// How far a briefing has come: the stage running and a rough share of the work done.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub stage: Stage,
    pub percent: u8,
}

impl Stage {
    /// Rough share of the work done when this stage starts, for a progress indicator.
    pub fn percent(self) -> u8 {
        match self {
            Stage::Entities => 0,
            Stage::Timeline => 60,
            Stage::Quotes => 80,
            Stage::Done => 100,
        }
    }
}

/// Runs every extractor over the document.
pub fn build_briefing(doc: &Document, options: BriefingOptions) -> Briefing {
    build_briefing_with_progress(doc, options, &mut |_| {})
}

/// [`build_briefing`], telling `progress` as each stage starts and, in the long entity
/// stage, after each part of the document (for a background build).
pub fn build_briefing_with_progress(
    doc: &Document,
    options: BriefingOptions,
    progress: &mut dyn FnMut(Progress),
) -> Briefing {
    let mut progress = |stage: Stage, percent: u8| progress(Progress { stage, percent });
    let date = options.date.or_else(|| find_document_date(doc));
    progress(Stage::Entities, Stage::Entities.percent());
    let share = Stage::Timeline.percent() - Stage::Entities.percent();
    let mut entities = extract_entities_with_progress(doc, PART_BYTES, &mut |done, total| {
        let percent = (done * share as usize / total.max(1)) as u8;
        progress(Stage::Entities, Stage::Entities.percent() + percent);
    });
    let mut progress = |stage: Stage| progress(stage, stage.percent());
    progress(Stage::Timeline);
    let expressions = find_time_expressions(doc, date);
    let timeline = timeline_from_expressions(doc, &expressions);
    let unplaced_relative = expressions
        .iter()
        .filter(|e| e.relative && e.when.is_none())
        .count();
    entities.extend(date_entities(doc, &expressions));
    progress(Stage::Quotes);
    let quotes = extract_quotes(doc, &entities);
    let stats = Stats {
        bytes: doc.text.len(),
        words: doc.word_count(),
        sentences: doc.sentences().len(),
        paragraphs: doc.paragraphs.len(),
    };
    progress(Stage::Done);
    Briefing {
        title: options.title.or_else(|| doc.title().map(str::to_string)),
        date,
        stats,
        entities,
        timeline,
        quotes,
        unplaced_relative,
    }
}

/// Every time expression is a date mention; the same words (ignoring case) are one entity.
fn date_entities(doc: &Document, expressions: &[TimeExpression]) -> Vec<Entity> {
    let mut entities: Vec<Entity> = Vec::new();
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for expression in expressions {
        let written = doc.slice(expression.span);
        let key = written.to_lowercase();
        let index = *by_name.entry(key).or_insert_with(|| {
            entities.push(Entity {
                name: written.to_string(),
                kind: EntityKind::Date,
                mentions: Vec::new(),
                description: None,
            });
            entities.len() - 1
        });
        // A day range (`5-6 May`) is two expressions over one span: one mention.
        if entities[index].mentions.last() != Some(&expression.span) {
            entities[index].mentions.push(expression.span);
        }
    }
    entities
}

/// The `--json` object: the contract in `shared/briefing-json.md`.
#[derive(Serialize)]
pub struct BriefingJson<'a> {
    pub source: &'a str,
    pub text: &'a str,
    pub title: Option<&'a str>,
    pub date: Option<String>,
    pub stats: Stats,
    pub sentences: &'a [Span],
    pub entities: &'a [Entity],
    pub timeline: &'a [TimelineItem],
    pub quotes: &'a [Quote],
}

impl Briefing {
    /// The serializable view of this briefing over its document.
    pub fn to_json<'a>(&'a self, doc: &'a Document) -> BriefingJson<'a> {
        BriefingJson {
            source: &doc.source,
            text: &doc.text,
            title: self.title.as_deref(),
            date: self.date.map(|d| d.to_string()),
            stats: self.stats,
            sentences: doc.sentences(),
            entities: &self.entities,
            timeline: &self.timeline,
            quotes: &self.quotes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_only_moves_forward_and_ends_done() {
        let doc = Document::new(
            "t",
            "Maria Lopez visited Geneva on 3 May 2024. \"Yes,\" she said.",
        );
        let mut told = Vec::new();
        let briefing =
            build_briefing_with_progress(&doc, BriefingOptions::default(), &mut |p| told.push(p));
        assert!(!briefing.entities.is_empty());
        assert!(
            told.windows(2).all(|w| w[0].percent <= w[1].percent),
            "{told:?}"
        );
        let stages: Vec<Stage> = told.iter().map(|p| p.stage).collect();
        for stage in [Stage::Entities, Stage::Timeline, Stage::Quotes, Stage::Done] {
            assert!(stages.contains(&stage), "{stage:?} not told: {told:?}");
        }
        assert_eq!(told.last().map(|p| p.percent), Some(100));
    }
}
