//! Entity extraction through the public API, on hand-written sentences and the sample article.

use brief::extract::entities::extract_entities;
use brief::{Document, Entity, EntityKind};

fn entities(text: &str) -> (Document, Vec<Entity>) {
    let doc = Document::new("test", text);
    let found = extract_entities(&doc);
    (doc, found)
}

fn find<'e>(found: &'e [Entity], name: &str) -> &'e Entity {
    found
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity named {name:?} in {found:#?}"))
}

fn mention_texts<'t>(doc: &'t Document, e: &Entity) -> Vec<&'t str> {
    e.mentions.iter().map(|m| doc.slice(*m)).collect()
}

/// Spans are in text order, on char boundaries, never overlapping within an entity.
fn assert_well_formed(doc: &Document, found: &[Entity]) {
    for e in found {
        assert!(!e.mentions.is_empty(), "{e:?} has no mentions");
        for w in e.mentions.windows(2) {
            assert!(
                w[0].end <= w[1].start,
                "{e:?}: mentions out of order or overlapping"
            );
        }
        for m in &e.mentions {
            assert!(doc.text.is_char_boundary(m.start) && doc.text.is_char_boundary(m.end));
            let s = doc.slice(*m);
            assert!(!s.is_empty());
            assert_eq!(s, s.trim(), "{e:?}: mention with outer whitespace");
            assert!(!s.starts_with("the ") && !s.starts_with("The "), "{s:?}");
            assert!(!s.ends_with("'s") && !s.ends_with("’s"), "{s:?}");
            // An abbreviation keeps its period (`U.S.`, `Intel Corp.`).
            let abbreviation = ["U.S.", "Inc.", "Corp.", "Co.", "Ltd.", "Jr.", "Sr."]
                .iter()
                .any(|a| s.ends_with(a));
            assert!(
                !s.ends_with(['.', ',', ';', ':']) || abbreviation || s.len() <= 4,
                "{s:?}: trailing punctuation"
            );
        }
    }
}

#[test]
fn possessives_are_not_part_of_a_name() {
    let text = "Microsoft said on Monday that it would buy a small firm. Microsoft's shares rose, \
                and analysts praised Microsoft’s plan.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    let ms = find(&found, "Microsoft");
    assert_eq!(ms.kind, EntityKind::Organization);
    assert_eq!(
        mention_texts(&doc, ms),
        ["Microsoft", "Microsoft", "Microsoft"]
    );
}

#[test]
fn us_spellings_merge_into_one_entity() {
    let text = "The United States imposed new tariffs on steel. Officials in the U.S. said the \
                measures were temporary, but US farmers fear retaliation from Canada.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    let us = find(&found, "United States");
    assert_eq!(mention_texts(&doc, us), ["United States", "U.S.", "US"]);
    assert_eq!(
        found
            .iter()
            .filter(|e| e.name == "US" || e.name == "U.S.")
            .count(),
        0
    );
}

#[test]
fn acronym_in_parentheses_merges_with_its_long_form() {
    let text = "The Federal Aviation Administration (FAA) grounded the jets on Friday. \
                Inspectors from the FAA will visit the factory next week, the FAA said.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    let faa = find(&found, "Federal Aviation Administration");
    assert_eq!(faa.kind, EntityKind::Organization);
    assert_eq!(
        mention_texts(&doc, faa),
        ["Federal Aviation Administration", "FAA", "FAA", "FAA"]
    );
}

#[test]
fn surname_and_title_refer_to_the_full_name() {
    let text = "Robert Williams, a retired teacher from Ohio, won the lottery on Tuesday. \
                Williams said he would share the money. Mr. Williams has three children.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    let bob = find(&found, "Robert Williams");
    assert_eq!(bob.kind, EntityKind::Person);
    assert_eq!(
        mention_texts(&doc, bob),
        ["Robert Williams", "Williams", "Williams"]
    );
    assert_eq!(
        bob.description.as_deref(),
        Some("a retired teacher from Ohio")
    );
    assert_eq!(find(&found, "Ohio").kind, EntityKind::Place);
}

#[test]
fn titles_are_not_part_of_a_persons_name() {
    let text = "President Joe Biden met Prime Minister Rishi Sunak in London on Friday.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Joe Biden").kind, EntityKind::Person);
    let sunak = find(&found, "Rishi Sunak");
    assert_eq!(sunak.kind, EntityKind::Person);
    assert_eq!(sunak.description.as_deref(), Some("Prime Minister"));
    assert_eq!(find(&found, "London").kind, EntityKind::Place);
}

#[test]
fn distinct_things_stay_distinct() {
    let text = "Google launched Google Maps in 2005. Google Maps now has a billion users, \
                and Google says the service is profitable.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    let g = find(&found, "Google");
    let maps = find(&found, "Google Maps");
    assert_eq!(mention_texts(&doc, g), ["Google", "Google"]);
    assert_eq!(mention_texts(&doc, maps), ["Google Maps", "Google Maps"]);
}

#[test]
fn obvious_people_organizations_and_places_are_typed() {
    let text = "Angela Merkel spoke with Emmanuel Macron in Berlin about the European Union. \
                Later, officials from the World Bank flew to Kenya.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Angela Merkel").kind, EntityKind::Person);
    assert_eq!(find(&found, "Emmanuel Macron").kind, EntityKind::Person);
    assert_eq!(find(&found, "Berlin").kind, EntityKind::Place);
    assert_eq!(find(&found, "Kenya").kind, EntityKind::Place);
    assert_eq!(
        find(&found, "European Union").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&found, "World Bank").kind, EntityKind::Organization);
}

#[test]
fn money_percentages_and_quantities() {
    let text = "The company paid $5 million in fines last year, a 20% increase, and laid off \
                1,700 workers.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "$5 million").kind, EntityKind::Money);
    assert_eq!(find(&found, "20%").kind, EntityKind::Percent);
    assert_eq!(find(&found, "1,700").kind, EntityKind::Quantity);
}

#[test]
fn appositive_gives_a_description() {
    let text = "Pfizer, the American drug maker, reported strong sales on Tuesday.";
    let (_, found) = entities(text);
    assert_eq!(
        find(&found, "Pfizer").description.as_deref(),
        Some("the American drug maker")
    );
}

#[test]
fn spans_hold_with_non_ascii_text() {
    let text = "“We are ready,” said José Álvarez of Société Générale in Zürich — a café owner’s \
                son — on Monday. Ünal Öztürk’s team met him in İstanbul.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    assert!(
        found
            .iter()
            .any(|e| e.kind == EntityKind::Person && e.name == "Ünal Öztürk"),
        "{found:#?}"
    );
    assert!(found.iter().any(|e| e.name == "İstanbul"), "{found:#?}");
}

#[test]
fn sample_article_entities() {
    let text = include_str!("../seeds/tiktok-shop-amazon-douyin.txt");
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    use EntityKind::*;
    let expect: &[(&str, &[EntityKind])] = &[
        ("TikTok", &[Organization, Product]),
        ("Amazon", &[Organization]),
        ("ByteDance", &[Organization]),
        ("Douyin", &[Organization, Product]),
        ("Bellevue", &[Place]),
        ("Washington", &[Place]),
        ("China", &[Place, Organization]),
        ("Singapore", &[Place, Organization]),
        ("Brazil", &[Place, Organization]),
        ("Latin America", &[Place]),
        ("US", &[Place, Organization]),
    ];
    for (name, kinds) in expect {
        let e = find(&found, name);
        assert!(kinds.contains(&e.kind), "{name}: {:?}", e.kind);
    }
    assert_ne!(find(&found, "TikTok Shop").name, "TikTok");
    let bd = find(&found, "ByteDance");
    assert_eq!(
        bd.description.as_deref(),
        Some("TikTok’s Chinese parent company")
    );
    assert!(find(&found, "TikTok").mentions.len() >= 8);
}

#[test]
fn a_role_in_an_appositive_makes_a_person_and_titles_keep_their_qualifiers() {
    let text = "Prices rose again in March.\nHome Secretary Priti Patel spoke on Monday. \
                Dalgleish, the ministry's chief spokesman, said the plan would go ahead.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    let patel = find(&found, "Priti Patel");
    assert_eq!(patel.kind, EntityKind::Person);
    assert_eq!(patel.description.as_deref(), Some("Home Secretary"));
    let d = find(&found, "Dalgleish");
    assert_eq!(d.kind, EntityKind::Person);
    assert_eq!(
        d.description.as_deref(),
        Some("the ministry's chief spokesman")
    );
}

#[test]
fn appositive_description_is_conservative() {
    let text = "Officials met in Geneva, in their first meeting since the war, to talk.";
    let (_, found) = entities(text);
    assert_eq!(find(&found, "Geneva").description, None);
}

/// A long document is read in parts; parts tile the text and end between words.
#[test]
fn parts_tile_the_text_and_end_between_words() {
    let paragraphs = "Maria Lopez met officials of the World Bank in Geneva on Monday. ".repeat(40);
    let long_sentence = "and then the committee in Geneva talked again ".repeat(400);
    let no_spaces = "漢字".repeat(3000);
    for (text, between_words) in [
        (format!("{paragraphs}\n\n").repeat(20), true),
        (
            format!("{paragraphs}\n\n{long_sentence}\n\n{paragraphs}"),
            true,
        ),
        // No space to cut at: any character boundary will do.
        (format!("{no_spaces}\n\n{paragraphs}"), false),
    ] {
        let doc = Document::new("t", &text);
        for size in [500, 4000, 1 << 20] {
            let parts = doc.parts(size);
            assert_eq!(parts.first().map(|r| r.start), Some(0));
            assert_eq!(parts.last().map(|r| r.end), Some(text.len()));
            for pair in parts.windows(2) {
                assert_eq!(pair[0].end, pair[1].start);
                assert!(pair[0].len() >= size, "{:?} shorter than {size}", pair[0]);
                let next = text[pair[1].start..].chars().next();
                let last = text[..pair[0].end].chars().next_back();
                assert!(
                    !between_words
                        || next.is_some_and(char::is_whitespace)
                        || last.is_some_and(|c| matches!(c, '.' | '!' | '?' | '"' | '\n')),
                    "cut at {} inside a word",
                    pair[0].end
                );
            }
            if text.len() > 3 * size {
                assert!(
                    parts.len() > 1,
                    "{} bytes in one part of {size}",
                    text.len()
                );
            }
        }
    }
}

/// Entities found in several parts are one entity, with every mention in text order.
#[test]
fn entities_of_a_document_read_in_parts_are_merged() {
    use brief::extract::entities::extract_entities_with_progress;
    let paragraph = "Maria Lopez, the mayor of Geneva, met officials of the World Bank on \
                     Monday. Lopez said the World Bank would help. The talks went on.\n\n";
    let text = paragraph.repeat(30);
    let doc = Document::new("t", &text);
    let whole = extract_entities(&doc);
    let parts = extract_entities_with_progress(&doc, 1000, &mut |_, _| {});
    assert!(doc.parts(1000).len() > 3);
    assert_well_formed(&doc, &parts);
    for name in ["Maria Lopez", "World Bank", "Geneva"] {
        let (a, b) = (find(&whole, name), find(&parts, name));
        assert_eq!(a.kind, b.kind, "{name}");
        assert_eq!(a.mentions, b.mentions, "{name}");
        assert_eq!(
            parts.iter().filter(|e| e.name == name).count(),
            1,
            "{name} split"
        );
    }
}

/// Progress is told after every part, ending at all parts done.
#[test]
fn progress_counts_the_parts() {
    use brief::extract::entities::extract_entities_with_progress;
    let text = "Maria Lopez visited Geneva on Monday with the World Bank.\n\n".repeat(60);
    let doc = Document::new("t", &text);
    let mut told = Vec::new();
    let found =
        extract_entities_with_progress(&doc, 700, &mut |done, total| told.push((done, total)));
    let parts = doc.parts(700).len();
    assert!(parts > 3);
    assert_eq!(told, (1..=parts).map(|d| (d, parts)).collect::<Vec<_>>());
    assert_eq!(find(&found, "Geneva").mentions.len(), 60);
}

/// A byline names the writer, whatever the name lists know of the name.
#[test]
fn a_byline_names_a_person() {
    let (_, found) = entities(
        "Storm Batters Coast\n\nBy Priya Natarajan, Reuters\n\nThe storm hit the coast on Tuesday.",
    );
    assert_eq!(find(&found, "Priya Natarajan").kind, EntityKind::Person);
}

/// A dateline names where a story was filed; a header in capitals is not one.
#[test]
fn a_dateline_names_a_place() {
    let (_, found) = entities(
        "Port plan halted\n\nROTTERDAM (Reuters) - A Dutch court on Tuesday blocked the plan.\n\n\
         KYIV, Ukraine, March 3 (AP) \u{2014} The mayor said the bridge would reopen.",
    );
    assert_eq!(find(&found, "ROTTERDAM").kind, EntityKind::Place);
    assert_eq!(find(&found, "KYIV").kind, EntityKind::Place);
    // The tagger seldom types a name in capitals before a date: the dateline still does.
    let (_, found) =
        entities("Rail talks stall\n\nLONDON, Nov 18 (Reuters) - The operators warned on Tuesday.");
    assert_eq!(find(&found, "LONDON").kind, EntityKind::Place);
    // `I - ...` opening a line of a transcript is no dateline.
    let (_, found) = entities("Q - Where were you?\nI - At home (with Ann) - and asleep.");
    assert!(found.iter().all(|e| e.name != "I"));
    let (_, found) = entities(
        "CONGRESSIONAL RECORD \u{2014} SENATE S65\n\nThe Senate met at noon in the Capitol.",
    );
    assert!(found
        .iter()
        .all(|e| e.name != "CONGRESSIONAL RECORD" || e.kind != EntityKind::Place));
}

/// Name particles join the parts of a person's name; `of` does not.
#[test]
fn particles_join_a_persons_name() {
    let (_, found) = entities(
        "Judge Marieke van der Berg wrote the ruling. Van der Berg said the Port of \
         Rotterdam had erred.",
    );
    let judge = find(&found, "Marieke van der Berg");
    assert_eq!(judge.kind, EntityKind::Person);
    assert_eq!(judge.mentions.len(), 2);
    assert!(found.iter().all(|e| e.name != "Marieke"));
}

/// Rare capitalized words next to a verb of speech name a person, whatever the name lists know.
#[test]
fn a_speaker_with_a_name_the_lists_lack_is_a_person() {
    let (_, found) = entities(
        "Dockers strike\n\nGrain sat in silos on Thursday, said Agnieszka Wierzbowska, a \
         spokeswoman. Union leader Przemko Dudziak told reporters the strike would go on.",
    );
    assert_eq!(
        find(&found, "Agnieszka Wierzbowska").kind,
        EntityKind::Person
    );
    assert_eq!(find(&found, "Przemko Dudziak").kind, EntityKind::Person);
}

/// A month without its period before a day (`Nov 27` in a dateline) is a date, not a name;
/// `Jan` before a surname is still a name.
#[test]
fn a_bare_month_abbreviation_before_a_day_is_a_date() {
    let (_, found) = entities(
        "Port strike\n\nGDANSK, Poland, Nov 27 (Reuters) - Workers walked out on Thursday, \
         said Jan Kowalski, a union organizer.",
    );
    assert!(
        found
            .iter()
            .all(|e| !e.name.contains("Nov") || e.kind == EntityKind::Date),
        "{found:#?}"
    );
    assert_eq!(find(&found, "Jan Kowalski").kind, EntityKind::Person);
}

/// A byline names its writer even when the tagger does not know the name; an agency is not a
/// writer.
#[test]
fn a_byline_with_an_unknown_name_names_a_person() {
    let (_, found) = entities(
        "Port strike halts exports\n\nBy Tomasz Wierzbicki, Reuters\n\nDock workers walked out.",
    );
    assert_eq!(find(&found, "Tomasz Wierzbicki").kind, EntityKind::Person);
    let (_, found) = entities(
        "Port strike halts exports\n\nBy The Associated Press\n\nBy Tuesday, dock workers had \
         walked out.",
    );
    assert!(
        found.iter().all(|e| e.kind != EntityKind::Person),
        "{found:#?}"
    );
}

/// An appositive that ends the sentence describes the name before it; an opening phrase does
/// not, nor does a period inside an address.
#[test]
fn an_appositive_at_the_end_of_a_sentence_is_a_description() {
    let (_, found) = entities(
        "Strike\n\n\"We cannot load a ship,\" said Agnieszka Nowak, a spokeswoman for the port \
         authority. After Qatar, the team flew home.\n\nContact: Acme Corp, the Netherlands desk \
         lee.ann@example.com.",
    );
    assert_eq!(
        find(&found, "Agnieszka Nowak").description.as_deref(),
        Some("a spokeswoman for the port authority")
    );
    assert_eq!(find(&found, "Qatar").description, None);
    assert_eq!(find(&found, "Acme Corp").description, None);
}

/// A company's legal form at the end of a name makes it an organization, and joins the name
/// when the tagger left it apart.
#[test]
fn a_legal_form_makes_a_company() {
    let (_, found) = entities(
        "Shipbuilder Hanwha Ocean Co and the Dutch firm Boskalis Westminster NV signed the \
         deal in Busan.",
    );
    let hanwha = found
        .iter()
        .find(|e| e.name.ends_with("Hanwha Ocean Co"))
        .expect("Hanwha Ocean Co is found");
    assert_eq!(hanwha.kind, EntityKind::Organization);
    assert_eq!(
        find(&found, "Boskalis Westminster NV").kind,
        EntityKind::Organization
    );
    assert!(found.iter().all(|e| e.name != "NV"));
}

/// The agency a dateline credits in brackets is an organization, known to the lists or not.
#[test]
fn a_dateline_credits_its_agency() {
    let (_, found) = entities(
        "SEOUL, May 2 (Yonhap) - Exports fell for a third month, the trade ministry said.",
    );
    assert_eq!(find(&found, "Yonhap").kind, EntityKind::Organization);
}

/// An amount takes in its magnitude and currency words, whatever the currency; a small
/// number before `won` is not money.
#[test]
fn amounts_take_in_magnitudes_and_currencies() {
    let (_, found) = entities(
        "Revenue reached 3.2 trillion won last year, while costs rose to 800 billion yen. \
         The team won 2 games.",
    );
    assert_eq!(find(&found, "3.2 trillion won").kind, EntityKind::Money);
    assert_eq!(find(&found, "800 billion yen").kind, EntityKind::Money);
    assert!(found.iter().all(|e| e.name != "yen"));
    // The number the tagger put at the end of a name comes back to its amount.
    let (_, found) = entities("Regulators fined Apple 1.8 billion euros on Monday.");
    assert_eq!(find(&found, "1.8 billion euros").kind, EntityKind::Money);
    assert!(found.iter().any(|e| e.name == "Apple"));
    assert!(found
        .iter()
        .all(|e| e.kind != EntityKind::Money || !e.name.starts_with('2')));
}

/// A date the tagger glued to a name with a lowercase word ends the name instead of
/// cancelling it; a span of months is no name.
#[test]
fn a_date_glued_to_a_name_ends_it() {
    let (_, found) =
        entities("He was cleared by the Supreme Court of Brazil last October of all charges.");
    assert_eq!(
        find(&found, "Supreme Court of Brazil").kind,
        EntityKind::Organization
    );
    let (_, found) = entities("Operating profit rose in the October-December quarter.");
    assert!(found.iter().all(|e| e.name != "October-December"));
}

/// An acronym in brackets after a name says where the name starts, across the commas and
/// `and`s the tagger cuts it at, and its other mentions join the long form; a word in
/// brackets merges only if it spells the initials.
#[test]
fn an_acronym_in_brackets_sets_where_a_long_name_starts() {
    let (doc, found) = entities(
        "A leader of the General Union of Port, Dock and Harbour Workers (PDH) told \
         reporters the PDH would not back down.",
    );
    let union = find(&found, "General Union of Port, Dock and Harbour Workers");
    assert_eq!(union.kind, EntityKind::Organization);
    assert_eq!(
        mention_texts(&doc, union),
        [
            "General Union of Port, Dock and Harbour Workers",
            "PDH",
            "PDH"
        ]
    );
    let (doc, found) = entities(
        "The dispute went to the Mediation, Appeals and Review Board (Marb), which said on \
         Monday that it would rule. The Marb chairman agreed.",
    );
    let board = find(&found, "Mediation, Appeals and Review Board");
    assert_eq!(mention_texts(&doc, board).len(), 3);
    let (_, found) = entities("Mick Lynch (Labour) said the talks had failed.");
    assert!(found
        .iter()
        .all(|e| e.name != "Mick Lynch" || e.mentions.len() == 1));
}

/// A name that ends in a line of business is a company's, across an ampersand the tagger cut
/// it at; two streets joined by one are not.
#[test]
fn a_line_of_business_makes_a_company() {
    let (_, found) = entities(
        "\"Demand is recovering,\" said an analyst at Daehan Investment & Securities in Busan.\n\n\
         Trains run by Keystone Rail were cancelled across Wales on Sunday.",
    );
    assert_eq!(
        find(&found, "Daehan Investment & Securities").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&found, "Keystone Rail").kind, EntityKind::Organization);
    let (_, found) = entities("Turn left at Priest & Washington and drive north.");
    assert!(found.iter().all(|e| e.name != "Priest & Washington"));
}

/// `said Abdoulaye Diallo of Médecins Sans Frontières`: a speaker's name before `of` is a
/// person, and what follows `of` an organization of its own.
#[test]
fn a_speaker_of_an_organization_is_two_names() {
    let (_, found) = entities(
        "Nigeria\u{2019}s president, Bola Tinubu, urged wealthy nations to cancel debts owed by \
         the region\u{2019}s poorest states. Mali, Burkina Faso and Niger, whose military \
         governments left the Economic Community of West African States (ECOWAS) last year, \
         did not send delegations.\n\n\
         Aid groups were cautious. \u{201c}We have heard big numbers before,\u{201d} said \
         Abdoulaye Diallo of M\u{e9}decins Sans Fronti\u{e8}res in Niamey. Oxfam said only a \
         third of the money promised at a similar meeting in Paris in 2023 had been delivered.",
    );
    assert_eq!(find(&found, "Abdoulaye Diallo").kind, EntityKind::Person);
    assert_eq!(
        find(&found, "M\u{e9}decins Sans Fronti\u{e8}res").kind,
        EntityKind::Organization
    );
}

/// A first name goes on over name particles to the surname, and a title before it is a
/// description, not part of an organization.
#[test]
fn a_first_name_goes_on_over_particles() {
    let (_, found) =
        entities("European Commission President Ursula von der Leyen said the union would help.");
    let leyen = find(&found, "Ursula von der Leyen");
    assert_eq!(leyen.kind, EntityKind::Person);
    assert_eq!(
        leyen.description.as_deref(),
        Some("European Commission President")
    );
    let (_, found) = entities("Dutch Prime Minister Mark van der Berg spoke.");
    assert_eq!(find(&found, "Mark van der Berg").kind, EntityKind::Person);
}

/// US political copy: a leader's title is a description, the party and state after a
/// lawmaker's name are no name, `Jan. 30` is a date and not a number, and the surname alone
/// later is the same person.
#[test]
fn lawmakers_titles_parties_and_surnames() {
    let (doc, found) = entities(
        "WASHINGTON (AP) \u{2014} The Senate on Friday night passed a bill to keep the federal \
         government funded through Jan. 30, sending the measure to President Joe Biden hours \
         before a midnight deadline.\n\n\
         The 68-31 vote came after Senate Majority Leader Chuck Schumer, D-N.Y., and \
         Republican leader Mitch McConnell of Kentucky reached a deal to hold votes on several \
         amendments. \"Tonight, we are keeping the government open,\" Schumer said on the \
         Senate floor.\n\n\
         Sen. Rand Paul, R-Ky., objected to the package, saying it added $1.6 billion for the \
         Federal Emergency Management Agency without cuts elsewhere.",
    );
    let schumer = find(&found, "Chuck Schumer");
    assert_eq!(schumer.kind, EntityKind::Person);
    assert_eq!(
        schumer.description.as_deref(),
        Some("Senate Majority Leader")
    );
    assert_eq!(mention_texts(&doc, schumer), ["Chuck Schumer", "Schumer"]);
    assert!(found
        .iter()
        .all(|e| !e.name.starts_with("D-") && !e.name.starts_with("R-")));
    assert!(found.iter().all(|e| e.name != "30"));
}

/// Sports copy: `Maria Sakkari of Greece 6-4, 6-0` is a player from a country, and the
/// score belongs to neither. A name before `of` and a known place, taken whole for a place,
/// splits like a person's.
#[test]
fn a_player_of_a_country_is_a_person_and_a_place() {
    let text = "Sinner, the Australian Open champion, had not lost a match since November, when \
                he fell to Novak Djokovic at the ATP Finals in Turin. He said he felt \"a little \
                tired\" after a long trip from Rotterdam, where he won the ABN AMRO Open last \
                month.\n\n\
                The match was halted for nearly three hours by rain, a rare sight in the \
                Coachella Valley. Tournament director Tommy Haas said about 14,000 fans stayed to \
                watch the finish at Stadium 1.\n\n\
                On the women's side, Iga Swiatek of Poland beat Maria Sakkari of Greece 6-4, 6-0 \
                to win her second title at the tournament. Swiatek earned $1.1 million and 1,000 \
                ranking points.\n\n\
                The Miami Open starts on Tuesday at Hard Rock Stadium in Miami Gardens, Florida.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Maria Sakkari").kind, EntityKind::Person);
    assert_eq!(find(&found, "Greece").kind, EntityKind::Place);
    assert!(found.iter().all(|e| !e.name.contains("6-4")), "{found:#?}");
    // Two rare words before `of`, no first name the lists know.
    let (_, found) = entities(
        "Carlos Alcaraz rallied past Jannik Sinner 1-6, 6-3, 6-2 on Saturday to reach the \
         final.\n\n\
         On the women's side, Iga Swiatek of Poland beat Maria Sakkari of Greece 6-4, 6-0 to \
         win her second title at the tournament.",
    );
    assert_eq!(find(&found, "Iga Swiatek").kind, EntityKind::Person);
    assert_eq!(find(&found, "Poland").kind, EntityKind::Place);
}

/// `Sinner, the Australian Open champion,`: a sports role heading an appositive makes the
/// name a person, whatever the tagger typed it.
#[test]
fn a_sports_role_in_an_appositive_makes_a_person() {
    let (doc, found) = entities(
        "Sinner, the Australian Open champion, had not lost a match since November, when he \
         fell to Novak Djokovic at the ATP Finals in Turin. He said he felt \"a little \
         tired\" after a long trip from Rotterdam, where he won the ABN AMRO Open last \
         month.\n\nThe match was halted for nearly three hours by rain, a rare sight in the \
         Coachella Valley. Tournament director Tommy Haas said about 14,000 fans stayed to \
         watch the finish at Stadium 1.\n\nOn the women's side, Iga Swiatek of Poland beat \
         Maria Sakkari of Greece 6-4, 6-0 to win her second title at the tournament. Swiatek \
         earned $1.1 million and 1,000 ranking points.\n\nThe Miami Open starts on Tuesday at \
         Hard Rock Stadium in Miami Gardens, Florida. Alcaraz and Sinner are both expected to \
         play.",
    );
    assert_well_formed(&doc, &found);
    let sinner = find(&found, "Sinner");
    assert_eq!(sinner.kind, EntityKind::Person);
    assert_eq!(
        sinner.description.as_deref(),
        Some("the Australian Open champion")
    );
}

/// Names the tagger types OTHER are headed apart: events by their first or last word (a
/// number may follow), laws, prizes and machines as products, the rest (political and
/// national groups) as groups.
#[test]
fn other_names_are_groups_products_or_events() {
    let (doc, found) = entities(
        "Republicans and Democrats in the Senate clashed on Tuesday over the Clean Air Act, \
         which Congress passed after World War II, and over aid for towns hit by Cyclone \
         Phailin. The Nobel Peace Prize laureate said the World Cup would bring visitors to \
         the region.",
    );
    assert_well_formed(&doc, &found);
    let kind = |name: &str| find(&found, name).kind;
    assert_eq!(kind("Republicans"), EntityKind::Group);
    assert_eq!(kind("Democrats"), EntityKind::Group);
    assert_eq!(kind("Clean Air Act"), EntityKind::Product);
    assert_eq!(kind("Nobel Peace Prize"), EntityKind::Product);
    assert_eq!(kind("World War II"), EntityKind::Event);
    assert_eq!(kind("Cyclone Phailin"), EntityKind::Event);
    assert_eq!(kind("World Cup"), EntityKind::Event);
    assert_eq!(kind("Senate"), EntityKind::Organization);
    // An organization's word at the end makes an organization.
    let (_, found) = entities(
        "Texas Attorney General Ken Paxton said his office would appeal to the 5th U.S. \
         Circuit Court of Appeals in New Orleans. \"This ruling leaves children exposed to \
         predators and addictive feeds,\" Paxton said in a statement.\n\nPitman, who was \
         appointed by former President Barack Obama, wrote that the state had \"not shown \
         that less restrictive alternatives would fail.\" Similar laws in Arkansas, Ohio and \
         Mississippi have also been blocked by courts.\n\nThe Computer & Communications \
         Industry Association, a second plaintiff, welcomed the decision. Its president, Matt \
         Schruers, said the group would keep fighting \"laws that put the government between \
         people and lawful speech.\"\n\nGovernor Greg Abbott signed the bill in June 2023 \
         after it passed the Texas Legislature with support from both Republicans and \
         Democrats.",
    );
    assert_eq!(
        find(&found, "Texas Legislature").kind,
        EntityKind::Organization
    );
}

/// Wire copy on markets (written for these tests, Reuters style): companies in a list each
/// keep their legal form and stay apart (`Exxon Mobil Corp and Chevron Corp`, `BP Plc and
/// Shell Plc`); where analysts work is an organization (`Analysts at Goldman Sachs`).
#[test]
fn companies_in_lists_and_where_analysts_work() {
    let (doc, found) = entities(
        "Oil jumps 4% after Saudi Arabia extends output cuts\n\nBy Laila Haddad\n\nNEW YORK, \
         June 5 (Reuters) - Oil prices rose about 4% on Monday after Saudi Arabia said it \
         would cut production by 1 million barrels per day in July, on top of a broader OPEC+ \
         deal to limit supply into 2024.\n\nBrent crude futures were up $2.96, or 3.9%, at \
         $79.09 a barrel by 10:40 a.m. EDT (1440 GMT), while U.S. West Texas Intermediate \
         crude rose $2.84 to $74.58.\n\nSaudi Energy Minister Prince Abdulaziz bin Salman \
         told reporters in Vienna that the kingdom would \"do whatever is necessary to bring \
         stability to this market.\" The cut would take Saudi output to about 9 million bpd, \
         its lowest in years.\n\n\"The Saudis are sending a clear signal that they will \
         defend prices,\" said Helima Croft, head of commodity strategy at RBC Capital \
         Markets. Analysts at Goldman Sachs raised their forecast for Brent to $86 by the end \
         of the year.\n\nShares of Exxon Mobil Corp and Chevron Corp rose more than 2% in \
         early trading on the New York Stock Exchange, while the S&P 500 energy index gained \
         1.8%. In London, BP Plc and Shell Plc were up about 1.5%.\n\nThe Organization of the \
         Petroleum Exporting Countries and allies led by Russia, known as OPEC+, pump around \
         40% of the world's crude. Russian Deputy Prime Minister Alexander Novak said Moscow \
         would keep its own output steady until the end of 2024.\n\nThe International Energy \
         Agency said last month that global demand would reach a record 102.3 million bpd \
         this year, driven by China's reopening after COVID-19 restrictions.",
    );
    assert_well_formed(&doc, &found);
    let kind = |name: &str| find(&found, name).kind;
    for company in [
        "Exxon Mobil Corp",
        "Chevron Corp",
        "BP Plc",
        "Shell Plc",
        "Goldman Sachs",
    ] {
        assert_eq!(kind(company), EntityKind::Organization, "{company}");
    }
    assert!(found.iter().all(|e| e.name != "Plc"), "{found:#?}");
    assert_eq!(kind("Helima Croft"), EntityKind::Person);
    // The headline's first word, `Oil`, is no name.
    assert!(found.iter().all(|e| e.name != "Oil"), "{found:#?}");
}

/// Titles and roles before names (written for these tests, AP style): a hyphenated title is
/// a title (`NATO Secretary-General Jens Stoltenberg`), and a name right after a lowercase
/// role word is a person's (`intelligence chief Abbas Kamel`).
#[test]
fn names_after_titles_and_roles_are_people() {
    let (doc, found) = entities(
        "Qatar says Gaza truce talks at \"critical stage\"\n\nDOHA, Jan 30 (AP) — Qatar's \
         prime minister said on Tuesday that negotiations over a new ceasefire in Gaza had \
         reached a critical stage, a day after officials from Israel, Egypt and the United \
         States met in Paris.\n\nSheikh Mohammed bin Abdulrahman Al Thani, who is also \
         foreign minister, told a news conference with NATO Secretary-General Jens \
         Stoltenberg that \"good progress\" had been made but that Hamas had yet to respond. \
         \"We are hopeful that we can bring this to a conclusion,\" he said.\n\nCIA Director \
         William Burns and Mossad chief David Barnea attended the Paris meeting along with \
         Egyptian intelligence chief Abbas Kamel, according to two officials who spoke on \
         condition of anonymity because they were not authorized to brief the \
         media.\n\nIsraeli Prime Minister Benjamin Netanyahu said in a statement that Israel \
         would not withdraw its forces from Gaza or release \"thousands of terrorists.\" His \
         office said the gaps were still large.\n\nThe Gaza Health Ministry, which is run by \
         Hamas, said more than 26,000 Palestinians had been killed since the war began on \
         Oct. 7, when Hamas-led militants attacked southern Israel, killing about 1,200 \
         people and taking some 250 hostages.\n\nPhilippe Lazzarini, head of the U.N. agency \
         for Palestinian refugees, known as UNRWA, warned that the agency could halt \
         operations by the end of February after the United States, Germany and Japan paused \
         funding. The European Union said it would review its support.",
    );
    assert_well_formed(&doc, &found);
    let stoltenberg = find(&found, "Jens Stoltenberg");
    assert_eq!(stoltenberg.kind, EntityKind::Person);
    assert_eq!(
        stoltenberg.description.as_deref(),
        Some("NATO Secretary-General")
    );
    assert_eq!(find(&found, "Abbas Kamel").kind, EntityKind::Person);
    // A place after a role word stays a place (`EU member Poland`).
    let (_, found) =
        entities("The talks were chaired by EU member Poland and the minister Estonia sent.");
    assert!(found
        .iter()
        .all(|e| e.name != "Poland" || e.kind == EntityKind::Place));
}

/// A headline capitalizes its first word: a common word there is no name (`Oil jumps ...`),
/// a name is (`Qatar says ...`). The tagger's `Oil` in the story is no amount either.
#[test]
fn a_headline_opener_is_a_name_only_if_it_is_one() {
    let body = "\n\nNEW YORK, June 5 (Reuters) - Oil prices rose about 4% on Monday after Saudi \
                Arabia said it would cut production by 1 million barrels per day in July.";
    let (_, found) = entities(&format!(
        "Oil jumps 4% after Saudi Arabia extends output cuts{body}"
    ));
    assert!(found.iter().all(|e| e.name != "Oil"), "{found:#?}");
    assert_eq!(find(&found, "Saudi Arabia").kind, EntityKind::Place);
    let (_, found) = entities(&format!(
        "Qatar says Gaza truce talks at critical stage{body}"
    ));
    assert_eq!(find(&found, "Qatar").kind, EntityKind::Place);
}

/// `Gavi, the Vaccine Alliance,`: an appositive headed by an organization's word makes the
/// name an organization, whatever the tagger typed it (a health story written for these
/// tests, Reuters style).
#[test]
fn an_organization_in_an_appositive_makes_an_organization() {
    let (doc, found) = entities(
        "WHO warns of measles surge as vaccination rates fall\n\nGENEVA, Nov 16 (Reuters) - \
         Measles cases rose 79% worldwide last year, the World Health Organization said on \
         Thursday, as the pandemic disrupted routine immunization in dozens of \
         countries.\n\nKate O'Brien, director of immunization at the WHO, told reporters that \
         22 million children missed their first dose in 2022. \"This is a dangerous moment,\" \
         she said, adding that outbreaks had been reported in 37 countries, up from 22 a year \
         earlier.\n\nThe U.S. Centers for Disease Control and Prevention (CDC), which \
         co-authored the report, said there were 136,000 measles deaths in 2022, mostly among \
         children under five.\n\nIn Britain, the UK Health Security Agency (UKHSA) urged \
         parents in London and the West Midlands to check their children's records. Dr. \
         Vanessa Saliba, a consultant epidemiologist at the agency, said uptake of the MMR \
         vaccine was \"the lowest in over a decade.\"\n\nGavi, the Vaccine Alliance, said it \
         would spend $500 million over five years to help countries such as Nigeria, Ethiopia \
         and the Democratic Republic of Congo catch up. Its chief executive, Dr. Sania \
         Nishtar, said the money would reach clinics in \"the hardest-to-reach \
         communities.\"\n\nPfizer Inc and Merck & Co, which make measles vaccines, did not \
         immediately respond to requests for comment.",
    );
    assert_well_formed(&doc, &found);
    let gavi = find(&found, "Gavi");
    assert_eq!(gavi.kind, EntityKind::Organization);
    assert_eq!(gavi.description.as_deref(), Some("the Vaccine Alliance"));
    assert_eq!(find(&found, "Vanessa Saliba").kind, EntityKind::Person);
    // A place described as a place stays one.
    let (_, found) = entities(
        "Officials met in Kumamoto, a city in southern Japan, and in Hsinchu, the home of the \
         chip industry.",
    );
    assert!(found
        .iter()
        .all(|e| !e.name.starts_with("Kumamoto") || e.kind == EntityKind::Place));
}

/// `John Peter Smith Hospital`: a name typed a person's that ends in an organization's word
/// is an organization (a local story written for these tests, AP style).
#[test]
fn a_hospital_named_after_a_person_is_an_organization() {
    let (doc, found) = entities(
        "Man charged in Fort Worth warehouse fire that injured two firefighters\n\nFORT \
         WORTH, Texas (AP) — A 34-year-old man was charged with arson on Wednesday in \
         connection with a fire that gutted a warehouse on East Lancaster Avenue and injured \
         two firefighters, police said.\n\nTarrant County prosecutors said Derek Lamar \
         Collins set the blaze early Sunday after he was fired from his job at Lone Star \
         Logistics, a trucking company that rented part of the building. He was being held in \
         the Tarrant County Jail on a $250,000 bond. It was not immediately clear whether he \
         had a lawyer.\n\nFort Worth Fire Chief Jim Davis said the two firefighters were \
         treated at John Peter Smith Hospital for burns and released on Monday. \"Our crews \
         did an outstanding job under very dangerous conditions,\" Davis said.\n\nThe Bureau \
         of Alcohol, Tobacco, Firearms and Explosives (ATF) is helping with the \
         investigation, agency spokeswoman Maria Gonzalez said. Investigators found gasoline \
         cans near a loading dock, according to an arrest affidavit.\n\nMayor Mattie Parker \
         thanked the firefighters in a post on X, formerly known as Twitter. The warehouse, \
         built in 1958, had been cited twice by city inspectors since 2021 for faulty wiring, \
         records show.",
    );
    assert_well_formed(&doc, &found);
    assert_eq!(
        find(&found, "John Peter Smith Hospital").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&found, "Derek Lamar Collins").kind, EntityKind::Person);
    assert_eq!(find(&found, "Jim Davis").kind, EntityKind::Person);
}

/// A dateline filed from two cities names both places (`SEOUL/TAIPEI, Jan 29 (AP) —`).
#[test]
fn a_dateline_of_two_cities_names_both() {
    let (doc, found) = entities(
        "Chipmaker's results lift Asian tech stocks\n\n\
         SEOUL/TAIPEI, Jan 29 (AP) \u{2014} Shares of Samsung Electronics rose 4% on Thursday \
         after the South Korean company reported a jump in fourth-quarter profit, driven by \
         demand for memory chips used in artificial intelligence servers.\n\n\
         Operating profit rose to 6.5 trillion won ($4.5 billion) in the October-December \
         quarter, up from 2.8 trillion won a year earlier, the company said.",
    );
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "SEOUL").kind, EntityKind::Place);
    assert_eq!(find(&found, "TAIPEI").kind, EntityKind::Place);
    assert!(found.iter().all(|e| !e.name.contains('/')), "{found:#?}");
    // With more of the story the tagger takes both cities as one name: it is split.
    let (_, found) = entities(
        "Chipmaker's results lift Asian tech stocks\n\nSEOUL/TAIPEI, Jan 29 (AP) — Shares of \
         Samsung Electronics rose 4% on Thursday after the South Korean company reported a \
         jump in fourth-quarter profit, driven by demand for memory chips used in artificial \
         intelligence servers.\n\nOperating profit rose to 6.5 trillion won ($4.5 billion) in \
         the October-December quarter, up from 2.8 trillion won a year earlier, the company \
         said. Analysts polled by LSEG had expected 6.1 trillion won.\n\n\"The recovery in \
         memory prices is stronger than we thought,\" said Park Sang-hyun, an analyst at Hi \
         Investment & Securities in Seoul. Rival SK Hynix, a key supplier to Nvidia, is due \
         to report on Friday.",
    );
    assert_eq!(find(&found, "TAIPEI").kind, EntityKind::Place);
    assert!(found.iter().all(|e| !e.name.contains('/')), "{found:#?}");
}

/// `the journal Nature`: a name right after a lowercase noun for an organization is the
/// organization's (a science story written for these tests, Reuters style).
#[test]
fn a_name_after_an_organization_noun_is_an_organization() {
    let (doc, found) = entities(
        "Webb telescope spots water vapor around young star\n\nPARIS, Feb 12 (Reuters) - \
         Astronomers using the James Webb Space Telescope have detected water vapor in the \
         inner disk of a young star about 370 light-years from Earth, a finding that could \
         help explain how rocky planets like ours get their water, scientists said on \
         Monday.\n\nThe star, known as PDS 70, is about 5.4 million years old and already \
         hosts two giant planets, said Giulia Perotti of the Max Planck Institute for \
         Astronomy in Heidelberg, Germany, the lead author of the study published in the \
         journal Nature.",
    );
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Nature").kind, EntityKind::Organization);
    assert_eq!(find(&found, "Heidelberg").kind, EntityKind::Place);
}

/// `Kim Jung-ho`: a romanized given name of two hyphenated syllables takes in the family
/// name before it.
#[test]
fn a_family_name_joins_a_hyphenated_given_name() {
    let (doc, found) = entities(
        "Kim Jung-ho, a spokesman for the Ministry of Trade, Industry and Energy, said Seoul \
         would \"closely consult\" with the United States. The Kospi index closed up 1.8% at \
         2,560.41, while Taiwan's Taiex gained 1.2%.",
    );
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Kim Jung-ho").kind, EntityKind::Person);
    assert!(found.iter().all(|e| e.name != "Jung-ho"), "{found:#?}");
}

/// British politics (written for these tests, Reuters style): a byline's role is no name
/// (`By Harriet Cole, Political Correspondent`), a number spelled out is no name
/// (`Fifty-three Labour MPs`), whom a spokesperson speaks for is an organization (`a
/// spokesperson for Downing Street`).
#[test]
fn bylines_numbers_and_spokespeople() {
    let (doc, found) = entities(
        "Starmer faces backbench revolt over winter fuel cuts\n\nBy Harriet Cole, Political \
         Correspondent\n\nLONDON (Reuters) - British Prime Minister Keir Starmer faced a \
         rebellion from dozens of Labour lawmakers on Tuesday over his government's decision \
         to cut winter fuel payments for millions of pensioners.\n\nFinance minister Rachel \
         Reeves told parliament the cut was needed to fill a 22 billion pound ($29 billion) \
         \"black hole\" left by the previous Conservative government. \"I will not pretend \
         that this is an easy decision,\" Reeves said.\n\nThe motion to block the cut, tabled \
         by the opposition Conservatives, was defeated by 348 votes to 228. Fifty-three \
         Labour MPs abstained, according to an analysis by the Press Association, and one, \
         Jon Trickett, voted against the government.\n\nConservative leader Rishi Sunak \
         called the policy \"cruel\" and accused Starmer of breaking an election promise. \
         Liberal Democrat leader Ed Davey said his party would keep pushing for the cut to be \
         reversed.\n\nAge UK, a charity for older people, said about 2 million pensioners \
         would be pushed into hardship. Its director Caroline Abrahams urged ministers to \
         \"think again.\"\n\nA spokesperson for Downing Street said the government would \
         increase the state pension by 4.1% next April under the \"triple lock\" guarantee.",
    );
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Harriet Cole").kind, EntityKind::Person);
    assert!(
        found.iter().all(|e| e.name != "Political Correspondent"),
        "{found:#?}"
    );
    assert!(found
        .iter()
        .all(|e| e.name != "Fifty-three" || e.kind == EntityKind::Quantity));
    assert_eq!(
        find(&found, "Downing Street").kind,
        EntityKind::Organization
    );
    assert_eq!(find(&found, "Keir Starmer").kind, EntityKind::Person);
}

/// A name the place lists do not know, before a title and a person's name, is the person's
/// employer wherever it appears (`Nvidia Chief Executive Jensen Huang`; a tech story
/// written for these tests, AP style). A stock listing names an exchange.
#[test]
fn an_employer_before_a_title_is_an_organization() {
    let (doc, found) = entities(
        "Nvidia unveils new AI chip as rivals close in\n\nSAN JOSE, California (AP) — Nvidia \
         Chief Executive Jensen Huang on Monday unveiled the company's next generation of \
         artificial intelligence chips, called Blackwell, at its annual developer conference \
         in San Jose.\n\nThe Santa Clara, California-based company said the B200 chip would \
         be up to 30 times faster than its predecessor at some tasks. Amazon Web Services, \
         Microsoft and Google's cloud unit have all agreed to offer it, Huang told a crowd of \
         about 11,000 people at the SAP Center.\n\n\"We need bigger GPUs,\" Huang said, \
         holding up the chip. Shares of Nvidia (NASDAQ: NVDA) fell 1.8% in after-hours \
         trading.\n\nAdvanced Micro Devices Inc. and Intel Corp. are racing to catch up. AMD \
         CEO Lisa Su said in December that the market for AI accelerators could reach $400 \
         billion by 2027.\n\nAnalyst Stacy Rasgon of Bernstein said Nvidia still controls \
         about 80% of the market. \"The question is not whether they win, but by how much,\" \
         he said.\n\nOpenAI, the maker of ChatGPT, and Elon Musk's xAI are among Nvidia's \
         biggest customers.",
    );
    assert_well_formed(&doc, &found);
    let nvidia = find(&found, "Nvidia");
    assert_eq!(nvidia.kind, EntityKind::Organization);
    assert!(nvidia.mentions.len() >= 4);
    assert_eq!(find(&found, "Jensen Huang").kind, EntityKind::Person);
    assert_eq!(find(&found, "Santa Clara").kind, EntityKind::Place);
    // `(NASDAQ: NVDA)`: the exchange is an organization, the ticker no name of its own.
    assert_eq!(find(&found, "NASDAQ").kind, EntityKind::Organization);
    assert!(found.iter().all(|e| e.name != "NVDA"), "{found:#?}");
}

#[test]
fn colour_codes_in_saved_terminal_output_name_nothing() {
    let text = "\x1b[1;31mWARNING\x1b[0m Shares of Microsoft fell 4% in Paris on Monday, \
                \x1b[32mtraders\x1b[0m said.";
    let (doc, found) = entities(text);
    assert_well_formed(&doc, &found);
    assert_eq!(find(&found, "Microsoft").kind, EntityKind::Organization);
    assert_eq!(find(&found, "Paris").kind, EntityKind::Place);
    for e in &found {
        for m in mention_texts(&doc, e) {
            assert!(
                !m.contains('\x1b') && !m.contains("0m") && !m.contains("32m"),
                "{m:?} is an escape sequence's: {found:#?}"
            );
        }
    }
}
