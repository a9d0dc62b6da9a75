//! Wrapping the document into screen rows, lazily and cached: a keypress wraps only what is
//! visible, so it costs the same on a 10 MB file as on a short article.
//!
//! The document is cut into display blocks (paragraphs, with giant paragraphs cut into
//! pieces), and each block is wrapped on demand. A row is a byte range of the text, so
//! highlights and jumps work in text offsets throughout. Our own greedy wrapper (rather
//! than textwrap's) keeps exact byte offsets and measures characters as they are drawn
//! after sanitizing (a control picture or `\u{…}` escape is wider than the byte it shows).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};

use crate::document::Document;
use crate::sanitize::grapheme_width;
use crate::span::Span;

/// Giant paragraphs are cut into blocks of about this many bytes, so that wrapping one
/// block stays cheap however long a line the file has.
const MAX_BLOCK_BYTES: usize = 4096;

/// A piece of the text wrapped as a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub span: Span,
    /// A blank row goes before this block (it starts a new paragraph).
    pub gap_before: bool,
}

/// Where the top of the text view is: a row within a block (row 0 is the gap row, if any).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct RowPos {
    pub block: usize,
    pub row: usize,
}

/// One screen row: a byte range of the text (empty for a gap row).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub span: Span,
    pub is_gap: bool,
}

/// Display blocks of a document plus a cache of their wrapped rows at one width.
#[derive(Debug, Default)]
pub struct WrappedText {
    blocks: Vec<Block>,
    width: usize,
    /// Shared, so that asking for a block's rows (every step of a scroll) copies nothing.
    cache: RefCell<HashMap<usize, Arc<[Span]>>>,
}

impl WrappedText {
    pub fn new(doc: &Document) -> Self {
        WrappedText {
            blocks: display_blocks(doc),
            width: 0,
            cache: RefCell::new(HashMap::new()),
        }
    }

    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    pub fn width(&self) -> usize {
        self.width
    }

    /// How many blocks have their rows cached: rendering wraps only what it shows, so after a
    /// render this stays small however large the document is.
    pub fn cached_blocks(&self) -> usize {
        self.cache.borrow().len()
    }

    /// Sets the wrap width; a change drops the cache.
    pub fn set_width(&mut self, width: usize) {
        let width = width.max(1);
        if width != self.width {
            self.width = width;
            self.cache.get_mut().clear();
        }
    }

    /// The wrapped lines of a block (without its gap row); none for a block that does not
    /// exist (an empty document has no blocks at all).
    fn lines(&self, text: &str, block: usize) -> Arc<[Span]> {
        let Some(&Block { span, .. }) = self.blocks.get(block) else {
            return Arc::new([]);
        };
        if let Some(lines) = self.cache.borrow().get(&block) {
            return Arc::clone(lines);
        }
        let lines: Arc<[Span]> = wrap_span(text, span, self.width.max(1)).into();
        let mut cache = self.cache.borrow_mut();
        // A long scroll through a huge file must not keep every block's rows alive.
        if cache.len() > 4096 {
            cache.clear();
        }
        cache.insert(block, Arc::clone(&lines));
        lines
    }

    /// Rows a block takes on screen, its gap row included.
    pub fn block_rows(&self, text: &str, block: usize) -> usize {
        let gap = self.blocks.get(block).is_some_and(|b| b.gap_before);
        self.lines(text, block).len() + usize::from(gap)
    }

    /// The row at a position, if the position is inside the text.
    pub fn row(&self, text: &str, pos: RowPos) -> Option<Row> {
        let block = self.blocks.get(pos.block)?;
        let gap = usize::from(block.gap_before);
        if pos.row < gap {
            return Some(Row {
                span: Span::new(block.span.start, block.span.start),
                is_gap: true,
            });
        }
        let lines = self.lines(text, pos.block);
        lines.get(pos.row - gap).map(|&span| Row {
            span,
            is_gap: false,
        })
    }

    /// Up to `count` rows starting at `pos`.
    pub fn rows_from(&self, text: &str, pos: RowPos, count: usize) -> Vec<Row> {
        let mut rows = Vec::with_capacity(count);
        let mut pos = pos;
        while rows.len() < count {
            match self.row(text, pos) {
                Some(row) => rows.push(row),
                None => break,
            }
            match self.step_down(text, pos) {
                Some(next) => pos = next,
                None => break,
            }
        }
        rows
    }

    /// The next row's position, or `None` at the last row.
    pub fn step_down(&self, text: &str, pos: RowPos) -> Option<RowPos> {
        if pos.row + 1 < self.block_rows(text, pos.block) {
            Some(RowPos {
                block: pos.block,
                row: pos.row + 1,
            })
        } else if pos.block + 1 < self.blocks.len() {
            Some(RowPos {
                block: pos.block + 1,
                row: 0,
            })
        } else {
            None
        }
    }

    /// The previous row's position, or `None` at the first row.
    pub fn step_up(&self, text: &str, pos: RowPos) -> Option<RowPos> {
        if pos.row > 0 {
            Some(RowPos {
                block: pos.block,
                row: pos.row - 1,
            })
        } else if pos.block > 0 {
            let block = pos.block - 1;
            Some(RowPos {
                block,
                row: self.block_rows(text, block).saturating_sub(1),
            })
        } else {
            None
        }
    }

    /// Moves `pos` by `delta` rows, stopping at the ends.
    ///
    /// A move further than the text could have rows (`Top`, `Bottom`) goes straight to the end
    /// without wrapping everything on the way: every row but a gap row holds at least one byte.
    pub fn offset(&self, text: &str, mut pos: RowPos, delta: isize) -> RowPos {
        let Some(block) = self.blocks.get(pos.block) else {
            return pos;
        };
        let steps = delta.unsigned_abs();
        if delta > 0
            && steps
                > (text.len() - block.span.start.min(text.len()))
                    + 2 * (self.blocks.len() - pos.block)
        {
            return self.last(text);
        }
        if delta < 0 && steps > block.span.end + 2 * (pos.block + 1) {
            return self.first();
        }
        for _ in 0..delta.unsigned_abs() {
            let next = if delta > 0 {
                self.step_down(text, pos)
            } else {
                self.step_up(text, pos)
            };
            match next {
                Some(p) => pos = p,
                None => break,
            }
        }
        pos
    }

    /// The first row of the text.
    pub fn first(&self) -> RowPos {
        RowPos::default()
    }

    /// The last row of the text.
    pub fn last(&self, text: &str) -> RowPos {
        match self.blocks.len() {
            0 => RowPos::default(),
            n => RowPos {
                block: n - 1,
                row: self.block_rows(text, n - 1).saturating_sub(1),
            },
        }
    }

    /// The highest top position that still fills a view of `height` rows (like `less`).
    pub fn max_top(&self, text: &str, height: usize) -> RowPos {
        self.offset(text, self.last(text), -(height.saturating_sub(1) as isize))
    }

    /// The row holding byte `offset` (the nearest row when it falls between blocks).
    pub fn position_of(&self, text: &str, offset: usize) -> RowPos {
        if self.blocks.is_empty() {
            return RowPos::default();
        }
        let block = self
            .blocks
            .partition_point(|b| b.span.end <= offset)
            .min(self.blocks.len() - 1);
        let lines = self.lines(text, block);
        let line = lines.iter().rposition(|l| l.start <= offset).unwrap_or(0);
        RowPos {
            block,
            row: line + usize::from(self.blocks[block].gap_before),
        }
    }

    /// The byte offset a row starts at, for the status line's position.
    pub fn offset_of(&self, text: &str, pos: RowPos) -> usize {
        self.row(text, pos).map_or(text.len(), |r| r.span.start)
    }
}

/// Paragraphs as display blocks; a paragraph longer than `MAX_BLOCK_BYTES` is cut into
/// pieces after whitespace, or else at a grapheme boundary when a word is that long. Only a
/// single grapheme cluster larger than `4 * MAX_BLOCK_BYTES` (a base letter under thousands of
/// combining marks: no terminal draws that anyway) is cut inside, at a char boundary.
pub fn display_blocks(doc: &Document) -> Vec<Block> {
    let text = &doc.text;
    let mut blocks = Vec::with_capacity(doc.paragraphs.len());
    for (i, &para) in doc.paragraphs.iter().enumerate() {
        let mut start = para.start;
        let mut first = true;
        while start < para.end {
            let end = if para.end - start > MAX_BLOCK_BYTES {
                block_end(text, start, para.end)
            } else {
                para.end
            };
            blocks.push(Block {
                span: Span::new(start, end),
                gap_before: first && i > 0,
            });
            first = false;
            start = end;
        }
    }
    blocks
}

/// Where a block that starts at `start` (a grapheme boundary) ends, `limit` being the end of
/// its paragraph: after the last whitespace in the second half of the block's byte budget,
/// else at the last grapheme boundary within it.
///
/// The whitespace is found by a backward scan of at most half a block, and only the chosen
/// cut is checked with a `GraphemeCursor`, so cutting a paragraph costs about one pass over
/// its bytes however long it is (segmenting every grapheme of it made opening a 100 MB
/// one-line file take seconds).
fn block_end(text: &str, start: usize, limit: usize) -> usize {
    let mut cut = (start + MAX_BLOCK_BYTES).min(limit);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // Breaks are decided here from `start` on, as if the text began there: `start` is a
    // boundary, and no rule reaches back across a boundary to decide a later break (a
    // regional-indicator pair or an emoji ZWJ sequence cannot straddle one). Lookbacks stay
    // inside the block, so each check is cheap.
    let rest = &text[start..];
    let is_boundary = |at: usize| {
        GraphemeCursor::new(at - start, rest.len(), true)
            .is_boundary(rest, 0)
            .unwrap_or(false)
    };
    let mut floor = start + MAX_BLOCK_BYTES / 2 + 1;
    while !text.is_char_boundary(floor) {
        floor += 1;
    }
    let mut end = cut;
    while floor < end {
        let Some((at, c)) = text[floor..end]
            .char_indices()
            .rfind(|&(_, c)| c.is_whitespace())
        else {
            break;
        };
        let after = floor + at + c.len_utf8();
        if is_boundary(after) {
            return after;
        }
        end = floor + at;
    }
    // No whitespace to cut after: the last grapheme boundary at or before the budget.
    if is_boundary(cut) {
        return cut;
    }
    let mut cursor = GraphemeCursor::new(cut - start, rest.len(), true);
    let before = cursor.prev_boundary(rest, 0).ok().flatten().unwrap_or(0);
    if before > 0 {
        return start + before;
    }
    // One cluster from `start` past the budget: kept whole when it ends within four blocks
    // (probed in a bounded window, so a megabyte-long cluster costs no more than a block),
    // else cut at a char boundary.
    let mut probe_end = limit.min(start + 4 * MAX_BLOCK_BYTES + 1);
    while !text.is_char_boundary(probe_end) {
        probe_end -= 1;
    }
    let window = &text[start..probe_end];
    let whole = GraphemeCursor::new(0, window.len(), true)
        .next_boundary(window, 0)
        .ok()
        .flatten()
        .unwrap_or(window.len());
    if whole < 4 * MAX_BLOCK_BYTES {
        start + whole
    } else {
        cut
    }
}

/// Greedy wrap of `span` to `width` columns, breaking after whitespace, and inside a word
/// only when the word alone is wider than the line. Graphemes are never split; whitespace at
/// a break is dropped from the row; a newline inside the span is a space.
pub fn wrap_span(text: &str, span: Span, width: usize) -> Vec<Span> {
    let piece = span.slice(text);
    let base = span.start;
    let mut lines = Vec::new();
    let mut line_start: Option<usize> = None;
    let mut line_width = 0;
    // The byte after the last whitespace run in this line, and the row end before it.
    let mut break_at: Option<(usize, usize)> = None;
    let mut last_content_end = 0;
    let mut prev_was_space = false;
    let graphemes: Vec<(usize, &str)> = piece.grapheme_indices(true).collect();
    let mut i = 0;
    while i < graphemes.len() {
        let (at, g) = graphemes[i];
        let is_space = g.chars().all(char::is_whitespace);
        if line_start.is_none() {
            if is_space {
                i += 1;
                continue;
            }
            line_start = Some(at);
            line_width = 0;
            break_at = None;
            prev_was_space = false;
        }
        let start = line_start.unwrap_or(at);
        if is_space {
            if !prev_was_space {
                last_content_end = at;
            }
            prev_was_space = true;
            line_width += if g == "\n" { 1 } else { grapheme_width(g) };
            i += 1;
            continue;
        }
        if prev_was_space {
            break_at = Some((at, last_content_end));
            prev_was_space = false;
        }
        let w = grapheme_width(g);
        if line_width + w > width && at > start {
            match break_at {
                Some((next_start, row_end)) if next_start > start => {
                    lines.push(Span::new(base + start, base + row_end));
                    line_start = Some(next_start);
                    line_width = display_width_of(&graphemes, next_start, at);
                    break_at = None;
                }
                _ => {
                    lines.push(Span::new(base + start, base + at));
                    line_start = Some(at);
                    line_width = 0;
                    break_at = None;
                }
            }
            continue;
        }
        line_width += w;
        i += 1;
    }
    if let Some(start) = line_start {
        let end = if prev_was_space {
            last_content_end
        } else {
            piece.len()
        };
        lines.push(Span::new(base + start, base + end.max(start)));
    }
    if lines.is_empty() {
        lines.push(Span::new(span.start, span.start));
    }
    lines
}

fn display_width_of(graphemes: &[(usize, &str)], from: usize, to: usize) -> usize {
    let first = graphemes.partition_point(|(at, _)| *at < from);
    graphemes[first..]
        .iter()
        .take_while(|(at, _)| *at < to)
        .map(|(_, g)| grapheme_width(g))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sanitize::display_width;

    fn wrap(text: &str, width: usize) -> Vec<&str> {
        wrap_span(text, Span::new(0, text.len()), width)
            .into_iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(wrap("the quick brown fox", 10), ["the quick", "brown fox"]);
        assert_eq!(wrap("the quick brown fox", 9), ["the quick", "brown fox"]);
        assert_eq!(
            wrap("the quick brown fox", 8),
            ["the", "quick", "brown", "fox"]
        );
    }

    #[test]
    fn splits_a_long_word_by_grapheme() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("日本語です", 4), ["日本", "語で", "す"]);
        // A combining accent stays with its letter.
        assert_eq!(
            wrap("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    #[test]
    fn rows_never_exceed_the_width() {
        let text = "Emoji 👩‍👩‍👧 and 日本語 with \u{1b}[2J escapes\tand tabs, a longwordthatneverends.";
        for width in 1..30 {
            for row in wrap(text, width) {
                let w = display_width(row);
                assert!(w <= width.max(2), "{row:?} is {w} wide at {width}");
            }
        }
    }

    #[test]
    fn giant_paragraphs_become_bounded_blocks() {
        let doc = Document::new("t", &"word ".repeat(10_000));
        let blocks = display_blocks(&doc);
        assert!(blocks.len() > 5);
        assert!(blocks.iter().all(|b| b.span.len() <= MAX_BLOCK_BYTES));
        assert!(!blocks[1].gap_before);
    }

    #[test]
    fn an_empty_document_has_no_rows_and_no_panic() {
        let doc = Document::new("t", "");
        let mut wrapped = WrappedText::new(&doc);
        wrapped.set_width(10);
        let first = wrapped.first();
        assert_eq!(wrapped.step_down("", first), None);
        assert_eq!(wrapped.step_up("", first), None);
        assert_eq!(wrapped.offset("", first, isize::MAX / 2), first);
        assert_eq!(wrapped.max_top("", 20), first);
        assert!(wrapped.rows_from("", first, 5).is_empty());
    }

    #[test]
    fn giant_blocks_end_on_grapheme_boundaries() {
        // A word of combining sequences and ZWJ emoji, with no space to cut at.
        let unit = "e\u{301}👩\u{200d}👩\u{200d}👧";
        let doc = Document::new("t", &unit.repeat(2_000));
        let blocks = display_blocks(&doc);
        assert!(blocks.len() > 1);
        for b in &blocks {
            assert!(b.span.slice(&doc.text).starts_with('e'), "{b:?}");
        }
        // One cluster bigger than four blocks is the one thing cut inside.
        let doc = Document::new("t", &format!("a{}", "\u{301}".repeat(20_000)));
        assert!(display_blocks(&doc).len() > 4);
    }

    /// Blocks tile each paragraph, and every cut is a grapheme boundary of the whole text.
    fn check_blocks(doc: &Document) -> Vec<Block> {
        let text = &doc.text;
        let boundaries: std::collections::HashSet<usize> = text
            .grapheme_indices(true)
            .map(|(at, _)| at)
            .chain([text.len()])
            .collect();
        let blocks = display_blocks(doc);
        let mut at = 0;
        for para in &doc.paragraphs {
            at = at.max(para.start);
            for b in blocks.iter().filter(|b| para.contains(b.span.start)) {
                assert_eq!(b.span.start, at, "blocks must tile the paragraph");
                assert!(b.span.end > b.span.start);
                assert!(
                    boundaries.contains(&b.span.end),
                    "cut inside a cluster: {b:?}"
                );
                at = b.span.end;
            }
            assert_eq!(at, para.end);
        }
        blocks
    }

    #[test]
    fn blocks_are_cut_at_whitespace_and_only_between_graphemes() {
        // After a space, in the second half of the budget.
        let doc = Document::new("t", &"wörd 漢字 ".repeat(3_000));
        for b in &check_blocks(&doc)[..2] {
            assert!(b.span.slice(&doc.text).ends_with(' '), "{b:?}");
            assert!(b.span.len() > MAX_BLOCK_BYTES / 2 && b.span.len() <= MAX_BLOCK_BYTES);
        }
        // A space carrying a combining mark is one cluster: never cut after the space.
        let doc = Document::new("t", &"ab \u{301}".repeat(3_000));
        check_blocks(&doc);
        // No whitespace at all: flags (regional-indicator pairs), ZWJ emoji, CJK, CRLF-free
        // controls; each cut still lands between clusters.
        for unit in [
            "🇫🇷🇩🇪x",
            "👩\u{200d}👩\u{200d}👧",
            "漢字かな",
            "a\u{301}\u{302}",
        ] {
            let doc = Document::new("t", &unit.repeat(9_000 / unit.len() * 3));
            assert!(check_blocks(&doc).len() > 2, "{unit:?}");
        }
        // Odd start offsets of the flags: a regional-indicator run is paired from its start.
        let doc = Document::new("t", &format!("x{}", "🇫".repeat(5_000)));
        check_blocks(&doc);
        // A cluster bigger than a block but under four is kept whole.
        let doc = Document::new("t", &format!("a{} tail", "\u{301}".repeat(3_000)));
        let blocks = check_blocks(&doc);
        assert_eq!(blocks[0].span.len(), 1 + 2 * 3_000);
    }

    /// Cutting a long paragraph into blocks used to run the grapheme segmenter over every
    /// byte of it (a 100 MB one-line file took 1.85 s to open). Now it scans back a few bytes
    /// per block for whitespace and checks only the cut: far cheaper than segmenting.
    #[test]
    fn cutting_a_giant_line_costs_far_less_than_segmenting_it() {
        let doc = Document::new("t", &"word Ünïcödé 漢字 e\u{301} ".repeat(60_000));
        assert_eq!(doc.paragraphs.len(), 1);
        // Best of five, and a wide margin (it is ~20x here; the old code was 1.2x slower than
        // segmenting), so a busy machine cannot fail it.
        let best = |f: &dyn Fn() -> usize| {
            (0..5)
                .map(|_| {
                    let at = std::time::Instant::now();
                    std::hint::black_box(f());
                    at.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let cutting = best(&|| display_blocks(&doc).len());
        let segmenting = best(&|| doc.text.graphemes(true).count());
        assert!(
            cutting * 2 < segmenting,
            "cutting {cutting:?}, segmenting {segmenting:?}"
        );
    }

    #[test]
    fn moving_past_either_end_does_not_wrap_everything() {
        let doc = Document::new("t", &"word\n".repeat(10_000));
        let mut wrapped = WrappedText::new(&doc);
        wrapped.set_width(10);
        let last = wrapped.offset(&doc.text, wrapped.first(), isize::MAX / 2);
        assert_eq!(last, wrapped.last(&doc.text));
        assert_eq!(
            wrapped.offset(&doc.text, last, isize::MIN / 2),
            wrapped.first()
        );
        assert!(wrapped.cached_blocks() <= 2, "{}", wrapped.cached_blocks());
    }

    #[test]
    fn positions_round_trip() {
        let doc = Document::new("t", "one two three four\nfive six seven eight");
        let mut wrapped = WrappedText::new(&doc);
        wrapped.set_width(10);
        let pos = wrapped.position_of(&doc.text, doc.text.find("seven").unwrap());
        let row = wrapped.row(&doc.text, pos).unwrap();
        assert_eq!(row.span.slice(&doc.text), "seven");
        assert_eq!(
            wrapped.offset(&doc.text, wrapped.first(), 100),
            wrapped.last(&doc.text)
        );
    }
}
