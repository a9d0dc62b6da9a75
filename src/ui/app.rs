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
}

/// The Timeline pane's state: items are timeline indices (already in date order).
#[derive(Debug, Default)]
pub struct TimelineView {
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
    pub quotes: ListCursor,
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
    /// The search query being typed, while the prompt is open.
    pub prompt: Option<String>,
    /// The last search and its matches.
    pub search: Option<Search>,
    /// The focused pane fills the screen.
    pub zoomed: bool,
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
        let line_starts = std::iter::once(0)
            .chain(doc.text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let text = TextView {
            wrapped: WrappedText::new(&doc),
            line_starts,
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
            quotes: ListCursor::default(),
            mention: None,
            show_help: false,
            should_quit: false,
            message: None,
            notice: None,
            extracting: None,
            prompt: None,
            search: None,
            zoomed: false,
            mouse_capture: true,
            text_percent: 58,
        };
        app.rebuild_entity_rows();
        app.rebuild_timeline_rows();
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
            Action::StartSearch => self.prompt = Some(String::new()),
            Action::PromptChar(c) => {
                if let Some(p) = self.prompt.as_mut() {
                    p.push(c);
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
        self.entities.cursor = ListCursor::default();
        self.timeline.cursor = ListCursor::default();
        self.quotes = ListCursor::default();
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
        self.timeline.cursor.selected
    }

    pub fn selected_quote(&self) -> Option<usize> {
        self.quotes.selected
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
                self.entities.cursor.step(delta, self.entities.items.len());
                self.mention = None;
                self.ensure_entity_visible();
            }
            Pane::Timeline => self.step_event(delta),
            Pane::Quotes => {
                self.quotes.step(delta, self.briefing.quotes.len());
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
            Pane::Entities => {
                if self.selected_entity().is_none() {
                    self.entities.cursor.step(0, self.entities.items.len());
                }
                self.mention = None;
                self.step_mention(true);
            }
            Pane::Timeline => {
                if self.timeline.cursor.selected.is_none() {
                    self.step_event(0);
                } else if let Some(i) = self.selected_event() {
                    let offset = self.briefing.timeline[i].span.start;
                    self.scroll_to(offset);
                }
            }
            Pane::Quotes => {
                if self.quotes.selected.is_none() {
                    self.quotes.step(0, self.briefing.quotes.len());
                }
                if let Some(quote) = self.selected_quote().map(|i| &self.briefing.quotes[i]) {
                    let offset = quote.span.start;
                    self.scroll_to(offset);
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
        let len = self.briefing.timeline.len();
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
        if timeline.is_empty() {
            return;
        }
        let current = self.timeline.cursor.selected;
        let year = current.map(|i| timeline[i].when.year);
        let target = if forward {
            match year {
                None => Some(0),
                Some(y) => timeline.iter().position(|t| t.when.year > y),
            }
        } else {
            match (current, year) {
                (None, _) | (_, None) => Some(0),
                (Some(i), Some(y)) => {
                    // The first item of this year, or of the year before when already there.
                    let first_of_year = timeline.iter().position(|t| t.when.year == y).unwrap_or(0);
                    if first_of_year < i {
                        Some(first_of_year)
                    } else {
                        timeline[..first_of_year]
                            .last()
                            .map(|prev| prev.when.year)
                            .and_then(|py| timeline.iter().position(|t| t.when.year == py))
                    }
                }
            }
        };
        if let Some(t) = target {
            self.timeline.cursor.select(Some(t), timeline.len());
            self.follow_event();
        }
    }

    fn submit_search(&mut self) {
        let Some(query) = self.prompt.take() else {
            return;
        };
        if query.is_empty() {
            self.search = None;
            return;
        }
        let options = crate::search::SearchOptions::smart(&query);
        let matches = crate::search::find_all(&self.doc.text, &query, options);
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

    fn cancel(&mut self) {
        if self.prompt.take().is_some() {
            return;
        }
        if self.search.take().is_some() {
            return;
        }
        match self.focus {
            Pane::Text => {
                self.entities.cursor.selected = None;
                self.timeline.cursor.selected = None;
                self.quotes.selected = None;
                self.mention = None;
            }
            Pane::Entities => {
                self.entities.cursor.selected = None;
                self.mention = None;
            }
            Pane::Timeline => self.timeline.cursor.selected = None,
            Pane::Quotes => self.quotes.selected = None,
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
            Pane::Text => {}
            Pane::Entities => {
                let row = self.entities.cursor.offset + inner_row;
                if let Some(item) = self.entities.item_rows.iter().position(|&r| r == row) {
                    self.entities
                        .cursor
                        .select(Some(item), self.entities.items.len());
                    self.mention = None;
                }
            }
            Pane::Timeline => {
                let row = self.timeline.cursor.offset + inner_row;
                if let Some(item) = self.timeline.item_rows.iter().position(|&r| r == row) {
                    self.timeline
                        .cursor
                        .select(Some(item), self.briefing.timeline.len());
                    self.follow_event();
                }
            }
            Pane::Quotes => {
                let item = self.quotes.offset + inner_row / QUOTE_ROWS;
                if item < self.briefing.quotes.len() {
                    self.quotes.select(Some(item), self.briefing.quotes.len());
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
        let row = self
            .entities
            .cursor
            .selected
            .and_then(|i| self.entities.item_rows.get(i).copied());
        let offset = &mut self.entities.cursor.offset;
        if let Some(row) = row {
            // Show the group heading above the first item of a group.
            let want_top = row.saturating_sub(1);
            if want_top < *offset {
                *offset = want_top;
            } else if row >= *offset + height {
                *offset = row + 1 - height;
            }
        }
        *offset = (*offset).min(self.entities.rows.len().saturating_sub(height));
    }

    fn ensure_event_visible(&mut self) {
        let height = self.page_size(Pane::Timeline);
        let row = self
            .timeline
            .cursor
            .selected
            .and_then(|i| self.timeline.item_rows.get(i).copied());
        let offset = &mut self.timeline.cursor.offset;
        if let Some(row) = row {
            let want_top = row.saturating_sub(1);
            if want_top < *offset {
                *offset = want_top;
            } else if row >= *offset + height {
                *offset = row + 1 - height;
            }
        }
        *offset = (*offset).min(self.timeline.rows.len().saturating_sub(height));
    }

    fn ensure_quote_visible(&mut self) {
        let height = self.page_size(Pane::Quotes);
        if let Some(selected) = self.quotes.selected {
            if selected < self.quotes.offset {
                self.quotes.offset = selected;
            } else if selected >= self.quotes.offset + height {
                self.quotes.offset = selected + 1 - height;
            }
        }
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
        let mut items: Vec<usize> = (0..entities.len()).collect();
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

    fn rebuild_timeline_rows(&mut self) {
        let timeline = &self.briefing.timeline;
        let mut rows = Vec::new();
        let mut item_rows = Vec::new();
        let mut year = None;
        for (i, item) in timeline.iter().enumerate() {
            if year != Some(item.when.year) {
                year = Some(item.when.year);
                let count = timeline[i..]
                    .iter()
                    .take_while(|t| t.when.year == item.when.year)
                    .count();
                rows.push(GroupRow::Heading(item.when.year, count));
            }
            item_rows.push(rows.len());
            rows.push(GroupRow::Item(i));
        }
        self.timeline.rows = rows;
        self.timeline.item_rows = item_rows;
    }

    /// Spans to highlight in the text, for the Text pane.
    pub fn highlighted_mentions(&self) -> &[Span] {
        self.selected_entity()
            .map_or(&[], |e| self.briefing.entities[e].mentions.as_slice())
    }
}
