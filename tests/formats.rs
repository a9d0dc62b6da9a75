//! Input formats: saved news pages and Markdown files read as brief's plain text.

use brief::document::LoadOptions;
use brief::formats::{self, detect, html, load_any, markdown, Format};
use brief::Document;

/// A saved news page with everything a real one carries around its article.
const NEWS_PAGE: &str = r##"<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbor bridge reopens after repairs | The Coastal Times</title>
  <meta property="og:title" content="Harbor bridge reopens after repairs">
  <meta property="article:published_time" content="2015-05-18T06:30:00-04:00">
  <style>body { font-family: serif; } .x > p { color: red; }</style>
  <script>window.dataLayer = [{"page": "<p>not text</p>"}]; if (a < b && c > d) {}</script>
  <script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2015-05-18"}</script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to content</a>
  <div id="cookie-banner" class="cookie-consent">
    <p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>
    <button>Accept all</button>
  </div>
  <header class="site-header">
    <h1 class="logo"><a href="/">The Coastal Times</a></h1>
    <nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  </header>
  <main id="main">
    <article class="story">
      <header>
        <h1>Harbor bridge reopens after repairs</h1>
        <p class="byline">By Dana Whitfield</p>
        <time datetime="2015-05-18T06:30:00-04:00">May 18, 2015</time>
      </header>
      <div class="share-bar"><a href="https://twitter.com/share">Share on Twitter</a> <a href="https://facebook.com/share">Share on Facebook</a></div>
      <div class="article-body">
        <p>The Harbor Street bridge reopened to traffic on Monday after eight months of repairs
           that cost the city $12.4&nbsp;million, officials said.</p>
        <p>&ldquo;We&#8217;re relieved,&rdquo; said Mayor Ellen Park. &quot;Commuters have waited long enough.&quot;</p>
        <div class="ad-slot advertisement"><p>Advertisement</p></div>
        <p>Engineers from Baxter &amp; Sons replaced the deck<br>and two of the four steel supports.</p>
        <figure><img src="bridge.jpg" alt="The bridge"><figcaption>The bridge at dawn. Photo: J. Lee</figcaption></figure>
        <h2>What comes next</h2>
        <p>The city plans to inspect the Elm Avenue crossing in 2016 &mdash; a review that could close it for a year.</p>
      </div>
      <aside class="related-articles">
        <h3>Related articles</h3>
        <ul>
          <li><a href="/a">Elm Avenue crossing faces scrutiny</a></li>
          <li><a href="/b">Commuters weigh in on bridge closures</a></li>
        </ul>
      </aside>
      <footer class="article-footer"><a href="/tags/transport">Transport</a> <a href="/tags/city">City hall</a></footer>
    </article>
    <section id="comments" class="comments">
      <h3>Comments (2)</h3>
      <p>Finally! This took forever and I had to drive around the lake every single day.</p>
      <p>Great reporting, thanks for keeping us informed about the city works.</p>
    </section>
  </main>
  <div class="newsletter-signup"><p>Get the morning briefing in your inbox every day. Sign up now.</p></div>
  <footer class="site-footer"><p>&copy; 2015 The Coastal Times. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  <script src="/app.js"></script>
</body>
</html>
"##;

#[test]
fn news_page_gives_headline_dateline_and_paragraphs_in_order() {
    let text = html::to_text(NEWS_PAGE);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines,
        [
            "Harbor bridge reopens after repairs",
            "Published: May 18, 2015",
            "The Harbor Street bridge reopened to traffic on Monday after eight months of \
             repairs that cost the city $12.4 million, officials said.",
            "“We’re relieved,” said Mayor Ellen Park. \"Commuters have waited long enough.\"",
            "Engineers from Baxter & Sons replaced the deck and two of the four steel supports.",
            "What comes next",
            "The city plans to inspect the Elm Avenue crossing in 2016 — a review that could \
             close it for a year.",
        ],
        "{text}"
    );
}

#[test]
fn news_page_drops_all_boilerplate() {
    let text = html::to_text(NEWS_PAGE);
    for furniture in [
        "cookie",
        "Accept all",
        "Skip to content",
        "Sport",
        "Opinion",
        "Share on",
        "Advertisement",
        "Photo: J. Lee",
        "Related",
        "Elm Avenue crossing faces scrutiny",
        "Transport",
        "Comments",
        "drive around the lake",
        "Sign up",
        "All rights reserved",
        "dataLayer",
        "not text",
        "font-family",
        "The Coastal Times",
        "By Dana Whitfield",
    ] {
        assert!(
            !text.contains(furniture),
            "{furniture:?} leaked into:\n{text}"
        );
    }
    assert!(!text.contains('<') && !text.contains("&amp;") && !text.contains('\u{a0}'));
}

#[test]
fn news_page_reads_as_a_document_with_title_and_paragraphs() {
    let dir = scratch_dir("page");
    let path = dir.join("bridge.html");
    std::fs::write(&path, NEWS_PAGE).unwrap();
    let loaded = load_any(path.to_str().unwrap(), LoadOptions::default()).unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let doc = loaded.document;
    assert_eq!(doc.title(), Some("Harbor bridge reopens after repairs"));
    assert_eq!(doc.paragraphs.len(), 7);
    assert_eq!(doc.slice(doc.paragraphs[1]), "Published: May 18, 2015");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn plain_text_loads_exactly_as_before() {
    let dir = scratch_dir("plain");
    let path = dir.join("a.txt");
    std::fs::write(&path, "Title\r\n<b>kept</b> as *is*.\r\n").unwrap();
    let p = path.to_str().unwrap();
    let any = load_any(p, LoadOptions::default()).unwrap();
    let plain = brief::document::load_path(p, LoadOptions::default()).unwrap();
    assert_eq!(any.document.text, plain.document.text);
    assert_eq!(any.document.text, "Title\n<b>kept</b> as *is*.\n");
    assert!(matches!(
        load_any(
            dir.join("missing.html").to_str().unwrap(),
            LoadOptions::default()
        ),
        Err(brief::LoadError::NotFound(_))
    ));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn page_without_article_uses_the_densest_block() {
    let page = "<html><body><div class=menu><a href=/>Home</a> <a href=/x>World</a></div>\
        <div class=wrap><div class=col>\
        <p>First paragraph of a long story that goes on about the council vote.</p>\
        <p>Second paragraph, with more about what the council members said afterwards.</p>\
        </div><div class=col2><p>Short blurb.</p></div></div>\
        <div id=footer><p>Contact us at the newsroom for corrections and tips.</p></div>\
        </body></html>";
    let text = html::to_text(page);
    assert_eq!(
        text,
        "First paragraph of a long story that goes on about the council vote.\n\
         Second paragraph, with more about what the council members said afterwards.\n"
    );
}

#[test]
fn a_body_split_by_an_ad_block_is_read_whole() {
    let page = "<body><div class=page>\
        <div class=txt><p>The opening paragraph of the story tells what happened at the port.</p>\
        <p>The second paragraph gives the numbers: forty ships waited outside for a week.</p>\
        <p>The third paragraph quotes the harbour master on why the cranes stopped working.</p></div>\
        <div class=ad-wrap><p>Advertisement</p></div>\
        <div class=txt><p>After the break, the story goes on with what the unions said on Friday.</p></div>\
        <div class=more><a href=/a>Another story</a> <a href=/b>And another</a></div>\
        </div></body>";
    let text = html::to_text(page);
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.ends_with("what the unions said on Friday.\n"),
        "{text}"
    );
}

#[test]
fn title_falls_back_to_og_title_then_title() {
    let page = "<html><head><title>Storm warning issued - Daily Bugle</title></head>\
        <body><p>The weather service issued a warning for the whole coast on Tuesday.</p></body></html>";
    assert_eq!(
        html::to_text(page),
        "Storm warning issued\nThe weather service issued a warning for the whole coast on Tuesday.\n"
    );
    let page = "<meta name=\"og:title\" content=\"Rates &amp; prices\"><title>x | y</title>\
        <p>Rates rose again, the bank said on Thursday in its statement.</p>";
    assert!(html::to_text(page).starts_with("Rates & prices\n"));
}

#[test]
fn broken_html_is_read_like_a_browser_would() {
    // Unclosed tags, uppercase tags, a stray `<`, `>` inside a quoted attribute.
    let page = "<HTML><BODY><ARTICLE><H1>Votes &amp; vetoes</H1>\
        <P>Prices rose 5 < 6 percent, analysts said.\
        <P CLASS=\"lead\" DATA-X=\"a > b\">Second <B>bold <I>paragraph</B> here.\
        <p title='it>s'>Third one <br/>with a break\
        <ul><li>one<li>two</ul>";
    let text = html::to_text(page);
    assert_eq!(
        text,
        "Votes & vetoes\n\
         Prices rose 5 < 6 percent, analysts said.\n\
         Second bold paragraph here.\n\
         Third one with a break\n\
         • one\n\
         • two\n",
        "{text}"
    );
}

#[test]
fn site_name_is_cut_from_meta_titles() {
    let page = "<meta property=\"og:site_name\" content=\"Breitbart\">\
        <meta property=\"og:title\" content=\"Fact-Checker: 'Any Un-Angry Supporters?' - Breitbart\">\
        <meta property=\"dc:date article:published_time\" content=\"bad\">\
        <meta name=\"pubdate\" content=\"2016-12-22T10:43:37-08:00\">\
        <div><p>A fact checker asked a question on Twitter, and it drew many replies.</p></div>";
    let article = html::extract(page);
    assert_eq!(
        article.title.as_deref(),
        Some("Fact-Checker: 'Any Un-Angry Supporters?'")
    );
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some("2016-12-22")
    );
    let page = "<meta property=\"og:site_name\" content=\"The Daily\">\
        <title>The Daily | Dam opens - and floods follow</title>\
        <p>The dam opened on Friday and the valley flooded by the evening.</p>";
    assert_eq!(
        html::extract(page).title.as_deref(),
        Some("Dam opens - and floods follow")
    );
}

#[test]
fn unclosed_head_and_missing_body_tags() {
    let page = "<html><head><title>Quiet day - Gazette</title><meta charset=utf-8>\
        <p>Nothing much happened in town on Sunday, the mayor said.</p>\
        <p>The market was closed.</p>";
    assert_eq!(
        html::to_text(page),
        "Quiet day\n\
         Nothing much happened in town on Sunday, the mayor said.\n\
         The market was closed.\n"
    );
    let page = "<head><title>T</title><body><div>Text in a div<br>and more.</div>";
    assert_eq!(html::to_text(page), "T\nText in a div and more.\n");
}

#[test]
fn hostile_html_never_panics_and_stays_linear() {
    let cases = [
        String::new(),
        "<".repeat(10_000),
        "<div>".repeat(30_000),
        "</div>".repeat(50_000),
        "<a href=\"".repeat(20_000),
        "<p title='x".repeat(20_000),
        "<!--".repeat(20_000),
        "<!-- >".repeat(50_000),
        "<!x>".repeat(50_000),
        "<?x>".repeat(50_000),
        "</x>".repeat(50_000),
        "<p>a</p>".repeat(30_000),
        "<li><ul>".repeat(30_000),
        "<h1>t</h1>".repeat(30_000),
        "<time datetime=2015-01-01>".repeat(30_000),
        "&#".repeat(20_000) + "&#x110000;&#0;&#xD800;",
        "<script>".repeat(10_000),
        format!("<p>{}</p>", "é&nbsp;".repeat(50_000)),
        "<p>\u{1b}[31mred\u{7}</p>".to_string(),
    ];
    let start = std::time::Instant::now();
    for case in &cases {
        let _ = html::to_text(case);
    }
    // Quadratic behaviour on any of these would take minutes.
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn breaks_and_pre_keep_lines() {
    let page = "<article><p>Line one<br><br>Line two</p><pre>code  a\n  code b</pre></article>";
    assert_eq!(html::to_text(page), "Line one\nLine two\ncode  a\ncode b\n");
}

#[test]
fn markdown_syntax_is_shown_clean() {
    let md = "---\ntitle: \"Front matter\"\nauthor: x\n---\n\
# Harbor bridge *reopens*\n\
\n\
The bridge reopened on **Monday** after [eight months](https://example.com/a)\n\
of repairs, said `Mayor` Park. It's the city's _biggest_ project.\n\
\n\
<!-- editor note:\n\
remove later -->\n\
## What's next ##\n\
\n\
- first point\n\
  continues here\n\
* second [point][ref]\n\
1. third\n\
\n\
> “We’re relieved,” she said.\n\
> > nested quote\n\
\n\
---\n\
\n\
```rust\n\
let x = *y;\n\
```\n\
\n\
Setext heading\n\
==============\n\
\n\
| Name | Role |\n\
|------|------|\n\
| Park | Mayor \\| chair |\n\
\n\
![a photo](p.jpg)\n\
\n\
[ref]: https://example.com \"Title\"\n";
    assert_eq!(
        markdown::to_text(md),
        "Front matter\n\
Harbor bridge reopens\n\
The bridge reopened on Monday after eight months of repairs, said Mayor Park. It's the city's biggest project.\n\
What's next\n\
• first point continues here\n\
• second point\n\
• third\n\
“We’re relieved,” she said.\n\
nested quote\n\
let x = *y;\n\
Setext heading\n\
Name · Role\n\
Park · Mayor | chair\n"
    );
}

#[test]
fn markdown_quotes_and_apostrophes_survive() {
    let md = "He said \"it's *fine*\" and 'they're' \u{2018}ok\u{2019}.\n";
    assert_eq!(
        markdown::to_text(md),
        "He said \"it's fine\" and 'they're' \u{2018}ok\u{2019}.\n"
    );
}

#[test]
fn detection_by_extension_and_content() {
    assert_eq!(detect("a/b/page.HTM", b""), Format::Html);
    assert_eq!(detect("page.xhtml", b""), Format::Html);
    assert_eq!(detect("notes.markdown", b""), Format::Markdown);
    assert_eq!(detect("story.txt", NEWS_PAGE.as_bytes()), Format::Text);
    assert_eq!(detect("saved", NEWS_PAGE.as_bytes()), Format::Html);
    assert_eq!(detect("-", NEWS_PAGE.as_bytes()), Format::Html);
    assert_eq!(
        detect("-", b"# Title\n\nBody with [a link](x).\n"),
        Format::Markdown
    );
    assert_eq!(
        detect("article", b"# Title\n\nBody with [a link](x).\n"),
        Format::Text
    );
    assert_eq!(
        detect("-", b"The council voted 5 < 6 on Monday.\n"),
        Format::Text
    );
    assert_eq!(
        formats::to_text(Format::Text, "as <b>is</b>\n"),
        "as <b>is</b>\n"
    );
}

#[test]
fn markdown_file_loads_clean() {
    let dir = scratch_dir("md");
    let path = dir.join("story.md");
    std::fs::write(&path, "# Title here\n\nSome *text*\nwrapped.\n\nMore.\n").unwrap();
    let loaded = load_any(path.to_str().unwrap(), LoadOptions::default()).unwrap();
    assert_eq!(
        loaded.document.text,
        "Title here\nSome text wrapped.\nMore.\n"
    );
    assert_eq!(loaded.document.title(), Some("Title here"));
    let opened = formats::open_bytes("-", b"<html><body></body></html>".to_vec());
    assert_eq!(opened.format, Format::Html);
    let warnings = opened.loaded.warnings;
    assert!(warnings[0].contains("no article text"), "{:?}", warnings);
    let _ = Document::new("x", "");
    std::fs::remove_dir_all(dir).unwrap();
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir =
        std::env::temp_dir().join(format!("brief-formats-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn hostile_markdown_never_panics_and_stays_linear() {
    let cases = [
        "*a".repeat(30_000),
        "_a ".repeat(30_000),
        "*_~~".repeat(20_000),
        "[".repeat(30_000),
        "[a](".repeat(20_000),
        "![x][".repeat(20_000),
        "`".repeat(30_000) + "x",
        "` `` ```".repeat(10_000),
        "<a".repeat(30_000),
        "> ".repeat(30_000) + "deep",
        "- ".repeat(30_000),
        "```\n".to_string(),
        "\\".repeat(30_000),
        "[x]: y\n".repeat(10_000) + "[x]",
        "**a *b **c".repeat(10_000),
    ];
    let start = std::time::Instant::now();
    for case in &cases {
        let _ = markdown::to_text(case);
    }
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn open_tells_the_format_title_and_date() {
    let dir = scratch_dir("open");
    let path = dir.join("page.htm");
    let page = NEWS_PAGE.replace(
        "<h1>Harbor bridge reopens after repairs</h1>",
        "<h1>Will the harbor bridge hold?</h1>",
    );
    std::fs::write(&path, page).unwrap();
    let opened = formats::open(path.to_str().unwrap(), LoadOptions::default()).unwrap();
    assert_eq!(opened.format, Format::Html);
    assert_eq!(
        opened.title.as_deref(),
        Some("Will the harbor bridge hold?")
    );
    assert_eq!(
        opened.date.map(|d| d.to_string()).as_deref(),
        Some("2015-05-18")
    );
    // The document's own guess refuses a headline that ends like a sentence; the markup knows.
    assert_eq!(opened.loaded.document.title(), None);

    let md = dir.join("notes.md");
    std::fs::write(&md, "Heading\n=======\n\nBody text here.\n").unwrap();
    let opened = formats::open(md.to_str().unwrap(), LoadOptions::default()).unwrap();
    assert_eq!(opened.format, Format::Markdown);
    assert_eq!(opened.title.as_deref(), Some("Heading"));
    assert_eq!(opened.loaded.document.text, "Heading\nBody text here.\n");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn wordpress_page_with_sharing_and_comments() {
    let page = r##"<html><head><title>Council votes on budget &#8211; Town Blog</title>
        <meta name="twitter:title" content="Council votes on budget"></head>
        <body class="single-post"><div id="page" class="site">
        <div class="entry-header"><h1 class="entry-title">Council votes on budget</h1>
        <span class="posted-on"><time class="entry-date published" datetime="2023-03-07T10:00:00+00:00">March 7, 2023</time></span></div>
        <div class="entry-content">
          <p>The council approved the <q>lean</q> budget 7&ndash;2 on Tuesday night after a long debate.</p>
          <p>Residents packed the hall. <em>Many</em> spoke against the cuts to the library&rsquo;s hours.</p>
          <blockquote class="pull-quote">Many spoke against the cuts</blockquote>
          <p>The vote <a href="/v">was close<span class="screen-reader-text"> (opens in a new tab)</span></a>, said Ms. Okafor.</p>
          <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3>
            <ul><li><a href="#">Twitter</a></li><li><a href="#">Facebook</a></li></ul></div>
          <div id="jp-relatedposts" class="jp-relatedposts"><h3>Related</h3><p><a href="/x">Budget hearing set</a></p></div>
        </div>
        <div id="comments" class="comments-area"><h2>3 thoughts on this</h2>
          <ol class="comment-list"><li><p>What a night at the council, the debate went on for hours and hours.</p></li></ol></div>
        <div id="secondary" class="widget-area" role="complementary"><section class="widget"><h2>Archives</h2><p>March 2023 and many more months of posts are listed here for you.</p></section></div>
        </div></body></html>"##;
    let article = html::extract(page);
    assert_eq!(article.title.as_deref(), Some("Council votes on budget"));
    assert_eq!(
        article.date.map(|d| d.to_string()).as_deref(),
        Some("2023-03-07")
    );
    assert_eq!(
        article.paragraphs,
        [
            "The council approved the “lean” budget 7–2 on Tuesday night after a long debate.",
            "Residents packed the hall. Many spoke against the cuts to the library’s hours.",
            "The vote was close, said Ms. Okafor.",
        ]
    );
}

#[test]
fn teaser_cards_do_not_win_over_the_story() {
    // Related stories as many small <article> cards; the story itself in plain divs.
    let card = |n: usize| {
        format!("<article class=card><h3><a href=/{n}>Story {n}</a></h3><p>Teaser {n} text.</p></article>")
    };
    let cards: String = (0..6).map(card).collect();
    let page = format!(
        "<body><div class=content><h1>Main story</h1>\
         <p>The first long paragraph of the main story, with plenty of words in it to count.</p>\
         <p>The second long paragraph of the main story, again with plenty of words to count.</p>\
         <p>The third long paragraph of the main story, which closes the story for today.</p>\
         </div><div class=more>{cards}</div></body>"
    );
    let text = html::to_text(&page);
    assert!(
        text.starts_with("Main story\nThe first long paragraph"),
        "{text}"
    );
    assert!(!text.contains("Teaser"), "{text}");
    assert_eq!(text.lines().count(), 4, "{text}");
}

mod properties {
    use brief::formats::{html, markdown};
    use proptest::prelude::*;

    /// Markup-ish fragments glued together: tags, entities, quotes, brackets and words.
    fn soup(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                prop::sample::select(pieces).prop_map(str::to_string),
                "[a-zA-Z &;#<>\"'=/!*_`\\[\\]()\\-\n]{0,6}",
                "\\PC{0,3}",
            ],
            0..80,
        )
        .prop_map(|parts| parts.concat())
    }

    const HTML: &[&str] = &[
        "<p>",
        "</p>",
        "<div class=\"share\">",
        "</div>",
        "<article>",
        "</article>",
        "<br>",
        "<script>",
        "</script>",
        "<!--",
        "-->",
        "<h1>",
        "</h1>",
        "&amp;",
        "&#8217;",
        "&#x",
        "<a href='",
        "'>",
        "<time datetime=\"2015-05-18\">",
        "<li>",
        "<ul>",
        "<pre>",
        "<q>",
        "<title>",
        "</title>",
        "<head>",
        "<nav>",
        "</nav>",
        "<",
        ">",
        "\"",
    ];
    const MARKDOWN: &[&str] = &[
        "# ", "\n", "\n\n", "*", "**", "_", "`", "```\n", "[", "](", ")", "![", "> ", "- ", "1. ",
        "<!--", "-->", "---\n", "|", "[^1]", "[x]: ", "\\", "~~", "<b>", "&amp;",
    ];

    proptest! {
        #[test]
        fn html_never_panics_and_gives_clean_lines(page in soup(HTML)) {
            let text = html::to_text(&page);
            for line in text.lines() {
                prop_assert!(!line.is_empty());
                prop_assert_eq!(line, line.trim());
            }
        }

        #[test]
        fn markdown_never_panics_and_gives_clean_lines(md in soup(MARKDOWN)) {
            let text = markdown::to_text(&md);
            for line in text.lines() {
                prop_assert!(!line.is_empty());
            }
        }
    }
}

#[test]
fn the_dateline_gives_the_briefing_its_document_date() {
    // The dateline is written for the timeline's document-date finder: check that it finds it.
    let doc = Document::from_string("page.html", html::to_text(NEWS_PAGE));
    let briefing = brief::build_briefing(&doc, Default::default());
    assert_eq!(
        briefing.date.map(|d| d.to_string()).as_deref(),
        Some("2015-05-18")
    );
    assert_eq!(
        briefing.title.as_deref(),
        Some("Harbor bridge reopens after repairs")
    );
}
