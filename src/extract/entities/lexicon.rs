//! The embedded word lists: gazetteer phrases by category and English word frequencies.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::hash::{hash_bytes, hash_lower, mix, NoHashBuilder};
use super::tokens::tokenize;

/// Gazetteer categories, one bit each.
pub const CATEGORIES: [&str; 12] = [
    "COUNTRY", "CITY", "STATE", "REGION", "FIRST", "LAST", "ORGCUE", "ORG", "TITLE", "DEMONYM",
    "PLACECUE", "ORGCTX",
];
pub const TITLE: u16 = 1 << 8;
pub const DEMONYM: u16 = 1 << 9;
pub const ORGCUE: u16 = 1 << 6;
pub const FIRST: u16 = 1 << 4;
pub const LAST: u16 = 1 << 5;
pub const PLACES: u16 = 0b1111;
pub const ORGCTX: u16 = 1 << 11;
pub const PLACECUE: u16 = 1 << 10;
/// Longest phrase, in tokens, that the gazetteer holds.
pub const MAX_PHRASE: usize = 4;

pub struct Lexicon {
    /// Hash of a phrase's token sequence -> category bits.
    pub phrases: HashMap<u64, u16, NoHashBuilder>,
    /// Lowercase word hash -> Zipf frequency bucket (1..=7).
    pub zipf: HashMap<u64, u8, NoHashBuilder>,
    /// Lowercase hashes of the words names contain between capitalized words
    /// (`joiners.txt`, made by the trainer from the training data).
    pub joiners: HashSet<u64, NoHashBuilder>,
    /// Joiners seldom at the edge of a name (`of`, `,`; `inner_joiners.txt`, made by the
    /// trainer): scored only between two words that may be part of one.
    pub inner_joiners: HashSet<u64, NoHashBuilder>,
    /// Lowercase hashes of English function words (`function_words.txt`).
    pub function_words: HashSet<u64, NoHashBuilder>,
    /// Lowercase hashes of the particles inside names (`van`, `del`; `name_particles.txt`).
    pub name_particles: HashSet<u64, NoHashBuilder>,
    /// The hashes of the first tokens of longer phrases ("New", "New York" of "New York
    /// City"), so a tagger looking for phrases stops at the first token no phrase continues.
    openings: PrefixFilter,
}

/// The lowercase hashes of a word list: a word a line, then optionally a tab and a note;
/// lines starting with `# ` are comments (`#` alone is a word).
fn word_set(source: &str) -> HashSet<u64, NoHashBuilder> {
    source
        .lines()
        .filter(|line| !line.starts_with("# "))
        .map(|line| line.split('\t').next().unwrap_or("").trim())
        .filter(|word| !word.is_empty())
        .map(hash_lower)
        .collect()
}

/// A set of hashes that may answer "yes" for a hash it does not hold but never "no" for one
/// it does: one bit per hash, in a table small enough to stay in the fastest cache, where the
/// phrase map itself would cost a trip to memory for every capitalized word.
struct PrefixFilter {
    bits: Vec<u64>,
}

impl PrefixFilter {
    /// 2^16 bits (8 KB): a few thousand openings leave most bits clear.
    const BITS: u32 = 16;

    fn new() -> PrefixFilter {
        PrefixFilter {
            bits: vec![0; (1 << Self::BITS) / 64],
        }
    }

    /// The bit of a hash: its top bits (the hashes are well mixed).
    fn slot(hash: u64) -> (usize, u64) {
        let bit = (hash >> (64 - Self::BITS)) as usize;
        (bit / 64, 1 << (bit % 64))
    }

    fn insert(&mut self, hash: u64) {
        let (word, mask) = Self::slot(hash);
        self.bits[word] |= mask;
    }

    fn may_contain(&self, hash: u64) -> bool {
        let (word, mask) = Self::slot(hash);
        self.bits[word] & mask != 0
    }
}

/// The hash of a token sequence as the gazetteer keys it.
pub fn phrase_hash(acc: u64, token: &str) -> u64 {
    mix(acc, hash_bytes(token.as_bytes()))
}

impl Lexicon {
    pub fn parse(source: &str) -> Lexicon {
        let mut phrases: HashMap<u64, u16, NoHashBuilder> = HashMap::default();
        let mut zipf: HashMap<u64, u8, NoHashBuilder> = HashMap::default();
        let mut openings = PrefixFilter::new();
        for line in source.lines() {
            let mut parts = line.split('\t');
            let (Some(cat), Some(phrase)) = (parts.next(), parts.next()) else {
                continue;
            };
            if cat == "ZIPF" {
                if let Some(b) = parts.next().and_then(|b| b.parse().ok()) {
                    zipf.insert(hash_lower(phrase), b);
                }
                continue;
            }
            let Some(bit) = CATEGORIES.iter().position(|c| *c == cat) else {
                continue;
            };
            let toks = tokenize(phrase);
            if toks.is_empty() || toks.len() > MAX_PHRASE {
                continue;
            }
            let mut h = 0;
            for (n, t) in toks.iter().enumerate() {
                if n > 0 {
                    openings.insert(h);
                }
                h = phrase_hash(h, t.text(phrase));
            }
            *phrases.entry(h).or_default() |= 1 << bit;
        }
        Lexicon {
            phrases,
            zipf,
            joiners: HashSet::default(),
            inner_joiners: HashSet::default(),
            function_words: HashSet::default(),
            name_particles: HashSet::default(),
            openings,
        }
    }

    /// Whether some phrase may go on after the tokens whose [`phrase_hash`] is `hash`; when
    /// this says no, no longer phrase starts with them.
    pub fn continues(&self, hash: u64) -> bool {
        self.openings.may_contain(hash)
    }

    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            joiners: word_set(concat!(
                include_str!("../../../assets/entities/joiners.txt"),
                include_str!("../../../assets/entities/name_particles.txt")
            )),
            inner_joiners: word_set(include_str!("../../../assets/entities/inner_joiners.txt")),
            function_words: word_set(include_str!("../../../assets/entities/function_words.txt")),
            name_particles: word_set(include_str!("../../../assets/entities/name_particles.txt")),
            ..Lexicon::parse(include_str!("../../../assets/entities/lexicon.txt"))
        })
    }

    /// Category bits of a single word.
    pub fn word(&self, word: &str) -> u16 {
        self.phrases
            .get(&phrase_hash(0, word))
            .copied()
            .unwrap_or(0)
    }
}
