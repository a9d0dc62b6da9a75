//! The tagger as it runs on a document: the embedded model's two passes in one table, and a
//! decoder that adds up as few weights per token as it can.
//!
//! [`super::model`] holds the model's definition and its training; this module must label
//! every token exactly as [`super::model::Model::tag_scoped`] would with the same weights (a
//! test checks it).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::features::{
    label_features, word_history_features, DocVotes, Prepared, Scope, NUM_LABELS,
};
use super::hash::NoHashBuilder;
use super::model::{best, continuing, decode, parse_row, IntRow, MODEL_TEXT};

/// Which pass of the tagger: the first, or the second that also sees the first's labels.
pub type Pass = usize;

/// One feature's weights in both passes, side by side in one cache line: a feature looked up
/// for the first pass costs the second nothing more.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    key: u64,
    /// The weights in thousandths, when they fit in 16 bits.
    rows: [[i16; NUM_LABELS]; 2],
    /// Otherwise (a few hundred features of the model), where they are in [`Joint::wide`],
    /// plus one (0, as in a new table: the weights are here).
    wide: u32,
}

const NARROW: u32 = 0;

/// The weights of both passes: an open-addressing table keyed by feature hash.
#[derive(Default)]
pub struct Joint {
    slots: Vec<Slot>,
    /// 16 bits of each slot's key, probed first: small enough to stay in the core's cache, so
    /// the features the model does not know seldom cost a trip to memory.
    fingerprints: Vec<u16>,
    wide: Vec<[IntRow; 2]>,
    len: usize,
}

#[inline]
fn fingerprint(key: u64) -> u16 {
    ((key >> 48) as u16) | 1
}

impl Joint {
    /// An empty table with room for `features` (at most half full, so that probes are short).
    fn with_room(features: usize) -> Joint {
        let size = (features * 2).next_power_of_two().max(16);
        Joint {
            slots: vec![
                Slot {
                    key: 0,
                    rows: [[0; NUM_LABELS]; 2],
                    wide: NARROW,
                };
                size
            ],
            fingerprints: vec![0; size],
            wide: Vec::new(),
            len: 0,
        }
    }

    /// The slot of `key`, if the table has it.
    #[inline(always)]
    fn find(&self, key: u64) -> Option<&Slot> {
        let mask = self.slots.len().wrapping_sub(1);
        if self.slots.is_empty() {
            return None;
        }
        let print = fingerprint(key);
        let mut at = (key as usize) & mask;
        loop {
            let seen = self.fingerprints[at];
            if seen == 0 {
                return None;
            }
            if seen == print && self.slots[at].key == key {
                return Some(&self.slots[at]);
            }
            at = (at + 1) & mask;
        }
    }

    /// Sets the weights of `key` in `pass`.
    fn insert(&mut self, key: u64, pass: Pass, row: IntRow) {
        if (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let print = fingerprint(key);
        let mut at = (key as usize) & mask;
        loop {
            let seen = self.fingerprints[at];
            if seen == 0 {
                self.fingerprints[at] = print;
                self.slots[at].key = key;
                self.len += 1;
                break;
            }
            if seen == print && self.slots[at].key == key {
                break;
            }
            at = (at + 1) & mask;
        }
        let slot = &mut self.slots[at];
        let narrow = row.map(|v| i16::try_from(v).ok());
        if slot.wide == NARROW && narrow.iter().all(Option::is_some) {
            slot.rows[pass] = narrow.map(|v| v.unwrap_or_default());
            return;
        }
        if slot.wide == NARROW {
            slot.wide = self.wide.len() as u32 + 1;
            self.wide.push(slot.rows.map(|r| r.map(i32::from)));
        }
        self.wide[slot.wide as usize - 1][pass] = row;
    }

    /// Twice the room, the same weights.
    fn grow(&mut self) {
        let old = std::mem::replace(self, Joint::with_room(self.slots.len().max(8)));
        self.wide = old.wide;
        let mask = self.slots.len() - 1;
        for (slot, &print) in old.slots.iter().zip(&old.fingerprints) {
            if print == 0 {
                continue;
            }
            let mut at = (slot.key as usize) & mask;
            while self.fingerprints[at] != 0 {
                at = (at + 1) & mask;
            }
            self.fingerprints[at] = print;
            self.slots[at] = *slot;
            self.len += 1;
        }
    }

    /// Adds the weights of `feats` in `pass` to `scores`.
    #[inline]
    pub fn score(&self, pass: Pass, feats: &[u64], scores: &mut IntRow) {
        for &f in feats {
            if let Some(slot) = self.find(f) {
                self.add(slot, pass, scores);
            }
        }
    }

    /// Adds the weights of `feats` in the first pass to `first` and in the second to `second`.
    #[inline]
    pub fn score_both(&self, feats: &[u64], first: &mut IntRow, second: &mut IntRow) {
        for &f in feats {
            if let Some(slot) = self.find(f) {
                self.add(slot, 0, first);
                self.add(slot, 1, second);
            }
        }
    }

    #[inline(always)]
    fn add(&self, slot: &Slot, pass: Pass, scores: &mut IntRow) {
        if slot.wide == NARROW {
            for (s, &w) in scores.iter_mut().zip(&slot.rows[pass]) {
                *s += i32::from(w);
            }
        } else {
            for (s, w) in scores
                .iter_mut()
                .zip(&self.wide[slot.wide as usize - 1][pass])
            {
                *s += w;
            }
        }
    }

    /// How many features have weights in either pass.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Reads the model text ([`super::model::Model::write`]).
    fn parse(source: &str) -> Option<Joint> {
        let mut lines = source.lines();
        if !lines.next()?.starts_with("brief-entities 1") {
            return None;
        }
        let mut joint = Joint::default();
        let mut pass = None;
        for line in lines {
            if let Some(rest) = line.strip_prefix("pass ") {
                pass = Some(if rest.starts_with('1') { 0 } else { 1 });
                // Room for the first pass's rows: the second shares most of their features,
                // and the table grows if it does not.
                if joint.slots.is_empty() {
                    let rows = rest.split_once(' ')?.1.parse().ok()?;
                    joint = Joint::with_room(rows);
                }
                continue;
            }
            let (key, row) = parse_row(line)?;
            joint.insert(key, pass?, row);
        }
        Some(joint)
    }
}

/// The scores of each word's own features ([`Prepared::own_word_features`]) in both passes,
/// kept from part to part of a document: working out a word's shape and affixes and adding
/// up their weights takes longer than looking the sum up.
#[derive(Default)]
struct WordScores {
    /// [`Prepared::word_key`] -> the scores in pass 1 and pass 2.
    rows: HashMap<u64, [IntRow; 2], NoHashBuilder>,
    feats: Vec<u64>,
}

/// How many words [`WordScores`] keeps: enough for the tagged words of a long book, few
/// enough that a huge document of ever new numbers cannot grow it without end.
const MAX_WORD_SCORES: usize = 1 << 16;

impl WordScores {
    /// The score of token `i`'s own word features in `pass`.
    fn of(&mut self, joint: &Joint, pass: Pass, p: &Prepared, i: usize) -> IntRow {
        let key = p.word_key(i);
        if let Some(rows) = self.rows.get(&key) {
            return rows[pass];
        }
        self.feats.clear();
        p.own_word_features(i, &mut self.feats);
        let [mut first, mut second] = [[0; NUM_LABELS]; 2];
        joint.score_both(&self.feats, &mut first, &mut second);
        if self.rows.len() < MAX_WORD_SCORES {
            self.rows.insert(key, [first, second]);
        }
        [first, second][pass]
    }
}

/// What the tagger keeps from part to part of a document: the scores of what it has seen,
/// and its working memory (used again, not allocated anew for each part).
#[derive(Default)]
pub struct TagMemory {
    words: WordScores,
    /// [`Prepared::shape_context_key`] -> the scores of the shape context in both passes.
    shapes: HashMap<u64, [IntRow; 2], NoHashBuilder>,
    /// What the first pass over a part leaves the second besides its labels: the tokens it
    /// scored, in order, with the second pass's scores of their label-free context (added up
    /// while the first pass had those weights in hand).
    context: Vec<(u32, IntRow)>,
    /// Per pass and part: [`Prepared::word_key`] -> the scores of the word's features.
    by_word: HashMap<u64, IntRow, NoHashBuilder>,
}

/// How many shape contexts [`TagMemory`] keeps (a few thousand in prose).
const MAX_SHAPES: usize = 1 << 16;

/// The embedded model, ready to tag.
pub struct Tagger {
    joint: Joint,
}

impl Tagger {
    /// The embedded model, read once.
    pub fn get() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| Tagger {
            joint: Joint::parse(MODEL_TEXT).unwrap_or_default(),
        })
    }

    /// The weights of both passes.
    pub fn weights(&self) -> &Joint {
        &self.joint
    }

    /// BIO labels for every token (0 = outside).
    pub fn tag(&self, p: &Prepared) -> Vec<u8> {
        self.tag_part(p, &mut TagMemory::default())
    }

    /// [`Tagger::tag`] for one part of a document, with what earlier parts worked out.
    pub fn tag_part(&self, p: &Prepared, memory: &mut TagMemory) -> Vec<u8> {
        memory.context.clear();
        let first = self.decode_cached(0, p, None, memory);
        let votes = DocVotes::new(p, &first, Scope::RunTime);
        self.decode_cached(1, p, Some(&votes), memory)
    }

    /// The same labels as [`Tagger::tag`], scoring every feature of every token afresh: the
    /// plain definition ([`super::model::Model::tag_scoped`]) the cached decoder must agree
    /// with.
    pub fn tag_uncached(&self, p: &Prepared) -> Vec<u8> {
        let scope = Scope::RunTime;
        let joint = &self.joint;
        let first = decode(p, None, scope, |_, _, g, _| g, &|f, s| joint.score(0, f, s));
        let votes = DocVotes::new(p, &first, scope);
        decode(p, Some(&votes), scope, |_, _, g, _| g, &|f, s| {
            joint.score(1, f, s)
        })
    }

    /// Greedy decoding like [`decode`], adding up fewer weights per token:
    /// - the word-local features of each distinct word (and its place), with the first
    ///   pass's votes on it, are scored once per part (their part-independent share once per
    ///   document, in [`WordScores`]);
    /// - each shape context once per document for both passes, and the other label-free
    ///   context features once for both passes, by the first;
    /// - the features of the two previous labels once per label pair.
    // `i` is the token everything here is about, not just an index into `labels`.
    #[allow(clippy::needless_range_loop)]
    fn decode_cached(
        &self,
        pass: Pass,
        p: &Prepared,
        votes: Option<&DocVotes>,
        memory: &mut TagMemory,
    ) -> Vec<u8> {
        let joint = &self.joint;
        let mut feats = Vec::with_capacity(64);
        let mut by_labels = vec![[0i32; NUM_LABELS]; NUM_LABELS * NUM_LABELS];
        for prev in 0..NUM_LABELS {
            for prev2 in 0..NUM_LABELS {
                feats.clear();
                label_features(prev as u8, prev2 as u8, &mut feats);
                joint.score(pass, &feats, &mut by_labels[prev * NUM_LABELS + prev2]);
            }
        }
        let TagMemory {
            words,
            shapes,
            context,
            by_word,
        } = memory;
        by_word.clear();
        let mut labels = vec![0u8; p.len()];
        // Where the second pass is in the first pass's list of tokens.
        let mut next_carried = 0;
        let (mut prev, mut prev2) = (0u8, 0u8);
        for i in 0..p.len() {
            if !p.scored(i, Scope::RunTime) || votes.is_some_and(|v| !v.wants(p, i, prev)) {
                prev2 = prev;
                prev = 0;
                continue;
            }
            let mut scores = *by_word.entry(p.word_key(i)).or_insert_with(|| {
                let mut row = words.of(joint, pass, p, i);
                feats.clear();
                p.part_word_features(i, &mut feats);
                if let Some(v) = votes {
                    v.word_features(p, i, &mut feats);
                }
                joint.score(pass, &feats, &mut row);
                row
            });
            let shape_key = p.shape_context_key(i);
            let around = match shapes.get(&shape_key) {
                Some(rows) => rows[pass],
                None => {
                    let mut rows = [[0; NUM_LABELS]; 2];
                    feats.clear();
                    p.shape_context_features(i, &mut feats);
                    let [first, second] = &mut rows;
                    joint.score_both(&feats, first, second);
                    if shapes.len() < MAX_SHAPES {
                        shapes.insert(shape_key, rows);
                    }
                    rows[pass]
                }
            };
            for (s, v) in scores.iter_mut().zip(&around) {
                *s += v;
            }
            if pass == 0 {
                let mut later = [0; NUM_LABELS];
                feats.clear();
                p.word_context_features(i, &mut feats);
                joint.score_both(&feats, &mut scores, &mut later);
                context.push((i as u32, later));
            } else {
                // The second pass scores only tokens the first scored.
                while context[next_carried].0 < i as u32 {
                    next_carried += 1;
                }
                for (s, v) in scores.iter_mut().zip(&context[next_carried].1) {
                    *s += v;
                }
            }
            feats.clear();
            word_history_features(p, i, prev, &mut feats);
            if let Some(v) = votes {
                v.label_features(p, i, &mut feats);
            }
            joint.score(pass, &feats, &mut scores);
            let pair = &by_labels[prev as usize * NUM_LABELS + prev2 as usize];
            for (s, v) in scores.iter_mut().zip(pair) {
                *s += v;
            }
            let label = best(&scores, continuing(p, i, prev));
            labels[i] = label;
            prev2 = prev;
            prev = label;
        }
        labels
    }
}

#[cfg(test)]
mod tests {
    use super::super::features::{begin, inside, ORG, PERSON, PLACE};
    use super::super::model::Model;
    use super::*;
    use crate::document::Document;

    #[test]
    fn embedded_model_loads_and_tags() {
        let tagger = Tagger::get();
        assert!(tagger.weights().len() > 1000);
        let doc = Document::new(
            "t",
            "Visit to Kenya\nOn Monday, Barack Obama visited Kenya with officials from the United Nations.",
        );
        let p = Prepared::new(&doc);
        let labels = tagger.tag(&p);
        let words: Vec<(&str, u8)> = (0..p.len()).map(|i| (p.word(i), labels[i])).collect();
        let expect = [
            ("Kenya", begin(PLACE)),
            ("Monday", 11),
            ("Barack", begin(PERSON)),
            ("Obama", inside(PERSON)),
            ("visited", 0),
            ("Kenya", begin(PLACE)),
            ("officials", 0),
            ("United", begin(ORG)),
            ("Nations", inside(ORG)),
        ];
        for (w, l) in expect {
            assert!(words.contains(&(w, l)), "{w} {l}: {words:?}");
        }
    }

    #[test]
    fn cached_decoding_matches_the_plain_definition() {
        let tagger = Tagger::get();
        let model = Model::parse(MODEL_TEXT).expect("parses");
        let texts = [
            include_str!("../../../seeds/tiktok-shop-amazon-douyin.txt").to_string(),
            "WASHINGTON (AP) - Sen. Maria Lopez met the U.S. Trade Representative in Geneva.\n\n\
             Lopez said the World Trade Organization (WTO) would meet on 3 March 2025 in Geneva."
                .to_string(),
        ];
        for text in texts {
            let doc = Document::new("t", &text);
            let p = Prepared::new(&doc);
            let labels = tagger.tag(&p);
            assert_eq!(labels, tagger.tag_uncached(&p));
            assert_eq!(labels, model.tag_scoped(&p, Scope::RunTime));
        }
    }

    #[test]
    fn the_joint_table_holds_both_passes_of_every_feature() {
        let model = Model::parse(MODEL_TEXT).expect("parses");
        let joint = Tagger::get().weights();
        let mut keys = model.pass1.keys();
        keys.extend(model.pass2.keys());
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(joint.len(), keys.len());
        let mut wide = 0;
        for (pass, weights) in [&model.pass1, &model.pass2].into_iter().enumerate() {
            for &key in &keys {
                let (mut x, mut y) = ([0; NUM_LABELS], [0; NUM_LABELS]);
                weights.score(&[key], &mut x);
                joint.score(pass, &[key], &mut y);
                assert_eq!(x, y, "{key:x} in pass {}", pass + 1);
                wide += x.iter().any(|v| i16::try_from(*v).is_err()) as usize;
            }
        }
        // The model has rows too wide for 16 bits, so the wide path is tested.
        assert!(wide > 0);
    }

    #[test]
    fn a_row_too_wide_for_sixteen_bits_keeps_the_other_pass() {
        let mut joint = Joint::with_room(1);
        let mut narrow = [0; NUM_LABELS];
        narrow[1] = -7;
        let mut wide = [0; NUM_LABELS];
        wide[2] = 100_000;
        joint.insert(42, 0, narrow);
        joint.insert(42, 1, wide);
        let (mut a, mut b) = ([0; NUM_LABELS], [0; NUM_LABELS]);
        joint.score_both(&[42, 43], &mut a, &mut b);
        assert_eq!((a, b), (narrow, wide));
        assert_eq!(joint.len(), 1);
        // Growing keeps every weight.
        for key in 100..200 {
            joint.insert(key, (key % 2) as usize, narrow);
        }
        let (mut a, mut b) = ([0; NUM_LABELS], [0; NUM_LABELS]);
        joint.score_both(&[42], &mut a, &mut b);
        assert_eq!((a, b), (narrow, wide));
        assert!(joint.slots.len() >= 2 * joint.len());
    }
}
