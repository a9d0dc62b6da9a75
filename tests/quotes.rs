//! Quotation extraction through the public API, on hand-written sentences.

use brief::extract::quotes::extract_quotes;
use brief::{Document, Entity, EntityKind, Quote, QuoteKind, Span};

fn run(text: &str) -> (Document, Vec<Quote>) {
    let doc = Document::new("test", text);
    let quotes = extract_quotes(&doc, &[]);
    (doc, quotes)
}

/// The quoted words of each quotation.
fn said(text: &str) -> Vec<String> {
    let (doc, quotes) = run(text);
    quotes
        .iter()
        .map(|q| doc.slice(q.span).to_string())
        .collect()
}

/// The one quotation of `text`: its words, kind and speaker as written.
fn one(text: &str) -> (String, QuoteKind, Option<String>) {
    let (doc, quotes) = run(text);
    assert_eq!(
        quotes.len(),
        1,
        "expected one quotation in {text:?}: {quotes:?}"
    );
    let q = &quotes[0];
    (
        doc.slice(q.span).to_string(),
        q.kind,
        q.speaker.as_ref().map(|s| s.name.clone()),
    )
}

fn speaker_of(text: &str) -> Option<String> {
    one(text).2
}

// ---------------------------------------------------------------------------- mark styles

#[test]
fn straight_double_marks() {
    assert_eq!(
        one("\"We will rebuild the bridge,\" the mayor said."),
        (
            "We will rebuild the bridge,".into(),
            QuoteKind::Speech,
            Some("the mayor".into())
        )
    );
}

#[test]
fn curly_double_marks() {
    let (words, kind, speaker) = one("“Prices will keep rising,” said Maria Lopez.");
    assert_eq!(words, "Prices will keep rising,");
    assert_eq!(kind, QuoteKind::Speech);
    assert_eq!(speaker.as_deref(), Some("Maria Lopez"));
}

#[test]
fn curly_single_marks_at_top_level() {
    let (words, kind, speaker) = one("‘We are not giving up on this town,’ she said.");
    assert_eq!(words, "We are not giving up on this town,");
    assert_eq!(kind, QuoteKind::Speech);
    assert_eq!(speaker.as_deref(), Some("she"));
}

#[test]
fn straight_single_marks_at_top_level() {
    assert_eq!(
        said("'The vote was fair and open,' the observers wrote."),
        vec!["The vote was fair and open,"]
    );
}

#[test]
fn guillemets_and_single_guillemets() {
    assert_eq!(
        said("«The border stays open», the minister said. ‹Nobody will be turned away› was the message."),
        vec!["The border stays open", "Nobody will be turned away"]
    );
    // Spaced French style: the spaces are not part of the words.
    assert_eq!(
        said("He wrote « bonjour tout le monde » twice."),
        vec!["bonjour tout le monde"]
    );
}

#[test]
fn low_nine_marks() {
    assert_eq!(
        said("„The talks have failed“, the envoy said. A sign read ‚closed for good‘ all week."),
        vec!["The talks have failed", "closed for good"]
    );
}

#[test]
fn quote_spans_exclude_marks_and_are_char_aligned() {
    let text = "Der Sprecher sagte: „Wir prüfen das“. “Ça va,” he said.";
    let (doc, quotes) = run(text);
    assert_eq!(quotes.len(), 2);
    for q in &quotes {
        let s = doc.slice(q.span);
        assert!(
            !s.starts_with(['„', '“', '"']) && !s.ends_with(['“', '”', '"']),
            "{s:?}"
        );
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
    }
}

// ---------------------------------------------------------------------------- nesting

#[test]
fn nested_single_in_double() {
    let text = "\"He kept saying 'not yet' and 'maybe later' to everyone,\" his sister said.";
    let (doc, quotes) = run(text);
    assert_eq!(quotes.len(), 1);
    let nested: Vec<&str> = quotes[0].nested.iter().map(|&s| doc.slice(s)).collect();
    assert_eq!(nested, vec!["not yet", "maybe later"]);
    assert!(quotes[0].span.encloses(quotes[0].nested[0]));
}

#[test]
fn nested_curly_single_in_curly_double() {
    let text = "“The fight between ‘build it here’ and ‘buy it abroad’ split the board,” a former director said.";
    let (doc, quotes) = run(text);
    assert_eq!(quotes.len(), 1);
    let nested: Vec<&str> = quotes[0].nested.iter().map(|&s| doc.slice(s)).collect();
    assert_eq!(nested, vec!["build it here", "buy it abroad"]);
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("a former director")
    );
}

#[test]
fn nested_double_in_single_british_style() {
    let text = "‘They called it “the big push” for months,’ the union leader said.";
    let (doc, quotes) = run(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(doc.slice(quotes[0].nested[0]), "the big push");
}

// ---------------------------------------------------------------------------- apostrophes

#[test]
fn apostrophes_are_not_quote_marks() {
    let text = "Amazon's and Amazon’s sellers don't wait. In the '90s and the ’80s people loved \
                rock 'n' roll and rock ’n’ roll. The players' union and the players’ union met. \
                Y'all know it's the owners’ call, rock 'n roll, and 'em too.";
    assert!(said(text).is_empty(), "{:?}", said(text));
}

#[test]
fn apostrophes_inside_quotations_are_not_nested() {
    let text =
        "\"We don't think Amazon's offer for the players' union is fair in '24,\" the agent said.";
    let (doc, quotes) = run(text);
    assert_eq!(quotes.len(), 1);
    assert!(quotes[0].nested.is_empty(), "{:?}", quotes[0].nested);
    assert!(doc.slice(quotes[0].span).ends_with("in '24,"));
}

#[test]
fn a_closing_single_after_s_closes_an_open_single_quotation() {
    assert_eq!(
        said("He called it 'a matter for the teams' and left."),
        vec!["a matter for the teams"]
    );
}

// ---------------------------------------------------------------------------- paragraphs

#[test]
fn quotation_over_several_paragraphs_is_one() {
    let text = "The judge read her ruling aloud.\n\
                \"The defendant knew the risks. He ignored them.\n\
                \"He was warned twice in writing.\n\
                \"The court finds him liable,\" she said.\n\
                The hearing ended at noon.";
    let (doc, quotes) = run(text);
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    let words = doc.slice(quotes[0].span);
    assert!(words.starts_with("The defendant knew"));
    assert!(words.ends_with("finds him liable,"));
    assert_eq!(words.matches('\n').count(), 2);
    assert_eq!(
        quotes[0].speaker.as_ref().map(|s| s.name.as_str()),
        Some("she")
    );
}

#[test]
fn unclosed_mark_is_cut_at_its_paragraph() {
    let text = "The chairman said \"we will see what happens next.\n\
                Shares fell on the news.\n\
                \"It is a good day,\" said Tom Reed.";
    let (doc, quotes) = run(text);
    let words: Vec<&str> = quotes.iter().map(|q| doc.slice(q.span)).collect();
    assert_eq!(
        words,
        vec!["we will see what happens next.", "It is a good day,"]
    );
    assert!(quotes[0].span.end <= doc.paragraphs[0].end);
    assert_eq!(
        quotes[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("Tom Reed")
    );
}

#[test]
fn unclosed_mark_never_swallows_the_document() {
    let mut text = String::from("A stray “mark opens here and never closes.\n");
    for i in 0..50 {
        text.push_str(&format!("Paragraph {i} says nothing much.\n"));
    }
    text.push_str("“This is the real one,” said the last witness.\n");
    let (doc, quotes) = run(&text);
    assert_eq!(quotes.len(), 2);
    assert!(quotes[0].span.end <= doc.paragraphs[0].end);
    assert_eq!(doc.slice(quotes[1].span), "This is the real one,");
}

#[test]
fn stray_mark_before_a_real_quotation_is_recovered() {
    assert_eq!(
        said("Bad \"mark here and then \"a real quote\" follows."),
        vec!["a real quote"]
    );
}

// ---------------------------------------------------------------------------- attribution

#[test]
fn quote_then_name_said() {
    assert_eq!(
        speaker_of("\"We are ready,\" Elena Petrova said.").as_deref(),
        Some("Elena Petrova")
    );
}

#[test]
fn quote_then_said_name_with_title() {
    assert_eq!(
        speaker_of("\"We are ready,\" said Ambassador Elena Petrova.").as_deref(),
        Some("Elena Petrova")
    );
    assert_eq!(
        speaker_of("\"We are ready,\" said President Lee.").as_deref(),
        Some("Lee")
    );
}

#[test]
fn name_said_colon_quote() {
    assert_eq!(
        speaker_of("Ortiz said: \"The budget will be balanced by next spring.\"").as_deref(),
        Some("Ortiz")
    );
}

#[test]
fn name_told_listener() {
    assert_eq!(
        speaker_of(
            "Coach Dana Whitfield told reporters, \"We lost our focus in the second half.\""
        )
        .as_deref(),
        Some("Dana Whitfield")
    );
}

#[test]
fn name_added() {
    assert_eq!(
        speaker_of("\"And we will be back next year,\" Whitfield added.").as_deref(),
        Some("Whitfield")
    );
}

#[test]
fn according_to_name() {
    let (_, kind, speaker) =
        one("“The line was never tested before opening day,” according to two engineers.");
    assert_eq!(kind, QuoteKind::Speech);
    assert_eq!(speaker.as_deref(), Some("two engineers"));
    assert_eq!(
        speaker_of("According to the Harbor Gazette, \"the ferry will stop running in May.\"")
            .as_deref(),
        Some("the Harbor Gazette")
    );
}

#[test]
fn name_wrote() {
    assert_eq!(
        speaker_of(
            "The critic Sam Hale wrote that the film was \"a triumph of patience over plot.\""
        )
        .as_deref(),
        Some("Sam Hale")
    );
}

#[test]
fn in_a_statement() {
    assert_eq!(
        speaker_of(
            "In a statement, Northwind Energy said: \"Our crews restored power to every home.\""
        )
        .as_deref(),
        Some("Northwind Energy")
    );
    assert_eq!(
        speaker_of("The ministry, in a statement, said \"all schools will reopen on Monday.\"")
            .as_deref(),
        Some("The ministry")
    );
}

#[test]
fn apposition_between_name_and_verb() {
    assert_eq!(
        speaker_of("\"It was a hard winter,\" Ruth Okafor, a farmer near the river, said.")
            .as_deref(),
        Some("Ruth Okafor")
    );
    assert_eq!(
        speaker_of(
            "Ruth Okafor, the co-op's treasurer, said, \"We will pay everyone back by June.\""
        )
        .as_deref(),
        Some("Ruth Okafor")
    );
}

#[test]
fn speaker_named_before_a_colon_sentence() {
    let text =
        "The governor ended her speech with a warning: \"Nobody is above the law in this state.\"";
    assert_eq!(speaker_of(text).as_deref(), Some("The governor"));
}

#[test]
fn speaker_named_in_the_preceding_sentence() {
    let text = "Dr. Amira Haddad explained the findings to the panel. \"The samples show no trace of the toxin at all.\"";
    assert_eq!(speaker_of(text).as_deref(), Some("Amira Haddad"));
}

#[test]
fn speaker_of_the_previous_paragraph_goes_on() {
    let text = "\"We did everything right,\" said Captain Ivo Marsh.\n\
                \"The storm simply came faster than any forecast had said it would.\"";
    let (_, quotes) = run(text);
    assert_eq!(quotes.len(), 2);
    for q in &quotes {
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Ivo Marsh")
        );
    }
}

#[test]
fn one_attribution_between_two_quotations_serves_both() {
    let text = "\"We came to win,\" team captain Lina Berg told the press, \"and we did exactly that today.\"";
    let (_, quotes) = run(text);
    assert_eq!(quotes.len(), 2);
    for q in &quotes {
        assert_eq!(
            q.speaker.as_ref().map(|s| s.name.as_str()),
            Some("Lina Berg")
        );
    }
}

#[test]
fn pronoun_speaker_is_given_as_written_and_resolved() {
    let text = "Senator Paul Grant spoke to voters in the rain.\n\
                \"We will fix the roads this year,\" he said.";
    let (_, quotes) = run(text);
    let sp = quotes[0].speaker.as_ref().expect("a speaker");
    assert_eq!(sp.name, "he");
    assert!(sp.is_pronoun());
    assert_eq!(sp.resolved.as_deref(), Some("Paul Grant"));
    assert_eq!(quotes[0].speaker_display(), "Paul Grant");
}

#[test]
fn pronoun_resolves_to_the_last_named_speaker() {
    let text =
        "\"The plant will close,\" said Lars Moen. \"Nobody wanted this outcome,\" he added.";
    let (_, quotes) = run(text);
    let sp = quotes[1].speaker.as_ref().expect("a speaker");
    assert_eq!(sp.name, "he");
    assert_eq!(sp.resolved.as_deref(), Some("Lars Moen"));
}

#[test]
fn passive_told_is_not_an_attribution() {
    let (_, kind, speaker) = one("The troops were told to prepare for a \"long campaign\".");
    assert_eq!(kind, QuoteKind::Term);
    assert_eq!(speaker, None);
}

#[test]
fn speaker_links_to_an_entity() {
    let text = "\"We are ready,\" said Elena Petrova.";
    let doc = Document::new("test", text);
    let start = text.find("Elena").unwrap();
    let entities = vec![Entity {
        name: "Elena Petrova".into(),
        kind: EntityKind::Person,
        mentions: vec![Span::new(start, start + "Elena Petrova".len())],
        description: None,
    }];
    let quotes = extract_quotes(&doc, &entities);
    let sp = quotes[0].speaker.as_ref().unwrap();
    assert_eq!(sp.entity.as_deref(), Some("Elena Petrova"));
}

/// A speaker named by the surname alone, where the entities have the full name and no
/// mention of the surname, links to the one person of that surname.
#[test]
fn speaker_by_surname_links_to_the_person_named_in_full() {
    let text = "The study was led by Giulia Perotti of the institute.\n\n\
                \"We have seen water in other disks,\" Perotti told Reuters. \"Not here,\" \
                Smith said.";
    let doc = Document::new("test", text);
    let person = |name: &str| {
        let start = text.find(name).unwrap();
        Entity {
            name: name.into(),
            kind: EntityKind::Person,
            mentions: vec![Span::new(start, start + name.len())],
            description: None,
        }
    };
    // Two people named Smith: a lone `Smith` is neither.
    let mut entities = vec![person("Giulia Perotti")];
    for smith in ["Anna Smith", "John Smith"] {
        entities.push(Entity {
            name: smith.into(),
            kind: EntityKind::Person,
            mentions: vec![],
            description: None,
        });
    }
    let quotes = extract_quotes(&doc, &entities);
    let entity_of = |i: usize| quotes[i].speaker.as_ref().and_then(|s| s.entity.clone());
    assert_eq!(entity_of(0).as_deref(), Some("Giulia Perotti"));
    assert_eq!(entity_of(1), None);
}

// ---------------------------------------------------------------------------- speech vs term

#[test]
fn scare_quote_is_a_term() {
    let (_, kind, speaker) = one("Critics dismissed the new bus lanes as a \"gimmick\" last year.");
    assert_eq!(kind, QuoteKind::Term);
    assert_eq!(speaker, None);
}

#[test]
fn slogan_and_name_are_terms() {
    let (_, kind, _) = one("The bank's “Customers First” campaign ran for a decade.");
    assert_eq!(kind, QuoteKind::Term);
    let (_, kind, _) = one("The team named its rover \"Pathfinder Two\" after a vote.");
    assert_eq!(kind, QuoteKind::Term);
    let (_, kind, _) = one("Officials added the words \"and Coastal\" to the agency's name.");
    assert_eq!(kind, QuoteKind::Term);
}

#[test]
fn short_quotation_with_attribution_is_speech() {
    let (_, kind, speaker) = one("The mayor said the stadium plan was \"dead on arrival\".");
    assert_eq!(kind, QuoteKind::Speech);
    assert_eq!(speaker.as_deref(), Some("The mayor"));
}

#[test]
fn cited_headlines_are_terms() {
    let text =
        "Sources\n\"Flooding closes main road through valley town\" — Valley Times, May 2, 2019\n";
    let (_, kind, _) = one(text);
    assert_eq!(kind, QuoteKind::Term);
}

#[test]
fn quotes_in_the_headline_are_terms() {
    let text = "Council approves 'historic' budget\nMonday, March 2, 2020\nThe city council voted on Monday.\nIt was a long meeting about the plan.";
    let (_, kind, _) = one(text);
    assert_eq!(kind, QuoteKind::Term);
}

#[test]
fn long_unattributed_quotation_is_speech() {
    let (_, kind, speaker) =
        one("\"The river has never been this high in the eighty years we have lived here.\"");
    assert_eq!(kind, QuoteKind::Speech);
    assert_eq!(speaker, None);
}

// ---------------------------------------------------------------------------- robustness

#[test]
fn hostile_inputs_do_not_panic_and_spans_stay_valid() {
    let inputs = [
        "\"",
        "'",
        "“",
        "”",
        "„",
        "«",
        "»",
        "‹",
        "›",
        "‚",
        "’",
        "‘",
        "\"\"",
        "“”",
        "'\n'",
        "\"a\n\"b\n\"c",
        "« »",
        "’’’’",
        "'n'",
        "e\u{301}\"é\"",
        "\"\u{FEFF}x\"",
        "said",
        ", said .",
        "\"x,\" said",
        "according to",
        "\"x\" according to",
        "the words \"",
        "“‘’”",
        "“‘”’",
    ];
    for text in inputs {
        let (doc, quotes) = run(text);
        for q in &quotes {
            assert!(q.span.end <= doc.text.len());
            assert!(
                doc.text.is_char_boundary(q.span.start) && doc.text.is_char_boundary(q.span.end)
            );
            for n in &q.nested {
                assert!(q.span.encloses(*n));
            }
        }
    }
}

#[test]
fn long_single_line_is_linear() {
    let unit =
        "He said \"it's fine,\" and 'maybe' “so” ‘too’ « yes » rock 'n' roll, she added: \"ok ";
    let text = unit.repeat(400_000 / unit.len());
    let started = std::time::Instant::now();
    let (_, quotes) = run(&text);
    assert!(!quotes.is_empty());
    // Generous even for an unoptimized build; a quadratic pass would take minutes.
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
}

#[test]
fn json_keeps_the_contract_fields() {
    let (_, quotes) = run("\"We are ready,\" he said.");
    let json = serde_json::to_value(&quotes[0]).unwrap();
    assert_eq!(json["kind"], "speech");
    assert_eq!(json["speaker"]["name"], "he");
    assert!(json["speaker"]["span"]["start"].is_u64());
    assert!(json["nested"].is_array());
    assert!(json["span"]["end"].is_u64());
}

mod random {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "\"",
            "'",
            "“",
            "”",
            "‘",
            "’",
            "„",
            "‚",
            "«",
            "»",
            "‹",
            "›",
            " ",
            " ",
            "\n",
            "\n\n",
            "said",
            "he",
            "Smith",
            "according to",
            "told",
            ",",
            ".",
            ":",
            "n",
            "'n'",
            "90s",
            "İ",
            "é",
            "the",
            "words",
            "—",
            "(",
            "s",
            "Amazon",
            "’s",
            "\u{301}",
            "🙂",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]
        #[test]
        fn never_panics_and_spans_are_valid(parts in prop::collection::vec(piece(), 0..80)) {
            let text: String = parts.concat();
            let (doc, quotes) = run(&text);
            let mut last_end = 0;
            for q in &quotes {
                prop_assert!(q.span.start < q.span.end && q.span.end <= doc.text.len());
                prop_assert!(doc.text.is_char_boundary(q.span.start));
                prop_assert!(doc.text.is_char_boundary(q.span.end));
                prop_assert!(q.span.start >= last_end, "quotations overlap or are out of order");
                last_end = q.span.end;
                for n in &q.nested {
                    prop_assert!(q.span.encloses(*n));
                }
                if let Some(sp) = &q.speaker {
                    prop_assert_eq!(doc.slice(sp.span), sp.name.as_str());
                }
            }
        }
    }
}

#[test]
fn groups_by_speaker_join_short_names_and_pronouns() {
    use brief::extract::quotes::group_by_speaker;
    let text = "\"The storm is close,\" said forecaster Colette Heald.\n\
                \"Stay indoors tonight,\" she added.\n\
                \"Roads will flood,\" Heald said later.\n\
                \"We are ready,\" the mayor said.\n\
                The city has opened three shelters.\n\
                \"The river has never been this high in all the years we have lived here.\"";
    let (_, quotes) = run(text);
    let groups = group_by_speaker(&quotes);
    let summary: Vec<(&str, Vec<usize>)> = groups
        .iter()
        .map(|g| (g.name.as_str(), g.quotes.clone()))
        .collect();
    assert_eq!(
        summary,
        vec![
            ("Colette Heald", vec![0, 1, 2]),
            ("the mayor", vec![3]),
            ("unattributed", vec![4]),
        ]
    );
}

#[test]
fn more_attribution_shapes() {
    let cases = [
        ("Nora Vance, who heads the union, said \"the strike will go on until the end.\"", "Nora Vance"),
        ("\"The results were surprising,\" Ian Holt of the University of Leeds said.", "Ian Holt"),
        ("\"We oppose it,\" Smith and Jones said in a joint statement.", "Smith and Jones"),
        ("\"We will appeal,\" said a spokesperson for the port authority.", "a spokesperson for the port authority"),
        ("\"We are not leaving,\" he was quoted as saying.", "he"),
        ("The notice read: \"All flights are cancelled until further notice because of the storm.\"", "The notice"),
        ("\"The fire started in the kitchen,\" Fire Chief Bob Lee, 52, told reporters.", "Bob Lee"),
        ("A leaked memo seen by the Post says \"staff cuts will begin in the spring.\"", "A leaked memo"),
        ("The minister, speaking at a press conference, said \"there will be no new taxes this year.\"", "The minister"),
        ("\"Enough is enough,\" the protesters chanted outside the hall.", "the protesters"),
    ];
    for (text, want) in cases {
        assert_eq!(speaker_of(text).as_deref(), Some(want), "{text}");
    }
}

#[test]
fn titles_in_title_case_or_brackets_are_terms() {
    let (doc, quotes) = run("Her best-known stories are \"Nigorie\" (\"Troubled Waters\") and \"On the Last Day of the Year\".");
    let kinds: Vec<(&str, QuoteKind)> =
        quotes.iter().map(|q| (doc.slice(q.span), q.kind)).collect();
    assert_eq!(
        kinds,
        vec![
            ("Nigorie", QuoteKind::Term),
            ("Troubled Waters", QuoteKind::Term),
            ("On the Last Day of the Year", QuoteKind::Term),
        ]
    );
}

#[test]
fn a_quotation_standing_as_its_own_sentence_is_speech() {
    let (doc, quotes) = run("\"I have lived here since '95,\" she said. \"It's my home.\"");
    assert_eq!(quotes.len(), 2);
    assert_eq!(doc.slice(quotes[1].span), "It's my home.");
    assert_eq!(quotes[1].kind, QuoteKind::Speech);
    assert_eq!(
        quotes[1].speaker.as_ref().map(|s| s.name.as_str()),
        Some("she")
    );
}

#[test]
fn the_cue_nearest_the_quotation_wins_over_according_to() {
    assert_eq!(
        speaker_of("\"We were never told,\" she said, according to the Herald.").as_deref(),
        Some("she")
    );
    assert_eq!(
        speaker_of("According to the Herald, the mayor said \"the budget is already spent.\"")
            .as_deref(),
        Some("the mayor")
    );
}

#[test]
fn spaced_opening_marks_still_open() {
    assert_eq!(said("\" We are ready,\" he said."), vec!["We are ready,"]);
    assert_eq!(said("“ We are ready,” he said."), vec!["We are ready,"]);
    assert_eq!(
        said("It grew by 5\" and then by 6\" more."),
        Vec::<String>::new(),
        "marks after digits are inches"
    );
}

#[test]
fn a_dash_after_a_quotation_in_prose_is_not_a_citation() {
    let (_, kind, _) =
        one("\"We will finish the bridge this year\" — that was the promise the council made.");
    assert_eq!(kind, QuoteKind::Speech);
    let (_, kind, _) = one(
        "Sources\nAnn Lowe. \"Council breaks its bridge promise again\" — City Post, May 4, 2019",
    );
    assert_eq!(kind, QuoteKind::Term);
}

#[test]
fn relative_clauses_and_hyphenated_titles() {
    assert_eq!(
        speaker_of(
            "A nurse who asked not to be named told the paper: \"We ran out of beds by noon.\""
        )
        .as_deref(),
        Some("A nurse")
    );
    assert_eq!(
        speaker_of("UN Secretary-General Ana Ruiz said the strike was \"a clear violation\".")
            .as_deref(),
        Some("Ana Ruiz")
    );
    let (_, kind, _) =
        one("Her book \"A short account of nearly every storm we have seen\" sold well.");
    assert_eq!(kind, QuoteKind::Term);
}

#[test]
fn quotations_after_a_sources_heading_are_titles() {
    let text = "The council met on Monday.\nSources\n\"Council votes to close the old harbour bridge for repairs\" City Post, May 4, 2019";
    let (_, quotes) = run(text);
    assert_eq!(quotes.len(), 1);
    assert_eq!(quotes[0].kind, QuoteKind::Term);
}
