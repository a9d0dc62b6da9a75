//! Finding a query in the document text: literal, smart case (case-insensitive unless the
//! query has a capital letter), every match as a byte span.

use crate::span::Span;

/// How a query is matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SearchOptions {
    pub case_sensitive: bool,
}

impl SearchOptions {
    /// Smart case: a capital letter in the query makes the search case-sensitive.
    pub fn smart(query: &str) -> SearchOptions {
        SearchOptions {
            case_sensitive: query.chars().any(char::is_uppercase),
        }
    }
}

/// Every non-overlapping match of `query` in `text`, in text order.
pub fn find_all(text: &str, query: &str, options: SearchOptions) -> Vec<Span> {
    if query.is_empty() {
        return Vec::new();
    }
    if options.case_sensitive {
        return text
            .match_indices(query)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect();
    }
    if query.is_ascii() {
        return find_ascii_caseless(text, query);
    }
    find_caseless(text, query)
}

/// ASCII queries: compare bytes without case, jumping between candidate first bytes.
fn find_ascii_caseless(text: &str, query: &str) -> Vec<Span> {
    let hay = text.as_bytes();
    let needle = query.as_bytes();
    let first = needle[0].to_ascii_lowercase();
    let first_upper = needle[0].to_ascii_uppercase();
    let mut matches = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        let Some(step) = hay[i..=hay.len() - needle.len()]
            .iter()
            .position(|&b| b == first || b == first_upper)
        else {
            break;
        };
        i += step;
        if hay[i..i + needle.len()].eq_ignore_ascii_case(needle) {
            // ASCII bytes never sit inside a multi-byte character: the span is on boundaries.
            matches.push(Span::new(i, i + needle.len()));
            i += needle.len();
        } else {
            i += 1;
        }
    }
    matches
}

/// Other queries: compare lower-cased characters from each character position.
fn find_caseless(text: &str, query: &str) -> Vec<Span> {
    let needle: Vec<char> = query.chars().flat_map(char::to_lowercase).collect();
    let mut matches = Vec::new();
    let mut skip_until = 0;
    for (start, _) in text.char_indices() {
        if start < skip_until {
            continue;
        }
        let mut folded = text[start..].chars().flat_map(char::to_lowercase);
        let mut consumed = 0;
        let mut ok = true;
        for want in &needle {
            match folded.next() {
                Some(c) if c == *want => {}
                _ => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            // Find the byte end: the shortest prefix whose folding covers the needle.
            let mut count = 0;
            for c in text[start..].chars() {
                consumed += c.len_utf8();
                count += c.to_lowercase().count();
                if count >= needle.len() {
                    break;
                }
            }
            matches.push(Span::new(start, start + consumed));
            skip_until = start + consumed;
        }
    }
    matches
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(text: &'t str, query: &str) -> Vec<&'t str> {
        find_all(text, query, SearchOptions::smart(query))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn smart_case() {
        let text = "Amazon and amazon and AMAZON";
        assert_eq!(found(text, "amazon"), ["Amazon", "amazon", "AMAZON"]);
        assert_eq!(found(text, "Amazon"), ["Amazon"]);
    }

    #[test]
    fn literal_not_pattern() {
        assert_eq!(found("a.b axb a.b", "a.b"), ["a.b", "a.b"]);
    }

    #[test]
    fn unicode_without_case() {
        assert_eq!(found("Ébène et ébène", "ébène"), ["Ébène", "ébène"]);
        assert_eq!(found("日本 と 日本", "日本"), ["日本", "日本"]);
    }

    #[test]
    fn empty_query_finds_nothing() {
        assert!(found("abc", "").is_empty());
    }
}
