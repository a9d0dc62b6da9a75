//! Any bytes: decoded, normalized, split and run through every extractor; every span must
//! land inside the text on char boundaries, and `--json` must round-trip the text.
#![no_main]

mod common;

use brief::{build_briefing, BriefingOptions, Document};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = brief::document::looks_binary(data);
    let loaded = Document::from_bytes("fuzz.txt", data.to_vec());
    let doc = &loaded.document;
    common::check_document(doc);
    let briefing = build_briefing(doc, BriefingOptions::default());
    common::check_briefing(doc, &briefing);
    let json = serde_json::to_string(&briefing.to_json(doc)).expect("serializes");
    let value: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(value["text"].as_str(), Some(doc.text.as_str()));
    let _ = brief::plain::briefing_as_text(doc, &briefing);
});
