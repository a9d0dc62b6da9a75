//! Rough entity-extraction throughput: `cargo run --release --example entities_speed -- FILES...`
//! concatenates the files (repeated up to about 4 MB) and times `extract_entities` alone.
//! `NO_REPEAT=1` times the files as they are; `RUNS=N` takes the best of N runs (default 3).

use std::time::Instant;

use brief::extract::entities::extract_entities;
use brief::Document;

fn main() {
    let mut text = String::new();
    for path in std::env::args().skip(1) {
        match std::fs::read_to_string(&path) {
            Ok(t) => {
                text.push_str(&t);
                text.push_str("\n\n");
            }
            Err(e) => eprintln!("{path}: {e}"),
        }
    }
    if text.is_empty() {
        text = include_str!("../seeds/tiktok-shop-amazon-douyin.txt").to_string();
    }
    let unit = text.clone();
    while text.len() < 4_000_000 && std::env::var_os("NO_REPEAT").is_none() {
        text.push_str(&unit);
    }
    let doc = Document::new("bench", &text);
    let _ = extract_entities(&Document::new("warm", &unit));
    let start = Instant::now();
    let prepared = brief::extract::entities::features::Prepared::new(&doc);
    let t1 = start.elapsed().as_secs_f64();
    let labels = brief::extract::entities::tagger::Tagger::get().tag(&prepared);
    let t2 = start.elapsed().as_secs_f64();
    let active = prepared.info.iter().filter(|i| i.active).count();
    let tagged = prepared.info.iter().filter(|i| i.tagged).count();
    eprintln!(
        "prepare {t1:.3} s, tag {:.3} s ({} tokens, {active} active, {tagged} tagged)",
        t2 - t1,
        labels.len()
    );
    // The best of several runs: the machine is shared.
    let (mut secs, mut cpu, mut found) = (f64::MAX, f64::MAX, Vec::new());
    let runs: usize = std::env::var("RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for _ in 0..runs {
        let start = Instant::now();
        let cpu0 = cpu_seconds();
        found = extract_entities(&doc);
        secs = secs.min(start.elapsed().as_secs_f64());
        cpu = cpu.min(cpu_seconds() - cpu0);
    }
    if cpu > 0.0 {
        println!(
            "CPU time {cpu:.4} s: {:.1} MB/s of CPU",
            text.len() as f64 / 1e6 / cpu
        );
    }
    println!(
        "{:.1} MB in {:.3} s: {:.1} MB/s ({} entities)",
        text.len() as f64 / 1e6,
        secs,
        text.len() as f64 / 1e6 / secs,
        found.len()
    );
}

/// CPU seconds of this thread (Linux), to see past a busy machine.
fn cpu_seconds() -> f64 {
    // The thread's own CPU time: precise to the microsecond and blind to other processes.
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return 0.0;
    }
    ts.tv_sec as f64 + ts.tv_nsec as f64 / 1e9
}
