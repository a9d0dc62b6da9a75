//! Hostile, broken and huge input, generated here (nothing large is committed), run through
//! load, extraction and drawing. Whatever the text holds: the screen shows no control
//! character, every span lies inside the text on char boundaries, the timeline stays sorted,
//! wrapped rows fit their pane without splitting a grapheme, and no size or resize panics.
//!
//! The checks are invariants, not content, so they hold for any correct extractor. Because an
//! extractor may find nothing in noise, each case is also drawn with a synthetic briefing that
//! puts highlights, names and quotes on the hostile text itself.

use std::collections::HashSet;
use std::path::PathBuf;

use brief::document::{load_path, looks_binary, LoadError, LoadOptions};
use brief::extract::quotes::{Quote, QuoteKind, Speaker};
use brief::extract::timeline::{TimelineItem, When};
use brief::sanitize::{display_width, for_display};
use brief::ui::wrap::wrap_span;
use brief::ui::{self, Action, App, Pane};
use brief::{build_briefing, Briefing, BriefingOptions, Document, Entity, EntityKind, Span};
use proptest::prelude::*;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

// ----- the corpus

/// Pieces of hostile text: the proptest alphabet, and the building blocks of the corpus.
const FRAGMENTS: &[&str] = &[
    "\u{1b}[2J",
    "\u{1b}[H",
    "\u{1b}[31mred\u{1b}[0m",
    "\u{1b}[?1049l",
    "\u{1b}[?1000h",
    "\u{1b}[?25l",
    "\u{1b}]0;PWNED\u{7}",
    "\u{1b}]2;title\u{1b}\\",
    "\u{1b}]52;c;aGVsbG8=\u{7}",
    "\u{1b}]8;;http://evil.example/\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "\u{9b}2J",
    "\u{9d}0;c1 title\u{9c}",
    "\u{85}",
    "\u{7}",
    "\u{8}\u{8}\u{8}XXX",
    "over\rwrite",
    "\r\n",
    "\r",
    "\n",
    "\n\n",
    "\t",
    "\u{0}",
    "\u{7f}",
    "\u{202a}",
    "\u{202b}",
    "\u{202c}",
    "\u{202d}",
    "\u{202e}evil\u{202c}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{200e}\u{200f}\u{61c}",
    "\u{2028}",
    "\u{2029}",
    "\u{feff}",
    "\u{200b}\u{2060}\u{ad}",
    "日本語のテキスト。",
    "中文字符",
    "한국어",
    "👩\u{200d}👩\u{200d}👧",
    "❤\u{fe0f}",
    "🏳\u{fe0f}\u{200d}🌈",
    "🇺🇸🇫",
    "👍🏽",
    "1\u{fe0f}\u{20e3}",
    "e\u{301}\u{302}\u{303}",
    "\u{301}",
    " \u{301}",
    "\u{600}\u{600}a",
    "\u{600} ",
    "ｶﾞｷﾞﾊﾟ",
    "\u{ff9e}",
    "שלום עולם",
    "مرحبا بالعالم",
    "لا",
    "Mr. Smith said \"hello.\" ",
    "In 2021, Acme Corp. ",
    "“quoted ‘nested’ words” ",
    "U.S. ",
    ". ",
    "? ",
    "word ",
    "Word ",
    " ",
    "   ",
];

/// Invalid UTF-8 pieces: lone continuation bytes, truncated sequences, an encoded surrogate,
/// overlong forms, a code point past U+10FFFF and raw C1 bytes.
const BAD_BYTES: &[&[u8]] = &[
    b"\xff",
    b"\xfe",
    b"\x80",
    b"\xc3",
    b"\xc3\x28",
    b"\xe2\x82",
    b"\xed\xa0\x80",
    b"\xed\xbf\xbf",
    b"\xc0\x80",
    b"\xf4\x90\x80\x80",
    b"\x9b2J",
];

fn corpus() -> Vec<(&'static str, Vec<u8>)> {
    let mut all_c0_c1 = String::from("C0:");
    for c in (0u8..0x20).filter(|&b| b != 0) {
        all_c0_c1.push(c as char);
    }
    all_c0_c1.push_str(" DEL:\u{7f} C1:");
    all_c0_c1.extend((0x80u32..0xa0).filter_map(char::from_u32));
    all_c0_c1.push_str(" end.");
    let mut bad = b"ok ".to_vec();
    for piece in BAD_BYTES {
        bad.extend_from_slice(piece);
        bad.extend_from_slice(b" mid ");
    }
    let cases: Vec<(&'static str, Vec<u8>)> = vec![
        (
            "csi",
            b"Clear \x1b[2J\x1b[H screen \x1b[31mred\x1b[0m. Left \x1b[?1049l alt. Mouse \x1b[?1000h on. Hide \x1b[?25l cursor.".to_vec(),
        ),
        (
            "osc",
            b"Title \x1b]0;PWNED\x07 and \x1b]2;again\x1b\\ clip \x1b]52;c;aGVsbG8=\x07 link \x1b]8;;http://evil/\x1b\\here\x1b]8;;\x1b\\ done.".to_vec(),
        ),
        ("bel_backspace_cr", b"Ring\x07\x07 back\x08\x08\x08XXX over\rwrite. Another\r\rline.".to_vec()),
        ("c0_c1", all_c0_c1.into_bytes()),
        ("c1_raw_bytes", b"Raw C1 \x9b2J and \x9d0;t\x9c bytes.".to_vec()),
        (
            "bidi",
            "Invoice \u{202e}fdp.exe\u{202c} and \u{2066}isolate\u{2069} \u{202a}\u{202b}\u{202d}\u{2067}\u{2068} \u{200e}\u{200f}\u{61c}\u{2028}\u{2029}".into(),
        ),
        ("tabs", b"a\tb\t\tc\n\tindented\n\t\t\t\n\ttail\t".to_vec()),
        ("cjk", "日本語のテキスト。中文字符。한국어 텍스트. ".repeat(40).into_bytes()),
        ("emoji", "👩\u{200d}👩\u{200d}👧 ❤\u{fe0f} 🏳\u{fe0f}\u{200d}🌈 🇺🇸🇫 👍🏽 1\u{fe0f}\u{20e3} ".repeat(30).into_bytes()),
        (
            "combining",
            format!("e\u{301}\u{302}\u{303} zalgo: a{} b{} end", "\u{301}\u{316}\u{334}".repeat(30), "\u{302}".repeat(200)).into_bytes(),
        ),
        ("leading_marks", " \u{301}starts with a marked space.\n\u{301}and a lone mark.\n\u{600} \nprepend then space".into()),
        ("rtl", "שלום עולם. مرحبا بالعالم. لا لا لا. Mixed English עברית words.".repeat(20).into_bytes()),
        ("halfwidth", "ｶﾞｷﾞﾊﾟ \u{ff9e}\u{ff9f} ".repeat(50).into_bytes()),
        ("invalid_utf8", bad),
        ("crlf_mixes", b"one\r\ntwo\rthree\n\r\nfour\r\r\nfive\n\n\r\r\n\nsix".to_vec()),
        ("nul", b"text with a \x00 NUL byte\x00\x00".to_vec()),
        ("empty", Vec::new()),
        ("whitespace_only", b" \n\t\n\r\n   \n".to_vec()),
        ("zero_width", "\u{200b}\u{2060}\u{feff}\u{ad}\u{200d}\u{200c}".repeat(10).into_bytes()),
        ("long_word", "x".repeat(100_000).into_bytes()),
        ("long_wide_word", "語".repeat(20_000).into_bytes()),
        ("escapes_in_a_long_line", "\u{1b}[2J\u{1b}]52;c;eA==\u{7}word \u{202e}".repeat(2_000).into_bytes()),
        ("regional_indicators", "🇺".repeat(5_001).into_bytes()),
        ("big_cluster", format!("a{}", "\u{301}".repeat(3_000)).into_bytes()),
        ("huge_cluster", format!("a{} tail", "\u{301}".repeat(20_000)).into_bytes()),
        ("bom", "\u{feff}Starts with a BOM.\u{feff} And one inside.".into()),
    ];
    cases
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

// ----- invariants

fn is_forbidden_on_screen(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} is not inside the text ({} bytes) on char boundaries",
        text.len()
    );
}

/// Sorted, non-overlapping, non-empty spans inside the text.
fn check_sequence(text: &str, spans: &[Span], what: &str) {
    for &s in spans {
        check_span(text, s, what);
        assert!(!s.is_empty(), "{what} {s:?} is empty");
    }
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what} out of order: {pair:?}"
        );
    }
}

fn check_document(doc: &Document) {
    let text = &doc.text;
    assert!(!text.contains('\r'), "a CR survived normalizing");
    check_sequence(text, &doc.paragraphs, "paragraph");
    check_sequence(text, doc.sentences(), "sentence");
    for &s in doc.sentences() {
        let p = doc
            .paragraph_at(s.start)
            .unwrap_or_else(|| panic!("sentence {s:?} outside every paragraph"));
        assert!(
            doc.paragraphs[p].encloses(s),
            "sentence {s:?} crosses a paragraph"
        );
    }
    for &p in &doc.paragraphs {
        assert!(
            !doc.slice(p).contains("\n\n"),
            "paragraph {p:?} holds a blank line"
        );
        assert!(!doc.slice(p).trim().is_empty(), "paragraph {p:?} is blank");
    }
}

/// What the contract promises of any extractor's output, checked on any text.
fn check_briefing(doc: &Document, briefing: &Briefing) {
    let text = &doc.text;
    for e in &briefing.entities {
        for &m in &e.mentions {
            check_span(text, m, "mention");
        }
        for pair in e.mentions.windows(2) {
            assert!(
                pair[0].start <= pair[1].start,
                "mentions of {:?} out of text order",
                e.name
            );
        }
    }
    for item in &briefing.timeline {
        check_span(text, item.span, "timeline span");
        check_span(text, item.sentence, "timeline sentence");
        assert!(
            item.sentence.encloses(item.span),
            "timeline span {:?} outside its sentence {:?}",
            item.span,
            item.sentence
        );
    }
    // Sorted by date: by year; in a year, items without a month before the months, in order.
    for pair in briefing.timeline.windows(2) {
        let (a, b) = (pair[0].when, pair[1].when);
        let key = |w: When| (w.year, w.month.map_or(0, i32::from));
        assert!(key(a) <= key(b), "timeline out of order: {a:?} then {b:?}");
    }
    for q in &briefing.quotes {
        check_span(text, q.span, "quote");
        for &n in &q.nested {
            check_span(text, n, "nested quote");
            assert!(
                q.span.encloses(n),
                "nested {n:?} outside its quote {:?}",
                q.span
            );
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.span, "speaker");
        }
    }
}

/// Spans on the hostile text itself: words as entity mentions (their hostile text as names),
/// sentences as events and quotes, so every pane draws the hostile content.
fn synthetic_briefing(doc: &Document) -> Briefing {
    let text = &doc.text;
    let mut words: Vec<Span> = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().take(20_000) {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                words.push(Span::new(s, i));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    let mut entities: Vec<Entity> = Vec::new();
    for (n, chunk) in words.chunks(3).take(40).enumerate() {
        entities.push(Entity {
            name: doc.slice(chunk[0]).to_string(),
            kind: EntityKind::ALL[n % EntityKind::ALL.len()],
            mentions: chunk.to_vec(),
            description: (n % 2 == 0).then(|| doc.slice(*chunk.last().unwrap()).to_string()),
        });
    }
    // Sentences cut to about a kilobyte: what a pane draws of a sentence is a line or two.
    let sentences: Vec<Span> = doc
        .sentences()
        .iter()
        .take(200)
        .map(|s| {
            let mut end = s.end.min(s.start + 1024);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            Span::new(s.start, end)
        })
        .collect();
    let timeline = sentences
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let span = words
                .iter()
                .copied()
                .find(|w| s.encloses(*w))
                .unwrap_or(Span::new(s.start, s.start));
            TimelineItem {
                when: When {
                    year: 1990 + (i / 3) as i32,
                    month: (i % 3 > 0).then_some((i % 3) as u8 + 1),
                    day: None,
                    part: None,
                    decade: false,
                },
                label: doc.slice(span).to_string(),
                span,
                sentence: s,
            }
        })
        .collect();
    let quotes = sentences
        .iter()
        .enumerate()
        .map(|(i, &s)| {
            let inner: Vec<Span> = words.iter().copied().filter(|w| s.encloses(*w)).collect();
            Quote {
                span: s,
                kind: if i % 2 == 0 {
                    QuoteKind::Speech
                } else {
                    QuoteKind::Term
                },
                speaker: inner.first().map(|&w| Speaker {
                    name: doc.slice(w).to_string(),
                    span: w,
                    entity: None,
                    resolved: None,
                }),
                nested: inner.get(1).copied().into_iter().collect(),
            }
        })
        .collect();
    Briefing {
        title: doc.title().map(str::to_string),
        entities,
        timeline,
        quotes,
        ..Briefing::default()
    }
}

/// Where a row may start or end: grapheme boundaries, the text's end, and any char boundary
/// inside a cluster bigger than four display blocks (16 KB), the one cluster brief cuts.
fn grapheme_boundaries(text: &str) -> HashSet<usize> {
    let mut set: HashSet<usize> = HashSet::new();
    for (i, g) in text.grapheme_indices(true) {
        set.insert(i);
        if g.len() >= 16 * 1024 {
            set.extend(g.char_indices().map(|(j, _)| i + j));
        }
    }
    set.insert(text.len());
    set
}

/// At most 120 chars of `s`, for messages.
fn short(s: &str) -> String {
    match s.char_indices().nth(120) {
        Some((i, _)) => format!("{}… ({} bytes)", &s[..i], s.len()),
        None => s.to_string(),
    }
}

fn render(app: &App) -> Buffer {
    let area = Rect::new(0, 0, app.size.width, app.size.height);
    let mut buf = Buffer::empty(area);
    ui::render(app, area, &mut buf);
    buf
}

/// A screen row read back as text, each wide symbol once.
fn row_text(buf: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut out = String::new();
    let mut x = from;
    while x < to {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += symbol.cell_width().max(1);
    }
    out
}

/// Everything checked of one drawn frame.
fn check_frame(app: &App, boundaries: Option<&HashSet<usize>>) {
    let buf = render(app);
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let symbol = buf[(x, y)].symbol();
            assert!(
                !symbol.chars().any(is_forbidden_on_screen),
                "control character {symbol:?} drawn at {x},{y}"
            );
        }
    }
    let (line, lines, percent) = app.position();
    assert!(
        (1..=lines).contains(&line) && percent <= 100,
        "status says line {line}/{lines} at {percent}%"
    );
    if app.layout.too_small {
        return;
    }
    let status = row_text(&buf, app.layout.status.y, 0, buf.area.width);
    if let Some(at) = status.find("line ") {
        let rest = &status[at + 5..];
        let shown: Vec<usize> = rest
            .split(|c: char| !c.is_ascii_digit())
            .take(2)
            .filter_map(|n| n.parse().ok())
            .collect();
        if let [l, n] = shown[..] {
            assert!(l <= n, "status line {status:?}");
        }
    }
    let Some(rect) = app.layout.pane(Pane::Text) else {
        return;
    };
    let inner = Rect::new(
        rect.x + 1,
        rect.y + 1,
        rect.width.saturating_sub(2),
        rect.height.saturating_sub(2),
    );
    if inner.is_empty() || app.doc.text.trim().is_empty() {
        return;
    }
    let text = &app.doc.text;
    let rows = app
        .text
        .wrapped
        .rows_from(text, app.text.top, inner.height as usize);
    for (i, row) in rows.iter().enumerate() {
        let y = inner.y + i as u16;
        let shown_text = row_text(&buf, y, inner.x, inner.right());
        if row.is_gap {
            if !app.show_help {
                assert_eq!(shown_text.trim_end(), "", "gap row {y} shows text");
            }
            continue;
        }
        check_span(text, row.span, "row");
        let content = row.span.slice(text);
        if let Some(b) = boundaries {
            assert!(
                b.contains(&row.span.start) && b.contains(&row.span.end),
                "row {:?} splits a grapheme: {:?}",
                row.span,
                short(content)
            );
        }
        let width = display_width(content);
        let single = content.graphemes(true).count() <= 1;
        assert!(
            width <= inner.width as usize || single,
            "row {:?} is {width} wide in a pane {} wide",
            short(content),
            inner.width
        );
        if width <= inner.width as usize && !app.show_help {
            // What is drawn is the row as sanitized: nothing lost, nothing raw.
            let expected = for_display(content);
            assert_eq!(
                squash(&shown_text),
                squash(&expected),
                "row {y} at width {} draws {:?} for {:?}",
                inner.width,
                short(&shown_text),
                short(content)
            );
        }
    }
}

/// A row compared without trailing blanks and zero-width characters (ratatui attaches those
/// to a neighbouring cell, which moves them but does not lose them from view).
fn squash(s: &str) -> String {
    use unicode_width::UnicodeWidthChar;
    let visible: String = s
        .chars()
        .filter(|c| c.width().unwrap_or(0) > 0 || *c == ' ')
        .collect();
    visible.trim_end().to_string()
}

const SIZES: &[(u16, u16)] = &[
    (0, 0),
    (1, 1),
    (2, 1),
    (1, 40),
    (10, 3),
    (19, 4),
    (20, 5),
    (21, 6),
    (40, 12),
    (59, 20),
    (60, 20),
    (80, 24),
    (120, 40),
    (400, 120),
];

const TOUR: &[Action] = &[
    Action::Down,
    Action::PageDown,
    Action::FocusNext,
    Action::Activate,
    Action::NextMatch,
    Action::NextMatch,
    Action::FocusNext,
    Action::Down,
    Action::Activate,
    Action::NextEvent,
    Action::NextYear,
    Action::FocusNext,
    Action::Down,
    Action::Activate,
    Action::FocusNext,
    Action::Bottom,
    Action::PrevMatch,
    Action::PageUp,
    Action::ToggleHelp,
    Action::Top,
    Action::ToggleEntityOrder,
    Action::Cancel,
];

/// Load, extract, and draw at every size, then a tour of the keys at a few sizes.
fn run_case(name: &str, bytes: &[u8]) {
    let path = scratch(name, bytes);
    let path = path.to_str().unwrap();
    let loaded = match load_path(path, LoadOptions::default()) {
        Ok(loaded) => loaded,
        Err(LoadError::Binary(p)) => {
            assert!(looks_binary(bytes), "{name}: refused as binary but is not");
            assert_eq!(p, path);
            load_path(path, LoadOptions { force: true }).expect("--force opens it")
        }
        Err(e) => panic!("{name}: {e}"),
    };
    let doc = loaded.document;
    check_document(&doc);
    let boundaries = (doc.text.len() <= 300_000).then(|| grapheme_boundaries(&doc.text));
    let briefing = build_briefing(&doc, BriefingOptions::default());
    check_briefing(&doc, &briefing);
    let synthetic = synthetic_briefing(&doc);
    check_briefing(&doc, &synthetic);
    for briefing in [briefing, synthetic] {
        let mut app = App::new(doc.clone(), briefing);
        app.notice = loaded.warnings.first().cloned();
        for &(width, height) in SIZES {
            app.update(Action::Resize { width, height });
            check_frame(&app, boundaries.as_ref());
        }
        let tour_sizes: &[(u16, u16)] = if bytes.len() > 50_000 {
            &[(80, 24)]
        } else {
            &[(80, 24), (45, 16)]
        };
        for &(width, height) in tour_sizes {
            app.update(Action::Resize { width, height });
            app.update(Action::Focus(Pane::Text));
            for &action in TOUR {
                app.update(action);
                check_frame(&app, boundaries.as_ref());
            }
        }
    }
}

#[test]
fn the_hostile_corpus_loads_extracts_and_draws_safely() {
    for (name, bytes) in corpus().into_iter().filter(|(_, b)| b.len() <= 50_000) {
        run_case(name, &bytes);
    }
}

#[test]
fn the_long_cases_of_the_corpus_load_extract_and_draw_safely() {
    for (name, bytes) in corpus().into_iter().filter(|(_, b)| b.len() > 50_000) {
        run_case(name, &bytes);
    }
}

#[test]
fn controls_are_drawn_as_visible_placeholders() {
    let doc = Document::new(
        "t",
        "Esc \u{1b}[2J bell \u{7} bs \u{8} c1 \u{9b} bidi \u{202e} isolate \u{2066} nul \u{0} del \u{7f}",
    );
    let mut app = App::new(doc, Briefing::default());
    app.update(Action::Resize {
        width: 120,
        height: 20,
    });
    let buf = render(&app);
    let screen: String = (0..buf.area.height)
        .map(|y| row_text(&buf, y, 0, buf.area.width))
        .collect();
    for placeholder in [
        "␛[2J",
        "␇",
        "␈",
        "\\u{9b}",
        "\\u{202e}",
        "\\u{2066}",
        "␀",
        "␡",
    ] {
        assert!(
            screen.contains(placeholder),
            "{placeholder} not on screen:\n{screen}"
        );
    }
}

#[test]
fn binary_files_are_refused_unless_forced_and_bad_utf8_warns_once() {
    let path = scratch("binary.bin", b"\x7fELF\x02\x01\x01\x00\x00\x00payload");
    let path = path.to_str().unwrap();
    let err = load_path(path, LoadOptions::default()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.contains(path) && message.contains("--force"),
        "{message}"
    );
    let forced = load_path(path, LoadOptions { force: true }).unwrap();
    assert!(forced.document.text.contains("payload"));

    let loaded = Document::from_bytes("bad.txt", b"a\xff\xfe b \xed\xa0\x80 c".to_vec());
    assert_eq!(loaded.warnings.len(), 1, "{:?}", loaded.warnings);
    assert!(
        loaded.warnings[0].contains("5 invalid bytes"),
        "{:?}",
        loaded.warnings
    );

    let empty = Document::from_bytes("empty.txt", Vec::new());
    assert!(empty.warnings.iter().any(|w| w.contains("empty")));
    let mut app = App::new(empty.document, Briefing::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    let buf = render(&app);
    let screen: String = (0..buf.area.height)
        .map(|y| row_text(&buf, y, 0, buf.area.width))
        .collect();
    assert!(screen.contains("(the file is empty)"), "{screen}");
}

#[test]
fn a_grapheme_wider_than_the_pane_is_the_only_overflow_and_does_not_panic() {
    let text = "日本語 👩\u{200d}👩\u{200d}👧 e\u{301} ab";
    for width in 1..6 {
        for row in wrap_span(text, Span::new(0, text.len()), width) {
            let s = row.slice(text);
            assert!(
                display_width(s) <= width || s.graphemes(true).count() == 1,
                "{s:?} at width {width}"
            );
        }
    }
    // ratatui itself, handed a double-width grapheme for a single cell, draws nothing there.
    use ratatui::widgets::{Paragraph, Widget};
    for (w, h) in [(1, 1), (1, 3), (2, 1), (3, 2)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        Paragraph::new("日本語\n👩\u{200d}👩\u{200d}👧").render(area, &mut buf);
    }
}

// ----- huge input: responsiveness measured as work done, not time

/// A text of about `bytes` bytes on one line, with a little of everything hostile in it.
fn one_long_line(bytes: usize) -> String {
    let unit = "word 日本 \u{1b}[2J e\u{301} 👩\u{200d}👩\u{200d}👧 \u{202e}x\u{202c}\tmore. Then ";
    let mut text = unit.repeat(bytes / unit.len() + 1);
    text.push_str("THE END");
    text
}

/// The wrap cache after drawing: blocks on screen, at the end (where the view stops) and
/// passed on the way, at most a couple of screens' worth, never the whole document.
#[track_caller]
fn assert_few_blocks(app: &App) {
    let cached = app.text.wrapped.cached_blocks();
    let total = app.text.wrapped.blocks().len();
    assert!(
        cached <= 2 * (app.text.height + 4),
        "{cached} of {total} blocks wrapped for a view of {} rows",
        app.text.height
    );
}

/// One line of about `bytes` bytes with quotations, dated sentences and mentions that are
/// each a large share of it (no full stop: the whole line is one sentence), and the app on
/// it with the Entities pane in its detail view.
fn app_with_giant_items(bytes: usize) -> App {
    let filler = "word 日本 e\u{301} \u{1b}[2J ";
    let run = filler.repeat(bytes / 8 / filler.len() + 1);
    let mut text = String::new();
    let mut quotes = Vec::new();
    let mut dates = Vec::new();
    let mut mentions = Vec::new();
    for i in 0..4 {
        text.push_str(&run);
        text.push_str("Ann Lee said \u{201c}");
        let start = text.len();
        text.push_str(&run);
        quotes.push((start, text.len(), start - "Ann Lee said \u{201c}".len()));
        text.push_str("\u{201d} in ");
        let at = text.len();
        text.push_str(&format!("{}", 2001 + i));
        dates.push(Span::new(at, at + 4));
        text.push(' ');
        mentions.push(Span::new(at - 3, at - 1));
    }
    text.push_str("the end");
    let doc = Document::new("giant.txt", &text);
    assert_eq!(doc.paragraphs.len(), 1);
    let line = Span::new(0, text.len());
    let briefing = Briefing {
        entities: vec![Entity {
            name: "in".into(),
            kind: EntityKind::Product,
            mentions,
            description: Some("a word ".repeat(bytes / 64)),
        }],
        timeline: dates
            .iter()
            .enumerate()
            .map(|(i, &span)| TimelineItem {
                when: When::year(2001 + i as i32),
                label: span.slice(&text).into(),
                span,
                sentence: line,
            })
            .collect(),
        quotes: quotes
            .iter()
            .map(|&(start, end, who)| Quote {
                span: Span::new(start, end),
                kind: QuoteKind::Speech,
                speaker: Some(Speaker {
                    name: "Ann Lee".into(),
                    span: Span::new(who, who + "Ann Lee".len()),
                    entity: None,
                    resolved: None,
                }),
                nested: vec![],
            })
            .collect(),
        ..Briefing::default()
    };
    let mut app = App::new(doc, briefing);
    app.update(Action::Resize {
        width: 160,
        height: 48,
    });
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::Activate);
    assert!(app.entities.detail.is_some());
    app
}

/// The fastest of a few renders.
fn render_time(app: &App) -> std::time::Duration {
    (0..5)
        .map(|_| {
            let at = std::time::Instant::now();
            std::hint::black_box(render(app));
            at.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The Quotes and Timeline panes and the entity detail view prepare only what they show: a
/// frame with quotations, sentences and a line of megabytes costs about what it costs with
/// ones of a few kilobytes (it used to sanitize and wrap each one whole: seconds a frame).
#[test]
fn a_frame_costs_the_same_with_megabyte_quotes_sentences_and_lines() {
    let small = app_with_giant_items(40_000);
    let giant = app_with_giant_items(8 << 20);
    check_frame(&giant, None);
    let screen: String = {
        let buf = render(&giant);
        (0..buf.area.height)
            .map(|y| row_text(&buf, y, 0, buf.area.width))
            .collect()
    };
    for shown in ["Ann Lee", "2001", "2004", "…"] {
        assert!(screen.contains(shown), "{shown} missing:\n{screen}");
    }
    let (small, giant) = (render_time(&small), render_time(&giant));
    assert!(
        // The old code took 150x as long; the margin is wide so a busy machine cannot fail it.
        giant < small * 10 + std::time::Duration::from_millis(200),
        "a frame took {giant:?} with giant items, {small:?} with small ones"
    );
}

#[test]
fn a_ten_megabyte_line_opens_and_scrolls_wrapping_only_what_shows() {
    let text = one_long_line(10 << 20);
    let loaded = Document::from_bytes("long.txt", text.into_bytes());
    let doc = loaded.document;
    assert_eq!(doc.paragraphs.len(), 1);
    // A mention near the middle, so that jumping there is exercised too.
    let mut middle = doc.text.len() / 2;
    while !doc.text.is_char_boundary(middle) {
        middle += 1;
    }
    let at = middle + doc.text[middle..].find("word").unwrap();
    let briefing = Briefing {
        entities: vec![Entity {
            name: "word".into(),
            kind: EntityKind::Product,
            mentions: vec![Span::new(at, at + 4)],
            description: None,
        }],
        ..Briefing::default()
    };
    let mut app = App::new(doc, briefing);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    check_frame(&app, None);
    assert_few_blocks(&app);
    for action in [
        Action::PageDown,
        Action::PageDown,
        Action::Down,
        Action::HalfPageDown,
    ] {
        app.update(action);
    }
    check_frame(&app, None);
    assert_few_blocks(&app);
    app.update(Action::Bottom);
    check_frame(&app, None);
    assert_few_blocks(&app);
    assert_eq!(app.position().2, 100);
    let buf = render(&app);
    let screen: String = (0..buf.area.height)
        .map(|y| row_text(&buf, y, 0, buf.area.width))
        .collect();
    assert!(screen.contains("THE END"), "{screen}");
    app.update(Action::Top);
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::Activate);
    check_frame(&app, None);
    assert_few_blocks(&app);
    let top = app.text.wrapped.offset_of(&app.doc.text, app.text.top);
    assert!(
        top.abs_diff(at) < 8192,
        "the mention at {at} is not in view (top {top})"
    );
    app.update(Action::Resize {
        width: 61,
        height: 30,
    });
    app.update(Action::Resize {
        width: 400,
        height: 120,
    });
    check_frame(&app, None);
    assert_few_blocks(&app);
}

#[test]
fn a_million_one_word_lines_open_and_reach_the_end_cheaply() {
    let text = "word\n".repeat(1_000_000);
    let doc = Document::new("lines.txt", &text);
    assert_eq!(doc.paragraphs.len(), 1_000_000);
    let mut app = App::new(doc, Briefing::default());
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    check_frame(&app, None);
    app.update(Action::Bottom);
    check_frame(&app, None);
    assert_few_blocks(&app);
    let (line, lines, percent) = app.position();
    assert_eq!(percent, 100);
    assert!(line > 999_000 && line <= lines, "{line}/{lines}");
    app.update(Action::PageUp);
    app.update(Action::Top);
    check_frame(&app, None);
    assert_eq!(app.position().0, 1);
}

#[test]
fn a_megabyte_of_hostile_text_goes_through_the_extractors() {
    let mut text = String::new();
    let sample = include_str!("../seeds/tiktok-shop-amazon-douyin.txt");
    let mut i = 0;
    while text.len() < 1 << 20 {
        text.push_str(sample);
        text.push_str(FRAGMENTS[i % FRAGMENTS.len()]);
        text.push_str(FRAGMENTS[(i * 7 + 3) % FRAGMENTS.len()]);
        text.push('\n');
        i += 1;
    }
    let doc = Document::new("mega.txt", &text);
    check_document(&doc);
    let briefing = build_briefing(&doc, BriefingOptions::default());
    check_briefing(&doc, &briefing);
    let mut app = App::new(doc, briefing);
    for (width, height) in [(120, 40), (50, 20)] {
        app.update(Action::Resize { width, height });
        for action in [
            Action::FocusNext,
            Action::Activate,
            Action::NextMatch,
            Action::Bottom,
        ] {
            app.update(action);
            check_frame(&app, None);
        }
    }
}

#[test]
fn a_word_of_a_hundred_thousand_letters_wraps_by_grapheme() {
    for word in [
        "x".repeat(100_000),
        "e\u{301}".repeat(50_000),
        "語".repeat(100_000),
    ] {
        let doc = Document::new("word.txt", &word);
        let boundaries = grapheme_boundaries(&doc.text);
        let mut app = App::new(doc, Briefing::default());
        for (width, height) in [(21, 6), (80, 24), (400, 120)] {
            app.update(Action::Resize { width, height });
            check_frame(&app, Some(&boundaries));
            app.update(Action::PageDown);
            check_frame(&app, Some(&boundaries));
            app.update(Action::Bottom);
            check_frame(&app, Some(&boundaries));
            app.update(Action::Top);
        }
    }
}

// ----- random text, sizes and keys

fn piece() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        6 => prop::sample::select(FRAGMENTS).prop_map(|s| s.as_bytes().to_vec()),
        3 => "[A-Za-z]{1,10}[ .,]{0,2}".prop_map(String::into_bytes),
        2 => any::<char>().prop_map(|c| c.to_string().into_bytes()),
        1 => prop::sample::select(BAD_BYTES).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|b| vec![b]),
    ]
}

fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(piece(), 0..160).prop_map(|pieces| pieces.concat())
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => prop::sample::select(vec![
            Action::Down,
            Action::Up,
            Action::PageDown,
            Action::PageUp,
            Action::HalfPageDown,
            Action::HalfPageUp,
            Action::Top,
            Action::Bottom,
            Action::FocusNext,
            Action::FocusPrev,
            Action::Focus(Pane::Text),
            Action::Focus(Pane::Quotes),
            Action::Activate,
            Action::NextMatch,
            Action::PrevMatch,
            Action::NextEvent,
            Action::PrevEvent,
            Action::NextYear,
            Action::PrevYear,
            Action::ToggleEntityOrder,
            Action::ToggleHelp,
            Action::Cancel,
        ]),
        2 => (0u16..=400, 0u16..=120).prop_map(|(width, height)| Action::Resize { width, height }),
        1 => (0u16..=400, 0u16..=120).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..=400, 0u16..=120).prop_map(|(column, row)| Action::ScrollDownAt { column, row }),
        1 => (0u16..=400, 0u16..=120).prop_map(|(column, row)| Action::ScrollUpAt { column, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_hostile_text_at_random_sizes_with_random_keys(
        bytes in hostile_bytes(),
        width in 1u16..=400,
        height in 1u16..=120,
        actions in prop::collection::vec(action(), 0..24),
        synthetic in any::<bool>(),
    ) {
        let loaded = Document::from_bytes("random.txt", bytes);
        let doc = loaded.document;
        check_document(&doc);
        let real = build_briefing(&doc, BriefingOptions::default());
        check_briefing(&doc, &real);
        let briefing = if synthetic { synthetic_briefing(&doc) } else { real };
        let boundaries = grapheme_boundaries(&doc.text);
        let mut app = App::new(doc, briefing);
        app.update(Action::Resize { width, height });
        check_frame(&app, Some(&boundaries));
        for action in actions {
            app.update(action);
            check_frame(&app, Some(&boundaries));
        }
    }

    #[test]
    fn wrapped_rows_fit_and_keep_graphemes_whole(
        bytes in hostile_bytes(),
        width in 1usize..=60,
    ) {
        let doc = Document::from_bytes("random.txt", bytes).document;
        let boundaries = grapheme_boundaries(&doc.text);
        let text = &doc.text;
        for block in brief::ui::wrap::display_blocks(&doc) {
            prop_assert!(boundaries.contains(&block.span.start));
            prop_assert!(boundaries.contains(&block.span.end));
            for row in wrap_span(text, block.span, width) {
                let s = row.slice(text);
                prop_assert!(boundaries.contains(&row.start) && boundaries.contains(&row.end), "{:?}", s);
                prop_assert!(display_width(s) <= width || s.graphemes(true).count() == 1, "{:?} at {}", s, width);
            }
        }
    }
}
