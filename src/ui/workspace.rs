//! Several articles open at once: one [`App`] per document, a switcher and a picker, and a
//! view of the entities across all of them. Actions that are not about documents go to the
//! article being read.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use crate::extract::entities::EntityKind;
use crate::sanitize::for_display;

use super::action::Action;
use super::app::{App, ListCursor};
use super::truncate;

/// What overlay the workspace shows over the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    /// The list of open documents.
    Picker(ListCursor),
    /// Entities across every document, with the documents that name them.
    AllEntities(ListCursor),
}

/// An entity as the all-documents view lists it: one row per name and kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedEntity {
    pub name: String,
    pub kind: EntityKind,
    /// Indices of the documents that mention it, with their mention counts.
    pub documents: Vec<(usize, usize)>,
}

pub struct Workspace {
    pub docs: Vec<App>,
    pub current: usize,
    pub overlay: Option<Overlay>,
    /// [`Workspace::shared_entities`] as last built, with the briefings it was built from
    /// (their sizes): a keypress in the overlay does not regroup every entity again.
    shared: RefCell<Option<SharedCache>>,
}

/// The sizes of the briefings the entity list was built from, and the list.
type SharedCache = (Vec<(usize, usize)>, Rc<Vec<SharedEntity>>);

impl Workspace {
    pub fn new(docs: Vec<App>) -> Workspace {
        let mut workspace = Workspace {
            docs,
            current: 0,
            overlay: None,
            shared: RefCell::new(None),
        };
        workspace.label_documents();
        workspace
    }

    pub fn app(&self) -> &App {
        &self.docs[self.current]
    }

    pub fn app_mut(&mut self) -> &mut App {
        &mut self.docs[self.current]
    }

    pub fn should_quit(&self) -> bool {
        self.docs.iter().any(|d| d.should_quit)
    }

    /// Routes an action: document switching here, everything else to the current article.
    pub fn update(&mut self, action: Action) {
        if let Some(overlay) = self.overlay {
            self.update_overlay(overlay, action);
            return;
        }
        match action {
            Action::NextDocument => self.switch(1),
            Action::PrevDocument => self.switch(-1),
            Action::OpenPicker => {
                self.overlay = Some(Overlay::Picker(ListCursor {
                    selected: Some(self.current),
                    offset: 0,
                }))
            }
            Action::AllEntities => {
                self.overlay = Some(Overlay::AllEntities(ListCursor {
                    selected: Some(0),
                    offset: 0,
                }))
            }
            // Every document keeps the screen size, so switching needs no re-layout.
            Action::Resize { .. } => self.docs.iter_mut().for_each(|d| d.update(action)),
            action => self.app_mut().update(action),
        }
    }

    fn update_overlay(&mut self, overlay: Overlay, action: Action) {
        let (mut cursor, len) = match overlay {
            Overlay::Picker(c) => (c, self.docs.len()),
            Overlay::AllEntities(c) => (c, self.shared_entities().len()),
        };
        let height = (self.app().size.height as usize).saturating_sub(6).max(1);
        let step = |cursor: &mut ListCursor, delta: isize| {
            let next = cursor
                .selected
                .unwrap_or(0)
                .saturating_add_signed(delta)
                .min(len.saturating_sub(1));
            cursor.selected = Some(next);
            if next < cursor.offset {
                cursor.offset = next;
            } else if next >= cursor.offset + height {
                cursor.offset = next + 1 - height;
            }
        };
        match action {
            Action::Down => step(&mut cursor, 1),
            Action::Up => step(&mut cursor, -1),
            Action::PageDown => step(&mut cursor, height as isize),
            Action::PageUp => step(&mut cursor, -(height as isize)),
            Action::Top => step(&mut cursor, -(len as isize)),
            Action::Bottom => step(&mut cursor, len as isize),
            Action::Activate => {
                self.overlay = None;
                if let (Overlay::Picker(_), Some(i)) = (overlay, cursor.selected) {
                    self.current = i.min(self.docs.len() - 1);
                }
                return;
            }
            Action::Quit => {
                self.app_mut().update(Action::Quit);
                return;
            }
            Action::Resize { .. } => {
                self.docs.iter_mut().for_each(|d| d.update(action));
                return;
            }
            _ => {
                // Esc, or the key that opened it: close.
                self.overlay = None;
                return;
            }
        }
        self.overlay = Some(match overlay {
            Overlay::Picker(_) => Overlay::Picker(cursor),
            Overlay::AllEntities(_) => Overlay::AllEntities(cursor),
        });
    }

    fn switch(&mut self, delta: isize) {
        if self.docs.len() < 2 {
            self.app_mut().message = Some("only one document is open".into());
            return;
        }
        let n = self.docs.len() as isize;
        self.current = ((self.current as isize + delta).rem_euclid(n)) as usize;
    }

    /// Each app shows which document of how many it is.
    fn label_documents(&mut self) {
        let total = self.docs.len();
        if total < 2 {
            return;
        }
        for (i, app) in self.docs.iter_mut().enumerate() {
            app.document_label = Some(format!("doc {}/{total}", i + 1));
        }
    }

    /// A document's name for the lists: its title, else its file name.
    pub fn document_name(&self, i: usize) -> String {
        let app = &self.docs[i];
        let file = std::path::Path::new(&app.doc.source)
            .file_name()
            .map_or(app.doc.source.clone(), |f| f.to_string_lossy().into_owned());
        match &app.briefing.title {
            Some(title) => format!("{title} ({file})"),
            None => file,
        }
    }

    /// People, organizations, places and the like across all documents (dates and numbers
    /// left out), the most widely named first. Built again only when a briefing changed.
    pub fn shared_entities(&self) -> Rc<Vec<SharedEntity>> {
        let built_from: Vec<(usize, usize)> = self
            .docs
            .iter()
            .map(|app| (app.briefing.stats.bytes, app.briefing.entities.len()))
            .collect();
        let mut cache = self.shared.borrow_mut();
        if let Some((from, shared)) = cache.as_ref() {
            if *from == built_from {
                return Rc::clone(shared);
            }
        }
        let shared = Rc::new(self.group_entities());
        *cache = Some((built_from, Rc::clone(&shared)));
        shared
    }

    fn group_entities(&self) -> Vec<SharedEntity> {
        let mut by_key: BTreeMap<(EntityKind, String), SharedEntity> = BTreeMap::new();
        for (d, app) in self.docs.iter().enumerate() {
            for e in &app.briefing.entities {
                if matches!(
                    e.kind,
                    EntityKind::Date
                        | EntityKind::Money
                        | EntityKind::Percent
                        | EntityKind::Quantity
                ) {
                    continue;
                }
                let entry = by_key
                    .entry((e.kind, e.name.to_lowercase()))
                    .or_insert_with(|| SharedEntity {
                        name: e.name.clone(),
                        kind: e.kind,
                        documents: Vec::new(),
                    });
                entry.documents.push((d, e.mentions.len()));
            }
        }
        let mut shared: Vec<SharedEntity> = by_key.into_values().collect();
        shared.sort_by_key(|s| {
            (
                std::cmp::Reverse(s.documents.len()),
                std::cmp::Reverse(s.documents.iter().map(|d| d.1).sum::<usize>()),
                s.name.clone(),
            )
        });
        shared
    }

    /// Draws the current article and any overlay.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        super::render(self.app(), area, buf);
        match self.overlay {
            Some(Overlay::Picker(cursor)) => self.draw_picker(cursor, area, buf),
            Some(Overlay::AllEntities(cursor)) => self.draw_all_entities(cursor, area, buf),
            None => {}
        }
    }

    fn popup(area: Rect, title: &str, buf: &mut Buffer, theme: &super::theme::Theme) -> Rect {
        let width = (area.width * 4 / 5).max(area.width.min(20));
        let height = (area.height * 4 / 5).max(area.height.min(5));
        let popup = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
        Clear.render(popup, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(format!(" {title} "));
        let inner = block.inner(popup);
        block.render(popup, buf);
        inner
    }

    fn draw_picker(&self, cursor: ListCursor, area: Rect, buf: &mut Buffer) {
        let theme = &self.app().theme;
        let inner = Workspace::popup(area, "documents · Enter opens · Esc closes", buf, theme);
        let width = inner.width as usize;
        let lines: Vec<Line> = (0..self.docs.len())
            .skip(cursor.offset)
            .take(inner.height as usize)
            .map(|i| {
                let marker = if i == self.current { "▸ " } else { "  " };
                let (entities, quotes) = (
                    self.docs[i].briefing.entities.len(),
                    self.docs[i].briefing.quotes.len(),
                );
                let counts = format!(
                    "  {entities} entit{} · {quotes} quote{}",
                    if entities == 1 { "y" } else { "ies" },
                    if quotes == 1 { "" } else { "s" }
                );
                let name = truncate(
                    &for_display(&self.document_name(i)),
                    width.saturating_sub(counts.chars().count() + 2),
                );
                let line = Line::from(vec![
                    Span::raw(marker),
                    Span::raw(name),
                    Span::styled(counts, theme.dim),
                ]);
                if cursor.selected == Some(i) {
                    line.style(theme.selected)
                } else {
                    line
                }
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }

    fn draw_all_entities(&self, cursor: ListCursor, area: Rect, buf: &mut Buffer) {
        let theme = &self.app().theme;
        let inner = Workspace::popup(area, "entities in all documents · Esc closes", buf, theme);
        let width = inner.width as usize;
        let shared = self.shared_entities();
        if shared.is_empty() {
            Paragraph::new(Line::styled("no entities yet", theme.dim)).render(inner, buf);
            return;
        }
        let lines: Vec<Line> = shared
            .iter()
            .enumerate()
            .skip(cursor.offset)
            .take(inner.height as usize)
            .map(|(i, s)| {
                let docs = s
                    .documents
                    .iter()
                    .map(|(d, n)| format!("{} ×{n}", d + 1))
                    .collect::<Vec<_>>()
                    .join(", ");
                let head = format!("{} · {}", for_display(&s.name), s.kind.heading());
                let head = truncate(&head, width / 2);
                let room = width.saturating_sub(head.chars().count() + 3);
                let line = Line::from(vec![
                    Span::raw(head),
                    Span::styled(format!("  docs {}", truncate(&docs, room)), theme.dim),
                ]);
                if cursor.selected == Some(i) {
                    line.style(theme.selected)
                } else {
                    line
                }
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}
