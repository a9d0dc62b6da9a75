//! JSON output that is safe to print on a terminal.
//!
//! JSON allows any character but `"`, `\` and C0 controls inside strings, so a document's
//! C1 controls (`U+009B` starts an escape sequence on some terminals) and bidirectional
//! overrides would reach the terminal raw when `brief --json` is not redirected. They are
//! written as `\uXXXX` escapes instead: the same JSON value, only spelled safely.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// Writes `value` as indented JSON, escaping what could control a terminal.
pub fn write_pretty<W: Write, T: Serialize + ?Sized>(writer: W, value: &T) -> io::Result<()> {
    let mut serializer =
        serde_json::Serializer::with_formatter(writer, TerminalSafe(PrettyFormatter::new()));
    value.serialize(&mut serializer).map_err(io::Error::from)
}

/// Whether a character must not reach a terminal raw: DEL, C1 controls, bidi controls.
pub fn controls_terminal(c: char) -> bool {
    matches!(c,
        '\u{7f}'..='\u{9f}'
        | '\u{061c}'
        | '\u{200e}' | '\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2066}'..='\u{2069}')
}

/// A formatter that escapes [`controls_terminal`] characters and otherwise formats like `F`.
struct TerminalSafe<F>(F);

impl<F: Formatter> Formatter for TerminalSafe<F> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        // Every such character starts with one of these bytes in UTF-8: skip the rest fast.
        let suspect = |b: &u8| matches!(b, 0x7f | 0xc2 | 0xd8 | 0xe2);
        if !fragment.as_bytes().iter().any(suspect) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut from = 0;
        for (at, c) in fragment.char_indices() {
            if controls_terminal(c) {
                writer.write_all(&fragment.as_bytes()[from..at])?;
                write!(writer, "\\u{:04x}", c as u32)?;
                from = at + c.len_utf8();
            }
        }
        writer.write_all(&fragment.as_bytes()[from..])
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(value: &serde_json::Value) -> String {
        let mut out = Vec::new();
        write_pretty(&mut out, value).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn terminal_controls_are_escaped_and_the_value_is_unchanged() {
        let text = "csi \u{9b}31m, rlo \u{202e}evil, del \u{7f}, tab \t, é 漢字 😀 ’";
        let value = serde_json::json!({ "text": text, "list": [text] });
        let out = pretty(&value);
        for raw in ['\u{9b}', '\u{202e}', '\u{7f}', '\t'] {
            assert!(!out.contains(raw), "{raw:?} written raw in {out}");
        }
        assert!(out.contains("\\u009b") && out.contains("\\u202e") && out.contains("\\u007f"));
        assert!(out.contains("é 漢字 😀 ’"));
        let back: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(back, value);
        // Formatted like serde_json's own pretty printer when there is nothing to escape.
        let plain = serde_json::json!({ "a": [1, "b"], "c": {} });
        assert_eq!(
            pretty(&plain),
            serde_json::to_string_pretty(&plain).unwrap()
        );
    }
}
