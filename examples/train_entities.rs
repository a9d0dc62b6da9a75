//! Trains the entity tagger from annotated documents and writes the model file.
//!
//! `cargo run --release --example train_entities -- ../shared/train-gum assets/entities/model.txt`
//!
//! Each input is a JSON file with `text` and `entities` (`start`, `end` byte offsets, `type` one of
//! PERSON, ORG, PLACE, OTHER, QUANTITY, DATE). The first pass is trained on all documents; the
//! second pass learns from first-pass labels produced by models that did not see the document
//! (five-fold jackknife), so it learns how far to trust them.

use std::error::Error;

use brief::extract::entities::features::{
    inside, is_begin, type_of, DocVotes, Prepared, Scope, TYPES,
};
use brief::extract::entities::model::{gold_labels, Model, Trainer, Weights};
use brief::Document;

fn epochs() -> usize {
    std::env::var("EPOCHS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10)
}
const FOLDS: usize = 5;
/// Models averaged per pass.
fn bags() -> usize {
    std::env::var("BAGS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(4)
}
fn min_weight() -> f32 {
    std::env::var("MIN_WEIGHT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.05)
}

struct Example {
    doc: Document,
    spans: Vec<(usize, usize, usize)>,
}

fn load(dir: &str) -> Result<Vec<Example>, Box<dyn Error>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for path in paths {
        let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
        let text = json["text"].as_str().ok_or("no text")?;
        let doc = Document::new(&path.display().to_string(), text);
        if doc.text != text {
            return Err(format!("{}: text changed on loading", path.display()).into());
        }
        let mut spans = Vec::new();
        for e in json["entities"].as_array().into_iter().flatten() {
            let ty = e["type"].as_str().unwrap_or("");
            let (Some(s), Some(en), Some(t)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                TYPES.iter().position(|x| *x == ty),
            ) else {
                continue;
            };
            spans.push((s as usize, en as usize, t));
        }
        out.push(Example { doc, spans });
    }
    Ok(out)
}

/// A fixed shuffle so training is reproducible.
fn order(n: usize, epoch: usize) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64 ^ epoch as u64;
    for i in (1..n).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        idx.swap(i, (state % (i as u64 + 1)) as usize);
    }
    idx
}

/// Several perceptrons trained on different document orders, averaged.
fn train_pass(
    prepared: &[Prepared],
    golds: &[Vec<u8>],
    votes: Option<&[DocVotes]>,
    docs: &[usize],
) -> Weights {
    let parts: Vec<Weights> = (0..bags())
        .map(|seed| train_one(prepared, golds, votes, docs, seed))
        .collect();
    let mut w = Weights::mean(&parts);
    w.prune(min_weight(), min_row());
    w
}

/// Rows whose largest weight is below this are dropped from the model.
fn min_row() -> f32 {
    std::env::var("MIN_ROW")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.5)
}

fn train_one(
    prepared: &[Prepared],
    golds: &[Vec<u8>],
    votes: Option<&[DocVotes]>,
    docs: &[usize],
    seed: usize,
) -> Weights {
    let mut trainer = Trainer::default();
    for epoch in 0..epochs() {
        let (mut right, mut seen) = (0, 0);
        for k in order(docs.len(), epoch + 1000 * (seed + seed_offset())) {
            let d = docs[k];
            let v = votes.map(|v| &v[d]);
            let (r, s) = trainer.train_doc(&prepared[d], v, &golds[d]);
            right += r;
            seen += s;
        }
        eprintln!(
            "  epoch {epoch}: {:.2}% of active tokens",
            100.0 * right as f64 / seen.max(1) as f64
        );
    }
    trainer.finish(min_weight())
}

fn main() -> Result<(), Box<dyn Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(out)) = (args.get(1), args.get(2)) else {
        return Err("usage: train_entities TRAIN_DIR MODEL_OUT".into());
    };
    let examples = load(dir)?;
    let prepared: Vec<Prepared> = examples.iter().map(|e| Prepared::new(&e.doc)).collect();
    let golds: Vec<Vec<u8>> = examples
        .iter()
        .zip(&prepared)
        .map(|(e, p)| gold_labels(p, &e.spans))
        .collect();
    let (joiner_list, inner_list) = joiners(&prepared, &golds);
    for (name, list) in [
        ("joiners.txt", joiner_list),
        ("inner_joiners.txt", inner_list),
    ] {
        let path = std::path::Path::new(out).with_file_name(name);
        std::fs::write(&path, list)?;
        eprintln!("wrote {}", path.display());
    }
    let all: Vec<usize> = (0..examples.len()).collect();
    eprintln!("{} documents; pass 1", examples.len());
    let pass1 = train_pass(&prepared, &golds, None, &all);

    // First-pass labels for each document from a model that never saw it.
    let mut first = vec![Vec::new(); examples.len()];
    for fold in 0..FOLDS {
        eprintln!("fold {fold}");
        let train: Vec<usize> = all.iter().copied().filter(|d| d % FOLDS != fold).collect();
        let model = Model {
            pass1: train_pass(&prepared, &golds, None, &train),
            pass2: Weights::default(),
        };
        for d in all.iter().copied().filter(|d| d % FOLDS == fold) {
            first[d] = model.tag_scoped(&prepared[d], Scope::Training);
        }
    }
    let votes: Vec<DocVotes> = prepared
        .iter()
        .zip(&first)
        .map(|(p, l)| DocVotes::new(p, l, Scope::Training))
        .collect();
    eprintln!("pass 2");
    let pass2 = train_pass(&prepared, &golds, Some(&votes), &all);
    let model = Model { pass1, pass2 };
    eprintln!(
        "features kept: pass 1 {}, pass 2 {}",
        model.pass1.len(),
        model.pass2.len()
    );
    std::fs::write(out, model.write())?;
    Ok(())
}

/// The joiner lists: lowercase words next to a candidate that are inside a gold name at least
/// twice and in at least 1 of 100 such places (the tagger skips the other neighbours), and of
/// those the inner joiners, at the first or last word of fewer than 1 in 10 of those names
/// (`of`, `,`: the tagger scores them only between two words of a possible name).
fn joiners(prepared: &[Prepared], golds: &[Vec<u8>]) -> (String, String) {
    // Word -> (times next to a candidate, times inside a name, times at a name's edge).
    let mut counts: std::collections::HashMap<String, (usize, usize, usize)> = Default::default();
    for (p, gold) in prepared.iter().zip(golds) {
        for (i, (info, &label)) in p.info.iter().zip(gold).enumerate() {
            if info.active && !info.candidate {
                let seen = counts.entry(p.word(i).to_lowercase()).or_default();
                seen.0 += 1;
                if label != 0 {
                    seen.1 += 1;
                    let last = gold.get(i + 1) != Some(&inside(type_of(label)));
                    seen.2 += (is_begin(label) || last) as usize;
                }
            }
        }
    }
    let mut kept: Vec<(&String, &(usize, usize, usize))> = counts
        .iter()
        .filter(|(_, &(seen, named, _))| named >= 2 && named * 100 >= seen)
        .collect();
    kept.sort_by(|a, b| b.1 .1.cmp(&a.1 .1).then(a.0.cmp(b.0)));
    let mut joiners = String::from(
        "# Words the tagger scores next to a capitalized word or number: inside a name at least\n\
         # twice and in 1% of such places in the training data. Written by train_entities.\n",
    );
    let mut inner = String::from(
        "# Joiners at the first or last word of fewer than 1 in 10 of the names they are in, in\n\
         # the training data: the tagger scores them only between two words of a possible name.\n\
         # Written by train_entities.\n",
    );
    for (word, &(seen, named, edge)) in kept {
        joiners.push_str(&format!("{word}\tin a name {named} of {seen} times\n"));
        if edge * 10 < named {
            inner.push_str(&format!("{word}\tat the edge of {edge} of {named} names\n"));
        }
    }
    (joiners, inner)
}

/// Shifts the shuffles (for checking how much the result depends on them).
fn seed_offset() -> usize {
    std::env::var("SEED_OFFSET")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}
