//! The benchmark corpus: real prose repeated to a size, built in memory when a bench starts.
//!
//! The prose is the `text` of every article in `../shared/train-gum/*.json` and
//! `../shared/eval-dev/gold/*.json` (relative to the crate root), joined one article after
//! another with a newline; where that folder is absent (a checkout without `../shared`), the
//! bundled `seeds/*.txt` are used instead. The prose is repeated and cut at a line end to the
//! exact size asked for, so nothing large is ever written to the repository.
//!
//! Shared by `benches/*.rs` and `examples/make_corpus.rs` (through `#[path]`).

#![allow(dead_code)]

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::Bencher;

/// One megabyte, as the figures in `BENCHMARKS.md` count it.
pub const MB: usize = 1_000_000;

/// Where the prose came from and how much of it there is.
pub struct Prose {
    pub text: String,
    pub files: usize,
    pub origin: String,
}

/// Benchmark sizes in MB: 1 and 10, plus 100 when `BRIEF_BENCH_LARGE=1`; or exactly the
/// comma-separated list in `BRIEF_BENCH_SIZES` (e.g. `BRIEF_BENCH_SIZES=100`).
pub fn sizes_mb() -> Vec<usize> {
    if let Ok(list) = std::env::var("BRIEF_BENCH_SIZES") {
        let sizes: Vec<usize> = list
            .split(',')
            .filter_map(|s| s.trim().parse().ok())
            .filter(|&mb| mb > 0)
            .collect();
        if !sizes.is_empty() {
            return sizes;
        }
    }
    if test_mode() {
        return vec![1];
    }
    let mut sizes = vec![1, 10];
    if large_enabled() {
        sizes.push(100);
    }
    sizes
}

/// Whether criterion only checks that each case runs (`cargo test --benches`, `-- --test`,
/// `-- --list`): then only the 1 MB size is set up and nothing is timed ahead of criterion.
pub fn test_mode() -> bool {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let has = |flag: &str| args.iter().any(|a| a == flag);
    !has("--bench") || has("--test") || has("--list")
}

/// Whether the opt-in 100 MB cases run (`BRIEF_BENCH_LARGE=1`).
pub fn large_enabled() -> bool {
    std::env::var("BRIEF_BENCH_LARGE").is_ok_and(|v| !v.is_empty() && v != "0")
}

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The real prose the corpus is made of.
pub fn prose() -> Prose {
    let shared = manifest_dir().join("../shared");
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["train-gum", "eval-dev/gold"] {
        files.extend(sorted_files(&shared.join(dir), "json"));
    }
    let mut texts: Vec<String> = files
        .iter()
        .filter_map(|path| {
            let raw = std::fs::read_to_string(path).ok()?;
            let value: serde_json::Value = serde_json::from_str(&raw).ok()?;
            Some(value.get("text")?.as_str()?.to_string())
        })
        .filter(|t| !t.trim().is_empty())
        .collect();
    let mut origin = shared.display().to_string();
    if texts.is_empty() {
        let seeds = manifest_dir().join("seeds");
        files = sorted_files(&seeds, "txt");
        texts = files
            .iter()
            .filter_map(|p| std::fs::read_to_string(p).ok())
            .filter(|t| !t.trim().is_empty())
            .collect();
        origin = seeds.display().to_string();
    }
    assert!(
        !texts.is_empty(),
        "no prose for the benchmark corpus in ../shared or seeds/"
    );
    let count = texts.len();
    let mut text = String::new();
    for t in texts {
        text.push_str(t.trim_end());
        text.push('\n');
    }
    Prose {
        text,
        files: count,
        origin,
    }
}

fn sorted_files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

/// `prose` repeated to exactly `bytes` bytes, cut at a line end where one is near (else at a
/// char boundary).
pub fn corpus_from(prose: &str, bytes: usize) -> String {
    let mut text = String::with_capacity(bytes + prose.len());
    while text.len() < bytes {
        text.push_str(prose);
    }
    let mut end = bytes.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    if let Some(nl) = text[..end].rfind('\n') {
        if end - nl < 4096 {
            end = nl + 1;
        }
    }
    text.truncate(end);
    text
}

/// The corpus of `mb` megabytes, with a line on stderr saying what it is.
pub fn corpus(prose: &Prose, mb: usize) -> String {
    let text = corpus_from(&prose.text, mb * MB);
    let words = text.split_whitespace().count();
    eprintln!(
        "corpus {mb} MB: {} bytes, {words} words ({} articles of real prose from {}, {} bytes, repeated)",
        text.len(),
        prose.files,
        prose.origin,
        prose.text.len(),
    );
    text
}

/// The clock the benches read: the thread's CPU time (user + system) by default, so that the
/// figures are the work of one core even on a machine busy with other jobs; wall time with
/// `BRIEF_BENCH_CLOCK=wall`.
pub fn now() -> Duration {
    static WALL: OnceLock<bool> = OnceLock::new();
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    let wall = *WALL.get_or_init(|| {
        let wall = std::env::var("BRIEF_BENCH_CLOCK").is_ok_and(|v| v == "wall");
        eprintln!(
            "clock: {}",
            if wall {
                "wall time (BRIEF_BENCH_CLOCK=wall)"
            } else {
                "thread CPU time (BRIEF_BENCH_CLOCK=wall for wall time)"
            }
        );
        wall
    });
    if wall {
        return ORIGIN.get_or_init(Instant::now).elapsed();
    }
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec and the clock id is a constant Linux knows.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(rc, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// `b.iter(f)` on [`now`]'s clock.
pub fn time_iters<O>(b: &mut Bencher<'_, WallTime>, mut f: impl FnMut() -> O) {
    b.iter_custom(|iters| {
        let start = now();
        for _ in 0..iters {
            black_box(f());
        }
        now() - start
    })
}

/// `b.iter_batched(setup, routine, PerIteration)` on [`now`]'s clock: `setup` and dropping
/// the output are not timed.
pub fn time_batched<I, O>(
    b: &mut Bencher<'_, WallTime>,
    mut setup: impl FnMut() -> I,
    mut routine: impl FnMut(I) -> O,
) {
    b.iter_custom(|iters| {
        let mut total = Duration::ZERO;
        for _ in 0..iters {
            let input = setup();
            let start = now();
            let output = black_box(routine(input));
            total += now() - start;
            drop(output);
        }
        total
    })
}

/// Whether the benchmark `id` (`10MB/load`) is selected by the filter on the command line
/// (`cargo bench --bench extraction -- 10MB/load`), so that a bench can skip the setup of
/// cases that will not run. A filter with regex syntax counts as selecting everything.
pub fn selected(id: &str) -> bool {
    const TAKES_VALUE: &[&str] = &[
        "--save-baseline",
        "-s",
        "--baseline",
        "-b",
        "--baseline-lenient",
        "--load-baseline",
        "--color",
        "-c",
        "--format",
        "--output-format",
        "--plotting-backend",
        "--sample-size",
        "--warm-up-time",
        "--measurement-time",
        "--nresamples",
        "--noise-threshold",
        "--confidence-level",
        "--significance-level",
        "--profile-time",
    ];
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut filter = None;
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        if TAKES_VALUE.contains(&arg.as_str()) {
            i += 2;
            continue;
        }
        if !arg.starts_with('-') {
            filter = Some(arg.clone());
            break;
        }
        i += 1;
    }
    match filter {
        None => true,
        Some(f) if f.contains(['^', '$', '*', '+', '?', '(', '[', '|', '\\', '.']) => true,
        Some(f) => id.contains(&f),
    }
}

/// A case slower than this for one run is timed once rather than sampled (criterion wants
/// at least 10 runs); `BRIEF_BENCH_BUDGET` (seconds) changes it.
pub fn budget() -> Duration {
    let secs = std::env::var("BRIEF_BENCH_BUDGET")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(2.0);
    Duration::from_secs_f64(secs)
}

/// Benchmarks `routine` (with an untimed `setup` per run) in `group` as `name`, unless the
/// filter skips it; a first run decides whether it is quick enough to sample: if not, that
/// run is its figure, printed as `ID  timed once: …`.
pub fn case<I, O>(
    group: &mut criterion::BenchmarkGroup<'_, WallTime>,
    group_name: &str,
    bytes: usize,
    name: &str,
    mut setup: impl FnMut() -> I,
    mut routine: impl FnMut(I) -> O,
) {
    let id = format!("{group_name}/{name}");
    if !selected(&id) {
        return;
    }
    if test_mode() {
        group.bench_function(name, |b| time_batched(b, &mut setup, &mut routine));
        return;
    }
    let input = setup();
    let start = now();
    let output = black_box(routine(input));
    let took = now() - start;
    drop(output);
    if took > budget() {
        let rate = if bytes > 0 {
            format!(" = {:.2} MB/s", bytes as f64 / 1e6 / took.as_secs_f64())
        } else {
            String::new()
        };
        println!(
            "{id:<24}timed once: {:.3} s{rate} (over the {:.1} s budget for sampling; BRIEF_BENCH_BUDGET)",
            took.as_secs_f64(),
            budget().as_secs_f64()
        );
        return;
    }
    group.bench_function(name, |b| time_batched(b, &mut setup, &mut routine));
}

/// The speed of spaCy `en_core_web_sm` on one core of this kind of machine, in words per
/// second, as `../shared/eval-dev/README.md` gives it ("about 3,500 words/s"); 3,500 when
/// the file is absent.
pub fn spacy_words_per_second() -> f64 {
    let readme = manifest_dir().join("../shared/eval-dev/README.md");
    std::fs::read_to_string(readme)
        .ok()
        .and_then(|text| {
            let at = text.find(" words/s")?;
            let number: String = text[..at]
                .chars()
                .rev()
                .take_while(|c| c.is_ascii_digit() || *c == ',')
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .filter(|c| *c != ',')
                .collect();
            number.parse().ok()
        })
        .unwrap_or(3500.0)
}
