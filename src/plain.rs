//! The briefing as readable plain text, for `brief FILE | less` and other pipes.

use std::fmt::Write;

use crate::briefing::Briefing;
use crate::document::Document;
use crate::extract::entities::EntityKind;
use crate::extract::quotes::QuoteKind;
use crate::sanitize::for_display;

/// Title, entities by kind, the timeline by year and the quotes, every piece sanitized so
/// that no control character of the text reaches the terminal.
pub fn briefing_as_text(doc: &Document, briefing: &Briefing) -> String {
    let mut out = String::new();
    let title = briefing.title.as_deref().unwrap_or(&doc.source);
    let _ = writeln!(out, "{}", for_display(title));
    let s = briefing.stats;
    let _ = writeln!(
        out,
        "{} words, {} sentences, {} paragraphs{}",
        s.words,
        s.sentences,
        s.paragraphs,
        briefing
            .date
            .map_or(String::new(), |d| format!(", dated {d}"))
    );

    let _ = writeln!(out, "\nENTITIES ({})", briefing.entities.len());
    for kind in EntityKind::ALL {
        let mut of_kind: Vec<_> = briefing
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .collect();
        if of_kind.is_empty() {
            continue;
        }
        of_kind.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        let _ = writeln!(out, "  {}", kind.heading());
        for e in of_kind {
            let description = e
                .description
                .as_deref()
                .map_or(String::new(), |d| format!(" ({})", for_display(d)));
            let _ = writeln!(
                out,
                "    {} ×{}{description}",
                for_display(&e.name),
                e.mentions.len()
            );
        }
    }

    let _ = writeln!(out, "\nTIMELINE ({})", briefing.timeline.len());
    let mut year = None;
    for item in &briefing.timeline {
        if year != Some(item.when.year) {
            year = Some(item.when.year);
            let _ = writeln!(out, "  {}", item.when.year);
        }
        let _ = writeln!(
            out,
            "    {}: {}",
            for_display(&item.label),
            for_display(doc.slice(item.sentence))
        );
    }

    let _ = writeln!(out, "\nQUOTES ({})", briefing.quotes.len());
    for quote in &briefing.quotes {
        let who = match (&quote.speaker, quote.kind) {
            (Some(s), _) => for_display(&s.name).into_owned(),
            (None, QuoteKind::Term) => "term".into(),
            (None, QuoteKind::Speech) => "unattributed".into(),
        };
        let _ = writeln!(out, "  {who}: “{}”", for_display(doc.slice(quote.span)));
    }
    out
}
