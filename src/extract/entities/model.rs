//! The two-pass averaged perceptron tagger: its definition (scoring, greedy decoding),
//! training, and its file format. [`super::tagger`] runs the embedded model on documents.
#![allow(clippy::needless_range_loop)]

use std::collections::HashMap;
use std::fmt::Write as _;

use super::features::{
    begin, history_features, inside, is_begin, type_of, DocVotes, Prepared, Scope, NUM_LABELS,
    TYPES,
};
use super::hash::NoHashBuilder;

type Row = [f32; NUM_LABELS];
/// Scores as tagging adds them up: weights in thousandths, as the model file stores them.
/// Integer sums do not depend on the order of the additions, so cached partial sums score
/// exactly the same.
pub(super) type IntRow = [i32; NUM_LABELS];

/// One pass's weights: feature hash -> a weight per label. (Tagging documents reads them
/// from [`super::tagger`]'s table of both passes; these serve training and the plain
/// definition of the tagger.)
#[derive(Default)]
pub struct Weights {
    index: HashMap<u64, u32, NoHashBuilder>,
    rows: Vec<Row>,
}

impl Weights {
    /// Adds the weights of `feats`, in thousandths as the model file stores them, to `scores`.
    #[inline]
    pub(super) fn score(&self, feats: &[u64], scores: &mut IntRow) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for (s, w) in scores.iter_mut().zip(&self.rows[r as usize]) {
                    *s += (w * 1000.0).round() as i32;
                }
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
        *self = out;
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// The features that have weights.
    pub fn keys(&self) -> Vec<u64> {
        self.index.keys().copied().collect()
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
        out
    }

    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
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
pub(super) fn continuing(p: &Prepared, i: usize, prev: u8) -> u8 {
    if p.info[i].line_start {
        0
    } else {
        prev
    }
}

#[inline]
pub(super) fn best<T: Copy + PartialOrd>(scores: &[T; NUM_LABELS], prev: u8) -> u8 {
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
pub(super) fn decode<T: Copy + PartialOrd + Default>(
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
///
/// Read byte by byte: the embedded model has about 97,000 lines, read before the first
/// document is tagged, and splitting them with `str` patterns took a third more instructions
/// than all the rest of `brief --json` on an article.
pub(super) fn parse_row(line: &str) -> Option<(u64, IntRow)> {
    let mut parts = line.as_bytes().split(|&b| b == b' ');
    let key = parse_number(parts.next()?, 16)?;
    let mut row = [0i32; NUM_LABELS];
    for part in parts {
        let colon = part.iter().position(|&b| b == b':')?;
        let label = usize::try_from(parse_number(&part[..colon], 10)?).ok()?;
        let (negative, digits) = match &part[colon + 1..] {
            [b'-', rest @ ..] => (true, rest),
            digits => (false, digits),
        };
        let weight = i32::try_from(parse_number(digits, 10)?).ok()?;
        *row.get_mut(label)? = if negative { -weight } else { weight };
    }
    Some((key, row))
}

/// An unsigned number in `radix` (10 or 16, lowercase digits), or `None` for anything else,
/// an empty field or one too large.
fn parse_number(digits: &[u8], radix: u64) -> Option<u64> {
    if digits.is_empty() {
        return None;
    }
    let mut n: u64 = 0;
    for &b in digits {
        let d = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' if radix == 16 => b - b'a' + 10,
            _ => return None,
        };
        n = n.checked_mul(radix)?.checked_add(d as u64)?;
    }
    Some(n)
}

/// The embedded model, as [`Model::write`] wrote it.
pub(super) const MODEL_TEXT: &str = include_str!("../../../assets/entities/model.txt");

impl Model {
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

    #[test]
    fn model_rows_parse_and_bad_ones_do_not() {
        let mut row = [0; NUM_LABELS];
        (row[0], row[3], row[12]) = (1700, -825, 7);
        assert_eq!(
            parse_row("d856e9ae0d2c 0:1700 3:-825 12:7"),
            Some((0xd856e9ae0d2c, row))
        );
        assert_eq!(parse_row("ff"), Some((0xff, [0; NUM_LABELS])));
        for bad in [
            "",
            "xyz 0:1",
            "ff 0:",
            "ff :3",
            "ff 13:1",
            "ff 0:1.5",
            "ff 0-1",
            "ff 0:--1",
            "ff 0:99999999999",
            "1ffffffffffffffff 0:1",
            "ff  0:1",
        ] {
            assert_eq!(parse_row(bad), None, "{bad:?}");
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
