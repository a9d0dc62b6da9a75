//! Finding time expressions: a tokenizer and a left-to-right matcher over its tokens.
//!
//! Every pattern looks a bounded number of tokens ahead, so a scan is linear in the text.

use super::lexicon::{self, among, starts_upper, Lower, Starter, Unit};
use super::{Part, When};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Digits; `plain` is false when they carry thousands separators or a decimal point.
    Num,
    /// Digits and letters run together: `1990s`, `17th`, `Q3`.
    Alnum,
    Punct,
}

/// A token: its extent, kind and the space before it, in sixteen bytes (a text has millions).
#[derive(Clone, Copy, Debug)]
pub struct Tok {
    start: u64,
    /// The end in the low 56 bits, the flags (`FLAG_*`) in the high eight.
    end_flags: u64,
}

const END_BITS: u32 = 56;
const FLAG_PLAIN: u64 = 1 << 56;
const FLAG_SPACE: u64 = 1 << 57;
const FLAG_NEWLINE: u64 = 1 << 58;
const KIND_SHIFT: u32 = 59;
const STARTER_SHIFT: u32 = 61;

impl Tok {
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: usize,
        end: usize,
        kind: Kind,
        plain: bool,
        space_before: bool,
        newline_before: bool,
        starter: Starter,
    ) -> Tok {
        // A text of 2^56 bytes (64 PiB) cannot be held in memory.
        debug_assert!((end as u64) < 1 << END_BITS);
        let kind = match kind {
            Kind::Word => 0,
            Kind::Num => 1,
            Kind::Alnum => 2,
            Kind::Punct => 3,
        };
        let starter = match starter {
            Starter::Other => 0,
            Starter::The => 1,
            Starter::A => 2,
            Starter::Month => 3,
        };
        Tok {
            start: start as u64,
            end_flags: end as u64
                | if plain { FLAG_PLAIN } else { 0 }
                | if space_before { FLAG_SPACE } else { 0 }
                | if newline_before { FLAG_NEWLINE } else { 0 }
                | kind << KIND_SHIFT
                | starter << STARTER_SHIFT,
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        (self.end_flags & ((1 << END_BITS) - 1)) as usize
    }

    pub fn kind(self) -> Kind {
        match (self.end_flags >> KIND_SHIFT) & 3 {
            0 => Kind::Word,
            1 => Kind::Num,
            2 => Kind::Alnum,
            _ => Kind::Punct,
        }
    }

    /// Digits alone, without separators or a decimal point.
    pub fn plain(self) -> bool {
        self.end_flags & FLAG_PLAIN != 0
    }

    pub fn space_before(self) -> bool {
        self.end_flags & FLAG_SPACE != 0
    }

    pub fn newline_before(self) -> bool {
        self.end_flags & FLAG_NEWLINE != 0
    }

    /// For a candidate word, the kind of starter it is ([`Starter::Other`] for any other token).
    pub fn starter(self) -> Starter {
        match (self.end_flags >> STARTER_SHIFT) & 3 {
            0 => Starter::Other,
            1 => Starter::The,
            2 => Starter::A,
            _ => Starter::Month,
        }
    }
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

fn digits_from(bytes: &[u8], i: usize) -> usize {
    bytes[i.min(bytes.len())..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// The character at byte `i` and its length, reading an ASCII byte directly.
#[inline]
fn char_len_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    char_at(text, i).map(|c| (c, c.len_utf8()))
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;

/// Bit 7 of each byte of `x` that is an ASCII digit.
#[inline]
fn digit_bytes(x: u64) -> u64 {
    let low = x & (ONES * 0x7f);
    let from_0 = low + ONES * (0x80 - u64::from(b'0'));
    let past_9 = low + ONES * (0x80 - u64::from(b'9') - 1);
    from_0 & !past_9 & !x & HIGH
}

/// Bit 7 of each byte of `x` that is an ASCII letter or digit.
#[inline]
fn alphanumeric_bytes(x: u64) -> u64 {
    // Setting bit 5 folds capitals onto small letters and moves no other byte into `a..=z`.
    let folded = (x & (ONES * 0x7f)) | (ONES * 0x20);
    let from_a = folded + ONES * (0x80 - u64::from(b'a'));
    let past_z = folded + ONES * (0x80 - u64::from(b'z') - 1);
    ((from_a & !past_z & !x & HIGH) | digit_bytes(x)) & HIGH
}

/// The end of the run of alphanumeric characters from `i`, and whether it holds an ASCII digit.
/// Eight ASCII bytes at a time; other characters one by one.
#[inline]
fn alphanumeric_run(text: &str, mut i: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut has_digit = false;
    loop {
        if let Some(eight) = bytes.get(i..i + 8) {
            let x = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
            // Bytes are in text order from the lowest: the run is the trailing set bytes.
            let run = (!alphanumeric_bytes(x) & HIGH).trailing_zeros() / 8;
            let in_run = if run == 8 {
                u64::MAX
            } else {
                (1u64 << (8 * run)) - 1
            };
            has_digit |= digit_bytes(x) & in_run != 0;
            i += run as usize;
            if run == 8 {
                continue;
            }
        }
        // The byte at `i` ends the ASCII run, or fewer than eight bytes are left.
        match bytes.get(i) {
            None => break,
            Some(&b) if b.is_ascii() => {
                if !b.is_ascii_alphanumeric() {
                    break;
                }
                has_digit |= b.is_ascii_digit();
                i += 1;
            }
            Some(_) => match char_at(text, i) {
                Some(ch) if ch.is_alphanumeric() => i += ch.len_utf8(),
                _ => break,
            },
        }
    }
    (i, has_digit)
}

/// The end of the run of alphabetic characters from `i`.
#[inline]
fn alphabetic_run(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii() {
            if !b.is_ascii_alphabetic() {
                break;
            }
            i += 1;
        } else {
            match char_at(text, i) {
                Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// The tokens of a text, and those the matcher may find a time expression at.
pub struct Tokens {
    pub toks: Vec<Tok>,
    /// In increasing order, every token where [`Scanner::match_at`] can match: numbers, words
    /// with digits, apostrophes (`'90s`), the words of [`lexicon::may_start`], and a word before
    /// `Day` or `Eve` (`Waitangi Day`, `Mother's Day`). Others are skipped without a look.
    pub candidates: Vec<usize>,
}

/// Adds token `k` to the candidates, kept in order (it may come before the last few).
fn mark_candidate(candidates: &mut Vec<usize>, k: usize) {
    let mut at = candidates.len();
    while at > 0 && candidates[at - 1] > k {
        at -= 1;
    }
    if at == 0 || candidates[at - 1] != k {
        candidates.insert(at, k);
    }
}

/// Splits text into words, numbers and single punctuation marks, recording the space before each.
pub fn tokenize(text: &str) -> Tokens {
    let bytes = text.as_bytes();
    // About one token per four bytes of prose: one allocation for most texts.
    let mut toks = Vec::with_capacity(text.len() / 4 + 16);
    let mut candidates = Vec::with_capacity(text.len() / 64 + 16);
    let mut i = 0;
    let (mut space, mut newline) = (true, true);
    while let Some((c, len)) = char_len_at(text, i) {
        if c.is_whitespace() {
            space = true;
            newline |= c == '\n';
            i += len;
            continue;
        }
        let start = i;
        let mut plain = true;
        let mut starter = Starter::Other;
        let kind;
        if c.is_ascii_digit() {
            let mut j = i + digits_from(bytes, i);
            loop {
                let next_is_digit = bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
                if bytes.get(j) == Some(&b',') && next_is_digit && digits_from(bytes, j + 1) == 3 {
                    j += 4;
                } else if bytes.get(j) == Some(&b'.') && next_is_digit {
                    j += 1 + digits_from(bytes, j + 1);
                } else {
                    break;
                }
                plain = false;
            }
            let k = alphabetic_run(text, j);
            kind = if k > j { Kind::Alnum } else { Kind::Num };
            i = k;
            candidates.push(toks.len());
        } else if c.is_alphabetic() {
            let (end, has_digit) = alphanumeric_run(text, i);
            i = end;
            if has_digit {
                kind = Kind::Alnum;
                candidates.push(toks.len());
            } else {
                kind = Kind::Word;
                if let Some(kind) = lexicon::starter_at(text, start, end) {
                    starter = kind;
                    candidates.push(toks.len());
                } else if end - start == 3 && matches!(&bytes[start..end], b"Day" | b"Eve") {
                    // The holiday it ends: `Waitangi Day`, `Mother's Day`.
                    let n = toks.len();
                    for back in [3, 1] {
                        if let Some(k) = n.checked_sub(back) {
                            mark_candidate(&mut candidates, k);
                        }
                    }
                }
            }
        } else {
            kind = Kind::Punct;
            i += len;
            if matches!(c, '\'' | '’' | '‘') {
                candidates.push(toks.len());
            }
        }
        toks.push(Tok::new(start, i, kind, plain, space, newline, starter));
        space = false;
        newline = false;
    }
    Tokens { toks, candidates }
}

/// Which occurrence of a weekday, month or season a relative expression means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    /// `last Friday`: the latest one before the document date.
    Past,
    /// `next Friday`: the first one after it.
    Future,
    /// `this Friday`, `this summer`: the one in the current week or year.
    This,
    /// A bare `Friday`, `March 5`: decided by the tense around it.
    Auto,
}

/// A time expression that needs the document date (or an earlier year) to be placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rel {
    Days(i64),
    Weekday(u8, Dir),
    Weeks(i64),
    /// `over the weekend`: the nearest weekend, its month.
    Weekend,
    Months(i64),
    Years(i64, Option<Part>),
    /// A month (and day) without a year: `In March`, `May 16`, `last August`.
    MonthName {
        month: u8,
        day: Option<u8>,
        part: Option<Part>,
        dir: Dir,
    },
    Season(Part, Dir),
    /// A quarter counted from the document date's quarter.
    Quarters(i64),
    /// A quarter or half of the document year: `Q3`.
    PartOfYear(Part),
    /// Counted from the last date the text mentioned: `the following year`, `the next day`.
    Anaphoric(Unit, i64),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Value {
    Abs(When),
    Rel(Rel),
    /// A time of day alone (`22:30`, `6am`, `midnight`): a DATE mention, never on the timeline.
    Clock,
}

/// One time expression as found: its extent and what it means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub value: Value,
}

pub struct Scanner<'a> {
    text: &'a str,
    toks: Vec<Tok>,
    /// The tokens where a time expression may start ([`Tokens::candidates`]).
    candidates: Vec<usize>,
    /// Months the text also uses as surnames (`Theresa May`): alone, they are not dates here.
    surname_months: [bool; 13],
}

fn when(year: i32) -> When {
    When {
        year,
        month: None,
        day: None,
        part: None,
        decade: false,
    }
}

fn full(year: i32, month: u8, day: Option<u8>) -> When {
    When {
        year,
        month: Some(month),
        day,
        part: None,
        decade: false,
    }
}

/// Words that lead to a month named alone (`in May`, `until June`).
const MONTH_LEADERS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "by",
    "during",
    "early",
    "late",
    "mid",
    "before",
    "after",
    "from",
    "through",
    "throughout",
    "last",
    "next",
    "this",
    "to",
    "between",
    "on",
    "for",
];

const DASHES: &[&str] = &["-", "–", "—", "‐"];
const APOSTROPHES: &[&str] = &["'", "’", "‘"];

impl<'a> Scanner<'a> {
    pub fn new(text: &'a str) -> Self {
        let Tokens { toks, candidates } = tokenize(text);
        let mut scanner = Scanner {
            text,
            toks,
            candidates,
            surname_months: [false; 13],
        };
        scanner.surname_months = scanner.find_surname_months();
        scanner
    }

    fn find_surname_months(&self) -> [bool; 13] {
        let mut names = [false; 13];
        // Only a month name can be one (each is a candidate, marked so).
        for &i in &self.candidates {
            if i == 0 || self.toks[i].starter() != Starter::Month {
                continue;
            }
            let Some(month) = self
                .word(i)
                .filter(|w| starts_upper(w))
                .and_then(lexicon::month)
            else {
                continue;
            };
            let first_name = self.word(i - 1).is_some_and(|p| {
                starts_upper(p)
                    && self.same_line(i)
                    && lexicon::month(p).is_none()
                    && lexicon::weekday(p).is_none()
                    && !among(p, MONTH_LEADERS)
                    && !among(
                        p,
                        &[
                            "the", "a", "an", "every", "each", "that", "of", "and", "or", "mid",
                        ],
                    )
            });
            if first_name && self.day(i + 1).is_none() && self.any_year(i + 1).is_none() {
                names[usize::from(month)] = true;
            }
        }
        names
    }

    /// Every time expression, in text order, never overlapping.
    pub fn scan(&self) -> Vec<Found> {
        let mut out = Vec::new();
        // The first token a match may start at (the one after the last match).
        let mut from = 0;
        // Elsewhere `match_at` finds nothing.
        for &i in &self.candidates {
            if i < from || !self.worth_matching(i) {
                continue;
            }
            if let Some((next, found)) = self.match_at(i).filter(|_| !self.in_url(i)) {
                out.extend(found);
                from = next.max(i + 1);
            }
        }
        out
    }

    /// Whether [`Scanner::match_at`] may find something at candidate `i`: false for the most
    /// common candidates, `the` and `a`, when the word after them rules out what they lead to
    /// (what [`Scanner::at_word`] would find for them, checked here in a few comparisons).
    fn worth_matching(&self, i: usize) -> bool {
        match self.toks[i].starter() {
            // `the 1990s`, `the '90s`, `the 5th of May`, `the following year`, `the summer of 2010`.
            Starter::The => {
                self.tok(i + 1).is_some_and(|next| {
                    next.kind() != Kind::Word || lexicon::leads_after_the(self.s(i + 1))
                }) || self.before_day_or_eve(i)
            }
            // `a year ago`, `a couple of years ago`.
            Starter::A => {
                self.word(i + 1)
                    .is_some_and(|w| lexicon::unit(w).is_some() || w.eq_ignore_ascii_case("couple"))
                    || self.before_day_or_eve(i)
            }
            Starter::Other | Starter::Month => true,
        }
    }

    // ------------------------------------------------------------------ token helpers

    /// Whether token `i` is inside a web address (`https://site/2017/04/16/story`): its numbers
    /// are paths, not dates. Looks back a bounded number of glued tokens.
    fn in_url(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..64 {
            if self.is_any(k, &["http", "https", "www"]) && among(self.s(k + 1), &[":", "."]) {
                return true;
            }
            if !self.attached(k) || k == 0 {
                return false;
            }
            k -= 1;
        }
        false
    }

    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    fn s(&self, i: usize) -> &'a str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start()..t.end()))
            .unwrap_or("")
    }

    fn word(&self, i: usize) -> Option<&'a str> {
        (self.tok(i)?.kind() == Kind::Word).then(|| self.s(i))
    }

    fn is(&self, i: usize, word: &str) -> bool {
        self.s(i).eq_ignore_ascii_case(word)
    }

    fn is_any(&self, i: usize, words: &[&str]) -> bool {
        among(self.s(i), words)
    }

    /// Token `i` follows its predecessor on the same line.
    fn same_line(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.newline_before())
    }

    fn attached(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.space_before())
    }

    /// A plain number token: (value, digit count).
    fn num(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        if t.kind() != Kind::Num || !t.plain() || t.end() - t.start() > 9 {
            return None;
        }
        Some((self.s(i).parse().ok()?, t.end() - t.start()))
    }

    fn span(&self, first: usize, last: usize) -> Span {
        let start = self.toks.get(first).map_or(0, |t| t.start());
        let end = self.toks.get(last).map_or(start, |t| t.end());
        Span::new(start, end.max(start))
    }

    fn one(&self, first: usize, last: usize, value: Value) -> Option<(usize, Vec<Found>)> {
        Some((
            last + 1,
            vec![Found {
                span: self.span(first, last),
                value,
            }],
        ))
    }

    /// The previous word, skipping one abbreviation period (`p. 12`).
    fn prev_word(&self, i: usize) -> Option<&'a str> {
        let p = i.checked_sub(1)?;
        if self.s(p) == "." {
            return self.word(p.checked_sub(1)?);
        }
        self.word(p)
    }

    // ------------------------------------------------------------------ pieces

    /// A day of the month: `5`, `05`, `5th`.
    fn day(&self, i: usize) -> Option<u8> {
        let t = self.tok(i)?;
        let value = match t.kind() {
            Kind::Num => {
                let (n, digits) = self.num(i)?;
                (digits <= 2).then_some(n)?
            }
            Kind::Alnum => {
                let s = self.s(i);
                let split = s.find(|c: char| !c.is_ascii_digit())?;
                let (digits, suffix) = s.split_at(split);
                if digits.is_empty()
                    || digits.len() > 2
                    || !among(suffix, &["st", "nd", "rd", "th"])
                {
                    return None;
                }
                digits.parse().ok()?
            }
            _ => return None,
        };
        (1..=31).contains(&value).then_some(value as u8)
    }

    /// A month name at `i` (capitalized, or an abbreviation with an optional period):
    /// (month, index of its last token, whether it was abbreviated).
    fn month(&self, i: usize) -> Option<(u8, usize, bool)> {
        let w = self.word(i)?;
        if !starts_upper(w) {
            return None;
        }
        if let Some(m) = lexicon::month(w) {
            return Some((m, i, false));
        }
        let m = lexicon::month_abbreviation(w)?;
        let last = if self.s(i + 1) == "." && self.attached(i + 1) {
            i + 1
        } else {
            i
        };
        Some((m, last, true))
    }

    /// A four-digit year at `i` that reads as a year in its context.
    fn year(&self, i: usize) -> Option<i32> {
        let (n, digits) = self.num(i)?;
        if digits != 4 || !(1000..=2199).contains(&n) || !self.year_context(i) {
            return None;
        }
        Some(n as i32)
    }

    /// Whether the number at `i` is used as a year rather than a count, price or identifier.
    fn year_context(&self, i: usize) -> bool {
        if let Some(p) = i.checked_sub(1) {
            if !self.prev_allows_year(i, p) {
                return false;
            }
        }
        if !self.same_line(i + 1) {
            return true;
        }
        let next = self.s(i + 1);
        // `2015:30`, `2024.5` glued on: not a year alone. A cited page (`2000: 103`) is, and so is
        // a season or fiscal year `2010/11`.
        if self.attached(i + 1)
            && among(next, &["%", ":", "/", "."])
            && self.attached(i + 2)
            && self.num(i + 2).is_some()
            && !(next == "/" && self.consecutive_year(i, i + 2).is_some())
        {
            return false;
        }
        if among(next, &["%", "°", "×"]) || (self.is(i + 1, "per") && self.is(i + 2, "cent")) {
            return false;
        }
        // `Decree 2005-981`: a number with a non-year part.
        if self.attached(i + 1)
            && among(next, DASHES)
            && self.attached(i + 2)
            && self.num(i + 2).is_some_and(|(_, d)| d != 2 && d != 4)
        {
            return false;
        }
        // A count range: `1500-2000 people`.
        let noun_at = if among(next, DASHES) && self.num(i + 2).is_some() {
            i + 3
        } else {
            i + 1
        };
        if let Some(w) = self.word(noun_at) {
            if among(w, lexicon::COUNT_NOUNS) {
                return false;
            }
            // `1214 Anderson Ave`: an address.
            if starts_upper(w)
                && (1..=3).any(|k| {
                    self.word(noun_at + k)
                        .is_some_and(|s| among(s, lexicon::STREET_WORDS))
                })
            {
                return false;
            }
            let approximated = self
                .prev_word(i)
                .is_some_and(|p| among(p, lexicon::APPROXIMATORS));
            let plural = |w: &str| !starts_upper(w) && w.len() > 3 && w.ends_with('s');
            let followed_by_plural = plural(w)
                || among(w, &["more", "fewer", "less", "extra", "additional"])
                || (!starts_upper(w)
                    && !among(w, lexicon::FUNCTION_WORDS)
                    && self.word(noun_at + 1).is_some_and(plural));
            if approximated && followed_by_plural {
                return false;
            }
            // `and 1500 volunteers helped`: a count before a plural noun, unless a word that leads
            // to a year stands before it (`the 2014 protests`, `of 2000 levels`, `in 2014 elections`).
            let plural_noun = plural(w) && !w.ends_with("ss") && !among(w, lexicon::S_VERBS);
            let year_leader = i.checked_sub(1).is_some_and(|p| {
                self.word(p).is_some_and(|p| among(p, lexicon::YEAR_LEADERS))
                    // `2019 and 2020 elections`
                    || (self.is_any(p, &["and", "or", "to"])
                        && p.checked_sub(1).and_then(|q| self.num(q)).is_some_and(|(_, d)| d == 4))
                    || self.is_any(p, APOSTROPHES)
                    || among(self.s(p), &["(", "[", "–", "-", "—"])
            });
            if plural_noun && !year_leader {
                return false;
            }
        }
        true
    }

    /// What stands before the number at `i` (`p` = `i - 1`) does not make it a count or an identifier.
    fn prev_allows_year(&self, i: usize, p: usize) -> bool {
        let prev = self.s(p);
        if self.attached(i) && among(prev, &["$", "£", "€", "¥", "#", "№", "+", "x"]) {
            return false;
        }
        if among(prev, &["×", "*", "="]) {
            return false;
        }
        if self
            .prev_word(i)
            .is_some_and(|w| among(w, lexicon::NUMBER_PREFIXES))
        {
            return false;
        }
        // `H. R. 1280`: an initial before a number makes an identifier.
        if prev == "."
            && p.checked_sub(1)
                .and_then(|q| self.word(q))
                .is_some_and(|w| w.len() == 1 && starts_upper(w))
        {
            return false;
        }
        // `92 (6): 1087`: a page in a citation.
        if prev == ":"
            && p.checked_sub(1)
                .is_some_and(|q| self.s(q) == ")" || self.num(q).is_some())
        {
            return false;
        }
        // Part of a longer number: `555-2024`.
        if self.attached(i)
            && among(prev, DASHES)
            && p.checked_sub(1)
                .is_some_and(|q| self.attached(p) && self.num(q).is_some_and(|(_, d)| d != 4))
        {
            return false;
        }
        // The second end of a range of pages or numbers: `pages 1990-1995`.
        if among(prev, DASHES)
            && p.checked_sub(1)
                .filter(|&q| self.num(q).is_some())
                .and_then(|q| self.prev_word(q))
                .is_some_and(|w| among(w, lexicon::NUMBER_PREFIXES))
        {
            return false;
        }
        !(self.attached(i) && among(prev, &[".", ":", "/"]))
    }

    /// The year after the one at `i`, written at `j` in two or four digits (`2010/11`).
    fn consecutive_year(&self, i: usize, j: usize) -> Option<i32> {
        let (first, 4) = self.num(i)? else {
            return None;
        };
        let (n, digits) = self.num(j)?;
        let next = first + 1;
        let matches = match digits {
            2 => n == next % 100,
            4 => n == next,
            _ => false,
        };
        (matches
            && self.attached(j)
            && !(self.attached(j + 1) && among(self.s(j + 1), &["/", "-"])))
        .then_some(next as i32)
    }

    /// A year written with an era (`347 AD`, `AD 842`, `44 BC`): (year, index of the last token).
    fn era_year(&self, i: usize) -> Option<(i32, usize)> {
        if self.is_any(i, &["AD", "CE"]) && self.s(i) != "ce" {
            let (n, _) = self.num(i + 1)?;
            return (1..=2199).contains(&n).then_some((n as i32, i + 1));
        }
        let (n, _) = self.num(i)?;
        if !(1..=9999).contains(&n) {
            return None;
        }
        let era = self.word(i + 1)?;
        if era.len() < 2 || !era.chars().all(|c| c.is_ascii_uppercase()) {
            return None;
        }
        match era {
            "AD" | "CE" => Some((n as i32, i + 1)),
            "BC" | "BCE" => Some((-(n as i32), i + 1)),
            _ => None,
        }
    }

    /// Any year at `i`: four digits, or with an era.
    fn any_year(&self, i: usize) -> Option<(i32, usize)> {
        if let Some(found) = self.era_year(i) {
            return Some(found);
        }
        Some((self.year(i)?, i))
    }

    /// A decade at `i`: `1990s`, `1990's`: (first year, index of its last token).
    fn decade(&self, i: usize) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        let s = self.s(i);
        if t.kind() == Kind::Alnum && s.len() == 5 && s.ends_with('s') {
            let n: i32 = s.get(..4)?.parse().ok()?;
            return (n % 10 == 0 && (1000..=2190).contains(&n)).then_some((n, i));
        }
        if let Some((n, 4)) = self.num(i) {
            if n % 10 == 0
                && (1000..=2190).contains(&n)
                && self.is_any(i + 1, APOSTROPHES)
                && self.attached(i + 1)
                && self.s(i + 2) == "s"
                && self.attached(i + 2)
            {
                return Some((n as i32, i + 2));
            }
        }
        None
    }

    // ------------------------------------------------------------------ dates

    /// `March 5, 2024`, `Sept. 5`, `March 5-6, 2024`, `March 2024`, `November of 1776`.
    fn month_first(&self, i: usize) -> Option<(usize, Vec<When>, Option<Rel>)> {
        let (month, mut j, _) = self.month(i)?;
        j += 1;
        if let Some(day) = self.day(j).filter(|_| self.same_line(j)) {
            // A clock time (`May 5:30`) or a count (`March 5 votes`) is not a day.
            if self.s(j + 1) == ":"
                || self
                    .word(j + 1)
                    .is_some_and(|w| among(w, lexicon::COUNT_NOUNS))
            {
                return None;
            }
            let mut last = j;
            let mut second = None;
            if self.is_any(j + 1, DASHES) {
                if let Some(d2) = self.day(j + 2).filter(|&d2| d2 > day) {
                    second = Some(d2);
                    last = j + 2;
                }
            }
            let mut k = last + 1;
            if self.s(k) == "," {
                k += 1;
            }
            if let Some((year, end)) = self.any_year(k).filter(|_| self.same_line(k)) {
                let mut whens = vec![full(year, month, Some(day))];
                whens.extend(second.map(|d| full(year, month, Some(d))));
                return Some((end, whens, None));
            }
            if second.is_some() {
                return None;
            }
            let rel = Rel::MonthName {
                month,
                day: Some(day),
                part: None,
                dir: Dir::Auto,
            };
            return Some((last, Vec::new(), Some(rel)));
        }
        let mut k = j;
        if self.s(k) == "," || self.is(k, "of") {
            k += 1;
        }
        if let Some((year, end)) = self.any_year(k).filter(|_| self.same_line(k)) {
            return Some((end, vec![full(year, month, None)], None));
        }
        if self.is(j, "of") {
            if let Some((n, 3)) = self.num(j + 1) {
                return Some((j + 1, vec![full(n as i32, month, None)], None));
            }
        }
        None
    }

    /// `5 March 2024`, `5th of March`, `5-6 September 2019`.
    fn day_first(&self, i: usize) -> Option<(usize, Vec<When>, Option<Rel>)> {
        let day = self.day(i)?;
        let mut j = i + 1;
        let mut second = None;
        if self.is_any(j, DASHES) {
            second = Some(self.day(j + 1).filter(|&d| d > day)?);
            j += 2;
        }
        if self.is(j, "of") {
            j += 1;
        }
        if !self.same_line(j) {
            return None;
        }
        let (month, last_month, _) = self.month(j)?;
        let mut k = last_month + 1;
        if self.s(k) == "," {
            k += 1;
        }
        if let Some((year, end)) = self.any_year(k).filter(|_| self.same_line(k)) {
            let mut whens = vec![full(year, month, Some(day))];
            whens.extend(second.map(|d| full(year, month, Some(d))));
            return Some((end, whens, None));
        }
        if second.is_some() {
            return None;
        }
        let rel = Rel::MonthName {
            month,
            day: Some(day),
            part: None,
            dir: Dir::Auto,
        };
        Some((last_month, Vec::new(), Some(rel)))
    }

    /// A calendar date in words at `i`, either order.
    fn calendar_date(&self, i: usize) -> Option<(usize, Vec<When>, Option<Rel>)> {
        self.month_first(i).or_else(|| self.day_first(i))
    }

    /// `2024-03-05`, `2024/03/05`, `03/05/2024` (month first unless the first part exceeds 12).
    fn numeric_date(&self, i: usize) -> Option<(usize, When)> {
        let (a, da) = self.num(i)?;
        let sep = self.s(i + 1);
        if !among(sep, &["-", "/"]) || self.s(i + 3) != sep {
            return None;
        }
        if !(self.attached(i + 1)
            && self.attached(i + 2)
            && self.attached(i + 3)
            && self.attached(i + 4))
        {
            return None;
        }
        let (b, db) = self.num(i + 2)?;
        let (c, dc) = self.num(i + 4)?;
        // Not part of a longer run such as a phone number or a version.
        if self.attached(i + 5)
            && (among(self.s(i + 5), &["-", "/", "."]) && self.num(i + 6).is_some())
        {
            return None;
        }
        let (year, month, day) = if da == 4 && db <= 2 && dc <= 2 {
            (a, b, c)
        } else if da <= 2 && db <= 2 && dc == 4 && sep == "/" {
            if a > 12 {
                (c, b, a)
            } else {
                (c, a, b)
            }
        } else {
            return None;
        };
        let (year, month, day) = (year as i32, month as u8, day as u8);
        if !(1000..=2199).contains(&year) || !super::calendar::valid(year, month, day) {
            return None;
        }
        Some((i + 4, full(year, month, Some(day))))
    }

    /// `05.03.2024` (day first), tokenized as one dotted number.
    fn dotted_date(&self, i: usize) -> Option<(usize, When)> {
        let t = self.tok(i)?;
        if t.kind() != Kind::Num || t.plain() {
            return None;
        }
        let parts: Vec<&str> = self.s(i).split('.').collect();
        if parts.len() != 3 || parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
            return None;
        }
        let day: u8 = parts[0].parse().ok()?;
        let month: u8 = parts[1].parse().ok()?;
        let year: i32 = parts[2].parse().ok()?;
        if !(1000..=2199).contains(&year) || !super::calendar::valid(year, month, day) {
            return None;
        }
        Some((i, full(year, month, Some(day))))
    }

    /// A clock time at `i`: `22:30`, `6:00am`, `6 a.m.`, `10pm`, `2:25 p.m.`: its last token.
    fn clock(&self, i: usize) -> Option<usize> {
        let meridiem = |s: &str| among(s, &["am", "pm"]);
        let t = self.tok(i)?;
        if t.kind() == Kind::Alnum {
            // `10pm`
            let s = self.s(i);
            let split = s.find(|c: char| !c.is_ascii_digit())?;
            let (digits, suffix) = s.split_at(split);
            let hour: u32 = digits.parse().ok()?;
            return ((1..=12).contains(&hour) && digits.len() <= 2 && meridiem(suffix))
                .then_some(i);
        }
        let (hour, digits) = self.num(i)?;
        if digits > 2 || hour > 24 {
            return None;
        }
        let mut last = i;
        let mut minutes = false;
        if self.s(i + 1) == ":" && self.attached(i + 1) && self.attached(i + 2) {
            let t2 = self.tok(i + 2)?;
            let s2 = self.s(i + 2);
            let mins: u32 = s2.get(..2)?.parse().ok()?;
            if mins > 59 || s2.len() < 2 || !s2.is_char_boundary(2) {
                return None;
            }
            match t2.kind() {
                Kind::Num if s2.len() == 2 => {}
                Kind::Alnum if meridiem(&s2[2..]) => return Some(i + 2),
                _ => return None,
            }
            last = i + 2;
            minutes = true;
        }
        // `6 am`, `6 a.m.`
        let k = last + 1;
        if self.word(k).is_some_and(meridiem) {
            return Some(k);
        }
        if (self.is(k, "a") || self.is(k, "p"))
            && self.s(k + 1) == "."
            && self.is(k + 2, "m")
            && self.attached(k + 1)
            && self.attached(k + 2)
        {
            let end = if self.s(k + 3) == "." && self.attached(k + 3) {
                k + 3
            } else {
                k + 2
            };
            return Some(end);
        }
        (minutes && hour <= 24).then_some(last)
    }

    /// A holiday: `Christmas Day`, `New Year's Eve`, `on Waitangi Day`, `Easter 2019`.
    fn holiday(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let w = self.word(i)?;
        if !starts_upper(w) {
            return None;
        }
        let prev = i.checked_sub(1).map_or("", |p| self.s(p));
        let time_prep = among(
            prev,
            &[
                "on", "at", "over", "before", "after", "since", "until", "till", "by", "during",
                "for", "this", "last", "next",
            ],
        );
        // Name words, then an optional possessive, then `Day`/`Eve`.
        let mut j = i;
        let mut date: Option<(u8, u8)> = None;
        let mut named = true;
        if w == "New" && self.s(i + 1) == "Year" {
            j = i + 1;
        } else if let Some(&(_, m, d)) = [
            ("Christmas", 12u8, 25u8),
            ("Halloween", 10, 31),
            ("Valentine", 2, 14),
            ("Boxing", 12, 26),
        ]
        .iter()
        .find(|(name, _, _)| *name == w)
        {
            date = Some((m, d));
        } else if !among(
            w,
            &["Easter", "Thanksgiving", "Hanukkah", "Diwali", "Passover"],
        ) {
            named = false;
        }
        let mut k = j + 1;
        if self.is_any(k, APOSTROPHES) && self.s(k + 1) == "s" && self.attached(k) {
            k += 2;
        }
        let mut last = j;
        if self.s(k) == "Day" || self.s(k) == "Eve" {
            if w == "New" {
                date = Some(if self.s(k) == "Day" { (1, 1) } else { (12, 31) });
            } else if self.s(k) == "Eve" {
                date = date.map(|(m, d)| if d > 1 { (m, d - 1) } else { (m, d) });
            }
            last = k;
        } else if !named || w == "New" || w == "Valentine" || w == "Boxing" || !time_prep {
            return None;
        }
        // A capitalized word before `Day` names a day only after a time preposition: `on Waitangi Day`.
        if !(named || (time_prep && last > i && self.same_line(last))) {
            return None;
        }
        if let Some((year, end)) = self.any_year(last + 1).filter(|_| self.same_line(last + 1)) {
            let when = match date {
                Some((m, d)) => full(year, m, Some(d)),
                None => super::When::year(year),
            };
            return self.one(i, end, Value::Abs(when));
        }
        let dir = match prev.to_ascii_lowercase().as_str() {
            "last" => Dir::Past,
            "next" => Dir::Future,
            _ => Dir::Auto,
        };
        let first = if among(prev, &["this", "last", "next"]) {
            i - 1
        } else {
            i
        };
        let rel = match date {
            Some((month, day)) => Rel::MonthName {
                month,
                day: Some(day),
                part: None,
                dir,
            },
            None => Rel::Years(0, None),
        };
        self.one(first, last, Value::Rel(rel))
    }

    // ------------------------------------------------------------------ the matcher

    fn match_at(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let t = self.tok(i)?;
        match t.kind() {
            Kind::Num => self.at_number(i),
            Kind::Alnum => self.at_alnum(i),
            Kind::Word => self.at_word(i),
            Kind::Punct => self.at_apostrophe(i),
        }
    }

    fn dates(
        &self,
        first: usize,
        found: (usize, Vec<When>, Option<Rel>),
    ) -> Option<(usize, Vec<Found>)> {
        let (last, whens, rel) = found;
        let span = self.span(first, last);
        let mut out: Vec<Found> = whens
            .into_iter()
            .map(|w| Found {
                span,
                value: Value::Abs(w),
            })
            .collect();
        out.extend(rel.map(|r| Found {
            span,
            value: Value::Rel(r),
        }));
        Some((last + 1, out))
    }

    fn at_number(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        if let Some(last) = self.clock(i) {
            return self.one(i, last, Value::Clock);
        }
        if let Some((last, w)) = self.numeric_date(i).or_else(|| self.dotted_date(i)) {
            return self.one(i, last, Value::Abs(w));
        }
        if let Some(found) = self.day_first(i) {
            return self.dates(i, found);
        }
        if let Some((year, last)) = self.decade(i) {
            return self.one(i, last, Value::Abs(decade_when(year, None)));
        }
        if let Some((year, last)) = self.era_year(i) {
            return self.one(i, last, Value::Abs(when(year)));
        }
        if let Some(found) = self.ago(i) {
            return Some(found);
        }
        let year = self.year(i)?;
        let mut out = vec![Found {
            span: self.span(i, i),
            value: Value::Abs(when(year)),
        }];
        let mut next = i + 1;
        // `2010/11`, `2010/2011`: a season or fiscal year, one item per calendar year.
        if self.s(i + 1) == "/" {
            if let Some(second) = self.consecutive_year(i, i + 2) {
                out.push(Found {
                    span: self.span(i + 2, i + 2),
                    value: Value::Abs(when(second)),
                });
                return Some((i + 3, out));
            }
        }
        // `1892–94`, `2019-21`: the second end in two digits.
        if self.is_any(i + 1, DASHES) {
            if let Some((n, 2)) = self.num(i + 2) {
                let century = year - year.rem_euclid(100);
                let mut second = century + n as i32;
                if second <= year {
                    second += 100;
                }
                if second - year < 100
                    && !self
                        .word(i + 3)
                        .is_some_and(|w| among(w, lexicon::COUNT_NOUNS))
                {
                    out.push(Found {
                        span: self.span(i + 2, i + 2),
                        value: Value::Abs(when(second)),
                    });
                    next = i + 3;
                }
            }
        }
        Some((next, out))
    }

    fn at_alnum(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        if let Some(last) = self.clock(i) {
            return self.one(i, last, Value::Clock);
        }
        // `FY2024`
        if let Some(n) = self
            .s(i)
            .strip_prefix("FY")
            .and_then(|d| d.parse::<i32>().ok())
        {
            return (d4(n) && (1000..=2199).contains(&n))
                .then(|| self.one(i, i, Value::Abs(when(n))))?;
        }
        // `AD842`
        if let Some(n) = self
            .s(i)
            .strip_prefix("AD")
            .and_then(|d| d.parse::<i32>().ok())
        {
            return (1..=2199)
                .contains(&n)
                .then(|| self.one(i, i, Value::Abs(when(n))))?;
        }
        if let Some((year, last)) = self.decade(i) {
            return self.one(i, last, Value::Abs(decade_when(year, None)));
        }
        if let Some(found) = self.day_first(i) {
            return self.dates(i, found);
        }
        let s = self.s(i);
        let part = match s {
            "Q1" | "1Q" => Part::Q1,
            "Q2" | "2Q" => Part::Q2,
            "Q3" | "3Q" => Part::Q3,
            "Q4" | "4Q" => Part::Q4,
            "H1" | "1H" => Part::H1,
            "H2" | "2H" => Part::H2,
            _ => return None,
        };
        if let Some((year, last)) = self.any_year(i + 1).filter(|_| self.same_line(i + 1)) {
            return self.one(i, last, Value::Abs(part_when(year, part)));
        }
        // A bare `Q3` is a quarter only after a time preposition (not `the third quartile, Q3`).
        let prev = i.checked_sub(1).map_or("", |p| self.s(p));
        if matches!(part, Part::H1 | Part::H2)
            || !among(
                prev,
                &[
                    "in", "during", "by", "for", "until", "since", "this", "from", "before",
                    "after", "through",
                ],
            )
        {
            return None;
        }
        self.one(i, i, Value::Rel(Rel::PartOfYear(part)))
    }

    /// `'90s`, `'08`.
    fn at_apostrophe(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        if !self.is_any(i, APOSTROPHES) || !self.attached(i + 1) {
            return None;
        }
        let s = self.s(i + 1);
        let t = self.tok(i + 1)?;
        let two: u32 = s.get(..2)?.parse().ok()?;
        let year = |yy: u32| {
            if yy < 30 {
                2000 + yy as i32
            } else {
                1900 + yy as i32
            }
        };
        if t.kind() == Kind::Alnum && s.len() == 3 && s.ends_with('s') && two.is_multiple_of(10) {
            return self.one(i, i + 1, Value::Abs(decade_when(year(two), None)));
        }
        if t.kind() == Kind::Num && s.len() == 2 && t.plain() {
            let context = i
                .checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(|w| {
                    among(
                        w,
                        &[
                            "in", "of", "since", "until", "from", "to", "during", "class", "season",
                        ],
                    ) || lexicon::month(w).is_some()
                        || lexicon::season(w).is_some()
                });
            if context && self.word(i + 2).is_none_or(starts_upper) {
                return self.one(i, i + 1, Value::Abs(when(year(two))));
            }
        }
        None
    }

    fn at_word(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let w = self.word(i)?;
        // Most words start nothing: one look-up rules them out. Of the others, a capitalized
        // word before `Day` or `Eve` can only be a holiday (`Waitangi Day`).
        if !lexicon::may_start(w) {
            return if self.before_day_or_eve(i) {
                self.holiday(i)
            } else {
                None
            };
        }
        let key = Lower::new(w);
        let lower = key.bytes();
        let capitalized = starts_upper(w);
        let month = lexicon::month_lower(lower);
        // Each step below finds nothing unless the word is of its kind: checked here once.
        if capitalized && (month.is_some() || lexicon::month_abbreviation_lower(lower).is_some()) {
            if let Some(found) = self.calendar_date(i) {
                return self.dates(i, found);
            }
        }
        if capitalized
            && (lexicon::weekday_lower(lower).is_some()
                || lexicon::weekday_abbreviation_lower(lower).is_some())
        {
            if let Some(found) = self.weekday_at(i) {
                return Some(found);
            }
        }
        if let Some(m) = month {
            return self.bare_month(i, m);
        }
        if lexicon::number_word_lower(lower).is_some() {
            if let Some(found) = self.ago(i) {
                return Some(found);
            }
        }
        if capitalized {
            if let Some(found) = self.holiday(i) {
                return Some(found);
            }
        }
        let lower = key.as_str();
        if among(lower, &["midnight", "noon", "midday"])
            && i.checked_sub(1).is_some_and(|p| {
                self.is_any(
                    p,
                    &[
                        "at", "until", "till", "from", "to", "before", "after", "by", "around",
                        "past",
                    ],
                )
            })
        {
            return self.one(i, i, Value::Clock);
        }
        match lower {
            "the" => self.after_the(i),
            "today" | "tonight" | "yesterday" | "tomorrow" => self.deictic_day(i, lower),
            "this" | "last" | "next" | "coming" | "that" => self.this_last_next(i, lower),
            "year" => self.year_end(i),
            "end" | "beginning" | "start" | "middle" => self.part_of(i, i),
            "early" | "mid" | "late" => self.early_mid_late(i, i),
            _ => self.season_year(i, i),
        }
    }

    /// Whether a capitalized word at `i` may name a holiday by the `Day` or `Eve` after it
    /// (`Waitangi Day`, `Mother's Day`): what [`Scanner::holiday`] looks for.
    fn before_day_or_eve(&self, i: usize) -> bool {
        let day_or_eve = |k: usize| matches!(self.s(k), "Day" | "Eve");
        (day_or_eve(i + 1) || day_or_eve(i + 3)) && starts_upper(self.s(i))
    }

    /// `Monday`, `Monday, May 18, 2015`, `Thursday afternoon`.
    fn weekday_at(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let w = self.word(i)?;
        if !starts_upper(w) {
            return None;
        }
        let full_name = lexicon::weekday(w);
        // `Edmonton Sun, August 16`: an abbreviation after a name is part of the name.
        let after_name = i
            .checked_sub(1)
            .and_then(|p| self.word(p))
            .is_some_and(|p| starts_upper(p) && self.same_line(i));
        let wd = full_name.or_else(|| lexicon::weekday_abbreviation(w).filter(|_| !after_name))?;
        let mut j = i + 1;
        if self.s(j) == "." && full_name.is_none() {
            j += 1;
        }
        if self.s(j) == "," {
            j += 1;
        }
        if self.same_line(j) {
            if let Some(found) = self.calendar_date(j) {
                return self.dates(i, found);
            }
        }
        full_name?;
        // `every Friday`, `Wednesday/Thursday`, `Saturday mornings`, `Friday the 13th`: not one day.
        let prev = i.checked_sub(1).map_or("", |p| self.s(p));
        if among(prev, &["every", "each", "/"])
            || self.s(i + 1) == "/"
            || self.is_any(i + 1, &["mornings", "afternoons", "evenings", "nights"])
            || (self.is(i + 1, "the") && self.day(i + 2).is_some())
        {
            return None;
        }
        // `Sunday Times`, `Monday Night Football`: a name, not a day.
        if self.word(i + 1).is_some_and(|n| {
            starts_upper(n) && lexicon::month(n).is_none() && self.same_line(i + 1)
        }) {
            return None;
        }
        let last = if self.is_any(i + 1, lexicon::TIME_WORDS) {
            i + 1
        } else {
            i
        };
        self.one(i, last, Value::Rel(Rel::Weekday(wd, Dir::Auto)))
    }

    /// A month named alone (`In March`), trusted only where a time word or preposition leads to it.
    fn bare_month(&self, i: usize, month: u8) -> Option<(usize, Vec<Found>)> {
        let w = self.s(i);
        if !starts_upper(w) || self.surname_months[usize::from(month)] {
            return None;
        }
        let prev = i.checked_sub(1).map_or("", |p| self.s(p));
        let mut triggers: &[&str] = &[
            "in",
            "since",
            "until",
            "till",
            "by",
            "during",
            "early",
            "late",
            "mid",
            "before",
            "after",
            "from",
            "through",
            "of",
            "throughout",
            "last",
            "next",
            "this",
            "to",
            "and",
            "or",
            "between",
            "-",
            "–",
            "each",
            "every",
            "that",
        ];
        if month == 5 || month == 3 {
            // `may` is a verb and `march` one too; trust them after a preposition only.
            triggers = &[
                "in",
                "since",
                "until",
                "till",
                "by",
                "during",
                "early",
                "late",
                "mid",
                "before",
                "after",
                "from",
                "through",
                "of",
                "throughout",
            ];
        }
        if !among(prev, triggers) || (!self.same_line(i) && i > 0) {
            return None;
        }
        if self
            .word(i + 1)
            .is_some_and(|n| starts_upper(n) && self.same_line(i + 1))
        {
            return None;
        }
        let rel = Rel::MonthName {
            month,
            day: None,
            part: None,
            dir: Dir::Auto,
        };
        self.one(i, i, Value::Rel(rel))
    }

    /// `today`, `yesterday afternoon`, `tomorrow night`.
    fn deictic_day(&self, i: usize, lower: &str) -> Option<(usize, Vec<Found>)> {
        // `USA Today`: a name.
        if starts_upper(self.s(i))
            && i.checked_sub(1)
                .and_then(|p| self.word(p))
                .is_some_and(|p| starts_upper(p) && self.same_line(i))
        {
            return None;
        }
        let offset = match lower {
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => 0,
        };
        let last = if lower != "tonight" && self.is_any(i + 1, lexicon::TIME_WORDS) {
            i + 1
        } else {
            i
        };
        self.one(i, last, Value::Rel(Rel::Days(offset)))
    }

    /// `this year`, `last week`, `next month`, `last Friday`, `this spring`, `last August`, `last night`.
    fn this_last_next(&self, i: usize, lower: &str) -> Option<(usize, Vec<Found>)> {
        // `the last year`, `the next year` are durations or anaphora, handled after `the`.
        if i.checked_sub(1).is_some_and(|p| self.is(p, "the")) {
            return None;
        }
        // `this past week` is `last week`.
        let (j, lower) = if lower == "this" && self.is(i + 1, "past") {
            (i + 2, "last")
        } else {
            (i + 1, lower)
        };
        let w = self.word(j)?;
        let (offset, dir) = match lower {
            "this" => (0, Dir::This),
            "last" => (-1, Dir::Past),
            "next" | "coming" => (1, Dir::Future),
            _ => (0, Dir::This),
        };
        if lower == "that" {
            let last = if self.is(j, "same") { j + 1 } else { j };
            let unit = lexicon::anaphoric_unit(self.s(last))?;
            return self.one(i, last, Value::Rel(Rel::Anaphoric(unit, 0)));
        }
        if let Some(wd) = lexicon::weekday(w).filter(|_| starts_upper(w)) {
            return self.one(i, j, Value::Rel(Rel::Weekday(wd, dir)));
        }
        if let Some(month) = lexicon::month(w).filter(|_| starts_upper(w)) {
            let rel = Rel::MonthName {
                month,
                day: None,
                part: None,
                dir,
            };
            return self.one(i, j, Value::Rel(rel));
        }
        if let Some(season) = lexicon::season(w) {
            return self.one(i, j, Value::Rel(Rel::Season(season, dir)));
        }
        let rel = match w.to_ascii_lowercase().as_str() {
            "night" if lower == "last" => Rel::Days(-1),
            "morning" | "afternoon" | "evening" if lower == "this" => Rel::Days(0),
            "week" | "weekend" => Rel::Weeks(offset),
            "month" => Rel::Months(offset),
            "year" => Rel::Years(offset, None),
            "quarter" => Rel::Quarters(offset),
            _ => return None,
        };
        self.one(i, j, Value::Rel(rel))
    }

    /// `two years ago`, `3 months ago`, `a week ago`, `a couple of years ago`.
    fn ago(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let (count, mut j) = if let Some((n, _)) = self.num(i) {
            (i64::from(n), i + 1)
        } else {
            let w = self.word(i)?;
            if w.eq_ignore_ascii_case("a") && self.is(i + 1, "couple") && self.is(i + 2, "of") {
                (2, i + 3)
            } else {
                let mut n = lexicon::number_word(w)?;
                let mut j = i + 1;
                // `twenty-five`
                if n >= 20 && self.is_any(j, DASHES) {
                    if let Some(ones) = self
                        .word(j + 1)
                        .and_then(lexicon::number_word)
                        .filter(|&o| o < 10 && o > 0)
                    {
                        n += ones;
                        j += 2;
                    }
                }
                (n, j)
            }
        };
        let unit = lexicon::unit(self.word(j)?)?;
        j += 1;
        if !self.is(j, "ago") || count > 5000 {
            return None;
        }
        let rel = match unit {
            Unit::Day => Rel::Days(-count),
            Unit::Week => Rel::Weeks(-count),
            Unit::Month => Rel::Months(-count),
            Unit::Year => Rel::Years(-count, None),
            Unit::Decade => Rel::Years(-10 * count, None),
        };
        self.one(i, j, Value::Rel(rel))
    }

    /// `year end`, `year-end`.
    fn year_end(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let j = if self.is_any(i + 1, DASHES) && self.attached(i + 1) {
            i + 2
        } else {
            i + 1
        };
        if self.is(j, "end") {
            return self.one(i, j, Value::Rel(Rel::Years(0, Some(Part::Late))));
        }
        None
    }

    /// After `the`: decades, parts of years, quarters, halves, seasons, anaphora, `the 5th of May`.
    fn after_the(&self, i: usize) -> Option<(usize, Vec<Found>)> {
        let j = i + 1;
        if let Some((year, last)) = self.decade(j) {
            return self.one(i, last, Value::Abs(decade_when(year, None)));
        }
        if self.is_any(j, APOSTROPHES) {
            if let Some((_, found)) = self.at_apostrophe(j) {
                let f = found.first()?;
                let last = j + 1;
                return self.one(i, last, f.value);
            }
        }
        if let Some(found) = self.day_first(j) {
            return self.dates(i, found);
        }
        if let Some(year) = self.word(j).and_then(lexicon::decade_word) {
            return self.one(i, j, Value::Abs(decade_when(year, None)));
        }
        let key = Lower::new(self.word(j)?);
        let w = key.as_str();
        match w {
            "weekend" => {
                let prev = i.checked_sub(1).map_or("", |p| self.s(p));
                among(prev, &["over", "during", "on", "at", "since"])
                    .then(|| self.one(i, j, Value::Rel(Rel::Weekend)))?
            }
            "year" | "day" | "week" | "month" => {
                let unit = lexicon::unit(w)?;
                if let Some((year, last)) = self.any_year(j + 1).filter(|_| unit == Unit::Year) {
                    return self.one(i, last, Value::Abs(when(year)));
                }
                // `in the year 71`
                if let Some((n, _)) = self
                    .num(j + 1)
                    .filter(|&(n, d)| unit == Unit::Year && d <= 4 && (1..=2199).contains(&n))
                {
                    return self.one(i, j + 1, Value::Abs(when(n as i32)));
                }
                // `the year before the Paralympics`: a year related to an event, not to a date.
                if self.word(j + 2).is_some() || self.num(j + 2).is_some() {
                    return None;
                }
                let offset = match self.s(j + 1).to_ascii_lowercase().as_str() {
                    "before" | "earlier" | "prior" => -1,
                    "after" | "later" => 1,
                    _ => return None,
                };
                self.one(i, j + 1, Value::Rel(Rel::Anaphoric(unit, offset)))
            }
            "previous" | "prior" | "preceding" | "following" | "next" | "same" | "subsequent" => {
                let unit = lexicon::anaphoric_unit(self.s(j + 1))?;
                let offset = match w {
                    "previous" | "prior" | "preceding" => -1,
                    "same" => 0,
                    _ => 1,
                };
                self.one(i, j + 1, Value::Rel(Rel::Anaphoric(unit, offset)))
            }
            "early" | "mid" | "late" | "middle" => self.early_mid_late(i, j),
            "end" | "beginning" | "start" | "outset" | "close" | "dawn" | "turn" | "midst" => {
                self.part_of(i, j)
            }
            "first" | "second" | "third" | "fourth" => self.quarter_or_half(i, j, w),
            _ => self.season_year(i, j),
        }
    }

    /// From `first` (maybe `the`), at `j` a part word and `of` then a time: `the end of 1990`,
    /// `end of the year`, `the middle of March`.
    fn part_of(&self, first: usize, j: usize) -> Option<(usize, Vec<Found>)> {
        let part = lexicon::part_word(self.s(j))?;
        if !self.is(j + 1, "of") {
            return None;
        }
        self.with_part(first, j + 2, part)
    }

    /// `early 2016`, `mid-2025`, `late September`, `the late 1990s`, `early April 1833`.
    fn early_mid_late(&self, first: usize, j: usize) -> Option<(usize, Vec<Found>)> {
        let part = lexicon::part_word(self.s(j))?;
        let mut k = j + 1;
        if self.is_any(k, DASHES) && self.attached(k) {
            k += 1;
        } else if self.is(j, "middle") {
            return None;
        }
        self.with_part(first, k, part)
    }

    /// The time at `k` modified by `part`; the expression runs from `first`.
    fn with_part(&self, first: usize, k: usize, part: Part) -> Option<(usize, Vec<Found>)> {
        if !self.same_line(k) {
            return None;
        }
        // `early Tuesday`, `late Friday night`: the day, read as any weekday is.
        if matches!(part, Part::Early | Part::Late) && first + 1 == k {
            if let Some(wd) = self
                .word(k)
                .filter(|w| starts_upper(w))
                .and_then(lexicon::weekday)
            {
                let last = if self.is_any(k + 1, lexicon::TIME_WORDS) {
                    k + 1
                } else {
                    k
                };
                return self.one(first, last, Value::Rel(Rel::Weekday(wd, Dir::Auto)));
            }
        }
        // `the sixties`
        if let Some(year) = self.word(k).and_then(lexicon::decade_word) {
            if self.is(first, "the") {
                return self.one(first, k, Value::Abs(decade_when(year, Some(part))));
            }
        }
        if let Some((year, last)) = self.decade(k) {
            return self.one(first, last, Value::Abs(decade_when(year, Some(part))));
        }
        if self.is(k, "the") {
            if let Some((year, last)) = self.decade(k + 1) {
                return self.one(first, last, Value::Abs(decade_when(year, Some(part))));
            }
        }
        if let Some((year, last)) = self.any_year(k) {
            return self.one(first, last, Value::Abs(part_when(year, part)));
        }
        if let Some((month, last, abbreviated)) = self.month(k) {
            if let Some((year, end)) = self.any_year(last + 1).filter(|_| self.same_line(last + 1))
            {
                let mut w = full(year, month, None);
                w.part = Some(part);
                return self.one(first, end, Value::Abs(w));
            }
            if abbreviated {
                return None;
            }
            let rel = Rel::MonthName {
                month,
                day: None,
                part: Some(part),
                dir: Dir::Auto,
            };
            return self.one(first, last, Value::Rel(rel));
        }
        // `the end of the year`, `the end of this year`, `the end of last year`.
        if self.is_any(k, &["the", "this"]) && self.is(k + 1, "year") {
            return self.one(first, k + 1, Value::Rel(Rel::Years(0, Some(part))));
        }
        if self.is_any(k, &["last", "next"]) && self.is(k + 1, "year") {
            let offset = if self.is(k, "last") { -1 } else { 1 };
            return self.one(first, k + 1, Value::Rel(Rel::Years(offset, Some(part))));
        }
        None
    }

    /// `the first half of 2024`, `the third quarter of 2024`, `the second half of the year`.
    fn quarter_or_half(
        &self,
        first: usize,
        j: usize,
        ordinal: &str,
    ) -> Option<(usize, Vec<Found>)> {
        let n = match ordinal {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            _ => 4,
        };
        let mut k = j + 1;
        if self.is_any(k, DASHES) {
            k += 1;
        }
        let part = if self.is(k, "half") && n <= 2 {
            [Part::H1, Part::H2][n - 1]
        } else if self.is(k, "quarter") {
            [Part::Q1, Part::Q2, Part::Q3, Part::Q4][n - 1]
        } else {
            return None;
        };
        if !self.is(k + 1, "of") {
            return None;
        }
        let y = k + 2;
        if let Some((year, last)) = self.any_year(y) {
            return self.one(first, last, Value::Abs(part_when(year, part)));
        }
        if self.is_any(y, &["the", "this"]) && self.is(y + 1, "year") {
            return self.one(first, y + 1, Value::Rel(Rel::PartOfYear(part)));
        }
        None
    }

    /// `summer 2023`, `the summer of 2010`, `fall 2004`, `winter of 2019`.
    fn season_year(&self, first: usize, j: usize) -> Option<(usize, Vec<Found>)> {
        let season = lexicon::season(self.word(j)?)?;
        let mut k = j + 1;
        if self.is(k, "of") {
            k += 1;
        }
        let (year, last) = self.any_year(k).filter(|_| self.same_line(k))?;
        self.one(first, last, Value::Abs(part_when(year, season)))
    }
}

fn d4(n: i32) -> bool {
    (1000..=9999).contains(&n)
}

fn decade_when(year: i32, part: Option<Part>) -> When {
    When {
        year,
        month: None,
        day: None,
        part,
        decade: true,
    }
}

fn part_when(year: i32, part: Part) -> When {
    When {
        year,
        month: None,
        day: None,
        part: Some(part),
        decade: false,
    }
}

#[cfg(test)]
mod tests {
    //! The fast paths against the plain ones they replace: the tokenizer against a char-by-char
    //! one, and the scan over candidates against a look at every token, on generated texts.

    use super::*;

    /// The tokenizer as first written: one `char` at a time.
    fn tokenize_reference(text: &str) -> Vec<(usize, usize, Kind, bool, bool, bool)> {
        let bytes = text.as_bytes();
        let mut toks = Vec::new();
        let mut i = 0;
        let (mut space, mut newline) = (true, true);
        while let Some(c) = char_at(text, i) {
            if c.is_whitespace() {
                space = true;
                newline |= c == '\n';
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let mut plain = true;
            let kind;
            if c.is_ascii_digit() {
                let mut j = i + digits_from(bytes, i);
                loop {
                    let next_is_digit = bytes.get(j + 1).is_some_and(u8::is_ascii_digit);
                    if bytes.get(j) == Some(&b',')
                        && next_is_digit
                        && digits_from(bytes, j + 1) == 3
                    {
                        j += 4;
                    } else if bytes.get(j) == Some(&b'.') && next_is_digit {
                        j += 1 + digits_from(bytes, j + 1);
                    } else {
                        break;
                    }
                    plain = false;
                }
                let mut k = j;
                while let Some(ch) = char_at(text, k).filter(|ch| ch.is_alphabetic()) {
                    k += ch.len_utf8();
                }
                kind = if k > j { Kind::Alnum } else { Kind::Num };
                i = k;
            } else if c.is_alphabetic() {
                let mut has_digit = false;
                while let Some(ch) = char_at(text, i).filter(|ch| ch.is_alphanumeric()) {
                    has_digit |= ch.is_ascii_digit();
                    i += ch.len_utf8();
                }
                kind = if has_digit { Kind::Alnum } else { Kind::Word };
            } else {
                kind = Kind::Punct;
                i += c.len_utf8();
            }
            toks.push((start, i, kind, plain, space, newline));
            space = false;
            newline = false;
        }
        toks
    }

    impl Scanner<'_> {
        /// The matcher at a word as first written: every step tried on every word.
        fn at_word_reference(&self, i: usize) -> Option<(usize, Vec<Found>)> {
            let w = self.word(i)?;
            let lower = w.to_ascii_lowercase();
            if let Some(found) = self.calendar_date(i) {
                return self.dates(i, found);
            }
            if let Some(found) = self.weekday_at(i) {
                return Some(found);
            }
            if let Some(m) = lexicon::month(w) {
                return self.bare_month(i, m);
            }
            if let Some(found) = self.ago(i) {
                return Some(found);
            }
            if let Some(found) = self.holiday(i) {
                return Some(found);
            }
            if among(&lower, &["midnight", "noon", "midday"])
                && i.checked_sub(1).is_some_and(|p| {
                    self.is_any(
                        p,
                        &[
                            "at", "until", "till", "from", "to", "before", "after", "by", "around",
                            "past",
                        ],
                    )
                })
            {
                return self.one(i, i, Value::Clock);
            }
            match lower.as_str() {
                "the" => self.after_the(i),
                "today" | "tonight" | "yesterday" | "tomorrow" => self.deictic_day(i, &lower),
                "this" | "last" | "next" | "coming" | "that" => self.this_last_next(i, &lower),
                "year" => self.year_end(i),
                "end" | "beginning" | "start" | "middle" => self.part_of(i, i),
                "early" | "mid" | "late" => self.early_mid_late(i, i),
                _ => self.season_year(i, i),
            }
        }

        /// The surname months as first found: a look at every token.
        fn surname_months_reference(&self) -> [bool; 13] {
            let mut names = [false; 13];
            for i in 1..self.toks.len() {
                let Some(month) = self
                    .word(i)
                    .filter(|w| starts_upper(w))
                    .and_then(lexicon::month)
                else {
                    continue;
                };
                let first_name = self.word(i - 1).is_some_and(|p| {
                    starts_upper(p)
                        && self.same_line(i)
                        && lexicon::month(p).is_none()
                        && lexicon::weekday(p).is_none()
                        && !among(p, MONTH_LEADERS)
                        && !among(
                            p,
                            &[
                                "the", "a", "an", "every", "each", "that", "of", "and", "or", "mid",
                            ],
                        )
                });
                if first_name && self.day(i + 1).is_none() && self.any_year(i + 1).is_none() {
                    names[usize::from(month)] = true;
                }
            }
            names
        }

        /// The scan as first written: the matcher tried at every token.
        fn scan_reference(&self) -> Vec<Found> {
            let mut out = Vec::new();
            let mut i = 0;
            while i < self.toks.len() {
                let t = self.toks[i];
                let found = match t.kind() {
                    Kind::Num => self.at_number(i),
                    Kind::Alnum => self.at_alnum(i),
                    Kind::Word => self.at_word_reference(i),
                    Kind::Punct => self.at_apostrophe(i),
                };
                match found.filter(|_| !self.in_url(i)) {
                    Some((next, found)) => {
                        out.extend(found);
                        i = next.max(i + 1);
                    }
                    None => i += 1,
                }
            }
            out
        }
    }

    fn check(text: &str) {
        let tokens = tokenize(text);
        let fast: Vec<_> = tokens
            .toks
            .iter()
            .map(|t| {
                (
                    t.start(),
                    t.end(),
                    t.kind(),
                    t.plain(),
                    t.space_before(),
                    t.newline_before(),
                )
            })
            .collect();
        assert_eq!(fast, tokenize_reference(text), "tokens of {text:?}");
        assert!(tokens.candidates.windows(2).all(|w| w[0] < w[1]));
        let scanner = Scanner::new(text);
        assert_eq!(
            scanner.surname_months,
            scanner.surname_months_reference(),
            "surname months in {text:?}"
        );
        assert_eq!(scanner.scan(), scanner.scan_reference(), "scan of {text:?}");
    }

    /// Words and marks that time expressions are made of, and their near misses.
    const VOCABULARY: &[&str] = &[
        "the",
        "The",
        "THE",
        "a",
        "A",
        "an",
        "An",
        "couple",
        "of",
        "years",
        "year",
        "Year",
        "ago",
        "days",
        "week",
        "decade",
        "decades",
        "month",
        "weekend",
        "May",
        "may",
        "MAY",
        "March",
        "march",
        "June",
        "Sept",
        "sept",
        "Sep",
        "Dec",
        "December",
        "September",
        "Jan",
        "Monday",
        "monday",
        "Mon",
        "Tues",
        "Thurs",
        "Friday",
        "Sunday",
        "Sun",
        "Times",
        "Theresa",
        "Day",
        "Eve",
        "day",
        "Mother",
        "Waitangi",
        "Christmas",
        "christmas",
        "Halloween",
        "New",
        "new",
        "Valentine",
        "Boxing",
        "Easter",
        "Thanksgiving",
        "Passover",
        "Diwali",
        "Hanukkah",
        "on",
        "in",
        "at",
        "by",
        "since",
        "until",
        "from",
        "to",
        "and",
        "or",
        "last",
        "Last",
        "next",
        "this",
        "This",
        "that",
        "That",
        "past",
        "same",
        "night",
        "morning",
        "evening",
        "afternoon",
        "today",
        "Today",
        "tonight",
        "yesterday",
        "tomorrow",
        "USA",
        "coming",
        "early",
        "mid",
        "late",
        "middle",
        "end",
        "beginning",
        "start",
        "outset",
        "close",
        "dawn",
        "turn",
        "midst",
        "first",
        "second",
        "third",
        "fourth",
        "half",
        "quarter",
        "previous",
        "following",
        "prior",
        "preceding",
        "subsequent",
        "summer",
        "Summer",
        "spring",
        "fall",
        "Fall",
        "autumn",
        "winter",
        "sixties",
        "Nineties",
        "twenties",
        "one",
        "two",
        "twenty",
        "Twenty",
        "five",
        "seventeen",
        "ninety",
        "zero",
        "midnight",
        "noon",
        "midday",
        "around",
        "2019",
        "2020",
        "1990",
        "1990s",
        "90s",
        "'",
        "’",
        "‘",
        "s",
        "08",
        "5",
        "5th",
        "17th",
        "31",
        "32",
        "12",
        "12:30",
        ":",
        "30",
        "pm",
        "am",
        "p",
        "m",
        "10pm",
        "6am",
        "2024-03-05",
        "05.03.2024",
        "03/05/2024",
        "2010",
        "/",
        "11",
        "-",
        "–",
        "—",
        "FY2024",
        "Q3",
        "3Q",
        "H1",
        "AD",
        "BC",
        "BCE",
        "CE",
        "ce",
        "347",
        "44",
        "people",
        "votes",
        "$",
        "%",
        "1,500",
        "2.5",
        "http",
        "https",
        "www",
        "://",
        ".",
        ",",
        "(",
        ")",
        "Ave",
        "Street",
        "about",
        "no",
        "page",
        "Edmonton",
        "Sun",
        "every",
        "each",
        "mornings",
        "/",
        "Ünïcödé",
        "naïve",
        "é",
        "١٢",
        "straße",
        "İstanbul",
        "\u{212A}",
        "Ｍay",
        "Mayday",
        "Mayor",
        "thé",
        "thanksgivings",
        "Septembers",
        "Wednesdays",
        "Wednesday",
        "yesterdays",
        "seventeenth",
        "abcdefghijklmnopq",
        "Decembers",
        "X",
        "i",
        "I",
    ];
    const SEPARATORS: &[&str] = &[
        " ", " ", " ", " ", "", "", "\n", "\n\n", "\t", "\u{a0}", "\u{2028}", "  ", "\u{b}",
    ];

    #[test]
    fn fast_paths_agree_with_plain_ones_on_generated_texts() {
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = 1 + next(40);
            let mut text = String::new();
            for _ in 0..len {
                text.push_str(VOCABULARY[next(VOCABULARY.len())]);
                text.push_str(SEPARATORS[next(SEPARATORS.len())]);
            }
            // Sometimes cut the text short: the last word against the end of the text.
            if next(4) == 0 {
                let mut cut = next(text.len() + 1);
                while !text.is_char_boundary(cut) {
                    cut -= 1;
                }
                text.truncate(cut);
            }
            check(&text);
        }
    }

    #[test]
    fn fast_paths_agree_with_plain_ones_on_real_texts() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts =
            vec![
                std::fs::read_to_string(root.join("seeds/tiktok-shop-amazon-douyin.txt"))
                    .expect("the seed text"),
            ];
        // The shared articles, where this checkout has them.
        for dir in ["../shared/eval-dev/gold", "../shared/train-gum"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let Ok(json) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
                    if let Some(text) = value["text"].as_str() {
                        texts.push(text.to_string());
                    }
                }
            }
        }
        for text in &texts {
            check(text);
        }
    }
}
