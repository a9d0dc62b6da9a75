//! The briefing as Markdown (`--markdown`, the UI's `e`), and files written atomically.
//!
//! Every piece of document content is sanitized with [`for_display`] (no control character
//! of an article reaches a terminal that shows the export) and escaped so that it reads as
//! text, never as Markdown syntax.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fmt::Write as _;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::briefing::Briefing;
use crate::document::Document;
use crate::extract::entities::{Entity, EntityKind};
use crate::extract::quotes::{Quote, QuoteKind, Speaker};
use crate::sanitize::for_display;

/// The briefing as a Markdown document: a title heading, a stats line, the entities as a
/// table (grouped by kind in the panes' order, most mentioned first), the timeline by year
/// and the quotations with their speakers, terms listed apart.
pub fn briefing_as_markdown(doc: &Document, briefing: &Briefing) -> String {
    let mut out = String::new();
    let source_name = if doc.source == "-" {
        "standard input"
    } else {
        file_name(&doc.source)
    };
    let title = briefing.title.as_deref().unwrap_or(source_name);
    let _ = writeln!(out, "# {}\n", escape(title));
    let s = briefing.stats;
    let source = if doc.source == "-" {
        "standard input".to_string()
    } else {
        escape(&doc.source)
    };
    let mut stats = format!(
        "Source: {source} · {} words · {} sentences · {} paragraphs",
        s.words, s.sentences, s.paragraphs
    );
    if let Some(date) = briefing.date {
        let _ = write!(stats, " · dated {date}");
    }
    let _ = writeln!(out, "{stats}\n");
    entities_section(&mut out, &briefing.entities);
    timeline_section(&mut out, doc, briefing);
    quotes_section(&mut out, doc, &briefing.quotes);
    out
}

fn file_name(source: &str) -> &str {
    Path::new(source)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(source)
}

fn entities_section(out: &mut String, entities: &[Entity]) {
    let _ = writeln!(out, "## Entities ({})\n", entities.len());
    if entities.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    out.push_str("| Entity | Kind | Mentions | Description |\n");
    out.push_str("| --- | --- | ---: | --- |\n");
    for kind in EntityKind::ALL {
        let mut of_kind: Vec<&Entity> = entities.iter().filter(|e| e.kind == kind).collect();
        of_kind.sort_by_key(|e| std::cmp::Reverse(e.mentions.len()));
        for e in of_kind {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                escape(&e.name),
                kind_name(kind),
                e.mentions.len(),
                e.description.as_deref().map(escape).unwrap_or_default()
            );
        }
    }
    out.push('\n');
}

/// The kind as `--json` spells it (`person`, `organization`, …).
fn kind_name(kind: EntityKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| format!("{kind:?}").to_lowercase())
}

fn timeline_section(out: &mut String, doc: &Document, briefing: &Briefing) {
    let _ = writeln!(out, "## Timeline ({})\n", briefing.timeline.len());
    if briefing.timeline.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    // The timeline is sorted already; grouping through a map keeps a stray item in its year.
    let mut years: BTreeMap<i32, Vec<usize>> = BTreeMap::new();
    for (i, item) in briefing.timeline.iter().enumerate() {
        years.entry(item.when.year).or_default().push(i);
    }
    for (year, items) in years {
        let _ = writeln!(out, "### {year}\n");
        for i in items {
            let item = &briefing.timeline[i];
            let _ = writeln!(
                out,
                "- **{}** — {}",
                escape(&item.when.display()),
                escape(doc.slice(item.sentence).trim())
            );
        }
        out.push('\n');
    }
}

fn quotes_section(out: &mut String, doc: &Document, quotes: &[Quote]) {
    let _ = writeln!(out, "## Quotes ({})\n", quotes.len());
    if quotes.is_empty() {
        out.push_str("None found.\n\n");
        return;
    }
    let speaker = |q: &Quote| q.speaker.as_ref().map(|s| escape(&speaker_name(s)));
    for q in quotes.iter().filter(|q| q.kind == QuoteKind::Speech) {
        let text = escape(doc.slice(q.span).trim());
        match speaker(q) {
            Some(who) => {
                let _ = writeln!(out, "> “{text}” — {who}\n");
            }
            None => {
                let _ = writeln!(out, "> “{text}”\n");
            }
        }
    }
    let terms: Vec<&Quote> = quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Term)
        .collect();
    if !terms.is_empty() {
        out.push_str("### Terms\n\n");
        for q in terms {
            let text = escape(doc.slice(q.span).trim());
            match speaker(q) {
                Some(who) => {
                    let _ = writeln!(out, "- “{text}” — {who}");
                }
                None => {
                    let _ = writeln!(out, "- “{text}”");
                }
            }
        }
        out.push('\n');
    }
}

/// Who said it: the entity the speaker refers to, else the name a pronoun was resolved to
/// (read through serde: the quotes extractor adds `resolved`), else the name as written.
fn speaker_name(speaker: &Speaker) -> String {
    if let Some(entity) = &speaker.entity {
        return entity.clone();
    }
    serde_json::to_value(speaker)
        .ok()
        .and_then(|v| v.get("resolved")?.as_str().map(str::to_string))
        .unwrap_or_else(|| speaker.name.clone())
}

/// Content as Markdown text: control characters made visible, line breaks as spaces, and
/// every character that Markdown could read as syntax escaped (`|` too, for table cells).
pub fn escape(text: &str) -> String {
    let shown = for_display(text);
    let mut out = String::with_capacity(shown.len() + 8);
    let mut previous: Option<char> = None;
    for (i, c) in shown.char_indices() {
        let escape = match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' => true,
            // Headings open with `#` and close with ` #`.
            '#' => previous.is_none_or(char::is_whitespace),
            // `&amp;` and `&#35;` would be read as character references.
            '&' => looks_like_reference(&shown[i + 1..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
        previous = Some(c);
    }
    out
}

fn looks_like_reference(after: &str) -> bool {
    let name_len = after
        .bytes()
        .take(33)
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    name_len > 0 && after.as_bytes().get(name_len) == Some(&b';')
}

/// Where the UI's `e` writes the Markdown briefing of `source`: next to it, as
/// `name.briefing.md`. Standard input has no place next to it: `None`.
pub fn markdown_path(source: &str) -> Option<PathBuf> {
    if source == "-" {
        return None;
    }
    let path = Path::new(source);
    let stem = path.file_stem()?;
    let mut name = OsString::from(stem);
    name.push(".briefing.md");
    Some(path.with_file_name(name))
}

// ---------------------------------------------------------------------------------------
// Atomic writes

static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Replaces `path` with `contents` so that a crash at any moment leaves either the old file or
/// the new one, never a mix: the contents go to a temporary file in the same directory, are
/// flushed to disk, and the temporary file is renamed over the target. On any error the
/// temporary file is removed and the target is untouched.
pub fn write_atomically(path: &Path, contents: &[u8]) -> io::Result<()> {
    PendingWrite::prepare(path, contents)?.commit()
}

/// The first half of [`write_atomically`]: the new contents written and synced to a temporary
/// file beside the target, not yet in place. Dropping it removes the temporary file.
#[derive(Debug)]
pub struct PendingWrite {
    temp: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl PendingWrite {
    /// Writes `contents` to a new temporary file next to `path` and syncs it.
    pub fn prepare(path: &Path, contents: &[u8]) -> io::Result<PendingWrite> {
        let target = follow_symlink(path);
        let name = target.file_name().ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("{}: not a file name", path.display()),
            )
        })?;
        let dir = parent_dir(&target);
        let mut attempt = 0;
        let (file, temp) = loop {
            let mut temp_name = OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(
                ".{}.{}.tmp",
                std::process::id(),
                TEMP_COUNTER.fetch_add(1, Ordering::Relaxed)
            ));
            let temp = dir.join(temp_name);
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => break (file, temp),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    attempt += 1;
                }
                Err(e) => return Err(e),
            }
        };
        // From here on, dropping `pending` on an error removes the temporary file.
        let pending = PendingWrite {
            temp,
            target,
            committed: false,
        };
        fill(file, contents, &pending.target)?;
        Ok(pending)
    }

    /// The temporary file holding the new contents.
    pub fn temp_path(&self) -> &Path {
        &self.temp
    }

    /// Renames the temporary file over the target and syncs the directory.
    pub fn commit(mut self) -> io::Result<()> {
        fs::rename(&self.temp, &self.target)?;
        self.committed = true;
        sync_dir(parent_dir(&self.target));
        Ok(())
    }
}

impl Drop for PendingWrite {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_file(&self.temp);
        }
    }
}

fn fill(mut file: File, contents: &[u8], target: &Path) -> io::Result<()> {
    file.write_all(contents)?;
    // Keep the permissions of the file being replaced (a private notes file stays private).
    if let Ok(meta) = fs::metadata(target) {
        let _ = file.set_permissions(meta.permissions());
    }
    file.sync_all()
}

/// A symlink is written through, not replaced by a regular file.
fn follow_symlink(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// Makes the rename durable. Best effort: not every platform can open a directory.
fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markdown_syntax_and_controls() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(
            escape("# Big *news* [1] <b>"),
            "\\# Big \\*news\\* \\[1\\] \\<b\\>"
        );
        assert_eq!(escape("No.#1 and AT&T &amp;"), "No.#1 and AT&T \\&amp;");
        assert_eq!(escape("line\nbreak \u{1b}[2J"), "line break ␛\\[2J");
    }

    #[test]
    fn speaker_prefers_entity_then_resolved_pronoun() {
        let speaker = |json: &str| speaker_name(&serde_json::from_str(json).unwrap());
        let span = r#""span":{"start":0,"end":2}"#;
        assert_eq!(speaker(&format!(r#"{{"name":"he",{span}}}"#)), "he");
        assert_eq!(
            speaker(&format!(
                r#"{{"name":"Park",{span},"entity":"Ellen Park"}}"#
            )),
            "Ellen Park"
        );
    }

    #[test]
    fn standard_input_is_named() {
        let doc = Document::new("-", "");
        let md = briefing_as_markdown(&doc, &Briefing::default());
        assert!(
            md.starts_with("# standard input\n\nSource: standard input · 0 words"),
            "{md}"
        );
    }

    #[test]
    fn export_path_sits_next_to_the_file() {
        assert_eq!(
            markdown_path("news/story.html"),
            Some(PathBuf::from("news/story.briefing.md"))
        );
        assert_eq!(markdown_path("a.txt"), Some(PathBuf::from("a.briefing.md")));
        assert_eq!(markdown_path("-"), None);
    }
}
