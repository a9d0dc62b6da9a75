//! The two-pass averaged perceptron tagger: scoring, greedy decoding, training, and its file format.
#![allow(clippy::needless_range_loop)]

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::OnceLock;

use super::features::{
    begin, history_features, inside, is_begin, label_features, type_of, word_history_features,
    DocVotes, Prepared, Scope, NUM_LABELS, TYPES,
};
use super::hash::NoHashBuilder;

type Row = [f32; NUM_LABELS];
/// Scores at run time: weights in thousandths, as the model file stores them. Integer sums do
/// not depend on the order of the additions, so cached partial sums score exactly the same.
type IntRow = [i32; NUM_LABELS];

/// One pass's weights: feature hash -> a weight per label.
#[derive(Default)]
pub struct Weights {
    index: HashMap<u64, u32, NoHashBuilder>,
    rows: Vec<Row>,
    /// The same weights in an open-addressing table, key and row in one cache line, for scoring.
    table: Vec<Slot>,
    /// 16 bits of each slot's key, probed first: this array is small enough to stay in the
    /// core's cache, so the many features the model does not know seldom cost a trip to
    /// memory. A match is confirmed against the slot's whole key.
    fingerprints: Vec<u16>,
    /// How many features have weights.
    len: usize,
}

#[inline]
fn fingerprint(key: u64) -> u16 {
    ((key >> 48) as u16) | 1
}

#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct Slot {
    key: u64,
    row: IntRow,
}

impl Weights {
    #[inline]
    fn score(&self, feats: &[u64], scores: &mut IntRow) {
        let mask = self.table.len().wrapping_sub(1);
        if self.table.is_empty() {
            return;
        }
        for &f in feats {
            let print = fingerprint(f);
            let mut at = (f as usize) & mask;
            loop {
                let seen = self.fingerprints[at];
                if seen == 0 {
                    break;
                }
                if seen == print {
                    let slot = &self.table[at];
                    if slot.key == f {
                        for (s, w) in scores.iter_mut().zip(&slot.row) {
                            *s += w;
                        }
                        break;
                    }
                }
                at = (at + 1) & mask;
            }
        }
    }

    /// Drops rows whose largest weight is below `min_row`, and zeroes weights below `min`:
    /// a smaller model that scores almost the same.
    pub fn prune(&mut self, min: f32, min_row: f32) {
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        keys.sort_unstable();
        let mut out = Weights::default();
        for (k, r) in keys {
            let mut row = self.rows[r as usize];
            let max = row.iter().fold(0f32, |m, v| m.max(v.abs()));
            if max < min_row {
                continue;
            }
            for v in row.iter_mut() {
                if v.abs() < min {
                    *v = 0.0;
                }
            }
            out.index.insert(k, out.rows.len() as u32);
            out.rows.push(row);
        }
        out.freeze();
        *self = out;
    }

    /// Builds the scoring table from the index. Up to four fifths full: the extra probes are
    /// mostly in the small fingerprint array, and a smaller table is less memory to touch
    /// (the embedded model's tables are 4 MB each instead of 8: 4.6 MB less peak RSS on a
    /// 1 MB file, for about 1% more tagging time).
    fn freeze(&mut self) {
        self.clear_table(self.rows.len());
        let index = std::mem::take(&mut self.index);
        for (&key, &r) in &index {
            let row = self.rows[r as usize].map(|v| (v * 1000.0).round() as i32);
            self.insert_scored(key, row);
        }
        self.index = index;
    }

    /// An empty scoring table with room for `features`.
    fn clear_table(&mut self, features: usize) {
        let size = (features * 5 / 4 + 1).next_power_of_two().max(16);
        self.fingerprints = vec![0u16; size];
        self.table = vec![
            Slot {
                key: 0,
                row: [0; NUM_LABELS]
            };
            size
        ];
        self.len = 0;
    }

    /// Adds a feature's weights to the scoring table (which must have room).
    fn insert_scored(&mut self, key: u64, row: IntRow) {
        if key == 0 || self.len + 1 >= self.table.len() {
            return;
        }
        let mask = self.table.len() - 1;
        let mut at = (key as usize) & mask;
        while self.fingerprints[at] != 0 {
            at = (at + 1) & mask;
        }
        self.fingerprints[at] = fingerprint(key);
        self.table[at] = Slot { key, row };
        self.len += 1;
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// The mean of several weight tables (models trained on different orders agree better
    /// than any one of them; the mean of linear models scores like their average).
    pub fn mean(parts: &[Weights]) -> Weights {
        let mut out = Weights::default();
        let k = parts.len().max(1) as f32;
        for part in parts {
            for (&key, &r) in &part.index {
                let row = *out.index.entry(key).or_insert_with(|| {
                    out.rows.push([0.0; NUM_LABELS]);
                    (out.rows.len() - 1) as u32
                });
                for (o, v) in out.rows[row as usize]
                    .iter_mut()
                    .zip(&part.rows[r as usize])
                {
                    *o += v / k;
                }
            }
        }
        out.freeze();
        out
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

/// The tagger: a first pass over local features, a second that also sees the first's votes.
#[derive(Default)]
pub struct Model {
    pub pass1: Weights,
    pub pass2: Weights,
}

/// Labels that may follow `prev`: `I-x` only continues `B-x` or `I-x`.
#[inline]
pub fn allowed(prev: u8, label: u8) -> bool {
    label == 0 || is_begin(label) || (prev != 0 && type_of(prev) == type_of(label))
}

/// The label a mention could continue from: none across a line break.
#[inline]
fn continuing(p: &Prepared, i: usize, prev: u8) -> u8 {
    if p.info[i].line_start {
        0
    } else {
        prev
    }
}

#[inline]
fn best<T: Copy + PartialOrd>(scores: &[T; NUM_LABELS], prev: u8) -> u8 {
    let mut best = 0u8;
    let mut best_score: Option<T> = None;
    for (l, &s) in scores.iter().enumerate() {
        if allowed(prev, l as u8) && best_score.is_none_or(|b| s > b) {
            best = l as u8;
            best_score = Some(s);
        }
    }
    best
}

/// All features of token `i` given the labels to its left.
pub fn token_features(
    p: &Prepared,
    votes: Option<&DocVotes>,
    i: usize,
    prev: u8,
    prev2: u8,
    out: &mut Vec<u64>,
) {
    out.clear();
    p.static_features(i, out);
    history_features(p, i, prev, prev2, out);
    if let Some(v) = votes {
        v.features(p, i, out);
    }
}

/// Greedy left-to-right decoding; `choose` sees each active token's features and the best
/// label and returns the label to keep (training uses it to learn).
fn decode<T: Copy + PartialOrd + Default>(
    p: &Prepared,
    votes: Option<&DocVotes>,
    scope: Scope,
    mut choose: impl FnMut(usize, &[u64], u8, u8) -> u8,
    weights: &dyn Fn(&[u64], &mut [T; NUM_LABELS]),
) -> Vec<u8> {
    let mut labels = vec![0u8; p.len()];
    let mut feats = Vec::with_capacity(96);
    let (mut prev, mut prev2) = (0u8, 0u8);
    for i in 0..p.len() {
        if !p.scored(i, scope) || votes.is_some_and(|v| !v.wants(p, i, prev)) {
            prev2 = prev;
            prev = 0;
            continue;
        }
        token_features(p, votes, i, prev, prev2, &mut feats);
        let mut scores = [T::default(); NUM_LABELS];
        weights(&feats, &mut scores);
        let guess = best(&scores, continuing(p, i, prev));
        let label = choose(i, &feats, guess, prev);
        labels[i] = label;
        prev2 = prev;
        prev = label;
    }
    labels
}

/// One line of the model text: a feature hash and its weights in thousandths.
fn parse_row(line: &str) -> Option<(u64, IntRow)> {
    let mut parts = line.split(' ');
    let key = u64::from_str_radix(parts.next()?, 16).ok()?;
    let mut row = [0i32; NUM_LABELS];
    for part in parts {
        let (l, v) = part.split_once(':')?;
        let l: usize = l.parse().ok()?;
        *row.get_mut(l)? = v.parse().ok()?;
    }
    Some((key, row))
}

/// The scores of each word's own features ([`Prepared::own_word_features`]) in both passes,
/// kept from part to part of a document: working out a word's shape and affixes and adding
/// up their weights takes longer than looking the sum up. Both passes are scored when a word
/// first comes up, so its features are worked out once.
#[derive(Default)]
pub struct WordScores {
    /// [`Prepared::word_key`] -> the scores in pass 1 and pass 2.
    rows: HashMap<u64, [IntRow; 2], NoHashBuilder>,
    feats: Vec<u64>,
}

/// How many words [`WordScores`] keeps: enough for the tagged words of a long book, few
/// enough that a huge document of ever new numbers cannot grow it without end.
const MAX_WORD_SCORES: usize = 1 << 16;

impl WordScores {
    /// The score of token `i`'s own word features in pass `pass` (0 or 1) of `model`.
    fn of(&mut self, model: &Model, pass: usize, p: &Prepared, i: usize) -> IntRow {
        let key = p.word_key(i);
        if let Some(rows) = self.rows.get(&key) {
            return rows[pass];
        }
        self.feats.clear();
        p.own_word_features(i, &mut self.feats);
        let mut rows = [[0; NUM_LABELS]; 2];
        model.pass1.score(&self.feats, &mut rows[0]);
        model.pass2.score(&self.feats, &mut rows[1]);
        if self.rows.len() < MAX_WORD_SCORES {
            self.rows.insert(key, rows);
        }
        rows[pass]
    }
}

/// Greedy decoding like [`decode`], adding up fewer weights per token: the word-local
/// features of each distinct word (and its place), with the first pass's votes on it, are
/// scored once per part (their part-independent share once per document, in `words`), and
/// the features of the two previous labels once per label pair.
fn decode_cached(
    model: &Model,
    pass: usize,
    p: &Prepared,
    votes: Option<&DocVotes>,
    words: &mut WordScores,
) -> Vec<u8> {
    let w = if pass == 0 {
        &model.pass1
    } else {
        &model.pass2
    };
    let mut feats = Vec::with_capacity(64);
    let mut by_labels = vec![[0i32; NUM_LABELS]; NUM_LABELS * NUM_LABELS];
    for prev in 0..NUM_LABELS {
        for prev2 in 0..NUM_LABELS {
            feats.clear();
            label_features(prev as u8, prev2 as u8, &mut feats);
            w.score(&feats, &mut by_labels[prev * NUM_LABELS + prev2]);
        }
    }
    let mut by_word: HashMap<u64, IntRow, NoHashBuilder> = HashMap::default();
    let mut by_shapes: HashMap<u64, IntRow, NoHashBuilder> = HashMap::default();
    let mut labels = vec![0u8; p.len()];
    let (mut prev, mut prev2) = (0u8, 0u8);
    for i in 0..p.len() {
        if !p.scored(i, Scope::RunTime) || votes.is_some_and(|v| !v.wants(p, i, prev)) {
            prev2 = prev;
            prev = 0;
            continue;
        }
        let mut scores = *by_word.entry(p.word_key(i)).or_insert_with(|| {
            let mut row = words.of(model, pass, p, i);
            feats.clear();
            p.part_word_features(i, &mut feats);
            if let Some(v) = votes {
                v.word_features(p, i, &mut feats);
            }
            w.score(&feats, &mut row);
            row
        });
        let around = by_shapes.entry(p.shape_context_key(i)).or_insert_with(|| {
            let mut row = [0; NUM_LABELS];
            feats.clear();
            p.shape_context_features(i, &mut feats);
            w.score(&feats, &mut row);
            row
        });
        for (s, v) in scores.iter_mut().zip(around.iter()) {
            *s += v;
        }
        feats.clear();
        p.word_context_features(i, &mut feats);
        word_history_features(p, i, prev, &mut feats);
        if let Some(v) = votes {
            v.label_features(p, i, &mut feats);
        }
        w.score(&feats, &mut scores);
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

const MODEL_TEXT: &str = include_str!("../../../assets/entities/model.txt");

impl Model {
    /// The embedded model, parsed once (scoring tables only).
    pub fn get() -> &'static Model {
        static MODEL: OnceLock<Model> = OnceLock::new();
        MODEL.get_or_init(|| Model::parse_for_scoring(MODEL_TEXT).unwrap_or_default())
    }

    /// BIO labels for every token (0 = outside).
    pub fn tag(&self, p: &Prepared) -> Vec<u8> {
        self.tag_part(p, &mut WordScores::default())
    }

    /// [`Model::tag`] for one part of a document, with what earlier parts worked out about
    /// their words.
    pub fn tag_part(&self, p: &Prepared, words: &mut WordScores) -> Vec<u8> {
        let first = decode_cached(self, 0, p, None, words);
        if self.pass2.is_empty() {
            return first;
        }
        let votes = DocVotes::new(p, &first, Scope::RunTime);
        decode_cached(self, 1, p, Some(&votes), words)
    }

    /// The same labels as [`Model::tag`], scoring every feature of every token afresh: the
    /// plain definition the cached decoder must agree with.
    pub fn tag_uncached(&self, p: &Prepared) -> Vec<u8> {
        self.tag_scoped(p, Scope::RunTime)
    }

    /// Labels for the tokens of `scope` (training tags with [`Scope::Training`]).
    pub fn tag_scoped(&self, p: &Prepared, scope: Scope) -> Vec<u8> {
        let first = decode(p, None, scope, |_, _, g, _| g, &|f, s| {
            self.pass1.score(f, s)
        });
        if self.pass2.is_empty() {
            return first;
        }
        let votes = DocVotes::new(p, &first, scope);
        decode(p, Some(&votes), scope, |_, _, g, _| g, &|f, s| {
            self.pass2.score(f, s)
        })
    }

    /// Reads the text format into scoring tables only, without the index and rows that
    /// training and [`Model::write`] need: less memory at start-up and after.
    fn parse_for_scoring(source: &str) -> Option<Model> {
        let mut model = Model::default();
        let mut lines = source.lines();
        if !lines.next()?.starts_with("brief-entities 1") {
            return None;
        }
        let mut current: Option<&mut Weights> = None;
        for line in lines {
            if let Some(rest) = line.strip_prefix("pass ") {
                let (pass, count) = rest.split_once(' ')?;
                let weights = if pass == "1" {
                    &mut model.pass1
                } else {
                    &mut model.pass2
                };
                weights.clear_table(count.parse().ok()?);
                current = Some(weights);
                continue;
            }
            let (key, row) = parse_row(line)?;
            current.as_deref_mut()?.insert_scored(key, row);
        }
        Some(model)
    }

    /// Reads the text format written by [`Model::write`].
    pub fn parse(source: &str) -> Option<Model> {
        let mut model = Model::default();
        let mut lines = source.lines();
        let header = lines.next()?;
        if !header.starts_with("brief-entities 1") {
            return None;
        }
        let mut current: Option<&mut Weights> = None;
        for line in lines {
            if let Some(rest) = line.strip_prefix("pass ") {
                current = Some(if rest.starts_with('1') {
                    &mut model.pass1
                } else {
                    &mut model.pass2
                });
                continue;
            }
            let w = current.as_deref_mut()?;
            let (key, row) = parse_row(line)?;
            w.index.insert(key, w.rows.len() as u32);
            w.rows.push(row.map(|v| v as f32 / 1000.0));
        }
        model.pass1.freeze();
        model.pass2.freeze();
        Some(model)
    }

    /// The text format: a header, then per pass `hash label:weight*1000 ...` lines.
    pub fn write(&self) -> String {
        let mut out = format!(
            "brief-entities 1 labels={NUM_LABELS} types={}\n",
            TYPES.join(",")
        );
        for (n, w) in [(1, &self.pass1), (2, &self.pass2)] {
            let _ = writeln!(out, "pass {n} {}", w.rows.len());
            let mut keys: Vec<_> = w.index.iter().collect();
            keys.sort();
            for (k, &r) in keys {
                let _ = write!(out, "{k:x}");
                for (l, v) in w.rows[r as usize].iter().enumerate() {
                    let q = (v * 1000.0).round() as i32;
                    if q != 0 {
                        let _ = write!(out, " {l}:{q}");
                    }
                }
                out.push('\n');
            }
        }
        out
    }
}

/// Averaged perceptron training for one pass.
#[derive(Default)]
pub struct Trainer {
    index: HashMap<u64, usize, NoHashBuilder>,
    w: Vec<Row>,
    total: Vec<Row>,
    stamp: Vec<[u32; NUM_LABELS]>,
    clock: u32,
}

impl Trainer {
    fn score(&self, feats: &[u64], scores: &mut Row) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.w[r]) {
                    *s += w;
                }
            }
        }
    }

    fn update(&mut self, feats: &[u64], gold: u8, guess: u8) {
        for &f in feats {
            let r = *self.index.entry(f).or_insert_with(|| {
                self.w.push([0.0; NUM_LABELS]);
                self.total.push([0.0; NUM_LABELS]);
                self.stamp.push([0; NUM_LABELS]);
                self.w.len() - 1
            });
            for (l, delta) in [(gold as usize, 1.0), (guess as usize, -1.0)] {
                let elapsed = (self.clock - self.stamp[r][l]) as f32;
                self.total[r][l] += elapsed * self.w[r][l];
                self.stamp[r][l] = self.clock;
                self.w[r][l] += delta;
            }
        }
    }

    /// One pass over a document, learning from each mistake; returns (correct, total).
    pub fn train_doc(
        &mut self,
        p: &Prepared,
        votes: Option<&DocVotes>,
        gold: &[u8],
    ) -> (usize, usize) {
        let mut right = 0;
        let mut seen = 0;
        // Each update must land before the next token is scored, so the loop is spelled out here.
        let mut feats = Vec::with_capacity(96);
        let (mut prev, mut prev2) = (0u8, 0u8);
        for i in 0..p.len() {
            if !p.scored(i, Scope::Training) || votes.is_some_and(|v| !v.wants(p, i, prev)) {
                prev2 = prev;
                prev = 0;
                continue;
            }
            self.clock += 1;
            token_features(p, votes, i, prev, prev2, &mut feats);
            let mut scores = [0f32; NUM_LABELS];
            self.score(&feats, &mut scores);
            let guess = best(&scores, continuing(p, i, prev));
            seen += 1;
            if guess == gold[i] {
                right += 1;
            } else {
                self.update(&feats, gold[i], guess);
            }
            prev2 = prev;
            prev = guess;
        }
        (right, seen)
    }

    /// Labels from the current (not averaged) weights.
    pub fn tag(&self, p: &Prepared, votes: Option<&DocVotes>) -> Vec<u8> {
        decode(p, votes, Scope::Training, |_, _, g, _| g, &|f, s| {
            self.score(f, s)
        })
    }

    /// Averaged weights, dropping those smaller than `min` in magnitude.
    pub fn finish(&self, min: f32) -> Weights {
        let mut out = Weights::default();
        let clock = self.clock.max(1) as f32;
        let mut keys: Vec<_> = self.index.iter().collect();
        keys.sort();
        for (&k, &r) in keys {
            let mut row = [0f32; NUM_LABELS];
            for l in 0..NUM_LABELS {
                let total =
                    self.total[r][l] + (self.clock - self.stamp[r][l]) as f32 * self.w[r][l];
                let v = total / clock;
                row[l] = if v.abs() >= min { v } else { 0.0 };
            }
            if row.iter().any(|v| (v * 1000.0).round() != 0.0) {
                out.index.insert(k, out.rows.len() as u32);
                out.rows.push(row);
            }
        }
        out.freeze();
        out
    }
}

/// Gold BIO labels from entity byte spans `(start, end, type index)`; spans that do not fall on
/// token boundaries are skipped.
pub fn gold_labels(p: &Prepared, spans: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut labels = vec![0u8; p.len()];
    for &(start, end, ty) in spans {
        let first = p.tokens.partition_point(|t| t.start < start);
        let mut last = first;
        while last < p.len() && p.tokens[last].end <= end {
            last += 1;
        }
        if first >= p.len() || p.tokens[first].start != start || last == first {
            continue;
        }
        if p.tokens[last - 1].end != end {
            continue;
        }
        if labels[first..last].iter().any(|&l| l != 0) {
            continue;
        }
        labels[first] = begin(ty);
        for l in &mut labels[first + 1..last] {
            *l = inside(ty);
        }
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;

    #[test]
    fn embedded_model_loads_and_tags() {
        let model = Model::get();
        assert!(model.pass1.len() > 1000 && model.pass2.len() > 1000);
        let doc = Document::new(
            "t",
            "Visit to Kenya\nOn Monday, Barack Obama visited Kenya with officials from the United Nations.",
        );
        let p = Prepared::new(&doc);
        let labels = model.tag(&p);
        let words: Vec<(&str, u8)> = (0..p.len()).map(|i| (p.word(i), labels[i])).collect();
        use super::super::features::{ORG, PERSON, PLACE};
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
        let model = Model::get();
        let texts = [
            include_str!("../../../seeds/tiktok-shop-amazon-douyin.txt").to_string(),
            "WASHINGTON (AP) - Sen. Maria Lopez met the U.S. Trade Representative in Geneva.\n\n\
             Lopez said the World Trade Organization (WTO) would meet on 3 March 2025 in Geneva."
                .to_string(),
        ];
        for text in texts {
            let doc = Document::new("t", &text);
            let p = Prepared::new(&doc);
            assert_eq!(model.tag(&p), model.tag_uncached(&p));
        }
    }

    #[test]
    fn scoring_tables_hold_every_feature_of_the_model_text() {
        let full = Model::parse(MODEL_TEXT).expect("parses");
        let scoring = Model::get();
        assert_eq!(scoring.pass1.len(), full.pass1.len());
        assert_eq!(scoring.pass2.len(), full.pass2.len());
        for (a, b) in [(&full.pass1, &scoring.pass1), (&full.pass2, &scoring.pass2)] {
            for &key in a.index.keys().take(2000) {
                let (mut x, mut y) = ([0; NUM_LABELS], [0; NUM_LABELS]);
                a.score(&[key], &mut x);
                b.score(&[key], &mut y);
                assert_eq!(x, y);
            }
        }
    }

    #[test]
    fn model_text_round_trips() {
        let model = Model::parse(MODEL_TEXT).expect("parses");
        let again = Model::parse(&model.write()).expect("parses");
        assert_eq!(again.pass1.len(), model.pass1.len());
        assert_eq!(again.pass2.len(), model.pass2.len());
    }
}
