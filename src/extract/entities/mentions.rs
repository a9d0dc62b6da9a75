//! From token labels to entities: mention spans, clean-up and consistency rules, alias merging
//! and descriptions.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use super::features::{
    is_number_word, type_of, Prepared, DATE, ORG, OTHER, PERSON, PLACE, QUANTITY,
};
use super::hash::{FxBuilder, NoHashBuilder};
use super::lexicon::{Lexicon, DEMONYM, FIRST, LAST, ORGCTX, ORGCUE, PLACECUE, PLACES, TITLE};
use super::{Entity, EntityKind};
use crate::document::Document;
use crate::extract::quotes::PREPOSITIONS;
use crate::span::Span;

/// A mention: a token range `[first, last)` and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub kind: EntityKind,
}

const MONTHS: &[&str] = &[
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
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "Jun.",
    "Jul.",
    "Aug.",
    "Sep.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
];
/// Month abbreviations without their period (`Nov 27` in a Reuters dateline): dates only
/// before a day or a year, since `Jan` and `Jun` are names too.
const BARE_MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

// Cheap tests first: most capitalized words are neither, and fail them without walking the lists.
fn is_weekday(w: &str) -> bool {
    w.ends_with("day") && WEEKDAYS.contains(&w)
}

/// `October-December`, `June–August`: a span of months, one token.
fn is_month_range(w: &str) -> bool {
    // Most capitalized words fail the first test and skip the search for a dash.
    w.len() >= 7
        && w.as_bytes()[0].is_ascii_uppercase()
        && b"JFMASOND".contains(&w.as_bytes()[0])
        && w.split_once(['-', '–'])
            .is_some_and(|(a, b)| is_month(a) && is_month(b))
}

fn is_month(w: &str) -> bool {
    w.as_bytes()
        .first()
        .is_some_and(|b| b"JFMASOND".contains(b))
        && MONTHS.contains(&w)
}

fn is_name_kind(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::Person
            | EntityKind::Organization
            | EntityKind::Place
            | EntityKind::Group
            | EntityKind::Product
            | EntityKind::Event
    )
}

fn quantity_kind(p: &Prepared, first: usize, last: usize) -> EntityKind {
    let mut kind = EntityKind::Quantity;
    for i in first..last {
        let w = p.word(i);
        if matches!(w, "$" | "€" | "£" | "¥")
            || starts_with_ignore_case(w, "dollar")
            || starts_with_ignore_case(w, "euro")
            || starts_with_ignore_case(w, "pound")
            || (i > first && is_currency(w))
        {
            kind = EntityKind::Money;
        } else if w == "%" || w.eq_ignore_ascii_case("percent") {
            kind = EntityKind::Percent;
        }
    }
    kind
}

/// Words that count up to an amount (`6.5 trillion`).
const MAGNITUDES: &[&str] = &[
    "thousand", "million", "billion", "trillion", "mln", "bln", "bn", "crore", "lakh",
];

/// Currencies named after an amount (`6.5 trillion won`, `300 rupees`); most are ordinary
/// words or names elsewhere (`won`, `rand`, `real`), so only an amount makes them money.
const CURRENCIES: &[&str] = &[
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "sterling", "yen", "yuan", "renminbi",
    "won", "rupees", "rupee", "francs", "franc", "pesos", "peso", "roubles", "rubles", "rouble",
    "ruble", "lira", "liras", "kronor", "kroner", "krona", "krone", "rand", "ringgit", "baht",
    "dong", "shekels", "shekel", "naira", "dirhams", "dirham", "riyals", "riyal", "reais", "zloty",
    "zlotys", "forint", "rupiah", "hryvnias", "hryvnia", "dinars", "dinar",
];

/// A currency's sign before an amount (`$`, `€`, `HK$`).
fn is_currency_sign(w: &str) -> bool {
    matches!(w, "$" | "€" | "£" | "¥" | "₹" | "₩" | "₽" | "₺" | "₪")
        || (w.len() <= 4
            && w.len() > 1
            && w.ends_with('$')
            && w[..w.len() - 1].chars().all(|c| c.is_ascii_uppercase()))
}

fn is_currency(w: &str) -> bool {
    // Most words are too long, too short or not letters: no list walk for them.
    (3..=9).contains(&w.len())
        && w.as_bytes()[0].is_ascii_alphabetic()
        && CURRENCIES.iter().any(|c| c.eq_ignore_ascii_case(w))
}

/// `6.5` + `trillion won`: an amount takes in the magnitude and currency words that follow
/// it on its line, and a currency word found on its own there (`yen`) joins it.
fn extend_amounts(p: &Prepared, found: &mut Vec<Mention>) {
    // The amounts that grew: few, so what they took in is looked for among them alone.
    let mut grown = Vec::new();
    for m in found.iter_mut() {
        if !matches!(m.kind, EntityKind::Quantity | EntityKind::Money) {
            continue;
        }
        let before = (m.first, m.last);
        let next_on_line = |i: usize| i < p.len() && !p.tokens[i].line_start;
        // `$` + `12 billion`: the sign before the number (a mention of its own or none).
        if m.first > 0 && !p.tokens[m.first].line_start && is_currency_sign(p.word(m.first - 1)) {
            m.first -= 1;
            m.kind = EntityKind::Money;
        }
        // `1.8` + `billion euros`: the number before a magnitude word, which the tagger may
        // have put at the end of a name (`fined Apple 1.8 billion euros`).
        if m.first > 0
            && !p.tokens[m.first].line_start
            && MAGNITUDES.contains(&p.word(m.first))
            && p.info[m.first - 1].has_digit
        {
            m.first -= 1;
        }
        // `€` + `4.5 billion` the tagger left out.
        if is_currency_sign(p.word(m.last - 1)) && next_on_line(m.last) && p.info[m.last].has_digit
        {
            m.last += 1;
        }
        while next_on_line(m.last) && MAGNITUDES.contains(&p.word(m.last)) {
            m.last += 1;
        }
        if next_on_line(m.last) && is_currency(p.word(m.last)) {
            // `2 won` is a score more likely than money; `2,000 won` and `2 billion won` are not.
            let before = p.word(m.last - 1);
            let large = MAGNITUDES.contains(&before) || before.contains(',') || before.len() >= 4;
            if large || !matches!(p.word(m.last), "won" | "rand" | "dong") {
                m.last += 1;
            }
        }
        if m.last != before.1 {
            m.kind = quantity_kind(p, m.first, m.last);
        }
        if (m.first, m.last) != before {
            grown.push((m.first, m.last));
        }
    }
    if !grown.is_empty() {
        // Drop what an amount took in (a separate `yen`), and cut a name that ran into it.
        // The amounts do not overlap: sorted, each mention asks the one or two near it.
        grown.sort_unstable();
        for m in found.iter_mut() {
            let next = grown.partition_point(|&(a, _)| a <= m.first);
            if let Some(&(a, b)) = grown.get(next) {
                if a < m.last && m.last <= b {
                    m.last = a;
                }
            }
        }
        found.retain(|m| {
            let at = grown.partition_point(|&(a, _)| a <= m.first);
            at == 0 || {
                let (a, b) = grown[at - 1];
                !(a <= m.first && m.last <= b && (a, b) != (m.first, m.last))
            }
        });
    }
}

/// `w.to_ascii_lowercase().starts_with(prefix)` for a lowercase ASCII `prefix`, without
/// allocating.
fn starts_with_ignore_case(w: &str, prefix: &str) -> bool {
    w.len() >= prefix.len() && w.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
}

fn kind_of(ty: usize, p: &Prepared, first: usize, last: usize) -> Option<EntityKind> {
    Some(match ty {
        PERSON => EntityKind::Person,
        ORG => EntityKind::Organization,
        PLACE => EntityKind::Place,
        OTHER => EntityKind::Group,
        // An amount holds a number (`Oil prices rose 4%`: not `Oil`).
        QUANTITY if !(first..last).any(|i| counts(p, i)) => return None,
        QUANTITY => quantity_kind(p, first, last),
        DATE => return None,
        _ => return None,
    })
}

/// Whether token `i` counts or measures: a number, a number word (`Two`, `dozens`,
/// `Fifty-five`), a roman numeral (`VI`), a percent or currency sign.
fn counts(p: &Prepared, i: usize) -> bool {
    let w = p.word(i);
    let roman = p.info[i].all_caps && w.len() <= 4 && w.bytes().all(|b| b"IVXLCDM".contains(&b));
    p.info[i].has_digit || is_spelled_number(w) || roman || matches!(w, "%" | "$" | "€" | "£" | "¥")
}

/// Mentions from BIO labels.
pub fn mentions(p: &Prepared, labels: &[u8]) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < labels.len() {
        if labels[i] == 0 {
            i += 1;
            continue;
        }
        let ty = type_of(labels[i]);
        let first = i;
        i += 1;
        while i < labels.len()
            && labels[i] != 0
            && labels[i].is_multiple_of(2)
            && type_of(labels[i]) == ty
        {
            i += 1;
        }
        if let Some(kind) = kind_of(ty, p, first, i) {
            out.push(Mention {
                first,
                last: i,
                kind,
            });
        }
    }
    out
}

/// Tokens that belong to a calendar date (`Friday, August 21, 2015`, `21 August`).
fn date_mask(p: &Prepared) -> Vec<bool> {
    let n = p.len();
    let mut mask = vec![false; n];
    let is_num = |i: usize| i < n && p.word(i).bytes().all(|b| b.is_ascii_digit());
    let day = |i: usize| is_num(i) && p.word(i).len() <= 2;
    let year = |i: usize| is_num(i) && p.word(i).len() == 4;
    for i in 0..n {
        // Month and weekday names are capitalized: skip the rest without comparing.
        if !p.info[i].capitalized {
            continue;
        }
        let w = p.word(i);
        if is_weekday(w) || is_month_range(w) {
            mask[i] = true;
            continue;
        }
        let bare = BARE_MONTHS.contains(&w);
        if !bare && !is_month(w) {
            continue;
        }
        // `Jan. 30`: the tokenizer leaves the period of a month's abbreviation apart.
        if bare && i + 2 < n && p.word(i + 1) == "." && (day(i + 2) || year(i + 2)) {
            mask[i..=i + 2].iter_mut().for_each(|m| *m = true);
            continue;
        }
        let next_cap = i + 1 < n && p.info[i + 1].capitalized;
        if (bare || w == "May") && !(day(i + 1) || year(i + 1)) {
            continue;
        }
        if !next_cap {
            mask[i] = true;
        }
        if day(i + 1) {
            mask[i + 1] = true;
            if i + 3 < n && p.word(i + 2) == "," && year(i + 3) {
                mask[i + 2] = true;
                mask[i + 3] = true;
            }
        } else if year(i + 1) {
            mask[i + 1] = true;
        }
        if i > 0 && day(i - 1) {
            mask[i - 1] = true;
        }
    }
    mask
}

/// `Marieke van der Berg`, `Ludwig van Beethoven`: two names with only name particles between
/// them on one line are one person's name when either is a person or a title comes first.
fn join_across_particles(lex: &Lexicon, p: &Prepared, found: &mut Vec<Mention>) {
    let particle = |i: usize| {
        p.info[i].lowercase
            && !p.tokens[i].line_start
            && lex.name_particles.contains(&p.info[i].lower)
    };
    let mut k = 0;
    while k + 1 < found.len() {
        let (a, b) = (found[k], found[k + 1]);
        let gap = a.last..b.first;
        let joins = is_name_kind(a.kind)
            && is_name_kind(b.kind)
            && (1..=3).contains(&gap.len())
            && gap.clone().all(particle)
            && !p.tokens[b.first].line_start
            && (a.kind == EntityKind::Person
                || b.kind == EntityKind::Person
                || (a.first > 0 && is_title(lex, p, a.first - 1)));
        if joins {
            found[k].last = b.last;
            found[k].kind = EntityKind::Person;
            found.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

fn is_title(lex: &Lexicon, p: &Prepared, i: usize) -> bool {
    let w = p.word(i);
    let title = |w: &str| lex.word(w) & TITLE != 0 || LEGISLATIVE_TITLES.contains(&w);
    title(w)
        || (p.info[i].gaz_begin | p.info[i].gaz_inside) & TITLE != 0
        // `Secretary-General`, `Attorney-General`: titles joined by a hyphen.
        || (w.contains('-') && w.split('-').all(title))
}

/// Roles in a legislature written before a name (`Senate Majority Leader Chuck Schumer`,
/// `House Speaker Mike Johnson`), besides the lexicon's titles.
const LEGISLATIVE_TITLES: &[&str] = &["Leader", "Speaker", "Whip"];

/// `Chuck Schumer, D-N.Y.,`, `Rand Paul, R-Ky.,`: a lawmaker's party and state, as US papers
/// write them after the name. Not a name. The state is abbreviated with a period (the
/// tokenizer may leave it apart, `next`): not `D-Day`.
fn is_party_and_state(w: &str, next: &str) -> bool {
    let b = w.as_bytes();
    (4..=8).contains(&b.len())
        && matches!(b[0], b'D' | b'R' | b'I')
        && b[1] == b'-'
        && b[2].is_ascii_uppercase()
        && b[3..].iter().all(|c| c.is_ascii_alphabetic() || *c == b'.')
        && (b.contains(&b'.') || next == ".")
}

/// Trims what a name never includes: a leading `the`, titles before a person's name, trailing
/// punctuation, date words. Drops mentions left empty.
fn clean(p: &Prepared, found: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    let dates = date_mask(p);
    extend(lex, p, &dates, found);
    join_long_forms(p, found);
    join_ampersands(lex, p, found);
    join_corporate_suffixes(p, found);
    extend_amounts(p, found);
    join_across_particles(lex, p, found);
    join_family_names(p, found);
    let mut split_off = Vec::new();
    for m in found.iter_mut() {
        while m.first < m.last && matches!(p.word(m.first), "the" | "The") {
            m.first += 1;
        }
        let next = if m.first + 1 < p.len() {
            p.word(m.first + 1)
        } else {
            ""
        };
        if m.first > 0 && p.word(m.first - 1) == "," && is_party_and_state(p.word(m.first), next) {
            m.last = m.first;
            continue;
        }
        if is_name_kind(m.kind) {
            if let Some(t) = (m.first..m.last.saturating_sub(1))
                .rev()
                .find(|&i| is_title(lex, p, i))
            {
                // `Home Secretary Suella Braverman`: what follows a title is a person.
                let rest_caps = (t + 1..m.last).all(|i| {
                    p.info[i].capitalized || lex.name_particles.contains(&p.info[i].lower)
                });
                if m.kind == EntityKind::Person || (rest_caps && m.last - t > 2) {
                    m.first = t + 1;
                    m.kind = EntityKind::Person;
                }
            }
        }
        if is_name_kind(m.kind) && m.kind != EntityKind::Person && speaker_of(lex, p, m) {
            m.kind = EntityKind::Person;
        }
        if is_name_kind(m.kind) && m.kind != EntityKind::Person && is_person_of_place(p, m) {
            m.kind = EntityKind::Person;
        }
        if is_name_kind(m.kind) && m.kind != EntityKind::Person && after_a_role(lex, p, m) {
            m.kind = EntityKind::Person;
        }
        // `(NASDAQ: NVDA)`: a stock exchange and a ticker symbol. The exchange is an
        // organization; the ticker names the company already named.
        if is_name_kind(m.kind) && m.last == m.first + 1 {
            match ticker_part(p, m.first) {
                Some(TickerPart::Exchange) => m.kind = EntityKind::Organization,
                Some(TickerPart::Symbol) => m.last = m.first,
                None => {}
            }
        }
        // `Fifty-three Labour MPs`: a number spelled out is no name.
        let spelled_number = |i: usize| p.info[i].alpha && is_spelled_number(p.word(i));
        if is_name_kind(m.kind) && (m.first..m.last).all(spelled_number) {
            m.kind = EntityKind::Quantity;
        }
        // `By Harriet Cole, Political Correspondent`: the writer's role in a byline.
        if is_name_kind(m.kind) && in_byline(p, m) && is_role(p.word(m.last - 1)) {
            m.last = m.first;
        }
        // `a spokesperson for Downing Street`: whom a spokesperson speaks for is an
        // organization.
        if is_name_kind(m.kind) && m.kind != EntityKind::Organization && speaks_for(p, m) {
            m.kind = EntityKind::Organization;
        }
        // `the journal Nature`, `the carmaker Kia`: a name right after a lowercase noun for an
        // organization is the organization's.
        if matches!(m.kind, EntityKind::Place | EntityKind::Group)
            && m.first > 0
            && is_organization_head(p.word(m.first - 1))
        {
            m.kind = EntityKind::Organization;
        }

        if is_name_kind(m.kind) {
            companies_apart(p, m, &mut split_off);
            if works_at(p, m) {
                m.kind = EntityKind::Organization;
            }
        }
        // A score after a name is no part of it (`beat Maria Sakkari of Greece 6-4`).
        while is_name_kind(m.kind) && m.last - m.first > 1 && is_score(p.word(m.last - 1)) {
            m.last -= 1;
        }
        if m.kind == EntityKind::Person {
            split_person(lex, p, m, &mut split_off);
        }
        // `John Peter Smith Hospital`, `Trump Tower`: named after a person, an organization
        // or a place by its last word, which no surname list has (not `Christopher Hill`).
        if m.kind == EntityKind::Person && m.last - m.first >= 2 {
            let cue = lex.word(p.word(m.last - 1));
            if cue & LAST == 0 && cue & ORGCUE != 0 {
                m.kind = EntityKind::Organization;
            } else if cue & LAST == 0 && cue & PLACECUE != 0 {
                m.kind = EntityKind::Place;
            }
        }
        while m.last > m.first && !p.word(m.last - 1).chars().any(char::is_alphanumeric) {
            if m.kind != EntityKind::Percent && m.kind != EntityKind::Money {
                m.last -= 1;
            } else if matches!(p.word(m.last - 1), "%" | "$" | "€" | "£") {
                break;
            } else {
                m.last -= 1;
            }
        }
        while m.first < m.last && !p.word(m.first).chars().any(char::is_alphanumeric) {
            if matches!(p.word(m.first), "$" | "€" | "£" | "¥") {
                break;
            }
            m.first += 1;
        }
        // A name that takes in a date is no name (`Black Friday`, `Waitangi Day - February
        // 6`), unless a lowercase word glued the date on: then the name ends before that
        // word (`the Supreme Court of South Korea last July`, `Earth on January 15`).
        if let Some(d) = (m.first..m.last).find(|&i| dates[i]) {
            let glued = d > m.first + 1 && p.info[d - 1].lowercase && p.info[d - 1].alpha;
            m.last = if glued { d - 1 } else { m.first };
            while m.last > m.first && !p.info[m.last - 1].capitalized {
                m.last -= 1;
            }
        }
        // `SEOUL/TAIPEI, Jan 29 (AP) -`: a dateline of several cities names each.
        if is_name_kind(m.kind) && is_dateline(p, m) {
            while let Some(slash) = (m.first..m.last).find(|&i| p.word(i) == "/") {
                split_off.push(Mention {
                    first: m.first,
                    last: slash,
                    kind: EntityKind::Place,
                });
                m.first = slash + 1;
                m.kind = EntityKind::Place;
            }
        }
        if is_name_kind(m.kind) {
            retype(lex, p, m);
        }
        // A lone title is not a name.
        if m.last == m.first + 1 && is_name_kind(m.kind) && is_title(lex, p, m.first) {
            m.last = m.first;
        }
    }
    found.extend(split_off);
    drop_headline_opener(lex, p, found);
    found.retain(|m| m.last > m.first);
    add_bylines(lex, p, found);
    add_datelines(p, found);
    found.sort_by_key(|m| m.first);
    join_country_prefix(lex, p, found);
}

/// `Oil jumps 4% after ...`: a headline's first word is capitalized whatever it is. A common
/// word there (Zipf 4 or more) that no list knows, taken alone for a name, names nothing.
/// The headline is the document's first line, without a final period.
fn drop_headline_opener(lex: &Lexicon, p: &Prepared, found: &mut [Mention]) {
    let Some(first) = p.tokens.first() else {
        return;
    };
    if !p.text[..first.start].trim().is_empty() {
        return;
    }
    let line_end = (1..p.len())
        .find(|&i| p.tokens[i].line_start)
        .unwrap_or(p.len());
    if line_end < 3 || p.word(line_end - 1) == "." {
        return;
    }
    let t = &p.info[0];
    let known = (t.gaz_begin | t.gaz_inside) != 0 || lex.word(p.word(0)) != 0;
    if t.zipf >= 4 && !t.all_caps && !known {
        for m in found.iter_mut().filter(|m| m.first == 0 && m.last == 1) {
            m.last = m.first;
        }
    }
}

/// `By Tomasz Wierzbicki, Reuters`: a line that opens with `By` and two to four capitalized
/// words, ending there or at a comma or `and`, names the writer, whether or not the tagger
/// found the name (it often does not know names from other languages). `By The Associated
/// Press` is not a person: the words may not open with a function word.
fn add_bylines(lex: &Lexicon, p: &Prepared, found: &mut Vec<Mention>) {
    let mut bylines = Vec::new();
    for i in p.lines.starts() {
        if !p.tokens[i].line_start || !matches!(p.word(i), "By" | "BY" | "by") {
            continue;
        }
        let first = i + 1;
        if first < p.len() && lex.function_words.contains(&p.info[first].lower) {
            continue;
        }
        let mut last = first;
        while last < p.len()
            && last - first < 4
            && !p.tokens[last].line_start
            && p.info[last].capitalized
            && p.info[last].alpha
        {
            last += 1;
        }
        let ends = last == p.len()
            || p.tokens[last].line_start
            || matches!(p.word(last), "," | "and" | "AND");
        if last - first >= 2 && ends {
            bylines.push(Mention {
                first,
                last,
                kind: EntityKind::Person,
            });
        }
    }
    for byline in bylines {
        if !found
            .iter()
            .any(|m| m.first < byline.last && byline.first < m.last)
        {
            found.push(byline);
        }
    }
}

/// `LONDON, Nov 18 (Reuters) -`: the place a dateline names, when the tagger missed it (a
/// word in capitals is hard to type by its look).
fn add_datelines(p: &Prepared, found: &mut Vec<Mention>) {
    let in_capitals = |i: usize| p.info[i].all_caps && p.info[i].alpha;
    let mut datelines = Vec::new();
    for i in p.lines.starts() {
        // Not `I - ...` in a transcript: a city's name has three letters or more.
        if !p.tokens[i].line_start || !in_capitals(i) || p.word(i).len() < 3 {
            continue;
        }
        // The cities, of up to three words each, joined by slashes (`SEOUL/TAIPEI`).
        let mut cities = Vec::new();
        let mut first = i;
        loop {
            let mut last = first + 1;
            while last < p.len()
                && last - first < 3
                && !p.tokens[last].line_start
                && in_capitals(last)
            {
                last += 1;
            }
            cities.push(Mention {
                first,
                last,
                kind: EntityKind::Place,
            });
            let slash = last + 1 < p.len()
                && !p.tokens[last + 1].line_start
                && p.word(last) == "/"
                && in_capitals(last + 1);
            if !slash {
                break;
            }
            first = last + 1;
        }
        if is_dateline(p, &cities[0]) {
            for city in cities {
                if !found
                    .iter()
                    .any(|m| m.first < city.last && city.first < m.last)
                {
                    datelines.push(city);
                }
            }
        }
    }
    found.extend(datelines);
}

/// Whether token `i` may be added to a neighbouring name: a capitalized word that is not a
/// title, a date, or an ordinary word capitalized because it opens a sentence.
fn joinable(lex: &Lexicon, p: &Prepared, dates: &[bool], i: usize) -> bool {
    let t = &p.info[i];
    t.capitalized
        && t.alpha
        && !t.all_caps
        && !dates[i]
        && !is_title(lex, p, i)
        && (!t.sentence_start || t.zipf < 3)
        && t.zipf < 6
        && !matches!(p.word(i), "I" | "The" | "A" | "An")
}

/// Grows names over untagged capitalized neighbours (`Federal` + `Aviation Administration`).
fn extend(lex: &Lexicon, p: &Prepared, dates: &[bool], found: &mut [Mention]) {
    let mut covered = vec![false; p.len()];
    for m in found.iter() {
        covered[m.first..m.last].iter_mut().for_each(|c| *c = true);
    }
    for m in found.iter_mut() {
        if !is_name_kind(m.kind) || line_is_title_case(p, m.first) {
            continue;
        }
        while m.first > 0
            && !covered[m.first - 1]
            && !p.tokens[m.first].line_start
            && p.tokens[m.first - 1].end + 1 == p.tokens[m.first].start
            && joinable(lex, p, dates, m.first - 1)
        {
            m.first -= 1;
            covered[m.first] = true;
        }
        // `US` + `Shop`: a known place does not grow into what follows it.
        let known_place =
            (m.first..m.last).all(|i| (p.info[i].gaz_begin | p.info[i].gaz_inside) & PLACES != 0);
        while !known_place
            && m.last < p.len()
            && !covered[m.last]
            && !p.tokens[m.last].line_start
            && p.tokens[m.last - 1].end + 1 == p.tokens[m.last].start
            && joinable(lex, p, dates, m.last)
        {
            covered[m.last] = true;
            m.last += 1;
        }
        // `Ursula` + `von der Leyen`: a person's name, or one ending in a first name, goes on
        // over name particles to the capitalized word after them.
        let particle = |i: usize| {
            i < p.len()
                && p.info[i].lowercase
                && !p.tokens[i].line_start
                && lex.name_particles.contains(&p.info[i].lower)
        };
        if !particle(m.last) {
            continue;
        }
        let first_name = p.info[m.last - 1].gaz_begin & FIRST != 0;
        if m.kind == EntityKind::Person || first_name {
            let mut j = m.last;
            while j - m.last < 3 && particle(j) {
                j += 1;
            }
            let surname = j < p.len()
                && !covered[j]
                && !p.tokens[j].line_start
                && p.info[j].capitalized
                && p.info[j].alpha
                && !dates[j];
            if surname {
                covered[m.last..=j].iter_mut().for_each(|c| *c = true);
                m.last = j + 1;
                m.kind = EntityKind::Person;
            }
        }
    }
}

/// Whether the line holding token `i` capitalizes most of its words (a headline).
fn line_is_title_case(p: &Prepared, i: usize) -> bool {
    let (words, caps, _) = p.lines.of_token(i);
    words >= 3 && caps * 3 > words * 2
}

/// `Pan-democrat Lam Cheuk-ting` -> `Lam Cheuk-ting`; `Claudia Mo of Civic Party` -> the
/// person, and the organization after `of` as a mention of its own.
fn split_person(lex: &Lexicon, p: &Prepared, m: &mut Mention, out: &mut Vec<Mention>) {
    if let Some(k) =
        (m.first + 1..m.last).find(|&i| matches!(p.word(i), "of" | "from" | "in" | "In"))
    {
        let rest = (k + 1, m.last);
        m.last = k;
        if rest.1 > rest.0 && (p.info[rest.0].capitalized || p.info[rest.0].all_caps) {
            let last = p.word(rest.1 - 1);
            // A name of several words that the place lists do not know is more likely an
            // organization's (`Médecins Sans Frontières`); one word, a town's.
            let unknown_words = rest.1 - rest.0 >= 2
                && (rest.0..rest.1)
                    .all(|i| (p.info[i].gaz_begin | p.info[i].gaz_inside) & PLACES == 0);
            let kind = if is_acronym(last) || lex.word(last) & ORGCUE != 0 || unknown_words {
                EntityKind::Organization
            } else {
                EntityKind::Place
            };
            out.push(Mention {
                first: rest.0,
                last: rest.1,
                kind,
            });
        }
    }
    if m.last - m.first >= 3 {
        let w = p.word(m.first);
        let modifier = (p.info[m.first].zipf >= 3 && lex.word(w) & FIRST == 0)
            || w.split('-')
                .skip(1)
                .any(|part| part.chars().all(char::is_lowercase));
        if modifier {
            m.first += 1;
        }
    }
}

/// `Daniil Medvedev of Russia`, taken whole for a place or an organization: a name before
/// `of` and a known place after it. The name is a first name the lists know followed by rare
/// words of letters no list knows, or two such words (`Iga Swiatek`). The person is split
/// from the place with the other people's names.
fn is_person_of_place(p: &Prepared, m: &Mention) -> bool {
    let Some(of) = (m.first + 2..m.last.saturating_sub(1)).find(|&i| p.word(i) == "of") else {
        return false;
    };
    let lists = |i: usize| p.info[i].gaz_begin | p.info[i].gaz_inside;
    // Rare words of letters alone (not `Masjed-e Jāmé of Isfahan`, a mosque).
    let unknown = |i: usize| {
        lists(i) & !(FIRST | LAST) == 0
            && p.info[i].zipf < 3
            && p.word(i).chars().all(char::is_alphabetic)
    };
    let first_name =
        p.info[m.first].gaz_begin & FIRST != 0 && lists(m.first) & (PLACES | ORGCUE) == 0;
    (first_name || (of - m.first == 2 && unknown(m.first)))
        && (m.first..of).all(|i| p.info[i].capitalized && !p.info[i].all_caps)
        && (m.first + 1..of).all(unknown)
        && p.info[of + 1].gaz_begin & PLACES != 0
}

/// Lowercase role words written right before a person's name (`intelligence chief Abbas
/// Kamel`, `foreign minister Sergei Lavrov`).
const ROLES_BEFORE_NAMES: &[&str] = &[
    "chief",
    "minister",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "director",
    "secretary",
    "chairman",
    "chairwoman",
    "commander",
    "coach",
    "ambassador",
    "envoy",
    "senator",
    "governor",
    "mayor",
    "adviser",
    "advisor",
    "analyst",
    "economist",
    "professor",
];

/// `intelligence chief Abbas Kamel`: a name of capitalized words that no place or
/// organization list knows, right after a lowercase role word, is a person's, whatever the
/// tagger typed it.
fn after_a_role(lex: &Lexicon, p: &Prepared, m: &Mention) -> bool {
    let lists = |i: usize| p.info[i].gaz_begin | p.info[i].gaz_inside;
    m.first > 0
        && m.last - m.first >= 2
        && p.info[m.first - 1].lowercase
        && ROLES_BEFORE_NAMES.contains(&p.word(m.first - 1))
        && (m.first..m.last).all(|i| {
            p.info[i].capitalized
                && !p.info[i].all_caps
                && p.info[i].alpha
                && lists(i) & (PLACES | ORGCUE | DEMONYM) == 0
                && lex.word(p.word(i)) & ORGCUE == 0
        })
}

/// Legal forms that end a company's name in a list (`Exxon Mobil Corp and Chevron Corp`),
/// besides [`CORPORATE_SUFFIXES`].
fn ends_company(w: &str) -> bool {
    CORPORATE_SUFFIXES.contains(&w) || matches!(w, "Inc" | "Inc." | "Ltd" | "Ltd." | "LLC")
}

/// Two companies joined by `and`, the first ending in a legal form, are two (`Exxon Mobil
/// Corp and Chevron Corp`).
fn companies_apart(p: &Prepared, m: &mut Mention, out: &mut Vec<Mention>) {
    if let Some(and) = (m.first + 2..m.last.saturating_sub(1))
        .find(|&i| p.word(i) == "and" && ends_company(p.word(i - 1)))
    {
        if p.info[and + 1].capitalized {
            out.push(Mention {
                first: and + 1,
                last: m.last,
                kind: EntityKind::Organization,
            });
            m.last = and;
            m.kind = EntityKind::Organization;
            // The tagger took the legal form without its name (`BP Plc and Shell Plc` as
            // `Plc and Shell Plc`): a form alone names nothing.
            if m.last - m.first == 1 {
                m.last = m.first;
            }
        }
    }
}

/// `analysts at Goldman Sachs`, `a professor at the Sorbonne`: where people with a role work
/// is an organization.
fn works_at(p: &Prepared, m: &Mention) -> bool {
    let mut at = m.first;
    if at > 0 && matches!(p.word(at - 1), "the") {
        at -= 1;
    }
    if at < 2 || p.word(at - 1) != "at" {
        return false;
    }
    // A role word, perhaps opening the sentence (`Analysts at Goldman Sachs said`).
    let role = p.word(at - 2).to_ascii_lowercase();
    let singular = role.strip_suffix('s').unwrap_or(&role);
    (p.info[at - 2].lowercase || p.info[at - 2].sentence_start)
        && (is_role(&role) || is_role(singular))
}

/// A given name romanized from Korean or Chinese: two syllables joined by a hyphen, the
/// second in lowercase (`Jung-ho`, `Yeung-tat`).
fn is_hyphenated_given_name(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        (2..=6).contains(&a.len())
            && (2..=5).contains(&b.len())
            && a.chars().next().is_some_and(char::is_uppercase)
            && a.chars().skip(1).all(char::is_lowercase)
            && b.chars().all(char::is_lowercase)
    })
}

/// `Kim Jung-ho`, `Wong Kwok-hing`: a name that opens with such a given name takes in the
/// short family name written before it, which the tagger often leaves out (or takes for a
/// name of its own), and is a person's.
fn join_family_names(p: &Prepared, found: &mut Vec<Mention>) {
    let mut k = 0;
    while k < found.len() {
        let m = found[k];
        let family = is_name_kind(m.kind)
            && m.first > 0
            && is_hyphenated_given_name(p.word(m.first))
            && !p.tokens[m.first].line_start
            && p.tokens[m.first - 1].end + 1 == p.tokens[m.first].start
            && p.info[m.first - 1].capitalized
            && !p.info[m.first - 1].all_caps
            && p.info[m.first - 1].alpha
            && (2..=5).contains(&p.word(m.first - 1).len());
        if family {
            // The family name alone, taken for a name of its own, joins.
            if k > 0 && found[k - 1].first == m.first - 1 && found[k - 1].last == m.first {
                found.remove(k - 1);
                k -= 1;
            }
            if k == 0 || found[k - 1].last < m.first {
                found[k].first -= 1;
                found[k].kind = EntityKind::Person;
            }
        }
        k += 1;
    }
}

enum TickerPart {
    Exchange,
    Symbol,
}

/// Which part of a stock listing in brackets token `i` is: `(NASDAQ: NVDA)`, `(NYSE:GM)`.
fn ticker_part(p: &Prepared, i: usize) -> Option<TickerPart> {
    let caps = |j: usize| {
        j < p.len() && p.info[j].all_caps && p.info[j].alpha && (1..=6).contains(&p.word(j).len())
    };
    let word_at = |j: usize, w: &str| j < p.len() && p.word(j) == w;
    let exchange = |j: usize| STOCK_EXCHANGES.contains(&p.word(j));
    let listing = |at: usize| {
        at >= 1
            && word_at(at - 1, "(")
            && exchange(at)
            && word_at(at + 1, ":")
            && caps(at + 2)
            && word_at(at + 3, ")")
    };
    if listing(i) {
        Some(TickerPart::Exchange)
    } else if i >= 2 && listing(i - 2) {
        Some(TickerPart::Symbol)
    } else {
        None
    }
}

/// Stock exchanges as listings name them (`(NYSE: GM)`, `(LSE: BP)`); not `(IATA: TUL)`.
const STOCK_EXCHANGES: &[&str] = &[
    "NYSE", "NASDAQ", "Nasdaq", "AMEX", "OTC", "LSE", "TSX", "TSXV", "ASX", "HKEX", "SGX", "TSE",
    "TYO", "KRX", "KOSDAQ", "TWSE", "SSE", "SZSE", "BSE", "NSE", "JSE", "SIX", "FWB", "ETR",
    "XETRA", "EPA", "AMS", "BIT", "BME", "STO", "CPH", "HEL", "OSL", "BMV", "B3",
];

/// A number in words, in any case (`Fifty-three`, `twelve`), without allocating: this is
/// asked of every name's words.
fn is_spelled_number(w: &str) -> bool {
    let mut buf = [0u8; 24];
    if w.len() > buf.len() || !w.is_ascii() {
        return false;
    }
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| l.split('-').all(is_number_word))
}

/// Whether a mention stands on a byline (`By Harriet Cole, Political Correspondent`).
fn in_byline(p: &Prepared, m: &Mention) -> bool {
    matches!(p.word(p.lines.start_of(m.first)), "By" | "BY" | "by")
}

/// `a spokesperson for Downing Street`, `a spokesman for the ministry`: the name after a
/// spokesperson's `for` (and `the`).
fn speaks_for(p: &Prepared, m: &Mention) -> bool {
    let mut at = m.first;
    if at > 0 && p.word(at - 1) == "the" {
        at -= 1;
    }
    at >= 2
        && p.word(at - 1) == "for"
        && matches!(
            p.word(at - 2).to_lowercase().as_str(),
            "spokesman" | "spokeswoman" | "spokesperson" | "spokespeople" | "speaking"
        )
}

/// A game's score, `6-4` or `1-0`: never the end of a name.
fn is_score(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        [a, b]
            .iter()
            .all(|n| (1..=2).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit()))
    })
}

/// Legal forms that end company names in wire copy (`Taiwan Semiconductor Manufacturing Co`,
/// `Siemens AG`), besides the organization cue words of the lexicon.
const CORPORATE_SUFFIXES: &[&str] = &[
    "Co", "Cos", "Corp", "AG", "SA", "SE", "NV", "BV", "GmbH", "SpA", "PLC", "Plc", "LLP", "LP",
    "Bhd", "Tbk", "Pte", "Pty",
];

/// The letters an acronym spells (`RMT`; `BoE` -> `BE`; `Acas` -> `ACAS`), if the token
/// looks like one.
fn acronym_letters(w: &str) -> Option<Vec<char>> {
    let letters = w.chars().count();
    if !(2..=6).contains(&letters)
        || !w.chars().all(char::is_alphabetic)
        || !w.chars().next().is_some_and(char::is_uppercase)
    {
        return None;
    }
    let capitals: Vec<char> = w.chars().filter(|c| c.is_uppercase()).collect();
    Some(if capitals.len() >= 2 {
        capitals
    } else {
        w.chars().flat_map(char::to_uppercase).collect()
    })
}

/// `National Union of Rail` + `, Maritime and` + `Transport Workers (RMT)`: the tagger cuts
/// long names at their commas and `and`s. An acronym in brackets after a name says how far
/// back the name goes: to the nearest capitalized word from which the initials, over words
/// joined by commas, `and`, `&` and `of`, spell the acronym. What lies in between becomes
/// one name.
fn join_long_forms(p: &Prepared, found: &mut Vec<Mention>) {
    let mut k = 0;
    while k < found.len() {
        let b = found[k];
        let open = b.last;
        let letters = (is_name_kind(b.kind)
            && open + 2 < p.len()
            && p.word(open) == "("
            && p.word(open + 2) == ")")
            .then(|| acronym_letters(p.word(open + 1)))
            .flatten();
        let Some(letters) = letters else {
            k += 1;
            continue;
        };
        // Capitalized words back from the end of the name, over joining words, on its line.
        let mut words = Vec::new();
        let mut j = open;
        while j > 0 && open - j < 12 {
            j -= 1;
            let w = p.word(j);
            if p.info[j].capitalized || matches!(w, "and" | "of") {
                words.push(j);
            } else if !matches!(w, "," | "&") {
                break;
            }
            if p.tokens[j].line_start {
                break;
            }
        }
        let initial = |i: usize| {
            p.word(i)
                .chars()
                .next()
                .and_then(|c| c.to_uppercase().next())
        };
        // Every capitalized word's initial is tried in turn; `of` and `and` may lend theirs
        // (`Economic Community of West African States (ECOWAS)`).
        let start = (0..words.len())
            .find(|&n| {
                p.info[words[n]].capitalized
                    && initial(words[n]) == letters.first().copied()
                    && spells_in_order(
                        &letters,
                        words[..=n].iter().rev().filter_map(|&i| initial(i)),
                    )
            })
            .map(|n| words[n]);
        let Some(start) = start.filter(|&s| s < b.first) else {
            k += 1;
            continue;
        };
        // Take in the mentions the long form overlaps, from the first of them.
        let mut first_k = k;
        while first_k > 0 && found[first_k - 1].last > start {
            first_k -= 1;
        }
        let first = found[first_k].first.min(start);
        let kind = if found[first_k..=k]
            .iter()
            .any(|m| m.kind == EntityKind::Organization)
        {
            EntityKind::Organization
        } else if b.kind == EntityKind::Person {
            // A person's name has no acronym in brackets; an organization's often has.
            EntityKind::Organization
        } else {
            b.kind
        };
        found.drain(first_k..k);
        found[first_k] = Mention {
            first,
            last: b.last,
            kind,
        };
        k = first_k + 1;
    }
}

/// Words that end company names by their line of business (`Hi Investment & Securities`,
/// `Network Rail`), besides the organization cue words of the lexicon.
const COMPANY_WORDS: &[&str] = &[
    "Securities",
    "Capital",
    "Investment",
    "Investments",
    "Financial",
    "Insurance",
    "Energy",
    "Electronics",
    "Semiconductor",
    "Semiconductors",
    "Pharmaceuticals",
    "Pharma",
    "Rail",
    "Railway",
    "Railways",
    "Telecom",
    "Communications",
    "Media",
    "Entertainment",
    "Logistics",
    "Shipping",
    "Steel",
    "Chemicals",
    "Petroleum",
    "Mining",
    "Bancorp",
    "Brands",
    "Foods",
    "Labs",
    "Software",
    "Ventures",
    "Therapeutics",
    "Robotics",
    "Aerospace",
    "Automotive",
    "Enterprises",
];

/// `Daehan Investment` + `& Securities`: an ampersand joins one company's name when what
/// follows it ends like one (not `Marsden & Mackey`, two authors, or `Tempe & Mesa`).
fn join_ampersands(lex: &Lexicon, p: &Prepared, found: &mut Vec<Mention>) {
    let company_end = |i: usize| {
        let w = p.word(i);
        COMPANY_WORDS.contains(&w) || CORPORATE_SUFFIXES.contains(&w) || lex.word(w) & ORGCUE != 0
    };
    let same_line = |i: usize| i < p.len() && !p.tokens[i].line_start;
    let mut k = 0;
    while k < found.len() {
        let m = found[k];
        let amp = m.last;
        if !is_name_kind(m.kind)
            || !same_line(amp + 1)
            || p.word(amp) != "&"
            || !p.info[amp + 1].capitalized
        {
            k += 1;
            continue;
        }
        // The name after the ampersand: the next mention if it starts there, else the run of
        // capitalized words.
        let next = found.get(k + 1).filter(|n| n.first == amp + 1).copied();
        let mut last = amp + 1;
        match next {
            Some(n) => last = n.last,
            None => {
                while same_line(last) && p.info[last].capitalized {
                    last += 1;
                }
            }
        }
        let overlaps = next.is_none() && found.get(k + 1).is_some_and(|n| n.first < last);
        if overlaps || !company_end(last - 1) {
            k += 1;
            continue;
        }
        if next.is_some() {
            found.remove(k + 1);
        }
        found[k].last = last;
        found[k].kind = EntityKind::Organization;
    }
}

/// `Boskalis Westminster` + `NV`: a name takes in the legal form right after it, whether
/// the tagger left it out or made it a name of its own.
fn join_corporate_suffixes(p: &Prepared, found: &mut Vec<Mention>) {
    let suffix_at = |i: usize| {
        i < p.len()
            && !p.tokens[i].line_start
            && p.tokens[i - 1].end + 1 == p.tokens[i].start
            && CORPORATE_SUFFIXES.contains(&p.word(i))
    };
    let mut k = 0;
    while k < found.len() {
        let m = found[k];
        // The form alone, its name left out (`BP` of `BP Plc`): the name joins it.
        let name_before = m.first > 0
            && (p.info[m.first - 1].capitalized || p.info[m.first - 1].all_caps)
            && p.info[m.first - 1].alpha
            && (k == 0 || found[k - 1].last < m.first);
        if m.last == m.first + 1 && suffix_at(m.first) && name_before {
            found[k].first -= 1;
            found[k].kind = EntityKind::Organization;
        }
        let m = found[k];
        if is_name_kind(m.kind) && suffix_at(m.last) {
            let next_is_suffix = found
                .get(k + 1)
                .is_some_and(|n| n.first == m.last && n.last == m.last + 1);
            if next_is_suffix {
                found.remove(k + 1);
            }
            // Mentions are in order and apart: only the next one can hold the suffix.
            let taken = found
                .get(k + 1)
                .is_some_and(|n| n.first <= m.last && m.last < n.last);
            if next_is_suffix || !taken {
                found[k].last += 1;
                found[k].kind = EntityKind::Organization;
            }
        }
        k += 1;
    }
}

/// Name-internal fixes: trailing connectives and roles, organization cue words, adjectival
/// demonyms, camel-case brand names.
fn retype(lex: &Lexicon, p: &Prepared, m: &mut Mention) {
    // `University of Sheffield of` -> `University of Sheffield`.
    while m.last > m.first + 1 && p.info[m.last - 1].lowercase {
        m.last -= 1;
    }
    // A byline: `By Priya Natarajan, Reuters` names the writer.
    let byline = m.first > 0
        && p.tokens[m.first - 1].line_start
        && matches!(p.word(m.first - 1), "By" | "by" | "BY")
        && (2..=4).contains(&(m.last - m.first))
        && (m.first..m.last).all(|i| p.info[i].capitalized && p.info[i].alpha);
    if byline {
        m.kind = EntityKind::Person;
    }
    if is_dateline(p, m) {
        m.kind = EntityKind::Place;
    }
    // `LONDON, Nov 18 (Reuters) -`: the agency a dateline credits.
    if is_dateline_agency(p, m) {
        m.kind = EntityKind::Organization;
    }
    if matches!(m.kind, EntityKind::Place | EntityKind::Group) && names_a_speaker(lex, p, m) {
        m.kind = EntityKind::Person;
    }
    // `State Department Spokesperson` -> `State Department`.
    if m.kind != EntityKind::Person {
        while m.last > m.first + 1 && is_title(lex, p, m.last - 1) {
            m.last -= 1;
        }
    }
    let last = p.word(m.last - 1);
    let n = m.last - m.first;
    let last_bits = lex.word(last);
    // A line of business ends a company's name, not a group's (`Conservation of Energy`).
    let cue = last_bits & ORGCUE != 0
        || (COMPANY_WORDS.contains(&last)
            && (m.kind != EntityKind::Group || (m.first..m.last).all(|i| !p.info[i].lowercase)));
    if n >= 2
        && cue
        && matches!(
            m.kind,
            EntityKind::Place | EntityKind::Group | EntityKind::Product | EntityKind::Event
        )
    {
        m.kind = EntityKind::Organization;
    }
    // No person's name ends in a company's legal form.
    if n >= 2 && CORPORATE_SUFFIXES.contains(&last) {
        m.kind = EntityKind::Organization;
    }
    // `Afghan girls`, `South Korean troops`: an adjective, not a name.
    if matches!(m.kind, EntityKind::Group | EntityKind::Place)
        && n <= 2
        && m.last < p.len()
        && p.info[m.last].lowercase
        && p.info[m.last].alpha
        && last_bits & PLACES == 0
        && (last_bits & DEMONYM != 0 || demonym_like(last))
    {
        m.last = m.first;
        return;
    }
    // `TikTok`, `ByteDance`: inner capitals mark brands and companies.
    if n == 1
        && matches!(
            m.kind,
            EntityKind::Place | EntityKind::Group | EntityKind::Product
        )
        && is_camel(last)
    {
        m.kind = EntityKind::Organization;
    }
}

/// A dateline opening a story names where it was filed: a line starting with a name in
/// capitals, then the agency in brackets, a dash, or a comma and the date before them, and
/// the story's first words (`WASHINGTON (AP) - The ...`, `NEW YORK, March 3 (Reuters) -
/// Officials ...`; not a header such as `CONGRESSIONAL RECORD - SENATE`).
fn is_dateline(p: &Prepared, m: &Mention) -> bool {
    let in_capitals = |i: usize| p.info[i].all_caps && p.info[i].alpha;
    // Several cities are joined by slashes (`SEOUL/TAIPEI`).
    let slash = |i: usize| i > m.first && i + 1 < m.last && p.word(i) == "/";
    if !p.tokens[m.first].line_start || !(m.first..m.last).all(|i| in_capitals(i) || slash(i)) {
        return false;
    }
    let same_line = |i: &usize| *i < p.len() && !p.tokens[*i].line_start;
    // The other cities of `SEOUL/TAIPEI` after the first.
    let mut after = m.last;
    while same_line(&(after + 1)) && p.word(after) == "/" && in_capitals(after + 1) {
        after += 2;
    }
    let rest: Vec<usize> = (after..after + 12).take_while(same_line).collect();
    let opens = match rest.first().map(|&i| p.word(i)) {
        Some("(" | "-" | "\u{2013}" | "\u{2014}") => true,
        Some(",") => rest.iter().take(8).any(|&i| p.word(i) == "("),
        _ => false,
    };
    opens && rest.iter().any(|&i| p.info[i].lowercase && p.info[i].alpha)
}

/// A name alone in brackets followed by a dash, the way a dateline credits its agency
/// (`(Reuters) -`, `(AP) —`).
fn is_dateline_agency(p: &Prepared, m: &Mention) -> bool {
    m.first > 0
        && p.word(m.first - 1) == "("
        && m.last + 1 < p.len()
        && p.word(m.last) == ")"
        && matches!(p.word(m.last + 1), "-" | "\u{2013}" | "\u{2014}")
}

fn demonym_like(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && ["an", "ese", "ish", "ian", "ean", "i", "ic"]
            .iter()
            .any(|s| w.ends_with(s))
}

fn is_camel(w: &str) -> bool {
    let long = w.chars().nth(3).is_some();
    if !long || !w.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    if w.starts_with("Mc") || w.starts_with("Mac") || w.starts_with("De") || w.starts_with("La") {
        return false;
    }
    w.chars()
        .zip(w.chars().skip(1))
        .any(|(a, b)| a.is_lowercase() && b.is_uppercase())
}

/// `US` + `National Park Service` -> one organization `US National Park Service`.
fn join_country_prefix(lex: &Lexicon, p: &Prepared, found: &mut Vec<Mention>) {
    let mut i = 0;
    while i + 1 < found.len() {
        let (a, b) = (found[i], found[i + 1]);
        let adjacent = a.last == b.first
            && p.tokens[b.first].start == p.tokens[a.last - 1].end + 1
            && !p.tokens[b.first].line_start;
        let org = b.kind == EntityKind::Organization
            && (b.last - b.first >= 2 || lex.word(p.word(b.last - 1)) & ORGCUE != 0);
        if adjacent
            && org
            && matches!(a.kind, EntityKind::Place | EntityKind::Group)
            && a.last - a.first <= 2
        {
            found[i] = Mention {
                first: a.first,
                last: b.last,
                kind: EntityKind::Organization,
            };
            found.remove(i + 1);
        }
        i += 1;
    }
}

/// The surface of a mention's tokens, joined by single spaces: usually the text itself, which
/// then needs no copy.
fn surface<'d>(p: &Prepared<'d>, m: &Mention) -> Cow<'d, str> {
    let tokens = &p.tokens[m.first..m.last];
    let single_spaced = tokens.windows(2).all(|pair| {
        let gap = &p.text[pair[0].end..pair[1].start];
        gap.is_empty() || gap == " "
    });
    if single_spaced {
        return Cow::Borrowed(&p.text[tokens[0].start..tokens[tokens.len() - 1].end]);
    }
    let mut s = String::new();
    for i in m.first..m.last {
        if i > m.first && p.tokens[i].start > p.tokens[i - 1].end {
            s.push(' ');
        }
        s.push_str(p.word(i));
    }
    Cow::Owned(s)
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// The mention that mention `i`, a single word in brackets right after it, abbreviates:
/// an acronym in capitals (`World Health Organization (WHO)`), unless it spells only the
/// name's tail (`Boston Red Sox of Major League Baseball (MLB)`); another word only if its
/// letters are the name's initials in order, from the first (`Advisory, Conciliation and
/// Arbitration Service (Acas)`; not `Mick Lynch (Labour)`).
fn long_form_before(p: &Prepared, found: &[Mention], i: usize) -> Option<usize> {
    let m = &found[i];
    if m.last - m.first != 1 || m.first < 2 || !matches!(p.word(m.first - 1), "(" | "[") {
        return None;
    }
    if m.last >= p.len() || !matches!(p.word(m.last), ")" | "]") {
        return None;
    }
    let prev = found.partition_point(|x| x.last < m.first - 1);
    let long = found.get(prev).filter(|x| x.last == m.first - 1)?;
    let word = p.word(m.first);
    let letters = acronym_letters(word);
    let initials: Vec<char> = (long.first..long.last)
        .filter(|&j| p.info[j].capitalized)
        .filter_map(|j| p.word(j).chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    if is_acronym(word) {
        let tail = letters
            .as_ref()
            .is_some_and(|l| l.len() < initials.len() && initials.ends_with(l));
        return (!tail).then_some(prev);
    }
    let letters = letters?;
    let spelled =
        initials.first() == letters.first() && spells_in_order(&letters, initials.iter().copied());
    spelled.then_some(prev)
}

/// Whether `letters` appear among `initials` in order (other initials may come between).
fn spells_in_order(letters: &[char], initials: impl IntoIterator<Item = char>) -> bool {
    let mut want = letters.iter().peekable();
    for c in initials {
        if want.peek().is_some_and(|&&w| w == c) {
            want.next();
        }
    }
    want.peek().is_none()
}

/// A name keeps one type through the document; a lone surname of a named person is that
/// person; unknown acronyms are organizations; later capitalized repeats of a found name are
/// mentions too.
fn harmonize(p: &Prepared, found: &mut Vec<Mention>) {
    let lex = Lexicon::get();
    // The mentions' texts, once (the rules below change kinds, not spans), as small numbers:
    // equal texts get equal numbers, so the tallies below are vectors indexed by them.
    let mut text_ids: HashMap<Cow<str>, usize, FxBuilder> = HashMap::default();
    let text_of: Vec<usize> = found
        .iter()
        .map(|m| {
            let next = text_ids.len();
            *text_ids.entry(surface(p, m)).or_insert(next)
        })
        .collect();
    let texts = text_ids.len();
    // Majority kind per text. Every name-kind mention votes, so each rule below that asks for
    // the majority of a name-kind mention's text finds votes there.
    let mut votes = vec![[0u16; 10]; texts];
    for (m, &t) in found.iter().zip(&text_of) {
        if is_name_kind(m.kind) {
            votes[t][m.kind as usize] += 1;
        }
    }
    let best_kind = |v: &[u16; 10]| -> EntityKind {
        let (k, _) = v
            .iter()
            .enumerate()
            .max_by_key(|(k, &n)| (n, 10 - k))
            .unwrap_or((0, &0));
        EntityKind::ALL[k]
    };
    // Texts that are a word of a multi-word person name.
    let mut person_word = vec![false; texts];
    for m in found.iter() {
        if m.kind == EntityKind::Person && m.last - m.first >= 2 {
            for i in m.first..m.last {
                if p.info[i].capitalized {
                    if let Some(&t) = text_ids.get(p.word(i)) {
                        person_word[t] = true;
                    }
                }
            }
        }
    }
    for (m, &t) in found.iter_mut().zip(&text_of) {
        if !is_name_kind(m.kind) {
            continue;
        }
        // The rules for one token read its text: the word itself.
        let single = m.last - m.first == 1;
        let word = p.word(m.first);
        if single && person_word[t] {
            m.kind = EntityKind::Person;
            continue;
        }
        m.kind = best_kind(&votes[t]);
        // News names a person in full first; a lone unknown word never named so is more
        // likely a company or brand.
        if single
            && m.kind == EntityKind::Person
            && lex.word(word) & (FIRST | LAST) == 0
            && !word.contains('-')
        {
            m.kind = EntityKind::Organization;
        }
        if single
            && m.kind == EntityKind::Group
            && is_acronym(word)
            && lex.word(word) & (PLACES | DEMONYM) == 0
        {
            m.kind = EntityKind::Organization;
        }
    }
    // `Amazon employees`, `Amazon executives`: a name the place lists do not know, followed by
    // words that go with companies, is an organization wherever it appears. So is one followed
    // by a title and a person's name, the person's employer (`Nvidia Chief Executive Jensen
    // Huang`, `AMD CEO Lisa Su`; `Texas Attorney General Ken Paxton` is a known place).
    let title = |i: usize| {
        p.info[i].capitalized
            && !p.tokens[i].line_start
            && (is_title(lex, p, i) || is_role(p.word(i)))
    };
    let mut companies = vec![false; texts];
    for (k, (m, &t)) in found.iter().zip(&text_of).enumerate() {
        let next = m.last;
        let next_is_org_word = next < p.len()
            && lex.word(p.word(next)) & ORGCTX != 0
            && !matches!(p.word(next), "officials" | "members");
        let mut after_titles = next;
        while after_titles < p.len() && title(after_titles) {
            after_titles += 1;
        }
        let employs = after_titles > next
            && found
                .get(k + 1)
                .is_some_and(|n| n.first == after_titles && n.kind == EntityKind::Person);
        let unknown_place = m.kind == EntityKind::Place
            && (m.first..m.last)
                .all(|i| (p.info[i].gaz_begin | p.info[i].gaz_inside) & (PLACES | DEMONYM) == 0);
        if unknown_place && (next_is_org_word || employs) {
            companies[t] = true;
        }
    }
    for (m, &t) in found.iter_mut().zip(&text_of) {
        if m.kind == EntityKind::Place && companies[t] {
            m.kind = EntityKind::Organization;
        }
    }
    // The rules above may split a name's mentions again: one more vote on the final kinds.
    let mut finals = vec![[0u16; 10]; texts];
    for (m, &t) in found.iter().zip(&text_of) {
        if is_name_kind(m.kind) {
            finals[t][m.kind as usize] += 1;
        }
    }
    for (m, &t) in found.iter_mut().zip(&text_of) {
        if is_name_kind(m.kind) {
            m.kind = best_kind(&finals[t]);
        }
    }
    // Repeats: capitalized token sequences equal to a found name, not yet covered.
    let mut covered = vec![false; p.len()];
    for m in found.iter() {
        covered[m.first..m.last].iter_mut().for_each(|c| *c = true);
    }
    // Keyed by `seq_key`, already a well-mixed hash.
    let mut names: HashMap<u64, (usize, EntityKind), NoHashBuilder> = HashMap::default();
    for m in found.iter().filter(|m| is_name_kind(m.kind)) {
        let len = m.last - m.first;
        if len <= 4 {
            names.insert(seq_key(p, m.first, m.last), (len, m.kind));
        }
    }
    // A person named in full, first name first, is named again by the surname alone
    // (`Schumer said`), which the tagger may miss. (Not `Norton I`, `American Indian`.)
    for m in found.iter().filter(|m| m.kind == EntityKind::Person) {
        let last = m.last - 1;
        let surname = p.word(last);
        let full_name = (2..=4).contains(&(m.last - m.first))
            && p.info[m.first].gaz_begin & FIRST != 0
            && p.info[last].capitalized
            && p.info[last].alpha
            && !p.info[last].all_caps
            && surname.len() >= 3
            && !demonym_like(surname);
        if full_name {
            names
                .entry(seq_key(p, last, m.last))
                .or_insert((1, EntityKind::Person));
        }
    }
    let mut extra = Vec::new();
    let mut i = 0;
    while i < p.len() {
        if covered[i] || !(p.info[i].capitalized || p.info[i].all_caps) {
            i += 1;
            continue;
        }
        let mut hit = None;
        for len in (1..=4).rev() {
            if i + len > p.len() || covered[i..i + len].iter().any(|&c| c) {
                continue;
            }
            if let Some(&(l, kind)) = names.get(&seq_key(p, i, i + len)) {
                if l == len {
                    hit = Some((len, kind));
                    break;
                }
            }
        }
        // A lone capitalized word at a sentence start may be an ordinary word.
        if let Some((len, kind)) = hit {
            let common = len == 1 && p.info[i].sentence_start && p.info[i].zipf >= 4;
            if !common {
                extra.push(Mention {
                    first: i,
                    last: i + len,
                    kind,
                });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    let mut extra_cover = vec![false; p.len()];
    for m in &extra {
        extra_cover[m.first..m.last]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    // Unknown acronyms not tagged at all: organizations (not a ticker symbol).
    for (i, c) in covered.iter().enumerate() {
        if *c || !p.info[i].all_caps {
            continue;
        }
        if matches!(ticker_part(p, i), Some(TickerPart::Symbol)) {
            continue;
        }
        let w = p.word(i);
        if p.info[i].paragraph > 0
            && w.chars().all(|c| c.is_ascii_uppercase())
            && (2..=5).contains(&w.len())
            && p.info[i].zipf < 3
            && lex.word(w) & (PLACES | TITLE | DEMONYM) == 0
            && !extra_cover.get(i).copied().unwrap_or(false)
            && !line_is_shouting(p, i)
        {
            extra.push(Mention {
                first: i,
                last: i + 1,
                kind: EntityKind::Organization,
            });
        }
    }
    found.extend(extra);
    found.sort_by_key(|m| m.first);
}

/// Verbs of speech that stand next to the speaker's name (`said Ann Lee`, `Ann Lee told`):
/// the few that take a person, where the quotes' list (`speech_verbs.txt`) has many that
/// take an organization as readily (`announced`, `reported`).
const SPEECH_VERBS: &[&str] = &["said", "says", "told", "tells", "added", "adds", "asked"];

/// `said Agnieszka Nowak`, `Piotr Duda told`: two or three rare capitalized words, none a
/// place or organization word, next to a verb of speech name a person whatever type the
/// tagger gave them (names from languages the name lists lack come out as places or groups).
fn names_a_speaker(lex: &Lexicon, p: &Prepared, m: &Mention) -> bool {
    speaker_name(lex, p, m.first, m.last) && next_to_speech(p, m)
}

/// `said Abdoulaye Diallo of Médecins Sans Frontières`: a name and `of` and what follows, next
/// to a verb of speech, where the words before `of` pass for a speaker's name (see
/// [`names_a_speaker`]): a person, with the organization or place after `of` split off later.
fn speaker_of(lex: &Lexicon, p: &Prepared, m: &Mention) -> bool {
    let Some(of) = (m.first + 2..m.last.saturating_sub(1)).find(|&i| p.word(i) == "of") else {
        return false;
    };
    speaker_name(lex, p, m.first, of) && next_to_speech(p, m)
}

/// Two or three rare capitalized words, none a place, organization or nationality word.
fn speaker_name(lex: &Lexicon, p: &Prepared, first: usize, last: usize) -> bool {
    let rare_name_word = |i: usize| {
        let t = &p.info[i];
        t.capitalized
            && t.alpha
            && !t.all_caps
            && t.zipf < 4
            && lex.word(p.word(i)) & (PLACES | ORGCUE | DEMONYM) == 0
    };
    (2..=3).contains(&(last - first)) && (first..last).all(rare_name_word)
}

fn next_to_speech(p: &Prepared, m: &Mention) -> bool {
    let speech = |i: usize| SPEECH_VERBS.contains(&p.word(i));
    (m.first > 0 && speech(m.first - 1)) || (m.last < p.len() && speech(m.last))
}

/// Whether the line holding token `i` is written mostly in capitals.
fn line_is_shouting(p: &Prepared, i: usize) -> bool {
    let (words, _, caps) = p.lines.of_token(i);
    caps * 2 > words
}

fn seq_key(p: &Prepared, first: usize, last: usize) -> u64 {
    (first..last).fold(17, |h, i| super::hash::mix(h, p.info[i].word))
}

/// Finds the mentions of a tagged document, cleaned and made consistent.
pub fn resolve(p: &Prepared, labels: &[u8]) -> Vec<Mention> {
    let mut found = mentions(p, labels);
    clean(p, &mut found);
    harmonize(p, &mut found);
    for m in found.iter_mut().filter(|m| m.kind == EntityKind::Group) {
        m.kind = other_kind(p, m);
    }
    found
}

/// Last words of the names of events: wars, games, meetings, storms (`World Cup`, `Civil
/// War`, `Australian Open`, `Paris Climate Summit`).
const EVENT_WORDS: &[&str] = &[
    "War",
    "Revolution",
    "Uprising",
    "Massacre",
    "Olympics",
    "Paralympics",
    "Olympiad",
    "Games",
    "Cup",
    "Championship",
    "Championships",
    "Open",
    "Finals",
    "Tournament",
    "Marathon",
    "Derby",
    "Bowl",
    "Prix",
    "Tour",
    "Summit",
    "Conference",
    "Festival",
    "Carnival",
    "Expo",
    "Exhibition",
    "Election",
    "Elections",
    "Referendum",
    "Awards",
    "Crisis",
    "Pandemic",
    "Epidemic",
    "Day",
    "Week",
];

/// First words of the names of storms, which are events (`Cyclone Phailin`).
const STORM_WORDS: &[&str] = &["Hurricane", "Cyclone", "Typhoon", "Storm"];

/// Last words of the names of made things: laws and documents (`Digital Markets Act`,
/// `First Amendment`, `Paris Agreement`), prizes (`Nobel Peace Prize`) and machines
/// (`Hubble Space Telescope`).
const PRODUCT_WORDS: &[&str] = &[
    "Act",
    "Amendment",
    "Bill",
    "Law",
    "Treaty",
    "Accord",
    "Accords",
    "Agreement",
    "Protocol",
    "Constitution",
    "Charter",
    "Directive",
    "Declaration",
    "Prize",
    "Award",
    "Medal",
    "Trophy",
    "Telescope",
    "Satellite",
    "Rover",
    "Spacecraft",
    "Rocket",
    "Store",
];

/// What a name the tagger typed OTHER is: an organization, an event or a product by its
/// first or last word (a roman or plain number may follow: `World War II`, `Title IV`),
/// else a group (`Democrats`, `Rohingya`). An organization's word ends it (`Texas
/// Legislature`): the lexicon's organization cues and `Legislature`, which it lacks.
fn other_kind(p: &Prepared, m: &Mention) -> EntityKind {
    let numbered = |w: &str| w.bytes().all(|b| b.is_ascii_digit() || b"IVX".contains(&b));
    let mut last = m.last - 1;
    while last > m.first && numbered(p.word(last)) {
        last -= 1;
    }
    let (first_word, last_word) = (p.word(m.first), p.word(last));
    let storm = m.last - m.first >= 2 && STORM_WORDS.contains(&first_word);
    let org_word = Lexicon::get().word(last_word) & ORGCUE != 0 || last_word == "Legislature";
    if last > m.first && org_word {
        EntityKind::Organization
    } else if storm || (last > m.first && EVENT_WORDS.contains(&last_word)) {
        EntityKind::Event
    } else if last > m.first && PRODUCT_WORDS.contains(&last_word) {
        EntityKind::Product
    } else {
        EntityKind::Group
    }
}

/// Text for merging: no dots, straight apostrophes, lowercase. Appended to `out`.
fn alias_key(s: &str, out: &mut String) {
    if s.is_ascii() {
        // No curly apostrophes, and lowercase is byte by byte.
        out.extend(
            s.bytes()
                .filter(|&b| b != b'.')
                .map(|b| char::from(b.to_ascii_lowercase())),
        );
        return;
    }
    out.extend(
        s.chars()
            .filter(|&c| c != '.')
            .map(|c| if c == '’' { '\'' } else { c })
            .flat_map(char::to_lowercase),
    );
}

/// Initials of the capitalized words of a long name (`United States` -> `us`) into `out`;
/// empty when the name holds an acronym itself.
fn initials(s: &str, out: &mut String) {
    out.clear();
    if s.split_whitespace().any(is_acronym) {
        return;
    }
    out.extend(
        s.split(|c: char| c.is_whitespace() || c == '-')
            .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase),
    );
}

/// The alias keys of a part's mentions, numbered so that equal keys get equal numbers.
struct AliasKeys {
    /// Each mention's key number.
    of_mention: Vec<usize>,
    /// The distinct keys end to end (one allocation for all), and where each number's lies.
    text: String,
    ranges: Vec<Range<usize>>,
}

impl AliasKeys {
    fn new(texts: &[&str]) -> AliasKeys {
        // Distinct texts first: about half the mentions repeat a text, and need no key of
        // their own.
        let mut text_number: HashMap<&str, usize, FxBuilder> = HashMap::default();
        let mut distinct: Vec<&str> = Vec::new();
        let text_of: Vec<usize> = texts
            .iter()
            .map(|&t| {
                *text_number.entry(t).or_insert_with(|| {
                    distinct.push(t);
                    distinct.len() - 1
                })
            })
            .collect();
        let mut text = String::new();
        let text_ranges: Vec<Range<usize>> = distinct
            .iter()
            .map(|t| {
                let start = text.len();
                alias_key(t, &mut text);
                start..text.len()
            })
            .collect();
        // Texts that differ only in case, dots or apostrophes share a key.
        let mut key_number: HashMap<&str, usize, FxBuilder> = HashMap::default();
        let mut ranges = Vec::new();
        let key_of_text: Vec<usize> = text_ranges
            .iter()
            .map(|r| {
                *key_number.entry(&text[r.clone()]).or_insert_with(|| {
                    ranges.push(r.clone());
                    ranges.len() - 1
                })
            })
            .collect();
        AliasKeys {
            of_mention: text_of.iter().map(|&t| key_of_text[t]).collect(),
            text,
            ranges,
        }
    }

    fn len(&self) -> usize {
        self.ranges.len()
    }

    /// The key numbered `n`.
    fn get(&self, n: usize) -> &str {
        &self.text[self.ranges[n].clone()]
    }
}

struct Cluster {
    kind: EntityKind,
    mentions: Vec<usize>,
    /// Numbers of the distinct alias keys of its mentions.
    keys: Vec<usize>,
}

/// Groups mentions into entities: same text, acronyms, surnames of named people.
pub fn group(doc: &Document, p: &Prepared, found: Vec<Mention>) -> Vec<Entity> {
    let spans: Vec<Span> = found
        .iter()
        .map(|m| Span::new(p.tokens[m.first].start, p.tokens[m.last - 1].end))
        .collect();
    let texts: Vec<&str> = spans.iter().map(|s| doc.slice(*s)).collect();
    let keys = AliasKeys::new(&texts);
    let mut index = AliasIndex {
        keys: &keys,
        clusters: Vec::new(),
        cluster_of: vec![usize::MAX; found.len()],
        by_initials: HashMap::default(),
        persons_by_word: HashMap::default(),
        initials: String::new(),
    };
    // The cluster a key leads to, apart for names (index 1) and other mentions (index 0).
    let mut by_key: Vec<[Option<usize>; 2]> = vec![[None; 2]; keys.len()];
    // Longest mentions first, so short forms find their long forms.
    // An acronym in brackets goes right after its long form, before the other mentions of
    // its own length, so that those (`the RMT union`) find the long form through it.
    let places: Vec<(usize, bool)> = (0..found.len())
        .map(|i| {
            let len = |m: &Mention| m.last - m.first;
            match long_form_before(p, &found, i) {
                Some(long) => (len(&found[long]), true),
                None => (len(&found[i]), false),
            }
        })
        .collect();
    for i in longest_first(&places) {
        let m = &found[i];
        let key = keys.of_mention[i];
        let named = is_name_kind(m.kind);
        let target = by_key[key][named as usize]
            .filter(|&c| {
                !named
                    || index.clusters[c].kind == m.kind
                    || index.clusters[c].kind == EntityKind::Person
            })
            .or_else(|| {
                named
                    .then(|| index.target(p, &found, &texts, i, key))
                    .flatten()
            });
        let slot = &mut by_key[key][named as usize];
        let c = match target {
            Some(c) => {
                index.clusters[c].mentions.push(i);
                if slot.is_none() {
                    *slot = Some(c);
                }
                c
            }
            None => {
                *slot = Some(index.clusters.len());
                index.clusters.push(Cluster {
                    kind: m.kind,
                    mentions: vec![i],
                    keys: Vec::new(),
                });
                index.clusters.len() - 1
            }
        };
        index.add(c, i, &found, &texts, key);
    }
    let mut entities: Vec<(usize, Entity)> = index
        .clusters
        .into_iter()
        .map(|c| {
            let mut ms = c.mentions;
            ms.sort_unstable();
            let canonical = ms
                .iter()
                .copied()
                .max_by_key(|&i| (texts[i].chars().count(), std::cmp::Reverse(i)))
                .unwrap_or(ms[0]);
            let mut mentions: Vec<Span> = ms.iter().map(|&i| spans[i]).collect();
            mentions.dedup_by(|a, b| a.overlaps(*b));
            let description = ms.iter().find_map(|&i| describe(doc, p, &found[i], c.kind));
            // `Rathke, the State Department spokesperson,`: a role makes a person; `Gavi,
            // the Vaccine Alliance,`: an organization's word, an organization.
            let kind = match &description {
                Some(d)
                    if matches!(
                        c.kind,
                        EntityKind::Place | EntityKind::Organization | EntityKind::Group
                    ) && names_a_role(d) =>
                {
                    EntityKind::Person
                }
                Some(d)
                    if matches!(c.kind, EntityKind::Place | EntityKind::Group)
                        && names_an_organization(d) =>
                {
                    EntityKind::Organization
                }
                _ => c.kind,
            };
            (
                ms[0],
                Entity {
                    name: single_spaced(texts[canonical]),
                    kind,
                    mentions,
                    description,
                },
            )
        })
        .collect();
    entities.sort_by_key(|(first, _)| *first);
    entities.into_iter().map(|(_, e)| e).collect()
}

/// Indices of `places` (a length and whether to go after the others of that length) by
/// length, longest first, then flag, then index: a counting sort, as lengths are small.
fn longest_first(places: &[(usize, bool)]) -> Vec<usize> {
    let longest = places.iter().map(|&(len, _)| len).max().unwrap_or(0);
    let bucket = |&(len, after): &(usize, bool)| (longest - len) * 2 + after as usize;
    let mut starts = vec![0usize; (longest + 1) * 2 + 1];
    for place in places {
        starts[bucket(place) + 1] += 1;
    }
    for b in 1..starts.len() {
        starts[b] += starts[b - 1];
    }
    let mut order = vec![0; places.len()];
    for (i, place) in places.iter().enumerate() {
        let at = &mut starts[bucket(place)];
        order[*at] = i;
        *at += 1;
    }
    order
}

/// The words of `s` joined by single spaces.
fn single_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Clusters so far, with what short forms look them up by.
struct AliasIndex<'k> {
    /// The alias keys by number.
    keys: &'k AliasKeys,
    clusters: Vec<Cluster>,
    cluster_of: Vec<usize>,
    /// Initials of multi-word organization, place and group names -> cluster.
    by_initials: HashMap<String, usize, FxBuilder>,
    /// Words of multi-word person names -> clusters.
    persons_by_word: HashMap<&'k str, Vec<usize>, FxBuilder>,
    /// Room to work out initials in, reused.
    initials: String,
}

impl<'k> AliasIndex<'k> {
    fn add(&mut self, c: usize, i: usize, found: &[Mention], texts: &[&str], key: usize) {
        self.cluster_of[i] = c;
        let kind = self.clusters[c].kind;
        let multi = found[i].last - found[i].first >= 2;
        if multi
            && matches!(
                kind,
                EntityKind::Organization | EntityKind::Place | EntityKind::Group
            )
        {
            initials(texts[i], &mut self.initials);
            let ini = self.initials.as_str();
            if ini.len() >= 2 && !self.by_initials.contains_key(ini) {
                self.by_initials.insert(ini.to_string(), c);
            }
        }
        if self.clusters[c].keys.contains(&key) {
            return;
        }
        let text: &'k str = self.keys.get(key);
        if kind == EntityKind::Person && text.split_whitespace().count() >= 2 {
            for w in text.split_whitespace() {
                let list = self.persons_by_word.entry(w).or_default();
                if !list.contains(&c) {
                    list.push(c);
                }
            }
        }
        self.clusters[c].keys.push(key);
    }

    /// The cluster a short form belongs to: an acronym of a long form (or one written in
    /// parentheses right after it), or part of a person's full name.
    fn target(
        &self,
        p: &Prepared,
        found: &[Mention],
        texts: &[&str],
        i: usize,
        key: usize,
    ) -> Option<usize> {
        let m = &found[i];
        let key = self.keys.get(key);
        let single = m.last - m.first == 1;
        if single {
            // `Long Form (LF)`: the acronym right after a mention.
            if let Some(long) = long_form_before(p, found, i) {
                let c = self.cluster_of[long];
                if c != usize::MAX {
                    return Some(c);
                }
            }
            if is_acronym(texts[i]) {
                if let Some(&c) = self.by_initials.get(key) {
                    return Some(c);
                }
            }
        }
        if m.kind != EntityKind::Person {
            return None;
        }
        let words: Vec<&str> = key.split_whitespace().collect();
        let candidates = self.persons_by_word.get(*words.first()?)?;
        let mut best: Option<(usize, usize)> = None;
        for &c in candidates {
            let cl = &self.clusters[c];
            let fits = cl.keys.iter().any(|&k| {
                let long: Vec<&str> = self.keys.get(k).split_whitespace().collect();
                long.len() > words.len() && words.iter().all(|w| long.contains(w))
            });
            if fits {
                // Prefer the person named most recently before this mention.
                let before = cl.mentions.iter().filter(|&&j| j < i).max().copied();
                let score = before.map_or(0, |j| j + 1);
                if best.is_none_or(|(_, s)| score > s) {
                    best = Some((c, score));
                }
            }
        }
        best.map(|(c, _)| c)
    }
}

type WordSet = std::sync::OnceLock<std::collections::HashSet<&'static str>>;

/// Whether `w` is in `list`, asked through a set made once: these lists are asked about the
/// words around every mention.
fn in_list(set: &'static WordSet, list: &'static [&'static str], w: &str) -> bool {
    set.get_or_init(|| list.iter().copied().collect())
        .contains(w)
}

/// Whether `w` (any case) is one of the [`ROLES`].
fn is_role(w: &str) -> bool {
    static SET: WordSet = WordSet::new();
    if w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        in_list(&SET, ROLES, w)
    } else {
        in_list(&SET, ROLES, &w.to_lowercase())
    }
}

/// Whether `w` (in lowercase) is one of the [`ORGANIZATION_HEADS`].
fn is_organization_head(w: &str) -> bool {
    static SET: WordSet = WordSet::new();
    in_list(&SET, ORGANIZATION_HEADS, w)
}

/// Words for what a person is or does, as the head of an appositive.
const ROLES: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "editor",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "founder",
    "co-founder",
    "minister",
    "president",
    "secretary",
    "chief",
    "ceo",
    "leader",
    "head",
    "member",
    "lawyer",
    "professor",
    "author",
    "reporter",
    "correspondent",
    "officer",
    "official",
    "ambassador",
    "senator",
    "governor",
    "mayor",
    "manager",
    "analyst",
    "strategist",
    "trader",
    "banker",
    "executive",
    "lecturer",
    "researcher",
    "scientist",
    "teacher",
    "doctor",
    "actor",
    "actress",
    "singer",
    "writer",
    "player",
    "coach",
    "captain",
    "champion",
    "winner",
    "athlete",
    "striker",
    "goalkeeper",
    "midfielder",
    "quarterback",
    "pitcher",
    "golfer",
    "boxer",
    "commander",
    "general",
    "judge",
    "economist",
    "expert",
    "activist",
    "politician",
    "businessman",
    "businesswoman",
    "journalist",
    "artist",
    "student",
    "son",
    "daughter",
    "wife",
    "husband",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
];

/// Whether an appositive's head names a role: its first word (after an article) or the last
/// word before its first preposition.
fn names_a_role(description: &str) -> bool {
    let words: Vec<&str> = description
        .split_whitespace()
        .skip_while(|w| matches!(w.to_lowercase().as_str(), "a" | "an" | "the"))
        .collect();
    let role = |i: usize| words.get(i).is_some_and(|w| is_role(w));
    role(0) || head_end(&words).checked_sub(1).is_some_and(role)
}

/// Where an appositive's head ends: at its first preposition or relative word (`the head
/// of the agency`, `a group that ...`), else at its end.
fn head_end(words: &[&str]) -> usize {
    words
        .iter()
        .position(|w| {
            matches!(
                *w,
                "of" | "at" | "for" | "in" | "with" | "to" | "from" | "that" | "which" | "whose"
            )
        })
        .unwrap_or(words.len())
}

/// Words for what an organization is, as the head of an appositive (`the drivers' union`,
/// `a French carmaker`), besides the lexicon's organization cues (`the Vaccine Alliance`).
const ORGANIZATION_HEADS: &[&str] = &[
    "union",
    "company",
    "firm",
    "group",
    "agency",
    "alliance",
    "bank",
    "party",
    "charity",
    "journal",
    "magazine",
    "tabloid",
    "outlet",
    "organization",
    "organisation",
    "association",
    "ministry",
    "regulator",
    "maker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "carrier",
    "airline",
    "retailer",
    "broadcaster",
    "newspaper",
    "publisher",
    "insurer",
    "lender",
    "operator",
    "developer",
    "startup",
    "manufacturer",
    "supplier",
    "conglomerate",
    "nonprofit",
    "network",
    "club",
    "team",
    "university",
    "school",
    "hospital",
    "foundation",
    "institute",
    "coalition",
    "federation",
    "league",
    "militia",
];

/// Whether an appositive's head names an organization: its last word before a preposition
/// (or its last word).
fn names_an_organization(description: &str) -> bool {
    let words: Vec<&str> = description.split_whitespace().collect();
    let Some(head) = head_end(&words).checked_sub(1).map(|i| words[i]) else {
        return false;
    };
    let head = head.trim_end_matches(|c: char| !c.is_alphanumeric());
    is_organization_head(&head.to_lowercase())
        || (head.chars().next().is_some_and(char::is_uppercase)
            && Lexicon::get().word(head) & ORGCUE != 0)
}

/// Lowercase words that open a phrase after a comma that is not an appositive.
const NOT_APPOSITIVE_HEAD: &[&str] = &[
    "in",
    "on",
    "at",
    "with",
    "for",
    "by",
    "to",
    "from",
    "of",
    "during",
    "after",
    "before",
    "into",
    "over",
    "under",
    "about",
    "like",
    "than",
    "including",
    "despite",
    "since",
    "until",
    "their",
    "his",
    "her",
    "its",
    "our",
    "my",
    "your",
    "then",
    "now",
    "not",
    "also",
    "too",
    "however",
    "though",
    "although",
    "yet",
    "still",
    "even",
    "just",
    "only",
    "there",
    "here",
];

const NOT_IN_APPOSITIVE: &[&str] = &[
    "said",
    "says",
    "who",
    "which",
    "that",
    "and",
    "but",
    "is",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "will",
    "would",
    "told",
    "according",
    "as",
    "if",
    "when",
    "while",
    "where",
    "because",
    "after",
    "before",
    "so",
    "or",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
];

/// Whether `w`, lowercased, is one of [`NOT_IN_APPOSITIVE`]. Most words are ASCII and are
/// compared without making a lowercase copy.
fn is_not_in_appositive(w: &str) -> bool {
    if w.is_ascii() {
        NOT_IN_APPOSITIVE
            .iter()
            .any(|stop| w.eq_ignore_ascii_case(stop))
    } else {
        NOT_IN_APPOSITIVE.contains(&w.to_lowercase().as_str())
    }
}

/// An appositive right after the mention (`ByteDance, TikTok's parent company,`) or a title
/// right before a person's name (`Prime Minister`).
/// Whether a preposition comes before the name at `first` (or before its article).
fn after_preposition(p: &Prepared, first: usize) -> bool {
    let mut i = first;
    if i > 0 && matches!(p.word(i - 1), "the" | "The") {
        i -= 1;
    }
    i > 0 && {
        let before = p.word(i - 1);
        PREPOSITIONS.iter().any(|w| w.eq_ignore_ascii_case(before))
    }
}

fn article(w: &str) -> bool {
    matches!(w, "a" | "an" | "the")
}

fn describe(doc: &Document, p: &Prepared, m: &Mention, kind: EntityKind) -> Option<String> {
    if !is_name_kind(kind) {
        return None;
    }
    let n = p.len();
    if m.last + 2 < n && p.word(m.last) == "," && !p.tokens[m.last + 1].line_start {
        let start = m.last + 1;
        let mut end = start;
        while end < n && end - start <= 10 {
            let w = p.word(end);
            if matches!(w, "," | "." | ";" | ":" | "\"" | "“" | "”" | "(" | ")")
                || p.tokens[end].line_start
            {
                break;
            }
            if is_not_in_appositive(w) {
                end = n;
                break;
            }
            end += 1;
        }
        let head = p.word(start);
        // Closed by a comma, or by the end of the sentence after `a`, `an` or `the`
        // (`..., said Ann Lee, a spokeswoman for the port.`), unless the name ends an opening
        // phrase (`After World War II, the town grew.`).
        let closer = end < n
            && (p.word(end) == ","
                || (p.word(end) == "."
                    && (end + 1 == n || p.tokens[end + 1].start > p.tokens[end].end)
                    && article(head)
                    && !after_preposition(p, m.first)));
        let closed = closer && end > start && end - start <= 10;
        let head_ok = article(head)
            || (p.info[start].capitalized
                && start + 1 < end
                && matches!(p.word(start + 1), "'s" | "’s"))
            || (p.info[start].lowercase
                && !head.ends_with("ly")
                && !NOT_APPOSITIVE_HEAD.contains(&head));
        if closed && head_ok && end - start >= 2 {
            let span = Span::new(p.tokens[start].start, p.tokens[end - 1].end);
            return Some(doc.slice(span).to_string());
        }
    }
    if kind == EntityKind::Person && m.first > 0 {
        let lex = Lexicon::get();
        let mut a = m.first;
        while a > 0 && m.first - a < 3 && p.info[a - 1].capitalized && is_title(lex, p, a - 1) {
            a -= 1;
        }
        // `Home Secretary`, `Shadow Home Secretary`: capitalized words that qualify the title.
        let titles = a;
        while a > 0
            && a < m.first
            && titles - a < 2
            && p.tokens[a - 1].end + 1 == p.tokens[a].start
            && p.info[a - 1].capitalized
            && p.info[a - 1].zipf < 6
            && p.info[a - 1].alpha
        {
            a -= 1;
        }
        if a < m.first {
            let words: Vec<&str> = (a..m.first).map(|i| p.word(i)).collect();
            let honorific = words.len() == 1
                && matches!(
                    words[0],
                    "Mr" | "Mr." | "Mrs" | "Mrs." | "Ms" | "Ms." | "Dr" | "Dr." | "Miss" | "Sir"
                );
            if !honorific {
                return Some(words.join(" "));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_first_orders_like_sorting_by_length_flag_and_index() {
        let places: Vec<(usize, bool)> = (0..200)
            .map(|i: usize| ((i * 7919) % 6 + 1, (i * 31).is_multiple_of(5)))
            .collect();
        let mut sorted: Vec<usize> = (0..places.len()).collect();
        sorted.sort_by_key(|&i| (std::cmp::Reverse(places[i].0), places[i].1, i));
        assert_eq!(longest_first(&places), sorted);
        assert_eq!(longest_first(&[]), Vec::<usize>::new());
        assert_eq!(
            longest_first(&[(1, true), (3, false), (1, false)]),
            [1, 2, 0]
        );
    }
}
