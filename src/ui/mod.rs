//! The drawing layer: application state, actions, the keymap and one module per pane.
//!
//! Everything here draws into a ratatui [`Buffer`]; reading the terminal and writing to it
//! is the binary's job (`src/main.rs`), so the whole UI can be tested on a `TestBackend`.

pub mod action;
pub mod app;
pub mod config;
pub mod entities;
pub mod help;
pub mod keymap;
pub mod layout;
pub mod quotes;
pub mod status;
pub mod text;
pub mod theme;
pub mod timeline;
pub mod workspace;
pub mod wrap;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget};
use ratatui::Frame;
use unicode_segmentation::UnicodeSegmentation;

use crate::sanitize::grapheme_width;

pub use action::Action;
pub use app::App;
pub use layout::Pane;
pub use workspace::Workspace;

/// Draws the whole screen. Reads the state, never changes it.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    render(app, area, frame.buffer_mut());
}

/// Draws the screen into a buffer (what [`draw`] does, without a frame).
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let layout = &app.layout;
    if layout.too_small || area.width < layout::MIN_WIDTH || area.height < layout::MIN_HEIGHT {
        let message = truncate("brief: window too small", area.width as usize);
        Paragraph::new(message).render(area, buf);
        return;
    }
    if let Some(tabs) = layout.tabs {
        draw_tabs(app, tabs, buf);
    }
    for pane in Pane::ALL {
        let Some(rect) = layout.pane(pane) else {
            continue;
        };
        let rect = rect.intersection(area);
        match pane {
            Pane::Text => text::draw(app, rect, buf),
            Pane::Entities => entities::draw(app, rect, buf),
            Pane::Timeline => timeline::draw(app, rect, buf),
            Pane::Quotes => quotes::draw(app, rect, buf),
        }
    }
    status::draw(app, layout.status.intersection(area), buf);
    if app.show_help {
        help::draw(app, area, buf);
    }
}

/// A pane's border and title; the focused pane's border stands out.
pub(crate) fn pane_block<'a>(app: &App, pane: Pane, title: &str) -> Block<'a> {
    let focused = app.focus == pane;
    let style = if focused {
        app.theme.border_focused
    } else {
        app.theme.border
    };
    Block::default()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Line::from(vec![
            Span::styled(format!("{} ", pane.index() + 1), app.theme.dim),
            Span::styled(
                crate::sanitize::for_display(title).into_owned(),
                app.theme.title,
            ),
        ]))
}

fn draw_tabs(app: &App, area: Rect, buf: &mut Buffer) {
    let counts = [
        app.briefing.stats.words,
        app.briefing.entities.len(),
        app.briefing.timeline.len(),
        app.briefing.quotes.len(),
    ];
    let mut spans = Vec::new();
    for (pane, count) in Pane::ALL.into_iter().zip(counts) {
        let style = if pane == app.focus {
            app.theme.tab_focused
        } else {
            app.theme.tab
        };
        let label = if pane == Pane::Text {
            format!("{} {}", pane.index() + 1, pane.name())
        } else {
            format!("{} {} {count}", pane.index() + 1, pane.name())
        };
        spans.push(Span::styled(label, style));
        spans.push(Span::raw(" │ "));
    }
    spans.pop();
    Paragraph::new(Line::from(spans)).render(area, buf);
}

/// Cuts `text` to `width` columns, ending with `…` when something was cut.
pub(crate) fn truncate(text: &str, width: usize) -> String {
    let total: usize = text.graphemes(true).map(grapheme_width).sum();
    if total <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// `text` followed by `…` within `width` columns (cutting `text` if need be).
pub(crate) fn with_ellipsis(text: &str, width: usize) -> String {
    let total: usize = text.graphemes(true).map(grapheme_width).sum();
    if total < width {
        format!("{text}…")
    } else {
        truncate(&format!("{text}…"), width)
    }
}

/// What an empty list pane says: progress while the briefing is being built, else `empty`.
pub(crate) fn placeholder(app: &App, empty: &str) -> String {
    match app.extracting {
        Some(percent) => format!("extracting… {percent}%"),
        None => empty.to_string(),
    }
}
