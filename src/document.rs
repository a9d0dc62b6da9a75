//! Loading a text file and the document model: normalized text, paragraphs and sentences.

use std::fmt;
use std::io::Read;
use std::path::Path;

use crate::span::Span;

/// A loaded article: the text as brief holds it and its structure as byte spans.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Where it came from, as the user named it (`-` for standard input).
    pub source: String,
    /// The text with line endings normalized to `\n` and a leading BOM dropped; nothing else.
    pub text: String,
    /// Paragraphs in text order, never empty, never containing a blank line.
    pub paragraphs: Vec<Span>,
    /// Sentences in text order, each inside one paragraph: split on first use, so that
    /// opening a huge file shows its text before the sentences are found.
    sentences: std::sync::OnceLock<Vec<Span>>,
}

/// A document plus what the loader wants the user to know (lossy decoding, emptiness).
#[derive(Debug)]
pub struct Loaded {
    pub document: Document,
    pub warnings: Vec<String>,
}

/// Why a path could not be opened, phrased for a one-line message.
#[derive(Debug)]
pub enum LoadError {
    NotFound(String),
    IsDirectory(String),
    PermissionDenied(String),
    Binary(String),
    Io(String, std::io::Error),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NotFound(p) => write!(f, "{p}: no such file"),
            LoadError::IsDirectory(p) => write!(f, "{p}: is a directory, not a text file"),
            LoadError::PermissionDenied(p) => write!(f, "{p}: permission denied"),
            LoadError::Binary(p) => write!(
                f,
                "{p}: looks like a binary file, not text (use --force to open it anyway)"
            ),
            LoadError::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Options for [`load_path`].
#[derive(Clone, Copy, Debug, Default)]
pub struct LoadOptions {
    /// Open files that look binary instead of refusing them.
    pub force: bool,
}

/// Reads a file (or standard input for `-`) into a [`Document`].
pub fn load_path(path: &str, options: LoadOptions) -> Result<Loaded, LoadError> {
    let bytes = read_input(path, options)?;
    Ok(Document::from_bytes(path, bytes))
}

/// The bytes of a file (or standard input for `-`), refused when they look binary and
/// `--force` is not given. Shared with [`crate::formats::load_any`].
pub(crate) fn read_input(path: &str, options: LoadOptions) -> Result<Vec<u8>, LoadError> {
    let bytes = if path == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .lock()
            .read_to_end(&mut bytes)
            .map_err(|e| LoadError::Io("standard input".into(), e))?;
        bytes
    } else {
        read_file(path)?
    };
    if !options.force && looks_binary(&bytes) {
        return Err(LoadError::Binary(path.to_string()));
    }
    Ok(bytes)
}

fn read_file(path: &str) -> Result<Vec<u8>, LoadError> {
    let p = Path::new(path);
    match std::fs::metadata(p) {
        Ok(meta) if meta.is_dir() => return Err(LoadError::IsDirectory(path.into())),
        Ok(_) => {}
        Err(e) => return Err(io_error(path, e)),
    }
    std::fs::read(p).map_err(|e| io_error(path, e))
}

fn io_error(path: &str, e: std::io::Error) -> LoadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(path.into()),
        std::io::ErrorKind::PermissionDenied => LoadError::PermissionDenied(path.into()),
        std::io::ErrorKind::IsADirectory => LoadError::IsDirectory(path.into()),
        _ => LoadError::Io(path.into(), e),
    }
}

/// Binary files hold NUL bytes or many non-text control bytes early on; text never does.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        // UTF-16 text also has NULs, but brief reads UTF-8 only; calling it binary is honest.
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B))
        .count();
    !head.is_empty() && controls * 10 > head.len()
}

impl Document {
    /// Decodes bytes (lossily, with a warning), normalizes and analyzes them.
    pub fn from_bytes(source: &str, bytes: Vec<u8>) -> Loaded {
        let mut warnings = Vec::new();
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(e) => {
                let bytes = e.into_bytes();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let replaced = count_invalid_bytes(&bytes);
                warnings.push(format!(
                    "{source}: not valid UTF-8; {replaced} invalid byte{} shown as \u{FFFD}",
                    if replaced == 1 { "" } else { "s" }
                ));
                text
            }
        };
        let document = Document::from_string(source, text);
        if document.text.trim().is_empty() {
            warnings.push(format!("{source}: the file is empty"));
        }
        Loaded { document, warnings }
    }

    /// Builds a document from text already in memory.
    pub fn new(source: &str, text: &str) -> Document {
        Document::from_string(source, text.to_string())
    }

    /// Builds a document from an owned text, without copying it when it needs no changes.
    pub fn from_string(source: &str, text: String) -> Document {
        let text = normalize(text);
        let paragraphs = split_paragraphs(&text);
        Document {
            source: source.to_string(),
            text,
            paragraphs,
            sentences: std::sync::OnceLock::new(),
        }
    }

    /// The sentences, in text order.
    pub fn sentences(&self) -> &[Span] {
        self.sentences.get_or_init(|| {
            self.paragraphs
                .iter()
                .flat_map(|&p| split_sentences(&self.text, p))
                .collect()
        })
    }

    /// The text under a span.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The index of the sentence holding `offset`, if any.
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        index_of_span_at(self.sentences(), offset)
    }

    /// The index of the paragraph holding `offset`, if any.
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        index_of_span_at(&self.paragraphs, offset)
    }

    /// The headline: a short first paragraph that does not read as a sentence.
    pub fn title(&self) -> Option<&str> {
        let first = *self.paragraphs.first()?;
        if self.paragraphs.len() < 2 {
            return None;
        }
        let line = self.slice(first).trim();
        let ends_like_sentence = line.ends_with(['.', '!', '?', ':', ';', ',']);
        let words = line.split_whitespace().count();
        (words > 0 && words <= 25 && line.chars().count() <= 160 && !ends_like_sentence)
            .then_some(line)
    }

    /// Counts of what the document holds, for `stats` and the status line.
    pub fn word_count(&self) -> usize {
        self.text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    /// Splits the text into consecutive byte ranges of at least `size` bytes (the last may be
    /// up to half as long again, or shorter), each ending at a paragraph end, or inside a
    /// longer paragraph at a sentence end, or inside a longer sentence at a space, or (in a
    /// text without spaces) at any character. Extractors that keep per-word data read a long
    /// document part by part, so their memory follows the part, not the document.
    pub fn parts(&self, size: usize) -> Vec<std::ops::Range<usize>> {
        let size = size.max(1);
        let mut ranges = Vec::new();
        let mut start = 0;
        while self.text.len() - start > size + size / 2 {
            let cut = self
                .next_break(start + size, size / 2)
                .filter(|&c| c > start && c < self.text.len());
            let Some(cut) = cut else { break };
            ranges.push(start..cut);
            start = cut;
        }
        ranges.push(start..self.text.len());
        ranges
    }

    /// The first paragraph end at or after `at`, if it comes within `slack` bytes; else the
    /// first sentence end; else the first space; else the next character boundary.
    fn next_break(&self, at: usize, slack: usize) -> Option<usize> {
        let soon = at + slack;
        let para = self.paragraphs.partition_point(|p| p.end < at);
        if let Some(p) = self.paragraphs.get(para).filter(|p| p.end <= soon) {
            return Some(p.end);
        }
        let sentences = self.sentences();
        let sentence = sentences.partition_point(|s| s.end < at);
        if let Some(s) = sentences.get(sentence).filter(|s| s.end <= soon) {
            return Some(s.end);
        }
        let bytes = self.text.as_bytes();
        (at..bytes.len().min(soon))
            .find(|&i| bytes[i] == b' ')
            .or_else(|| (at..bytes.len()).find(|&i| self.text.is_char_boundary(i)))
    }
}

/// How much text an extractor with per-word data reads at once ([`Document::parts`]). An
/// article fits in one part and is read as a whole.
pub const PART_BYTES: usize = 1 << 18;

fn index_of_span_at(spans: &[Span], offset: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end <= offset);
    (i < spans.len() && spans[i].start <= offset).then_some(i)
}

pub(crate) fn count_invalid_bytes(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(_) => break,
            Err(e) => {
                let bad = e.error_len().unwrap_or(rest.len() - e.valid_up_to());
                count += bad;
                rest = &rest[e.valid_up_to() + bad..];
            }
        }
    }
    count
}

/// CRLF and lone CR become LF; a leading BOM goes. Nothing else changes.
fn normalize(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if !text.contains('\r') {
        // The common case: no copy of what may be a very large text.
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Paragraphs: blocks separated by blank lines when the text is hard-wrapped, otherwise
/// every non-blank line (news copy usually puts one paragraph on a line).
fn split_paragraphs(text: &str) -> Vec<Span> {
    let lines = line_spans(text);
    let nonblank: Vec<Span> = lines
        .iter()
        .copied()
        .filter(|l| !l.slice(text).trim().is_empty())
        .collect();
    if is_hard_wrapped(text, &lines, &nonblank) {
        let mut paragraphs = Vec::new();
        let mut current: Option<Span> = None;
        for line in lines {
            if line.slice(text).trim().is_empty() {
                paragraphs.extend(current.take());
            } else {
                current = Some(match current {
                    Some(p) => Span::new(p.start, line.end),
                    None => line,
                });
            }
        }
        paragraphs.extend(current);
        paragraphs.into_iter().map(|p| trim_span(text, p)).collect()
    } else {
        nonblank.into_iter().map(|p| trim_span(text, p)).collect()
    }
}

/// Hard-wrapped prose: blank lines separate blocks, and blocks are clearly fewer than lines.
fn is_hard_wrapped(text: &str, lines: &[Span], nonblank: &[Span]) -> bool {
    let blank = lines.len() - nonblank.len();
    if blank == 0 || nonblank.len() < 4 {
        return false;
    }
    let mut continued = 0;
    for pair in lines.windows(2) {
        let a = pair[0].slice(text).trim();
        let b = pair[1].slice(text).trim();
        if !a.is_empty() && !b.is_empty() {
            continued += 1;
        }
    }
    let blocks = nonblank.len() - continued;
    blocks * 4 < nonblank.len() * 3
}

fn line_spans(text: &str) -> Vec<Span> {
    // `split` finds newlines with memchr: much faster than a byte loop on a huge file.
    let mut spans = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        spans.push(Span::new(start, start + line.len()));
        start += line.len() + 1;
    }
    if spans
        .last()
        .is_some_and(|s| s.is_empty() && s.start == text.len())
    {
        spans.pop();
    }
    spans
}

/// Drops leading and trailing whitespace, but only whole grapheme clusters of it: a space
/// that carries a combining mark (or follows a prepended mark) stays, so that paragraphs start
/// and end on grapheme boundaries and wrapping never has to split one.
fn trim_span(text: &str, span: Span) -> Span {
    use unicode_segmentation::UnicodeSegmentation;
    let s = span.slice(text);
    if s.is_ascii() {
        // ASCII clusters are single characters (CR LF is normalized away): the quick way.
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        return Span::new(
            span.start + lead,
            span.end.saturating_sub(trail).max(span.start + lead),
        );
    }
    let is_space = |g: &&str| g.chars().all(char::is_whitespace);
    let lead: usize = s.graphemes(true).take_while(is_space).map(str::len).sum();
    let rest = &s[lead..];
    let trail: usize = rest
        .graphemes(true)
        .rev()
        .take_while(is_space)
        .map(str::len)
        .sum();
    Span::new(span.start + lead, span.end - trail)
}

fn abbreviations() -> &'static std::collections::HashSet<&'static str> {
    static LIST: std::sync::OnceLock<std::collections::HashSet<&'static str>> =
        std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        include_str!("../assets/abbreviations.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
    })
}

/// Words that start a new sentence even after an abbreviation like `U.S.`.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "There",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Most",
    "Other",
    "Officials",
];

/// Splits a paragraph into sentences at `.`, `!`, `?` (and closing quotes or brackets after
/// them) followed by space and a capital, digit or opening quote, unless the period ends an
/// abbreviation (`Mr.`, `Inc.`), an initial (`J.`) or a dotted acronym (`U.S.`) mid-sentence.
pub fn split_sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let para = paragraph.slice(text);
    let bytes = para.as_bytes();
    let mut sentences = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Take any run of terminal punctuation and closing marks.
            let mut end = i + 1;
            loop {
                let rest = &para[end..];
                let Some(c) = rest.chars().next() else { break };
                if matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '’' | '”' | '»' | '…'
                ) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let after = &para[end..];
            let trimmed = after.trim_start();
            let has_space = trimmed.len() < after.len();
            let next = trimmed.chars().next();
            let starts_new = next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_ascii_digit()
                    || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '[' | '«')
            });
            if has_space && starts_new && (b != b'.' || !is_abbreviation_end(para, i, trimmed)) {
                sentences.push(Span::new(paragraph.start + start, paragraph.start + end));
                start = end + (after.len() - trimmed.len());
                i = start;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < para.len() {
        let rest = Span::new(paragraph.start + start, paragraph.end);
        let rest = trim_span(text, rest);
        if !rest.is_empty() {
            sentences.push(rest);
        }
    }
    sentences
}

/// Whether the period at `dot` ends an abbreviation rather than the sentence.
fn is_abbreviation_end(para: &str, dot: usize, following: &str) -> bool {
    let word_start = para[..dot]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '“' | '‘'))
        .map_or(0, |i| {
            i + para[i..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &para[word_start..dot];
    if word.is_empty() {
        return false;
    }
    let next_word: &str = following
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let starter = SENTENCE_STARTERS.contains(&next_word);
    // Dotted acronyms (U.S., U.K., a.m.) and initials (J. Smith).
    let is_dotted = word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.');
    let is_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if is_dotted || is_initial {
        return !starter;
    }
    let lower = word.to_lowercase();
    if abbreviations().contains(lower.as_str()) {
        // Titles never end sentences; company suffixes and months sometimes do.
        let always = matches!(
            lower.as_str(),
            "mr" | "mrs"
                | "ms"
                | "dr"
                | "prof"
                | "rev"
                | "gen"
                | "lt"
                | "col"
                | "capt"
                | "sgt"
                | "gov"
                | "sen"
                | "rep"
                | "st"
                | "no"
                | "vs"
                | "v"
                | "fig"
                | "e.g"
                | "i.e"
                | "maj"
                | "adm"
                | "cmdr"
                | "hon"
                | "fr"
                | "pres"
                | "det"
                | "insp"
                | "supt"
        );
        return always || !starter;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let doc = Document::new("t", text);
        doc.sentences()
            .iter()
            .map(|s| doc.slice(*s).to_string())
            .collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(
            sentences("It rained. Then it stopped! Did it? Yes."),
            ["It rained.", "Then it stopped!", "Did it?", "Yes."]
        );
    }

    #[test]
    fn survives_abbreviations_initials_and_decimals() {
        assert_eq!(
            sentences("Mr. Smith of Acme Inc. paid $3.5 million to J. R. Jones in the U.S. Army."),
            ["Mr. Smith of Acme Inc. paid $3.5 million to J. R. Jones in the U.S. Army."]
        );
        assert_eq!(
            sentences("He moved to the U.S. The move was costly."),
            ["He moved to the U.S.", "The move was costly."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("“We won.” She smiled."),
            ["“We won.”", "She smiled."]
        );
    }

    #[test]
    fn lines_are_paragraphs_and_crlf_is_normalized() {
        let doc = Document::new("t", "\u{FEFF}One.\r\nTwo.\r\n\r\nThree.");
        assert_eq!(doc.text, "One.\nTwo.\n\nThree.");
        assert_eq!(doc.paragraphs.len(), 3);
    }

    #[test]
    fn hard_wrapped_text_joins_lines_into_paragraphs() {
        let text = "A long line\nthat wraps here.\n\nAnother one\nthat wraps.\n\nThird\npara.\n\nFourth\npara.";
        let doc = Document::new("t", text);
        assert_eq!(doc.paragraphs.len(), 4);
        assert_eq!(
            doc.slice(doc.paragraphs[0]),
            "A long line\nthat wraps here."
        );
    }

    #[test]
    fn invalid_utf8_is_read_lossily_with_a_warning() {
        let loaded = Document::from_bytes("x.txt", b"ok \xff\xfe there".to_vec());
        assert_eq!(loaded.document.text, "ok \u{FFFD}\u{FFFD} there");
        assert!(loaded.warnings[0].contains("2 invalid bytes"));
    }

    #[test]
    fn binary_is_detected() {
        assert!(looks_binary(b"\x7fELF\x00\x01"));
        assert!(!looks_binary("plain words\n".as_bytes()));
    }

    #[test]
    fn paragraphs_keep_a_space_that_carries_a_mark() {
        // A combining accent on a leading space and a space after a prepended mark belong to
        // their clusters: trimming them away would start or end a paragraph mid-cluster.
        let doc = Document::new("t", " \u{301}accent first\nlast \u{600} \nplain  ");
        let paragraphs: Vec<&str> = doc.paragraphs.iter().map(|&p| doc.slice(p)).collect();
        assert_eq!(
            paragraphs,
            [" \u{301}accent first", "last \u{600} ", "plain"]
        );
    }

    #[test]
    fn title_is_a_short_first_line() {
        let doc = Document::new("t", "Big news today\nSomething happened. It was big.");
        assert_eq!(doc.title(), Some("Big news today"));
        let doc = Document::new("t", "Something happened today.\nIt was big.");
        assert_eq!(doc.title(), None);
    }
}
