//! Markdown as clean text: the words a reader sees once the syntax is rendered away.
//!
//! Block structure is read line by line (headings, lists, quotes, fences, tables), inline
//! syntax with a small CommonMark-style delimiter pass so that `snake_case`, `5 * 3` and
//! apostrophes survive while `*emphasis*` loses its markers. The output has one paragraph per
//! line: hard-wrapped lines are joined, headings and list items stand on their own line.

use std::collections::{HashMap, HashSet};

use super::html::decode_entities;

/// Link text inside link text deeper than this is kept without further parsing.
const MAX_NESTING: usize = 8;

/// The Markdown text as plain text, one paragraph per line.
pub fn to_text(markdown: &str) -> String {
    convert(markdown).0
}

/// The plain text and the title: the front matter's `title:`, or the heading that opens the
/// document.
pub fn convert(markdown: &str) -> (String, Option<String>) {
    let lines: Vec<&str> = markdown.lines().collect();
    let (start, front_title) = front_matter(&lines);
    let refs = reference_labels(&lines[start..]);
    let mut blocks = Blocks {
        refs: &refs,
        out: Vec::new(),
        open: Open::None,
        quote_depth: 0,
        in_comment: false,
        title: None,
    };
    if let Some(title) = &front_title {
        blocks.out.push(title.clone());
    }
    blocks.run(&lines[start..]);
    let mut lines = blocks.out;
    // A front-matter title repeated as the first heading appears once.
    if front_title.is_some() && lines.len() > 1 && lines[0] == lines[1] {
        lines.remove(1);
    }
    let mut out = String::with_capacity(markdown.len());
    // Every output line is a trimmed, non-empty paragraph, whatever odd input made it.
    for line in lines.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    (out, front_title.or(blocks.title))
}

/// Front matter (YAML between `---` lines, TOML between `+++` lines) is skipped; its
/// title becomes the first line.
fn front_matter(lines: &[&str]) -> (usize, Option<String>) {
    let fence = match lines.first().map(|l| l.trim_end()) {
        Some("---") => "---",
        Some("+++") => "+++",
        _ => return (0, None),
    };
    let Some(end) = lines
        .iter()
        .skip(1)
        .take(200)
        .position(|l| l.trim_end() == fence || (fence == "---" && l.trim_end() == "..."))
    else {
        return (0, None);
    };
    let title = lines[1..=end].iter().find_map(|l| {
        let rest = l.strip_prefix("title")?.trim_start();
        let value = rest
            .strip_prefix(':')
            .or_else(|| rest.strip_prefix('='))?
            .trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        (!value.is_empty()).then(|| value.to_string())
    });
    (end + 2, title)
}

/// Labels of reference-style link definitions (`[label]: url`), normalized.
fn reference_labels(lines: &[&str]) -> HashSet<String> {
    lines
        .iter()
        .filter_map(|l| reference_definition(l))
        .map(|label| normalize_label(&label))
        .collect()
}

/// The label when the line is a link definition `[label]: destination`.
fn reference_definition(line: &str) -> Option<String> {
    let t = strip_indent(line, 3)?;
    let rest = t.strip_prefix('[')?;
    if rest.starts_with('^') {
        return None;
    }
    let close = rest.find("]:")?;
    let label = &rest[..close];
    let dest = rest[close + 2..].trim();
    (!label.trim().is_empty() && !label.contains('[') && !dest.is_empty())
        .then(|| label.to_string())
}

fn normalize_label(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The line without up to `max` leading spaces; `None` when it is indented more.
fn strip_indent(line: &str, max: usize) -> Option<&str> {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    (spaces <= max).then(|| &line[spaces..])
}

enum Open {
    None,
    Paragraph(Vec<String>),
    Item(Vec<String>),
    Table,
    Fence { ch: char, len: usize },
}

struct Blocks<'r> {
    refs: &'r HashSet<String>,
    out: Vec<String>,
    open: Open,
    quote_depth: usize,
    /// Inside an HTML comment that spans lines.
    in_comment: bool,
    /// The first block, when it is a heading.
    title: Option<String>,
}

impl Blocks<'_> {
    fn emit(&mut self, text: String) {
        let text = collapse_whitespace(&text);
        if !text.is_empty() && text != "•" {
            self.out.push(text);
        }
    }

    /// Ends the open paragraph or list item, writing it out.
    fn flush(&mut self) {
        match std::mem::replace(&mut self.open, Open::None) {
            Open::Paragraph(lines) => {
                let text = inline(&join_lines(&lines), self.refs, 0);
                self.emit(text);
            }
            Open::Item(lines) => {
                let text = inline(&join_lines(&lines), self.refs, 0);
                if !collapse_whitespace(&text).is_empty() {
                    self.emit(format!("• {text}"));
                }
            }
            _ => {}
        }
    }

    /// A heading just written as the first line is the title.
    fn note_title(&mut self, first: bool) {
        if first && self.title.is_none() {
            self.title = self.out.first().cloned();
        }
    }

    fn run(&mut self, lines: &[&str]) {
        let mut i = 0;
        while i < lines.len() {
            let next = lines.get(i + 1).copied();
            self.line(lines[i], next);
            i += 1;
        }
        if matches!(self.open, Open::Fence { .. } | Open::Table) {
            self.open = Open::None;
        }
        self.flush();
    }

    fn line(&mut self, raw: &str, next: Option<&str>) {
        // Inside a fence, lines are code: kept as written.
        if let Open::Fence { ch, len } = self.open {
            let stripped = strip_quote_markers(raw);
            if is_fence_close(raw, ch, len) || is_fence_close(stripped, ch, len) {
                self.open = Open::None;
            } else if !raw.trim().is_empty() {
                self.out.push(stripped.trim_end().to_string());
            }
            return;
        }
        // HTML comments vanish, also across lines.
        let mut owned;
        let mut line = raw;
        if self.in_comment {
            let Some(end) = raw.find("-->") else {
                return;
            };
            self.in_comment = false;
            line = &raw[end + 3..];
            if line.trim().is_empty() {
                return;
            }
        }
        if line.contains("<!--") {
            let (without, unclosed) = remove_comments(line);
            // The text before an unclosed comment stays in its paragraph.
            self.in_comment = unclosed;
            if without.trim().is_empty() {
                return;
            }
            owned = without;
            line = &owned;
        }
        let depth = quote_depth(line);
        let line = strip_quote_markers(line);
        let trimmed = line.trim();
        // A quote opening or nesting deeper starts a new block; a line without `>` after a
        // quoted one continues it (CommonMark's lazy continuation).
        if depth != self.quote_depth && depth > 0 {
            self.flush();
        }
        self.quote_depth = depth;
        if trimmed.is_empty() {
            self.flush();
            if matches!(self.open, Open::Table) {
                self.open = Open::None;
            }
            return;
        }
        if matches!(self.open, Open::Table) {
            if trimmed.contains('|') {
                self.table_row(trimmed);
                return;
            }
            self.open = Open::None;
        }
        let Some(block) = strip_indent(line, 3) else {
            // Indented four or more: a list item's continuation, a paragraph's lazy line,
            // or a code line.
            match &mut self.open {
                Open::Item(lines) | Open::Paragraph(lines) => lines.push(trimmed.to_string()),
                _ => self.out.push(trimmed.to_string()),
            }
            return;
        };
        if let Some((ch, len)) = fence_open(block) {
            self.flush();
            self.open = Open::Fence { ch, len };
            return;
        }
        if let Some(heading) = atx_heading(block) {
            self.flush();
            let first = self.out.is_empty();
            owned = inline(heading, self.refs, 0);
            self.emit(owned);
            self.note_title(first);
            return;
        }
        if let Open::Paragraph(_) = self.open {
            if is_setext_underline(block) {
                // The paragraph was a heading: it already stands on its own line.
                let first = self.out.is_empty();
                self.flush();
                self.note_title(first);
                return;
            }
        }
        if is_rule(block) {
            self.flush();
            return;
        }
        if reference_definition(block).is_some() {
            self.flush();
            return;
        }
        if let Some(text) = footnote_definition(block) {
            self.flush();
            self.open = Open::Paragraph(vec![text.to_string()]);
            return;
        }
        let paragraph_open = matches!(self.open, Open::Paragraph(_));
        if let Some(content) = list_item(block, paragraph_open) {
            self.flush();
            self.open = Open::Item(vec![content.to_string()]);
            return;
        }
        if block.contains('|') && next.is_some_and(|n| is_table_delimiter(strip_quote_markers(n))) {
            self.flush();
            self.open = Open::Table;
            self.table_row(trimmed);
            return;
        }
        if trimmed.starts_with('|') && trimmed[1..].contains('|') {
            self.flush();
            self.open = Open::Table;
            self.table_row(trimmed);
            return;
        }
        match &mut self.open {
            Open::Paragraph(lines) | Open::Item(lines) => lines.push(trimmed.to_string()),
            _ => self.open = Open::Paragraph(vec![trimmed.to_string()]),
        }
    }

    fn table_row(&mut self, row: &str) {
        if is_table_delimiter(row) {
            return;
        }
        let row = row.trim();
        let row = row.strip_prefix('|').unwrap_or(row);
        let row = row.strip_suffix('|').unwrap_or(row);
        let mut cells = Vec::new();
        let mut cell = String::new();
        let mut chars = row.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '\\' if chars.peek() == Some(&'|') => {
                    cell.push('|');
                    chars.next();
                }
                '|' => cells.push(std::mem::take(&mut cell)),
                c => cell.push(c),
            }
        }
        cells.push(cell);
        let cells: Vec<String> = cells
            .iter()
            .map(|c| collapse_whitespace(&inline(c.trim(), self.refs, 0)))
            .filter(|c| !c.is_empty())
            .collect();
        self.emit(cells.join(" · "));
    }
}

/// Hard-wrapped lines joined into one; a hard break (two trailing spaces, `\`) is a space.
fn join_lines(lines: &[String]) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        let line = line.strip_suffix('\\').unwrap_or(line);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Strips block quote markers (`>`, `> >`) from the start of a line.
fn strip_quote_markers(line: &str) -> &str {
    let mut rest = line;
    loop {
        let Some(t) = strip_indent(rest, 3) else {
            return rest;
        };
        match t.strip_prefix('>') {
            Some(after) => rest = after.strip_prefix(' ').unwrap_or(after),
            None => return rest,
        }
    }
}

fn quote_depth(line: &str) -> usize {
    let mut depth = 0;
    let mut rest = line;
    while let Some(after) = strip_indent(rest, 3).and_then(|t| t.strip_prefix('>')) {
        depth += 1;
        rest = after.strip_prefix(' ').unwrap_or(after);
    }
    depth
}

/// `(text without comments, whether a comment stays open at the end of the line)`.
fn remove_comments(line: &str) -> (String, bool) {
    let mut out = String::new();
    let mut rest = line;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start + 4..].find("-->") {
            Some(end) => rest = &rest[start + 4 + end + 3..],
            None => return (out, true),
        }
    }
    out.push_str(rest);
    (out, false)
}

fn fence_open(line: &str) -> Option<(char, usize)> {
    let ch = line.chars().next().filter(|c| matches!(c, '`' | '~'))?;
    let len = line.chars().take_while(|&c| c == ch).count();
    let info = &line[len..];
    (len >= 3 && !(ch == '`' && info.contains('`'))).then_some((ch, len))
}

fn is_fence_close(line: &str, ch: char, len: usize) -> bool {
    let Some(t) = strip_indent(line, 3) else {
        return false;
    };
    let t = t.trim_end();
    t.chars().count() >= len && t.chars().all(|c| c == ch)
}

/// The text of an ATX heading (`## Title ##`), without the markers.
fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|&c| c == '#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text = rest.trim();
    // A closing run of `#` preceded by a space goes too.
    let without_closing = text.trim_end_matches('#');
    if without_closing.is_empty() {
        return Some("");
    }
    if without_closing.len() < text.len() && without_closing.ends_with([' ', '\t']) {
        return Some(without_closing.trim_end());
    }
    Some(text)
}

fn is_setext_underline(line: &str) -> bool {
    let t = line.trim_end();
    !t.is_empty() && (t.chars().all(|c| c == '=') || t.chars().all(|c| c == '-'))
}

fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3
        && ["*", "-", "_"]
            .iter()
            .any(|m| t.chars().all(|c| c.to_string() == *m))
}

fn footnote_definition(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("[^")?;
    let close = rest.find("]:")?;
    Some(rest[close + 2..].trim())
}

/// The content of a list item line (`- a`, `* a`, `+ a`, `1. a`, `1) a`), without a task box.
fn list_item(line: &str, paragraph_open: bool) -> Option<&str> {
    let bytes = line.as_bytes();
    let marker_len = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 3 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            // Only `1.` may interrupt a paragraph: `2023. The year…` in prose is not a list.
            if paragraph_open && &line[..digits] != "1" {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    let rest = &line[marker_len..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim();
    if content.is_empty() && paragraph_open {
        return None;
    }
    let content = ["[ ] ", "[x] ", "[X] "]
        .iter()
        .find_map(|b| content.strip_prefix(b))
        .unwrap_or(content);
    Some(content)
}

fn is_table_delimiter(line: &str) -> bool {
    let t = line.trim();
    t.contains('-')
        && t.contains('|')
        && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

// ---------------------------------------------------------------------------------------
// Inline syntax

enum Piece {
    Text(String),
    Delim {
        ch: char,
        count: usize,
        can_open: bool,
        can_close: bool,
    },
}

fn is_punct(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Inline Markdown as text: emphasis markers, link syntax, code backticks, images, inline
/// HTML tags and backslash escapes removed; entities decoded.
fn inline(text: &str, refs: &HashSet<String>, depth: usize) -> String {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let brackets = matching(&chars, '[', ']');
    let parens = matching(&chars, '(', ')');
    let code_ends = code_span_ends(&chars);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut buf = String::new();
    let flush = |buf: &mut String, pieces: &mut Vec<Piece>| {
        if !buf.is_empty() {
            pieces.push(Piece::Text(decode_entities(buf).into_owned()));
            buf.clear();
        }
    };
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        match c {
            '\\' => {
                match at(i + 1) {
                    Some(n) if n.is_ascii_punctuation() => buf.push(n),
                    Some(n) => {
                        buf.push('\\');
                        buf.push(n);
                    }
                    None => buf.push(' '),
                }
                i += 2;
                continue;
            }
            '`' => {
                let run = chars[i..].iter().take_while(|&&(_, c)| c == '`').count();
                if let Some(&end) = code_ends.get(&i) {
                    flush(&mut buf, &mut pieces);
                    let code = &text[byte(i + run)..byte(end)];
                    let code = code.replace('\n', " ");
                    let code = if code.starts_with(' ') && code.ends_with(' ') && code.len() > 2 {
                        code[1..code.len() - 1].to_string()
                    } else {
                        code
                    };
                    pieces.push(Piece::Text(code));
                    i = end + run;
                } else {
                    buf.extend(std::iter::repeat_n('`', run));
                    i += run;
                }
                continue;
            }
            '!' if at(i + 1) == Some('[') => {
                if let Some(end) = link_end(&chars, i + 1, &brackets, &parens, refs, text) {
                    // Images are dropped: alt text reads badly inside prose.
                    i = end;
                    continue;
                }
            }
            '[' => {
                if at(i + 1) == Some('^') {
                    if let Some(&close) = brackets.get(&i) {
                        // A footnote reference.
                        i = close + 1;
                        continue;
                    }
                }
                let link = link_end(&chars, i, &brackets, &parens, refs, text)
                    .and_then(|end| Some((end, *brackets.get(&i)?)));
                if let Some((end, close)) = link {
                    let inner = &text[byte(i + 1)..byte(close)];
                    flush(&mut buf, &mut pieces);
                    let label = if depth < MAX_NESTING {
                        inline(inner, refs, depth + 1)
                    } else {
                        inner.to_string()
                    };
                    pieces.push(Piece::Text(label));
                    i = end;
                    continue;
                }
            }
            '<' => {
                if let Some((end, keep)) = angle(&chars, i, text) {
                    flush(&mut buf, &mut pieces);
                    pieces.push(Piece::Text(keep));
                    i = end;
                    continue;
                }
            }
            '*' | '_' | '~' => {
                let run = chars[i..].iter().take_while(|&&(_, x)| x == c).count();
                if c == '~' && run != 2 {
                    buf.extend(std::iter::repeat_n(c, run));
                    i += run;
                    continue;
                }
                let prev = if i == 0 { ' ' } else { chars[i - 1].1 };
                let next = at(i + run).unwrap_or(' ');
                let left = !next.is_whitespace()
                    && (!is_punct(next) || prev.is_whitespace() || is_punct(prev));
                let right = !prev.is_whitespace()
                    && (!is_punct(prev) || next.is_whitespace() || is_punct(next));
                let (can_open, can_close) = if c == '_' {
                    (
                        left && (!right || is_punct(prev)),
                        right && (!left || is_punct(next)),
                    )
                } else {
                    (left, right)
                };
                flush(&mut buf, &mut pieces);
                pieces.push(Piece::Delim {
                    ch: c,
                    count: run,
                    can_open,
                    can_close,
                });
                i += run;
                continue;
            }
            _ => {}
        }
        buf.push(c);
        i += 1;
    }
    flush(&mut buf, &mut pieces);
    resolve_emphasis(&mut pieces);
    let mut out = String::with_capacity(text.len());
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(&t),
            Piece::Delim { ch, count, .. } => out.extend(std::iter::repeat_n(ch, count)),
        }
    }
    out
}

/// Pairs of matching brackets (by char index), ignoring escaped ones.
fn matching(chars: &[(usize, char)], open: char, close: char) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut stack = Vec::new();
    let mut escaped = false;
    for (i, &(_, c)) in chars.iter().enumerate() {
        if escaped {
            escaped = false;
            continue;
        }
        if c == '\\' {
            escaped = true;
        } else if c == open {
            stack.push(i);
        } else if c == close {
            if let Some(o) = stack.pop() {
                pairs.insert(o, i);
            }
        }
    }
    pairs
}

/// For each backtick run that opens a code span, where the closing run of the same length
/// starts.
fn code_span_ends(chars: &[(usize, char)]) -> HashMap<usize, usize> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].1 == '`' {
            let len = chars[i..].iter().take_while(|&&(_, c)| c == '`').count();
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    let mut ends = HashMap::new();
    let mut waiting: HashMap<usize, usize> = HashMap::new();
    for (start, len) in runs {
        if let Some(open) = waiting.remove(&len) {
            ends.insert(open, start);
        } else {
            waiting.insert(len, start);
        }
    }
    ends
}

/// Where a link starting with `[` at `open` ends (the char index after it), if it is one:
/// `[text](dest)`, `[text][ref]`, `[text][]`, or `[text]` naming a definition.
fn link_end(
    chars: &[(usize, char)],
    open: usize,
    brackets: &HashMap<usize, usize>,
    parens: &HashMap<usize, usize>,
    refs: &HashSet<String>,
    text: &str,
) -> Option<usize> {
    let close = *brackets.get(&open)?;
    let after = close + 1;
    match chars.get(after).map(|&(_, c)| c) {
        Some('(') => parens.get(&after).map(|&end| end + 1),
        Some('[') => brackets.get(&after).map(|&end| end + 1),
        _ => {
            let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
            let label = &text[byte(open + 1)..byte(close)];
            refs.contains(&normalize_label(label)).then_some(after)
        }
    }
}

/// An autolink (`<https://…>`: kept as its address) or an inline HTML tag (dropped; `<br>`
/// is a space) starting at `<`: where it ends and what it leaves.
fn angle(chars: &[(usize, char)], open: usize, text: &str) -> Option<(usize, String)> {
    let first = chars.get(open + 1)?.1;
    if !(first.is_ascii_alphabetic() || first == '/' || first == '!') {
        return None;
    }
    let close = chars[open + 1..]
        .iter()
        .take(2000)
        .position(|&(_, c)| c == '>' || c == '<')
        .map(|p| p + open + 1)?;
    if chars[close].1 != '>' {
        return None;
    }
    let inner = &text[chars[open + 1].0..chars[close].0];
    if inner.contains("://") || (inner.contains('@') && !inner.contains(' ')) {
        return Some((
            close + 1,
            inner.strip_prefix("mailto:").unwrap_or(inner).into(),
        ));
    }
    let name: String = inner
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    if name.is_empty() && first != '!' {
        return None;
    }
    let keep = if name.eq_ignore_ascii_case("br") {
        " "
    } else {
        ""
    };
    Some((close + 1, keep.into()))
}

/// Markers of a delimiter run not yet paired.
fn remaining(piece: &Piece) -> usize {
    match piece {
        Piece::Delim { count, .. } => *count,
        Piece::Text(_) => 0,
    }
}

fn consume(piece: &mut Piece, used: usize) {
    if let Piece::Delim { count, .. } = piece {
        *count = count.saturating_sub(used);
    }
}

/// CommonMark's delimiter matching, simplified: a closer pairs with the nearest opener of
/// the same character; markers between them can no longer pair. Matched markers vanish.
fn resolve_emphasis(pieces: &mut [Piece]) {
    // Indexes of delimiter pieces that may still open, innermost last.
    let mut openers: Vec<usize> = Vec::new();
    // Per character, the opener stack height below which no opener matches it.
    let mut bottom: HashMap<char, usize> = HashMap::new();
    for c in 0..pieces.len() {
        let Piece::Delim {
            ch,
            can_open,
            can_close,
            ..
        } = pieces[c]
        else {
            continue;
        };
        if can_close {
            while remaining(&pieces[c]) > 0 {
                let floor = bottom.get(&ch).copied().unwrap_or(0);
                let found = (floor..openers.len()).rev().find(|&k| {
                    matches!(pieces[openers[k]], Piece::Delim { ch: o, .. } if o == ch)
                        && remaining(&pieces[openers[k]]) > 0
                });
                let Some(k) = found else {
                    bottom.insert(ch, openers.len());
                    break;
                };
                let o = openers[k];
                let used = if remaining(&pieces[o]) >= 2 && remaining(&pieces[c]) >= 2 {
                    2
                } else {
                    1
                };
                consume(&mut pieces[o], used);
                consume(&mut pieces[c], used);
                // Markers between the pair stay literal.
                openers.truncate(if remaining(&pieces[o]) > 0 { k + 1 } else { k });
                for v in bottom.values_mut() {
                    *v = (*v).min(openers.len());
                }
            }
        }
        if can_open && remaining(&pieces[c]) > 0 {
            openers.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(md: &str) -> String {
        to_text(md)
    }

    #[test]
    fn emphasis_leaves_words_and_apostrophes() {
        assert_eq!(
            clean("It's *very* **bold** and _quiet_, ***both*** and ~~gone~~.\n"),
            "It's very bold and quiet, both and gone.\n"
        );
        assert_eq!(
            clean("snake_case_name and 5 * 3 * 2\n"),
            "snake_case_name and 5 * 3 * 2\n"
        );
        assert_eq!(clean("an *unclosed marker\n"), "an *unclosed marker\n");
    }

    #[test]
    fn comments_span_lines_inside_a_paragraph() {
        assert_eq!(
            clean("Text before <!-- start\nhidden\n--> after\nmore.\n\nNext.\n"),
            "Text before after more.\nNext.\n"
        );
    }

    #[test]
    fn code_keeps_repeated_lines_and_toml_front_matter_gives_the_title() {
        assert_eq!(
            convert("+++\ntitle = \"T\"\n+++\n# T\n```\n}\n}\n```\n"),
            ("T\n}\n}\n".to_string(), Some("T".to_string()))
        );
    }

    #[test]
    fn links_code_and_images() {
        assert_eq!(
            clean("See [the *report*](https://x.org/a_(b)) and `a_b*c` ![chart](c.png).\n"),
            "See the report and a_b*c .\n"
        );
        assert_eq!(
            clean("Read [this][r] or [that] or <https://e.org>.\n\n[r]: https://a.b\n[that]: /t \"T\"\n"),
            "Read this or that or https://e.org.\n"
        );
        assert_eq!(clean("[not a link] stays\n"), "[not a link] stays\n");
    }
}
