//! Invariants shared by the fuzz targets: what must hold for any input.
#![allow(dead_code)]

use brief::{Briefing, Document, Span};

pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end),
        "{what} {span:?} not inside the text ({} bytes) on char boundaries",
        text.len()
    );
}

fn check_sequence(text: &str, spans: &[Span], what: &str) {
    for &s in spans {
        check_span(text, s, what);
        assert!(!s.is_empty(), "{what} {s:?} is empty");
    }
    for pair in spans.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{what} out of order: {pair:?}"
        );
    }
}

pub fn check_document(doc: &Document) {
    let text = &doc.text;
    assert!(!text.contains('\r'), "a CR survived normalizing");
    check_sequence(text, &doc.paragraphs, "paragraph");
    check_sequence(text, &doc.sentences, "sentence");
    for &s in &doc.sentences {
        let p = doc
            .paragraph_at(s.start)
            .expect("a sentence outside every paragraph");
        assert!(
            doc.paragraphs[p].encloses(s),
            "sentence {s:?} crosses a paragraph"
        );
    }
}

pub fn check_briefing(doc: &Document, briefing: &Briefing) {
    let text = &doc.text;
    for e in &briefing.entities {
        for &m in &e.mentions {
            check_span(text, m, "mention");
        }
        for pair in e.mentions.windows(2) {
            assert!(pair[0].start <= pair[1].start, "mentions out of order");
        }
    }
    for item in &briefing.timeline {
        check_span(text, item.span, "timeline span");
        check_span(text, item.sentence, "timeline sentence");
        assert!(
            item.sentence.encloses(item.span),
            "timeline span outside its sentence"
        );
    }
    for pair in briefing.timeline.windows(2) {
        let key = |w: brief::When| (w.year, w.month.map_or(0, i32::from));
        assert!(
            key(pair[0].when) <= key(pair[1].when),
            "timeline out of order"
        );
    }
    for q in &briefing.quotes {
        check_span(text, q.span, "quote");
        for &n in &q.nested {
            check_span(text, n, "nested quote");
            assert!(q.span.encloses(n), "nested quote outside its quote");
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.span, "speaker");
        }
    }
}

/// Characters that must never reach a cell: controls and invisible direction marks.
pub fn is_forbidden_on_screen(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202A}'..='\u{202E}'
                | '\u{2066}'..='\u{2069}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{2028}'
                | '\u{2029}'
        )
}
