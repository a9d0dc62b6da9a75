//! The Timeline pane: dated events under year headings, oldest first.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::{display_prefix, display_suffix, for_display};

use super::app::{App, GroupRow};
use super::layout::Pane;
use super::{pane_block, truncate};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut title = format!("Timeline ({})", app.briefing.timeline.len());
    if !app.timeline.filter.is_empty() {
        title.push_str(&format!(
            " · /{} {}",
            app.timeline.filter,
            app.timeline.items.len()
        ));
    }
    let unplaced = app.briefing.unplaced_relative;
    let block = pane_block(app, Pane::Timeline, &title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    // Relative dates (`last year`) wait for a document date: say how to place them.
    let note = (unplaced > 0 && app.extracting.is_none()).then(|| {
        Line::styled(
            format!(
                "+{unplaced} relative date{}: brief --date YYYY-MM-DD",
                if unplaced == 1 { "" } else { "s" },
            ),
            theme.dim,
        )
    });
    if app.briefing.timeline.is_empty() {
        let mut lines = vec![Line::styled(
            super::placeholder(app, "no dated events found"),
            theme.dim,
        )];
        lines.extend(note);
        Paragraph::new(lines).render(inner, buf);
        return;
    }
    let width = inner.width as usize;
    let text = &app.doc.text;
    let selected = app.timeline.cursor.selected;
    let mut lines: Vec<Line> = app
        .timeline
        .rows
        .iter()
        .skip(app.timeline.cursor.offset)
        .take(inner.height as usize)
        .map(|row| match *row {
            GroupRow::Heading(year, count) => Line::styled(
                format!(
                    "{year} · {count} event{}",
                    if count == 1 { "" } else { "s" }
                ),
                theme.heading,
            ),
            GroupRow::Item(n) => {
                let item = &app.briefing.timeline[app.timeline.items[n]];
                let date = format!("  {:<11} ", item.when.display());
                let room = width.saturating_sub(date.width());
                // The event, starting a little before the date so the date's words show. Only
                // what can show is looked at: a sentence can be megabytes long.
                let sentence = item.sentence.slice(text);
                let date_at = item.span.start.saturating_sub(item.sentence.start);
                let before_all = sentence.get(..date_at).unwrap_or("");
                let before = display_suffix(before_all, room + 1);
                let clipped = before.len() < before_all.len();
                let lead = before
                    .char_indices()
                    .rev()
                    .filter(|(_, c)| c.is_whitespace())
                    .nth(3)
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let lead = if clipped || before.width() + item.span.len() > room {
                    lead
                } else {
                    0
                };
                let ellipsis = if lead > 0 || clipped { "…" } else { "" };
                let head = for_display(before.get(lead..).unwrap_or(""));
                let date_words = for_display(display_prefix(item.span.slice(text), room + 1));
                let tail_start =
                    (item.span.end.saturating_sub(item.sentence.start)).min(sentence.len());
                let tail = sentence.get(tail_start..).unwrap_or("");
                let tail = for_display(display_prefix(tail, room + 1));
                let head = format!("{ellipsis}{head}");
                let head_t = truncate(&head, room);
                let after_head = room.saturating_sub(head_t.width());
                let date_t = truncate(&date_words, after_head);
                let after_date = after_head.saturating_sub(date_t.width());
                let tail_t = truncate(&tail, after_date);
                let line = Line::from(vec![
                    Span::styled(date, theme.dim),
                    Span::raw(head_t),
                    Span::styled(date_t, theme.event_date),
                    Span::raw(tail_t),
                ]);
                if selected == Some(n) {
                    line.style(theme.selected)
                } else {
                    line
                }
            }
        })
        .collect();
    if lines.len() < inner.height as usize {
        lines.extend(note);
    }
    Paragraph::new(lines).render(inner, buf);
}
