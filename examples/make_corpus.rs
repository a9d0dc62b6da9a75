//! Writes the benchmark corpus (real prose repeated to a size) to a file, for measurements
//! outside criterion such as `benches/peak_rss.sh`.
//!
//! `cargo run --release --example make_corpus -- 100 /tmp/brief-100mb.txt` (size in MB).

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(mb), Some(out)) = (args.next(), args.next()) else {
        eprintln!("usage: make_corpus MEGABYTES OUTPUT");
        std::process::exit(2);
    };
    let Ok(mb) = mb.parse::<usize>() else {
        eprintln!("make_corpus: '{mb}' is not a whole number of megabytes");
        std::process::exit(2);
    };
    let text = common::corpus(&common::prose(), mb);
    if let Err(e) = std::fs::write(&out, text) {
        eprintln!("make_corpus: {out}: {e}");
        std::process::exit(1);
    }
}
