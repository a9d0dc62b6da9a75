//! The Entities pane: entities grouped by kind, each with its mention count.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::for_display;

use super::app::{App, EntityOrder, GroupRow};
use super::layout::Pane;
use super::{pane_block, truncate};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let order = match app.entities.order {
        EntityOrder::MostMentioned => "by count",
        EntityOrder::FirstMention => "in order",
    };
    let title = format!("Entities ({}) · {order}", app.briefing.entities.len());
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
                let name = truncate(&for_display(&entity.name), room);
                let mut spans = vec![Span::raw("  "), Span::raw(name.clone())];
                let mut used = 2 + name.width();
                if let Some(description) = &entity.description {
                    let room = width.saturating_sub(used + count.width() + 3);
                    if room > 6 {
                        let d = truncate(&for_display(description), room);
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
