//! The reader's costs over real prose at 1 MB and 10 MB (and 100 MB with
//! `BRIEF_BENCH_LARGE=1`), on a 100x30 screen rendered into a ratatui `Buffer`:
//!
//! - `first_frame`: `App::new` + `Resize` + render, from a loaded document with its briefing
//!   already built; `first_frame_empty_briefing` the same with `Briefing::default()` (the UI
//!   alone, as `brief` opens a large file while the briefing is built in the background);
//!   `open_to_first_frame`: `Document::from_bytes` + that (bytes in memory to first screen).
//! - `briefing_arrives`: `App::set_briefing` + render, when the background briefing lands.
//! - `key_page_down_{start,middle,end}`: one `PageDown` + render, the view put back where it
//!   was before every iteration (rows already wrapped: the steady cost of a key).
//! - `key_page_down_sweep`: `PageDown` + render again and again through the document, every
//!   page new (rows wrapped for the first time), back to the top at the end.
//! - `key_bottom` / `key_top`: `G` from the top and `g` from the bottom + render.
//! - `key_next_mention`, `key_next_event`: `n` with the most-mentioned entity selected and
//!   `]`, each + render, when the briefing has entities or a timeline.
//!
//! The briefing is built by the extractors at every size (about 10 s at 100 MB);
//! `BRIEF_BENCH_TILED=1` tiles it instead: the briefing of one copy of the prose repeated at
//! every copy (see [`tiled_briefing`]).
//!
//! ```text
//! cargo bench --bench render                     # 1 MB and 10 MB
//! cargo bench --bench render -- key_             # keypresses only
//! BRIEF_BENCH_SIZES=100 cargo bench --bench render   # 100 MB only (or BRIEF_BENCH_LARGE=1)
//! ```

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use brief::briefing::Stats;
use brief::ui::{self, Action, App, Pane};
use brief::{build_briefing, Briefing, BriefingOptions, Document, Span, TimelineItem};
use common::time_batched;
use criterion::measurement::WallTime;
use criterion::{Bencher, BenchmarkGroup, Criterion, SamplingMode};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;

fn screen() -> Rect {
    Rect::new(0, 0, WIDTH, HEIGHT)
}

/// The briefing of a corpus made by building the briefing of one copy of the prose and
/// repeating what it found at every copy: what the extractors find on the repeated text,
/// without their cost. Used with `BRIEF_BENCH_TILED=1`; by default the real briefing is built.
fn tiled_briefing(prose: &str, doc: &Document) -> Briefing {
    let unit = build_briefing(&Document::new("prose", prose), BriefingOptions::default());
    let (step, len) = (prose.len(), doc.text.len());
    let copies = len.div_ceil(step);
    let shift = |s: Span, i: usize| Span::new(s.start + i * step, s.end + i * step);
    let fits = |s: &Span| s.end <= len;
    let mut briefing = unit.clone();
    for (entity, unit) in briefing.entities.iter_mut().zip(&unit.entities) {
        entity.mentions = (0..copies)
            .flat_map(|i| unit.mentions.iter().map(move |&m| shift(m, i)))
            .filter(fits)
            .collect();
    }
    briefing.timeline = unit
        .timeline
        .iter()
        .flat_map(|item| {
            (0..copies).map(move |i| TimelineItem {
                span: shift(item.span, i),
                sentence: shift(item.sentence, i),
                ..item.clone()
            })
        })
        .filter(|item| fits(&item.sentence))
        .collect();
    briefing.quotes = (0..copies)
        .flat_map(|i| {
            unit.quotes.iter().map(move |q| {
                let mut q = q.clone();
                q.span = shift(q.span, i);
                q.nested.iter_mut().for_each(|n| *n = shift(*n, i));
                if let Some(speaker) = q.speaker.as_mut() {
                    speaker.span = shift(speaker.span, i);
                }
                q
            })
        })
        .filter(|q| fits(&q.span) && q.speaker.as_ref().is_none_or(|s| fits(&s.span)))
        .collect();
    briefing.stats = Stats {
        bytes: len,
        words: doc.word_count(),
        sentences: doc.sentences().len(),
        paragraphs: doc.paragraphs.len(),
    };
    briefing
}

/// The first screen: a new app, sized, drawn once.
fn first_frame(doc: Arc<Document>, briefing: Briefing) -> (App, Buffer) {
    let mut app = App::new(doc, briefing);
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    let mut buf = Buffer::empty(screen());
    ui::render(&app, screen(), &mut buf);
    (app, buf)
}

/// One keypress as the event loop does it: update, then a fresh frame.
fn key(app: &mut App, buf: &mut Buffer, action: Action) {
    app.update(action);
    buf.reset();
    ui::render(app, screen(), buf);
}

/// Times `action` + render from the same view every iteration (`prepare` puts it back, untimed).
fn bench_key_from(
    b: &mut Bencher<'_, WallTime>,
    app: &mut App,
    buf: &mut Buffer,
    action: Action,
    prepare: impl Fn(&mut App),
) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            prepare(app);
            let start = common::now();
            key(app, buf, action);
            total += common::now() - start;
            black_box(&*buf);
        }
        total
    })
}

fn slow_group(group: &mut BenchmarkGroup<'_, WallTime>, mb: usize) {
    group.sampling_mode(SamplingMode::Flat);
    group.sample_size(10);
    group.warm_up_time(Duration::from_millis(500));
    group.measurement_time(Duration::from_secs(if mb >= 100 { 8 } else { 3 }));
}

/// The cases of one size, in the order they run.
const CASES: &[&str] = &[
    "first_frame",
    "first_frame_empty_briefing",
    "open_to_first_frame",
    "briefing_arrives",
    "key_page_down_start",
    "key_page_down_middle",
    "key_page_down_end",
    "key_page_down_sweep",
    "key_next_mention",
    "key_next_event",
    "key_bottom",
    "key_top",
];

fn bench_size(c: &mut Criterion, prose: &common::Prose, mb: usize) {
    if !CASES
        .iter()
        .any(|case| common::selected(&format!("{mb}MB/{case}")))
    {
        return;
    }
    let text = common::corpus(prose, mb);
    let bytes = text.as_bytes().to_vec();
    let doc = Arc::new(Document::from_string("corpus", text));
    let started = Instant::now();
    let tiled = std::env::var("BRIEF_BENCH_TILED").is_ok_and(|v| v != "0");
    let briefing = if tiled {
        tiled_briefing(&prose.text, &doc)
    } else {
        build_briefing(&doc, BriefingOptions::default())
    };
    let mentions: usize = briefing.entities.iter().map(|e| e.mentions.len()).sum();
    eprintln!(
        "briefing {mb} MB {} in {:.2?}: {} entities ({mentions} mentions), {} timeline items, {} quotes",
        if tiled { "tiled from one copy of the prose" } else { "built" },
        started.elapsed(),
        briefing.entities.len(),
        briefing.timeline.len(),
        briefing.quotes.len()
    );

    // ----- first frame
    let mut group = c.benchmark_group(format!("{mb}MB"));
    if mb >= 10 {
        slow_group(&mut group, mb);
    } else {
        group.sample_size(20);
        group.warm_up_time(Duration::from_millis(500));
        group.measurement_time(Duration::from_secs(2));
    }
    group.bench_function("first_frame", |b| {
        time_batched(
            b,
            || (Arc::clone(&doc), briefing.clone()),
            |(doc, briefing)| first_frame(doc, briefing),
        )
    });
    group.bench_function("first_frame_empty_briefing", |b| {
        time_batched(
            b,
            || Arc::clone(&doc),
            |doc| first_frame(doc, Briefing::default()),
        )
    });
    group.bench_function("open_to_first_frame", |b| {
        time_batched(
            b,
            || bytes.clone(),
            |bytes| {
                let loaded = Document::from_bytes("corpus", bytes);
                first_frame(Arc::new(loaded.document), Briefing::default())
            },
        )
    });
    group.bench_function("briefing_arrives", |b| {
        time_batched(
            b,
            || {
                (
                    first_frame(Arc::clone(&doc), Briefing::default()),
                    briefing.clone(),
                )
            },
            |((mut app, mut buf), briefing)| {
                app.set_briefing(briefing);
                buf.reset();
                ui::render(&app, screen(), &mut buf);
                (app, buf)
            },
        )
    });
    group.finish();
    drop(bytes);

    // ----- keypresses
    let (mut app, mut buf) = first_frame(Arc::clone(&doc), briefing);
    let len = app.doc.text.len();
    let top = app.text.top;
    app.scroll_to(len / 2);
    let middle = app.text.top;
    app.scroll_to(len);
    let end = app.text.top;
    app.text.top = top;

    let mut group = c.benchmark_group(format!("{mb}MB"));
    group.sample_size(30);
    group.warm_up_time(Duration::from_millis(300));
    group.measurement_time(Duration::from_secs(2));
    for (name, at) in [
        ("key_page_down_start", top),
        ("key_page_down_middle", middle),
        ("key_page_down_end", end),
    ] {
        group.bench_function(name, |b| {
            bench_key_from(b, &mut app, &mut buf, Action::PageDown, |app| {
                app.text.top = at
            })
        });
    }
    app.text.top = top;
    group.bench_function("key_page_down_sweep", |b| {
        bench_key_from(b, &mut app, &mut buf, Action::PageDown, |app| {
            if app.text.top == end {
                app.text.top = top;
            }
        })
    });
    app.text.top = top;
    if !app.briefing.entities.is_empty() {
        app.update(Action::Focus(Pane::Entities));
        app.update(Action::Down);
        group.bench_function("key_next_mention", |b| {
            bench_key_from(b, &mut app, &mut buf, Action::NextMatch, |_| {})
        });
        app.update(Action::Cancel);
        app.update(Action::Focus(Pane::Text));
        app.text.top = top;
    }
    if !app.briefing.timeline.is_empty() {
        group.bench_function("key_next_event", |b| {
            bench_key_from(b, &mut app, &mut buf, Action::NextEvent, |app| {
                if app.timeline.cursor.selected == Some(app.briefing.timeline.len() - 1) {
                    app.timeline.cursor.selected = None;
                }
            })
        });
        app.timeline.cursor.selected = None;
        app.text.top = top;
    }
    group.bench_function("key_bottom", |b| {
        bench_key_from(b, &mut app, &mut buf, Action::Bottom, |app| {
            app.text.top = top
        })
    });
    group.bench_function("key_top", |b| {
        bench_key_from(b, &mut app, &mut buf, Action::Top, |app| app.text.top = end)
    });
    group.finish();
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let prose = common::prose();
    for mb in common::sizes_mb() {
        bench_size(&mut c, &prose, mb);
    }
    c.final_summary();
}
