//! The closed word classes time expressions are built from.

use super::Part;

fn is(word: &str, target: &str) -> bool {
    word.eq_ignore_ascii_case(target)
}

/// Whether a word is in a list, ignoring ASCII case.
pub fn among(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| is(word, w))
}

pub fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Longer than any word the lookups know (`thanksgiving`, 12): a longer word is none of them.
const LONGEST: usize = 16;

/// A word with its ASCII letters lowercased, in a buffer on the stack: the key of the lookups
/// below. Only ASCII changes, as with `eq_ignore_ascii_case`; a word longer than every word
/// looked up is kept empty, which no lookup matches.
#[derive(Clone, Copy)]
pub struct Lower {
    buf: [u8; LONGEST],
    len: u8,
}

impl Lower {
    #[inline]
    pub fn new(word: &str) -> Lower {
        let bytes = word.as_bytes();
        if bytes.len() > LONGEST {
            return Lower {
                buf: [0; LONGEST],
                len: 0,
            };
        }
        // Gathered in a register and lowercased there, all bytes at once.
        let mut x = 0u128;
        for (k, &b) in bytes.iter().enumerate() {
            x |= u128::from(b) << (8 * k);
        }
        Lower {
            buf: ascii_lowercase(x).to_le_bytes(),
            len: bytes.len() as u8,
        }
    }

    pub fn bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    /// The lowercased word (empty when longer than any word looked up).
    pub fn as_str(&self) -> &str {
        // Lowercasing ASCII bytes leaves UTF-8 valid.
        std::str::from_utf8(self.bytes()).unwrap_or("")
    }
}

/// Sixteen bytes with their ASCII capitals lowered (other bytes unchanged), as
/// `u8::to_ascii_lowercase` does one by one.
const fn ascii_lowercase(x: u128) -> u128 {
    const ONES: u128 = u128::MAX / 255;
    let low = x & (ONES * 0x7f);
    // Bit 7 of each byte: at least `A`, and past `Z` (no carry crosses a byte: low <= 0x7f).
    let from_a = low + ONES * (0x80 - b'A' as u128);
    let past_z = low + ONES * (0x80 - b'Z' as u128 - 1);
    let capital = from_a & !past_z & !x & (ONES * 0x80);
    x | (capital >> 2)
}

/// The month names, lowercase, January first.
const MONTH_NAMES: [&[u8]; 12] = [
    b"january",
    b"february",
    b"march",
    b"april",
    b"may",
    b"june",
    b"july",
    b"august",
    b"september",
    b"october",
    b"november",
    b"december",
];

/// A full month name (1-12).
pub fn month(word: &str) -> Option<u8> {
    static MONTH_SHAPES: Shapes = Shapes::of(&[&MONTH_NAMES]);
    if !MONTH_SHAPES.admit(word) {
        return None;
    }
    month_lower(Lower::new(word).bytes())
}

pub fn month_lower(word: &[u8]) -> Option<u8> {
    Some(match word {
        b"january" => 1,
        b"february" => 2,
        b"march" => 3,
        b"april" => 4,
        b"may" => 5,
        b"june" => 6,
        b"july" => 7,
        b"august" => 8,
        b"september" => 9,
        b"october" => 10,
        b"november" => 11,
        b"december" => 12,
        _ => return None,
    })
}

/// A month abbreviation such as `Sept` (only trusted next to a day or year).
pub fn month_abbreviation(word: &str) -> Option<u8> {
    month_abbreviation_lower(Lower::new(word).bytes())
}

pub fn month_abbreviation_lower(word: &[u8]) -> Option<u8> {
    Some(match word {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" | b"sept" => 9,
        b"oct" => 10,
        b"nov" => 11,
        b"dec" => 12,
        _ => return None,
    })
}

/// A weekday name: 0 = Monday .. 6 = Sunday.
pub fn weekday(word: &str) -> Option<u8> {
    weekday_lower(Lower::new(word).bytes())
}

pub fn weekday_lower(word: &[u8]) -> Option<u8> {
    Some(match word {
        b"monday" => 0,
        b"tuesday" => 1,
        b"wednesday" => 2,
        b"thursday" => 3,
        b"friday" => 4,
        b"saturday" => 5,
        b"sunday" => 6,
        _ => return None,
    })
}

pub fn weekday_abbreviation(word: &str) -> Option<u8> {
    weekday_abbreviation_lower(Lower::new(word).bytes())
}

pub fn weekday_abbreviation_lower(word: &[u8]) -> Option<u8> {
    Some(match word {
        b"mon" => 0,
        b"tue" | b"tues" => 1,
        b"wed" => 2,
        b"thu" | b"thur" | b"thurs" => 3,
        b"fri" => 4,
        b"sat" => 5,
        b"sun" => 6,
        _ => return None,
    })
}

pub fn season(word: &str) -> Option<Part> {
    season_lower(Lower::new(word).bytes())
}

fn season_lower(word: &[u8]) -> Option<Part> {
    match word {
        b"spring" => Some(Part::Spring),
        b"summer" => Some(Part::Summer),
        b"autumn" | b"fall" => Some(Part::Autumn),
        b"winter" => Some(Part::Winter),
        _ => None,
    }
}

/// `early`, `mid`, `late` and their phrase forms (`the end of`).
pub fn part_word(word: &str) -> Option<Part> {
    match Lower::new(word).bytes() {
        b"early" | b"beginning" | b"start" | b"outset" | b"dawn" => Some(Part::Early),
        b"mid" | b"middle" | b"midst" => Some(Part::Mid),
        b"late" | b"end" | b"close" => Some(Part::Late),
        _ => None,
    }
}

/// Small cardinal numbers as words (`seventeen`, `a`), for `N years ago`.
pub fn number_word(word: &str) -> Option<i64> {
    number_word_lower(Lower::new(word).bytes())
}

pub fn number_word_lower(word: &[u8]) -> Option<i64> {
    Some(match word {
        b"a" | b"an" => 1,
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// A set of lowercase words, written once: its list (for tests) and a `match` over it.
macro_rules! word_set {
    ($(#[$doc:meta])* $list:ident, $is:ident: $($word:literal)|+) => {
        $(#[$doc])*
        const $list: &[&[u8]] = &[$($word),+];
        $(#[$doc])*
        pub fn $is(word: &[u8]) -> bool {
            matches!(word, $($word)|+)
        }
    };
}

word_set! {
    /// Every word, lowercased, at which the matcher can find a time expression, by itself or by
    /// what follows it (a holiday aside: see [`is_holiday_name`]): months and their abbreviations,
    /// weekdays and theirs, number words (`two years ago`), seasons, clock words, and the words
    /// that lead a phrase (`the 1990s`, `last year`, `early 2016`, `end of March`).
    STARTERS, is_starter:
    b"january" | b"february" | b"march" | b"april" | b"may" | b"june" | b"july" | b"august"
    | b"september" | b"october" | b"november" | b"december"
    | b"jan" | b"feb" | b"mar" | b"apr" | b"jun" | b"jul" | b"aug" | b"sep" | b"sept" | b"oct"
    | b"nov" | b"dec"
    | b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday"
    | b"mon" | b"tue" | b"tues" | b"wed" | b"thu" | b"thur" | b"thurs" | b"fri" | b"sat" | b"sun"
    | b"a" | b"an" | b"zero" | b"one" | b"two" | b"three" | b"four" | b"five" | b"six" | b"seven"
    | b"eight" | b"nine" | b"ten" | b"eleven" | b"twelve" | b"thirteen" | b"fourteen"
    | b"fifteen" | b"sixteen" | b"seventeen" | b"eighteen" | b"nineteen" | b"twenty" | b"thirty"
    | b"forty" | b"fifty" | b"sixty" | b"seventy" | b"eighty" | b"ninety"
    | b"spring" | b"summer" | b"autumn" | b"fall" | b"winter"
    | b"midnight" | b"noon" | b"midday"
    | b"the" | b"today" | b"tonight" | b"yesterday" | b"tomorrow" | b"this" | b"last" | b"next"
    | b"coming" | b"that" | b"year" | b"end" | b"beginning" | b"start" | b"middle" | b"early"
    | b"mid" | b"late"
}

word_set! {
    /// Holidays known by name alone (`Easter`, `New Year`); any other needs `Day` or `Eve` after it.
    HOLIDAY_NAMES, is_holiday_name:
    b"new" | b"christmas" | b"halloween" | b"valentine" | b"boxing" | b"easter"
    | b"thanksgiving" | b"hanukkah" | b"diwali" | b"passover"
}

/// The first two letters and the length of the words of a set: a look-up that rules out most
/// other words before any comparison. Bit `n` of entry `(first, second)` is set when a word of `n`
/// bytes starts with those letters (ASCII case ignored; a one-letter word has no second).
pub struct Shapes([u32; 27 * 27]);

/// A letter's place in the alphabet from 1, ignoring ASCII case; 0 for any other byte.
static LETTERS: [u8; 256] = {
    let mut letters = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphabetic() {
            letters[b] = c.to_ascii_lowercase() - b'a' + 1;
        }
        b += 1;
    }
    letters
};

#[inline]
const fn shape_slot(word: &[u8]) -> usize {
    let second = if word.len() > 1 { word[1] } else { 0 };
    LETTERS[word[0] as usize] as usize * 27 + LETTERS[second as usize] as usize
}

impl Shapes {
    const fn of(sets: &[&[&[u8]]]) -> Shapes {
        let mut shapes = [0u32; 27 * 27];
        let mut s = 0;
        while s < sets.len() {
            let mut k = 0;
            while k < sets[s].len() {
                let word = sets[s][k];
                assert!(!word.is_empty() && word.len() <= LONGEST);
                shapes[shape_slot(word)] |= 1 << word.len();
                k += 1;
            }
            s += 1;
        }
        Shapes(shapes)
    }

    /// Whether some word of the set has the first letters and length of `word`.
    #[inline]
    pub fn admit(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        !bytes.is_empty()
            && bytes.len() <= LONGEST
            && self.0[shape_slot(bytes)] >> bytes.len() & 1 == 1
    }
}

static STARTER_SHAPES: Shapes = Shapes::of(&[STARTERS, HOLIDAY_NAMES]);

/// Whether the matcher can find a time expression at a word: a starter, or a capitalized holiday
/// name. (A capitalized word before `Day` or `Eve` is checked by the caller.)
#[inline]
pub fn may_start(word: &str) -> bool {
    if !STARTER_SHAPES.admit(word) {
        return false;
    }
    let lower = Lower::new(word);
    is_starter(lower.bytes()) || (is_holiday_name(lower.bytes()) && starts_upper(word))
}

/// What kind of starter a word is, for the matcher to pass over the common ones quickly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Starter {
    Other,
    /// `the`: a time only with the right word after it (`the 1990s`, `the following year`).
    The,
    /// `a`, `an`: a time only before a unit (`a year ago`) or `couple`.
    A,
    /// A full month name.
    Month,
}

const ONES: u64 = u64::MAX / 255;
const HIGH: u64 = ONES * 0x80;

/// Eight bytes with their ASCII capitals lowered (other bytes unchanged).
#[inline]
const fn ascii_lowercase8(x: u64) -> u64 {
    let low = x & (ONES * 0x7f);
    let from_a = low + ONES * (0x80 - b'A' as u64);
    let past_z = low + ONES * (0x80 - b'Z' as u64 - 1);
    x | ((from_a & !past_z & !x & HIGH) >> 2)
}

/// A word of at most eight bytes as a number: its bytes in order from the lowest.
const fn word_key(word: &[u8]) -> u64 {
    let mut key = 0;
    let mut k = 0;
    while k < word.len() {
        key |= (word[k] as u64) << (8 * k);
        k += 1;
    }
    key
}

const STARTER_SLOTS: usize = 512;

const fn starter_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 55) as usize % STARTER_SLOTS
}

/// The starters and holiday names of at most eight bytes in an open-addressing table keyed by
/// [`word_key`] of the lowercased word, with their kind (`None` for a holiday name, which starts
/// an expression only capitalized).
static STARTER_TABLE: ([u64; STARTER_SLOTS], [Option<Starter>; STARTER_SLOTS]) = {
    let mut keys = [0u64; STARTER_SLOTS];
    let mut kinds = [None; STARTER_SLOTS];
    let sets: [&[&[u8]]; 2] = [STARTERS, HOLIDAY_NAMES];
    let mut s = 0;
    while s < sets.len() {
        let mut k = 0;
        while k < sets[s].len() {
            let word = sets[s][k];
            k += 1;
            if word.len() > 8 {
                continue;
            }
            let kind = if s == 1 {
                None
            } else if word_eq(word, b"the") {
                Some(Starter::The)
            } else if word_eq(word, b"a") || word_eq(word, b"an") {
                Some(Starter::A)
            } else if month_lower_const(word) {
                Some(Starter::Month)
            } else {
                Some(Starter::Other)
            };
            let key = word_key(word);
            let mut slot = starter_slot(key);
            while keys[slot] != 0 {
                assert!(keys[slot] != key, "a word listed twice");
                slot = (slot + 1) % STARTER_SLOTS;
            }
            keys[slot] = key;
            kinds[slot] = kind;
        }
        s += 1;
    }
    (keys, kinds)
};

const fn word_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut k = 0;
    while k < a.len() {
        if a[k] != b[k] {
            return false;
        }
        k += 1;
    }
    true
}

const fn month_lower_const(word: &[u8]) -> bool {
    let mut m = 0;
    while m < MONTH_NAMES.len() {
        if word_eq(word, MONTH_NAMES[m]) {
            return true;
        }
        m += 1;
    }
    false
}

/// Whether the matcher can find a time expression at the word `text[start..end]` (see
/// [`may_start`]), and which kind of starter it is. The same answer as `may_start`, faster: a
/// word of up to eight bytes is read as one number, lowercased at once and looked up in a table.
#[inline]
pub fn starter_at(text: &str, start: usize, end: usize) -> Option<Starter> {
    let len = end.checked_sub(start).filter(|&n| n > 0)?;
    if len > 8 {
        let word = text.get(start..end)?;
        if !may_start(word) {
            return None;
        }
        return Some(if month(word).is_some() {
            Starter::Month
        } else {
            Starter::Other
        });
    }
    let text = text.as_bytes();
    let raw = match text.get(start..start + 8) {
        Some(eight) => {
            let eight = u64::from_le_bytes(eight.try_into().unwrap_or([0; 8]));
            // Keep the word's bytes only (`len` is 1 to 8).
            eight & (u64::MAX >> (64 - 8 * len))
        }
        None => word_key(&text[start..end]),
    };
    let key = ascii_lowercase8(raw);
    let (keys, kinds) = &STARTER_TABLE;
    let mut slot = starter_slot(key);
    loop {
        let k = keys[slot];
        if k == key {
            // A holiday name starts something only capitalized.
            return kinds[slot]
                .or_else(|| text[start].is_ascii_uppercase().then_some(Starter::Other));
        }
        if k == 0 {
            return None;
        }
        slot = (slot + 1) % STARTER_SLOTS;
    }
}

/// Whether a word after `the` can be part of a time expression with it: what
/// `Scanner::after_the` looks for in a word (a decade's name, a unit, an anaphor, a part of a
/// period, an ordinal, a season).
pub fn leads_after_the(word: &str) -> bool {
    matches!(
        Lower::new(word).bytes(),
        b"weekend"
            | b"year"
            | b"day"
            | b"week"
            | b"month"
            | b"previous"
            | b"prior"
            | b"preceding"
            | b"following"
            | b"next"
            | b"same"
            | b"subsequent"
            | b"early"
            | b"mid"
            | b"late"
            | b"middle"
            | b"end"
            | b"beginning"
            | b"start"
            | b"outset"
            | b"close"
            | b"dawn"
            | b"turn"
            | b"midst"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
    ) || season(word).is_some()
        || decade_word(word).is_some()
}

/// Calendar units for `N units ago` and `last unit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
}

/// A unit, or a part of a day standing for its day (`that night`, `the next morning`).
pub fn anaphoric_unit(word: &str) -> Option<Unit> {
    match Lower::new(word).bytes() {
        b"morning" | b"afternoon" | b"evening" | b"night" => Some(Unit::Day),
        lower => unit_lower(lower).filter(|u| *u != Unit::Decade),
    }
}

pub fn unit(word: &str) -> Option<Unit> {
    unit_lower(Lower::new(word).bytes())
}

fn unit_lower(word: &[u8]) -> Option<Unit> {
    match word {
        b"day" | b"days" => Some(Unit::Day),
        b"week" | b"weeks" => Some(Unit::Week),
        b"month" | b"months" => Some(Unit::Month),
        b"year" | b"years" => Some(Unit::Year),
        b"decade" | b"decades" => Some(Unit::Decade),
        _ => None,
    }
}

/// Words before a number that make it a count or an identifier, not a year.
pub const NUMBER_PREFIXES: &[&str] = &[
    "no",
    "nos",
    "number",
    "numbers",
    "page",
    "pages",
    "p",
    "pp",
    "room",
    "rooms",
    "flight",
    "route",
    "model",
    "version",
    "v",
    "suite",
    "apartment",
    "apt",
    "gate",
    "platform",
    "highway",
    "interstate",
    "bus",
    "chapter",
    "section",
    "article",
    "item",
    "isbn",
    "code",
    "exit",
    "pin",
    "unit",
    "account",
    "boeing",
    "airbus",
    "resolution",
    "bill",
    "form",
    "rule",
    "box",
    "lot",
    "cell",
    "ward",
    "bed",
    "seat",
    "tel",
    "phone",
    "fax",
    "ext",
    "extension",
    "channel",
    "track",
    "level",
    "grade",
    "batch",
    "serial",
    "id",
    "ref",
    "cve",
    "iso",
    "rfc",
    "score",
    "scored",
    "votes",
    "vote",
    "cost",
    "costs",
    "costing",
    "paid",
    "pay",
    "earned",
    "earns",
    "raised",
    "priced",
    "worth",
    "totalled",
    "totaled",
    "numbered",
    "numbering",
    "population",
    "weighs",
    "weighed",
    "measures",
    "measured",
];

/// Words that approximate a count (`about 2000 people`); a year needs no approximation of this kind.
pub const APPROXIMATORS: &[&str] = &[
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "some",
    "roughly",
    "over",
    "under",
    "than",
    "least",
    "ca",
    "approx",
    "estimated",
    "additional",
    "another",
    "extra",
    "total",
    "only",
    "just",
    "exactly",
];

/// Nouns that a count, not a year, stands before (`2024 votes`).
pub const COUNT_NOUNS: &[&str] = &[
    "people",
    "persons",
    "person",
    "votes",
    "voters",
    "residents",
    "members",
    "workers",
    "employees",
    "soldiers",
    "troops",
    "police",
    "officers",
    "students",
    "children",
    "kids",
    "adults",
    "men",
    "women",
    "families",
    "homes",
    "houses",
    "households",
    "cases",
    "deaths",
    "dead",
    "victims",
    "refugees",
    "migrants",
    "units",
    "copies",
    "jobs",
    "dollars",
    "euros",
    "pounds",
    "yen",
    "yuan",
    "rupees",
    "francs",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "ft",
    "m",
    "kg",
    "g",
    "mg",
    "tonnes",
    "tons",
    "lbs",
    "lb",
    "calories",
    "acres",
    "hectares",
    "square",
    "barrels",
    "points",
    "words",
    "pages",
    "times",
    "hours",
    "hrs",
    "hr",
    "h",
    "minutes",
    "mins",
    "seconds",
    "secs",
    "gmt",
    "utc",
    "bst",
    "est",
    "edt",
    "pst",
    "pdt",
    "cet",
    "cst",
    "ist",
    "local",
    "cc",
    "mph",
    "kph",
    "km/h",
    "mw",
    "gw",
    "kw",
    "kwh",
    "mwh",
    "bn",
    "million",
    "billion",
    "thousand",
    "trillion",
    "items",
    "signatures",
    "participants",
    "delegates",
    "seats",
    "tickets",
    "visitors",
    "tourists",
    "patients",
    "steps",
    "rounds",
    "shares",
    "vehicles",
    "cars",
    "buildings",
    "beds",
    "pilgrims",
    "passengers",
    "athletes",
    "runners",
    "teams",
    "players",
    "fans",
    "protesters",
    "demonstrators",
    "companies",
    "firms",
    "schools",
    "sites",
    "documents",
    "files",
    "emails",
    "messages",
    "posts",
    "followers",
    "users",
    "customers",
    "applications",
    "applicants",
    "claims",
    "complaints",
    "arrests",
    "inmates",
    "prisoners",
    "animals",
    "birds",
    "trees",
    "species",
    "samples",
    "respondents",
    "subjects",
    "individuals",
    "civilians",
    "fighters",
    "militants",
    "rebels",
    "boats",
    "ships",
    "planes",
    "aircraft",
    "flights",
    "rockets",
    "missiles",
    "shells",
    "bombs",
    "pieces",
    "bottles",
    "books",
    "articles",
    "titles",
    "songs",
    "games",
    "matches",
    "goals",
    "runs",
    "yards",
    "degrees",
    "percent",
    "per",
    "pc",
    "%",
    "bytes",
    "kb",
    "mb",
    "gb",
    "tb",
    "pixels",
    "px",
    "rpm",
    "hz",
    "volts",
    "watts",
    "litres",
    "liters",
    "gallons",
    "ml",
    "cm",
    "mm",
    "inches",
    "strong",
    "plus",
    "odd",
    "acre",
    "sq",
];

/// Words after a number of hours (`at 1930 hours`), a clock time rather than a year.
pub const TIME_WORDS: &[&str] = &["morning", "afternoon", "evening", "night"];

/// Street types after a house number (`1214 Anderson Ave`).
pub const STREET_WORDS: &[&str] = &[
    "ave",
    "avenue",
    "st",
    "street",
    "road",
    "rd",
    "blvd",
    "boulevard",
    "terrace",
    "lane",
    "ln",
    "drive",
    "dr",
    "way",
    "place",
    "pl",
    "court",
    "ct",
    "highway",
    "hwy",
    "parkway",
    "pkwy",
    "square",
    "sq",
    "plaza",
    "crescent",
    "close",
];

/// Words that end a noun phrase rather than continue it (`about 1200 to about 400`).
pub const FUNCTION_WORDS: &[&str] = &[
    "to", "and", "or", "in", "on", "at", "by", "for", "from", "with", "when", "as", "until",
    "till", "through", "the", "a", "an", "was", "were", "is", "are", "had", "has", "he", "she",
    "it", "they", "we", "i", "you", "but", "after", "before", "during", "since", "that", "which",
    "who", "where", "while", "if", "then", "onwards", "onward", "ago", "later", "earlier", "bc",
    "bce", "ad", "ce",
];

/// `the sixties` and the like: the decade of the 1900s they name.
pub fn decade_word(word: &str) -> Option<i32> {
    let decade = match Lower::new(word).bytes() {
        b"twenties" => 0,
        b"thirties" => 1,
        b"forties" => 2,
        b"fifties" => 3,
        b"sixties" => 4,
        b"seventies" => 5,
        b"eighties" => 6,
        b"nineties" => 7,
        _ => return None,
    };
    Some(1920 + 10 * decade)
}

/// Words after which a number before a plural noun is still a year (`the 2014 protests`).
pub const YEAR_LEADERS: &[&str] = &[
    "the",
    "of",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "this",
    "that",
    "in",
    "since",
    "by",
    "from",
    "until",
    "till",
    "during",
    "before",
    "after",
    "through",
    "throughout",
    "between",
    "early",
    "mid",
    "late",
    "year",
    "fiscal",
    "a",
    "an",
    "s",
    "whose",
    "as",
    "at",
];

/// Verbs in -s that follow a year used as a subject (`2015 marks the anniversary`).
pub const S_VERBS: &[&str] = &[
    "marks",
    "remains",
    "sees",
    "brings",
    "begins",
    "ends",
    "looks",
    "promises",
    "seems",
    "proves",
    "represents",
    "becomes",
    "means",
    "shows",
    "was",
    "has",
    "is",
    "does",
    "goes",
    "comes",
    "holds",
    "makes",
    "takes",
    "gives",
    "sets",
    "starts",
    "continues",
    "follows",
    "saw",
];

#[cfg(test)]
mod tests {
    //! The look-ups against the lists they were first written as.

    use super::*;

    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
        ("jan", 1),
        ("feb", 2),
        ("mar", 3),
        ("apr", 4),
        ("jun", 6),
        ("jul", 7),
        ("aug", 8),
        ("sep", 9),
        ("sept", 9),
        ("oct", 10),
        ("nov", 11),
        ("dec", 12),
    ];
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    const WEEKDAY_ABBREVIATIONS: [(&str, u8); 10] = [
        ("mon", 0),
        ("tue", 1),
        ("tues", 1),
        ("wed", 2),
        ("thu", 3),
        ("thur", 3),
        ("thurs", 3),
        ("fri", 4),
        ("sat", 5),
        ("sun", 6),
    ];
    const ONES: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    const DECADES: [&str; 8] = [
        "twenties",
        "thirties",
        "forties",
        "fifties",
        "sixties",
        "seventies",
        "eighties",
        "nineties",
    ];

    fn position(word: &str, list: &[&str]) -> Option<usize> {
        list.iter().position(|w| is(word, w))
    }

    fn find(word: &str, list: &[(&str, u8)]) -> Option<u8> {
        list.iter().find(|(w, _)| is(word, w)).map(|&(_, n)| n)
    }

    /// Every listed word in three cases, near misses, and words no list holds.
    fn words() -> Vec<String> {
        let mut base: Vec<&[u8]> = STARTERS.to_vec();
        base.extend(HOLIDAY_NAMES);
        let mut words: Vec<String> = base
            .iter()
            .map(|w| String::from_utf8(w.to_vec()).unwrap())
            .collect();
        words.extend(
            [
                "spring",
                "summer",
                "autumn",
                "fall",
                "winter",
                "beginning",
                "outset",
                "dawn",
                "midst",
                "close",
                "day",
                "days",
                "week",
                "weeks",
                "month",
                "months",
                "years",
                "decade",
                "decades",
                "morning",
                "afternoon",
                "evening",
                "night",
                "weekend",
                "following",
                "fourth",
            ]
            .map(String::from),
        );
        words.extend(DECADES.map(String::from));
        for w in words.clone() {
            words.push(w.to_uppercase());
            let mut title = w.clone();
            title[..1].make_ascii_uppercase();
            words.push(title);
            words.push(format!("{w}s"));
            words.push(w[..w.len() - 1].to_string());
            words.push(format!("x{w}"));
        }
        words.extend(
            [
                "",
                "é",
                "Ｍay",
                "\u{212A}",
                "İ",
                "mAy",
                "abcdefghijklmnopqrstuvwxyz",
                "Mayday",
                "thanksgivingx",
                "Ünïcödé",
                "MAY\u{301}",
            ]
            .map(String::from),
        );
        words
    }

    #[test]
    fn lookups_agree_with_their_lists() {
        for w in words() {
            let w = w.as_str();
            assert_eq!(month(w), position(w, &MONTHS).map(|i| i as u8 + 1), "{w}");
            assert_eq!(month_abbreviation(w), find(w, &MONTH_ABBREVIATIONS), "{w}");
            assert_eq!(weekday(w), position(w, &WEEKDAYS).map(|i| i as u8), "{w}");
            assert_eq!(
                weekday_abbreviation(w),
                find(w, &WEEKDAY_ABBREVIATIONS),
                "{w}"
            );
            let number = if among(w, &["a", "an"]) {
                Some(1)
            } else {
                position(w, &ONES)
                    .map(|i| i as i64)
                    .or_else(|| position(w, &TENS).map(|i| (i as i64 + 2) * 10))
            };
            assert_eq!(number_word(w), number, "{w}");
            assert_eq!(
                decade_word(w),
                position(w, &DECADES).map(|i| 1920 + 10 * i as i32),
                "{w}"
            );
            let lower = w.to_ascii_lowercase();
            let season_listed = match lower.as_str() {
                "spring" => Some(Part::Spring),
                "summer" => Some(Part::Summer),
                "autumn" | "fall" => Some(Part::Autumn),
                "winter" => Some(Part::Winter),
                _ => None,
            };
            assert_eq!(season(w), season_listed, "{w}");
            let unit_listed = match lower.as_str() {
                "day" | "days" => Some(Unit::Day),
                "week" | "weeks" => Some(Unit::Week),
                "month" | "months" => Some(Unit::Month),
                "year" | "years" => Some(Unit::Year),
                "decade" | "decades" => Some(Unit::Decade),
                _ => None,
            };
            assert_eq!(unit(w), unit_listed, "{w}");
            let anaphoric = if among(w, &["morning", "afternoon", "evening", "night"]) {
                Some(Unit::Day)
            } else {
                unit_listed.filter(|u| *u != Unit::Decade)
            };
            assert_eq!(anaphoric_unit(w), anaphoric, "{w}");
            let part_listed = match lower.as_str() {
                "early" | "beginning" | "start" | "outset" | "dawn" => Some(Part::Early),
                "mid" | "middle" | "midst" => Some(Part::Mid),
                "late" | "end" | "close" => Some(Part::Late),
                _ => None,
            };
            assert_eq!(part_word(w), part_listed, "{w}");
            // The starter test, by shapes and a match, and by a table of eight-byte keys, both
            // in the middle of a text and at its very end.
            let listed = STARTERS.contains(&lower.as_bytes())
                || (HOLIDAY_NAMES.contains(&lower.as_bytes()) && starts_upper(w));
            assert_eq!(may_start(w), listed, "{w}");
            if !w.is_empty() {
                let padded = format!("{w} and more");
                let kind = starter_at(&padded, 0, w.len());
                assert_eq!(kind.is_some(), listed, "{w}");
                assert_eq!(starter_at(w, 0, w.len()), kind, "{w}");
                assert_eq!(
                    kind == Some(Starter::Month),
                    listed && month(w).is_some(),
                    "{w}"
                );
                assert_eq!(kind == Some(Starter::The), lower == "the", "{w}");
                assert_eq!(
                    kind == Some(Starter::A),
                    lower == "a" || lower == "an",
                    "{w}"
                );
            }
        }
    }
}
