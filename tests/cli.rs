//! The `brief` binary from the outside: `--json`, plain output into a pipe, and bad input.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const SAMPLE: &str = "seeds/tiktok-shop-amazon-douyin.txt";

fn brief(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .output()
        .expect("brief runs")
}

fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("brief-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = brief(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn json_on_the_sample_has_the_contract_shape() {
    let v = json(&["--json", SAMPLE]);
    let text = v["text"].as_str().unwrap();
    assert_eq!(text, std::fs::read_to_string(SAMPLE).unwrap());
    for key in [
        "source",
        "title",
        "date",
        "stats",
        "sentences",
        "entities",
        "timeline",
        "quotes",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["stats"]["bytes"], text.len());
    // Every span is inside the text on char boundaries.
    let spans = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|e| e["mentions"].as_array().unwrap().clone())
        .chain(
            v["timeline"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| t["span"].clone()),
        )
        .chain(
            v["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .map(|q| q["span"].clone()),
        );
    for span in spans {
        let (s, e) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert!(s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e));
    }
}

#[test]
fn json_on_the_sample_finds_its_entities() {
    let v = json(&["--json", SAMPLE]);
    let names: Vec<&str> = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    for want in [
        "TikTok",
        "Amazon",
        "ByteDance",
        "Douyin",
        "Bellevue",
        "Washington",
        "China",
        "Singapore",
        "Brazil",
        "Latin America",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    assert!(
        names
            .iter()
            .any(|n| ["US", "U.S.", "United States"].contains(n)),
        "US missing from {names:?}"
    );
    let amazon = v["entities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "Amazon")
        .unwrap();
    // Possessives (`Amazon’s`) and the bare name are one entity, the mention without `’s`.
    let text = v["text"].as_str().unwrap();
    let mentions = amazon["mentions"].as_array().unwrap();
    assert!(mentions.len() >= 8, "{mentions:?}");
    for m in mentions {
        let s = &text[m["start"].as_u64().unwrap() as usize..m["end"].as_u64().unwrap() as usize];
        assert_eq!(s, "Amazon");
    }
}

#[test]
fn json_on_the_sample_has_its_timeline() {
    let v = json(&["--json", SAMPLE]);
    let timeline = v["timeline"].as_array().unwrap();
    let whens: Vec<(i64, Option<&str>)> = timeline
        .iter()
        .map(|t| {
            (
                t["when"]["year"].as_i64().unwrap(),
                t["when"]["part"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        whens,
        [
            (2023, None),
            (2024, None),
            (2025, None),
            (2025, Some("mid"))
        ]
    );
    assert_eq!(timeline[3]["label"], "mid-2025");
}

#[test]
fn json_on_the_sample_has_its_quote() {
    let v = json(&["--json", SAMPLE]);
    let text = v["text"].as_str().unwrap();
    let slice = |s: &serde_json::Value| {
        &text[s["start"].as_u64().unwrap() as usize..s["end"].as_u64().unwrap() as usize]
    };
    let quotes = v["quotes"].as_array().unwrap();
    let speech: Vec<_> = quotes.iter().filter(|q| q["kind"] == "speech").collect();
    assert_eq!(speech.len(), 1, "{quotes:?}");
    let q = speech[0];
    assert!(slice(&q["span"]).starts_with("This constant struggle"));
    assert_eq!(q["speaker"]["name"], "former employees");
    let nested: Vec<&str> = q["nested"].as_array().unwrap().iter().map(slice).collect();
    assert_eq!(nested, ["copy Amazon", "copy Douyin"]);
}

#[test]
fn a_pipe_gets_the_briefing_as_plain_text() {
    let out = brief(&[SAMPLE]);
    assert!(out.status.success());
    let shown = String::from_utf8(out.stdout).unwrap();
    for heading in ["ENTITIES", "TIMELINE", "QUOTES"] {
        assert!(shown.contains(heading), "{shown}");
    }
    assert!(!shown.contains('\u{1b}'));
}

#[test]
fn standard_input_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["--json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Hello from standard input.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["text"], "Hello from standard input.\n");
    assert_eq!(v["source"], "-");
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let out = brief(&["--json", "no/such/article.txt"]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim(),
        "brief: no/such/article.txt: no such file"
    );
}

#[test]
fn a_directory_is_a_clear_error() {
    let out = brief(&["--json", "seeds"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("seeds: is a directory"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_binary_file_is_refused_unless_forced() {
    let path = scratch("image.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00");
    let p = path.to_str().unwrap();
    let out = brief(&["--json", p]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("binary file"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--force"));
    assert!(brief(&["--json", "--force", p]).status.success());
}

#[test]
fn an_empty_file_is_reported() {
    let path = scratch("empty.txt", b"");
    let out = brief(&["--json", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
}

#[test]
fn invalid_utf8_is_read_lossily_with_one_warning() {
    let path = scratch("latin1.txt", b"Caf\xe9 owners met in Paris in 2019.\n");
    let out = brief(&["--json", path.to_str().unwrap()]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("not valid UTF-8") && err.contains("1 invalid byte"),
        "{err}"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["text"]
        .as_str()
        .unwrap()
        .starts_with("Caf\u{FFFD} owners"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let path = scratch("secret.txt", b"top secret");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&path).is_ok() {
        // Running as root: permissions do not apply, so there is nothing to test.
        return;
    }
    let out = brief(&["--json", path.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("permission denied"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn help_and_version_work() {
    let out = brief(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--json"));
    let out = brief(&["--version"]);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("brief "));
}

#[test]
fn a_bad_date_is_refused() {
    let out = brief(&["--json", "--date", "yesterday", SAMPLE]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("YYYY-MM-DD"));
}

#[test]
fn completions_man_page_and_default_config_print() {
    let out = brief(&["completions", "bash"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("_brief()"));
    let out = brief(&["man"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(".TH brief 1"));
    let out = brief(&["--print-config"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("theme = \"dark\"") && text.contains("[keys]"),
        "{text}"
    );
}

#[test]
fn markdown_export_prints_the_briefing() {
    let out = brief(&["--markdown", SAMPLE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("| Entity |") || md.contains("|Entity|"), "{md}");
    assert!(md.contains("## ") && md.contains("2025"), "{md}");
}

#[test]
fn a_saved_html_page_is_read_as_its_article() {
    let page = r#"<!DOCTYPE html><html><head><title>Storm hits the coast | Daily Example</title>
<meta property="article:published_time" content="2015-05-18T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Storm hits the coast</h1>
<p>A storm hit the coast of Maine on Monday, officials said.</p>
<p>&ldquo;We are ready,&rdquo; said Governor Jane Mills. Repairs will finish by mid-2016.</p></article>
<footer>Copyright Daily Example. Subscribe now!</footer><script>track()</script></body></html>"#;
    let path = scratch("story.html", page.as_bytes());
    let v = json(&["--json", path.to_str().unwrap()]);
    let text = v["text"].as_str().unwrap();
    assert!(text.starts_with("Storm hits the coast"), "{text}");
    assert!(
        !text.contains("Subscribe") && !text.contains("track()") && !text.contains("Home"),
        "{text}"
    );
    assert_eq!(v["title"], "Storm hits the coast");
    assert_eq!(v["date"], "2015-05-18");
    let quotes = v["quotes"].as_array().unwrap();
    assert!(quotes.iter().any(|q| q["kind"] == "speech"), "{quotes:?}");
}

#[test]
fn json_takes_one_file_at_a_time() {
    let out = brief(&["--json", SAMPLE, SAMPLE]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("one file at a time"),
        "{}",
        stderr(&out)
    );
}

/// `--json` printed on a terminal must not carry the document's terminal controls raw.
#[test]
fn json_escapes_c1_and_bidi_controls() {
    let text = "Maria Lopez said \u{9b}2J\u{1b}[31m \u{202e}txt.exe in Geneva.\n";
    let path = scratch("controls.txt", text.as_bytes());
    let out = brief(&["--json", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let raw = String::from_utf8(out.stdout.clone()).expect("UTF-8");
    for c in ['\u{9b}', '\u{1b}', '\u{202e}'] {
        assert!(!raw.contains(c), "{c:?} written raw");
    }
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    // The value is the document's text, controls included: only the spelling changed.
    let got = v["text"].as_str().expect("text");
    assert!(
        got.contains("\u{9b}2J") && got.contains("\u{202e}txt.exe"),
        "{got:?}"
    );
}
