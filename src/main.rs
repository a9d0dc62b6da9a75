use std::process::ExitCode;

use brief::document::{load_path, LoadOptions};
use brief::{build_briefing, BriefingOptions, CalendarDate};
use clap::Parser;

#[derive(Parser, Debug)]
#[command(name = "brief", version, about = "Read a news article in the terminal with a briefing beside it")]
struct Cli {
    /// The article to open (a UTF-8 text file, or - for standard input)
    path: Option<String>,
    /// Print the briefing as JSON and exit
    #[arg(long)]
    json: bool,
    /// The document date (YYYY-MM-DD) that relative dates are resolved against
    #[arg(long, value_parser = parse_date)]
    date: Option<CalendarDate>,
    /// Open files that look binary
    #[arg(long)]
    force: bool,
}

fn parse_date(s: &str) -> Result<CalendarDate, String> {
    CalendarDate::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let path = cli.path.clone().unwrap_or_else(|| "seeds/tiktok-shop-amazon-douyin.txt".into());
    let loaded = match load_path(&path, LoadOptions { force: cli.force }) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("brief: {e}");
            return ExitCode::FAILURE;
        }
    };
    for w in &loaded.warnings {
        eprintln!("brief: {w}");
    }
    let doc = loaded.document;
    let briefing = build_briefing(&doc, BriefingOptions { date: cli.date });
    let json = serde_json::to_string_pretty(&briefing.to_json(&doc)).expect("briefing serializes");
    println!("{json}");
    ExitCode::SUCCESS
}
