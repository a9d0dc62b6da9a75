//! The Markdown export of a briefing, and atomic writes.

use std::path::{Path, PathBuf};

use brief::briefing::Stats;
use brief::export::{briefing_as_markdown, markdown_path, write_atomically, PendingWrite};
use brief::extract::timeline::CalendarDate;
use brief::{Briefing, Document, Entity, Quote, Span, TimelineItem};

const ARTICLE: &str = "Harbor bridge reopens after repairs
Published: May 18, 2015
The Harbor Street bridge reopened on Monday after repairs by Baxter & Sons | Partners.
“We’re relieved,” said Mayor Ellen Park, the city’s first elected mayor.
Work began in September 2014 and cost $12.4 million.
The city plans to inspect the Elm Avenue crossing in mid-2016; engineers call it a “stress test”.
An anonymous resident said “it’s *about time* <script>alert(1)</script>”.
By March 2017 the crossing may close \u{1b}[2J for a year.";

/// The span of the first occurrence of `needle` in the text.
fn at(doc: &Document, needle: &str) -> Span {
    let start = doc
        .text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in the text"));
    Span::new(start, start + needle.len())
}

/// The sentence (here: the line) holding `needle`.
fn sentence_of(doc: &Document, needle: &str) -> Span {
    let span = at(doc, needle);
    let start = doc.text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let end = doc.text[span.end..]
        .find('\n')
        .map_or(doc.text.len(), |i| span.end + i);
    Span::new(start, end)
}

/// A briefing built by hand (the extractors are not under test here). Values go through
/// serde so that fields the extractors add later take their defaults.
// `..Briefing::default()` has no effect today; it keeps this compiling when fields are added.
#[allow(clippy::needless_update)]
fn briefing(doc: &Document) -> Briefing {
    let span = |s: Span| serde_json::json!({ "start": s.start, "end": s.end });
    let entity = |name: &str, kind: &str, mentions: &[&str], description: Option<&str>| {
        let mentions: Vec<_> = mentions.iter().map(|m| span(at(doc, m))).collect();
        serde_json::from_value::<Entity>(serde_json::json!({
            "name": name, "kind": kind, "mentions": mentions, "description": description
        }))
        .unwrap()
    };
    let entities = vec![
        entity(
            "Harbor Street bridge",
            "place",
            &["Harbor Street bridge"],
            None,
        ),
        entity(
            "Baxter & Sons | Partners",
            "organization",
            &["Baxter & Sons | Partners"],
            Some("the *contractor*"),
        ),
        entity(
            "Ellen Park",
            "person",
            &["Ellen Park", "Mayor"],
            Some("the city’s first elected mayor"),
        ),
        entity(
            "Elm Avenue crossing",
            "place",
            &["Elm Avenue", "the crossing"],
            None,
        ),
        entity("$12.4 million", "money", &["$12.4 million"], None),
    ];
    let item = |label: &str, when: serde_json::Value| {
        let mut when = when;
        when["part"] = when.get("part").cloned().unwrap_or(serde_json::Value::Null);
        serde_json::from_value::<TimelineItem>(serde_json::json!({
            "when": when,
            "label": label,
            "span": span(at(doc, label)),
            "sentence": span(sentence_of(doc, label)),
        }))
        .unwrap()
    };
    let timeline = vec![
        item(
            "September 2014",
            serde_json::json!({"year": 2014, "month": 9, "day": null}),
        ),
        item(
            "May 18, 2015",
            serde_json::json!({"year": 2015, "month": 5, "day": 18}),
        ),
        item(
            "mid-2016",
            serde_json::json!({"year": 2016, "month": null, "day": null, "part": "mid"}),
        ),
        item(
            "March 2017",
            serde_json::json!({"year": 2017, "month": 3, "day": null}),
        ),
    ];
    let quote = |text: &str, kind: &str, speaker: Option<(&str, Option<&str>)>| {
        let speaker = speaker.map(|(name, entity)| {
            serde_json::json!({ "name": name, "span": span(at(doc, name)), "entity": entity })
        });
        serde_json::from_value::<Quote>(serde_json::json!({
            "span": span(at(doc, text)), "kind": kind, "speaker": speaker, "nested": []
        }))
        .unwrap()
    };
    let quotes = vec![
        quote(
            "We’re relieved,",
            "speech",
            Some(("Mayor Ellen Park", Some("Ellen Park"))),
        ),
        quote("stress test", "term", None),
        quote(
            "it’s *about time* <script>alert(1)</script>",
            "speech",
            Some(("An anonymous resident", None)),
        ),
    ];
    Briefing {
        title: doc.title().map(str::to_string),
        date: CalendarDate::parse_iso("2015-05-18"),
        stats: Stats {
            bytes: doc.text.len(),
            words: doc.word_count(),
            sentences: 8,
            paragraphs: doc.paragraphs.len(),
        },
        entities,
        timeline,
        quotes,
        ..Briefing::default()
    }
}

#[test]
fn markdown_export_snapshot() {
    let doc = Document::new("news/bridge.html", ARTICLE);
    let md = briefing_as_markdown(&doc, &briefing(&doc));
    insta::assert_snapshot!("markdown_export", md);
}

#[test]
fn markdown_export_escapes_content() {
    let doc = Document::new("news/bridge.html", ARTICLE);
    let md = briefing_as_markdown(&doc, &briefing(&doc));
    // Table cells keep four columns even when a name holds a `|`.
    let row = md
        .lines()
        .find(|l| l.starts_with("| Baxter"))
        .expect("the organization row");
    assert_eq!(row.matches(" | ").count(), 3, "{row}");
    assert!(row.contains("Baxter & Sons \\| Partners"));
    assert!(row.contains("the \\*contractor\\*"));
    // No raw HTML, no emphasis from content, no control characters.
    assert!(!md.contains("<script>"));
    assert!(md.contains("\\<script\\>"));
    assert!(md.contains("\\*about time\\*"));
    assert!(!md.chars().any(|c| c.is_control() && c != '\n'));
    assert!(md.contains("␛\\[2J"));
}

#[test]
fn markdown_export_of_an_empty_briefing() {
    let doc = Document::new("notes/empty.txt", "");
    let md = briefing_as_markdown(&doc, &Briefing::default());
    assert_eq!(
        md,
        "# empty.txt\n\n\
         Source: notes/empty.txt · 0 words · 0 sentences · 0 paragraphs\n\n\
         ## Entities (0)\n\nNone found.\n\n\
         ## Timeline (0)\n\nNone found.\n\n\
         ## Quotes (0)\n\nNone found.\n\n"
    );
}

#[test]
fn export_path_is_next_to_the_file() {
    assert_eq!(
        markdown_path("/home/u/news/bridge.html"),
        Some(PathBuf::from("/home/u/news/bridge.briefing.md"))
    );
}

fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-export-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file in `dir`, sorted, for checking that nothing is left behind.
fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn atomic_write_creates_and_replaces() {
    let dir = scratch_dir("replace");
    let target = dir.join("position.json");
    write_atomically(&target, b"first").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"first");
    write_atomically(&target, b"second, longer").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"second, longer");
    assert_eq!(listing(&dir), ["position.json"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn crash_between_write_and_rename_leaves_the_old_file() {
    let dir = scratch_dir("crash");
    let target = dir.join("position.json");
    write_atomically(&target, b"old position").unwrap();

    // The new contents are written and synced, then the process dies before the rename:
    // forgetting the pending write skips its cleanup exactly as a crash would.
    let pending = PendingWrite::prepare(&target, b"new position").unwrap();
    let temp = pending.temp_path().to_path_buf();
    std::mem::forget(pending);
    assert_eq!(std::fs::read(&temp).unwrap(), b"new position");
    assert_eq!(std::fs::read(&target).unwrap(), b"old position");

    // After the "restart" the next write succeeds despite the leftover temporary file.
    write_atomically(&target, b"newer position").unwrap();
    assert_eq!(std::fs::read(&target).unwrap(), b"newer position");
    std::fs::remove_file(temp).unwrap();
    assert_eq!(listing(&dir), ["position.json"]);
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn an_abandoned_or_failed_write_leaves_no_temporary_file() {
    let dir = scratch_dir("fail");
    let target = dir.join("briefing.md");
    write_atomically(&target, b"kept").unwrap();
    drop(PendingWrite::prepare(&target, b"abandoned").unwrap());
    assert_eq!(listing(&dir), ["briefing.md"]);
    assert_eq!(std::fs::read(&target).unwrap(), b"kept");

    // Renaming over a directory fails: the error is reported and the temp file goes.
    let blocker = dir.join("blocked");
    std::fs::create_dir(&blocker).unwrap();
    std::fs::write(blocker.join("inside"), b"x").unwrap();
    assert!(write_atomically(&blocker, b"data").is_err());
    assert_eq!(listing(&dir), ["blocked", "briefing.md"]);

    // A directory that does not exist: an error, nothing created.
    assert!(write_atomically(&dir.join("missing/x.md"), b"data").is_err());
    std::fs::remove_dir_all(dir).unwrap();
}

#[cfg(unix)]
#[test]
fn atomic_write_keeps_permissions_and_follows_symlinks() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch_dir("perms");
    let target = dir.join("private.md");
    std::fs::write(&target, b"old").unwrap();
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600)).unwrap();
    let link = dir.join("link.md");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    write_atomically(&link, b"through the link").unwrap();
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(std::fs::read(&target).unwrap(), b"through the link");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    std::fs::remove_dir_all(dir).unwrap();
}
