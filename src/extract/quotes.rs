//! Direct quotations and who said them.
//!
//! [`extract_quotes`] pairs quotation marks (straight, curly, guillemets, low-9) into
//! quotations, keeps inner quotations as `nested`, tells reported speech from terms (scare
//! quotes, titles, slogans), and attributes speech to the speaker the text names: as written
//! (`he` where the text says `he said`), with the person a pronoun refers to in
//! [`Speaker::resolved`] and the matching entity, if any, in [`Speaker::entity`].
//!
//! The work is linear in the text: marks are paired in one pass per paragraph, and speakers are
//! looked for only in short windows around each quotation.

mod attribution;
mod marks;

use serde::{Deserialize, Serialize};

use crate::document::Document;
use crate::extract::entities::Entity;
use crate::span::Span;

pub(crate) use attribution::PREPOSITIONS;
use attribution::{words, Cue};
use marks::Found;

/// How far (in bytes) around a quotation its attribution is looked for.
const WINDOW: usize = 600;
/// Quotations shorter than this many words need an attribution close by to count as speech.
const SHORT_WORDS: usize = 5;
/// Unattributed quotations of at least this many words are still taken as speech.
const LONG_WORDS: usize = 6;

/// Reported words, or a scare quote, title or slogan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    Speech,
    Term,
}

impl QuoteKind {
    /// The word used in the JSON output and the UI (`speech`, `term`).
    pub fn label(self) -> &'static str {
        match self {
            QuoteKind::Speech => "speech",
            QuoteKind::Term => "term",
        }
    }
}

/// Who a quotation is attributed to, as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// The speaker as the text names it, titles dropped (`Mohib` for `Ambassador Mohib`,
    /// `he` for `he said`).
    pub name: String,
    /// Where `name` is in the text.
    pub span: Span,
    /// The entity the speaker refers to (its canonical name), where there is one.
    #[serde(default)]
    pub entity: Option<String>,
    /// For a pronoun (`he`, `she`, `it`, `they`...), the name it refers to as written earlier
    /// in the text (the last speaker or speech-verb subject before it); `None` otherwise.
    #[serde(default)]
    pub resolved: Option<String>,
}

impl Speaker {
    /// Whether the speaker is written as a pronoun (`he said`).
    pub fn is_pronoun(&self) -> bool {
        attribution::is_pronoun(&self.name)
    }

    /// Who the speaker is, for display and grouping: the entity's name, else the pronoun's
    /// referent, else the name as written.
    pub fn display(&self) -> &str {
        self.entity
            .as_deref()
            .or(self.resolved.as_deref())
            .unwrap_or(&self.name)
    }
}

/// One quotation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub span: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// Inner quotations, without their marks.
    pub nested: Vec<Span>,
}

impl Quote {
    /// What the Quotes pane shows for a quotation without a speaker.
    pub const UNATTRIBUTED: &'static str = "unattributed";

    /// Whether the quotation is reported speech (not a term).
    pub fn is_speech(&self) -> bool {
        self.kind == QuoteKind::Speech
    }

    /// The speaker for display ([`Speaker::display`]), or `unattributed`.
    pub fn speaker_display(&self) -> &str {
        self.speaker
            .as_ref()
            .map_or(Self::UNATTRIBUTED, Speaker::display)
    }
}

/// Quotations sharing a speaker, for the pane's grouped view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpeakerGroup {
    /// The fullest form of the speaker's name among the group (`Colette Heald` over `Heald`),
    /// or [`Quote::UNATTRIBUTED`].
    pub name: String,
    /// The entity the group's speakers refer to, where one of them names it.
    pub entity: Option<String>,
    /// Indexes into the quotations, in text order.
    pub quotes: Vec<usize>,
}

/// Groups quotations by who said them, groups in order of first appearance. A pronoun joins
/// the group of its referent; `Heald` and `Colette Heald` are one group (one name's words
/// contain the other's and they end alike); quotations without a speaker form one group at the
/// end.
pub fn group_by_speaker(quotes: &[Quote]) -> Vec<SpeakerGroup> {
    fn tokens(name: &str) -> Vec<String> {
        name.split_whitespace()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .filter(|w| !w.is_empty() && !matches!(w.as_str(), "the" | "a" | "an"))
            .collect()
    }
    let mut groups: Vec<SpeakerGroup> = Vec::new();
    let mut group_tokens: Vec<Vec<String>> = Vec::new();
    // Groups by the last word of their name: candidates to join, so grouping stays linear.
    let mut by_last: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    let mut unattributed: Vec<usize> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        let Some(sp) = &q.speaker else {
            unattributed.push(i);
            continue;
        };
        let name = sp.display();
        let toks = tokens(name);
        let Some(last) = toks.last().cloned() else {
            unattributed.push(i);
            continue;
        };
        let joined = by_last.get(&last).and_then(|candidates| {
            candidates.iter().copied().find(|&g| {
                let other = &group_tokens[g];
                toks.iter().all(|t| other.contains(t)) || other.iter().all(|t| toks.contains(t))
            })
        });
        match joined {
            Some(g) => {
                groups[g].quotes.push(i);
                if toks.len() > group_tokens[g].len() {
                    groups[g].name = name.to_string();
                    group_tokens[g] = toks;
                }
                if groups[g].entity.is_none() {
                    groups[g].entity = sp.entity.clone();
                }
            }
            None => {
                by_last.entry(last).or_default().push(groups.len());
                groups.push(SpeakerGroup {
                    name: name.to_string(),
                    entity: sp.entity.clone(),
                    quotes: vec![i],
                });
                group_tokens.push(toks);
            }
        }
    }
    if !unattributed.is_empty() {
        groups.push(SpeakerGroup {
            name: Quote::UNATTRIBUTED.to_string(),
            entity: None,
            quotes: unattributed,
        });
    }
    groups
}

/// Finds the quotations of a document in text order.
///
/// Never panics and takes time linear in the text. `entities` is only used to fill
/// [`Speaker::entity`]; speakers are found without it.
pub fn extract_quotes(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let text = doc.text.as_str();
    let found = marks::find_quotations(text, &doc.paragraphs);
    let headline = doc.title().and(doc.paragraphs.first().copied());
    let references = references_start(doc);
    if found.is_empty() {
        return Vec::new();
    }
    let sents = Sentences::new(doc);
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let (kind, speaker) = if references.is_some_and(|r| f.open.start >= r) {
            (QuoteKind::Term, None)
        } else {
            classify(doc, &sents, &found, &quotes, i, headline)
        };
        quotes.push(Quote {
            span: f.inner,
            kind,
            speaker: speaker.map(|span| Speaker {
                name: span.slice(text).to_string(),
                span,
                entity: None,
                resolved: None,
            }),
            nested: f.nested.clone(),
        });
    }
    resolve_pronouns(doc, &sents, &mut quotes);
    link_entities(text, entities, &mut quotes);
    quotes
}

/// The document's sentences, split here from its paragraphs so that extraction depends only
/// on the paragraphs: each paragraph when first asked about (those near quotation marks only).
struct Sentences<'a> {
    doc: &'a Document,
    split: Vec<std::cell::OnceCell<Vec<Span>>>,
}

/// A sentence: its paragraph and its place there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SentenceId {
    paragraph: usize,
    index: usize,
}

impl<'a> Sentences<'a> {
    fn new(doc: &'a Document) -> Sentences<'a> {
        Sentences {
            doc,
            split: (0..doc.paragraphs.len())
                .map(|_| std::cell::OnceCell::new())
                .collect(),
        }
    }

    /// The sentences of paragraph `p`.
    fn of(&self, p: usize) -> &[Span] {
        self.split[p].get_or_init(|| {
            crate::document::split_sentences(&self.doc.text, self.doc.paragraphs[p])
        })
    }

    /// The sentence holding `offset`, if any.
    fn at(&self, offset: usize) -> Option<SentenceId> {
        // A sentence lies within its paragraph.
        let paragraph = self.doc.paragraph_at(offset)?;
        let spans = self.of(paragraph);
        let index = spans.partition_point(|s| s.end <= offset);
        (index < spans.len() && spans[index].start <= offset)
            .then_some(SentenceId { paragraph, index })
    }

    /// The span of the sentence holding `offset`, or `fallback`.
    fn span_at(&self, offset: usize, fallback: Span) -> Span {
        self.at(offset).map_or(fallback, |id| self.span(id))
    }

    fn span(&self, id: SentenceId) -> Span {
        self.of(id.paragraph)[id.index]
    }

    /// The sentence before `id` in the text, in an earlier paragraph if `id` opens its own.
    fn before(&self, id: SentenceId) -> Option<SentenceId> {
        if id.index > 0 {
            return Some(SentenceId {
                index: id.index - 1,
                ..id
            });
        }
        (0..id.paragraph).rev().find_map(|paragraph| {
            let count = self.of(paragraph).len();
            (count > 0).then(|| SentenceId {
                paragraph,
                index: count - 1,
            })
        })
    }
}

/// Where a closing list of sources begins (a `Sources` or `References` heading): quotations
/// after it are cited titles.
fn references_start(doc: &Document) -> Option<usize> {
    doc.paragraphs.iter().find_map(|p| {
        if p.len() > 40 {
            return None;
        }
        let line = doc.slice(*p).trim().trim_end_matches(':').to_lowercase();
        matches!(
            line.as_str(),
            "sources"
                | "source"
                | "references"
                | "external links"
                | "further reading"
                | "bibliography"
        )
        .then_some(p.end)
    })
}

/// The span of the paragraph or sentence holding `offset`, or `fallback`.
fn span_at(spans: &[Span], index: Option<usize>, fallback: Span) -> Span {
    index
        .and_then(|i| spans.get(i).copied())
        .unwrap_or(fallback)
}

fn char_floor(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn char_ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Decides a quotation's kind and speaker from the words around it.
fn classify(
    doc: &Document,
    sents: &Sentences,
    found: &[Found],
    done: &[Quote],
    i: usize,
    headline: Option<Span>,
) -> (QuoteKind, Option<Span>) {
    let text = doc.text.as_str();
    let f = &found[i];
    let whole = Span::new(0, text.len());
    let para = span_at(&doc.paragraphs, doc.paragraph_at(f.open.start), whole);
    let end = f.end();
    let close_para = span_at(
        &doc.paragraphs,
        doc.paragraph_at(end.saturating_sub(1)),
        para,
    );
    let sent_open = sents.span_at(f.open.start, para);
    let sent_close = sents.span_at(end.saturating_sub(1), close_para);

    let mut lo = sent_open
        .start
        .max(para.start)
        .max(char_ceil(text, f.open.start.saturating_sub(WINDOW)));
    let prev = i.checked_sub(1).map(|j| &found[j]);
    let after_prev = prev.is_some_and(|p| p.end() <= f.open.start && p.end() >= lo);
    if after_prev {
        lo = prev.map_or(lo, Found::end);
    }
    let before_span = Span::new(lo.min(f.open.start), f.open.start);
    let mut hi = sent_close
        .end
        .min(close_para.end)
        .min(char_floor(text, end + WINDOW));
    if let Some(n) = found.get(i + 1) {
        if n.open.start >= end && n.open.start < hi {
            hi = n.open.start;
        }
    }
    let after_span = Span::new(end, hi.max(end));
    let before_ws = words(text, before_span);
    let after_ws = words(text, after_span);
    let n_words = f.inner.slice(text).split_whitespace().count();
    let short = n_words < SHORT_WORDS;

    let in_headline = headline.is_some_and(|h| h.encloses(f.inner));
    // `"Nigorie" ("Troubled Waters")`: a gloss or title in brackets.
    let bracketed = text[..f.open.start].ends_with('(')
        && text[end..].trim_start_matches([',', '.']).starts_with(')');
    if in_headline
        || bracketed
        || is_citation(text, para, f.open.start, after_span.slice(text))
        || attribution::term_cue_before(&before_ws)
    {
        return (QuoteKind::Term, None);
    }

    let inner_end = f.inner.slice(text).chars().next_back();
    let after_start = after_span.slice(text).trim_start().chars().next();
    let set_off = inner_end.is_some_and(|c| matches!(c, ',' | '!' | '?' | '…' | '—' | '–' | '-'))
        || after_start.is_some_and(|c| matches!(c, ',' | '—' | '–'));
    let mut cue: Cue = attribution::after(&after_ws, set_off);
    if cue.is_none() {
        cue = attribution::before(&before_ws, short);
    }
    if cue.is_none() && after_prev && !before_span.slice(text).contains(['.', '!', '?']) {
        // `"...", it added; and, later, "..."`: the same speaker goes on.
        if let Some(q) = done
            .get(i - 1)
            .filter(|q| q.is_speech() && q.speaker.is_some())
        {
            cue = Some(q.speaker.as_ref().map(|s| s.span));
        }
    }
    if cue.is_none() && !short && before_span.slice(text).trim_end().ends_with(':') {
        cue = attribution::colon_intro(&before_ws);
    }
    if cue == Some(None) && after_prev {
        // `"...", and said it was "..."`: the subject is the earlier quotation's speaker.
        if let Some(q) = done.get(i - 1).filter(|q| q.is_speech()) {
            cue = Some(q.speaker.as_ref().map(|s| s.span));
        }
    }
    match cue {
        Some(speaker) => {
            if short && attribution::term_cue_after(&after_ws) {
                (QuoteKind::Term, None)
            } else {
                (QuoteKind::Speech, speaker)
            }
        }
        None if title_case(f.inner.slice(text)) => (QuoteKind::Term, None),
        None if n_words >= LONG_WORDS || standalone(text, f, sent_open.start.max(para.start)) => (
            QuoteKind::Speech,
            context_speaker(doc, sents, found, done, i),
        ),
        None => (QuoteKind::Term, None),
    }
}

/// A quotation that is a sentence of its own (`"It's my home."`): speech, however short.
fn standalone(text: &str, f: &Found, sentence_start: usize) -> bool {
    let lead = text.get(sentence_start..f.open.start).unwrap_or("x");
    let ends = f.inner.slice(text).ends_with(['.', '!', '?', '…']);
    lead.trim().is_empty() && ends && f.inner.slice(text).split_whitespace().count() >= 2
}

/// Words in title case (`On the Last Day of the Year`): a title, not reported speech.
fn title_case(words: &str) -> bool {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
    ];
    if words.ends_with(['.', '!', '?', ',']) {
        return false;
    }
    let mut content = 0;
    for w in words.split_whitespace() {
        if SMALL.contains(&w) {
            continue;
        }
        if !w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return false;
        }
        content += 1;
    }
    content >= 2
}

/// A title cited as a source, on a line of its own: `"Headline" — Publisher, date`, or
/// `Author. "Headline" — Publisher`.
fn is_citation(text: &str, para: Span, open: usize, after: &str) -> bool {
    let lead = text.get(para.start..open).unwrap_or("x").trim_end();
    if !(lead.is_empty() || lead.ends_with('.')) {
        return false;
    }
    let t = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'));
    let Some(rest) = t.strip_prefix(['—', '–', '-']) else {
        return false;
    };
    rest.trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase)
}

/// The speaker of a quotation that names none in its own sentence: the speaker of a
/// quotation in the sentence before, a speech verb's subject there (`Heald noted the findings.
/// "..."`), or the speaker of the quotation ending the previous paragraph.
fn context_speaker(
    doc: &Document,
    sents: &Sentences,
    found: &[Found],
    done: &[Quote],
    i: usize,
) -> Option<Span> {
    let text = doc.text.as_str();
    let f = &found[i];
    let pi = doc.paragraph_at(f.open.start)?;
    let para = doc.paragraphs[pi];
    let si = sents.at(f.open.start)?;
    let prev_quote = i.checked_sub(1).map(|j| (&found[j], &done[j]));
    // The sentence before, in the same paragraph (`si` is in `para`).
    let previous = si
        .index
        .checked_sub(1)
        .map(|index| sents.span(SentenceId { index, ..si }));
    if let Some(ps) = previous {
        if let Some((pf, pq)) = prev_quote {
            if pf.end() > ps.start && pq.is_speech() {
                return pq.speaker.as_ref().map(|s| s.span);
            }
        }
        let start = prev_quote.map_or(ps.start, |(pf, _)| pf.end().max(ps.start));
        let floor = char_ceil(text, ps.end.saturating_sub(WINDOW));
        let region = Span::new(start.max(floor).min(ps.end), ps.end);
        return attribution::in_sentence(&words(text, region)).flatten();
    }
    // The quotation opens its paragraph: it may go on from the previous one.
    if pi == 0
        || !text
            .get(para.start..f.open.start)
            .is_some_and(|lead| lead.trim().is_empty())
    {
        return None;
    }
    let prev_para = doc.paragraphs[pi - 1];
    if let Some((pf, pq)) = prev_quote {
        let last_sentence = sents.span_at(prev_para.end.saturating_sub(1), prev_para);
        if pq.is_speech() && pf.end() > last_sentence.start && prev_para.encloses(pq.span) {
            return pq.speaker.as_ref().map(|s| s.span);
        }
    }
    let tail = text[prev_para.start..prev_para.end].trim_end();
    if tail.ends_with(':') {
        let s = sents.span(sents.at(prev_para.end.saturating_sub(1))?);
        let region = Span::new(
            s.start.max(char_ceil(text, s.end.saturating_sub(WINDOW))),
            s.end,
        );
        let ws = words(text, region);
        return attribution::in_sentence(&ws)
            .or_else(|| attribution::colon_intro(&ws))
            .flatten();
    }
    None
}

/// Fills [`Speaker::resolved`] for pronouns: the nearest speaker before it (of an earlier
/// quotation, or the subject of a speech verb outside quotations in the sentences before) that
/// is not itself a pronoun; `he` and `she` want a name (`Smith`, not `the company`).
fn resolve_pronouns(doc: &Document, sents: &Sentences, quotes: &mut [Quote]) {
    let text = doc.text.as_str();
    let inners: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    let mut last_named: Option<Span> = None;
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if !sp.is_pronoun() {
            last_named = Some(sp.span);
            continue;
        }
        let lower = sp.name.to_lowercase();
        if matches!(lower.as_str(), "i" | "you" | "we") {
            continue;
        }
        let personal = matches!(lower.as_str(), "he" | "she");
        let fits = |s: Span| {
            let name = s.slice(text);
            !attribution::is_pronoun(name)
                && (!personal
                    || name
                        .split_whitespace()
                        .last()
                        .and_then(|w| w.chars().next())
                        .is_some_and(char::is_uppercase))
        };
        let mut best = last_named.filter(|s| s.end <= sp.span.start && fits(*s));
        if let Some(si) = sents.at(sp.span.start) {
            // Nearest first: walk the text outside quotations backwards and stop at the first
            // speech-verb subject that fits, or once past the last named speaker.
            let floor = char_ceil(text, sp.span.start.saturating_sub(WINDOW));
            let mut budget = 6;
            // This sentence and up to three before it.
            let mut k = si;
            'sentences: for step in 0..4 {
                if step > 0 {
                    match sents.before(k) {
                        Some(before) => k = before,
                        None => break,
                    }
                }
                let s = sents.span(k);
                let start = s.start.max(floor);
                let end = s.end.min(sp.span.start);
                if start >= end {
                    continue;
                }
                for seg in outside(&inners, Span::new(start, end)).into_iter().rev() {
                    budget -= 1;
                    if budget == 0 || best.is_some_and(|b| seg.end <= b.start) {
                        break 'sentences;
                    }
                    if let Some(Some(found)) = attribution::in_sentence(&words(text, seg)) {
                        if fits(found) && best.is_none_or(|b| found.start > b.start) {
                            best = Some(found);
                            break 'sentences;
                        }
                    }
                }
            }
        }
        sp.resolved = best.map(|b| b.slice(text).to_string());
    }
}

/// The parts of `region` outside the quotations `inners` (sorted, not overlapping).
fn outside(inners: &[Span], region: Span) -> Vec<Span> {
    let mut segments = Vec::new();
    let mut cursor = region.start;
    let first = inners.partition_point(|q| q.end <= region.start);
    for q in &inners[first..] {
        if q.start >= region.end {
            break;
        }
        if q.start > cursor {
            segments.push(Span::new(cursor, q.start));
        }
        cursor = cursor.max(q.end);
    }
    if cursor < region.end {
        segments.push(Span::new(cursor, region.end));
    }
    segments
}

/// Fills [`Speaker::entity`] from the entity one of whose mentions the speaker overlaps (a
/// person's mention inside a longer speaker phrase narrows the speaker to it), or, for a
/// pronoun, the entity named like its referent.
fn link_entities(text: &str, entities: &[Entity], quotes: &mut [Quote]) {
    if entities.is_empty() {
        return;
    }
    let mut mentions: Vec<(Span, usize)> = entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |&m| (m, i)))
        .collect();
    mentions.sort();
    let mut by_name: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        by_name.entry(e.name.to_lowercase()).or_insert(i);
    }
    for &(m, i) in &mentions {
        by_name.entry(m.slice(text).to_lowercase()).or_insert(i);
    }
    // The surnames of people named in full (`Perotti` of `Giulia Perotti`), where only one
    // person has the surname: a speaker named by it alone is that person.
    let mut by_surname: std::collections::HashMap<String, Option<usize>> =
        std::collections::HashMap::new();
    for (i, e) in entities.iter().enumerate() {
        if e.kind != crate::extract::entities::EntityKind::Person {
            continue;
        }
        let mut words = e.name.split_whitespace();
        if let (Some(_), Some(last)) = (words.next(), words.next_back()) {
            by_surname
                .entry(last.to_lowercase())
                .and_modify(|found| {
                    if *found != Some(i) {
                        *found = None;
                    }
                })
                .or_insert(Some(i));
        }
    }
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if sp.is_pronoun() {
            let wanted = sp.resolved.as_deref().unwrap_or_default().to_lowercase();
            sp.entity = by_name.get(&wanted).map(|&i| entities[i].name.clone());
            continue;
        }
        let first = mentions.partition_point(|(m, _)| m.end <= sp.span.start);
        let overlapping: Vec<(Span, usize)> = mentions[first..]
            .iter()
            .take_while(|(m, _)| m.start < sp.span.end)
            .copied()
            .filter(|(m, _)| m.overlaps(sp.span))
            .collect();
        let person = overlapping.iter().rev().find(|(m, i)| {
            entities[*i].kind == crate::extract::entities::EntityKind::Person
                && sp.span.encloses(*m)
        });
        if let Some(&(m, i)) = person {
            sp.span = m;
            sp.name = m.slice(text).to_string();
            sp.entity = Some(entities[i].name.clone());
        } else if let Some(&(_, i)) = overlapping.last() {
            sp.entity = Some(entities[i].name.clone());
        } else {
            let name = sp.name.to_lowercase();
            sp.entity = by_name
                .get(&name)
                .copied()
                .or_else(|| by_surname.get(&name).copied().flatten())
                .map(|i| entities[i].name.clone());
        }
    }
}

#[cfg(test)]
mod sentence_tests {
    use super::*;

    /// The sentences split on demand, a paragraph at a time, against all of them split at once.
    #[test]
    fn sentences_split_on_demand_agree_with_all_at_once() {
        let texts = [
            "Title\n\nOne. Two! \"Three?\" Four.\n\n\n\nFive six. Seven.\n\nEight",
            "A b. C d.\n\n  \n\nE f? G h.\n\nI.",
            "",
            "Just one paragraph without a stop",
        ];
        for text in texts {
            let doc = Document::new("t", text);
            let all = doc.sentences().to_vec();
            let sents = Sentences::new(&doc);
            for offset in 0..=text.len() {
                let eager = all.iter().position(|s| s.start <= offset && offset < s.end);
                let lazy = sents.at(offset);
                assert_eq!(
                    lazy.map(|id| sents.span(id)),
                    eager.map(|k| all[k]),
                    "{offset}"
                );
                if let (Some(id), Some(k)) = (lazy, eager) {
                    let before = sents.before(id).map(|b| sents.span(b));
                    assert_eq!(before, k.checked_sub(1).map(|k| all[k]));
                }
            }
        }
    }
}
