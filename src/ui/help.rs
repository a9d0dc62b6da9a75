//! The help overlay, drawn from the keymap so it always lists the real bindings.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::app::App;

pub fn draw(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let bindings = &app.keymap.bindings;
    let key_width = bindings
        .iter()
        .map(|b| b.label().chars().count())
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
                Span::styled(format!(" {:<key_width$}", b.label()), theme.heading),
                Span::raw(format!("{:<help_width$}", b.help)),
            ]
        })
    };
    let footer = [
        Line::default(),
        Line::styled(" mouse: click a pane or item, wheel scrolls", theme.dim),
        Line::styled(" any key closes this help", theme.dim),
    ];
    // One column when it fits the screen's height, two side by side when it does not.
    let one_column = bindings.len() + footer.len() + 2 <= area.height as usize;
    let rows = if one_column {
        bindings.len()
    } else {
        bindings.len().div_ceil(2)
    };
    let mut lines: Vec<Line> = (0..rows)
        .map(|row| {
            let mut spans = entry(row);
            if !one_column {
                spans.push(Span::raw("  "));
                spans.extend(entry(row + rows));
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
