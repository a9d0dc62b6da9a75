//! Any text drawn at any size after any keys: no panic, no control character on screen, and
//! every text row within its pane (a single too-wide grapheme being the one exception).
//!
//! Input: bytes 0-1 pick the width (1-400), byte 2 the height (1-120), byte 3 seeds the
//! actions (and whether to add synthetic highlights); the rest is the file.
#![no_main]

mod common;

use brief::sanitize::display_width;
use brief::ui::{self, Action, App, Pane};
use brief::{build_briefing, BriefingOptions, Document, Entity, EntityKind, Span};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const ACTIONS: &[Action] = &[
    Action::Down,
    Action::Up,
    Action::PageDown,
    Action::PageUp,
    Action::HalfPageDown,
    Action::Top,
    Action::Bottom,
    Action::FocusNext,
    Action::FocusPrev,
    Action::Focus(Pane::Text),
    Action::Activate,
    Action::NextMention,
    Action::PrevMention,
    Action::NextEvent,
    Action::PrevEvent,
    Action::NextYear,
    Action::PrevYear,
    Action::ToggleEntityOrder,
    Action::ToggleHelp,
    Action::Cancel,
];

/// xorshift: a few bytes of input make a long, varied key sequence.
fn next(state: &mut u32) -> u32 {
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    *state
}

fn check_frame(app: &App) {
    let area = Rect::new(0, 0, app.size.width, app.size.height);
    let mut buf = Buffer::empty(area);
    ui::render(app, area, &mut buf);
    for cell in buf.content() {
        assert!(
            !cell.symbol().chars().any(common::is_forbidden_on_screen),
            "{:?} on screen",
            cell.symbol()
        );
    }
    let (line, lines, percent) = app.position();
    assert!(line >= 1 && line <= lines && percent <= 100);
    if app.layout.too_small {
        return;
    }
    let Some(rect) = app.layout.pane(Pane::Text) else {
        return;
    };
    let width = rect.width.saturating_sub(2) as usize;
    let height = rect.height.saturating_sub(2) as usize;
    let text = &app.doc.text;
    for row in app.text.wrapped.rows_from(text, app.text.top, height) {
        common::check_span(text, row.span, "row");
        let s = row.span.slice(text);
        assert!(
            display_width(s) <= width || unicode_segmentation_count(s) <= 1,
            "row {s:?} wider than {width}"
        );
    }
}

fn unicode_segmentation_count(s: &str) -> usize {
    // brief re-exports nothing of unicode-segmentation; wrap_span on the row itself tells
    // how many graphemes it has when given room for one column each.
    brief::ui::wrap::wrap_span(s, Span::new(0, s.len()), 1).len()
}

fuzz_target!(|data: &[u8]| {
    if data.len() < 4 {
        return;
    }
    let width = 1 + (u16::from_le_bytes([data[0], data[1]]) % 400);
    let height = 1 + u16::from(data[2]) % 120;
    let seed = data[3];
    let loaded = Document::from_bytes("fuzz.txt", data[4..].to_vec());
    let doc = loaded.document;
    common::check_document(&doc);
    let mut briefing = build_briefing(&doc, BriefingOptions::default());
    common::check_briefing(&doc, &briefing);
    if seed & 1 == 1 {
        // Highlights on the raw text: every word a mention of one entity.
        let mentions: Vec<Span> = doc
            .text
            .split_ascii_whitespace()
            .take(64)
            .map(|w| {
                let start = w.as_ptr() as usize - doc.text.as_ptr() as usize;
                Span::new(start, start + w.len())
            })
            .collect();
        if let Some(first) = mentions.first() {
            briefing.entities.push(Entity {
                name: doc.slice(*first).to_string(),
                kind: EntityKind::Person,
                mentions,
                description: Some(doc.text.chars().take(40).collect()),
            });
        }
    }
    let mut app = App::new(doc, briefing);
    app.notice = loaded.warnings.first().cloned();
    app.update(Action::Resize { width, height });
    check_frame(&app);
    let mut state = u32::from(seed).wrapping_mul(2_654_435_761) | 1;
    for _ in 0..12 {
        let r = next(&mut state);
        let action = if r % 5 == 0 {
            Action::Resize {
                width: (r >> 8) as u16 % 401,
                height: (r >> 20) as u16 % 121,
            }
        } else {
            ACTIONS[(r >> 3) as usize % ACTIONS.len()]
        };
        app.update(action);
        check_frame(&app);
    }
});
