//! Pairing quotation marks into quotations, telling marks apart from apostrophes.
//!
//! One pass over each paragraph with a small stack of open marks: linear in the text, bounded
//! memory, and an unclosed mark never reaches past its paragraph (or the paragraphs that continue it).

use crate::span::Span;

/// How deep quotations may nest before further opening marks are ignored.
const MAX_DEPTH: usize = 6;
/// How many paragraphs one quotation may run over (each reopening with a mark).
const MAX_PARAGRAPHS: usize = 12;

/// A quotation found by its marks: where its words are and the quotations inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the quotation was cut at the end of its paragraph.
    pub close: Option<Span>,
    /// The quoted words, without marks or surrounding whitespace.
    pub inner: Span,
    /// Inner quotations, without their marks, in text order.
    pub nested: Vec<Span>,
}

impl Found {
    /// Where the quotation ends, closing mark included.
    pub fn end(&self) -> usize {
        self.close.map_or(self.inner.end, |c| c.end)
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    mark: char,
    at: usize,
}

/// Double marks open and close top-level quotations; single marks are either a quotation
/// (usually nested) or an apostrophe, so they are treated with more suspicion.
fn is_double(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '“' | '”' | '„' | '«' | '»' | '\'' | '‘' | '’' | '‚' | '‹' | '›'
    )
}

/// Whether `close` can end a quotation opened with `open`.
fn closes(open: char, close: char) -> bool {
    match open {
        '"' => matches!(close, '"' | '”'),
        '“' => matches!(close, '”' | '"'),
        '„' => matches!(close, '“' | '”'),
        '«' => close == '»',
        '‹' => close == '›',
        '‘' => matches!(close, '’' | '\''),
        '‚' => matches!(close, '‘' | '’'),
        '\'' => matches!(close, '\'' | '’'),
        _ => false,
    }
}

fn can_open(c: char) -> bool {
    matches!(c, '"' | '“' | '„' | '«' | '‹' | '‘' | '‚' | '\'')
}

/// Characters after which a straight or single mark reads as opening.
fn opens_after(p: Option<char>) -> bool {
    p.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '"' | '«' | '„' | '‹'
            )
    })
}

fn is_ws(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Words commonly written with a leading apostrophe ('em, 'til, 'cause).
const ELISIONS: &[&str] = &["em", "til", "cause", "tis", "twas", "bout", "round", "n"];

/// Whether a single mark at `at` is an apostrophe: inside a word (don't, Amazon's), before a
/// two-digit year ('90s), in `rock 'n' roll`, or before a common elision ('em).
/// Returns how many bytes to skip (the mark itself, or `'n'` whole).
fn apostrophe(text: &str, at: usize, c: char, p: Option<char>, n: Option<char>) -> Option<usize> {
    if !matches!(c, '\'' | '’' | '‘') {
        return None;
    }
    let len = c.len_utf8();
    if alnum(p) && alnum(n) {
        return Some(len);
    }
    let rest = &text[at + len..];
    if opens_after(p) {
        let digits = rest
            .chars()
            .take(3)
            .take_while(char::is_ascii_digit)
            .count();
        if digits == 2 {
            let after = rest[2..].chars().next();
            if !alnum(after) || after == Some('s') {
                return Some(len);
            }
        }
        let word_len: usize = rest
            .chars()
            .take(8)
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let word = rest[..word_len].to_lowercase();
        if ELISIONS.contains(&word.as_str()) {
            let after = rest[word_len..].chars().next();
            if word == "n" {
                // rock 'n' roll: skip the closing half too.
                if let Some(a @ ('\'' | '’')) = after {
                    return Some(len + 1 + a.len_utf8());
                }
            }
            if is_ws(after) || after.is_some_and(|a| matches!(a, '\'' | '’')) {
                return Some(len);
            }
        }
    }
    None
}

/// Finds the quotations of `text`, paragraph by paragraph, in text order. Quotations inside
/// other quotations are returned in their parent's `nested`.
pub(crate) fn find_quotations(text: &str, paragraphs: &[Span]) -> Vec<Found> {
    let mut raw: Vec<(Span, Option<Span>, Span)> = Vec::new();
    // A double quotation left open at the end of a paragraph: its opening and how many
    // paragraphs it has run over.
    let mut carry: Option<(Open, usize, usize)> = None;
    for para in paragraphs {
        let Some(body) = text.get(para.start..para.end) else {
            continue;
        };
        let mut stack: Vec<Open> = Vec::new();
        let mut skip_to = para.start;
        let mut continued: Option<(usize, usize)> = None;
        if let Some((open, count, last_end)) = carry.take() {
            let first = body.chars().next();
            let continues =
                first.is_some_and(|f| can_open(f) && is_double(f)) && count < MAX_PARAGRAPHS;
            if continues {
                stack.push(open);
                skip_to = para.start + first.map_or(0, char::len_utf8);
                continued = Some((open.at, count + 1));
            } else {
                push_unclosed(text, &mut raw, open, last_end);
            }
        }
        scan_paragraph(text, *para, skip_to, &mut stack, &mut raw);
        // What is still open at the paragraph's end: the outermost double mark may continue
        // in the next paragraph; anything else was a stray mark or an apostrophe.
        if let Some(bottom) = stack.first().copied() {
            if is_double(bottom.mark) {
                let count = match continued {
                    Some((at, count)) if at == bottom.at => count,
                    _ => 1,
                };
                carry = Some((bottom, count, para.end));
            }
        }
    }
    if let Some((open, _, last_end)) = carry {
        push_unclosed(text, &mut raw, open, last_end);
    }
    nest(raw)
}

/// Records a quotation whose closing mark never came, cut at the end of its paragraph.
fn push_unclosed(text: &str, raw: &mut Vec<(Span, Option<Span>, Span)>, open: Open, end: usize) {
    let mark = Span::new(open.at, open.at + open.mark.len_utf8());
    let inner = trim(text, Span::new(mark.end, end.max(mark.end)));
    if !inner.is_empty() {
        raw.push((mark, None, inner));
    }
}

fn scan_paragraph(
    text: &str,
    para: Span,
    from: usize,
    stack: &mut Vec<Open>,
    raw: &mut Vec<(Span, Option<Span>, Span)>,
) {
    let body = &text[from..para.end];
    // Where the paragraph's last straight double mark is: a spaced mark (`," For example`)
    // opens a quotation only if another one follows to close it.
    let last_straight = body.rfind('"').map(|r| from + r);
    let mut skip_until = from;
    // Only the bytes that can begin a mark are looked at; the characters around one are read
    // where it is.
    let mut next_byte = 0;
    while let Some(rel) = find_mark_byte(body.as_bytes(), next_byte) {
        next_byte = rel + 1;
        // A byte that can begin a mark is ASCII or leads a character: a character boundary.
        let Some(c) = body[rel..].chars().next() else {
            break;
        };
        let at = from + rel;
        if at < skip_until || !is_mark(c) {
            continue;
        }
        let p = text[para.start..at].chars().next_back();
        let n = body[rel + c.len_utf8()..].chars().next();
        if let Some(skip) = apostrophe(text, at, c, p, n) {
            skip_until = at + skip;
            continue;
        }
        if try_close(text, at, c, p, n, stack, raw) {
            continue;
        }
        let inch = p.is_some_and(|p| p.is_ascii_digit());
        if c == '"' && stack.is_empty() && is_ws(n) && !inch && last_straight > Some(at) {
            stack.push(Open { mark: c, at });
            continue;
        }
        try_open(at, c, p, n, stack);
    }
}

/// The first byte of a mark in UTF-8: `"` and `'`, `0xC2` for `«` `»`, and `0xE2` for the
/// others (`“` `”` `‘` `’` `‚` `„` `‹` `›`).
const MARK_BYTES: [u8; 4] = [b'"', b'\'', 0xC2, 0xE2];

/// The index of the first byte from `from` that may begin a mark ([`MARK_BYTES`]): eight bytes
/// at a time, a word at once.
fn find_mark_byte(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    // Bit 7 set in the bytes of `x` that are zero (exact for the lowest such byte, which is all
    // that is read: a borrow only runs upwards from it).
    let zero_bytes = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut i = from;
    while let Some(eight) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
        let hits = MARK_BYTES
            .iter()
            .fold(0, |hits, &b| hits | zero_bytes(x ^ (ONES * u64::from(b))));
        if hits != 0 {
            return Some(i + (hits.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|b| MARK_BYTES.contains(b))
        .map(|k| i + k)
}

/// Closes the innermost open quotation that `c` can end; returns whether it did.
fn try_close(
    text: &str,
    at: usize,
    c: char,
    p: Option<char>,
    n: Option<char>,
    stack: &mut Vec<Open>,
    raw: &mut Vec<(Span, Option<Span>, Span)>,
) -> bool {
    let straight_or_single = matches!(c, '"' | '\'' | '’' | '‘');
    if straight_or_single && is_ws(p) && !is_ws(n) {
        // Reads as an opening mark (space before, word after): closing marks never do.
        if !(c == '‘' && stack.last().is_some_and(|o| o.mark == '‚')) {
            return false;
        }
    }
    let single = matches!(c, '\'' | '’');
    let Some(depth) = stack.iter().rposition(|o| closes(o.mark, c)) else {
        return false;
    };
    if depth + 1 != stack.len() && single {
        // A single mark may only close the innermost quotation; elsewhere it is an apostrophe.
        return false;
    }
    let open = stack[depth];
    stack.truncate(depth);
    let open_span = Span::new(open.at, open.at + open.mark.len_utf8());
    let close_span = Span::new(at, at + c.len_utf8());
    let inner = trim(text, Span::new(open_span.end, at));
    if !inner.is_empty() {
        raw.push((open_span, Some(close_span), inner));
    }
    true
}

fn try_open(at: usize, c: char, p: Option<char>, n: Option<char>, stack: &mut Vec<Open>) {
    if !can_open(c) {
        return;
    }
    let ok = match c {
        // Inch marks (a 12" pizza) follow digits.
        '"' => !is_ws(n) && !p.is_some_and(|p| p.is_ascii_digit()),
        '\'' | '‘' | '‚' => !is_ws(n) && opens_after(p),
        // Guillemets are often spaced inside (« Bonjour »); a spaced curly opening mark
        // (`“ We are`) still opens when a space precedes it too.
        '«' | '‹' => n.is_some(),
        '“' | '„' => n.is_some() && (!is_ws(n) || is_ws(p)),
        _ => !is_ws(n),
    };
    if !ok {
        return;
    }
    if c == '"' && stack.last().is_some_and(|o| o.mark == '"') {
        // Straight marks do not nest; an opening that reads as one replaces a stray open.
        stack.pop();
    }
    if stack.len() < MAX_DEPTH {
        stack.push(Open { mark: c, at });
    }
}

/// Shrinks a span to exclude leading and trailing whitespace.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

/// Orders quotations and puts each one inside the quotation that encloses it.
fn nest(mut raw: Vec<(Span, Option<Span>, Span)>) -> Vec<Found> {
    raw.sort_by(|a, b| a.0.start.cmp(&b.0.start).then(b.2.end.cmp(&a.2.end)));
    let mut out: Vec<Found> = Vec::with_capacity(raw.len());
    for (open, close, inner) in raw {
        if let Some(parent) = out.last_mut() {
            if parent.inner.start <= open.start && inner.end <= parent.inner.end {
                parent.nested.push(inner);
                continue;
            }
            if open.start < parent.end() {
                // Overlapping without nesting: keep the first.
                continue;
            }
        }
        out.push(Found {
            open,
            close,
            inner,
            nested: Vec::new(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `scan_paragraph` as first written: every character looked at.
    fn scan_paragraph_reference(
        text: &str,
        para: Span,
        from: usize,
        stack: &mut Vec<Open>,
        raw: &mut Vec<(Span, Option<Span>, Span)>,
    ) {
        let body = &text[from..para.end];
        let mut prev: Option<char> = text[para.start..from].chars().next_back();
        let last_straight = body.rfind('"').map(|r| from + r);
        let mut iter = body.char_indices().peekable();
        let mut skip_until = from;
        while let Some((rel, c)) = iter.next() {
            let at = from + rel;
            let p = prev;
            prev = Some(c);
            if at < skip_until || !is_mark(c) {
                continue;
            }
            let n = iter.peek().map(|&(_, n)| n);
            if let Some(skip) = apostrophe(text, at, c, p, n) {
                skip_until = at + skip;
                continue;
            }
            if try_close(text, at, c, p, n, stack, raw) {
                continue;
            }
            let inch = p.is_some_and(|p| p.is_ascii_digit());
            if c == '"' && stack.is_empty() && is_ws(n) && !inch && last_straight > Some(at) {
                stack.push(Open { mark: c, at });
                continue;
            }
            try_open(at, c, p, n, stack);
        }
    }

    #[test]
    fn mark_search_agrees_with_a_look_at_every_character() {
        const PIECES: &[&str] = &[
            "\"", "'", "“", "”", "‘", "’", "‚", "„", "«", "»", "‹", "›", "Â", "â€", "é", "—",
            "said", "he", "don't", "'90s", "'n'", "'em", "5", "(", ")", ",", ".", "ŝ", "¬",
            "\u{2028}", "\u{a0}",
        ];
        const GAPS: &[&str] = &[" ", "", "", "\n", "\n\n", " "];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..1 + next(30) {
                text.push_str(PIECES[next(PIECES.len())]);
                text.push_str(GAPS[next(GAPS.len())]);
            }
            for para in crate::document::Document::new("t", &text).paragraphs {
                for from in [
                    para.start,
                    para.start + text[para.start..].chars().next().map_or(0, char::len_utf8),
                ] {
                    if from > para.end {
                        continue;
                    }
                    let (mut stack, mut raw) = (Vec::new(), Vec::new());
                    scan_paragraph(&text, para, from, &mut stack, &mut raw);
                    let (mut stack_ref, mut raw_ref) = (Vec::new(), Vec::new());
                    scan_paragraph_reference(&text, para, from, &mut stack_ref, &mut raw_ref);
                    assert_eq!(raw, raw_ref, "{text:?}");
                    let marks = |s: &[Open]| s.iter().map(|o| (o.mark, o.at)).collect::<Vec<_>>();
                    assert_eq!(marks(&stack), marks(&stack_ref), "{text:?}");
                }
            }
        }
    }

    fn quotes(text: &str) -> Vec<(String, Vec<String>)> {
        let paragraphs = crate::document::Document::new("t", text).paragraphs;
        find_quotations(text, &paragraphs)
            .into_iter()
            .map(|f| {
                (
                    f.inner.slice(text).to_string(),
                    f.nested.iter().map(|s| s.slice(text).to_string()).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn pairs_marks_and_skips_apostrophes() {
        let q = quotes("He said \"it's the players' call, not 'ours'\" and left.");
        assert_eq!(
            q,
            vec![(
                "it's the players' call, not 'ours'".to_string(),
                vec!["ours".to_string()]
            )]
        );
    }

    #[test]
    fn straight_mark_after_digit_is_inches() {
        assert!(quotes("A 12\" pizza.").is_empty());
    }
}
