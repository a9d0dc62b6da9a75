//! Loading and extraction over real prose at 1 MB and 10 MB (and 100 MB with
//! `BRIEF_BENCH_LARGE=1`): `Document::from_bytes`, each extractor, and the whole briefing, as
//! throughput in bytes per second.
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

use brief::extract::entities::extract_entities;
use brief::extract::quotes::extract_quotes;
use brief::extract::timeline::extract_timeline;
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
    let doc = Document::new("corpus", &text);
    drop(text);

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
    group.bench_function("entities", |b| time_iters(b, || extract_entities(&doc)));
    group.bench_function("timeline", |b| {
        time_iters(b, || extract_timeline(&doc, None))
    });
    let entities = extract_entities(&doc);
    group.bench_function("quotes", |b| {
        time_iters(b, || extract_quotes(&doc, &entities))
    });
    group.bench_function("briefing", |b| {
        time_iters(b, || build_briefing(&doc, BriefingOptions::default()))
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
