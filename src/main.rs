//! The `brief` command: parses the command line, loads the article and either prints the
//! briefing (`--json`, or plain text into a pipe) or runs the terminal reader.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicU8, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use brief::document::LoadOptions;
use brief::positions::Positions;
use brief::ui::{self, Action, App, Workspace};
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
    /// Articles to open: text, HTML or Markdown files, folders of them, or - for standard
    /// input (default: the bundled sample). --json and --markdown take one file.
    paths: Vec<String>,
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
    /// Print the briefing as Markdown and exit
    #[arg(long, conflicts_with = "json")]
    markdown: bool,
    /// Start at the top, ignoring the remembered reading position
    #[arg(long)]
    fresh: bool,
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
    let interactive = !cli.json && !cli.markdown && io::stdout().is_terminal();
    let paths = match article_paths(&cli.paths, interactive) {
        Ok(paths) => paths,
        Err(message) => {
            eprintln!("brief: {}", brief::sanitize::for_display(&message));
            return ExitCode::FAILURE;
        }
    };
    let load_started = Instant::now();
    let mut documents = Vec::new();
    for path in &paths {
        match brief::formats::open(path, LoadOptions { force: cli.force }) {
            Ok(opened) => documents.push(opened),
            Err(e) => {
                eprintln!("brief: {}", brief::sanitize::for_display(&e.to_string()));
                return ExitCode::FAILURE;
            }
        }
    }
    let loaded_in = load_started.elapsed();
    for opened in &documents {
        for warning in &opened.loaded.warnings {
            eprintln!("brief: {}", brief::sanitize::for_display(warning));
        }
    }
    if interactive {
        return read_interactively(&cli, documents);
    }
    let Some(opened) = documents.into_iter().next() else {
        return ExitCode::FAILURE;
    };
    let doc = opened.loaded.document;
    if doc.text.trim().is_empty() {
        return ExitCode::FAILURE;
    }
    let options = BriefingOptions {
        date: cli.date.or(opened.date),
        title: opened.title,
    };
    let started = Instant::now();
    let briefing = build_briefing(&doc, options);
    if cli.markdown {
        return print_out(brief::export::briefing_as_markdown(&doc, &briefing).as_bytes());
    }
    if cli.stats {
        report_stats(&doc, &briefing, started.elapsed(), loaded_in);
    }
    // Standard output is line-buffered: a block buffer makes a large --json a few big writes.
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = if cli.json {
        brief::json::write_pretty(&mut stdout, &briefing.to_json(&doc))
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

/// The files to open: the sample when none is named; folders become the articles in them
/// (for the reader only: `--json` and `--markdown` take one file).
fn article_paths(named: &[String], interactive: bool) -> Result<Vec<String>, String> {
    if named.is_empty() {
        return Ok(vec![SAMPLE.to_string()]);
    }
    if !interactive && named.len() > 1 {
        return Err("--json, --markdown and piped output take one file at a time".into());
    }
    let mut paths = Vec::new();
    for name in named {
        let path = std::path::Path::new(name);
        if !interactive || name == "-" || !path.is_dir() {
            // Plain files, and folders in --json mode, where loading names the problem.
            paths.push(name.clone());
            continue;
        }
        let mut found: Vec<String> = std::fs::read_dir(path)
            .map_err(|e| format!("{name}: {e}"))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && is_article_file(p))
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if found.is_empty() {
            return Err(format!(
                "{name}: no articles in this folder (.txt, .md, .html files)"
            ));
        }
        found.sort();
        paths.extend(found);
    }
    Ok(paths)
}

fn is_article_file(path: &std::path::Path) -> bool {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    matches!(
        extension.as_str(),
        "txt" | "text" | "md" | "markdown" | "html" | "htm" | "xhtml"
    )
}

/// The terminal reader over the opened documents; remembers where each was left.
fn read_interactively(cli: &Cli, documents: Vec<brief::formats::Opened>) -> ExitCode {
    let (config, problems) = ui::config::load();
    for problem in &problems {
        eprintln!("brief: {}", brief::sanitize::for_display(problem));
    }
    let mut positions = Positions::load(Positions::default_path());
    let mut apps = Vec::new();
    let mut jobs = Vec::new();
    for opened in documents {
        let mut app = App::new(opened.loaded.document, Briefing::default());
        app.configure(&config);
        app.notice = problems.first().or(opened.loaded.warnings.first()).cloned();
        let start = if cli.fresh {
            None
        } else {
            positions.get(&app.doc.source, app.doc.text.len())
        };
        let options = BriefingOptions {
            date: cli.date.or(opened.date),
            title: opened.title,
        };
        jobs.push((Arc::clone(&app.doc), options, start));
        apps.push(app);
    }
    let mouse = config.mouse && !cli.no_mouse;
    let mut workspace = Workspace::new(apps);
    let result = run(&mut workspace, jobs, mouse);
    for app in &workspace.docs {
        if let Err(e) = positions.save(&app.doc.source, app.top_offset(), app.doc.text.len()) {
            eprintln!("brief: could not remember the reading position: {e}");
            break;
        }
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("brief: {e}");
            ExitCode::FAILURE
        }
    }
}

/// SIGTERM and SIGHUP set `terminate`, which the event loop checks between events. When
/// the terminal is gone (a hang-up), crossterm can spin inside `poll` without returning, so
/// if the loop has not finished shortly after the signal, this thread restores what it can
/// and ends the process itself.
fn watch_for_termination(terminate: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            terminate.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(500));
            let _ = crossterm::execute!(io::stdout(), event::DisableMouseCapture);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// A document to brief in the background: its text, options and where the reader starts.
type Job = (Arc<Document>, BriefingOptions, Option<usize>);

/// How long the first frame waits for a quick briefing, so short articles open complete
/// rather than flashing a progress indicator.
const FIRST_FRAME_WAIT: Duration = Duration::from_millis(80);

/// Above this much text the briefing cannot be ready within [`FIRST_FRAME_WAIT`] (it runs at
/// about 10 MB/s), so the first frame does not wait for it.
const FIRST_FRAME_WAIT_BYTES: usize = 256 * 1024;

fn run(workspace: &mut Workspace, jobs: Vec<Job>, mouse: bool) -> io::Result<()> {
    // SIGTERM and SIGHUP end the loop like `q`, so the guard restores the terminal.
    let terminate = Arc::new(AtomicBool::new(false));
    watch_for_termination(Arc::clone(&terminate))?;
    let (briefings, briefing_ready) = mpsc::channel();
    let progress: Vec<Arc<AtomicU8>> = jobs.iter().map(|_| Arc::new(AtomicU8::new(0))).collect();
    let worker_progress = progress.clone();
    let starts: Vec<Option<usize>> = jobs.iter().map(|j| j.2).collect();
    // The worker is never joined: quitting mid-extraction just ends the process.
    std::thread::spawn(move || {
        for (i, (doc, options, _)) in jobs.into_iter().enumerate() {
            let briefing = build_briefing_with_progress(&doc, options, &mut |progress| {
                worker_progress[i].store(progress.percent, Ordering::Relaxed);
            });
            if briefings.send((i, briefing)).is_err() {
                return;
            }
        }
    });
    let mut pending = workspace.docs.len();
    let first_bytes = workspace.docs.first().map_or(0, |app| app.doc.text.len());
    let wait = if first_bytes <= FIRST_FRAME_WAIT_BYTES {
        FIRST_FRAME_WAIT
    } else {
        Duration::ZERO
    };
    let deadline = Instant::now() + wait;
    while pending > 0 {
        let wait = deadline.saturating_duration_since(Instant::now());
        match briefing_ready.recv_timeout(wait) {
            Ok((i, briefing)) => {
                workspace.docs[i].set_briefing(briefing);
                pending -= 1;
            }
            Err(_) => break,
        }
    }
    for (app, p) in workspace.docs.iter_mut().zip(&progress) {
        if app.briefing.stats.bytes == 0 && !app.doc.text.is_empty() {
            app.extracting = Some(p.load(Ordering::Relaxed));
        }
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
    for app in &mut workspace.docs {
        app.mouse_capture = mouse;
    }
    if mouse {
        crossterm::execute!(io::stdout(), event::EnableMouseCapture)?;
    }
    let size = terminal.size()?;
    workspace.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    for (app, start) in workspace.docs.iter_mut().zip(starts) {
        if let Some(offset) = start {
            app.scroll_to_top(offset);
            app.message = Some("back where you left off (--fresh starts at the top)".into());
        }
    }
    let mut dirty = true;
    while !workspace.should_quit() && !terminate.load(Ordering::Relaxed) {
        while let Ok((i, briefing)) = briefing_ready.try_recv() {
            workspace.docs[i].set_briefing(briefing);
            dirty = true;
        }
        for (app, p) in workspace.docs.iter_mut().zip(&progress) {
            if app.extracting.is_some() {
                let percent = p.load(Ordering::Relaxed);
                dirty |= app.extracting != Some(percent);
                app.extracting = Some(percent);
            }
        }
        if dirty {
            terminal.draw(|frame| {
                // The frame has the terminal's real size; a resize whose event was lost or
                // overtaken must not leave the layout at an old size.
                let area = frame.area();
                if area != workspace.app().size {
                    workspace.update(Action::Resize {
                        width: area.width,
                        height: area.height,
                    });
                }
                workspace.render(area, frame.buffer_mut());
            })?;
            dirty = false;
        }
        let extracting = workspace.docs.iter().any(|d| d.extracting.is_some());
        let wait = if extracting { 50 } else { 250 };
        if !event::poll(Duration::from_millis(wait))? {
            // Some terminals resize without a signal reaching us: check now and then.
            let size = terminal.size()?;
            dirty |= (size.width, size.height)
                != (workspace.app().size.width, workspace.app().size.height);
            continue;
        }
        if let Some(action) = action_for(workspace.app(), event::read()?) {
            workspace.update(action);
            dirty = true;
            let wanted = workspace.app().mouse_capture;
            if wanted != guard.mouse {
                if wanted {
                    crossterm::execute!(io::stdout(), event::EnableMouseCapture)?;
                } else {
                    crossterm::execute!(io::stdout(), event::DisableMouseCapture)?;
                }
                guard.mouse = wanted;
                for app in &mut workspace.docs {
                    app.mouse_capture = wanted;
                }
            }
        }
    }
    Ok(())
}

/// Turns a terminal event into an action; key releases and repeats of other kinds are ignored.
fn action_for(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press && app.confirm.is_some() => {
            Some(ui::keymap::confirm_action_for(key))
        }
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
