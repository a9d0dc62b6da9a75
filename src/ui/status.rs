//! The status line: the focused pane, where the text view is, and the key hint.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::sanitize::{display_prefix, for_display};

use super::app::App;
use super::truncate;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let (line, lines, percent) = app.position();
    if let Some(path) = &app.confirm {
        let question = format!(" {} exists: overwrite? (y/n) ", path.display());
        let line = Line::styled(
            truncate(&for_display(&question), area.width as usize),
            theme.status_focus,
        );
        Paragraph::new(line).render(area, buf);
        return;
    }
    if let Some(query) = &app.prompt {
        let what = if app.prompt_target == super::layout::Pane::Text {
            "/"
        } else {
            "filter /"
        };
        let line = Line::from(vec![
            Span::styled(what, theme.status_focus),
            Span::raw(truncate(
                &for_display(query),
                (area.width as usize).saturating_sub(2),
            )),
            Span::raw("▏"),
            Span::styled("  Enter go · Esc cancel · C-r regex", theme.dim),
        ]);
        Paragraph::new(line.style(theme.status)).render(area, buf);
        return;
    }
    let mut left = vec![
        Span::styled(format!(" {} ", app.focus.name()), theme.status_focus),
        Span::raw(
            app.document_label
                .as_ref()
                .map_or(String::new(), |l| format!(" {l} ·")),
        ),
        Span::raw(format!(" line {line}/{lines} · {percent}% ")),
    ];
    if let Some(e) = app.selected_entity().map(|e| &app.briefing.entities[e]) {
        let at = app.mention.map_or(String::new(), |m| format!("{}/", m + 1));
        left.push(Span::raw(format!(
            "· {} {at}{} ",
            for_display(display_prefix(&e.name, area.width as usize)),
            e.mentions.len()
        )));
    }
    if let Some(search) = &app.search {
        let at = search
            .current
            .map_or(String::new(), |i| format!("{}/", i + 1));
        left.push(Span::raw(format!(
            "· /{} {at}{} ",
            truncate(&for_display(&search.query), 24),
            search.matches.len()
        )));
    }
    if let Some(message) = app.message.as_ref().or(app.notice.as_ref()) {
        let message = display_prefix(message, area.width as usize);
        left.push(Span::raw(format!("· {} ", for_display(message))));
    }
    let hint = " ? help  q quit ";
    let used: usize = left.iter().map(|s| s.content.width()).sum();
    let width = area.width as usize;
    let line = if used + hint.width() <= width {
        left.push(Span::raw(" ".repeat(width - used - hint.width())));
        left.push(Span::raw(hint));
        Line::from(left)
    } else {
        let joined: String = left.iter().map(|s| s.content.as_ref()).collect();
        Line::raw(truncate(&joined, width))
    };
    Paragraph::new(line.style(theme.status)).render(area, buf);
}
