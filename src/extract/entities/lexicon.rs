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
    /// Lowercase hashes of English function words (`function_words.txt`).
    pub function_words: HashSet<u64, NoHashBuilder>,
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

/// The hash of a token sequence as the gazetteer keys it.
pub fn phrase_hash(acc: u64, token: &str) -> u64 {
    mix(acc, hash_bytes(token.as_bytes()))
}

impl Lexicon {
    pub fn parse(source: &str) -> Lexicon {
        let mut phrases: HashMap<u64, u16, NoHashBuilder> = HashMap::default();
        let mut zipf: HashMap<u64, u8, NoHashBuilder> = HashMap::default();
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
            let h = toks
                .iter()
                .fold(0, |acc, t| phrase_hash(acc, t.text(phrase)));
            *phrases.entry(h).or_default() |= 1 << bit;
        }
        Lexicon {
            phrases,
            zipf,
            joiners: HashSet::default(),
            function_words: HashSet::default(),
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon {
            joiners: word_set(concat!(
                include_str!("../../../assets/entities/joiners.txt"),
                include_str!("../../../assets/entities/name_particles.txt")
            )),
            function_words: word_set(include_str!("../../../assets/entities/function_words.txt")),
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
