//! One pass over the benchmark corpus (or a file), timing each phase once: where the time of
//! loading, extracting and drawing goes at a given size. A coarse profile to go with the
//! criterion figures; times are the thread's CPU time (wall time in brackets).
//!
//! `cargo run --release --example phases -- 100` (MB of the corpus) or `-- path/to/file.txt`;
//! add `--no-briefing` to time only loading and the first frame.

#[path = "../benches/common/mod.rs"]
mod common;

use std::sync::Arc;
use std::time::{Duration, Instant};

use brief::ui::{self, Action, App};
use brief::{build_briefing_with_progress, Briefing, BriefingOptions, Document, Stage};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

struct Timer {
    bytes: usize,
}

impl Timer {
    /// A phase timed elsewhere (CPU time only).
    fn report(&self, name: &str, cpu: Duration) {
        let rate = self.bytes as f64 / 1e6 / cpu.as_secs_f64().max(1e-9);
        println!(
            "{name:<34} {:>10.2} ms  [{:>9} ms]  {:>9.1} MB/s",
            ms(cpu),
            "-",
            rate
        );
    }

    fn time<T>(&self, name: &str, f: impl FnOnce() -> T) -> T {
        let (cpu, wall) = (common::now(), Instant::now());
        let out = f();
        let (cpu, wall) = (common::now() - cpu, wall.elapsed());
        let rate = self.bytes as f64 / 1e6 / cpu.as_secs_f64().max(1e-9);
        println!(
            "{name:<34} {:>10.2} ms  [{:>9.2} ms]  {:>9.1} MB/s",
            ms(cpu),
            ms(wall),
            rate
        );
        out
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let arg = std::env::args().nth(1).unwrap_or_else(|| "100".into());
    let bytes = match arg.parse::<usize>() {
        Ok(mb) => common::corpus(&common::prose(), mb).into_bytes(),
        Err(_) => std::fs::read(&arg).unwrap_or_else(|e| panic!("{arg}: {e}")),
    };
    let t = Timer { bytes: bytes.len() };
    println!(
        "{} bytes; phase                      cpu ms         [wall ms]      MB/s",
        bytes.len()
    );
    let copy = bytes.clone();
    let doc = t.time("load: Document::from_bytes", || {
        Document::from_bytes("corpus", copy).document
    });
    t.time("  (str::from_utf8 alone)", || {
        std::str::from_utf8(&bytes).is_ok()
    });
    t.time("sentences (split on first use)", || doc.sentences().len());
    drop(bytes);
    if std::env::args().any(|a| a == "--no-briefing") {
        // Only what the first screen needs (e.g. for a huge file the extractors take minutes on).
        let mut app = t.time("first frame (empty briefing): App::new", || {
            App::new(Arc::new(doc.clone()), Briefing::default())
        });
        t.time("first frame (empty briefing): Resize 100x30", || {
            app.update(Action::Resize {
                width: 100,
                height: 30,
            })
        });
        let area = Rect::new(0, 0, 100, 30);
        let mut buf = Buffer::empty(area);
        t.time("first frame (empty briefing): render", || {
            ui::render(&app, area, &mut buf)
        });
        return;
    }

    // One briefing, its stages timed through the progress callback (no stage runs twice).
    let mut marks: Vec<(Stage, Duration)> = Vec::new();
    let start = common::now();
    let briefing = build_briefing_with_progress(&doc, BriefingOptions::default(), &mut |p| {
        if marks.last().is_none_or(|(stage, _)| *stage != p.stage) {
            marks.push((p.stage, common::now()))
        }
    });
    let total = common::now() - start;
    let mut previous = ("find_document_date", start);
    for (stage, at) in marks {
        t.report(&format!("  briefing: {}", previous.0), at - previous.1);
        previous = (
            match stage {
                Stage::Entities => "entities",
                Stage::Timeline => "timeline (+ date entities)",
                Stage::Quotes => "quotes + word count",
                Stage::Done => "done",
            },
            at,
        );
    }
    t.report("build_briefing (all)", total);
    println!(
        "  {} words, {} sentences, {} entities, {} timeline items, {} quotes",
        briefing.stats.words,
        briefing.stats.sentences,
        briefing.entities.len(),
        briefing.timeline.len(),
        briefing.quotes.len()
    );
    t.time("--json (serialize to a sink)", || {
        serde_json::to_writer_pretty(std::io::sink(), &briefing.to_json(&doc))
    })
    .expect("serialize");
    let area = Rect::new(0, 0, 100, 30);
    for (name, briefing) in [
        ("first frame (empty briefing)", Briefing::default()),
        ("first frame (briefing)", briefing),
    ] {
        let doc = Arc::new(doc.clone());
        let mut app = t.time(&format!("{name}: App::new"), || App::new(doc, briefing));
        t.time(&format!("{name}: Resize 100x30"), || {
            app.update(Action::Resize {
                width: 100,
                height: 30,
            })
        });
        let mut buf = Buffer::empty(area);
        t.time(&format!("{name}: render"), || {
            ui::render(&app, area, &mut buf)
        });
    }
}
