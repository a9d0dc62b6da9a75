//! The closed word classes time expressions are built from.

use super::Part;

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

/// A full month name (1-12).
pub fn month(word: &str) -> Option<u8> {
    MONTHS.iter().position(|m| is(word, m)).map(|i| i as u8 + 1)
}

/// A month abbreviation such as `Sept` (only trusted next to a day or year).
pub fn month_abbreviation(word: &str) -> Option<u8> {
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(m, _)| is(word, m))
        .map(|&(_, n)| n)
}

/// A weekday name: 0 = Monday .. 6 = Sunday.
pub fn weekday(word: &str) -> Option<u8> {
    WEEKDAYS.iter().position(|d| is(word, d)).map(|i| i as u8)
}

pub fn weekday_abbreviation(word: &str) -> Option<u8> {
    WEEKDAY_ABBREVIATIONS
        .iter()
        .find(|(d, _)| is(word, d))
        .map(|&(_, n)| n)
}

pub fn season(word: &str) -> Option<Part> {
    match word.to_ascii_lowercase().as_str() {
        "spring" => Some(Part::Spring),
        "summer" => Some(Part::Summer),
        "autumn" | "fall" => Some(Part::Autumn),
        "winter" => Some(Part::Winter),
        _ => None,
    }
}

/// `early`, `mid`, `late` and their phrase forms (`the end of`).
pub fn part_word(word: &str) -> Option<Part> {
    match word.to_ascii_lowercase().as_str() {
        "early" | "beginning" | "start" | "outset" | "dawn" => Some(Part::Early),
        "mid" | "middle" | "midst" => Some(Part::Mid),
        "late" | "end" | "close" => Some(Part::Late),
        _ => None,
    }
}

/// Small cardinal numbers as words (`seventeen`, `a`), for `N years ago`.
pub fn number_word(word: &str) -> Option<i64> {
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
    if among(word, &["a", "an"]) {
        return Some(1);
    }
    if let Some(i) = ONES.iter().position(|w| is(word, w)) {
        return Some(i as i64);
    }
    TENS.iter()
        .position(|w| is(word, w))
        .map(|i| (i as i64 + 2) * 10)
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
    if among(word, &["morning", "afternoon", "evening", "night"]) {
        return Some(Unit::Day);
    }
    unit(word).filter(|u| *u != Unit::Decade)
}

pub fn unit(word: &str) -> Option<Unit> {
    match word.to_ascii_lowercase().as_str() {
        "day" | "days" => Some(Unit::Day),
        "week" | "weeks" => Some(Unit::Week),
        "month" | "months" => Some(Unit::Month),
        "year" | "years" => Some(Unit::Year),
        "decade" | "decades" => Some(Unit::Decade),
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
    DECADES
        .iter()
        .position(|d| word.eq_ignore_ascii_case(d))
        .map(|i| 1920 + 10 * i as i32)
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
