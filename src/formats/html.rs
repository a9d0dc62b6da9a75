//! A saved news page as the text brief reads: the headline, a dateline, the article's paragraphs.
//!
//! A small tolerant tokenizer builds a loose element tree (no HTML5 tree construction: wrong
//! nesting is forgiven, unknown end tags are ignored). The article is the `<article>` or
//! `<main>` holding most of the paragraph text, else the block with the densest `<p>` text;
//! menus, banners, share bars, related links and comments are dropped by tag, role, class and
//! link density. Every step is linear in the input and nothing here can panic on bad markup.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::extract::timeline::CalendarDate;

/// Deeper elements are kept flat: their text stays, their nesting does not.
const MAX_DEPTH: usize = 256;

/// The article of an HTML page as plain text: the headline on the first line, then a
/// `Published: May 18, 2015` line when the page gives a date, then one paragraph per line.
pub fn to_text(html: &str) -> String {
    extract(html).to_text()
}

/// What a page says about its article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Article {
    /// The headline: the article's `<h1>`, `og:title`, another `<h1>`, or `<title>`.
    pub title: Option<String>,
    /// The publication date from the page's metadata or a `<time>` element.
    pub date: Option<CalendarDate>,
    /// The body's paragraphs (headings and list items included), whitespace collapsed.
    pub paragraphs: Vec<String>,
}

impl Article {
    /// The title line, the dateline and the paragraphs, one per line.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let mut paragraphs = self.paragraphs.iter().peekable();
        if let Some(title) = &self.title {
            out.push_str(title);
            out.push('\n');
            if paragraphs.peek() == Some(&title) {
                paragraphs.next();
            }
        }
        if let Some(d) = self.date {
            out.push_str(&dateline(d));
            out.push('\n');
        }
        for p in paragraphs {
            out.push_str(p);
            out.push('\n');
        }
        out
    }
}

/// Finds the article of an HTML page: its headline, date and paragraphs.
pub fn extract(html: &str) -> Article {
    let tree = Tree::parse(html);
    let page = Page::analyze(&tree);
    Article {
        title: page.title.clone(),
        date: page.date,
        paragraphs: page.paragraphs(),
    }
}

// ---------------------------------------------------------------------------------------
// Tokenizer

#[derive(Debug)]
enum Token<'a> {
    Text(&'a str),
    Start {
        name: String,
        attrs: Vec<(String, String)>,
        self_closing: bool,
    },
    End(String),
    /// The content of a raw-text element (`script`, `style`, `title`, …), undecoded.
    Raw(&'a str),
}

/// Elements whose content is not markup: it runs to the matching end tag.
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    /// Set once a tag ran to the end of the input: no later `<` can end either.
    no_tag_end: bool,
    /// Set once a comment found no `-->`: later comments end at `>` without searching again.
    no_comment_end: bool,
    /// The raw-text element just opened, whose content comes next.
    raw: Option<String>,
    dquote: QuoteFinder,
    squote: QuoteFinder,
}

/// Finds the next quote character at or after a position that only moves forward, scanning
/// each byte at most once (an unclosed quote must not make every later tag rescan the rest).
struct QuoteFinder {
    quote: u8,
    found: Option<usize>,
    exhausted: bool,
}

impl QuoteFinder {
    fn new(quote: u8) -> Self {
        QuoteFinder {
            quote,
            found: None,
            exhausted: false,
        }
    }

    fn find(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        if self.exhausted {
            return None;
        }
        if let Some(f) = self.found {
            if f >= from {
                return Some(f);
            }
        }
        let start = from.max(self.found.map_or(0, |f| f + 1));
        match bytes
            .get(start..)
            .and_then(|rest| rest.iter().position(|&b| b == self.quote))
        {
            Some(i) => {
                self.found = Some(start + i);
                self.found
            }
            None => {
                self.exhausted = true;
                None
            }
        }
    }
}

impl<'a> Tokenizer<'a> {
    fn new(src: &'a str) -> Self {
        Tokenizer {
            src,
            pos: 0,
            no_tag_end: false,
            no_comment_end: false,
            raw: None,
            dquote: QuoteFinder::new(b'"'),
            squote: QuoteFinder::new(b'\''),
        }
    }

    fn bytes(&self) -> &'a [u8] {
        self.src.as_bytes()
    }

    /// The raw content of the element just opened, up to its end tag (left for the next call).
    fn raw_content(&mut self, name: &str) -> &'a str {
        let bytes = self.bytes();
        let start = self.pos;
        let mut i = start;
        while let Some(off) = find_byte(bytes, i, b'<') {
            if bytes.get(off + 1) == Some(&b'/') && ends_here(bytes, off + 2, name) {
                self.pos = off;
                return &self.src[start..off];
            }
            i = off + 1;
        }
        self.pos = self.src.len();
        &self.src[start..]
    }

    fn tag_name(&mut self) -> String {
        let bytes = self.bytes();
        let start = self.pos;
        while self.pos < bytes.len()
            && !matches!(
                bytes[self.pos],
                b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>'
            )
        {
            self.pos += 1;
        }
        to_lower(&self.src[start..self.pos])
    }

    fn skip_space(&mut self) {
        let bytes = self.bytes();
        while self.pos < bytes.len()
            && matches!(bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
        {
            self.pos += 1;
        }
    }

    /// A start tag after `<`: its attributes up to `>`. `None` when no `>` ends it.
    fn start_tag(&mut self) -> Option<Token<'a>> {
        let name = self.tag_name();
        let mut attrs = Vec::new();
        let mut self_closing = false;
        loop {
            self.skip_space();
            let bytes = self.bytes();
            let &b = bytes.get(self.pos)?;
            match b {
                b'>' => {
                    self.pos += 1;
                    break;
                }
                b'/' => {
                    self.pos += 1;
                    self_closing = bytes.get(self.pos) == Some(&b'>');
                }
                _ => {
                    let start = self.pos;
                    while self.pos < bytes.len()
                        && !matches!(
                            bytes[self.pos],
                            b' ' | b'\t' | b'\n' | b'\r' | 0x0C | b'/' | b'>' | b'='
                        )
                    {
                        self.pos += 1;
                    }
                    if self.pos == start {
                        // A lone `=`: skip it.
                        self.pos += 1;
                        continue;
                    }
                    let attr = to_lower(&self.src[start..self.pos]);
                    self.skip_space();
                    let mut value = String::new();
                    if bytes.get(self.pos) == Some(&b'=') {
                        self.pos += 1;
                        self.skip_space();
                        value = self.attr_value()?;
                    }
                    if attrs.len() < 64 {
                        attrs.push((attr, value));
                    }
                }
            }
        }
        Some(Token::Start {
            name,
            attrs,
            self_closing,
        })
    }

    fn attr_value(&mut self) -> Option<String> {
        let bytes = self.bytes();
        let q = *bytes.get(self.pos)?;
        if q == b'"' || q == b'\'' {
            let finder = if q == b'"' {
                &mut self.dquote
            } else {
                &mut self.squote
            };
            if let Some(end) = finder.find(bytes, self.pos + 1) {
                let value = &self.src[self.pos + 1..end];
                self.pos = end + 1;
                return Some(decode_entities(value).into_owned());
            }
            // An unclosed quote: the value runs to the end of the tag.
            self.pos += 1;
        }
        let start = self.pos;
        while self.pos < bytes.len()
            && !matches!(bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r' | b'>')
        {
            self.pos += 1;
        }
        Some(decode_entities(&self.src[start..self.pos]).into_owned())
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(name) = self.raw.take() {
            return Some(Token::Raw(self.raw_content(&name)));
        }
        // Comments and doctypes produce no token: loop past them (a page of a million
        // comments must not recurse a million deep).
        loop {
            let bytes = self.bytes();
            let start = self.pos;
            if start >= bytes.len() {
                return None;
            }
            if bytes[start] != b'<' || self.no_tag_end {
                let end = if self.no_tag_end {
                    bytes.len()
                } else {
                    find_byte(bytes, start + 1, b'<').unwrap_or(bytes.len())
                };
                self.pos = end;
                return Some(Token::Text(&self.src[start..end]));
            }
            let next = bytes.get(start + 1).copied().unwrap_or(b' ');
            if bytes[start + 1..].starts_with(b"!--") {
                let close = if self.no_comment_end {
                    None
                } else {
                    find_seq(bytes, start + 4, b"-->")
                };
                self.no_comment_end = close.is_none();
                self.pos = close
                    .map(|i| i + 3)
                    .or_else(|| find_byte(bytes, start + 4, b'>').map(|i| i + 1))
                    .unwrap_or(bytes.len());
                continue;
            }
            if next == b'!' || next == b'?' {
                self.pos = find_byte(bytes, start + 2, b'>').map_or(bytes.len(), |i| i + 1);
                continue;
            }
            if next == b'/' && bytes.get(start + 2).is_some_and(u8::is_ascii_alphabetic) {
                self.pos = start + 2;
                let name = self.tag_name();
                if let Some(end) = find_byte(bytes, self.pos, b'>') {
                    self.pos = end + 1;
                    return Some(Token::End(name));
                }
                self.no_tag_end = true;
                self.pos = start;
                continue;
            }
            if next.is_ascii_alphabetic() {
                self.pos = start + 1;
                let Some(token) = self.start_tag() else {
                    self.no_tag_end = true;
                    self.pos = start;
                    continue;
                };
                if let Token::Start {
                    name, self_closing, ..
                } = &token
                {
                    if is_raw_text(name) && !self_closing {
                        self.raw = Some(name.clone());
                    }
                }
                return Some(token);
            }
            // A stray `<`: text up to the next one.
            let end = find_byte(bytes, start + 1, b'<').unwrap_or(bytes.len());
            self.pos = end;
            return Some(Token::Text(&self.src[start..end]));
        }
    }
}

fn find_byte(bytes: &[u8], from: usize, b: u8) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&x| x == b)
        .map(|i| i + from)
}

fn find_seq(bytes: &[u8], from: usize, seq: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(at) = find_byte(bytes, i, seq[0]) {
        if bytes[at..].starts_with(seq) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Whether `bytes[at..]` starts with the tag name `name` (any case) and the name ends there.
fn ends_here(bytes: &[u8], at: usize, name: &str) -> bool {
    let n = name.len();
    let Some(candidate) = bytes.get(at..at + n) else {
        return false;
    };
    candidate.eq_ignore_ascii_case(name.as_bytes())
        && bytes
            .get(at + n)
            .is_none_or(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | 0x0C))
}

fn to_lower(s: &str) -> String {
    s.to_ascii_lowercase()
}

// ---------------------------------------------------------------------------------------
// Tree

#[derive(Debug, Default)]
struct Node {
    /// Lower-case tag name; empty for a text node.
    tag: String,
    attrs: Vec<(String, String)>,
    /// Decoded text of a text node (whitespace not yet collapsed).
    text: String,
    parent: usize,
    children: Vec<usize>,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn is_text(&self) -> bool {
        self.tag.is_empty()
    }
}

/// Elements without content or end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements that belong in `<head>`; any other ends an unclosed one.
fn is_head_matter(name: &str) -> bool {
    matches!(
        name,
        "meta"
            | "link"
            | "title"
            | "script"
            | "style"
            | "base"
            | "noscript"
            | "template"
            | "head"
            | "html"
    )
}

/// Elements that start a new block: they end an open `<p>`.
fn closes_paragraph(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "dl"
            | "table"
            | "blockquote"
            | "pre"
            | "article"
            | "section"
            | "aside"
            | "header"
            | "footer"
            | "nav"
            | "figure"
            | "form"
            | "hr"
            | "main"
            | "address"
            | "details"
            | "fieldset"
    )
}

/// Nodes in document order: a parent always has a smaller index than its children.
struct Tree {
    nodes: Vec<Node>,
    /// Text of `<script type="application/ld+json">` blocks, where dates often hide.
    json_ld: Vec<String>,
}

impl Tree {
    fn parse(html: &str) -> Tree {
        let mut nodes = vec![Node {
            tag: "#root".into(),
            ..Node::default()
        }];
        let mut json_ld = Vec::new();
        let mut stack: Vec<usize> = vec![0];
        let mut open: HashMap<String, usize> = HashMap::new();
        let mut last_raw_script_is_json = false;

        fn pop(stack: &mut Vec<usize>, open: &mut HashMap<String, usize>, nodes: &[Node]) {
            if stack.len() > 1 {
                if let Some(n) = stack.pop() {
                    if let Some(c) = open.get_mut(&nodes[n].tag) {
                        *c = c.saturating_sub(1);
                    }
                }
            }
        }

        /// Closes the innermost open `tag` and everything inside it; nothing when none is
        /// open (a stray end tag). The per-name count makes the check O(1), so a page of
        /// stray end tags stays linear.
        fn close(
            stack: &mut Vec<usize>,
            open: &mut HashMap<String, usize>,
            nodes: &[Node],
            tag: &str,
        ) {
            if open.get(tag).copied().unwrap_or(0) == 0 {
                return;
            }
            while let Some(&n) = stack.last() {
                if n == 0 {
                    break;
                }
                let done = nodes[n].tag == tag;
                pop(stack, open, nodes);
                if done {
                    break;
                }
            }
        }

        for token in Tokenizer::new(html) {
            let top = *stack.last().unwrap_or(&0);
            match token {
                Token::Text(raw) => {
                    let text = decode_entities(raw);
                    push_text(&mut nodes, top, &text);
                }
                Token::Raw(raw) => {
                    let tag = nodes[top].tag.as_str();
                    if tag == "script" && last_raw_script_is_json {
                        json_ld.push(raw.to_string());
                    } else if matches!(tag, "title" | "textarea") {
                        push_text(&mut nodes, top, &decode_entities(raw));
                    }
                }
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                } => {
                    // Implicitly closed elements: an open <p> before a block, a previous <li>.
                    let closes: &[&str] = match name.as_str() {
                        "li" => &["li"],
                        "dt" | "dd" => &["dt", "dd"],
                        "tr" => &["tr", "td", "th"],
                        "td" | "th" => &["td", "th"],
                        "option" => &["option"],
                        n if closes_paragraph(n) => &["p"],
                        _ => &[],
                    };
                    if !closes.is_empty() {
                        let barrier: &[&str] = match name.as_str() {
                            "li" => &["ul", "ol", "menu"],
                            "dt" | "dd" => &["dl"],
                            "tr" | "td" | "th" => &["table"],
                            _ => &[],
                        };
                        let found = stack
                            .iter()
                            .rev()
                            .take(8)
                            .take_while(|&&n| !barrier.contains(&nodes[n].tag.as_str()))
                            .position(|&n| closes.contains(&nodes[n].tag.as_str()));
                        if let Some(depth) = found {
                            for _ in 0..=depth {
                                pop(&mut stack, &mut open, &nodes);
                            }
                        }
                    }
                    // Anything but head matter ends an unclosed <head> (as in a browser).
                    if !is_head_matter(&name) {
                        close(&mut stack, &mut open, &nodes, "head");
                    }
                    let top = *stack.last().unwrap_or(&0);
                    last_raw_script_is_json = name == "script"
                        && attrs.iter().any(|(n, v)| {
                            n == "type" && v.eq_ignore_ascii_case("application/ld+json")
                        });
                    let index = nodes.len();
                    let pushes = !is_void(&name) && !self_closing && stack.len() < MAX_DEPTH;
                    nodes.push(Node {
                        tag: name,
                        attrs,
                        parent: top,
                        ..Node::default()
                    });
                    nodes[top].children.push(index);
                    if pushes {
                        *open.entry(nodes[index].tag.clone()).or_default() += 1;
                        stack.push(index);
                    }
                }
                Token::End(name) => close(&mut stack, &mut open, &nodes, &name),
            }
        }
        Tree { nodes, json_ld }
    }

    /// Whether `n` has an ancestor (or is) one of `tags`.
    fn within(&self, mut n: usize, tags: &[&str]) -> bool {
        loop {
            if tags.contains(&self.nodes[n].tag.as_str()) {
                return true;
            }
            if n == 0 {
                return false;
            }
            n = self.nodes[n].parent;
        }
    }

    /// All text under `n`, whitespace collapsed.
    fn text_of(&self, n: usize) -> String {
        let mut out = Collapser::default();
        let mut stack = vec![n];
        while let Some(i) = stack.pop() {
            let node = &self.nodes[i];
            if node.is_text() {
                out.push_str(&node.text);
            } else if matches!(node.tag.as_str(), "script" | "style") {
                continue;
            } else {
                if node.tag == "br" {
                    out.space();
                }
                stack.extend(node.children.iter().rev());
            }
        }
        out.finish()
    }
}

fn push_text(nodes: &mut Vec<Node>, parent: usize, text: &str) {
    if let Some(&last) = nodes[parent].children.last() {
        if nodes[last].is_text() {
            nodes[last].text.push_str(text);
            return;
        }
    }
    let index = nodes.len();
    nodes.push(Node {
        text: text.to_string(),
        parent,
        ..Node::default()
    });
    nodes[parent].children.push(index);
}

/// Builds a line of text with runs of whitespace collapsed to one space.
#[derive(Default)]
struct Collapser {
    out: String,
    pending_space: bool,
}

impl Collapser {
    fn push_str(&mut self, text: &str) {
        for c in text.chars() {
            if is_invisible_break(c) {
                continue;
            }
            if c.is_whitespace() && !is_kept_space(c) {
                self.space();
            } else {
                if self.pending_space && !self.out.is_empty() {
                    self.out.push(' ');
                }
                self.pending_space = false;
                self.out.push(c);
            }
        }
    }

    fn push(&mut self, c: char) {
        let mut buf = [0; 4];
        self.push_str(c.encode_utf8(&mut buf));
    }

    fn space(&mut self) {
        self.pending_space = true;
    }

    fn finish(&mut self) -> String {
        self.pending_space = false;
        std::mem::take(&mut self.out)
    }
}

/// Soft hyphens and zero-width break hints that pages sprinkle into long words: invisible in
/// a browser, but they would split the words brief searches and matches.
fn is_invisible_break(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Typographic spaces that carry meaning (thin spaces in numbers) stay as they are.
fn is_kept_space(c: char) -> bool {
    matches!(c, '\u{2009}' | '\u{202F}' | '\u{200A}')
}

// ---------------------------------------------------------------------------------------
// Finding the article

/// Class and id words of page furniture rather than article text.
const BOILERPLATE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "megamenu",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "share",
    "sharing",
    "sharebar",
    "social",
    "related",
    "recommended",
    "recommendations",
    "recirc",
    "trending",
    "popular",
    "comment",
    "comments",
    "disqus",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "footer",
    "header",
    "masthead",
    "popup",
    "modal",
    "banner",
    "outbrain",
    "taboola",
    "toolbar",
    "tags",
    "paywall",
    "widget",
    "skip",
    "tweet",
    "embed",
    "caption",
    "credit",
    "byline",
    "author",
    "bio",
    "pullquote",
    "hidden",
    "sr",
    "visuallyhidden",
    "offscreen",
];

/// Tags never part of the article text.
fn is_dropped_tag(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "nav"
            | "aside"
            | "form"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "label"
            | "canvas"
            | "video"
            | "audio"
            | "object"
            | "embed"
            | "figure"
            | "dialog"
            | "menu"
            | "head"
            | "header"
            | "footer"
            | "title"
    )
}

fn is_boilerplate_role(role: &str) -> bool {
    role.split_ascii_whitespace().any(|r| {
        matches!(
            r.to_ascii_lowercase().as_str(),
            "banner"
                | "navigation"
                | "contentinfo"
                | "complementary"
                | "search"
                | "dialog"
                | "alertdialog"
                | "menu"
                | "menubar"
                | "toolbar"
        )
    })
}

fn has_boilerplate_class(node: &Node) -> bool {
    let words = |v: &str| -> bool {
        v.split(|c: char| c.is_ascii_whitespace() || c == '-' || c == '_')
            .any(|w| {
                let w = w.to_ascii_lowercase();
                BOILERPLATE_WORDS.contains(&w.as_str())
            })
    };
    // Whole class names whose parts alone say too little.
    let names = |v: &str| -> bool {
        v.split_ascii_whitespace().any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "screen-reader-text" | "pull-quote" | "read-more" | "print-only"
            )
        })
    };
    node.attr("class").is_some_and(|v| words(v) || names(v))
        || node.attr("id").is_some_and(|v| words(v) || names(v))
}

fn is_hidden(node: &Node) -> bool {
    node.attr("hidden").is_some()
        || node
            .attr("aria-hidden")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        || node.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

/// Class or id names of the article body itself.
fn is_body_class(node: &Node) -> bool {
    node.attr("itemprop")
        .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
        || [node.attr("class"), node.attr("id")]
            .into_iter()
            .flatten()
            .flat_map(str::split_ascii_whitespace)
            .any(|w| {
                matches!(
                    w.to_ascii_lowercase().as_str(),
                    "article-body"
                        | "articlebody"
                        | "article__body"
                        | "article-content"
                        | "story-body"
                        | "storybody"
                        | "story-content"
                        | "post-content"
                        | "entry-content"
                        | "post-body"
                        | "content-body"
                )
            })
}

/// What the page analysis found: where the article is and what to leave out.
struct Page<'t> {
    tree: &'t Tree,
    /// Per node: left out of the article text.
    dropped: Vec<bool>,
    /// What is rendered, in text order: the container, and for a container found by
    /// density, the siblings that continue its text (a body split by an ad block).
    blocks: Vec<usize>,
    title: Option<String>,
    date: Option<CalendarDate>,
}

/// Text sizes per node: all text, paragraph text, link text (in non-whitespace chars).
#[derive(Clone, Copy, Default)]
struct Sizes {
    text: usize,
    para: usize,
    link: usize,
    /// How many `<p>` elements.
    paras: usize,
}

fn measure(tree: &Tree, dropped: Option<&[bool]>) -> Vec<Sizes> {
    let nodes = &tree.nodes;
    let mut sizes = vec![Sizes::default(); nodes.len()];
    for i in (0..nodes.len()).rev() {
        if dropped.is_some_and(|d| d[i]) {
            sizes[i] = Sizes::default();
            continue;
        }
        let node = &nodes[i];
        if node.is_text() {
            let n = node.text.chars().filter(|c| !c.is_whitespace()).count();
            sizes[i].text = n;
        } else if matches!(node.tag.as_str(), "script" | "style" | "title" | "textarea") {
            sizes[i] = Sizes::default();
        } else {
            match node.tag.as_str() {
                "p" => {
                    sizes[i].para = sizes[i].text;
                    sizes[i].paras += 1;
                }
                "a" => sizes[i].link = sizes[i].text,
                _ => {}
            }
        }
        if i > 0 {
            let s = sizes[i];
            let p = &mut sizes[node.parent];
            p.text += s.text;
            p.para += s.para;
            p.link += s.link;
            p.paras += s.paras;
        }
    }
    sizes
}

impl<'t> Page<'t> {
    fn analyze(tree: &'t Tree) -> Page<'t> {
        let nodes = &tree.nodes;
        let raw = measure(tree, None);
        let total = raw[0];
        // Furniture that holds most of the page's text is the page itself (a site that wraps
        // everything in a <form> or a `has-sidebar` div): never drop that.
        let dominant = |s: Sizes| {
            if total.para > 0 {
                s.para * 2 > total.para
            } else {
                s.text * 2 > total.text
            }
        };
        let mut dropped = vec![false; nodes.len()];
        for i in 1..nodes.len() {
            let node = &nodes[i];
            if dropped[node.parent] {
                dropped[i] = true;
                continue;
            }
            if node.is_text() {
                continue;
            }
            let tag = node.tag.as_str();
            let furniture = is_dropped_tag(tag)
                || node.attr("role").is_some_and(is_boilerplate_role)
                || has_boilerplate_class(node)
                || is_hidden(node);
            let s = raw[i];
            let link_dense = matches!(tag, "ul" | "ol" | "div" | "section" | "p" | "dl" | "table")
                && s.text > 0
                && s.link * 10 > s.text * 6;
            dropped[i] = (furniture || link_dense) && !dominant(s)
                || matches!(tag, "script" | "style" | "title");
        }
        let clean = measure(tree, Some(&dropped));
        let metric = |i: usize| {
            if clean[0].para > 0 {
                clean[i].para
            } else {
                clean[i].text
            }
        };
        let best_of = |pred: &dyn Fn(&Node) -> bool| -> Option<usize> {
            (1..nodes.len())
                .filter(|&i| !dropped[i] && pred(&nodes[i]))
                .max_by_key(|&i| (metric(i), std::cmp::Reverse(i)))
                .filter(|&i| metric(i) > 0 && metric(i) * 2 >= metric(0))
        };
        let container = best_of(&|n| n.tag == "article" || is_body_class(n))
            .or_else(|| {
                best_of(&|n| {
                    n.tag == "main"
                        || n.attr("role")
                            .is_some_and(|r| r.eq_ignore_ascii_case("main"))
                })
            })
            .map(|c| (c, vec![c]))
            .or_else(|| densest_block(tree, &dropped, &clean))
            .unwrap_or_else(|| {
                let body = nodes.iter().position(|n| n.tag == "body").unwrap_or(0);
                (body, vec![body])
            });
        let (container, blocks) = container;
        let title = find_title(tree, &dropped, container);
        let date = find_date(tree, container);
        Page {
            tree,
            dropped,
            blocks,
            title,
            date,
        }
    }

    fn paragraphs(&self) -> Vec<String> {
        let mut r = Renderer {
            page: self,
            lines: Vec::new(),
            line: Collapser::default(),
            brs: 0,
        };
        for &b in &self.blocks {
            r.block(b, 0);
        }
        r.flush();
        r.lines
    }
}

/// Readability's idea: each paragraph credits its parent fully and its grandparent by half;
/// the block with the most credit holds the article. Its siblings that read as prose (long
/// paragraphs, few links) and hold a fair share of text (a fifth of its credit), or that are
/// such paragraphs themselves, continue it. Returns the block and everything to render, in text order.
fn densest_block(tree: &Tree, dropped: &[bool], clean: &[Sizes]) -> Option<(usize, Vec<usize>)> {
    let nodes = &tree.nodes;
    let mut score = vec![0usize; nodes.len()];
    for i in 1..nodes.len() {
        if dropped[i] || nodes[i].tag != "p" {
            continue;
        }
        let parent = nodes[i].parent;
        score[parent] += clean[i].para;
        score[nodes[parent].parent] += clean[i].para / 2;
    }
    let best = (0..nodes.len())
        .filter(|&i| score[i] > 0)
        .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))?;
    if best == 0 {
        return Some((best, vec![best]));
    }
    let share = (score[best] / 5).max(1);
    let blocks = nodes[nodes[best].parent]
        .children
        .iter()
        .copied()
        .filter(|&c| {
            let s = clean[c];
            // Prose, not a list of teasers: long paragraphs, few links.
            let prose = s.paras > 0 && s.para / s.paras >= 50 && s.link * 4 < s.text;
            c == best
                || (!dropped[c]
                    && !nodes[c].is_text()
                    && prose
                    && (s.para >= share || nodes[c].tag == "p"))
        })
        .collect();
    Some((best, blocks))
}

fn clean_title(title: &str) -> String {
    // "Headline | Site" and "Headline - Site": keep the longest part.
    [" | ", " – ", " — ", " - ", " :: ", " · "]
        .iter()
        .find(|sep| title.contains(**sep))
        .and_then(|sep| title.split(sep).max_by_key(|p| p.trim().chars().count()))
        .unwrap_or(title)
        .trim()
        .to_string()
}

fn find_title(tree: &Tree, dropped: &[bool], container: usize) -> Option<String> {
    let nodes = &tree.nodes;
    let inside = |mut i: usize| loop {
        if i == container {
            return true;
        }
        if i == 0 {
            return false;
        }
        i = nodes[i].parent;
    };
    let h1s: Vec<usize> = (1..nodes.len())
        .filter(|&i| nodes[i].tag == "h1" && !tree.within(i, &["svg", "math", "nav", "footer"]))
        .collect();
    let non_empty = |t: String| (!t.is_empty()).then_some(t);
    if let Some(t) = h1s
        .iter()
        .filter(|&&i| inside(i))
        .find_map(|&i| non_empty(tree.text_of(i)))
    {
        return Some(t);
    }
    let meta = |names: &'static [&'static str]| meta_contents(tree, names).find_map(non_empty);
    let site = meta(&["og:site_name", "application-name"]);
    let without_site = |t: String| match &site {
        Some(site) => strip_site_name(&t, site).to_string(),
        None => t,
    };
    if let Some(t) = meta(&["og:title", "twitter:title", "dc.title"]) {
        return Some(without_site(t));
    }
    if let Some(t) = h1s
        .iter()
        .filter(|&&i| !dropped[i])
        .find_map(|&i| non_empty(tree.text_of(i)))
    {
        return Some(t);
    }
    (1..nodes.len())
        .filter(|&i| nodes[i].tag == "title" && !tree.within(i, &["svg", "math"]))
        .find_map(|i| {
            let t = tree.text_of(i);
            let stripped = without_site(t.clone());
            non_empty(if stripped.len() < t.len() {
                stripped
            } else {
                clean_title(&t)
            })
        })
}

/// The collapsed `content` of each `<meta>` whose `property`, `name` or `itemprop` (each
/// may list several names) is one of `names`.
fn meta_contents<'t>(tree: &'t Tree, names: &'t [&str]) -> impl Iterator<Item = String> + 't {
    tree.nodes
        .iter()
        .filter(|n| n.tag == "meta")
        .filter_map(move |n| {
            let named = ["property", "name", "itemprop"]
                .iter()
                .filter_map(|a| n.attr(a))
                .flat_map(str::split_ascii_whitespace)
                .any(|key| names.iter().any(|k| key.eq_ignore_ascii_case(k)));
            if !named {
                return None;
            }
            let mut c = Collapser::default();
            c.push_str(n.attr("content")?);
            Some(c.finish())
        })
}

/// `Headline - Site` or `Site | Headline` without the site's name.
fn strip_site_name<'a>(title: &'a str, site: &str) -> &'a str {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", ": "] {
        if let Some(head) = title
            .len()
            .checked_sub(site.len() + sep.len())
            .and_then(|at| {
                let tail = title.get(at..)?;
                (tail.get(..sep.len()) == Some(sep) && tail[sep.len()..].eq_ignore_ascii_case(site))
                    .then(|| title[..at].trim())
            })
        {
            return head;
        }
        if let Some(rest) = title
            .get(..site.len())
            .filter(|h| h.eq_ignore_ascii_case(site))
            .and_then(|_| title[site.len()..].strip_prefix(sep))
        {
            return rest.trim();
        }
    }
    title
}

fn find_date(tree: &Tree, container: usize) -> Option<CalendarDate> {
    let nodes = &tree.nodes;
    const META: &[&str] = &[
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "dcterms.issued",
        "sailthru.date",
        "parsely-pub-date",
        "article.published",
    ];
    let from_meta = meta_contents(tree, META).find_map(|v| parse_date(&v));
    if from_meta.is_some() {
        return from_meta;
    }
    let time_value = |n: &Node| {
        n.attr("datetime")
            .or_else(|| n.attr("content"))
            .and_then(parse_date)
    };
    let published = nodes.iter().find_map(|n| {
        let marked = n
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
            || (n.tag == "time" && n.attr("pubdate").is_some());
        if marked {
            time_value(n)
        } else {
            None
        }
    });
    if published.is_some() {
        return published;
    }
    let from_json = tree.json_ld.iter().find_map(|json| {
        let at = json.find("\"datePublished\"")?;
        let rest = &json[at + "\"datePublished\"".len()..];
        let rest = rest.trim_start().strip_prefix(':')?.trim_start();
        parse_date(rest.strip_prefix('"')?)
    });
    if from_json.is_some() {
        return from_json;
    }
    let times: Vec<usize> = (1..nodes.len())
        .filter(|&i| nodes[i].tag == "time")
        .collect();
    let in_container = times.iter().copied().find(|&i| {
        let mut j = i;
        while j != 0 && j != container {
            j = nodes[j].parent;
        }
        j == container
    });
    in_container
        .into_iter()
        .chain(times.iter().copied())
        .find_map(|i| time_value(&nodes[i]))
}

/// `2015-05-18`, `2015-05-18T09:00:00Z`, `2015/05/18`: the calendar day at the start.
fn parse_date(value: &str) -> Option<CalendarDate> {
    let v = value.trim();
    let head: String = v.chars().take(10).collect::<String>().replace('/', "-");
    if head.len() != 10 || !head.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    let date = CalendarDate::parse_iso(&head)?;
    (date.day <= days_in_month(date.year, date.month)).then_some(date)
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The line the timeline's document-date finder recognizes: `Published: May 18, 2015`.
pub fn dateline(date: CalendarDate) -> String {
    let month = MONTHS
        .get(usize::from(date.month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("Published: {month} {}, {}", date.day, date.year)
}

/// Short lines that are page furniture even inside the article.
fn is_furniture_line(line: &str) -> bool {
    let l = line
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        l.as_str(),
        "advertisement"
            | "advertisment"
            | "ad"
            | "skip to content"
            | "skip to main content"
            | "share"
            | "share this"
            | "share this article"
            | "share this story"
            | "read more"
            | "continue reading"
            | "related"
            | "related articles"
            | "related stories"
            | "sponsored"
            | "story continues below advertisement"
            | "article continues below advertisement"
            | "scroll to continue"
    )
}

struct Renderer<'p, 't> {
    page: &'p Page<'t>,
    lines: Vec<String>,
    line: Collapser,
    /// `<br>`s in a row since the last text: two end a paragraph.
    brs: usize,
}

fn is_block(tag: &str) -> bool {
    closes_paragraph(tag)
        || matches!(
            tag,
            "li" | "dt"
                | "dd"
                | "tr"
                | "caption"
                | "figcaption"
                | "body"
                | "center"
                | "hgroup"
                | "summary"
                | "legend"
                | "#root"
        )
}

impl Renderer<'_, '_> {
    fn flush(&mut self) {
        let line = self.line.finish();
        let trimmed = line.trim();
        if !trimmed.is_empty() && trimmed != "•" && !is_furniture_line(trimmed) {
            self.lines.push(trimmed.to_string());
        }
        self.brs = 0;
    }

    fn block(&mut self, i: usize, depth: usize) {
        let tree = self.page.tree;
        let node = &tree.nodes[i];
        if node.is_text() {
            if !node.text.trim().is_empty() {
                self.brs = 0;
            }
            self.line.push_str(&node.text);
            return;
        }
        // A block chosen to render is rendered even if it looks like furniture.
        if self.page.dropped[i] && depth > 0 {
            return;
        }
        let tag = node.tag.as_str();
        match tag {
            "br" => {
                self.brs += 1;
                if self.brs >= 2 {
                    self.flush();
                } else {
                    self.line.space();
                }
                return;
            }
            "img" | "hr" | "wbr" => return,
            "pre" => {
                self.flush();
                let mut text = String::new();
                collect_raw(tree, i, &mut text);
                // Code and verse keep their spacing; only the line ends are trimmed.
                for l in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
                    self.lines.push(l.to_string());
                }
                return;
            }
            "h1" if self.page.title.as_deref() == Some(tree.text_of(i).as_str()) => return,
            "td" | "th" => {
                self.line.space();
            }
            _ => {}
        }
        let block = is_block(tag);
        if block {
            self.flush();
        }
        if tag == "li" {
            self.line.push('•');
            self.line.space();
        }
        // Browsers draw quotation marks around <q>; quotes extraction needs them.
        if tag == "q" {
            self.line.push('“');
        }
        if depth < MAX_DEPTH {
            for &c in &node.children {
                self.block(c, depth + 1);
            }
        }
        if tag == "q" {
            self.line.push('”');
        }
        if block {
            self.flush();
        } else if matches!(tag, "td" | "th") {
            self.line.space();
        }
    }
}

/// The text of a `<pre>`, whitespace and line breaks as written.
fn collect_raw(tree: &Tree, i: usize, out: &mut String) {
    let mut stack = vec![i];
    while let Some(n) = stack.pop() {
        let node = &tree.nodes[n];
        if node.is_text() {
            out.push_str(&node.text);
        } else if node.tag == "br" {
            out.push('\n');
        } else {
            stack.extend(node.children.iter().rev());
        }
    }
}

// ---------------------------------------------------------------------------------------
// Character references

/// Named references that news pages use, with their characters.
const NAMED: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", "\u{a0}"),
    ("ensp", "\u{2002}"),
    ("emsp", "\u{2003}"),
    ("thinsp", "\u{2009}"),
    ("hairsp", "\u{200a}"),
    ("zwnj", "\u{200c}"),
    ("zwj", "\u{200d}"),
    ("shy", ""),
    ("ndash", "–"),
    ("mdash", "—"),
    ("minus", "−"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("hellip", "…"),
    ("prime", "′"),
    ("Prime", "″"),
    ("bull", "•"),
    ("middot", "·"),
    ("dagger", "†"),
    ("Dagger", "‡"),
    ("permil", "‰"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("plusmn", "±"),
    ("times", "×"),
    ("divide", "÷"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("sup1", "¹"),
    ("sup2", "²"),
    ("sup3", "³"),
    ("micro", "µ"),
    ("para", "¶"),
    ("sect", "§"),
    ("cent", "¢"),
    ("pound", "£"),
    ("yen", "¥"),
    ("euro", "€"),
    ("curren", "¤"),
    ("iexcl", "¡"),
    ("iquest", "¿"),
    ("ordf", "ª"),
    ("ordm", "º"),
    ("not", "¬"),
    ("macr", "¯"),
    ("acute", "´"),
    ("cedil", "¸"),
    ("uml", "¨"),
    ("brvbar", "¦"),
    ("larr", "←"),
    ("rarr", "→"),
    ("uarr", "↑"),
    ("darr", "↓"),
    ("Agrave", "À"),
    ("Aacute", "Á"),
    ("Acirc", "Â"),
    ("Atilde", "Ã"),
    ("Auml", "Ä"),
    ("Aring", "Å"),
    ("AElig", "Æ"),
    ("Ccedil", "Ç"),
    ("Egrave", "È"),
    ("Eacute", "É"),
    ("Ecirc", "Ê"),
    ("Euml", "Ë"),
    ("Igrave", "Ì"),
    ("Iacute", "Í"),
    ("Icirc", "Î"),
    ("Iuml", "Ï"),
    ("ETH", "Ð"),
    ("Ntilde", "Ñ"),
    ("Ograve", "Ò"),
    ("Oacute", "Ó"),
    ("Ocirc", "Ô"),
    ("Otilde", "Õ"),
    ("Ouml", "Ö"),
    ("Oslash", "Ø"),
    ("Ugrave", "Ù"),
    ("Uacute", "Ú"),
    ("Ucirc", "Û"),
    ("Uuml", "Ü"),
    ("Yacute", "Ý"),
    ("THORN", "Þ"),
    ("szlig", "ß"),
    ("agrave", "à"),
    ("aacute", "á"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("aring", "å"),
    ("aelig", "æ"),
    ("ccedil", "ç"),
    ("egrave", "è"),
    ("eacute", "é"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("igrave", "ì"),
    ("iacute", "í"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("eth", "ð"),
    ("ntilde", "ñ"),
    ("ograve", "ò"),
    ("oacute", "ó"),
    ("ocirc", "ô"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("oslash", "ø"),
    ("ugrave", "ù"),
    ("uacute", "ú"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("thorn", "þ"),
    ("yuml", "ÿ"),
    ("Scaron", "Š"),
    ("scaron", "š"),
    ("Zcaron", "Ž"),
    ("zcaron", "ž"),
    ("OElig", "Œ"),
    ("oelig", "œ"),
    ("Yuml", "Ÿ"),
    ("Ccaron", "Č"),
    ("ccaron", "č"),
];

/// Named references browsers also accept without the `;`.
const LEGACY: &[&str] = &["amp", "lt", "gt", "quot", "nbsp", "copy", "reg"];

/// What `&#128;`..`&#159;` mean on the web: the Windows-1252 characters.
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// A Windows-1252 byte as a character (also right for ISO-8859-1 text, which news sites
/// that declare it actually write in 1252).
pub(crate) fn cp1252_char(b: u8) -> char {
    match b {
        0x80..=0x9F => CP1252[usize::from(b - 0x80)],
        _ => char::from(b),
    }
}

/// Replaces character references (`&amp;`, `&#8217;`, `&#x2019;`) with their characters.
/// Unknown names stay as written.
pub fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        match decode_one(after) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference after a `&`: its text and how many bytes of `after` it used.
fn decode_one(after: &str) -> Option<(Cow<'static, str>, usize)> {
    let bytes = after.as_bytes();
    if bytes.first() == Some(&b'#') {
        let (hex, digits_start) = match bytes.get(1) {
            Some(b'x' | b'X') => (true, 2),
            _ => (false, 1),
        };
        let digits = bytes[digits_start..]
            .iter()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits == 0 {
            return None;
        }
        let s = &after[digits_start..digits_start + digits];
        let value = if digits > 8 {
            u32::MAX
        } else {
            u32::from_str_radix(s, if hex { 16 } else { 10 }).unwrap_or(u32::MAX)
        };
        let mut used = digits_start + digits;
        if bytes.get(used) == Some(&b';') {
            used += 1;
        }
        let c = match value {
            0x80..=0x9F => cp1252_char(value as u8),
            0 => '\u{FFFD}',
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        return Some((Cow::Owned(c.to_string()), used));
    }
    let name_len = bytes
        .iter()
        .take(32)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if name_len == 0 {
        return None;
    }
    let name = &after[..name_len];
    if bytes.get(name_len) == Some(&b';') {
        let (_, value) = NAMED.iter().find(|(n, _)| *n == name)?;
        return Some((Cow::Borrowed(value), name_len + 1));
    }
    // Without `;`: only the legacy names, and only when not followed by more of a word.
    if !LEGACY.contains(&name) || bytes.get(name_len) == Some(&b'=') {
        return None;
    }
    let (_, value) = NAMED.iter().find(|(n, _)| *n == name)?;
    Some((Cow::Borrowed(value), name_len))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_decode() {
        assert_eq!(
            decode_entities("AT&amp;T&#8217;s &ldquo;deal&rdquo;&nbsp;&#x2014; &#150; &bogus; & x"),
            "AT&T’s “deal”\u{a0}— – &bogus; & x"
        );
        assert_eq!(
            decode_entities("&amp &lt3 &#99999999999;"),
            "& &lt3 \u{FFFD}"
        );
    }

    #[test]
    fn tokenizer_survives_broken_markup() {
        for html in [
            "<",
            "<a",
            "</",
            "</a",
            "<!--",
            "<a href=\"x>",
            "<p class='a>b'>x",
            "<script>",
            "&#",
            "<<<>>>",
            "<p>é<b",
        ] {
            let _ = to_text(html);
        }
    }

    #[test]
    fn attributes_with_angle_brackets_in_quotes() {
        let tokens: Vec<_> = Tokenizer::new("<a title=\"x > y\" href='/a'>link</a>").collect();
        match &tokens[0] {
            Token::Start { name, attrs, .. } => {
                assert_eq!(name, "a");
                assert_eq!(attrs[0], ("title".into(), "x > y".into()));
                assert_eq!(attrs[1], ("href".into(), "/a".into()));
            }
            t => panic!("{t:?}"),
        }
        assert!(matches!(tokens[1], Token::Text("link")));
    }

    #[test]
    fn dates_parse_and_format() {
        let d = parse_date("2015-05-18T09:00:00+02:00").unwrap();
        assert_eq!(dateline(d), "Published: May 18, 2015");
        assert!(parse_date("2015-02-30").is_none());
        assert!(parse_date("yesterday").is_none());
    }

    #[test]
    fn soft_hyphens_and_zero_width_spaces_vanish() {
        assert_eq!(
            to_text("<p>Ober&shy;bürger\u{ad}meister Zero\u{200b}Width</p>"),
            "Oberbürgermeister ZeroWidth\n"
        );
    }

    #[test]
    fn title_suffix_is_dropped() {
        assert_eq!(
            clean_title("Big storm hits coast | The Daily"),
            "Big storm hits coast"
        );
    }
}
