//! The Quotes pane: who said what, in text order.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::extract::quotes::QuoteKind;
use crate::sanitize::{display_prefix, for_display};

use super::app::{App, QUOTE_ROWS};
use super::layout::Pane;
use super::{pane_block, truncate, with_ellipsis};

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let quotes = &app.briefing.quotes;
    // Counted when the briefing was set: a frame must not walk every quote.
    let (speech, terms) = (app.quotes.speech, app.quotes.terms);
    let mut title = format!("Quotes ({speech})");
    if terms > 0 {
        title.push_str(&format!(
            " · {terms} term{}{}",
            if terms == 1 { "" } else { "s" },
            if app.quotes.hide_terms { " hidden" } else { "" }
        ));
    }
    if !app.quotes.filter.is_empty() {
        title.push_str(&format!(
            " · /{} {}",
            app.quotes.filter,
            app.quotes.items.len()
        ));
    }
    if app.quotes.grouped {
        title.push_str(" · by speaker");
    }
    let block = pane_block(app, Pane::Quotes, &title);
    let inner = block.inner(area);
    block.render(area, buf);
    if inner.is_empty() {
        return;
    }
    if quotes.is_empty() {
        Paragraph::new(Line::styled(
            super::placeholder(app, "no quotations found"),
            theme.dim,
        ))
        .render(inner, buf);
        return;
    }
    let width = (inner.width as usize).max(1);
    let text = &app.doc.text;
    let mut lines: Vec<Line> = Vec::new();
    for (n, &i) in app
        .quotes
        .items
        .iter()
        .enumerate()
        .skip(app.quotes.cursor.offset)
    {
        if lines.len() >= inner.height as usize {
            break;
        }
        let quote = &quotes[i];
        let selected = app.quotes.cursor.selected == Some(n);
        let speaker = match (&quote.speaker, quote.kind) {
            (Some(s), _) => {
                // A pronoun shows whom it refers to: `he (Jan Smith)`.
                let name = match &s.resolved {
                    Some(who) if *who != s.name => format!("{} ({who})", s.name),
                    _ => s.name.clone(),
                };
                Span::styled(
                    truncate(&for_display(display_prefix(&name, width + 1)), width),
                    theme.speaker,
                )
            }
            (None, QuoteKind::Term) => Span::styled("term", theme.dim),
            (None, QuoteKind::Speech) => Span::styled("unattributed", theme.dim),
        };
        let mut head = Line::from(vec![speaker]);
        if selected {
            head = head.style(theme.selected);
        }
        lines.push(head);
        // Only the start of the quotation shows: one more row's worth than the pane has room
        // for tells whether to end with `…`, so a multi-megabyte quote costs no more.
        let body_width = width.saturating_sub(2).max(1);
        let all = quote.span.slice(text);
        let shown = display_prefix(all, QUOTE_ROWS * body_width);
        let words = for_display(shown);
        let mut wrapped = textwrap::wrap(&words, body_width);
        if shown.len() < all.len() && wrapped.len() < QUOTE_ROWS {
            // Cut before the pane was full (a long run of spaces): there is more all the same.
            wrapped.resize(QUOTE_ROWS, "".into());
        }
        for row in 0..QUOTE_ROWS - 1 {
            let Some(part) = wrapped.get(row) else {
                lines.push(Line::default());
                continue;
            };
            let last_row = row == QUOTE_ROWS - 2;
            let more = wrapped.len() > row + 1;
            let shown = if last_row && more {
                with_ellipsis(part, body_width)
            } else {
                part.to_string()
            };
            let style = if quote.kind == QuoteKind::Term {
                theme.dim
            } else {
                theme.quote
            };
            let mut line = Line::from(vec![Span::raw("  "), Span::styled(shown, style)]);
            if selected {
                line = line.style(theme.selected);
            }
            lines.push(line);
        }
    }
    Paragraph::new(lines).render(inner, buf);
}
