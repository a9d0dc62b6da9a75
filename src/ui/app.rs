//! The application state and the one function that changes it, [`App::update`].

use std::sync::Arc;

use ratatui::layout::Rect;

use crate::briefing::Briefing;
use crate::document::Document;
use crate::extract::entities::EntityKind;
use crate::span::Span;

use super::action::Action;
use super::keymap::Keymap;
use super::layout::{self, Pane, ScreenLayout};
use super::theme::Theme;
use super::wrap::{RowPos, WrappedText};

/// Rows each quote takes in the Quotes pane: the speaker, then the words.
pub const QUOTE_ROWS: usize = 3;

/// A selectable list with its scroll offset, in items.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: Option<usize>,
    pub offset: usize,
}

impl ListCursor {
    fn select(&mut self, index: Option<usize>, len: usize) {
        self.selected = index.filter(|_| len > 0).map(|i| i.min(len - 1));
    }

    /// Moves the selection by `delta`, starting at the first item when nothing is selected.
    fn step(&mut self, delta: isize, len: usize) {
        let next = match self.selected {
            None if delta >= 0 => 0,
            None => len.saturating_sub(1),
            Some(i) => i.saturating_add_signed(delta),
        };
        self.select(Some(next), len);
    }
}

/// A list filter: case-insensitive substring; empty matches everything.
struct Filter(String);

impl Filter {
    fn new(query: &str) -> Filter {
        Filter(query.to_lowercase())
    }

    fn matches(&self, text: &str) -> bool {
        self.0.is_empty() || text.to_lowercase().contains(&self.0)
    }
}

/// Scrolls a list so its selection shows in `height` rows.
fn ensure_visible(cursor: &mut ListCursor, height: usize) {
    if let Some(selected) = cursor.selected {
        if selected < cursor.offset {
            cursor.offset = selected;
        } else if selected >= cursor.offset + height {
            cursor.offset = selected + 1 - height;
        }
    }
}

/// Scrolls a grouped list (headings among items) so the selected item shows, with the
/// heading above a group's first item when there is room.
fn scroll_grouped(cursor: &mut ListCursor, item_rows: &[usize], rows: usize, height: usize) {
    if let Some(row) = cursor.selected.and_then(|i| item_rows.get(i).copied()) {
        let want_top = row.saturating_sub(1);
        if want_top < cursor.offset {
            cursor.offset = want_top;
        } else if row >= cursor.offset + height {
            cursor.offset = row + 1 - height;
        }
    }
    cursor.offset = cursor.offset.min(rows.saturating_sub(height));
}

/// One row of a grouped list: a heading or an item (an index into the list's items).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GroupRow<H> {
    Heading(H, usize),
    Item(usize),
}

/// How the Entities pane orders entities inside each kind.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EntityOrder {
    #[default]
    MostMentioned,
    FirstMention,
}

/// The Entities pane's state.
#[derive(Debug, Default)]
pub struct EntitiesView {
    pub order: EntityOrder,
    /// Entity indices in display order.
    pub items: Vec<usize>,
    pub rows: Vec<GroupRow<EntityKind>>,
    /// The row of each item.
    pub item_rows: Vec<usize>,
    pub cursor: ListCursor,
    /// Only entities of this kind are listed.
    pub kind_filter: Option<EntityKind>,
    /// Only entities whose name or description holds this (without case) are listed.
    pub filter: String,
    /// The selected entity's mentions, listed with context, when the detail view is open.
    pub detail: Option<ListCursor>,
}

/// The Quotes pane's state: which quotations show, in what order.
#[derive(Debug, Default)]
pub struct QuotesView {
    /// Quote indices in display order: text order, or grouped by speaker; terms last.
    pub items: Vec<usize>,
    pub cursor: ListCursor,
    pub grouped: bool,
    pub hide_terms: bool,
    /// Only quotations whose words or speaker hold this (without case) are listed.
    pub filter: String,
    /// Speech quotations and terms in the briefing, counted when it is set (for the title).
    pub speech: usize,
    pub terms: usize,
}

/// The Timeline pane's state: items are timeline indices (already in date order).
#[derive(Debug, Default)]
pub struct TimelineView {
    /// Timeline indices shown (all, or those matching the filter).
    pub items: Vec<usize>,
    pub filter: String,
    pub rows: Vec<GroupRow<i32>>,
    pub item_rows: Vec<usize>,
    pub cursor: ListCursor,
}

/// The Text pane's state.
#[derive(Debug, Default)]
pub struct TextView {
    pub wrapped: WrappedText,
    pub top: RowPos,
    pub height: usize,
    /// Byte offsets where source lines start, for the status line's `line N`.
    pub line_starts: Vec<usize>,
    /// The text is empty or all whitespace (found once: a frame must not scan the text).
    pub blank: bool,
}

/// Where the lines of `text` start. A newline ends a line: the final newline of a file does
/// not start another one (a file of 12 lines ending in `\n` is `line 12/12` at its end, not
/// `12/13`); an empty text still has its one empty line.
pub fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(
            text.match_indices('\n')
                .map(|(i, _)| i + 1)
                .filter(|&start| start < text.len()),
        )
        .collect()
}

pub struct App {
    /// Shared with the thread that builds the briefing.
    pub doc: Arc<Document>,
    pub theme: Theme,
    pub keymap: Keymap,
    pub briefing: Briefing,
    pub focus: Pane,
    pub size: Rect,
    pub layout: ScreenLayout,
    pub text: TextView,
    pub entities: EntitiesView,
    pub timeline: TimelineView,
    pub quotes: QuotesView,
    /// The mention of the selected entity that `n`/`N` last went to.
    pub mention: Option<usize>,
    pub show_help: bool,
    pub should_quit: bool,
    /// A short message for the status line (e.g. "no more mentions").
    pub message: Option<String>,
    /// Warnings from loading, shown once in the status line.
    pub notice: Option<String>,
    /// While the briefing is built in the background: how far along it is (percent).
    pub extracting: Option<u8>,
    /// The search query or list filter being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// What the prompt is for: the Text pane searches, a list pane filters itself.
    pub prompt_target: Pane,
    /// The last search and its matches.
    pub search: Option<Search>,
    /// The focused pane fills the screen.
    pub zoomed: bool,
    /// Which of several open documents this is (`doc 2/3`), for the status line.
    pub document_label: Option<String>,
    /// A file the export would overwrite, while the user is asked whether to.
    pub confirm: Option<std::path::PathBuf>,
    /// Whether brief takes the mouse (the terminal applies it after each update).
    pub mouse_capture: bool,
    /// Percent of a wide screen the Text pane takes.
    pub text_percent: u16,
}

/// A text search and where `n`/`N` are in its matches.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Span>,
    pub current: Option<usize>,
}

impl App {
    pub fn new(doc: impl Into<Arc<Document>>, briefing: Briefing) -> App {
        let doc = doc.into();
        let text = TextView {
            wrapped: WrappedText::new(&doc),
            line_starts: line_starts(&doc.text),
            blank: doc.text.trim().is_empty(),
            ..TextView::default()
        };
        let mut app = App {
            doc,
            theme: Theme::dark(),
            keymap: Keymap::default(),
            briefing,
            focus: Pane::Text,
            size: Rect::default(),
            layout: ScreenLayout::default(),
            text,
            entities: EntitiesView::default(),
            timeline: TimelineView::default(),
            quotes: QuotesView::default(),
            mention: None,
            show_help: false,
            should_quit: false,
            message: None,
            notice: None,
            extracting: None,
            prompt: None,
            prompt_target: Pane::Text,
            search: None,
            zoomed: false,
            confirm: None,
            document_label: None,
            mouse_capture: true,
            text_percent: 58,
        };
        app.rebuild_entity_rows();
        app.rebuild_timeline_rows();
        app.rebuild_quote_items();
        app
    }

    /// The one place state changes.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        if self.show_help && !matches!(action, Action::Resize { .. } | Action::Quit) {
            // The help overlay takes any key to close, like `less`'s.
            self.show_help = false;
            if matches!(action, Action::ToggleHelp | Action::Cancel) {
                return;
            }
        }
        match action {
            Action::Quit => self.should_quit = true,
            Action::FocusNext => self.set_focus(self.focus.next()),
            Action::FocusPrev => self.set_focus(self.focus.prev()),
            Action::Focus(pane) => self.set_focus(pane),
            Action::Down => self.move_in_focus(1),
            Action::Up => self.move_in_focus(-1),
            Action::PageDown => self.move_in_focus(self.page_size(self.focus) as isize),
            Action::PageUp => self.move_in_focus(-(self.page_size(self.focus) as isize)),
            Action::HalfPageDown => {
                self.move_in_focus((self.page_size(self.focus) / 2).max(1) as isize)
            }
            Action::HalfPageUp => {
                self.move_in_focus(-((self.page_size(self.focus) / 2).max(1) as isize))
            }
            Action::Top => self.move_to_end(false),
            Action::Bottom => self.move_to_end(true),
            Action::Activate => self.activate(),
            Action::NextMatch if self.search.is_some() => self.step_search(true),
            Action::PrevMatch if self.search.is_some() => self.step_search(false),
            Action::NextMatch => self.step_mention(true),
            Action::PrevMatch => self.step_mention(false),
            Action::StartSearch => {
                // In a list pane `/` filters the list; in the text it searches.
                self.prompt_target = self.focus;
                self.prompt = Some(String::new());
            }
            Action::PromptChar(c) => {
                if let Some(p) = self.prompt.as_mut() {
                    p.push(c);
                }
            }
            Action::PromptToggleRegex => {
                if let Some(p) = self.prompt.as_mut() {
                    let prefix = crate::search::REGEX_PREFIX;
                    *p = match p.strip_prefix(prefix) {
                        Some(rest) => rest.to_string(),
                        None => format!("{prefix}{p}"),
                    };
                }
            }
            Action::PromptBackspace => {
                if let Some(p) = self.prompt.as_mut() {
                    p.pop();
                }
            }
            Action::PromptSubmit => self.submit_search(),
            Action::NextEvent => self.step_event(1),
            Action::PrevEvent => self.step_event(-1),
            Action::NextYear => self.step_year(true),
            Action::PrevYear => self.step_year(false),
            Action::ToggleEntityOrder => self.toggle_entity_order(),
            Action::CycleEntityKind => self.cycle_entity_kind(),
            Action::Export => self.export(false),
            // Handled by the workspace when several documents are open.
            Action::NextDocument
            | Action::PrevDocument
            | Action::OpenPicker
            | Action::AllEntities => {}
            Action::ConfirmYes => {
                if self.confirm.take().is_some() {
                    self.export(true);
                }
            }
            Action::GroupQuotes => {
                self.quotes.grouped = !self.quotes.grouped;
                self.reorder_quotes();
                self.message = Some(if self.quotes.grouped {
                    "quotes grouped by speaker".into()
                } else {
                    "quotes in text order".into()
                });
            }
            Action::ToggleTerms => {
                self.quotes.hide_terms = !self.quotes.hide_terms;
                self.reorder_quotes();
                self.message = Some(if self.quotes.hide_terms {
                    "terms hidden".into()
                } else {
                    "terms shown".into()
                });
            }
            Action::ToggleZoom => {
                self.zoomed = !self.zoomed;
                self.relayout();
            }
            Action::ToggleMouse => {
                self.mouse_capture = !self.mouse_capture;
                self.message = Some(if self.mouse_capture {
                    "mouse on: click and wheel work in brief".into()
                } else {
                    "mouse off: the terminal can select and copy text".into()
                });
            }
            Action::ToggleHelp => self.show_help = true,
            Action::Cancel => self.cancel(),
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollDownAt { column, row } => self.scroll_at(column, row, 3),
            Action::ScrollUpAt { column, row } => self.scroll_at(column, row, -3),
            Action::Resize { width, height } => self.resize(width, height),
            #[cfg(debug_assertions)]
            Action::DebugPanic => panic!("debug panic requested (BRIEF_DEBUG_PANIC_KEY)"),
        }
    }

    /// Applies the user's configuration.
    pub fn configure(&mut self, config: &super::config::Config) {
        self.theme = config.theme.theme();
        self.keymap = config.keymap.clone();
        self.mouse_capture = config.mouse;
        self.text_percent = config.text_width;
        self.relayout();
    }

    /// Takes the briefing built in the background. Selections made meanwhile (there are
    /// none in the lists while they are empty) and the text position are kept.
    pub fn set_briefing(&mut self, briefing: Briefing) {
        self.briefing = briefing;
        self.extracting = None;
        self.rebuild_entity_rows();
        self.rebuild_timeline_rows();
        self.rebuild_quote_items();
        self.entities.cursor = ListCursor::default();
        self.entities.detail = None;
        self.timeline.cursor = ListCursor::default();
        self.quotes.cursor = ListCursor::default();
        self.mention = None;
        self.relayout();
    }

    // ----- selection as the other panes see it

    /// The entity whose mentions are highlighted.
    pub fn selected_entity(&self) -> Option<usize> {
        self.entities
            .cursor
            .selected
            .and_then(|i| self.entities.items.get(i).copied())
    }

    pub fn selected_event(&self) -> Option<usize> {
        self.timeline
            .cursor
            .selected
            .and_then(|i| self.timeline.items.get(i).copied())
    }

    pub fn selected_quote(&self) -> Option<usize> {
        self.quotes
            .cursor
            .selected
            .and_then(|i| self.quotes.items.get(i).copied())
    }

    /// The source line and percent of the top of the text view.
    pub fn position(&self) -> (usize, usize, usize) {
        let text = &self.doc.text;
        let offset = self.text.wrapped.offset_of(text, self.text.top);
        let line = self
            .text
            .line_starts
            .partition_point(|&s| s <= offset)
            .max(1);
        let bottom = self.text.wrapped.offset(
            text,
            self.text.top,
            self.text.height.saturating_sub(1) as isize,
        );
        let at_end = self.text.wrapped.step_down(text, bottom).is_none();
        let percent = if at_end || text.is_empty() {
            100
        } else {
            offset * 100 / text.len()
        };
        (line, self.text.line_starts.len(), percent)
    }

    // ----- focus and movement

    fn set_focus(&mut self, pane: Pane) {
        self.focus = pane;
        // The narrow layout shows only the focused pane: its size changes with focus.
        self.relayout();
    }

    fn page_size(&self, pane: Pane) -> usize {
        let rows = self
            .layout
            .pane(pane)
            .map_or(1, |r| r.height.saturating_sub(2) as usize)
            .max(1);
        match pane {
            Pane::Quotes => (rows / QUOTE_ROWS).max(1),
            _ => rows,
        }
    }

    fn move_in_focus(&mut self, delta: isize) {
        match self.focus {
            Pane::Text => self.scroll_text(delta),
            Pane::Entities => {
                if self.entities.detail.is_some() {
                    let len = self
                        .selected_entity()
                        .map_or(0, |e| self.briefing.entities[e].mentions.len());
                    let height = self.page_size(Pane::Entities).saturating_sub(1).max(1);
                    if let Some(detail) = self.entities.detail.as_mut() {
                        detail.step(delta, len);
                        ensure_visible(detail, height);
                    }
                } else {
                    self.entities.cursor.step(delta, self.entities.items.len());
                    self.mention = None;
                    self.ensure_entity_visible();
                }
            }
            Pane::Timeline => self.step_event(delta),
            Pane::Quotes => {
                self.quotes.cursor.step(delta, self.quotes.items.len());
                self.ensure_quote_visible();
            }
        }
    }

    /// `g`/`G`: straight to the first or last row or item, without walking the rows between.
    fn move_to_end(&mut self, bottom: bool) {
        match self.focus {
            Pane::Text => {
                self.text.top = if bottom {
                    self.clamp_top(self.text.wrapped.last(&self.doc.text))
                } else {
                    self.text.wrapped.first()
                };
            }
            _ => self.move_in_focus(if bottom {
                isize::MAX / 2
            } else {
                isize::MIN / 2
            }),
        }
    }

    fn scroll_text(&mut self, delta: isize) {
        let text = &self.doc.text;
        let top = self.text.wrapped.offset(text, self.text.top, delta);
        self.text.top = self.clamp_top(top);
    }

    /// Keeps the top where the view is still full (like `less`, no scrolling past the end).
    fn clamp_top(&self, top: RowPos) -> RowPos {
        let max = self
            .text
            .wrapped
            .max_top(&self.doc.text, self.text.height.max(1));
        top.min(max)
    }

    /// Brings byte `offset` into view, a third of the way down, unless it is visible already.
    pub fn scroll_to(&mut self, offset: usize) {
        let text = &self.doc.text;
        let wrapped = &self.text.wrapped;
        let target = wrapped.position_of(text, offset);
        let height = self.text.height.max(1);
        let bottom = wrapped.offset(text, self.text.top, height as isize - 1);
        if target >= self.text.top && target <= bottom {
            return;
        }
        let top = wrapped.offset(text, target, -((height / 3) as isize));
        self.text.top = self.clamp_top(top);
    }

    fn activate(&mut self) {
        match self.focus {
            Pane::Text => {}
            Pane::Entities => match self.entities.detail {
                // In the detail view, Enter jumps to the chosen mention.
                Some(detail) => {
                    if let (Some(m), Some(e)) = (detail.selected, self.selected_entity()) {
                        self.mention = Some(m);
                        let offset = self.briefing.entities[e].mentions[m].start;
                        self.scroll_to(offset);
                    }
                }
                None => {
                    if self.selected_entity().is_none() {
                        self.entities.cursor.step(0, self.entities.items.len());
                    }
                    if self.selected_entity().is_some() {
                        self.entities.detail = Some(ListCursor {
                            selected: Some(0),
                            offset: 0,
                        });
                        self.mention = None;
                        self.step_mention(true);
                        if let (Some(detail), Some(m)) =
                            (self.entities.detail.as_mut(), self.mention)
                        {
                            detail.selected = Some(m);
                            detail.offset = m.saturating_sub(1);
                        }
                    }
                }
            },
            Pane::Timeline => {
                if self.timeline.cursor.selected.is_none() {
                    self.step_event(0);
                } else if let Some(i) = self.selected_event() {
                    let offset = self.briefing.timeline[i].span.start;
                    self.scroll_to(offset);
                }
            }
            Pane::Quotes => {
                if self.quotes.cursor.selected.is_none() {
                    self.quotes.cursor.step(0, self.quotes.items.len());
                }
                if let Some(quote) = self.selected_quote().map(|i| &self.briefing.quotes[i]) {
                    let offset = quote.span.start;
                    let speaker = quote.speaker.as_ref().and_then(|s| s.entity.clone());
                    self.scroll_to(offset);
                    // A speaker who is an entity: select it, so its mentions light up too.
                    if let Some(name) = speaker {
                        self.select_entity_named(&name);
                    }
                }
            }
        }
    }

    /// `n`/`N`: the next mention of the selected entity after the one last visited (or after
    /// the top of the view), wrapping around.
    fn step_mention(&mut self, forward: bool) {
        let Some(entity) = self.selected_entity() else {
            self.message = Some("select an entity first (2, then j/k)".into());
            return;
        };
        let mentions = &self.briefing.entities[entity].mentions;
        if mentions.is_empty() {
            return;
        }
        let top = self.text.wrapped.offset_of(&self.doc.text, self.text.top);
        // From the mention last visited, or else from the top of the view.
        let next = match (self.mention, forward) {
            (Some(i), true) => i + 1,
            (Some(i), false) => i.wrapping_sub(1),
            (None, true) => mentions.partition_point(|m| m.start < top),
            (None, false) => mentions.partition_point(|m| m.start < top).wrapping_sub(1),
        };
        let wrapped_around = next >= mentions.len();
        let next = if wrapped_around {
            if forward {
                0
            } else {
                mentions.len() - 1
            }
        } else {
            next
        };
        if wrapped_around && self.mention.is_some() {
            self.message = Some(if forward {
                "wrapped to the first mention".into()
            } else {
                "wrapped to the last mention".into()
            });
        }
        self.mention = Some(next);
        let offset = mentions[next].start;
        self.scroll_to(offset);
    }

    fn step_event(&mut self, delta: isize) {
        let len = self.timeline.items.len();
        if len == 0 {
            self.message = Some("the timeline is empty".into());
            return;
        }
        self.timeline.cursor.step(delta, len);
        self.follow_event();
    }

    fn follow_event(&mut self) {
        self.ensure_event_visible();
        if let Some(item) = self.selected_event().map(|i| &self.briefing.timeline[i]) {
            let offset = item.span.start;
            self.scroll_to(offset);
        }
    }

    fn step_year(&mut self, forward: bool) {
        let timeline = &self.briefing.timeline;
        let years: Vec<i32> = self
            .timeline
            .items
            .iter()
            .map(|&i| timeline[i].when.year)
            .collect();
        if years.is_empty() {
            return;
        }
        let current = self.timeline.cursor.selected;
        let target = match (current, forward) {
            (None, _) => Some(0),
            (Some(i), true) => years.iter().position(|&y| y > years[i]),
            (Some(i), false) => {
                // The first item of this year, or of the year before when already there.
                let first_of_year = years.iter().position(|&y| y == years[i]).unwrap_or(0);
                if first_of_year < i {
                    Some(first_of_year)
                } else {
                    years[..first_of_year]
                        .last()
                        .and_then(|&prev| years.iter().position(|&y| y == prev))
                }
            }
        };
        if let Some(t) = target {
            self.timeline.cursor.select(Some(t), years.len());
            self.follow_event();
        }
    }

    fn submit_search(&mut self) {
        let Some(query) = self.prompt.take() else {
            return;
        };
        if self.prompt_target != Pane::Text {
            self.set_filter(self.prompt_target, query);
            return;
        }
        if query.is_empty() {
            self.search = None;
            return;
        }
        let matches = match crate::search::find_query(&self.doc.text, &query) {
            Ok(matches) => matches,
            Err(message) => {
                self.message = Some(message);
                self.search = None;
                return;
            }
        };
        if matches.is_empty() {
            self.message = Some(format!("not found: {query}"));
            self.search = None;
            return;
        }
        self.search = Some(Search {
            query,
            matches,
            current: None,
        });
        self.step_search(true);
    }

    /// `n`/`N` with a search: the next match after the current one (or after the top of
    /// the view), wrapping around at the ends.
    fn step_search(&mut self, forward: bool) {
        let top = self.text.wrapped.offset_of(&self.doc.text, self.text.top);
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let len = search.matches.len();
        let next = match (search.current, forward) {
            (Some(i), true) => i + 1,
            (Some(i), false) => i.wrapping_sub(1),
            (None, true) => search.matches.partition_point(|m| m.start < top),
            (None, false) => search
                .matches
                .partition_point(|m| m.start < top)
                .wrapping_sub(1),
        };
        let next = if next >= len {
            self.message = Some(if forward {
                "search wrapped to the top".into()
            } else {
                "search wrapped to the bottom".into()
            });
            if forward {
                0
            } else {
                len - 1
            }
        } else {
            next
        };
        search.current = Some(next);
        let offset = search.matches[next].start;
        self.scroll_to(offset);
    }

    /// Filters a list pane; the selection stays on its item when it still shows.
    fn set_filter(&mut self, pane: Pane, query: String) {
        match pane {
            Pane::Text => {}
            Pane::Entities => {
                let selected = self.selected_entity();
                self.entities.filter = query;
                self.entities.detail = None;
                self.rebuild_entity_rows();
                let index = selected.and_then(|e| self.entities.items.iter().position(|&i| i == e));
                self.entities.cursor = ListCursor::default();
                self.entities
                    .cursor
                    .select(index, self.entities.items.len());
                if index.is_none() {
                    self.mention = None;
                }
                self.ensure_entity_visible();
            }
            Pane::Timeline => {
                let selected = self.selected_event();
                self.timeline.filter = query;
                self.rebuild_timeline_rows();
                let index = selected.and_then(|e| self.timeline.items.iter().position(|&i| i == e));
                self.timeline.cursor = ListCursor::default();
                self.timeline
                    .cursor
                    .select(index, self.timeline.items.len());
                self.ensure_event_visible();
            }
            Pane::Quotes => {
                self.quotes.filter = query;
                self.reorder_quotes();
            }
        }
    }

    /// The focused list's filter, if one is set.
    pub fn filter_of(&self, pane: Pane) -> &str {
        match pane {
            Pane::Text => "",
            Pane::Entities => &self.entities.filter,
            Pane::Timeline => &self.timeline.filter,
            Pane::Quotes => &self.quotes.filter,
        }
    }

    /// `e`: the Markdown briefing next to the file, atomically; an existing file is only
    /// replaced after a `y`.
    fn export(&mut self, overwrite: bool) {
        let Some(path) = crate::export::markdown_path(&self.doc.source) else {
            self.message = Some("standard input has no folder to write next to".into());
            return;
        };
        if self.extracting.is_some() {
            self.message = Some("the briefing is still being built".into());
            return;
        }
        if path.exists() && !overwrite {
            self.confirm = Some(path);
            return;
        }
        let markdown = crate::export::briefing_as_markdown(&self.doc, &self.briefing);
        self.message = Some(
            match crate::export::write_atomically(&path, markdown.as_bytes()) {
                Ok(()) => format!("wrote {}", path.display()),
                Err(e) => format!("could not write {}: {e}", path.display()),
            },
        );
    }

    /// The byte offset at the top of the text view (what a reopened file goes back to).
    pub fn top_offset(&self) -> usize {
        self.text.wrapped.offset_of(&self.doc.text, self.text.top)
    }

    /// Puts byte `offset` at the top of the text view.
    pub fn scroll_to_top(&mut self, offset: usize) {
        let top = self.text.wrapped.position_of(&self.doc.text, offset);
        self.text.top = self.clamp_top(top);
    }

    fn cancel(&mut self) {
        if self.confirm.take().is_some() {
            self.message = Some("not written".into());
            return;
        }
        if self.prompt.take().is_some() {
            return;
        }
        if !self.filter_of(self.focus).is_empty() {
            self.set_filter(self.focus, String::new());
            return;
        }
        if self.search.take().is_some() {
            return;
        }
        match self.focus {
            Pane::Text => {
                self.entities.cursor.selected = None;
                self.timeline.cursor.selected = None;
                self.quotes.cursor.selected = None;
                self.entities.detail = None;
                self.mention = None;
            }
            Pane::Entities if self.entities.detail.is_some() => self.entities.detail = None,
            Pane::Entities => {
                self.entities.cursor.selected = None;
                self.mention = None;
            }
            Pane::Timeline => self.timeline.cursor.selected = None,
            Pane::Quotes => self.quotes.cursor.selected = None,
        }
    }

    // ----- mouse

    fn click(&mut self, column: u16, row: u16) {
        if let Some(tabs) = self.layout.tabs {
            if row == tabs.y {
                let width = (tabs.width / Pane::ALL.len() as u16).max(1);
                let i = ((column.saturating_sub(tabs.x)) / width) as usize;
                self.set_focus(Pane::ALL[i.min(Pane::ALL.len() - 1)]);
                return;
            }
        }
        let Some(pane) = self.layout.pane_at(column, row) else {
            return;
        };
        self.set_focus(pane);
        let Some(rect) = self.layout.pane(pane) else {
            return;
        };
        // Rows inside the border.
        let Some(inner_row) = (row as usize).checked_sub(rect.y as usize + 1) else {
            return;
        };
        if inner_row + 2 > rect.height as usize {
            return;
        }
        match pane {
            Pane::Text => {
                let column = column.saturating_sub(rect.x + 1) as usize;
                if let Some(offset) = self.offset_at(inner_row, column) {
                    self.select_entity_at(offset);
                }
            }
            Pane::Entities => {
                if let Some(detail) = self.entities.detail {
                    // Row 0 is the entity's name; mentions follow.
                    let len = self
                        .selected_entity()
                        .map_or(0, |e| self.briefing.entities[e].mentions.len());
                    if let Some(m) = inner_row.checked_sub(1).map(|r| r + detail.offset) {
                        if m < len {
                            self.entities.detail = Some(ListCursor {
                                selected: Some(m),
                                ..detail
                            });
                            self.activate();
                        }
                    }
                    return;
                }
                let row = self.entities.cursor.offset + inner_row;
                if let Some(item) = self.entities.item_rows.iter().position(|&r| r == row) {
                    let len = self.entities.items.len();
                    self.entities.cursor.select(Some(item), len);
                    self.mention = None;
                }
            }
            Pane::Timeline => {
                let row = self.timeline.cursor.offset + inner_row;
                if let Some(item) = self.timeline.item_rows.iter().position(|&r| r == row) {
                    let len = self.timeline.items.len();
                    self.timeline.cursor.select(Some(item), len);
                    self.follow_event();
                }
            }
            Pane::Quotes => {
                let item = self.quotes.cursor.offset + inner_row / QUOTE_ROWS;
                if item < self.quotes.items.len() {
                    let len = self.quotes.items.len();
                    self.quotes.cursor.select(Some(item), len);
                    self.activate();
                }
            }
        }
    }

    fn scroll_at(&mut self, column: u16, row: u16, delta: isize) {
        match self.layout.pane_at(column, row) {
            Some(Pane::Text) | None => self.scroll_text(delta),
            Some(pane) => {
                let focus = self.focus;
                self.focus = pane;
                self.move_in_focus(delta.signum());
                self.focus = focus;
            }
        }
    }

    // ----- layout

    fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.relayout();
    }

    fn relayout(&mut self) {
        let offset = self.text.wrapped.offset_of(&self.doc.text, self.text.top);
        self.layout = layout::compute(self.size, self.focus, self.zoomed, self.text_percent);
        if let Some(rect) = self.layout.pane(Pane::Text) {
            let inner_width = rect.width.saturating_sub(2).max(1) as usize;
            self.text.height = rect.height.saturating_sub(2) as usize;
            self.text.wrapped.set_width(inner_width);
            // Keep the same text at the top across a re-wrap.
            let top = self.text.wrapped.position_of(&self.doc.text, offset);
            self.text.top = self.clamp_top(top);
        }
        self.ensure_entity_visible();
        self.ensure_event_visible();
        self.ensure_quote_visible();
    }

    fn ensure_entity_visible(&mut self) {
        let height = self.page_size(Pane::Entities);
        let view = &mut self.entities;
        scroll_grouped(&mut view.cursor, &view.item_rows, view.rows.len(), height);
    }

    fn ensure_event_visible(&mut self) {
        let height = self.page_size(Pane::Timeline);
        let view = &mut self.timeline;
        scroll_grouped(&mut view.cursor, &view.item_rows, view.rows.len(), height);
    }

    fn ensure_quote_visible(&mut self) {
        let height = self.page_size(Pane::Quotes);
        ensure_visible(&mut self.quotes.cursor, height);
    }

    // ----- entity and timeline rows

    fn toggle_entity_order(&mut self) {
        let selected = self.selected_entity();
        self.entities.order = match self.entities.order {
            EntityOrder::MostMentioned => EntityOrder::FirstMention,
            EntityOrder::FirstMention => EntityOrder::MostMentioned,
        };
        self.rebuild_entity_rows();
        let index = selected.and_then(|e| self.entities.items.iter().position(|&i| i == e));
        self.entities
            .cursor
            .select(index, self.entities.items.len());
        self.ensure_entity_visible();
        self.message = Some(match self.entities.order {
            EntityOrder::MostMentioned => "entities: most mentioned first".into(),
            EntityOrder::FirstMention => "entities: in order of first mention".into(),
        });
    }

    fn rebuild_entity_rows(&mut self) {
        let entities = &self.briefing.entities;
        let kind = self.entities.kind_filter;
        let filter = Filter::new(&self.entities.filter);
        let mut items: Vec<usize> = (0..entities.len())
            .filter(|&i| kind.is_none_or(|k| entities[i].kind == k))
            .filter(|&i| {
                filter.matches(&entities[i].name)
                    || entities[i]
                        .description
                        .as_deref()
                        .is_some_and(|d| filter.matches(d))
            })
            .collect();
        let first = |i: usize| entities[i].mentions.first().map_or(usize::MAX, |m| m.start);
        match self.entities.order {
            EntityOrder::MostMentioned => items.sort_by_key(|&i| {
                (
                    entities[i].kind,
                    std::cmp::Reverse(entities[i].mentions.len()),
                    first(i),
                )
            }),
            EntityOrder::FirstMention => items.sort_by_key(|&i| (entities[i].kind, first(i))),
        }
        let mut rows = Vec::new();
        let mut item_rows = Vec::new();
        let mut kind = None;
        for (n, &i) in items.iter().enumerate() {
            if kind != Some(entities[i].kind) {
                kind = Some(entities[i].kind);
                let count = items[n..]
                    .iter()
                    .take_while(|&&j| entities[j].kind == entities[i].kind)
                    .count();
                rows.push(GroupRow::Heading(entities[i].kind, count));
            }
            item_rows.push(rows.len());
            rows.push(GroupRow::Item(n));
        }
        self.entities.items = items;
        self.entities.rows = rows;
        self.entities.item_rows = item_rows;
    }

    fn cycle_entity_kind(&mut self) {
        let selected = self.selected_entity();
        let present: Vec<EntityKind> = EntityKind::ALL
            .into_iter()
            .filter(|k| self.briefing.entities.iter().any(|e| e.kind == *k))
            .collect();
        self.entities.kind_filter = match self.entities.kind_filter {
            None => present.first().copied(),
            Some(kind) => present
                .iter()
                .position(|k| *k == kind)
                .and_then(|i| present.get(i + 1).copied()),
        };
        self.entities.detail = None;
        self.rebuild_entity_rows();
        let index = selected.and_then(|e| self.entities.items.iter().position(|&i| i == e));
        self.entities.cursor = ListCursor::default();
        self.entities
            .cursor
            .select(index, self.entities.items.len());
        if index.is_none() {
            self.mention = None;
        }
        self.ensure_entity_visible();
        self.message = Some(match self.entities.kind_filter {
            Some(kind) => format!("showing {}", kind.heading().to_lowercase()),
            None => "showing every kind".into(),
        });
    }

    /// The byte offset drawn at a cell of the text pane (row and column inside its border).
    fn offset_at(&self, row: usize, column: usize) -> Option<usize> {
        use unicode_segmentation::UnicodeSegmentation;
        let text = &self.doc.text;
        let rows = self.text.wrapped.rows_from(text, self.text.top, row + 1);
        let row = rows.get(row).filter(|r| !r.is_gap)?;
        let mut x = 0;
        for (at, grapheme) in row.span.slice(text).grapheme_indices(true) {
            x += crate::sanitize::grapheme_width(grapheme);
            if x > column {
                return Some(row.span.start + at);
            }
        }
        None
    }

    /// A click on a mention selects its entity (shown even when filtered out of the list).
    fn select_entity_at(&mut self, offset: usize) {
        let entities = &self.briefing.entities;
        let Some(entity) = (0..entities.len()).find(|&e| {
            let mentions = &entities[e].mentions;
            let i = mentions.partition_point(|m| m.end <= offset);
            mentions.get(i).is_some_and(|m| m.contains(offset))
        }) else {
            return;
        };
        if !self.entities.items.contains(&entity) {
            self.entities.filter.clear();
            self.entities.kind_filter = None;
            self.rebuild_entity_rows();
        }
        let name = self.briefing.entities[entity].name.clone();
        self.select_entity_named(&name);
        let mentions = &self.briefing.entities[entity].mentions;
        self.mention = Some(mentions.partition_point(|m| m.end <= offset));
        self.message = Some(format!(
            "{name}: {} mentions (n/N step through them)",
            mentions.len()
        ));
    }

    /// Selects the entity with this canonical name, if it is listed.
    fn select_entity_named(&mut self, name: &str) {
        let entities = &self.briefing.entities;
        if let Some(index) = self
            .entities
            .items
            .iter()
            .position(|&e| entities[e].name == name)
        {
            if self.selected_entity() != Some(self.entities.items[index]) {
                self.entities
                    .cursor
                    .select(Some(index), self.entities.items.len());
                self.entities.detail = None;
                self.mention = None;
                self.ensure_entity_visible();
            }
        }
    }

    fn rebuild_quote_items(&mut self) {
        let quotes = &self.briefing.quotes;
        self.quotes.speech = quotes.iter().filter(|q| q.is_speech()).count();
        self.quotes.terms = quotes.len() - self.quotes.speech;
        self.reorder_quotes();
        self.quotes.cursor = ListCursor::default();
    }

    /// Speech first (in text order, or speaker by speaker), then terms unless hidden; the
    /// selected quotation stays selected.
    fn reorder_quotes(&mut self) {
        let selected = self.selected_quote();
        let quotes = &self.briefing.quotes;
        let mut items: Vec<usize> = if self.quotes.grouped {
            crate::extract::quotes::group_by_speaker(quotes)
                .into_iter()
                .flat_map(|g| g.quotes)
                .filter(|&i| quotes[i].is_speech())
                .collect()
        } else {
            (0..quotes.len())
                .filter(|&i| quotes[i].is_speech())
                .collect()
        };
        if !self.quotes.hide_terms {
            items.extend((0..quotes.len()).filter(|&i| !quotes[i].is_speech()));
        }
        let filter = Filter::new(&self.quotes.filter);
        let text = &self.doc.text;
        items.retain(|&i| {
            filter.matches(quotes[i].span.slice(text))
                || quotes[i]
                    .speaker
                    .as_ref()
                    .is_some_and(|s| filter.matches(&s.name))
        });
        self.quotes.items = items;
        let index = selected.and_then(|q| self.quotes.items.iter().position(|&i| i == q));
        self.quotes.cursor.select(index, self.quotes.items.len());
        self.ensure_quote_visible();
    }

    fn rebuild_timeline_rows(&mut self) {
        let timeline = &self.briefing.timeline;
        let text = &self.doc.text;
        let filter = Filter::new(&self.timeline.filter);
        let items: Vec<usize> = (0..timeline.len())
            .filter(|&i| {
                filter.matches(&timeline[i].label)
                    || filter.matches(timeline[i].sentence.slice(text))
            })
            .collect();
        let mut rows = Vec::new();
        let mut item_rows = Vec::new();
        let mut year = None;
        for (n, &i) in items.iter().enumerate() {
            let item_year = timeline[i].when.year;
            if year != Some(item_year) {
                year = Some(item_year);
                let count = items[n..]
                    .iter()
                    .take_while(|&&j| timeline[j].when.year == item_year)
                    .count();
                rows.push(GroupRow::Heading(item_year, count));
            }
            item_rows.push(rows.len());
            rows.push(GroupRow::Item(n));
        }
        self.timeline.items = items;
        self.timeline.rows = rows;
        self.timeline.item_rows = item_rows;
    }

    /// Spans to highlight in the text, for the Text pane.
    pub fn highlighted_mentions(&self) -> &[Span] {
        self.selected_entity()
            .map_or(&[], |e| self.briefing.entities[e].mentions.as_slice())
    }
}
