//! Splits text into the word and punctuation tokens the entity tagger works on.

/// A token: a byte range into the text plus cheap facts about its surface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    /// Whitespace before it held a line break (or it opens the text).
    pub line_start: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Short words whose trailing period belongs to them (`Mr.`, `Inc.`).
const DOTTED: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd", "Gov", "Sen", "Rep",
    "Gen", "Lt", "Col", "Capt", "Prof", "Rev", "Sgt", "Mt", "Ft", "Bros", "No", "vs", "Pres",
];

/// The length of the longest word in [`DOTTED`].
const MAX_DOTTED_LEN: usize = 4;

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Tokenizes `text`. Words keep internal hyphens, apostrophes (not a final possessive `'s`),
/// dotted acronyms (`U.S.`), digit groups (`1,700`, `3.5`) and `&` between letters (`AT&T`).
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    let mut line_start = true;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            if b == b'\n' {
                line_start = true;
            }
            i += 1;
            continue;
        }
        // A terminal escape sequence (colours in saved terminal output): its letters and
        // digits (`[31m`) are no words.
        if b == ESC {
            i = escape_end(bytes, i);
            continue;
        }
        // Most tokens start with an ASCII letter or digit: no decoding needed.
        if b.is_ascii_alphanumeric() {
            let end = word_end(text, i);
            tokens.push(Token {
                start: i,
                end,
                line_start,
            });
            line_start = false;
            i = end;
            continue;
        }
        let c = if b < 0x80 {
            b as char
        } else {
            char_at(text, i).unwrap_or(' ')
        };
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let end = if is_word_char(c) {
            word_end(text, i)
        } else if is_possessive(text, i, c) {
            i + c.len_utf8() + 1
        } else {
            i + c.len_utf8()
        };
        tokens.push(Token {
            start,
            end,
            line_start,
        });
        line_start = false;
        i = end;
    }
    tokens
}

const ESC: u8 = 0x1B;

/// The longest operating-system command (`ESC ]`: window titles, links) read as one: an
/// unterminated one does not hide the rest of a long line.
const MAX_OSC_BYTES: usize = 4096;

/// Where the terminal escape sequence at `i` (an ESC byte) ends: `ESC [`, parameters and a
/// final byte (colours, cursor moves); `ESC ]` up to BEL or `ESC \` (titles, links); else ESC
/// and the character after it. It ends on an ASCII byte or before a line break, so always
/// between characters.
fn escape_end(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i + 1) {
        Some(b'[') => {
            let mut j = i + 2;
            while bytes.get(j).is_some_and(|b| (0x20..=0x3F).contains(b)) {
                j += 1;
            }
            if bytes.get(j).is_some_and(|b| (0x40..=0x7E).contains(b)) {
                j += 1;
            }
            j
        }
        Some(b']') => {
            let end = bytes.len().min(i + MAX_OSC_BYTES);
            let mut j = i + 2;
            while j < end {
                match bytes[j] {
                    0x07 => return j + 1,
                    ESC if bytes.get(j + 1) == Some(&b'\\') => return j + 2,
                    b'\n' => return j,
                    _ => j += 1,
                }
            }
            if j == bytes.len() {
                j
            } else {
                i + 2
            }
        }
        Some(&b) if b.is_ascii() && b != b'\n' => i + 2,
        _ => i + 1,
    }
}

const ASCII_OTHER: u8 = 0;
const ASCII_WORD: u8 = 1;
const NOT_ASCII: u8 = 2;

/// Each byte's class: an ASCII letter or digit, another ASCII character, or part of a
/// longer character. One load a byte in the tokenizer's inner loop.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [ASCII_OTHER; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = if b >= 0x80 {
            NOT_ASCII
        } else if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            ASCII_OTHER
        };
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits from `i` ends, looking at eight bytes at a time
/// (a word's end would otherwise be a branch per byte, mispredicted once a word).
#[inline]
fn ascii_word_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let v = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        let not_word = !ascii_alphanumeric_bytes(v) & HIGH_BITS;
        if not_word != 0 {
            return i + (not_word.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && BYTE_CLASS[bytes[i] as usize] == ASCII_WORD {
        i += 1;
    }
    i
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `v` set where the byte is an ASCII letter or digit.
#[inline]
fn ascii_alphanumeric_bytes(v: u64) -> u64 {
    let ascii = !v & HIGH_BITS;
    let x = v & !HIGH_BITS;
    // Each byte below 0x80 plus (0x80 - lo) has its high bit set exactly when it is >= lo,
    // and no byte carries into the next.
    let at_least = |x: u64, lo: u8| x + ONES * (0x80 - lo as u64);
    let in_range = |x: u64, lo: u8, hi: u8| at_least(x, lo) & !at_least(x, hi + 1);
    let folded = x | (ONES * 0x20);
    (in_range(x, b'0', b'9') | in_range(folded, b'a', b'z')) & ascii
}

fn word_end(text: &str, start: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    let mut seg_start = start;
    let mut all_single = true;
    let mut has_dot = false;
    loop {
        // A run of word characters: ASCII ones eight at a time, then the rest one by one.
        let mut ascii = true;
        i = ascii_word_run(bytes, i);
        while i < bytes.len() {
            let b = bytes[i];
            match BYTE_CLASS[b as usize] {
                ASCII_WORD => {
                    i += 1;
                    continue;
                }
                ASCII_OTHER => break,
                _ => {}
            }
            ascii = false;
            match char_at(text, i) {
                Some(c) if is_word_char(c) => i += c.len_utf8(),
                _ => break,
            }
        }
        // Most words end at a space or a mark that never joins: stop before decoding more
        // (no period follows, so whether the word is dotted letters does not matter).
        match bytes.get(i) {
            None => break,
            Some(b'-' | b'&' | b'\'' | b',' | b'.') => {}
            Some(&b) if b < 0x80 => break,
            Some(_) => {}
        }
        let single = if ascii {
            i - seg_start == 1
        } else {
            is_one_char(&text[seg_start..i])
        };
        if !single {
            all_single = false;
        }
        let Some(conn) = char_at(text, i) else { break };
        let after = i + conn.len_utf8();
        let Some(next) = char_at(text, after) else {
            break;
        };
        if !is_word_char(next) {
            break;
        }
        let prev_digit = bytes[i - 1].is_ascii_digit();
        let join = match conn {
            '-' | '&' => true,
            '\'' | '’' => {
                // A final possessive `'s` is its own token.
                let s_end = after + 1;
                let possessive = (next == 's' || next == 'S')
                    && char_at(text, s_end).is_none_or(|c| !is_word_char(c));
                !possessive
            }
            ',' => prev_digit && next.is_ascii_digit() && digits_group(bytes, after),
            '.' => {
                (prev_digit && next.is_ascii_digit())
                    || (single && next.is_alphabetic() && single_letter_at(text, after))
            }
            _ => false,
        };
        if !join {
            break;
        }
        if conn == '.' && !prev_digit {
            has_dot = true;
        }
        i = after;
        seg_start = i;
    }
    // Trailing period of a dotted acronym (`U.S.`), an initial (`J.`) or an abbreviation (`Mr.`).
    if bytes.get(i) == Some(&b'.') {
        let word = &text[start..i];
        let initial = word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase();
        // Every sentence ends in a word and a period: the list is asked only of short words.
        let abbreviation = word.len() <= MAX_DOTTED_LEN && DOTTED.contains(&word);
        if (has_dot && all_single) || initial || abbreviation {
            return i + 1;
        }
    }
    i
}

/// `'s` or `’s` right after a word: the possessive ending, one token.
fn is_possessive(text: &str, i: usize, c: char) -> bool {
    if c != '\'' && c != '’' {
        return false;
    }
    let after = i + c.len_utf8();
    let prev_word = text[..i].chars().next_back().is_some_and(is_word_char);
    prev_word
        && matches!(text.as_bytes().get(after), Some(b's' | b'S'))
        && char_at(text, after + 1).is_none_or(|c| !is_word_char(c))
}

/// Whether `s` is exactly one character (without counting all of them).
fn is_one_char(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some() && chars.next().is_none()
}

fn digits_group(bytes: &[u8], at: usize) -> bool {
    bytes.len() >= at + 3
        && bytes[at..at + 3].iter().all(u8::is_ascii_digit)
        && bytes.get(at + 3).is_none_or(|b| !b.is_ascii_digit())
}

fn single_letter_at(text: &str, at: usize) -> bool {
    let mut chars = text[at..].chars();
    chars.next();
    chars.next().is_none_or(|c| !is_word_char(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_runs_eight_bytes_at_a_time_end_where_byte_by_byte_ones_do() {
        let by_byte = |bytes: &[u8], mut i: usize| {
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            i
        };
        // Every byte value at every place of a word of eleven letters and digits.
        for b in 0..=255u8 {
            for at in 0..11 {
                let mut bytes = b"Ab3zZ09azQx".to_vec();
                bytes[at] = b;
                bytes.extend_from_slice(b" tail");
                for start in 0..3 {
                    assert_eq!(
                        ascii_word_run(&bytes, start),
                        by_byte(&bytes, start),
                        "byte {b:#x} at {at}, from {start}"
                    );
                }
            }
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn terminal_escape_sequences_are_no_words() {
        assert_eq!(
            words("Evil \x1b[31mRED\x1b[0m and \x1b[1;32mGreen\x1b[m text\x1b7."),
            ["Evil", "RED", "and", "Green", "text", "."]
        );
        // A link (OSC 8), ended by BEL or by ESC \.
        assert_eq!(
            words("see \x1b]8;;https://x.org/a?b=1\x07Reuters\x1b]8;;\x1b\\ now"),
            ["see", "Reuters", "now"]
        );
        // Unterminated: the command ends at the line break, or after ESC ] on a long line.
        assert_eq!(words("\x1b]0;title\nNext line"), ["Next", "line"]);
        let long = format!("\x1b]{} Tail", "x".repeat(MAX_OSC_BYTES));
        assert_eq!(words(&long).last(), Some(&"Tail"));
        assert_eq!(words(&long).len(), 2);
        // Cut short at the end of the text, or before a character that is not ASCII.
        assert_eq!(words("Done \x1b["), ["Done"]);
        assert_eq!(words("\x1b[é Word"), ["é", "Word"]);
    }

    #[test]
    fn no_abbreviation_is_longer_than_the_length_checked_first() {
        assert!(DOTTED.iter().all(|w| w.len() <= MAX_DOTTED_LEN));
    }

    #[test]
    fn splits_possessives_and_keeps_acronyms() {
        assert_eq!(
            words("TikTok’s U.S. team paid $1,700.50 to O'Brien's AT&T unit, Mr. J. Smith."),
            [
                "TikTok", "’s", "U.S.", "team", "paid", "$", "1,700.50", "to", "O'Brien", "'s",
                "AT&T", "unit", ",", "Mr.", "J.", "Smith", "."
            ]
        );
        assert_eq!(
            words("mid-2025, 20% e.g. don't"),
            ["mid-2025", ",", "20", "%", "e.g.", "don't"]
        );
    }
}
