//! Loading and extraction over real prose at 1 MB and 10 MB (and 100 MB with
//! `BRIEF_BENCH_LARGE=1`), as throughput in bytes per second:
//!
//! - `load`: `Document::from_bytes` (UTF-8 check, normalizing, paragraphs);
//! - `sentences`: sentence splitting (lazy: the first extractor that asks pays for it);
//! - `entities`, `timeline`, `quotes`, `word_count`: each step of the briefing on its own;
//! - `briefing`: `build_briefing` on a freshly loaded document, sentence splitting included
//!   (what the background thread of `brief` does, and `--json` after loading);
//! - `load_and_briefing`: both, from bytes in memory.
//!
//! ```text
//! cargo bench --bench extraction                      # 1 MB and 10 MB, about two minutes
//! cargo bench --bench extraction -- 10MB/briefing     # one case
//! BRIEF_BENCH_LARGE=1 cargo bench --bench extraction -- 100MB
//! BRIEF_BENCH_SIZES=100 cargo bench --bench extraction   # only the sizes listed
//! ```
//!
//! See `BENCHMARKS.md` for the figures and `benches/common/mod.rs` for the corpus.

mod common;

use std::time::Duration;

use brief::document::split_sentences;
use brief::extract::entities::extract_entities;
use brief::extract::quotes::extract_quotes;
use brief::extract::timeline::{extract_timeline, find_document_date};
use brief::{build_briefing, BriefingOptions, Document};
use common::{case, selected};
use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, SamplingMode, Throughput};

fn configure(group: &mut BenchmarkGroup<'_, WallTime>, mb: usize) {
    if mb >= 10 {
        // One iteration takes tens of milliseconds to seconds: few samples, flat sampling.
        group.sampling_mode(SamplingMode::Flat);
        group.sample_size(10);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(if mb >= 100 { 10 } else { 4 }));
    } else {
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(3));
    }
}

/// The cases of one size, in the order they run.
const CASES: &[&str] = &[
    "load",
    "sentences",
    "entities",
    "timeline",
    "quotes",
    "word_count",
    "briefing",
    "load_and_briefing",
];

fn bench_size(c: &mut Criterion, prose: &common::Prose, mb: usize) {
    if !CASES.iter().any(|case| selected(&format!("{mb}MB/{case}"))) {
        return;
    }
    let text = common::corpus(prose, mb);
    let bytes = text.as_bytes().to_vec();
    let doc = Document::from_string("corpus", text);
    // A document as `load` leaves it: sentences not split yet (they are split on first use).
    let fresh = || Document::from_string("corpus", doc.text.clone());
    let date = find_document_date(&doc);

    let mut group = c.benchmark_group(format!("{mb}MB"));
    configure(&mut group, mb);
    group.throughput(Throughput::BytesDecimal(bytes.len() as u64));

    let name = format!("{mb}MB");
    let n = bytes.len();
    case(
        &mut group,
        &name,
        n,
        "load",
        || bytes.clone(),
        |bytes| Document::from_bytes("corpus", bytes),
    );
    case(
        &mut group,
        &name,
        n,
        "sentences",
        || (),
        |()| {
            doc.paragraphs
                .iter()
                .flat_map(|&p| split_sentences(&doc.text, p))
                .collect::<Vec<_>>()
        },
    );
    // The extractors on a document whose sentences are split already.
    doc.sentences();
    case(
        &mut group,
        &name,
        n,
        "entities",
        || (),
        |()| extract_entities(&doc),
    );
    case(
        &mut group,
        &name,
        n,
        "timeline",
        || (),
        |()| extract_timeline(&doc, date),
    );
    if selected(&format!("{name}/quotes")) {
        let entities = extract_entities(&doc);
        case(
            &mut group,
            &name,
            n,
            "quotes",
            || (),
            |()| extract_quotes(&doc, &entities),
        );
    }
    case(
        &mut group,
        &name,
        n,
        "word_count",
        || (),
        |()| doc.word_count(),
    );
    // The whole briefing from a freshly loaded document, sentence splitting included: the work
    // of `brief`'s background thread, and of `--json` after the load.
    case(&mut group, &name, n, "briefing", fresh, |doc| {
        build_briefing(&doc, BriefingOptions::default())
    });
    // Bytes in memory to briefing: `load` + `briefing`.
    case(
        &mut group,
        &name,
        n,
        "load_and_briefing",
        || bytes.clone(),
        |bytes| {
            let doc = Document::from_bytes("corpus", bytes).document;
            build_briefing(&doc, BriefingOptions::default())
        },
    );
    group.finish();

    if selected(&format!("{name}/briefing")) {
        // Side by side with the statistical peer, in the same run: one more briefing, timed.
        let doc = fresh();
        let start = common::now();
        let briefing = build_briefing(&doc, BriefingOptions::default());
        let took = common::now() - start;
        let words = briefing.stats.words as f64;
        let (words_per_s, mb_per_s) = (
            words / took.as_secs_f64(),
            n as f64 / 1e6 / took.as_secs_f64(),
        );
        let spacy = common::spacy_words_per_second();
        println!(
            "{name}/briefing vs spaCy: brief {words_per_s:.0} words/s ({mb_per_s:.2} MB/s) in {:.3} s; \
             spaCy en_core_web_sm about {spacy:.0} words/s: {:.0}x",
            took.as_secs_f64(),
            words_per_s / spacy
        );
        println!(
            "{name}/briefing found {} words, {} sentences, {} entities, {} timeline items, {} quotes",
            briefing.stats.words,
            briefing.stats.sentences,
            briefing.entities.len(),
            briefing.timeline.len(),
            briefing.quotes.len()
        );
    }
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let prose = common::prose();
    for mb in common::sizes_mb() {
        bench_size(&mut c, &prose, mb);
    }
    c.final_summary();
}
