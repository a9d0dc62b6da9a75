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
use common::{time_batched, time_iters};
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

fn bench_size(c: &mut Criterion, prose: &common::Prose, mb: usize) {
    let text = common::corpus(prose, mb);
    let bytes = text.as_bytes().to_vec();
    let doc = Document::from_string("corpus", text);
    // A document as `load` leaves it: sentences not split yet (they are split on first use).
    let fresh = || Document::from_string("corpus", doc.text.clone());
    let date = find_document_date(&doc);

    let mut group = c.benchmark_group(format!("{mb}MB"));
    configure(&mut group, mb);
    group.throughput(Throughput::BytesDecimal(bytes.len() as u64));

    group.bench_function("load", |b| {
        time_batched(
            b,
            || bytes.clone(),
            |bytes| Document::from_bytes("corpus", bytes),
        )
    });
    group.bench_function("sentences", |b| {
        time_iters(b, || {
            doc.paragraphs
                .iter()
                .flat_map(|&p| split_sentences(&doc.text, p))
                .collect::<Vec<_>>()
        })
    });
    // The extractors on a document whose sentences are split already.
    doc.sentences();
    group.bench_function("entities", |b| time_iters(b, || extract_entities(&doc)));
    group.bench_function("timeline", |b| {
        time_iters(b, || extract_timeline(&doc, date))
    });
    let entities = extract_entities(&doc);
    group.bench_function("quotes", |b| {
        time_iters(b, || extract_quotes(&doc, &entities))
    });
    group.bench_function("word_count", |b| time_iters(b, || doc.word_count()));
    // The whole briefing from a freshly loaded document, sentence splitting included: the work
    // of `brief`'s background thread, and of `--json` after the load.
    group.bench_function("briefing", |b| {
        time_batched(b, fresh, |doc| {
            build_briefing(&doc, BriefingOptions::default())
        })
    });
    // Bytes in memory to briefing: `load` + `briefing`.
    group.bench_function("load_and_briefing", |b| {
        time_batched(
            b,
            || bytes.clone(),
            |bytes| {
                let doc = Document::from_bytes("corpus", bytes).document;
                build_briefing(&doc, BriefingOptions::default())
            },
        )
    });
    group.finish();

    let briefing = build_briefing(&doc, BriefingOptions::default());
    eprintln!(
        "briefing {mb} MB: {} words, {} sentences, {} entities, {} timeline items, {} quotes",
        briefing.stats.words,
        briefing.stats.sentences,
        briefing.entities.len(),
        briefing.timeline.len(),
        briefing.quotes.len()
    );
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let prose = common::prose();
    for mb in common::sizes_mb() {
        bench_size(&mut c, &prose, mb);
    }
    c.final_summary();
}
