//! The help overlay, drawn from the keymap so it always lists the real bindings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::app::App;
use super::keymap::Binding;

/// Keys shown per binding: the rest still work, the help stays narrow.
const KEYS_SHOWN: usize = 2;

/// A binding's keys as the help shows them.
pub fn help_label(binding: &Binding) -> String {
    binding
        .keys
        .iter()
        .take(KEYS_SHOWN)
        .map(|k| k.name())
        .collect::<Vec<_>>()
        .join(" ")
}

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let bindings: Vec<&Binding> = app
        .keymap
        .bindings
        .iter()
        .filter(|b| !b.keys.is_empty())
        .collect();
    let footer = [
        Line::default(),
        Line::styled(" mouse: click a pane or item, wheel scrolls", theme.dim),
        Line::styled(" any key closes this help", theme.dim),
    ];
    // As many columns as it takes to fit the screen's height (up to three).
    let room = (area.height as usize)
        .saturating_sub(footer.len() + 2)
        .max(1);
    let columns = bindings.len().div_ceil(room).clamp(1, 3);
    let rows = bindings.len().div_ceil(columns);
    let key_width = bindings
        .iter()
        .map(|b| help_label(b).chars().count())
        .max()
        .unwrap_or(0)
        + 2;
    let help_width = bindings
        .iter()
        .map(|b| b.help.chars().count())
        .max()
        .unwrap_or(0);
    let entry = |i: usize| -> Vec<Span> {
        bindings.get(i).map_or_else(Vec::new, |b| {
            vec![
                Span::styled(format!(" {:<key_width$}", help_label(b)), theme.heading),
                Span::raw(format!("{:<help_width$}", b.help)),
            ]
        })
    };
    let mut lines: Vec<Line> = (0..rows)
        .map(|row| {
            let mut spans = Vec::new();
            for column in 0..columns {
                if column > 0 {
                    spans.push(Span::raw(" "));
                }
                spans.extend(entry(row + column * rows));
            }
            Line::from(spans)
        })
        .collect();
    lines.extend(footer);
    let width = (lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 3).min(area.width);
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .block(
            Block::default()
                .borders(Borders::ALL)
                .border_style(theme.border_focused)
                .title(" brief · keys "),
        )
        .render(popup, buf);
}
