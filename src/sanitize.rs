//! How document characters are shown: content must never control the terminal.
//!
//! The document text is kept exactly as read (offsets stay true for `--json`); only what is
//! drawn is replaced. Control characters become their Unicode "control picture" (`␛` for ESC),
//! C1 controls and invisible direction/line-separator marks become a visible `\u{…}` escape,
//! and a tab becomes spaces. Everything else is drawn as is.

use std::borrow::Cow;
use unicode_width::UnicodeWidthStr;

/// Spaces a tab expands to. Tabs are not column-aligned: wrapping moves text anyway.
pub const TAB_WIDTH: usize = 4;

/// What a single character becomes on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shown {
    /// Drawn as itself.
    Same,
    /// Replaced by visible text.
    Replaced(Cow<'static, str>),
}

/// Characters that reorder or break lines invisibly: shown as escapes so a reader sees them.
fn is_invisible_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    )
}

/// How `c` is drawn. `\n` is never drawn (lines are split on it) and is reported as `Same`.
pub fn shown(c: char) -> Shown {
    match c {
        '\n' => Shown::Same,
        '\t' => Shown::Replaced(Cow::Borrowed("    ")),
        '\u{7F}' => Shown::Replaced(Cow::Borrowed("␡")),
        c if (c as u32) < 0x20 => {
            // U+2400.. are the control pictures ␀ ␁ … ␟, in code order.
            let picture = char::from_u32(0x2400 + c as u32).unwrap_or('�');
            Shown::Replaced(Cow::Owned(picture.to_string()))
        }
        c if ('\u{80}'..='\u{9F}').contains(&c) || is_invisible_control(c) => {
            Shown::Replaced(Cow::Owned(format!("\\u{{{:x}}}", c as u32)))
        }
        _ => Shown::Same,
    }
}

/// True when `c` is drawn as something other than itself.
pub fn needs_replacing(c: char) -> bool {
    c != '\n' && !matches!(shown(c), Shown::Same)
}

/// The text as it is safe to draw; borrowed when nothing needed replacing.
/// Newlines become spaces: callers that want lines split them first.
pub fn for_display(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c == '\n' || needs_replacing(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match shown(c) {
            Shown::Same if c == '\n' => out.push(' '),
            Shown::Same => out.push(c),
            Shown::Replaced(r) => out.push_str(&r),
        }
    }
    Cow::Owned(out)
}

/// Columns a grapheme cluster takes once drawn, counted as ratatui counts them when it draws
/// (so that a row we wrap to fit a pane is a row ratatui draws whole).
pub fn grapheme_width(grapheme: &str) -> usize {
    if grapheme.chars().any(needs_replacing) {
        grapheme
            .chars()
            .map(|c| match shown(c) {
                Shown::Same => c.to_string().width(),
                Shown::Replaced(r) => r.width(),
            })
            .sum()
    } else {
        grapheme.width() + halfwidth_sound_marks(grapheme)
    }
}

/// The halfwidth (han)dakuten U+FF9E and U+FF9F: ratatui 0.30 adds a cell for each on top of
/// unicode-width's count (which already gives them one), so a row holding them is drawn wider
/// than unicode-width says; we count as ratatui does so that such rows are never cut off.
fn halfwidth_sound_marks(grapheme: &str) -> usize {
    if grapheme.len() < 3 {
        return 0;
    }
    grapheme
        .chars()
        .filter(|c| matches!(c, '\u{FF9E}' | '\u{FF9F}'))
        .count()
}

/// Columns a string takes once drawn.
pub fn display_width(text: &str) -> usize {
    use unicode_segmentation::UnicodeSegmentation;
    if text.is_ascii() && !text.bytes().any(|b| b < 0x20 || b == 0x7F) {
        return text.len();
    }
    text.graphemes(true).map(grapheme_width).sum()
}

/// The start of `text` that fills at least `columns` columns once drawn (all of it when it
/// is narrower), cut at a grapheme boundary unless a cluster runs past the byte budget of 64
/// bytes a column. A pane that shows a line or two of a sentence sanitizes, measures and wraps
/// only this, so a frame costs the same for a 10 MB sentence as for a short one.
pub fn display_prefix(text: &str, columns: usize) -> &str {
    use unicode_segmentation::UnicodeSegmentation;
    // Printable ASCII is a column a byte, and ASCII after it starts a new cluster.
    let bytes = text.as_bytes();
    let n = columns.min(bytes.len());
    if bytes[..n].iter().all(|b| (0x20..0x7F).contains(b)) && bytes.get(n).is_none_or(u8::is_ascii)
    {
        return &text[..n];
    }
    let mut budget = text
        .len()
        .min(columns.saturating_mul(64).saturating_add(256));
    while !text.is_char_boundary(budget) {
        budget -= 1;
    }
    let mut used = 0;
    for (at, g) in text[..budget].grapheme_indices(true) {
        if used >= columns {
            return &text[..at];
        }
        used += grapheme_width(g);
    }
    &text[..budget]
}

/// The end of `text` that fills at least `columns` columns once drawn (all of it when it is
/// narrower): [`display_prefix`] from the other side, with the same byte budget. The budget's
/// edge may fall inside a cluster (or a long run of flags, paired from the wrong end); only
/// what is drawn beyond `columns` can be affected.
pub fn display_suffix(text: &str, columns: usize) -> &str {
    use unicode_segmentation::UnicodeSegmentation;
    // As in `display_prefix`; the char before must be ASCII too (not a prepended mark).
    let bytes = text.as_bytes();
    let from = bytes.len().saturating_sub(columns);
    if bytes[from..].iter().all(|b| (0x20..0x7F).contains(b))
        && (from == 0 || bytes[from - 1].is_ascii())
    {
        return &text[from..];
    }
    let budget = columns.saturating_mul(64).saturating_add(256);
    let mut from = text.len().saturating_sub(budget);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut used = 0;
    for (at, g) in text[from..].grapheme_indices(true).rev() {
        if used >= columns {
            return &text[from + at + g.len()..];
        }
        used += grapheme_width(g);
    }
    &text[from..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        let shown = for_display("a\u{1b}[2Jb\u{7}");
        assert_eq!(shown, "a␛[2Jb␇");
        assert!(!shown.chars().any(|c| c.is_control()));
    }

    #[test]
    fn bidi_overrides_and_c1_are_escaped() {
        assert_eq!(for_display("x\u{202e}y"), "x\\u{202e}y");
        assert_eq!(for_display("\u{9b}"), "\\u{9b}");
    }

    #[test]
    fn display_prefix_is_bounded_by_columns_and_bytes() {
        assert_eq!(display_prefix("hello world", 5), "hello");
        assert_eq!(display_prefix("hi", 5), "hi");
        assert_eq!(display_prefix("日本語", 3), "日本");
        assert_eq!(display_prefix("e\u{301}x", 1), "e\u{301}");
        assert_eq!(display_prefix("ae\u{301}x", 2), "ae\u{301}");
        assert_eq!(display_prefix("a\tb", 2), "a\t");
        assert_eq!(display_prefix("ab日本", 3), "ab日");
        let long = "word ".repeat(1_000_000);
        assert_eq!(display_prefix(&long, 12), "word word wo");
        let invisible = "\u{200b}".repeat(100_000);
        assert!(display_prefix(&invisible, 10).len() <= 10 * 64 + 256);
    }

    #[test]
    fn display_suffix_is_bounded_by_columns_and_bytes() {
        assert_eq!(display_suffix("hello world", 5), "world");
        assert_eq!(display_suffix("hi", 5), "hi");
        assert_eq!(display_suffix("日本語", 3), "本語");
        assert_eq!(display_suffix("xe\u{301}", 1), "e\u{301}");
        assert_eq!(display_suffix("", 3), "");
        assert_eq!(display_suffix("日本", 0), "");
        assert_eq!(display_suffix("日本 word", 4), "word");
        assert_eq!(display_suffix("日本 word", 5), " word");
        assert_eq!(display_suffix("日本 word", 6), "本 word");
        assert_eq!(display_suffix("a\tword", 4), "word");
        assert_eq!(display_suffix("a\tword", 5), "\tword");
        let long = "word ".repeat(1_000_000);
        assert_eq!(display_suffix(&long, 7), "d word ");
        let invisible = "\u{200b}".repeat(100_000);
        assert!(display_suffix(&invisible, 10).len() <= 10 * 64 + 256);
    }

    #[test]
    fn plain_text_is_borrowed_and_measured() {
        assert!(matches!(for_display("hello"), Cow::Borrowed(_)));
        assert_eq!(display_width("日本"), 4);
        assert_eq!(display_width("a\tb"), 2 + TAB_WIDTH);
        assert_eq!(display_width("e\u{301}"), 1);
        // Halfwidth katakana with a halfwidth voiced mark, counted as ratatui counts it.
        assert_eq!(display_width("\u{FF76}\u{FF9E}"), 3);
    }
}
