//! The Entities pane: entities grouped by kind, each with its mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::{display_prefix, display_suffix, for_display};

use super::app::{App, EntityOrder, GroupRow, ListCursor};
use super::layout::Pane;
use super::{pane_block, truncate};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let order = match app.entities.order {
        EntityOrder::MostMentioned => "by count",
        EntityOrder::FirstMention => "in order",
    };
    let mut title = format!("Entities ({}) · {order}", app.briefing.entities.len());
    if !app.entities.filter.is_empty() {
        title.push_str(&format!(
            " · /{} {}",
            app.entities.filter,
            app.entities.items.len()
        ));
    }
    if let Some(kind) = app.entities.kind_filter {
        title.push_str(&format!(" · {} only", kind.heading().to_lowercase()));
    }
    let block = pane_block(app, Pane::Entities, &title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    if app.briefing.entities.is_empty() {
        Paragraph::new(Line::styled(
            super::placeholder(app, "no entities found"),
            theme.dim,
        ))
        .render(inner, buf);
        return;
    }
    if let (Some(detail), Some(entity)) = (app.entities.detail, app.selected_entity()) {
        draw_detail(app, entity, detail, inner, buf);
        return;
    }
    let width = inner.width as usize;
    let selected = app.entities.cursor.selected;
    let lines: Vec<Line> = app
        .entities
        .rows
        .iter()
        .skip(app.entities.cursor.offset)
        .take(inner.height as usize)
        .map(|row| match *row {
            GroupRow::Heading(kind, count) => {
                Line::styled(format!("{} ({count})", kind.heading()), theme.heading)
            }
            GroupRow::Item(n) => {
                let entity = &app.briefing.entities[app.entities.items[n]];
                let count = format!(" {}", entity.mentions.len());
                let room = width.saturating_sub(count.width() + 2);
                let name = truncate(&for_display(display_prefix(&entity.name, room + 1)), room);
                let mut spans = vec![Span::raw("  "), Span::raw(name.clone())];
                let mut used = 2 + name.width();
                if let Some(description) = &entity.description {
                    let room = width.saturating_sub(used + count.width() + 3);
                    if room > 6 {
                        let d = truncate(&for_display(display_prefix(description, room + 1)), room);
                        used += d.width() + 3;
                        spans.push(Span::styled(format!(" · {d}"), theme.dim));
                    }
                }
                let pad = width.saturating_sub(used + count.width());
                spans.push(Span::raw(" ".repeat(pad)));
                spans.push(Span::styled(count, theme.dim));
                let line = Line::from(spans);
                if selected == Some(n) {
                    line.style(theme.selected)
                } else {
                    line
                }
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

/// The detail view: the entity, then each mention with a line of context around it.
fn draw_detail(app: &App, entity: usize, detail: ListCursor, inner: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let entity = &app.briefing.entities[entity];
    let width = inner.width as usize;
    let text = &app.doc.text;
    let head = format!(
        "◂ {} · {} mention{} (Esc back)",
        for_display(&entity.name),
        entity.mentions.len(),
        if entity.mentions.len() == 1 { "" } else { "s" }
    );
    let mut lines = vec![Line::styled(truncate(&head, width), theme.heading)];
    for (i, mention) in entity
        .mentions
        .iter()
        .enumerate()
        .skip(detail.offset)
        .take((inner.height as usize).saturating_sub(1))
    {
        let line_number = app
            .text
            .line_starts
            .partition_point(|&s| s <= mention.start);
        let label = format!("{line_number:>5} ");
        let room = width.saturating_sub(label.width());
        let (before, words, after) = context(text, *mention, room);
        let mut spans = vec![
            Span::styled(label, theme.dim),
            Span::raw(before),
            Span::styled(words, theme.mention),
            Span::raw(after),
        ];
        if detail.selected == Some(i) {
            spans = spans
                .into_iter()
                .map(|s| s.patch_style(theme.selected))
                .collect();
        }
        lines.push(Line::from(spans));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// A mention with the words around it, fitted to `room` columns: about a third before it.
/// Only as much of its line as can show is looked at, so a mention in a 100 MB line costs no
/// more than one in a short line.
fn context(text: &str, mention: crate::span::Span, room: usize) -> (String, String, String) {
    let words = truncate(
        &for_display(display_prefix(mention.slice(text), room + 1)),
        room,
    );
    let left_room = (room.saturating_sub(words.width())) / 3;
    // One column more than fits: the line goes on before it when this holds no newline.
    let before_all = display_suffix(&text[..mention.start], left_room + 1);
    let line_start = before_all.rfind('\n').map_or(0, |i| i + 1);
    let before = tail_fitting(&for_display(&before_all[line_start..]), left_room);
    let right_room = room.saturating_sub(words.width() + before.width());
    let after_all = display_prefix(&text[mention.end..], right_room + 1);
    let line_end = after_all.find('\n').unwrap_or(after_all.len());
    let after = truncate(&for_display(&after_all[..line_end]), right_room);
    (before, words, after)
}

/// The end of `text` that fits in `width` columns, starting with `…` when cut.
fn tail_fitting(text: &str, width: usize) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    if text.width() <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept = Vec::new();
    let mut used = 1;
    for g in text.graphemes(true).rev() {
        let w = crate::sanitize::grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        kept.push(g);
    }
    kept.reverse();
    format!("…{}", kept.concat())
}
