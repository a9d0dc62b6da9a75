//! The `brief` command: parses the command line, loads the article and either prints the
//! briefing (`--json`, or plain text into a pipe) or runs the terminal reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::time::Duration;

use brief::document::{load_path, LoadOptions};
use brief::ui::{self, Action, App};
use brief::{build_briefing, BriefingOptions, CalendarDate};
use clap::Parser;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

/// The article `cargo run --release` opens when no path is given.
const SAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/seeds/tiktok-shop-amazon-douyin.txt"
);

#[derive(Parser, Debug)]
#[command(
    name = "brief",
    version,
    about = "Read a news article in the terminal with a briefing beside it: entities, timeline, quotes",
    after_help = "Keys: Tab/1-4 panes, j/k move, Enter jump, n/N mentions, [/] events, ? help, q quit"
)]
struct Cli {
    /// The article to open: a UTF-8 text file, or - for standard input (default: the bundled sample)
    path: Option<String>,
    /// Print the briefing as JSON and exit
    #[arg(long)]
    json: bool,
    /// The document date (YYYY-MM-DD) that relative dates like "last year" are resolved against
    #[arg(long, value_parser = parse_date)]
    date: Option<CalendarDate>,
    /// Open a file even if it looks binary
    #[arg(long)]
    force: bool,
    /// Start without mouse capture (the terminal's own text selection works)
    #[arg(long)]
    no_mouse: bool,
}

fn parse_date(s: &str) -> Result<CalendarDate, String> {
    CalendarDate::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let path = cli.path.clone().unwrap_or_else(|| SAMPLE.to_string());
    let loaded = match load_path(&path, LoadOptions { force: cli.force }) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("brief: {}", brief::sanitize::for_display(&e.to_string()));
            return ExitCode::FAILURE;
        }
    };
    for warning in &loaded.warnings {
        eprintln!("brief: {}", brief::sanitize::for_display(warning));
    }
    let doc = loaded.document;
    let interactive = !cli.json && io::stdout().is_terminal();
    if !interactive && doc.text.trim().is_empty() {
        return ExitCode::FAILURE;
    }
    let briefing = build_briefing(&doc, BriefingOptions { date: cli.date });
    let mut stdout = io::stdout().lock();
    let written = if cli.json {
        serde_json::to_writer_pretty(&mut stdout, &briefing.to_json(&doc))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(stdout))
    } else if !interactive {
        stdout.write_all(brief::plain::briefing_as_text(&doc, &briefing).as_bytes())
    } else {
        drop(stdout);
        let mut app = App::new(doc, briefing);
        app.theme = ui::theme::Theme::from_env();
        app.notice = loaded.warnings.first().cloned();
        return match run(app, !cli.no_mouse) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::FAILURE
            }
        };
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`brief --json f | head`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Restores the terminal when dropped: on quit, on error and while unwinding from a panic.
struct TerminalGuard {
    mouse: bool,
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        if self.mouse {
            let _ = crossterm::execute!(io::stdout(), event::DisableMouseCapture);
        }
        ratatui::restore();
    }
}

fn run(mut app: App, mouse: bool) -> io::Result<()> {
    // ratatui::init installs a panic hook that restores the screen; ours, chained in front
    // of it, also turns mouse capture off (ratatui's does not).
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), event::DisableMouseCapture);
        previous(info);
    }));
    let _guard = TerminalGuard { mouse };
    if mouse {
        crossterm::execute!(io::stdout(), event::EnableMouseCapture)?;
    }
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.should_quit {
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &app))?;
            dirty = false;
        }
        if !event::poll(Duration::from_millis(250))? {
            continue;
        }
        if let Some(action) = action_for(event::read()?) {
            app.update(action);
            dirty = true;
        }
    }
    Ok(())
}

/// Turns a terminal event into an action; key releases and repeats of other kinds are ignored.
fn action_for(event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => ui::keymap::action_for(key),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                MouseEventKind::ScrollDown => Some(Action::ScrollDownAt { column, row }),
                MouseEventKind::ScrollUp => Some(Action::ScrollUpAt { column, row }),
                _ => None,
            }
        }
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}
