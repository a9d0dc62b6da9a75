//! Input formats: HTML pages and Markdown files become the plain text brief reads.
//!
//! The converted text is what the [`Document`] holds, so `--json` offsets point into it.
//! Every converter writes one paragraph per line, the title first.

pub mod html;
pub mod markdown;

use std::path::Path;

use crate::document::{self, Document, LoadError, LoadOptions, Loaded};
use crate::extract::timeline::CalendarDate;

/// What a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    Text,
    Html,
    Markdown,
}

impl Format {
    /// The name used in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "HTML",
            Format::Markdown => "Markdown",
        }
    }
}

/// The format of a file: by extension first, else by its content. HTML is recognized by
/// content anywhere; Markdown by content only on standard input (`-`), and only when it is
/// unmistakable, because plain prose can look like Markdown.
pub fn detect(path: &str, bytes: &[u8]) -> Format {
    let ext = Path::new(path)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml" | "shtml") => return Format::Html,
        Some("md" | "markdown" | "mdown" | "mkd" | "mkdn") => return Format::Markdown,
        Some("txt" | "text") => return Format::Text,
        _ => {}
    }
    let head = head_text(bytes);
    if looks_like_html(&head) {
        Format::Html
    } else if path == "-" && looks_like_markdown(&head) {
        Format::Markdown
    } else {
        Format::Text
    }
}

/// The first few kilobytes as text, for sniffing.
fn head_text(bytes: &[u8]) -> String {
    let mut end = bytes.len().min(4096);
    // Back off to a char boundary so a cut multibyte character does not count as noise.
    while end > 0 && end < bytes.len() && (bytes[end] & 0xC0) == 0x80 {
        end -= 1;
    }
    String::from_utf8_lossy(&bytes[..end]).into_owned()
}

fn looks_like_html(head: &str) -> bool {
    let trimmed = head.trim_start_matches('\u{FEFF}').trim_start();
    let lower = trimmed.to_ascii_lowercase();
    if lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with("<?xml") && lower.contains("<html"))
    {
        return true;
    }
    const TAGS: &[&str] = &[
        "<p>", "<p ", "</p>", "<div", "</div>", "<head>", "<body", "<meta ", "<br", "<a href",
        "</a>", "<span", "</span>", "<script", "<title>", "<h1", "<h2", "<li>", "<article",
        "<section", "<link ",
    ];
    let tags: usize = TAGS.iter().map(|t| lower.matches(t).count()).sum();
    tags >= 8 || (lower.starts_with('<') && tags >= 3)
}

fn looks_like_markdown(head: &str) -> bool {
    let mut lines = head.lines().filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if !first.starts_with("# ") {
        return false;
    }
    let has_link = head.contains("](");
    let features = head
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("## ")
                || l.starts_with("- ")
                || l.starts_with("* ")
                || l.starts_with("```")
                || l.starts_with("> ")
                || l.contains("**")
        })
        .count();
    has_link || features >= 2
}

/// Converts text of a format to the plain text brief reads; plain text is returned as is.
pub fn to_text(format: Format, text: &str) -> String {
    match format {
        Format::Text => text.to_string(),
        Format::Html => html::to_text(text),
        Format::Markdown => markdown::to_text(text),
    }
}

/// Reads a file (or standard input for `-`) like [`document::load_path`], converting HTML
/// and Markdown to text first. Plain text loads exactly as `load_path` loads it.
pub fn load_any(path: &str, options: LoadOptions) -> Result<Loaded, LoadError> {
    open(path, options).map(|opened| opened.loaded)
}

/// A loaded file with what its format told about it.
#[derive(Debug)]
pub struct Opened {
    pub format: Format,
    pub loaded: Loaded,
    /// The title the markup gave (an HTML headline, a Markdown front-matter title or first
    /// heading). The text's first line holds it too; this copy is certain where
    /// [`Document::title`] has to guess (a headline ending in `?` reads like a sentence).
    pub title: Option<String>,
    /// The publication date from an HTML page's metadata, for `BriefingOptions::date`.
    pub date: Option<CalendarDate>,
}

/// [`load_any`], also telling the format, the title and the date the markup gave.
pub fn open(path: &str, options: LoadOptions) -> Result<Opened, LoadError> {
    let bytes = document::read_input(path, options)?;
    Ok(open_bytes(path, bytes))
}

/// Detects the format of bytes already read and builds the document from them.
pub fn open_bytes(path: &str, bytes: Vec<u8>) -> Opened {
    let format = detect(path, &bytes);
    if format == Format::Text {
        return Opened {
            format,
            loaded: Document::from_bytes(path, bytes),
            title: None,
            date: None,
        };
    }
    let mut warnings = Vec::new();
    let source = decode(path, bytes, format, &mut warnings);
    let (text, title, date) = match format {
        Format::Html => {
            let article = html::extract(&source);
            (article.to_text(), article.title, article.date)
        }
        _ => {
            let (text, title) = markdown::convert(&source);
            (text, title, None)
        }
    };
    let document = Document::from_string(path, text);
    if source.trim().is_empty() {
        warnings.push(format!("{path}: the file is empty"));
    } else if document.text.trim().is_empty() {
        warnings.push(format!(
            "{path}: no article text found in this {} file",
            format.name()
        ));
    }
    Opened {
        format,
        loaded: Loaded { document, warnings },
        title,
        date,
    }
}

/// Bytes as text. An HTML page that is not UTF-8 and declares a Western charset is read as
/// Windows-1252 (what such pages really hold); anything else invalid is replaced, with a warning.
fn decode(path: &str, bytes: Vec<u8>, format: Format, warnings: &mut Vec<String>) -> String {
    let bytes = match String::from_utf8(bytes) {
        Ok(text) => return text,
        Err(e) => e.into_bytes(),
    };
    if format == Format::Html && declares_western_charset(&bytes) {
        return bytes.iter().map(|&b| html::cp1252_char(b)).collect();
    }
    let replaced = document::count_invalid_bytes(&bytes);
    warnings.push(format!(
        "{path}: not valid UTF-8; {replaced} invalid byte{} shown as \u{FFFD}",
        if replaced == 1 { "" } else { "s" }
    ));
    String::from_utf8_lossy(&bytes).into_owned()
}

fn declares_western_charset(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let Some(at) = head.find("charset=") else {
        return false;
    };
    let value: String = head[at + "charset=".len()..]
        .trim_start_matches(['"', '\''])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect();
    matches!(
        value.as_str(),
        "windows-1252"
            | "iso-8859-1"
            | "iso-8859-15"
            | "latin1"
            | "latin-1"
            | "cp1252"
            | "us-ascii"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_wins() {
        assert_eq!(detect("a.HTML", b"plain"), Format::Html);
        assert_eq!(detect("notes.md", b"<html>"), Format::Markdown);
        assert_eq!(detect("a.txt", b"<!DOCTYPE html><html>"), Format::Text);
    }

    #[test]
    fn content_sniffing() {
        assert_eq!(detect("page", b"  <!doctype HTML>\n<html>"), Format::Html);
        assert_eq!(detect("-", b"<div><p>a</p><p>b</p></div>"), Format::Html);
        assert_eq!(detect("-", b"Plain words about <b> tags."), Format::Text);
        assert_eq!(
            detect("-", b"# Title\n\nSee [the report](https://x.org).\n"),
            Format::Markdown
        );
        // Markdown by content only on standard input.
        assert_eq!(
            detect("notes", b"# Title\n\nSee [the report](https://x.org).\n"),
            Format::Text
        );
        assert_eq!(detect("-", b"# 1 reason\nplain text"), Format::Text);
    }

    #[test]
    fn latin1_html_is_read_as_windows_1252() {
        let page = b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xe9 \x93ok\x94</p></body></html>";
        let opened = open_bytes("p.html", page.to_vec());
        assert_eq!(opened.format, Format::Html);
        assert_eq!(opened.loaded.document.text, "Café “ok”\n");
        assert!(opened.loaded.warnings.is_empty());
    }
}
