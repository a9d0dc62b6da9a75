//! Who said a quotation: speech cues ("said", "told", "according to") near it and the noun
//! phrase they name. Works on words of short regions of text, never on the whole document.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::span::Span;

/// Punctuation right after a word, as far as phrase boundaries go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Punct {
    None,
    Comma,
    /// `;`, `:`, a dash or a bracket: ends a clause or a phrase.
    Clause,
    /// `.`, `!`, `?` ending a sentence (not an abbreviation's period).
    Stop,
}

/// A whitespace-separated word without its surrounding punctuation.
#[derive(Clone, Debug)]
pub(crate) struct Word {
    pub span: Span,
    pub lower: String,
    /// Written like a name: a capital (or a name particle before one, as in `al-Amr`).
    pub cap: bool,
    pub punct: Punct,
}

fn word_list(text: &'static str) -> HashSet<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

fn speech_verbs() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| word_list(include_str!("../../../assets/quotes/speech_verbs.txt")))
}

fn roles() -> &'static HashSet<&'static str> {
    static LIST: OnceLock<HashSet<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| word_list(include_str!("../../../assets/quotes/roles.txt")))
}

/// Words whose final period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "gov", "sen", "rep", "lt", "col",
    "capt", "sgt", "rev", "no", "inc", "corp", "co", "ltd", "vs", "hon",
];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i", "you"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your",
];
/// Prepositions, lowercase (the entity layer asks them too: `After Qatar, the team ...`).
pub(crate) const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "to", "for", "with", "by", "from", "into", "onto", "about", "after",
    "before", "during", "under", "over", "than", "like", "as", "via", "through", "despite",
    "against", "among", "between", "within", "without", "per", "upon", "across", "behind",
    "beyond", "toward", "towards", "of", "since", "until",
];
const CONJUNCTIONS: &[&str] = &[
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "while",
    "whilst",
    "although",
    "though",
    "because",
    "if",
    "unless",
    "when",
    "whenever",
    "where",
    "whether",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "how",
    "why",
    "what",
    "then",
    "however",
    "meanwhile",
    "allegedly",
    "also",
];
const AUXILIARIES: &[&str] = &[
    "is", "was", "were", "are", "be", "been", "being", "am", "has", "have", "had", "do", "does",
    "did", "will", "would", "can", "could", "shall", "should", "may", "might", "must", "not",
    "there", "here", "me", "him", "us", "them",
];
/// Words that may stand between a subject and its speech verb ("Smith also said").
const BETWEEN: &[&str] = &[
    "also",
    "later",
    "then",
    "further",
    "again",
    "once",
    "earlier",
    "has",
    "had",
    "have",
    "would",
    "will",
    "still",
    "too",
    "just",
    "already",
    "subsequently",
    "previously",
    "recently",
    "last",
    "yesterday",
    "today",
    "reportedly",
    "had",
    "not",
    "never",
    "later",
    "separately",
    "similarly",
];
/// Nouns that name a source of words through what follows them (`a statement from X`).
const SOURCE_NOUNS: &[&str] = &[
    "statement",
    "report",
    "release",
    "letter",
    "email",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "representative",
    "official",
    "officials",
    "source",
    "sources",
    "member",
    "members",
    "spokesmen",
    "memo",
    "post",
    "editorial",
    "interview",
    "transcript",
];
/// Before a speech verb, these make it a noun or a passive ("in remarks", "was told").
const NOT_BEFORE_VERB: &[&str] = &[
    "was", "were", "been", "being", "be", "is", "are", "am", "get", "gets", "got", "the", "a",
    "an", "his", "her", "its", "their", "our", "my", "your", "in", "of", "to", "for", "by", "with",
];
/// Between a cue and a quotation, these make the quotation someone else's words ("asked
/// officials how documents supposed to be stored in "approved cabinets" ...").
const INDIRECT: &[&str] = &["how", "whether", "why", "if", "what", "where", "when"];

fn is_in(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

fn is_stop_word(w: &str) -> bool {
    is_in(PREPOSITIONS, w) || is_in(CONJUNCTIONS, w) || is_in(AUXILIARIES, w)
}

/// Splits `region` of `text` into words.
pub(crate) fn words(text: &str, region: Span) -> Vec<Word> {
    let Some(body) = text.get(region.start..region.end) else {
        return Vec::new();
    };
    let mut out: Vec<Word> = Vec::new();
    for (start, token) in split_whitespace_indices(body) {
        let lead = token.len()
            - token
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .len();
        let core_and_tail = &token[lead..];
        let core_len = core_and_tail
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .len();
        if core_len == 0 {
            // A token of punctuation only: a dash or bracket ends the phrase before it.
            if let Some(last) = out.last_mut() {
                if last.punct == Punct::None {
                    last.punct = tail_punct(token, "");
                }
            }
            continue;
        }
        let core = &core_and_tail[..core_len];
        let tail = &core_and_tail[core_len..];
        let mut lower = core.to_lowercase();
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        if tail.starts_with('-') {
            // A compound cut at a line or a dash (`asylum claim- 'legacy backlog'`).
            lower.push('-');
        }
        let punct = tail_punct(tail, &lower);
        let abs = region.start + start + lead;
        let cap = is_name_like(core);
        out.push(Word {
            span: Span::new(abs, abs + core_len),
            lower,
            cap,
            punct,
        });
        if lead > 0 && token[..lead].contains(['(', '[', '—', '–']) && out.len() >= 2 {
            let i = out.len() - 2;
            if out[i].punct == Punct::None {
                out[i].punct = Punct::Clause;
            }
        }
    }
    out
}

fn split_whitespace_indices(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split(char::is_whitespace)
        .filter(|t| !t.is_empty())
        .map(move |t| (t.as_ptr() as usize - s.as_ptr() as usize, t))
}

fn tail_punct(tail: &str, lower: &str) -> Punct {
    if tail.contains(',') {
        return Punct::Comma;
    }
    if tail.contains([';', ':', '—', '–', '(', ')', '[', ']']) || tail == "-" {
        return Punct::Clause;
    }
    if tail.contains(['!', '?']) {
        return Punct::Stop;
    }
    if tail.starts_with('.') {
        let dotted = lower.contains('.');
        let initial = lower.chars().count() == 1;
        if dotted || initial || is_in(ABBREVIATIONS, lower) {
            return Punct::None;
        }
        return Punct::Stop;
    }
    Punct::None
}

fn is_name_like(core: &str) -> bool {
    let first = core.chars().next();
    if first.is_some_and(char::is_uppercase) {
        return true;
    }
    // al-Amr, bin Laden, van Gogh: a lowercase particle joined to or before a name.
    core.split(['-', '\''])
        .skip(1)
        .any(|part| part.chars().next().is_some_and(char::is_uppercase))
        || matches!(
            core,
            "al" | "bin" | "ibn" | "de" | "van" | "von" | "der" | "da" | "di" | "la" | "le" | "du"
        )
}

/// A speech verb used as one: lowercase, not passive ("was told"), not a noun ("in remarks").
fn is_verb_cue(ws: &[Word], i: usize) -> bool {
    let w = &ws[i];
    if w.cap || !speech_verbs().contains(w.lower.as_str()) {
        return false;
    }
    i == 0 || !is_in(NOT_BEFORE_VERB, &ws[i - 1].lower)
}

/// `according to X`, `in the words of X`: returns where X starts.
fn prep_cue(ws: &[Word], i: usize) -> Option<usize> {
    let next = ws.get(i + 1)?;
    match ws[i].lower.as_str() {
        "according" if next.lower == "to" && ws[i].punct == Punct::None => Some(i + 2),
        "words" if next.lower == "of" && i >= 1 && ws[i - 1].lower == "the" => Some(i + 2),
        _ => None,
    }
}

/// A cue found near a quotation: `Some(speaker)` when there is one, the speaker itself
/// possibly unknown.
pub(crate) type Cue = Option<Option<Span>>;

fn to_span(ws: &[Word], range: Option<(usize, usize)>) -> Option<Span> {
    let (a, b) = range?;
    let (a, b) = strip_roles(ws, a, b);
    Some(Span::new(ws[a].span.start, ws[b - 1].span.end))
}

/// A speaker named after the quotation: `"...," Smith said`, `"...," said Smith`,
/// `"...", according to Smith`.
///
/// `set_off` says the quotation ends with a comma (or `!`, `?`, a dash) inside or right after
/// its closing mark, as attributions that follow a quotation do; without it only a subject of
/// a few words may stand before the verb (`"..." she said`).
pub(crate) fn after(ws: &[Word], set_off: bool) -> Cue {
    // `according to X` anywhere before the sentence ends, unless a speech verb comes first
    // (`"...," he said, according to the BBC`).
    let mut prep: Option<(usize, usize)> = None;
    for i in 0..ws.len() {
        if let Some(s) = prep_cue(ws, i) {
            prep = Some((i, s));
            break;
        }
        if ws[i].punct == Punct::Stop {
            break;
        }
    }
    let reach = if set_off { 14 } else { 4 };
    let limit = prep.map_or(ws.len(), |(i, _)| i).min(reach);
    for c in 0..limit {
        if !is_verb_cue(ws, c) {
            if ws[c].punct == Punct::Stop || ws[c].punct == Punct::Clause {
                break;
            }
            continue;
        }
        let mut e = c;
        while e > 0 && is_between(&ws[e - 1]) {
            e -= 1;
        }
        if e == 0 {
            return Some(to_span(ws, np_after(ws, c + 1, ws.len())));
        }
        if ws[..e]
            .iter()
            .all(|w| is_in(CONJUNCTIONS, &w.lower) || is_between(w))
        {
            // `"...", and said it was "..."`: the subject is the sentence's, before the quote.
            return None;
        }
        return Some(to_span(ws, np_forward(ws, 0, e)));
    }
    prep.map(|(_, s)| to_span(ws, np_after(ws, s, ws.len())))
}

/// A speaker named before the quotation in its sentence: `Smith said: "..."`, `Smith told
/// reporters the plan was "dead"`, `according to Smith, "..."`. The cue nearest the quotation
/// wins; for a short quotation a speech verb must be close and must govern it.
pub(crate) fn before(ws: &[Word], short: bool) -> Cue {
    let n = ws.len();
    let prep = (0..n).rev().find_map(|i| prep_cue(ws, i).map(|s| (i, s)));
    let verb = (0..n).rev().find(|&v| is_verb_cue(ws, v));
    if let Some(v) = verb.filter(|&v| prep.is_none_or(|(i, _)| v > i)) {
        let usable = !short || {
            let far = n - v > 13;
            let indirect = ws[v + 1..].iter().any(|w| is_in(INDIRECT, &w.lower));
            // A comma or clause break between the verb and the quotation ends the verb's
            // reach (`checks will continue, officials will ... "streamline"`), unless the
            // quotation follows the verb's own comma (`said, "..."`).
            let broken = ws[v..n - 1].iter().any(|w| w.punct != Punct::None)
                || (v + 1 < n && ws[v].punct != Punct::None);
            !(far || indirect || broken)
        };
        if usable {
            // `Ek welcomed the decision, saying it "..."`: a participle after a comma speaks
            // for the clause's subject, not for the words just before it.
            let participle =
                v > 0 && ws[v].lower.ends_with("ing") && ws[v - 1].punct == Punct::Comma;
            let np = if participle {
                clause_subject(ws, 0, v).or_else(|| np_before(ws, v, 0))
            } else {
                np_before(ws, v, 0).or_else(|| clause_subject(ws, 0, v))
            };
            return Some(to_span(ws, np));
        }
    }
    prep.map(|(_, s)| to_span(ws, np_after(ws, s, n)))
}

/// A sentence introducing a quotation with a colon but no speech verb (`The governor ended
/// with a warning: "..."`): its subject speaks.
pub(crate) fn colon_intro(ws: &[Word]) -> Cue {
    let last = ws.last()?;
    if last.punct != Punct::Clause {
        return None;
    }
    Some(to_span(ws, clause_subject(ws, 0, ws.len())))
}

/// The subject of a speech verb anywhere in a sentence (for quotations that follow it).
pub(crate) fn in_sentence(ws: &[Word]) -> Cue {
    before(ws, false)
}

/// Walks back from a verb over the noun phrase that is its subject.
fn np_before(ws: &[Word], v: usize, lo: usize) -> Option<(usize, usize)> {
    let mut j = v;
    while j > lo && is_between(&ws[j - 1]) && ws[j - 1].punct == Punct::None {
        j -= 1;
    }
    if j == lo {
        return None;
    }
    let np = match ws[j - 1].punct {
        Punct::Comma => apposition(ws, j, lo, 0),
        Punct::None => relative_clause(ws, j, lo).or_else(|| collect_back(ws, j, lo)),
        _ => None,
    }?;
    // `a letter seen by Sky News says`: the subject is the noun before the participle.
    let (k, _) = np;
    if k >= lo + 2 && ws[k - 1].lower == "by" && is_participle(&ws[k - 2].lower) {
        if let Some((a, _)) = collect_back(ws, k - 2, lo) {
            return Some((a, k - 2));
        }
    }
    Some(np)
}

/// A word that may stand between a subject and its verb: `also`, `later`, `famously`,
/// `himself`.
fn is_between(w: &Word) -> bool {
    is_in(BETWEEN, &w.lower)
        || (!w.cap && w.lower.len() > 4 && w.lower.ends_with("ly"))
        || matches!(
            w.lower.as_str(),
            "himself" | "herself" | "itself" | "themselves" | "myself" | "ourselves"
        )
}

/// `A witness who did not want to be named told ...`: a relative clause without commas
/// between the subject and its verb; the subject is before `who` / `which`.
fn relative_clause(ws: &[Word], j: usize, lo: usize) -> Option<(usize, usize)> {
    let mut r = j;
    while r > lo && j - r < 10 {
        r -= 1;
        if ws[r].punct != Punct::None {
            return None;
        }
        if matches!(ws[r].lower.as_str(), "who" | "which") {
            return collect_back(ws, r, lo);
        }
    }
    None
}

fn is_participle(w: &str) -> bool {
    (w.ends_with("ed") || w.ends_with("en"))
        && !is_in(PREPOSITIONS, w)
        && !speech_verbs().contains(w)
        || matches!(
            w,
            "seen" | "made" | "sent" | "written" | "given" | "read" | "shown"
        )
}

/// `Smith, the department's spokesman, said` and `Smith, in a statement, said`: the phrase
/// before the verb is set off by commas; the subject is before it.
fn apposition(ws: &[Word], j: usize, lo: usize, depth: usize) -> Option<(usize, usize)> {
    let mut s = j - 1;
    while s > lo && ws[s - 1].punct == Punct::None {
        s -= 1;
    }
    let first = &ws[s];
    let before_is_chunk = s > lo && ws[s - 1].punct == Punct::Comma;
    let adverbial = is_in(PREPOSITIONS, &first.lower)
        || is_in(CONJUNCTIONS, &first.lower)
        || (first.lower.ends_with("ing") && !first.cap)
        || (first.lower.ends_with("ly") && !first.cap);
    if adverbial {
        if before_is_chunk && depth < 3 {
            return apposition(ws, s, lo, depth + 1);
        }
        return if s > lo {
            collect_back(ws, s, lo)
        } else {
            None
        };
    }
    let descriptive = is_in(DETERMINERS, &first.lower)
        || !first.cap
        || (s + 1 == j && is_party_and_state(&first.lower));
    if descriptive && before_is_chunk && ws[s - 1].cap {
        return collect_back(ws, s, lo);
    }
    // `Kim, a spokesman for the Ministry of Trade, Industry and Energy, said`: capitalized
    // words after a comma that ends a name inside an appositive are the rest of that name.
    if before_is_chunk && ws[s - 1].cap && depth < 3 {
        let mut t = s - 1;
        while t > lo && ws[t - 1].punct == Punct::None {
            t -= 1;
        }
        if is_in(DETERMINERS, &ws[t].lower) {
            return apposition(ws, s, lo, depth + 1);
        }
    }
    collect_back_from(ws, j, lo)
}

/// `Mike Johnson, R-La., said`: a lawmaker's party and state (lowercased here, its last
/// period gone with the comma), set off by commas after the name like an appositive.
fn is_party_and_state(lower: &str) -> bool {
    let b = lower.as_bytes();
    (4..=8).contains(&b.len())
        && matches!(b[0], b'd' | b'r' | b'i')
        && b[1] == b'-'
        && b[2..].iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
}

fn collect_back(ws: &[Word], j: usize, lo: usize) -> Option<(usize, usize)> {
    if j == lo || ws[j - 1].punct != Punct::None {
        if j > lo && ws[j - 1].punct == Punct::Comma {
            return collect_back_from(ws, j, lo);
        }
        return None;
    }
    collect_back_from(ws, j, lo)
}

/// Collects the noun phrase ending at word `j - 1`, whatever punctuation follows it.
fn collect_back_from(ws: &[Word], j: usize, lo: usize) -> Option<(usize, usize)> {
    let mut k = j;
    while k > lo {
        let w = &ws[k - 1];
        if k < j && w.punct != Punct::None {
            break;
        }
        let l = w.lower.as_str();
        if is_in(PRONOUNS, l) && !(k >= lo + 2 && is_in(DETERMINERS, &ws[k - 2].lower)) {
            if k == j {
                k -= 1;
            }
            break;
        }
        if is_in(DETERMINERS, l) {
            // `John Smith of the University of Michigan`, `the head of the agency`.
            let of_the = l == "the"
                && k >= lo + 3
                && ws[k - 2].punct == Punct::None
                && ws[k - 3].punct == Punct::None
                && ((ws[k - 2].lower == "of" && ws[k - 3].cap)
                    || (matches!(ws[k - 2].lower.as_str(), "of" | "for" | "from" | "at")
                        && is_in(SOURCE_NOUNS, &ws[k - 3].lower)));
            if of_the && j - k < 6 {
                k -= 2;
                continue;
            }
            k -= 1;
            break;
        }
        let joins_names = matches!(l, "of" | "and") && k >= lo + 2 && ws[k - 2].cap;
        if joins_names && k < j && ws[k].cap && ws[k - 2].punct == Punct::None {
            k -= 1;
            continue;
        }
        if is_stop_word(l) || speech_verbs().contains(l) && !w.cap {
            break;
        }
        if j - k >= 8 {
            break;
        }
        k -= 1;
    }
    (k < j).then_some((k, j))
}

/// A noun phrase starting at `s`: a pronoun, or words up to a comma or a function word.
fn np_forward(ws: &[Word], s: usize, e: usize) -> Option<(usize, usize)> {
    if s >= e {
        return None;
    }
    if is_in(PRONOUNS, &ws[s].lower) {
        return Some((s, s + 1));
    }
    if is_stop_word(&ws[s].lower) {
        return None;
    }
    let mut k = s;
    while k < e && k - s < 8 {
        let l = ws[k].lower.as_str();
        if k > s {
            let of_in_name = matches!(l, "of" | "and")
                && ws[k - 1].cap
                && ws[k - 1].punct == Punct::None
                && ws.get(k + 1).is_some_and(|w| w.cap);
            // `a statement from the company`, `a spokesman for the ministry`: the source
            // goes with the phrase.
            let source_of = matches!(l, "from" | "by" | "of" | "for" | "at")
                && is_in(SOURCE_NOUNS, &ws[k - 1].lower);
            if (is_stop_word(l) && !of_in_name && !source_of) || is_in(PRONOUNS, l) {
                break;
            }
            if speech_verbs().contains(l) && !ws[k].cap {
                break;
            }
        }
        k += 1;
        if ws[k - 1].punct != Punct::None {
            break;
        }
    }
    (k > s).then_some((s, k))
}

/// The noun phrase after a cue; a name set off after a description wins
/// (`the Crown prosecutor, Mark Tedeschi,`).
fn np_after(ws: &[Word], s: usize, e: usize) -> Option<(usize, usize)> {
    let mut s = s;
    while s < e && is_in(BETWEEN, &ws[s].lower) {
        s += 1;
    }
    let (a, b) = np_forward(ws, s, e)?;
    if ws[b - 1].punct == Punct::Comma && (is_in(DETERMINERS, &ws[a].lower) || !ws[a].cap) {
        let mut d = b;
        while d < e && d - b < 4 && ws[d].cap && !is_in(PRONOUNS, &ws[d].lower) {
            d += 1;
            if ws[d - 1].punct != Punct::None {
                break;
            }
        }
        if d > b && ws[b..d].iter().all(|w| w.cap) && !is_in(DETERMINERS, &ws[b].lower) {
            return Some((b, d));
        }
    }
    Some((a, b))
}

/// The subject of the clause a verb belongs to, when nothing stands right before the verb
/// (`Smith defended the plan while promising "..."`).
fn clause_subject(ws: &[Word], lo: usize, v: usize) -> Option<(usize, usize)> {
    let mut s = lo;
    let mut guard = 0;
    while s < v && guard < 4 {
        guard += 1;
        let first = ws[s].lower.as_str();
        let adverbial = is_in(PREPOSITIONS, first)
            || is_in(CONJUNCTIONS, first)
            || (first.ends_with("ing") && !ws[s].cap)
            || (first.ends_with("ly") && !ws[s].cap);
        if !adverbial {
            break;
        }
        match (s..v).find(|&k| ws[k].punct == Punct::Comma) {
            Some(e) => s = e + 1,
            None => s += 1,
        }
    }
    if s >= v {
        return None;
    }
    if is_in(PRONOUNS, &ws[s].lower) {
        return Some((s, s + 1));
    }
    if is_in(DETERMINERS, &ws[s].lower) {
        let mut k = s + 1;
        while k < v && k - s < 5 {
            let w = &ws[k];
            let verb_like =
                !w.cap && (w.lower.ends_with("ed") || speech_verbs().contains(w.lower.as_str()));
            if is_stop_word(&w.lower)
                || is_in(DETERMINERS, &w.lower)
                || is_in(PRONOUNS, &w.lower)
                || verb_like
            {
                break;
            }
            k += 1;
            if ws[k - 1].punct != Punct::None {
                break;
            }
        }
        return (k > s + 1).then_some((s, k));
    }
    if ws[s].cap {
        let mut k = s;
        while k < v && k - s < 6 {
            let of_in_name = ws[k].lower == "of" && k > s && ws.get(k + 1).is_some_and(|w| w.cap);
            if !(ws[k].cap || of_in_name) {
                break;
            }
            k += 1;
            if ws[k - 1].punct != Punct::None {
                break;
            }
        }
        return Some((s, k));
    }
    None
}

/// Drops titles and roles before a name: `Ambassador Mohib` -> `Mohib`, `team member Rodaba
/// Noori` -> `Rodaba Noori`.
fn strip_roles(ws: &[Word], a: usize, b: usize) -> (usize, usize) {
    let mut start = a;
    // `the critic Sam Hale`, `the company's chief executive John Smith`: a description
    // before a name.
    if ws[b - 1].cap {
        if let Some(r) = (a..b - 1).rev().find(|&r| {
            !ws[r].cap
                && !matches!(ws[r].lower.as_str(), "of" | "and")
                && !is_in(DETERMINERS, &ws[r].lower)
        }) {
            if ws[r + 1..b].iter().all(|w| w.cap) {
                start = r + 1;
            }
        }
    }
    for r in a..b.saturating_sub(1) {
        let l = ws[r].lower.trim_end_matches('.');
        let l = l.strip_suffix("'s").unwrap_or(l);
        let role = roles().contains(l) || l.split('-').any(|part| roles().contains(part));
        if role && ws[r + 1..b].iter().all(|w| w.cap) {
            start = r + 1;
        }
    }
    (start, b)
}

/// Words right before a quotation that make it a name, a title or a term (`named "Hope"`,
/// `the words "and Emergency"`, `known as "..."`).
pub(crate) fn term_cue_before(ws: &[Word]) -> bool {
    let n = ws.len();
    if n == 0 || ws[n - 1].punct != Punct::None {
        return false;
    }
    let last = ws[n - 1].lower.as_str();
    let prev = n.checked_sub(2).map(|i| ws[i].lower.as_str());
    matches!(
        last,
        "named"
            | "called"
            | "dubbed"
            | "titled"
            | "entitled"
            | "nicknamed"
            | "labelled"
            | "labeled"
            | "branded"
            | "so-called"
            | "word"
            | "words"
            | "term"
            | "terms"
            | "phrase"
            | "slogan"
            | "motto"
            | "hashtag"
            | "book"
            | "novel"
            | "film"
            | "movie"
            | "song"
            | "album"
            | "poem"
            | "play"
            | "episode"
            | "series"
            | "documentary"
            | "exhibition"
            | "headline"
            | "painting"
            | "opera"
            | "musical"
            | "titles"
            | "title"
    ) || (last == "as" && matches!(prev, Some("known" | "described" | "referred" | "listed")))
}

/// Words right after a short quotation that make it a name (`its "Always Day 1" philosophy`).
pub(crate) fn term_cue_after(ws: &[Word]) -> bool {
    ws.first().is_some_and(|w| {
        matches!(
            w.lower.as_str(),
            "philosophy"
                | "slogan"
                | "motto"
                | "mantra"
                | "campaign"
                | "brand"
                | "label"
                | "status"
                | "policy"
                | "strategy"
                | "initiative"
                | "programme"
                | "program"
                | "doctrine"
                | "movement"
                | "approach"
                | "model"
                | "era"
        )
    })
}

/// Whether a word is a personal pronoun (a speaker to resolve).
pub(crate) fn is_pronoun(name: &str) -> bool {
    let l = name.to_lowercase();
    is_in(PRONOUNS, l.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(text: &str, f: fn(&[Word]) -> Cue) -> Option<String> {
        let ws = words(text, Span::new(0, text.len()));
        f(&ws).flatten().map(|s| s.slice(text).to_string())
    }

    #[test]
    fn subject_skips_apposition() {
        let after_fn: fn(&[Word]) -> Cue = |w| after(w, true);
        assert_eq!(
            speaker(", Khaled Al-Maeena, editor at the Gazette, said.", after_fn).as_deref(),
            Some("Khaled Al-Maeena")
        );
        let before_fn: fn(&[Word]) -> Cue = |w| before(w, false);
        assert_eq!(
            speaker(
                "Jeff Rathke, the State Department spokesman, said,",
                before_fn
            )
            .as_deref(),
            Some("Jeff Rathke")
        );
        assert_eq!(
            speaker(
                "Director Sam al-Amr, in remarks to reporters, said",
                before_fn
            )
            .as_deref(),
            Some("Sam al-Amr")
        );
        // A participle after a comma speaks for the clause's subject.
        assert_eq!(
            speaker(
                "Daniel Ek, the company's chief executive, welcomed the decision, saying it",
                before_fn
            )
            .as_deref(),
            Some("Daniel Ek")
        );
        // A lawmaker's party and state is set off like an appositive.
        assert_eq!(
            speaker("Senator Mike Johnson, R-La., said", before_fn).as_deref(),
            Some("Mike Johnson")
        );
        // A name with commas inside an appositive (`Trade, Industry and Energy`).
        assert_eq!(
            speaker(
                "Kim Jung-ho, a spokesman for the Ministry of Trade, Industry and Energy, said",
                before_fn
            )
            .as_deref(),
            Some("Kim Jung-ho")
        );
        // Names listed as subjects are not an appositive.
        assert_eq!(
            speaker("Smith, Jones and Brown said", before_fn).as_deref(),
            Some("Jones and Brown")
        );
    }
}
