//! Rough entity-extraction throughput: `cargo run --release --example entities_speed -- FILES...`
//! concatenates the files (repeated up to about 4 MB) and times `extract_entities` alone.

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
    while text.len() < 4_000_000 {
        text.push_str(&unit);
    }
    let doc = Document::new("bench", &text);
    let _ = extract_entities(&Document::new("warm", &unit));
    let start = Instant::now();
    let prepared = brief::extract::entities::features::Prepared::new(&doc);
    let t1 = start.elapsed().as_secs_f64();
    let labels = brief::extract::entities::model::Model::get().tag(&prepared);
    let t2 = start.elapsed().as_secs_f64();
    let active = prepared.info.iter().filter(|i| i.active).count();
    eprintln!(
        "prepare {t1:.3} s, tag {:.3} s ({} tokens, {active} active)",
        t2 - t1,
        labels.len()
    );
    let start = Instant::now();
    let cpu0 = cpu_seconds();
    let found = extract_entities(&doc);
    let secs = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu0;
    if cpu > 0.0 {
        println!(
            "CPU time {cpu:.3} s: {:.1} MB/s of CPU",
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

/// User plus system CPU seconds of this process (Linux), to see past a busy machine.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let Some(rest) = stat.rsplit(')').next() else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}
