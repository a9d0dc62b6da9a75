//! The `brief` command: parses the command line, loads the article and either prints the
//! briefing (`--json`, or plain text into a pipe) or runs the terminal reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use brief::document::{load_path, LoadOptions};
use brief::ui::{self, Action, App};
use brief::{
    build_briefing, build_briefing_with_progress, Briefing, BriefingOptions, CalendarDate, Document,
};
use clap::{CommandFactory, Parser, Subcommand};
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
    args_conflicts_with_subcommands = true,
    about = "Read a news article in the terminal with a briefing beside it: entities, timeline, quotes",
    after_help = "Keys: Tab/1-4 panes, j/k move, Enter jump, n/N mentions, [/] events, ? help, q quit"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
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
    /// With --json: report sizes, times and throughput on standard error
    #[arg(long)]
    stats: bool,
    /// Print the default configuration file and exit
    #[arg(long)]
    print_config: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions { shell: clap_complete::Shell },
    /// Print the manual page (roff)
    Man,
}

fn parse_date(s: &str) -> Result<CalendarDate, String> {
    CalendarDate::parse_iso(s).ok_or_else(|| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Completions { shell }) => {
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "brief", &mut script);
            return print_out(&script);
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            if let Err(e) = clap_mangen::Man::new(Cli::command()).render(&mut page) {
                eprintln!("brief: {e}");
                return ExitCode::FAILURE;
            }
            return print_out(&page);
        }
        None => {}
    }
    if cli.print_config {
        return print_out(ui::config::default_config_text().as_bytes());
    }
    let path = cli.path.clone().unwrap_or_else(|| SAMPLE.to_string());
    let load_started = Instant::now();
    let loaded = match load_path(&path, LoadOptions { force: cli.force }) {
        Ok(loaded) => loaded,
        Err(e) => {
            eprintln!("brief: {}", brief::sanitize::for_display(&e.to_string()));
            return ExitCode::FAILURE;
        }
    };
    let loaded_in = load_started.elapsed();
    for warning in &loaded.warnings {
        eprintln!("brief: {}", brief::sanitize::for_display(warning));
    }
    let doc = loaded.document;
    let options = BriefingOptions { date: cli.date };
    let interactive = !cli.json && io::stdout().is_terminal();
    if !interactive && doc.text.trim().is_empty() {
        return ExitCode::FAILURE;
    }
    if interactive {
        let (config, problems) = ui::config::load();
        for problem in &problems {
            eprintln!("brief: {}", brief::sanitize::for_display(problem));
        }
        let mut app = App::new(doc, Briefing::default());
        app.configure(&config);
        app.notice = problems.first().or(loaded.warnings.first()).cloned();
        let mouse = config.mouse && !cli.no_mouse;
        return match run(app, options, mouse) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("brief: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let started = Instant::now();
    let briefing = build_briefing(&doc, options);
    if cli.stats {
        report_stats(&doc, &briefing, started.elapsed(), loaded_in);
    }
    // Standard output is line-buffered: a block buffer makes a large --json a few big writes.
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = if cli.json {
        serde_json::to_writer_pretty(&mut stdout, &briefing.to_json(&doc))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(stdout))
            .and_then(|()| stdout.flush())
    } else {
        stdout
            .write_all(brief::plain::briefing_as_text(&doc, &briefing).as_bytes())
            .and_then(|()| stdout.flush())
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

/// Writes to standard output; a reader that closed the pipe early is not an error.
fn print_out(bytes: &[u8]) -> ExitCode {
    let mut stdout = io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: {e}");
            ExitCode::FAILURE
        }
    }
}

fn report_stats(doc: &Document, briefing: &Briefing, built_in: Duration, loaded_in: Duration) {
    let mb = doc.text.len() as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
    eprintln!(
        "brief: {} bytes, {} words; load {:.1} ms ({:.1} MB/s); briefing {:.1} ms ({:.1} MB/s, {:.0} words/s); {} entities, {} events, {} quotes",
        doc.text.len(),
        briefing.stats.words,
        loaded_in.as_secs_f64() * 1e3,
        rate(loaded_in),
        built_in.as_secs_f64() * 1e3,
        rate(built_in),
        briefing.stats.words as f64 / built_in.as_secs_f64().max(1e-9),
        briefing.entities.len(),
        briefing.timeline.len(),
        briefing.quotes.len(),
    );
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

/// How long the first frame waits for a quick briefing, so short articles open complete
/// rather than flashing a progress indicator.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(80);

fn run(mut app: App, options: BriefingOptions, mouse: bool) -> io::Result<()> {
    // SIGTERM and SIGHUP end the loop like `q`, so the guard restores the terminal.
    let terminate = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        signal_hook::flag::register(signal, Arc::clone(&terminate))?;
    }
    let (briefings, briefing_ready) = mpsc::channel();
    let progress = Arc::new(AtomicU8::new(0));
    let doc = Arc::clone(&app.doc);
    let worker_progress = Arc::clone(&progress);
    // The worker is never joined: quitting mid-extraction just ends the process.
    std::thread::spawn(move || {
        let briefing = build_briefing_with_progress(&doc, options, &mut |stage| {
            worker_progress.store(stage.percent(), Ordering::Relaxed);
        });
        let _ = briefings.send(briefing);
    });
    match briefing_ready.recv_timeout(FIRST_FRAME_WAIT) {
        Ok(briefing) => app.set_briefing(briefing),
        Err(_) => app.extracting = Some(progress.load(Ordering::Relaxed)),
    }

    // ratatui::init installs a panic hook that restores the screen; ours, chained in front
    // of it, also turns mouse capture off (ratatui's does not).
    let mut terminal = ratatui::init();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = crossterm::execute!(io::stdout(), event::DisableMouseCapture);
        previous(info);
    }));
    let mut guard = TerminalGuard { mouse };
    app.mouse_capture = mouse;
    if mouse {
        crossterm::execute!(io::stdout(), event::EnableMouseCapture)?;
    }
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.should_quit && !terminate.load(Ordering::Relaxed) {
        if app.extracting.is_some() {
            if let Ok(briefing) = briefing_ready.try_recv() {
                app.set_briefing(briefing);
                dirty = true;
            } else {
                let percent = progress.load(Ordering::Relaxed);
                dirty |= app.extracting != Some(percent);
                app.extracting = Some(percent);
            }
        }
        if dirty {
            terminal.draw(|frame| ui::draw(frame, &app))?;
            dirty = false;
        }
        let wait = if app.extracting.is_some() { 50 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            continue;
        }
        if let Some(action) = action_for(&app, event::read()?) {
            app.update(action);
            dirty = true;
            if app.mouse_capture != guard.mouse {
                if app.mouse_capture {
                    crossterm::execute!(io::stdout(), event::EnableMouseCapture)?;
                } else {
                    crossterm::execute!(io::stdout(), event::DisableMouseCapture)?;
                }
                guard.mouse = app.mouse_capture;
            }
        }
    }
    Ok(())
}

/// Turns a terminal event into an action; key releases and repeats of other kinds are ignored.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press && app.prompt.is_some() => {
            ui::keymap::prompt_action_for(key)
        }
        Event::Key(key) if key.kind == KeyEventKind::Press => app.keymap.action_for(key),
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
