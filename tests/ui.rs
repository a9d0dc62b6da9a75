//! The UI on ratatui's TestBackend: snapshots of whole screens, and key sequences checked
//! against what the buffer shows.

use brief::extract::quotes::{Quote, QuoteKind, Speaker};
use brief::extract::timeline::{TimelineItem, When};
use brief::ui::{self, Action, App, Pane};
use brief::{build_briefing, Briefing, BriefingOptions, Document, Entity, EntityKind, Span};
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use ratatui::Terminal;

const SAMPLE: &str = include_str!("../seeds/tiktok-shop-amazon-douyin.txt");

fn sample_app(width: u16, height: u16) -> App {
    // Extraction runs once; every test gets its own copy of the result.
    static SAMPLE_BRIEFING: std::sync::OnceLock<(Document, Briefing)> = std::sync::OnceLock::new();
    let (doc, briefing) = SAMPLE_BRIEFING.get_or_init(|| {
        let doc = Document::new("seeds/tiktok-shop-amazon-douyin.txt", SAMPLE);
        let briefing = build_briefing(&doc, BriefingOptions::default());
        (doc, briefing)
    });
    sized(App::new(doc.clone(), briefing.clone()), width, height)
}

fn sized(mut app: App, width: u16, height: u16) -> App {
    app.update(Action::Resize { width, height });
    app
}

fn render(app: &App) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|frame| ui::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

fn screen(app: &App) -> String {
    let buffer = render(app);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// A small article with known spans, so key tests do not depend on extraction quality.
fn handmade_app(width: u16, height: u16) -> App {
    let mut text = String::from("Acme Corp hired Jane Doe in 2021.\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Filler paragraph number {i} says nothing at all here.\n"
        ));
    }
    text.push_str("Later Jane Doe said \"we grew fast\" in 2023. Acme Corp agreed.\n");
    let doc = Document::new("handmade.txt", &text);
    let find_all = |needle: &str| -> Vec<Span> {
        text.match_indices(needle)
            .map(|(i, m)| Span::new(i, i + m.len()))
            .collect()
    };
    let sentence_of = |offset: usize| doc.sentences()[doc.sentence_at(offset).unwrap()];
    let y2021 = find_all("2021")[0];
    let y2023 = find_all("2023")[0];
    let quote = find_all("we grew fast")[0];
    let jane = find_all("Jane Doe");
    let briefing = Briefing {
        entities: vec![
            Entity {
                name: "Acme Corp".into(),
                kind: EntityKind::Organization,
                mentions: find_all("Acme Corp"),
                description: None,
            },
            Entity {
                name: "Jane Doe".into(),
                kind: EntityKind::Person,
                mentions: jane.clone(),
                description: Some("a hire".into()),
            },
        ],
        timeline: vec![
            TimelineItem {
                when: When::year(2021),
                label: "2021".into(),
                span: y2021,
                sentence: sentence_of(y2021.start),
            },
            TimelineItem {
                when: When::year(2023),
                label: "2023".into(),
                span: y2023,
                sentence: sentence_of(y2023.start),
            },
        ],
        quotes: vec![Quote {
            span: quote,
            kind: QuoteKind::Speech,
            speaker: Some(Speaker {
                name: "Jane Doe".into(),
                span: jane[1],
                entity: None,
                resolved: None,
            }),
            nested: vec![],
        }],
        ..Briefing::default()
    };
    sized(App::new(doc, briefing), width, height)
}

/// Cells of the text pane that carry `modifier` or a background, read as text.
fn highlighted_text(app: &App, pick: impl Fn(&ratatui::buffer::Cell) -> bool) -> String {
    let buffer = render(app);
    let rect = app.layout.pane(Pane::Text).unwrap();
    let mut out = String::new();
    for y in rect.y + 1..rect.bottom() - 1 {
        for x in rect.x + 1..rect.right() - 1 {
            let cell = &buffer[(x, y)];
            if pick(cell) {
                out.push_str(cell.symbol());
            }
        }
    }
    out
}

#[test]
fn four_panes_at_120x40() {
    insta::assert_snapshot!(screen(&sample_app(120, 40)));
}

#[test]
fn four_panes_at_80x24() {
    insta::assert_snapshot!(screen(&sample_app(80, 24)));
}

#[test]
fn help_overlay_lists_the_keys() {
    let mut app = sample_app(100, 40);
    app.update(Action::ToggleHelp);
    let shown = screen(&app);
    insta::assert_snapshot!(shown);
    for binding in &app.keymap.bindings {
        assert!(
            shown.contains(binding.help),
            "help lacks {:?}",
            binding.help
        );
        let label = brief::ui::help::help_label(binding);
        assert!(shown.contains(&label), "help lacks {label:?}");
    }
    app.update(Action::Cancel);
    assert!(!screen(&app).contains("this help"));
    // On a short screen the keys go into two columns, and still all show.
    let mut short = sample_app(150, 24);
    short.update(Action::ToggleHelp);
    let shown = screen(&short);
    for binding in &short.keymap.bindings {
        assert!(
            shown.contains(binding.help),
            "short help lacks {:?}",
            binding.help
        );
    }
}

#[test]
fn zoom_shows_the_focused_pane_alone() {
    let mut app = handmade_app(120, 30);
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::ToggleZoom);
    let shown = screen(&app);
    assert!(shown.contains("Entities (2)"), "{shown}");
    assert!(
        !shown.contains("Acme Corp hired"),
        "the text is hidden while zoomed"
    );
    assert_eq!(app.layout.pane(Pane::Entities).unwrap().width, 120);
    app.update(Action::ToggleZoom);
    assert!(screen(&app).contains("Acme Corp hired"));
}

#[test]
fn user_key_bindings_drive_the_app_and_the_help() {
    let (config, problems) = brief::ui::config::parse(
        "[keys]\nx = \"toggle_zoom\"\nt = \"focus_timeline\"\n",
        "test",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let mut app = handmade_app(120, 40);
    app.configure(&config);
    let t = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('t'));
    app.update(app.keymap.action_for(t).unwrap());
    assert_eq!(app.focus, Pane::Timeline);
    app.update(Action::ToggleHelp);
    let shown = screen(&app);
    assert!(shown.contains("z x"), "the help shows the new key: {shown}");
}

#[test]
fn themes_render_differently_and_no_color_uses_no_colour() {
    use ratatui::style::Color;
    let mut app = handmade_app(100, 20);
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::Down);
    let colours = |app: &App| {
        let buffer = render(app);
        buffer
            .content()
            .iter()
            .flat_map(|c| [c.fg, c.bg])
            .filter(|c| *c != Color::Reset)
            .collect::<std::collections::HashSet<_>>()
    };
    let dark = colours(&app);
    app.theme = brief::ui::theme::Theme::light();
    let light = colours(&app);
    assert!(!dark.is_empty() && !light.is_empty());
    assert_ne!(dark, light);
    app.theme = brief::ui::theme::Theme::monochrome();
    assert!(colours(&app).is_empty(), "monochrome draws no colour");
    let selected = highlighted_text(&app, |c| c.modifier.contains(Modifier::REVERSED));
    assert_eq!(
        selected, "Jane Doe",
        "mentions still stand out, in reverse video"
    );
}

#[test]
fn narrow_screens_show_one_pane_with_tabs() {
    let mut app = sample_app(50, 20);
    let first = screen(&app);
    assert!(first.contains("1 Text │ 2 Entities"), "{first}");
    assert!(!first.contains("Timeline ("));
    app.update(Action::Focus(Pane::Timeline));
    let shown = screen(&app);
    assert!(shown.contains("Timeline ("), "{shown}");
    assert!(!shown.contains("Text ·"));
}

#[test]
fn no_size_panics_and_tiny_screens_say_so() {
    for width in 0..70 {
        for height in 0..14 {
            let mut app = sample_app(width, height);
            for action in [
                Action::Down,
                Action::FocusNext,
                Action::Activate,
                Action::Bottom,
            ] {
                app.update(action);
            }
            let _ = render(&app);
        }
    }
    assert!(screen(&sample_app(12, 3)).contains("brief: wind"));
}

#[test]
fn tab_and_numbers_move_focus() {
    let mut app = handmade_app(100, 30);
    assert_eq!(app.focus, Pane::Text);
    app.update(Action::FocusNext);
    assert_eq!(app.focus, Pane::Entities);
    app.update(Action::FocusPrev);
    app.update(Action::FocusPrev);
    assert_eq!(app.focus, Pane::Quotes);
    app.update(Action::Focus(Pane::Timeline));
    assert_eq!(app.focus, Pane::Timeline);
    assert!(
        screen(&app).contains(" Timeline "),
        "status names the focused pane"
    );
}

#[test]
fn selecting_an_entity_highlights_its_mentions_and_n_steps_through_them() {
    let mut app = handmade_app(100, 30);
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::Down); // the first entity: People come first, so Jane Doe
    assert_eq!(
        app.briefing.entities[app.selected_entity().unwrap()].name,
        "Jane Doe"
    );
    let highlighted = highlighted_text(&app, |c| c.bg == app.theme.mention.bg.unwrap());
    assert_eq!(
        highlighted, "Jane Doe",
        "only the visible mention is highlighted"
    );

    app.update(Action::NextMatch);
    assert_eq!(app.mention, Some(0));
    app.update(Action::NextMatch);
    assert_eq!(app.mention, Some(1));
    // The second mention is near the end: the text scrolled there.
    let shown = screen(&app);
    assert!(shown.contains("Later Jane Doe said"), "{shown}");
    assert!(
        shown.contains("Jane Doe 2/2"),
        "status shows the mention count"
    );
    app.update(Action::NextMatch);
    assert_eq!(app.mention, Some(0), "wraps around");
    app.update(Action::Cancel);
    assert_eq!(app.selected_entity(), None);
}

#[test]
fn stepping_the_timeline_moves_the_text_and_highlights_the_event() {
    let mut app = handmade_app(100, 30);
    app.update(Action::NextEvent);
    app.update(Action::NextEvent);
    assert_eq!(app.selected_event(), Some(1));
    let date = highlighted_text(&app, |c| {
        c.modifier.contains(Modifier::BOLD) && c.modifier.contains(Modifier::UNDERLINED)
    });
    assert_eq!(date, "2023");
    assert!(screen(&app).contains("Later Jane Doe"));
    app.update(Action::PrevYear);
    assert_eq!(app.selected_event(), Some(0));
    assert!(screen(&app).contains("Acme Corp hired Jane Doe in 2021."));
}

#[test]
fn enter_on_a_quote_jumps_to_it_and_marks_the_speaker() {
    let mut app = handmade_app(100, 30);
    app.update(Action::Focus(Pane::Quotes));
    app.update(Action::Activate);
    assert_eq!(app.selected_quote(), Some(0));
    let quote = highlighted_text(&app, |c| c.modifier.contains(Modifier::ITALIC));
    assert_eq!(quote, "we grew fast");
    let speaker = highlighted_text(&app, |c| c.fg == app.theme.speaker.fg.unwrap());
    assert_eq!(speaker, "Jane Doe");
}

#[test]
fn text_scrolls_like_less_and_stops_at_the_end() {
    let mut app = handmade_app(100, 30);
    app.update(Action::Bottom);
    let (_, _, percent) = app.position();
    assert_eq!(percent, 100);
    let at_bottom = screen(&app);
    app.update(Action::Down);
    assert_eq!(screen(&app), at_bottom, "no scrolling past the end");
    app.update(Action::Top);
    assert!(screen(&app).contains("Acme Corp hired"));
    app.update(Action::PageDown);
    assert!(!screen(&app).contains("Acme Corp hired"));
}

#[test]
fn mouse_click_selects_and_wheel_scrolls() {
    let mut app = handmade_app(100, 30);
    let rect = app.layout.pane(Pane::Entities).unwrap();
    // Row 0 inside the border is the "People" heading, row 1 the first person.
    app.update(Action::Click {
        column: rect.x + 3,
        row: rect.y + 2,
    });
    assert_eq!(app.focus, Pane::Entities);
    assert_eq!(
        app.briefing.entities[app.selected_entity().unwrap()].name,
        "Jane Doe"
    );
    let text = app.layout.pane(Pane::Text).unwrap();
    app.update(Action::ScrollDownAt {
        column: text.x + 2,
        row: text.y + 2,
    });
    assert!(!screen(&app).contains("Acme Corp hired"));
}

#[test]
fn control_characters_in_the_text_are_drawn_visibly() {
    let doc = Document::new(
        "evil.txt",
        "Title\u{1b}]0;pwned\u{7}\nBody \u{1b}[2J text \u{202e}here.",
    );
    let app = sized(App::new(doc, Briefing::default()), 80, 10);
    let buffer = render(&app);
    for cell in buffer.content() {
        assert!(
            !cell.symbol().chars().any(|c| c.is_control()),
            "raw control {:?}",
            cell.symbol()
        );
    }
    let shown = screen(&app);
    assert!(shown.contains("␛]0;pwned␇"), "{shown}");
    assert!(shown.contains("\\u{202e}"), "{shown}");
}

#[test]
fn search_highlights_matches_counts_them_and_n_wraps() {
    let mut app = handmade_app(100, 30);
    app.update(Action::StartSearch);
    for c in "jane".chars() {
        app.update(Action::PromptChar(c));
    }
    assert!(
        screen(&app).contains("/jane▏"),
        "the prompt shows the query"
    );
    app.update(Action::PromptSubmit);
    let search = app.search.as_ref().expect("a search");
    assert_eq!(
        search.matches.len(),
        2,
        "smart case: lower-case query ignores case"
    );
    assert!(screen(&app).contains("/jane 1/2"), "{}", screen(&app));
    app.update(Action::NextMatch);
    assert!(screen(&app).contains("/jane 2/2"));
    assert!(screen(&app).contains("Later Jane Doe said"));
    app.update(Action::NextMatch);
    assert_eq!(
        app.search.as_ref().unwrap().current,
        Some(0),
        "wraps to the first match"
    );
    app.update(Action::Cancel);
    assert!(app.search.is_none());
    // A capital letter makes the search case-sensitive.
    app.update(Action::StartSearch);
    for c in "JANE".chars() {
        app.update(Action::PromptChar(c));
    }
    app.update(Action::PromptSubmit);
    assert!(app.search.is_none());
    assert!(screen(&app).contains("not found: JANE"));
}

#[test]
fn entity_detail_lists_mentions_with_context_and_jumps() {
    let mut app = handmade_app(100, 30);
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::Down); // Jane Doe
    app.update(Action::Activate);
    let shown = screen(&app);
    assert!(shown.contains("◂ Jane Doe · 2 mentions"), "{shown}");
    assert!(
        shown.contains("Acme Corp hired Jane Doe in 2021."),
        "{shown}"
    );
    assert!(shown.contains("Later Jane Doe said"), "{shown}");
    app.update(Action::Down);
    app.update(Action::Activate);
    assert_eq!(app.mention, Some(1));
    let current = highlighted_text(&app, |c| c.bg == app.theme.current_mention.bg.unwrap());
    assert_eq!(
        current, "Jane Doe",
        "the chosen mention is marked in the text"
    );
    app.update(Action::Cancel);
    assert!(app.entities.detail.is_none());
    assert!(screen(&app).contains("People (1)"));
}

#[test]
fn f_shows_one_kind_of_entity_at_a_time() {
    let mut app = handmade_app(160, 30);
    app.update(Action::CycleEntityKind);
    let shown = screen(&app);
    assert!(shown.contains("people only"), "{shown}");
    assert!(!shown.contains("Acme Corp  "), "{shown}");
    app.update(Action::CycleEntityKind);
    assert!(screen(&app).contains("organizations only"));
    app.update(Action::CycleEntityKind);
    let shown = screen(&app);
    assert!(
        shown.contains("People (1)") && shown.contains("Organizations (1)"),
        "{shown}"
    );
}

#[test]
fn quotes_group_by_speaker_and_terms_hide() {
    let text = "Ann Lee said \"we are fine.\" The \"fine\" plan works. Bob Day said \"no.\" Lee added \"yes.\"";
    let doc = Document::new("q.txt", text);
    let span_of = |needle: &str, nth: usize| {
        let (i, m) = text.match_indices(needle).nth(nth).unwrap();
        Span::new(i, i + m.len())
    };
    let speech = |words: &str, who: &str, nth: usize| Quote {
        span: span_of(words, 0),
        kind: QuoteKind::Speech,
        speaker: Some(Speaker {
            name: who.into(),
            span: span_of(who, nth),
            entity: None,
            resolved: None,
        }),
        nested: vec![],
    };
    let briefing = Briefing {
        quotes: vec![
            speech("we are fine.", "Ann Lee", 0),
            Quote {
                span: Span::new(
                    text.find("fine\" plan").unwrap(),
                    text.find("\" plan").unwrap(),
                ),
                kind: QuoteKind::Term,
                speaker: None,
                nested: vec![],
            },
            speech("no.", "Bob Day", 0),
            speech("yes.", "Lee", 1),
        ],
        ..Briefing::default()
    };
    let mut app = sized(App::new(doc, briefing), 100, 40);
    let names = |app: &App| -> Vec<String> {
        app.quotes
            .items
            .iter()
            .map(|&i| {
                let q = &app.briefing.quotes[i];
                q.speaker
                    .as_ref()
                    .map_or("term".to_string(), |s| s.name.clone())
            })
            .collect()
    };
    assert_eq!(
        names(&app),
        ["Ann Lee", "Bob Day", "Lee", "term"],
        "speech in text order, terms last"
    );
    app.update(Action::GroupQuotes);
    assert_eq!(
        names(&app),
        ["Ann Lee", "Lee", "Bob Day", "term"],
        "Lee is Ann Lee"
    );
    app.update(Action::ToggleTerms);
    assert_eq!(names(&app).len(), 3);
    assert!(screen(&app).contains("1 term hidden"), "{}", screen(&app));
}

#[test]
fn slash_in_a_list_pane_filters_it() {
    let mut app = handmade_app(140, 30);
    let type_query = |app: &mut App, query: &str| {
        app.update(Action::StartSearch);
        for c in query.chars() {
            app.update(Action::PromptChar(c));
        }
        app.update(Action::PromptSubmit);
    };
    app.update(Action::Focus(Pane::Entities));
    type_query(&mut app, "acme");
    assert_eq!(app.entities.items.len(), 1);
    assert!(app.search.is_none(), "a list filter is not a text search");
    let shown = screen(&app);
    assert!(shown.contains("/acme 1"), "{shown}");
    app.update(Action::Cancel);
    assert_eq!(app.entities.items.len(), 2, "Esc clears the filter");

    app.update(Action::Focus(Pane::Timeline));
    type_query(&mut app, "later");
    assert_eq!(app.timeline.items.len(), 1);
    app.update(Action::NextEvent);
    assert_eq!(
        app.briefing.timeline[app.selected_event().unwrap()].label,
        "2023"
    );

    app.update(Action::Focus(Pane::Quotes));
    type_query(&mut app, "nobody says this");
    assert!(app.quotes.items.is_empty());
    app.update(Action::Cancel);
    assert_eq!(app.quotes.items.len(), 1);
}

#[test]
fn e_writes_the_markdown_briefing_and_asks_before_overwriting() {
    let dir = std::env::temp_dir().join(format!("brief-ui-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("story.txt");
    let target = dir.join("story.briefing.md");
    let _ = std::fs::remove_file(&target);
    let doc = Document::new(article.to_str().unwrap(), SAMPLE);
    let briefing = build_briefing(&doc, BriefingOptions::default());
    let mut app = sized(App::new(doc, briefing), 100, 30);
    app.update(Action::Export);
    let written = std::fs::read_to_string(&target).expect("the export is written");
    assert!(written.contains("TikTok"), "{written}");
    assert!(screen(&app).contains("wrote "));

    std::fs::write(&target, "keep me").unwrap();
    app.update(Action::Export);
    assert!(
        screen(&app).contains("overwrite? (y/n)"),
        "{}",
        screen(&app)
    );
    app.update(Action::Cancel);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "keep me");
    app.update(Action::Export);
    app.update(Action::ConfirmYes);
    assert_ne!(std::fs::read_to_string(&target).unwrap(), "keep me");
}

fn workspace_screen(ws: &brief::ui::Workspace) -> String {
    let area = ratatui::layout::Rect::new(0, 0, ws.app().size.width, ws.app().size.height);
    let mut buffer = Buffer::empty(area);
    ws.render(area, &mut buffer);
    let mut out = String::new();
    for y in 0..area.height {
        for x in 0..area.width {
            out.push_str(buffer[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

#[test]
fn several_documents_switch_keep_their_place_and_share_entities() {
    let first = handmade_app(120, 30);
    let second = sample_app(120, 30);
    let mut ws = brief::ui::Workspace::new(vec![first, second]);
    ws.update(Action::Bottom);
    assert!(workspace_screen(&ws).contains("doc 1/2"));
    ws.update(Action::NextDocument);
    let shown = workspace_screen(&ws);
    assert!(
        shown.contains("doc 2/2") && shown.contains("TikTok initially"),
        "{shown}"
    );
    ws.update(Action::NextDocument);
    assert_eq!(ws.current, 0, "wraps around");
    assert!(
        workspace_screen(&ws).contains("Later Jane Doe"),
        "the first kept its place"
    );

    ws.update(Action::OpenPicker);
    assert!(workspace_screen(&ws).contains("documents · Enter opens"));
    ws.update(Action::Down);
    ws.update(Action::Activate);
    assert_eq!(ws.current, 1);
    assert!(ws.overlay.is_none());

    ws.update(Action::AllEntities);
    let shown = workspace_screen(&ws);
    assert!(shown.contains("entities in all documents"), "{shown}");
    let shared = ws.shared_entities();
    let acme = shared
        .iter()
        .find(|s| s.name == "Acme Corp")
        .expect("Acme Corp listed");
    assert_eq!(acme.documents, [(0, 2)]);
    ws.update(Action::Cancel);
    assert!(ws.overlay.is_none());
}

#[test]
fn clicking_a_mention_in_the_text_selects_its_entity() {
    let mut app = handmade_app(100, 30);
    let rect = app.layout.pane(Pane::Text).unwrap();
    // "Acme Corp hired Jane Doe in 2021." is the first row; "Jane" starts at column 16.
    app.update(Action::Click {
        column: rect.x + 1 + 17,
        row: rect.y + 1,
    });
    let selected = app
        .selected_entity()
        .map(|e| app.briefing.entities[e].name.as_str());
    assert_eq!(selected, Some("Jane Doe"));
    assert_eq!(app.mention, Some(0));
    app.update(Action::Click {
        column: rect.x + 2,
        row: rect.y + 1,
    });
    let selected = app
        .selected_entity()
        .map(|e| app.briefing.entities[e].name.as_str());
    assert_eq!(selected, Some("Acme Corp"));
}

/// The screen with each cell's colours and modifiers, for style snapshots.
fn styled_screen(app: &App) -> String {
    let buffer = render(app);
    let mut out = String::new();
    for y in 0..buffer.area.height {
        let mut line = String::new();
        let mut styles = String::new();
        for x in 0..buffer.area.width {
            let cell = &buffer[(x, y)];
            line.push_str(cell.symbol());
            let style = format!("{:?}/{:?}/{:?}", cell.fg, cell.bg, cell.modifier);
            if !styles.ends_with(&format!("{style}; ")) {
                styles.push_str(&format!("@{x} {style}; "));
            }
        }
        out.push_str(&format!("{line}\n    {styles}\n"));
    }
    out
}

fn themed_app(theme: brief::ui::theme::Theme) -> App {
    let mut app = handmade_app(70, 12);
    app.theme = theme;
    app.update(Action::Focus(Pane::Entities));
    app.update(Action::Down);
    app.update(Action::NextEvent);
    app
}

#[test]
fn dark_theme_snapshot() {
    insta::assert_snapshot!(styled_screen(&themed_app(brief::ui::theme::Theme::dark())));
}

#[test]
fn light_theme_snapshot() {
    insta::assert_snapshot!(styled_screen(&themed_app(brief::ui::theme::Theme::light())));
}

#[test]
fn no_color_snapshot() {
    let shown = styled_screen(&themed_app(brief::ui::theme::Theme::monochrome()));
    assert!(!shown.contains("Rgb") && !shown.contains("Yellow") && !shown.contains("Blue"));
    insta::assert_snapshot!(shown);
}

#[test]
fn the_status_line_counts_lines_as_the_file_has_them() {
    use brief::ui::app::line_starts;
    assert_eq!(
        line_starts("a\nb\n"),
        [0, 2],
        "a final newline starts no line"
    );
    assert_eq!(line_starts("a\nb"), [0, 2]);
    assert_eq!(line_starts("a\n\n"), [0, 2], "a blank last line is a line");
    assert_eq!(line_starts(""), [0]);
    let text: String = (1..=12).map(|i| format!("Line number {i}.\n")).collect();
    let mut app = sized(
        App::new(Document::new("t.txt", &text), Briefing::default()),
        100,
        8,
    );
    assert!(screen(&app).contains("line 1/12 "), "{}", screen(&app));
    app.update(Action::Bottom);
    let (line, lines, percent) = app.position();
    assert_eq!((lines, percent), (12, 100));
    assert!(line <= 12);
    assert!(screen(&app).contains(&format!("line {line}/12 ")));
}

#[test]
fn quote_counts_are_taken_when_the_briefing_arrives() {
    let text = "Ann said \"yes.\" The \"term\" here. Bob said \"no.\"";
    let doc = Document::new("q.txt", text);
    let quote = |words: &str, kind| Quote {
        span: Span::new(
            text.find(words).unwrap(),
            text.find(words).unwrap() + words.len(),
        ),
        kind,
        speaker: None,
        nested: vec![],
    };
    let mut app = sized(App::new(doc, Briefing::default()), 120, 40);
    assert!(!screen(&app).contains("Quotes (2)"));
    app.set_briefing(Briefing {
        quotes: vec![
            quote("yes.", QuoteKind::Speech),
            quote("term", QuoteKind::Term),
            quote("no.", QuoteKind::Speech),
        ],
        ..Briefing::default()
    });
    assert_eq!((app.quotes.speech, app.quotes.terms), (2, 1));
    assert!(
        screen(&app).contains("Quotes (2) · 1 term"),
        "{}",
        screen(&app)
    );
    // A frame reads the counts from the state instead of walking every quotation.
    app.briefing.quotes.push(quote("no.", QuoteKind::Speech));
    assert!(screen(&app).contains("Quotes (2) · 1 term"));
}

#[test]
fn a_text_of_only_whitespace_says_it_is_empty() {
    let app = sized(
        App::new(Document::new("t.txt", " \n\t \n\n  "), Briefing::default()),
        100,
        20,
    );
    assert!(app.text.blank);
    assert!(screen(&app).contains("(the file is empty)"));
    let app = sized(
        App::new(Document::new("t.txt", "\n x\n"), Briefing::default()),
        100,
        20,
    );
    assert!(!app.text.blank);
    assert!(!screen(&app).contains("(the file is empty)"));
}

/// While the briefing is built the panes say how far it has come, and the Text pane claims
/// no word count it does not have yet; once it arrives, the count is grouped by thousands.
#[test]
fn progress_shows_until_the_briefing_arrives() {
    let text = "Maria Lopez went to Geneva. ".repeat(400);
    let doc = Document::new("long.txt", &text);
    let mut app = sized(App::new(doc.clone(), Briefing::default()), 120, 40);
    app.extracting = Some(42);
    let waiting = screen(&app);
    assert!(waiting.contains("42%"), "{waiting}");
    assert!(!waiting.contains("0 words"), "{waiting}");
    app.set_briefing(build_briefing(&doc, BriefingOptions::default()));
    let done = screen(&app);
    assert!(!done.contains("42%"), "{done}");
    assert!(done.contains("Text · 2,000 words"), "{done}");
}

/// The all-documents entity list follows briefings that arrive while it is open.
#[test]
fn entities_of_all_documents_follow_a_late_briefing() {
    let first = handmade_app(120, 30);
    let doc = Document::new("late.txt", "Maria Lopez met Acme Corp in Geneva.\n");
    let late = sized(App::new(doc.clone(), Briefing::default()), 120, 30);
    let mut ws = brief::ui::Workspace::new(vec![first, late]);
    ws.update(Action::AllEntities);
    let before = ws.shared_entities();
    assert!(before.iter().all(|s| s.documents.iter().all(|d| d.0 == 0)));
    ws.docs[1].set_briefing(build_briefing(&doc, BriefingOptions::default()));
    let after = ws.shared_entities();
    let acme = after
        .iter()
        .find(|s| s.name == "Acme Corp")
        .expect("listed");
    assert_eq!(acme.documents.len(), 2, "{acme:?}");
    assert!(workspace_screen(&ws).contains("Maria Lopez"));
}
