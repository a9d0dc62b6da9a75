//! The tagger's view of a document: tokens with hashed features, shared by run time and training.
#![allow(clippy::needless_range_loop)]

use std::collections::{HashMap, HashSet};

use super::hash::{hash_bytes, hash_lower, mix, tmpl, NoHashBuilder};
use super::lexicon::{Lexicon, MAX_PHRASE};
use super::tokens::{tokenize, Token};
use crate::document::Document;

/// Entity types the tagger knows; DATE is learned so it is not confused with the rest.
pub const TYPES: [&str; 6] = ["PERSON", "ORG", "PLACE", "OTHER", "QUANTITY", "DATE"];
pub const PERSON: usize = 0;
pub const ORG: usize = 1;
pub const PLACE: usize = 2;
pub const OTHER: usize = 3;
pub const QUANTITY: usize = 4;
pub const DATE: usize = 5;
/// O, then B and I for each type.
pub const NUM_LABELS: usize = 1 + 2 * TYPES.len();

pub fn begin(t: usize) -> u8 {
    (1 + 2 * t) as u8
}
pub fn inside(t: usize) -> u8 {
    (2 + 2 * t) as u8
}
/// The type of a non-O label.
pub fn type_of(label: u8) -> usize {
    (label as usize - 1) / 2
}
pub fn is_begin(label: u8) -> bool {
    label % 2 == 1
}

/// Words that count or measure (`two`, `dozens`, `percent`): candidates although lowercase.
pub(crate) fn is_number_word(word: &str) -> bool {
    // A `match` on the strings compiles to a switch on the length and a few comparisons.
    matches!(
        word,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "trillion"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "billions"
            | "half"
            | "several"
            | "both"
            | "percent"
    )
}

/// Per-token facts computed once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TokenInfo {
    pub word: u64,
    pub lower: u64,
    pub short_shape: u64,
    pub capitalized: bool,
    pub all_caps: bool,
    pub has_digit: bool,
    pub alpha: bool,
    pub lowercase: bool,
    pub sentence_start: bool,
    /// A copy of the token's [`Token::line_start`], next to what the tagger reads anyway.
    pub line_start: bool,
    /// A word that can be a name or a number by its look alone: capitalized, with a digit,
    /// a currency sign, a number word.
    pub candidate: bool,
    /// Scored by the tagger in training: candidates (capitalized words, numbers) and their
    /// neighbours.
    pub active: bool,
    /// Scored by the tagger at run time: the active tokens less those that (in the training
    /// data) are never part of a name — see [`Prepared::part`].
    pub tagged: bool,
    pub paragraph: u8,
    pub zipf: u8,
    /// Gazetteer categories of phrases that start at this token / continue through it.
    pub gaz_begin: u16,
    pub gaz_inside: u16,
}

/// Which tokens the tagger scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every active token: what the model is trained on.
    Training,
    /// The tagged tokens: what [`super::tagger::Tagger::tag`] scores.
    RunTime,
}

/// A document ready for tagging.
pub struct Prepared<'d> {
    pub text: &'d str,
    pub tokens: Vec<Token>,
    pub info: Vec<TokenInfo>,
    lower_seen: HashSet<u64, NoHashBuilder>,
    cap_mid_seen: HashSet<u64, NoHashBuilder>,
    /// Word counts of each line, so rules about a token's line cost the same on a line of
    /// any length.
    pub lines: LineCounts,
}

/// How many words, capitalized words and all-capitals words each line holds.
#[derive(Default)]
pub struct LineCounts {
    /// The line of each token.
    line_of: Vec<u32>,
    /// Per line: (words, capitalized, all capitals).
    counts: Vec<(u32, u32, u32)>,
    /// Per line: its first token.
    starts: Vec<u32>,
}

impl LineCounts {
    fn of(tokens: &[Token], info: &[TokenInfo]) -> LineCounts {
        let mut out = LineCounts {
            line_of: Vec::with_capacity(tokens.len()),
            counts: Vec::new(),
            starts: Vec::new(),
        };
        for (n, (t, i)) in tokens.iter().zip(info).enumerate() {
            if t.line_start || out.counts.is_empty() {
                out.counts.push((0, 0, 0));
                out.starts.push(n as u32);
            }
            out.line_of.push((out.counts.len() - 1) as u32);
            let c = out.counts.last_mut().expect("a line was pushed");
            c.0 += i.alpha as u32;
            c.1 += i.capitalized as u32;
            c.2 += i.all_caps as u32;
        }
        out
    }

    /// The first token of each line, in order: rules about how lines open look only there.
    pub fn starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts.iter().map(|&i| i as usize)
    }

    /// The first token of the line holding token `i`.
    pub fn start_of(&self, i: usize) -> usize {
        self.starts[self.line_of[i] as usize] as usize
    }

    /// (words, capitalized, all capitals) of the line holding token `i`.
    pub fn of_token(&self, i: usize) -> (usize, usize, usize) {
        let (w, c, a) = self.counts[self.line_of[i] as usize];
        (w as usize, c as usize, a as usize)
    }
}

struct Shape {
    full: u64,
    short: u64,
    capitalized: bool,
    all_caps: bool,
    has_digit: bool,
    alpha: bool,
    lowercase: bool,
}

fn shape_of(word: &str) -> Shape {
    let mut full: u64 = 7;
    let mut short: u64 = 11;
    let mut last = 0u8;
    let (mut upper, mut lower, mut digit, mut other, mut n) = (0, 0, 0, 0, 0);
    let mut first_upper = false;
    for (i, c) in word.chars().enumerate() {
        let k = if c.is_uppercase() {
            upper += 1;
            if i == 0 {
                first_upper = true;
            }
            b'X'
        } else if c.is_lowercase() {
            lower += 1;
            b'x'
        } else if c.is_numeric() {
            digit += 1;
            b'd'
        } else {
            other += 1;
            if c.is_ascii() {
                c as u8
            } else {
                b'?'
            }
        };
        if n < 8 {
            full = mix(full, k as u64);
        }
        if k != last {
            short = mix(short, k as u64);
            last = k;
        }
        n += 1;
    }
    let _ = other;
    Shape {
        full,
        short,
        capitalized: first_upper,
        all_caps: upper > 0 && lower == 0,
        has_digit: digit > 0,
        alpha: upper + lower > 0,
        lowercase: lower > 0 && upper == 0,
    }
}

/// Hashes of the lowercase word's first two and three and last two, three and four
/// characters (the whole word where it is shorter).
fn affix_hashes(word: &str) -> [u64; 5] {
    if word.is_ascii() && word.len() <= 64 {
        // One byte a character: the affixes are byte ranges.
        let mut buf = [0u8; 64];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let n = lower.len();
        let pre = |k: usize| hash_bytes(&lower[..k.min(n)]);
        let suf = |k: usize| hash_bytes(&lower[n.saturating_sub(k)..]);
        return [pre(2), pre(3), suf(2), suf(3), suf(4)];
    }
    affix_hashes_by_char(word)
}

/// [`affix_hashes`] for any word, counting characters.
fn affix_hashes_by_char(word: &str) -> [u64; 5] {
    let s = word.to_lowercase();
    let pre = |n: usize| {
        let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
        hash_bytes(&s.as_bytes()[..end])
    };
    let suf = |n: usize| {
        let start = s
            .char_indices()
            .rev()
            .nth(n.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        hash_bytes(&s.as_bytes()[start..])
    };
    [pre(2), pre(3), suf(2), suf(3), suf(4)]
}

fn is_candidate(word: &str, shape: &Shape) -> bool {
    if shape.capitalized || shape.has_digit {
        return true;
    }
    if matches!(word, "$" | "%" | "€" | "£" | "¥") {
        return true;
    }
    shape.lowercase && is_number_word(word)
}

/// What the tagger knows of a word regardless of where it stands: computed once per distinct
/// word of a document (a long document repeats its vocabulary).
#[derive(Clone, Copy)]
struct WordFacts {
    /// The word's own hash ([`hash_bytes`]).
    word: u64,
    lower: u64,
    short_shape: u64,
    capitalized: bool,
    all_caps: bool,
    has_digit: bool,
    alpha: bool,
    lowercase: bool,
    candidate: bool,
    /// A lowercase word that names in the training data contain often enough to be worth
    /// tagging next to a candidate (`of`, `de`, `&`, `years`). Filled by [`WordFacts::add`]
    /// from the lexicon, like the fields below.
    joiner: bool,
    /// A joiner seldom at the edge of a name (`of`, `,`).
    inner_joiner: bool,
    /// A function word (`The`, `He`, `However`): capitalized at the start of a sentence it
    /// is not a name.
    function_word: bool,
    zipf: u8,
    /// Gazetteer categories of the word alone.
    categories: u16,
    /// Already counted in `lower_seen` / `cap_mid_seen`.
    counted_lower: bool,
    counted_cap_mid: bool,
}

impl WordFacts {
    /// What the word itself tells, without the lexicon.
    fn of(word: &str, hash: u64) -> WordFacts {
        let sh = shape_of(word);
        WordFacts {
            word: hash,
            lower: hash_lower(word),
            short_shape: sh.short,
            capitalized: sh.capitalized,
            all_caps: sh.all_caps,
            has_digit: sh.has_digit,
            alpha: sh.alpha,
            lowercase: sh.lowercase,
            candidate: is_candidate(word, &sh),
            joiner: false,
            inner_joiner: false,
            // Whether it could be one: not a word in capitals (`THE` in a headline), though
            // `I` and `A` are. [`WordFacts::look_up`] checks the list.
            function_word: !sh.all_caps || word.len() == 1,
            zipf: 0,
            categories: 0,
            counted_lower: false,
            counted_cap_mid: false,
        }
    }

    /// Fills in what the lexicon says of the word.
    fn add(&mut self, lex: LexiconFacts) {
        self.zipf = lex.zipf;
        self.joiner = lex.joiner;
        self.inner_joiner = lex.inner_joiner;
        self.function_word = self.function_word && lex.function_word;
        self.categories = lex.categories;
    }
}

/// What the lexicon says of a word: 6 bytes, so that a cache of many words stays small.
#[derive(Clone, Copy)]
struct LexiconFacts {
    zipf: u8,
    joiner: bool,
    inner_joiner: bool,
    /// On the function-word list, in whatever case.
    function_word: bool,
    categories: u16,
}

impl LexiconFacts {
    /// Both tables are larger than the core's cache, so their probes mostly wait on memory:
    /// done for all new words of a part in one short loop, the waits overlap.
    fn of(lex: &Lexicon, facts: &WordFacts) -> LexiconFacts {
        LexiconFacts {
            zipf: lex.zipf.get(&facts.lower).copied().unwrap_or(0),
            joiner: lex.joiners.contains(&facts.lower),
            inner_joiner: lex.inner_joiners.contains(&facts.lower),
            function_word: lex.function_words.contains(&facts.lower),
            categories: lex.phrases.get(&mix(0, facts.word)).copied().unwrap_or(0),
        }
    }
}

/// The distinct words of a part: an open-addressing table of indices into the part's
/// [`WordFacts`], which hold the words' hashes. Four bytes a slot: the table stays in the
/// core's cache, where a map of hash and index took 16 bytes a slot and missed it.
struct WordIds {
    slots: Vec<u32>,
}

const NO_WORD: u32 = u32::MAX;

impl WordIds {
    /// A table for about `words` distinct words (it grows past them).
    fn with_room(words: usize) -> WordIds {
        WordIds {
            slots: vec![NO_WORD; (words * 2).next_power_of_two().max(64)],
        }
    }

    /// The index in `facts` of the word with hash `word`, adding `new()` for a new word.
    #[inline]
    fn id(
        &mut self,
        word: u64,
        facts: &mut Vec<WordFacts>,
        new: impl FnOnce() -> WordFacts,
    ) -> u32 {
        let mask = self.slots.len() - 1;
        let mut at = word as usize & mask;
        loop {
            let id = self.slots[at];
            if id == NO_WORD {
                break;
            }
            if facts[id as usize].word == word {
                return id;
            }
            at = (at + 1) & mask;
        }
        let id = facts.len() as u32;
        facts.push(new());
        self.slots[at] = id;
        // At most half full, so that probes stay short.
        if facts.len() * 2 > self.slots.len() {
            self.grow(facts);
        }
        id
    }

    fn grow(&mut self, facts: &[WordFacts]) {
        self.slots = vec![NO_WORD; self.slots.len() * 2];
        let mask = self.slots.len() - 1;
        for (id, f) in facts.iter().enumerate() {
            let mut at = f.word as usize & mask;
            while self.slots[at] != NO_WORD {
                at = (at + 1) & mask;
            }
            self.slots[at] = id as u32;
        }
    }
}

/// What [`Prepared::part_with`] worked out about the words of the earlier parts of a
/// document, so that later parts look up only their new words.
#[derive(Default)]
pub struct WordCache {
    /// Word hash -> what the lexicon says of it (working out the rest again is quicker
    /// than keeping it: a smaller cache stays closer to the core).
    facts: HashMap<u64, LexiconFacts, NoHashBuilder>,
}

/// How many words a [`WordCache`] keeps: most of a long book's vocabulary, and a bound on
/// the memory a huge document of ever new numbers can take.
const MAX_CACHED_WORDS: usize = 1 << 16;

impl<'d> Prepared<'d> {
    /// The whole document.
    pub fn new(doc: &'d Document) -> Prepared<'d> {
        Prepared::part(doc, 0..doc.text.len())
    }

    /// The tokens of `range` of the document (which should start and end between words),
    /// with what the document says around it. Positions stay the document's; what the
    /// tagger learns of "the document" (which words also appear in lowercase, say) comes
    /// from this part alone.
    pub fn part(doc: &'d Document, range: std::ops::Range<usize>) -> Prepared<'d> {
        Prepared::part_with(doc, range, &mut WordCache::default())
    }

    /// [`Prepared::part`], with what earlier parts of the document found about their words.
    pub fn part_with(
        doc: &'d Document,
        range: std::ops::Range<usize>,
        cache: &mut WordCache,
    ) -> Prepared<'d> {
        let text = doc.text.as_str();
        let mut tokens = tokenize(&text[range.clone()]);
        if range.start > 0 {
            for t in &mut tokens {
                t.start += range.start;
                t.end += range.start;
            }
        }
        let lex = Lexicon::get();
        // Distinct words, and `ids`, each token's word.
        // Room for a quarter of the tokens: a part of prose has about one distinct word in
        // seven, so the table rarely grows.
        let mut words = WordIds::with_room(tokens.len() / 4);
        let mut facts_of: Vec<WordFacts> = Vec::with_capacity(tokens.len() / 4);
        let mut ids: Vec<u32> = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let w = t.text(text);
            let word = hash_bytes(w.as_bytes());
            ids.push(words.id(word, &mut facts_of, || WordFacts::of(w, word)));
        }
        drop(words);
        // The lexicon is asked about the words no earlier part had.
        let mut new_words: Vec<u32> = Vec::new();
        for (id, facts) in facts_of.iter_mut().enumerate() {
            match cache.facts.get(&facts.word) {
                Some(&known) => facts.add(known),
                None => new_words.push(id as u32),
            }
        }
        for &id in &new_words {
            let facts = &mut facts_of[id as usize];
            let known = LexiconFacts::of(lex, facts);
            facts.add(known);
            if cache.facts.len() < MAX_CACHED_WORDS {
                cache.facts.insert(facts.word, known);
            }
        }
        let sentences = doc.sentences();
        let mut info = Vec::with_capacity(tokens.len());
        // Most of a part's distinct words are written in lowercase somewhere.
        let mut lower_seen = HashSet::with_capacity_and_hasher(facts_of.len(), Default::default());
        let mut cap_mid_seen = HashSet::default();
        let mut sent = sentences.partition_point(|s| s.end <= range.start);
        let mut para = doc.paragraphs.partition_point(|p| p.end <= range.start);
        for (t, &id) in tokens.iter().zip(&ids) {
            let facts = &mut facts_of[id as usize];
            while sent < sentences.len() && sentences[sent].end <= t.start {
                sent += 1;
            }
            while para < doc.paragraphs.len() && doc.paragraphs[para].end <= t.start {
                para += 1;
            }
            let sentence_start = sentences.get(sent).is_some_and(|s| s.start == t.start);
            if facts.lowercase {
                if !facts.counted_lower {
                    lower_seen.insert(facts.lower);
                    facts.counted_lower = true;
                }
            } else if facts.capitalized && !sentence_start && para > 1 && !facts.counted_cap_mid {
                cap_mid_seen.insert(facts.lower);
                facts.counted_cap_mid = true;
            }
            info.push(TokenInfo {
                word: facts.word,
                lower: facts.lower,
                short_shape: facts.short_shape,
                capitalized: facts.capitalized,
                all_caps: facts.all_caps,
                has_digit: facts.has_digit,
                alpha: facts.alpha,
                lowercase: facts.lowercase,
                sentence_start: sentence_start || t.line_start,
                line_start: t.line_start,
                candidate: facts.candidate,
                active: facts.candidate,
                // Set below for candidates and their neighbours.
                tagged: false,
                paragraph: para.min(2) as u8,
                zipf: facts.zipf,
                // The word as a one-word phrase (only active tokens keep it, below).
                gaz_begin: facts.categories,
                gaz_inside: 0,
            });
        }
        // Neighbours of candidates are tagged too (`of` in `Bank of England`).
        for i in 0..info.len() {
            if !info[i].candidate
                && ((i > 0 && info[i - 1].candidate)
                    || info.get(i + 1).is_some_and(|next| next.candidate))
                && tokens[i].end - tokens[i].start <= 12
            {
                info[i].active = true;
            }
        }
        // Gazetteer matches, for active tokens only: phrases of two or more tokens that start
        // at a capitalized word or a number (the one-word phrases are in place already).
        for i in 0..info.len() {
            if !info[i].active {
                info[i].gaz_begin = 0;
                continue;
            }
            if !info[i].capitalized && !info[i].has_digit {
                continue;
            }
            let mut h = mix(0, info[i].word);
            for j in i + 1..(i + MAX_PHRASE).min(tokens.len()) {
                if tokens[j].line_start || !lex.continues(h) {
                    break;
                }
                h = mix(h, info[j].word);
                if let Some(&bits) = lex.phrases.get(&h) {
                    info[i].gaz_begin |= bits;
                    for k in i + 1..=j {
                        info[k].gaz_inside |= bits;
                    }
                }
            }
        }
        // At run time the tagger skips what (almost) never takes a label: a function word or
        // a common word opening a sentence, and neighbours that are not joiners (most are
        // `.`, `the` or `said`). That is 48% of the active tokens of news-like prose and
        // leaves the dev and training scores as they were. The model is still trained on
        // every active token.
        // A common English word (Zipf 5 or more) that the part also writes in lowercase and
        // that starts or continues no gazetteer phrase (`Many`, `Today`; not `Will`, `New`).
        let common_word = |t: &TokenInfo| {
            !t.all_caps
                && t.zipf >= 5
                && t.gaz_begin == 0
                && t.gaz_inside == 0
                && lower_seen.contains(&t.lower)
        };
        // The candidates the tagger keeps.
        let kept: Vec<bool> = (0..info.len())
            .map(|i| {
                info[i].candidate
                    && !(info[i].sentence_start && facts_of[ids[i] as usize].function_word)
                    && !(info[i].sentence_start && common_word(&info[i]))
            })
            .collect();
        // A function word in mid-sentence is kept only next to another candidate (`I` in
        // `World War I`, `The` in `read The Times`; not in `and I went`).
        let kept: Vec<bool> = (0..info.len())
            .map(|i| {
                kept[i]
                    && (!facts_of[ids[i] as usize].function_word
                        || (i > 0 && kept[i - 1])
                        || kept.get(i + 1).copied().unwrap_or(false))
            })
            .collect();
        let facts = |j: usize| &facts_of[ids[j] as usize];
        let kept_at = |j: usize| kept.get(j).copied().unwrap_or(false);
        // A kept word at `j`, or a joiner next to one on the far side.
        let name_at = |j: usize, far: Option<usize>| {
            kept_at(j) || (facts(j).joiner && far.is_some_and(kept_at))
        };
        // Whether the tagger scores neighbour `i` of a candidate.
        let neighbour_tagged = |i: usize| {
            let t = &info[i];
            // Units after a number (`3 knots`) are an open class, and so are names that
            // start in lowercase (`al-Hajj`, `iPhone`).
            if t.alpha && !t.lowercase {
                return true;
            }
            // A unit or sign may follow a number (`3 knots`, `20 %`); a mark that ends a
            // clause does not continue it.
            if i > 0
                && info[i - 1].candidate
                && !info[i - 1].capitalized
                && !ends_clause(tokens[i].text(text))
            {
                return true;
            }
            facts(i).joiner
                && if facts(i).inner_joiner {
                    i > 0
                        && name_at(i - 1, i.checked_sub(2))
                        && i + 1 < info.len()
                        && name_at(i + 1, Some(i + 2))
                } else {
                    (i > 0 && kept[i - 1]) || kept_at(i + 1)
                }
        };
        let tagged: Vec<bool> = (0..info.len())
            .map(|i| kept[i] || (info[i].active && !info[i].candidate && neighbour_tagged(i)))
            .collect();
        for (t, tagged) in info.iter_mut().zip(tagged) {
            t.tagged = tagged;
        }
        let lines = LineCounts::of(&tokens, &info);
        Prepared {
            text,
            tokens,
            info,
            lower_seen,
            cap_mid_seen,
            lines,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Whether the tagger scores token `i`.
    #[inline]
    pub fn scored(&self, i: usize, scope: Scope) -> bool {
        match scope {
            Scope::Training => self.info[i].active,
            Scope::RunTime => self.info[i].tagged,
        }
    }

    pub fn word(&self, i: usize) -> &'d str {
        self.tokens[i].text(self.text)
    }

    /// The features of token `i` that do not depend on labels.
    pub fn static_features(&self, i: usize, out: &mut Vec<u64>) {
        self.word_features(i, out);
        self.context_features(i, out);
    }

    /// The word of token `i` with its place in the sentence and document: tokens with the same
    /// key have the same [`Self::own_word_features`] anywhere, and the same
    /// [`Self::word_features`] within one part.
    #[inline]
    pub fn word_key(&self, i: usize) -> u64 {
        let t = &self.info[i];
        mix(
            t.word,
            (t.sentence_start as u64) << 4 | (t.paragraph as u64) << 1 | 1,
        )
    }

    /// Features of the word alone and its place in the sentence and document (no neighbours):
    /// [`Self::own_word_features`], then [`Self::part_word_features`].
    pub fn word_features(&self, i: usize, out: &mut Vec<u64>) {
        self.own_word_features(i, out);
        self.part_word_features(i, out);
    }

    /// The features of token `i` that depend on nothing but its [`Self::word_key`], in any part
    /// of any document, so a tagger can score them once per word (the shape and affixes are
    /// worked out here rather than stored for every token).
    pub fn own_word_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = &self.info[i];
        let word = self.word(i);
        let shape = shape_of(word).full;
        let [prefix2, prefix3, suffix2, suffix3, suffix4] = affix_hashes(word);
        let cap = t.capitalized as u64;
        let f = |name: u64, v: u64| mix(name, v);
        out.push(tmpl("bias"));
        out.push(f(tmpl("w"), t.word));
        out.push(f(tmpl("l"), t.lower));
        out.push(f(tmpl("shape"), shape));
        out.push(f(tmpl("sshape"), t.short_shape));
        out.push(f(tmpl("p2"), prefix2));
        out.push(f(tmpl("p3"), prefix3));
        out.push(f(tmpl("s2"), suffix2));
        out.push(f(tmpl("s3"), suffix3));
        out.push(f(tmpl("s4"), suffix4));
        out.push(f(
            tmpl("pos"),
            (t.sentence_start as u64) << 4 | (t.paragraph as u64) << 1 | cap,
        ));
        out.push(f(tmpl("zipf"), (t.zipf as u64) << 1 | cap));
        out.push(f(
            tmpl("zipfsent"),
            (t.zipf as u64) << 2 | (t.sentence_start as u64) << 1 | cap,
        ));
    }

    /// What this part says about the word of token `i`: whether it is also written in
    /// lowercase, or capitalized mid-sentence. The same for every token of the part with the
    /// same [`Self::word_key`].
    pub fn part_word_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = &self.info[i];
        if t.capitalized || t.all_caps {
            let low = self.lower_seen.contains(&t.lower);
            let capmid = self.cap_mid_seen.contains(&t.lower);
            out.push(mix(
                tmpl("docseen"),
                (low as u64) << 2 | (capmid as u64) << 1 | t.sentence_start as u64,
            ));
        }
    }

    /// Features of the neighbours and of gazetteer phrases through token `i`.
    ///
    /// The same features as [`Self::word_context_features`] and
    /// [`Self::shape_context_features`], in the order training has always added them (the
    /// order of a float sum can tip a training decision).
    pub fn context_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = &self.info[i];
        let lower_at = |k: isize| self.neighbour(i, k).map_or(BOS, |x| x.lower);
        let (prev, own, next, g_prev, g_next) = self.shape_context(i);
        let f = |name: u64, v: u64| mix(name, v);
        out.push(f(tmpl("l-1"), lower_at(-1)));
        out.push(f(tmpl("l+1"), lower_at(1)));
        out.push(f(tmpl("l-2"), lower_at(-2)));
        out.push(f(tmpl("l+2"), lower_at(2)));
        out.push(f(tmpl("sh-1"), prev));
        out.push(f(tmpl("sh+1"), next));
        out.push(f(tmpl("sh-1sh"), mix(prev, own)));
        out.push(f(tmpl("shsh+1"), mix(own, next)));
        out.push(f(tmpl("l-1l"), mix(lower_at(-1), t.lower)));
        out.push(f(tmpl("ll+1"), mix(t.lower, lower_at(1))));
        self.gazetteer_features(i, out);
        out.push(f(tmpl("g-1"), g_prev as u64));
        out.push(f(tmpl("g+1"), g_next as u64));
    }

    /// The features of [`Self::context_features`] that look at word shapes and gazetteer
    /// hits around token `i` only, not at the words: few values, so a tagger can score them
    /// once per [`Self::shape_context_key`].
    pub fn shape_context_features(&self, i: usize, out: &mut Vec<u64>) {
        let (prev, own, next, g_prev, g_next) = self.shape_context(i);
        let f = |name: u64, v: u64| mix(name, v);
        out.push(f(tmpl("sh-1"), prev));
        out.push(f(tmpl("sh+1"), next));
        out.push(f(tmpl("sh-1sh"), mix(prev, own)));
        out.push(f(tmpl("shsh+1"), mix(own, next)));
        out.push(f(tmpl("g-1"), g_prev as u64));
        out.push(f(tmpl("g+1"), g_next as u64));
    }

    /// What [`Self::shape_context_features`] of token `i` depend on.
    #[inline]
    pub fn shape_context_key(&self, i: usize) -> u64 {
        let (prev, own, next, g_prev, g_next) = self.shape_context(i);
        mix(
            mix(mix(prev, own), next),
            (g_prev as u64) << 16 | g_next as u64,
        )
    }

    /// The rest of [`Self::context_features`]: the neighbouring words, and the gazetteer
    /// phrases through token `i`.
    pub fn word_context_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = &self.info[i];
        let lower_at = |k: isize| self.neighbour(i, k).map_or(BOS, |x| x.lower);
        let f = |name: u64, v: u64| mix(name, v);
        out.push(f(tmpl("l-1"), lower_at(-1)));
        out.push(f(tmpl("l+1"), lower_at(1)));
        out.push(f(tmpl("l-2"), lower_at(-2)));
        out.push(f(tmpl("l+2"), lower_at(2)));
        out.push(f(tmpl("l-1l"), mix(lower_at(-1), t.lower)));
        out.push(f(tmpl("ll+1"), mix(t.lower, lower_at(1))));
        self.gazetteer_features(i, out);
    }

    #[inline]
    fn neighbour(&self, i: usize, k: isize) -> Option<&TokenInfo> {
        let j = i as isize + k;
        (j >= 0).then(|| self.info.get(j as usize)).flatten()
    }

    /// The short shapes of the token before, token `i` and the one after, and the
    /// gazetteer bits of its neighbours.
    #[inline]
    fn shape_context(&self, i: usize) -> (u64, u64, u64, u16, u16) {
        let short_at = |k| self.neighbour(i, k).map_or(BOS, |x| x.short_shape);
        let gaz_at = |k| {
            self.neighbour(i, k)
                .map_or(0, |x| x.gaz_begin | x.gaz_inside)
        };
        (
            short_at(-1),
            self.info[i].short_shape,
            short_at(1),
            gaz_at(-1),
            gaz_at(1),
        )
    }

    fn gazetteer_features(&self, i: usize, out: &mut Vec<u64>) {
        let t = &self.info[i];
        let f = |name: u64, v: u64| mix(name, v);
        if t.gaz_begin != 0 {
            out.push(f(tmpl("gb"), t.gaz_begin as u64));
            for bit in 0..16 {
                if t.gaz_begin & (1 << bit) != 0 {
                    out.push(f(tmpl("gb1"), bit));
                }
            }
        }
        if t.gaz_inside != 0 {
            for bit in 0..16 {
                if t.gaz_inside & (1 << bit) != 0 {
                    out.push(f(tmpl("gi1"), bit));
                }
            }
        }
    }
}

/// The word before the first token and after the last.
const BOS: u64 = 0x5EED;

/// Features that depend on the labels already chosen to the left.
pub fn history_features(p: &Prepared, i: usize, prev: u8, prev2: u8, out: &mut Vec<u64>) {
    label_features(prev, prev2, out);
    word_history_features(p, i, prev, out);
}

/// The history features of the labels alone (the same for every token).
pub fn label_features(prev: u8, prev2: u8, out: &mut Vec<u64>) {
    out.push(mix(tmpl("t-1"), prev as u64));
    out.push(mix(tmpl("t-2t-1"), (prev2 as u64) << 8 | prev as u64));
}

/// The history features that pair the previous label with token `i`.
pub fn word_history_features(p: &Prepared, i: usize, prev: u8, out: &mut Vec<u64>) {
    let t = &p.info[i];
    out.push(mix(tmpl("t-1sh"), mix(prev as u64, t.short_shape)));
    out.push(mix(tmpl("t-1l"), mix(prev as u64, t.lower)));
}

/// Zipf frequency of a common English word (10 in a million words and up).
const COMMON_ZIPF: u8 = 4;

/// What the first pass said about the whole document, for the second pass.
pub struct DocVotes {
    /// Lowercase hash -> votes per type (and O) over all occurrences.
    votes: std::collections::HashMap<u64, [u16; TYPES.len() + 1], NoHashBuilder>,
    /// Last words of multi-word person names.
    surnames: HashSet<u64, NoHashBuilder>,
    labels: Vec<u8>,
    scope: Scope,
}

impl DocVotes {
    pub fn new(p: &Prepared, labels: &[u8], scope: Scope) -> DocVotes {
        let mut votes: std::collections::HashMap<u64, [u16; TYPES.len() + 1], NoHashBuilder> =
            Default::default();
        let mut surnames = HashSet::default();
        for (i, &l) in labels.iter().enumerate() {
            let t = &p.info[i];
            if !(t.capitalized || t.all_caps) {
                continue;
            }
            let slot = if l == 0 { TYPES.len() } else { type_of(l) };
            let v = votes.entry(t.lower).or_default();
            v[slot] = v[slot].saturating_add(1);
            if l == inside(PERSON) && labels.get(i + 1) != Some(&inside(PERSON)) {
                surnames.insert(t.lower);
            }
        }
        DocVotes {
            votes,
            surnames,
            labels: labels.to_vec(),
            scope,
        }
    }

    /// Whether the second pass looks at token `i`, given the label it chose for the token
    /// before: capitalized words and numbers the first pass scored, and what it put in or
    /// next to a mention. Lowercase words it left alone stay outside.
    ///
    /// At run time it also skips, of the tokens the first pass left outside:
    /// - a lowercase word that no mention reaches from the left (`the` in `the White House`;
    ///   the label it chose for the token before, `prev`, says), or that no first-pass
    ///   mention continues from the right (`said` in `Obama said`);
    /// - a capitalized word that the first pass typed nowhere in the part: opening a
    ///   sentence, or in mid-sentence a common word (`Hardly`), not in capitals (`FIRST` in
    ///   `the FIRST Global Challenge`). A rare word there may be a name the first pass
    ///   missed (`By Priya Natarajan`), which the second finds from its context.
    ///
    /// The second pass seldom changes those: on the training documents it changed 1 in 100.
    pub fn wants(&self, p: &Prepared, i: usize, prev: u8) -> bool {
        let t = &p.info[i];
        let near = |j: usize| self.labels.get(j).is_some_and(|&l| l != 0);
        let (own, left, right) = (near(i), i > 0 && near(i - 1), near(i + 1));
        if self.scope == Scope::RunTime && !own {
            let number_or_name = t.capitalized || t.has_digit;
            if !number_or_name && (prev == 0 || !right) {
                return false;
            }
            if t.capitalized
                && (t.sentence_start || (!t.all_caps && t.zipf >= COMMON_ZIPF))
                && !self.typed(t.lower)
            {
                return false;
            }
        }
        (p.scored(i, self.scope) && (t.capitalized || t.has_digit)) || own || left || right
    }

    /// Whether the first pass gave the word a type anywhere in the part.
    fn typed(&self, lower: u64) -> bool {
        self.votes
            .get(&lower)
            .is_some_and(|v| v[..TYPES.len()].iter().any(|&n| n > 0))
    }

    /// All features of the first pass's verdict on token `i`.
    pub fn features(&self, p: &Prepared, i: usize, out: &mut Vec<u64>) {
        self.word_features(p, i, out);
        self.label_features(p, i, out);
    }

    /// How the first pass tagged this word across the document: the same for every token
    /// with the same [`Prepared::word_key`], so the tagger scores them once per word.
    pub fn word_features(&self, p: &Prepared, i: usize, out: &mut Vec<u64>) {
        let t = &p.info[i];
        let Some(v) = self.votes.get(&t.lower) else {
            return;
        };
        let total: u16 = v.iter().sum();
        let (best, &n) = v[..TYPES.len()]
            .iter()
            .enumerate()
            .max_by_key(|(_, &n)| n)
            .unwrap_or((0, &0));
        if n > 0 {
            let frac = (n as u32 * 4 / total.max(1) as u32) as u64;
            out.push(mix(tmpl("vote"), (best as u64) << 4 | frac));
            out.push(mix(
                tmpl("votecap"),
                (best as u64) << 2 | t.sentence_start as u64,
            ));
        } else {
            out.push(mix(tmpl("vote0"), (total > 1) as u64));
        }
    }

    /// The first pass's labels on and around token `i`.
    pub fn label_features(&self, p: &Prepared, i: usize, out: &mut Vec<u64>) {
        let own = self.labels[i] as u64;
        let left = if i > 0 { self.labels[i - 1] as u64 } else { 99 };
        let right = self.labels.get(i + 1).map_or(99, |&l| l as u64);
        out.push(mix(tmpl("p1"), own));
        out.push(mix(tmpl("p1ctx"), left << 16 | own << 8 | right));
        if self.surnames.contains(&p.info[i].lower) {
            out.push(mix(tmpl("surname"), own));
        }
    }
}

/// A mark that ends a clause or a bracket: it never continues a quantity.
fn ends_clause(word: &str) -> bool {
    matches!(
        word,
        "," | "." | ";" | ":" | "!" | "?" | ")" | "]" | "\"" | "”" | "’"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_token_keeps_the_facts_of_its_own_word() {
        // Thousands of distinct words, so the table of a part's words grows on the way.
        let text: String = (0..5000).map(|n| format!("Word{n} w{} ", n % 37)).collect();
        let doc = Document::new("t", &text);
        let p = Prepared::new(&doc);
        assert_eq!(p.len(), 10_000);
        for i in 0..p.len() {
            assert_eq!(p.info[i].word, hash_bytes(p.word(i).as_bytes()), "{i}");
            assert_eq!(p.info[i].lower, hash_lower(p.word(i)), "{i}");
        }
    }

    #[test]
    fn the_tagger_skips_sentence_openers_and_neighbours_that_are_not_joiners() {
        let doc = Document::new(
            "t",
            "The Bank of England said rates rose. However, Ann Lee disagreed three years ago.",
        );
        let p = Prepared::new(&doc);
        let tagged = |word: &str| {
            let i = (0..p.len()).find(|&i| p.word(i) == word).unwrap();
            assert!(p.info[i].active, "{word} is trained on");
            p.info[i].tagged
        };
        for word in ["Bank", "of", "England", "Ann", "Lee", "three", "years"] {
            assert!(tagged(word), "{word} should be tagged");
        }
        // `The` and `However` open sentences; `said`, `.` and `disagreed` are not joiners.
        for word in ["The", "However", "said", ".", "disagreed"] {
            assert!(!tagged(word), "{word} should be skipped");
        }
        // Units after numbers, name particles and mixed-case words are tagged.
        let doc = Document::new(
            "t",
            "It sailed 3 knots past Palacio del Gobierno with Muhammad al-Hajj Husayn.",
        );
        let p = Prepared::new(&doc);
        for word in ["knots", "del", "al-Hajj"] {
            let i = (0..p.len()).find(|&i| p.word(i) == word).unwrap();
            assert!(p.info[i].tagged, "{word} should be tagged");
        }
        // `I` and `A` are function words too, though a word in capitals is not one.
        let doc = Document::new("t", "I met Ann. A man left.\nTHE END");
        let p = Prepared::new(&doc);
        let at = |word: &str| (0..p.len()).find(|&i| p.word(i) == word).unwrap();
        assert!(!p.info[at("I")].tagged && !p.info[at("A")].tagged);
        assert!(p.info[at("Ann")].tagged && p.info[at("THE")].tagged);
        // A common word the text also writes in lowercase, opening a sentence, is skipped.
        let doc = Document::new(
            "t",
            "Many came to Paris. Many more stayed with many friends.",
        );
        let p = Prepared::new(&doc);
        assert!((0..p.len()).all(|i| p.word(i) != "Many" || !p.info[i].tagged));
        assert!(p.info[3].tagged, "{}", p.word(3));
        // An inner joiner (`of`, `and`, `,`) is tagged only between two possible name words;
        // a joiner that may end a name (`the`) next to one.
        let doc = Document::new(
            "t",
            "The head of Acme and staff met Bank of the West, then the Bank of England and Ann, Lee.",
        );
        let p = Prepared::new(&doc);
        let tagged_at = |word: &str, nth: usize| {
            let i = (0..p.len())
                .filter(|&i| p.word(i) == word)
                .nth(nth)
                .unwrap();
            p.info[i].tagged
        };
        assert!(!tagged_at("of", 0) && !tagged_at("and", 0));
        assert!(tagged_at("of", 1) && tagged_at("the", 0) && tagged_at("of", 2));
        assert!(!tagged_at(",", 0) && tagged_at(",", 1));
        // A mark that ends a clause does not continue a number; a sign does.
        let doc = Document::new("t", "In 2015, rates rose 3 % to 4.");
        let p = Prepared::new(&doc);
        let at = |word: &str| (0..p.len()).find(|&i| p.word(i) == word).unwrap();
        assert!(!p.info[at(",")].tagged && !p.info[at(".")].tagged);
        assert!(p.info[at("%")].tagged);
        // A function word in mid-sentence is tagged next to another candidate only.
        let doc = Document::new("t", "Then I went to see World War I films.");
        let p = Prepared::new(&doc);
        let i_at = |nth: usize| (0..p.len()).filter(|&i| p.word(i) == "I").nth(nth).unwrap();
        assert!(!p.info[i_at(0)].tagged && p.info[i_at(1)].tagged);
        // A function word inside a sentence is still a candidate (`The` in a title).
        let doc = Document::new("t", "She read The Times.");
        let p = Prepared::new(&doc);
        assert!(p.info[2].tagged && p.info[3].tagged);
        assert!(!p.info[0].tagged);
    }

    #[test]
    fn the_second_pass_skips_what_it_seldom_changes_at_run_time_only() {
        let doc = Document::new(
            "t",
            "Officials met the Bank of England and Wales. Officials left. Said Hardly, IBM said. \
             Tell Natarajan.",
        );
        let p = Prepared::new(&doc);
        let at = |word: &str| (0..p.len()).find(|&i| p.word(i) == word).unwrap();
        // A first pass that found `Bank`, `England` and `Wales` only.
        let mut first = vec![0u8; p.len()];
        first[at("Bank")] = begin(ORG);
        first[at("England")] = begin(PLACE);
        first[at("Wales")] = begin(PLACE);
        let run_time = DocVotes::new(&p, &first, Scope::RunTime);
        let training = DocVotes::new(&p, &first, Scope::Training);
        // `the` next to a mention, with nothing to its left: only training looks at it.
        assert!(!run_time.wants(&p, at("the"), 0));
        assert!(training.wants(&p, at("the"), 0));
        // `of` after a mention the second pass kept, before a first-pass mention, may join them.
        assert!(run_time.wants(&p, at("of"), begin(ORG)));
        assert!(!run_time.wants(&p, at("of"), 0));
        // `and` before a word the first pass left outside ends the mention either way.
        first[at("Wales")] = 0;
        let without_wales = DocVotes::new(&p, &first, Scope::RunTime);
        assert!(!without_wales.wants(&p, at("and"), begin(PLACE)));
        assert!(run_time.wants(&p, at("and"), begin(PLACE)));
        // `Hardly` in mid-sentence was typed nowhere; `IBM`, in capitals, and `Natarajan`, a
        // rare word, are still looked at.
        assert!(!run_time.wants(&p, at("Hardly"), 0));
        assert!(training.wants(&p, at("Hardly"), 0));
        assert!(run_time.wants(&p, at("IBM"), 0));
        assert!(run_time.wants(&p, at("Natarajan"), 0));
        // `Officials` opens sentences and was typed nowhere.
        assert!(!run_time.wants(&p, at("Officials"), 0));
        assert!(training.wants(&p, at("Officials"), 0));
        assert!(run_time.wants(&p, at("Bank"), 0));
    }

    #[test]
    fn a_part_prepared_with_the_words_of_earlier_parts_is_the_same() {
        let text = "Officials of the Bank of England met. The bank said 3 knots.\n\n".repeat(3)
            + "Later, Ms. Lopez of IBM said the Bank of England and the bank 4 knots.";
        let doc = Document::new("t", &text);
        let parts = doc.parts(64);
        assert!(parts.len() > 2, "{parts:?}");
        let mut cache = WordCache::default();
        for range in parts {
            let warm = Prepared::part_with(&doc, range.clone(), &mut cache);
            let cold = Prepared::part(&doc, range);
            assert_eq!(warm.info, cold.info);
            assert_eq!(warm.tokens, cold.tokens);
            assert_eq!(warm.lower_seen, cold.lower_seen);
            assert_eq!(warm.cap_mid_seen, cold.cap_mid_seen);
        }
        assert!(cache.facts.len() > 10);
    }

    #[test]
    fn the_context_features_are_the_word_and_shape_context_features() {
        let doc = Document::new(
            "t",
            "In London, the Bank of England said 3.5% on Monday.\nIBM",
        );
        let p = Prepared::new(&doc);
        let mut keys = std::collections::HashSet::new();
        for i in 0..p.len() {
            let (mut all, mut parts) = (Vec::new(), Vec::new());
            p.context_features(i, &mut all);
            p.word_context_features(i, &mut parts);
            p.shape_context_features(i, &mut parts);
            all.sort_unstable();
            parts.sort_unstable();
            assert_eq!(all, parts, "{}", p.word(i));
            keys.insert(p.shape_context_key(i));
        }
        // The key tells shape contexts apart.
        assert!(keys.len() > 5);
    }

    #[test]
    fn ascii_affixes_are_the_affixes_by_character() {
        for word in [
            "a",
            "Of",
            "the",
            "IBM",
            "Obama",
            "U.S.",
            "1,700",
            "Washington's",
        ] {
            assert_eq!(affix_hashes(word), affix_hashes_by_char(word), "{word}");
        }
        // Different affixes hash apart.
        let [p2, p3, s2, s3, s4] = affix_hashes("Obama");
        assert_eq!(p2, hash_bytes(b"ob"));
        assert_eq!(s4, hash_bytes(b"bama"));
        assert!(p2 != p3 && s2 != s3 && s3 != s4);
    }

    #[test]
    fn line_counts_follow_the_lines() {
        let doc = Document::new(
            "t",
            "Storm Batters The Coast\nthe NASA and ESA teams met in Paris.\nBut not here",
        );
        let p = Prepared::new(&doc);
        let at = |word: &str| (0..p.len()).find(|&i| p.word(i) == word).unwrap();
        assert_eq!(p.lines.of_token(at("Batters")), (4, 4, 0));
        assert_eq!(p.lines.of_token(at("Paris")), (8, 3, 2));
        assert_eq!(p.lines.of_token(at("here")), (3, 1, 0));
    }
}
