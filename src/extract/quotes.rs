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

use attribution::{words, Cue, Word};
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

/// Finds the quotations of a document in text order.
///
/// Never panics and takes time linear in the text. `entities` is only used to fill
/// [`Speaker::entity`]; speakers are found without it.
pub fn extract_quotes(doc: &Document, entities: &[Entity]) -> Vec<Quote> {
    let text = doc.text.as_str();
    let found = marks::find_quotations(text, &doc.paragraphs);
    let headline = doc.title().and(doc.paragraphs.first().copied());
    let mut quotes: Vec<Quote> = Vec::with_capacity(found.len());
    for (i, f) in found.iter().enumerate() {
        let (kind, speaker) = classify(doc, &found, &quotes, i, headline);
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
    resolve_pronouns(doc, &mut quotes);
    link_entities(text, entities, &mut quotes);
    quotes
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
    let sent_open = span_at(&doc.sentences, doc.sentence_at(f.open.start), para);
    let sent_close = span_at(
        &doc.sentences,
        doc.sentence_at(end.saturating_sub(1)),
        close_para,
    );

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
    if in_headline
        || is_citation(after_span.slice(text))
        || (n_words <= LONG_WORDS && attribution::term_cue_before(&before_ws))
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
        if let Some(q) = done.get(i - 1).filter(|q| q.is_speech()) {
            cue = Some(q.speaker.as_ref().map(|s| s.span));
        }
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
        None if n_words >= LONG_WORDS => (QuoteKind::Speech, context_speaker(doc, found, done, i)),
        None => (QuoteKind::Term, None),
    }
}

/// A title cited as a source: `"Headline" — Publisher, date`.
fn is_citation(after: &str) -> bool {
    let t = after.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'));
    t.starts_with(['—', '–']) || t.starts_with("- ")
}

/// The speaker of a quotation that names none in its own sentence: the speaker of a
/// quotation in the sentence before, a speech verb's subject there (`Heald noted the findings.
/// "..."`), or the speaker of the quotation ending the previous paragraph.
fn context_speaker(doc: &Document, found: &[Found], done: &[Quote], i: usize) -> Option<Span> {
    let text = doc.text.as_str();
    let f = &found[i];
    let pi = doc.paragraph_at(f.open.start)?;
    let para = doc.paragraphs[pi];
    let si = doc.sentence_at(f.open.start)?;
    let prev_quote = i.checked_sub(1).map(|j| (&found[j], &done[j]));
    if si > 0 && para.encloses(doc.sentences[si - 1]) {
        let ps = doc.sentences[si - 1];
        if let Some((pf, pq)) = prev_quote {
            if pf.end() > ps.start && pq.is_speech() {
                return pq.speaker.as_ref().map(|s| s.span);
            }
        }
        let start = prev_quote.map_or(ps.start, |(pf, _)| pf.end().max(ps.start));
        let region = Span::new(start.min(ps.end), ps.end);
        return attribution::in_sentence(&words(text, region)).flatten();
    }
    // The quotation opens its paragraph: it may go on from the previous one.
    if pi == 0 || text[para.start..f.open.start].trim().len() > 0 {
        return None;
    }
    let prev_para = doc.paragraphs[pi - 1];
    if let Some((pf, pq)) = prev_quote {
        let last_sentence = doc
            .sentence_at(prev_para.end.saturating_sub(1))
            .map_or(prev_para, |k| doc.sentences[k]);
        if pq.is_speech() && pf.end() > last_sentence.start && prev_para.encloses(pq.span) {
            return pq.speaker.as_ref().map(|s| s.span);
        }
    }
    let tail = text[prev_para.start..prev_para.end].trim_end();
    if tail.ends_with(':') {
        let k = doc.sentence_at(prev_para.end.saturating_sub(1))?;
        return attribution::in_sentence(&words(text, doc.sentences[k])).flatten();
    }
    None
}

/// Fills [`Speaker::resolved`] for pronouns: the nearest speaker (of an earlier quotation, or
/// the subject of a speech verb in the sentences before) that is not itself a pronoun.
fn resolve_pronouns(doc: &Document, quotes: &mut [Quote]) {
    let text = doc.text.as_str();
    let mut last_named: Option<Span> = None;
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        if !sp.is_pronoun() {
            last_named = Some(sp.span);
            continue;
        }
        let mut best = last_named.filter(|s| s.end <= sp.span.start);
        // Speech-verb subjects in the three sentences before the pronoun's.
        if let Some(si) = doc.sentence_at(sp.span.start) {
            for k in si.saturating_sub(3)..=si {
                let s = doc.sentences[k];
                let region = Span::new(s.start, s.end.min(sp.span.start).max(s.start));
                if let Some(Some(found)) = attribution::in_sentence(&words(text, region)) {
                    let name = found.slice(text);
                    if !attribution::is_pronoun(name) && best.is_none_or(|b| found.start > b.start)
                    {
                        best = Some(found);
                    }
                }
            }
        }
        sp.resolved = best.map(|b| b.slice(text).to_string());
    }
}

/// Fills [`Speaker::entity`] from the entity whose mention the speaker (or the name a pronoun
/// resolves to) overlaps or matches.
fn link_entities(text: &str, entities: &[Entity], quotes: &mut [Quote]) {
    if entities.is_empty() {
        return;
    }
    for q in quotes.iter_mut() {
        let Some(sp) = q.speaker.as_mut() else {
            continue;
        };
        let by_span = entities
            .iter()
            .find(|e| e.mentions.iter().any(|m| m.overlaps(sp.span)));
        let wanted = sp.resolved.as_deref().unwrap_or(&sp.name);
        let by_name = || {
            entities.iter().find(|e| {
                e.name.eq_ignore_ascii_case(wanted)
                    || e.mentions
                        .iter()
                        .any(|m| m.slice(text).eq_ignore_ascii_case(wanted))
            })
        };
        let entity = if sp.is_pronoun() {
            by_name()
        } else {
            by_span.or_else(by_name)
        };
        sp.entity = entity.map(|e| e.name.clone());
    }
}

// Keep the word type reachable for the submodules' shared signatures.
#[allow(dead_code)]
fn _word_type(_: &Word) {}
