//! Where each pane goes: side by side when the screen is wide, one at a time with a tab bar
//! when it is narrow.

use ratatui::layout::{Constraint, Direction, Layout, Rect};
use serde::{Deserialize, Serialize};

/// The four panes, in focus order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Pane {
    Text,
    Entities,
    Timeline,
    Quotes,
}

impl Pane {
    pub const ALL: [Pane; 4] = [Pane::Text, Pane::Entities, Pane::Timeline, Pane::Quotes];

    pub fn name(self) -> &'static str {
        match self {
            Pane::Text => "Text",
            Pane::Entities => "Entities",
            Pane::Timeline => "Timeline",
            Pane::Quotes => "Quotes",
        }
    }

    pub fn index(self) -> usize {
        Pane::ALL.iter().position(|&p| p == self).unwrap_or(0)
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self.index() + 1) % Pane::ALL.len()]
    }

    pub fn prev(self) -> Pane {
        Pane::ALL[(self.index() + Pane::ALL.len() - 1) % Pane::ALL.len()]
    }
}

/// Below this width the panes are shown one at a time.
pub const NARROW_WIDTH: u16 = 60;
/// Below this size nothing useful fits: the screen says so instead.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;

/// The rectangles of one frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScreenLayout {
    /// The tab bar, in the narrow layout only.
    pub tabs: Option<Rect>,
    /// Each pane's rectangle (with its border), or `None` when it is not shown.
    pub panes: [Option<Rect>; 4],
    pub status: Rect,
    /// Too small to draw panes.
    pub too_small: bool,
}

impl ScreenLayout {
    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane.index()]
    }

    /// The pane under a screen cell.
    pub fn pane_at(&self, column: u16, row: u16) -> Option<Pane> {
        Pane::ALL.into_iter().find(|&p| {
            self.pane(p).is_some_and(|r| {
                column >= r.x && column < r.right() && row >= r.y && row < r.bottom()
            })
        })
    }
}

/// Lays out a screen of `area`; `focus` is the one pane shown when the screen is narrow or
/// the focused pane is zoomed.
pub fn compute(area: Rect, focus: Pane, zoomed: bool, text_percent: u16) -> ScreenLayout {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        return ScreenLayout {
            status: area,
            too_small: true,
            ..ScreenLayout::default()
        };
    }
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let mut layout = ScreenLayout {
        status,
        ..ScreenLayout::default()
    };
    if area.width < NARROW_WIDTH || zoomed {
        let [tabs, body] =
            Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(main);
        layout.tabs = Some(tabs);
        layout.panes[focus.index()] = Some(body);
        return layout;
    }
    let text_percent = text_percent.clamp(20, 85);
    let [text, side] = Layout::horizontal([
        Constraint::Percentage(text_percent),
        Constraint::Percentage(100 - text_percent),
    ])
    .areas(main);
    let side_panes = Layout::default()
        .direction(Direction::Vertical)
        .constraints([
            Constraint::Percentage(40),
            Constraint::Percentage(30),
            Constraint::Percentage(30),
        ])
        .split(side);
    layout.panes = [
        Some(text),
        Some(side_panes[0]),
        Some(side_panes[1]),
        Some(side_panes[2]),
    ];
    layout
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_every_pane_and_narrow_ones_the_focused() {
        let wide = compute(Rect::new(0, 0, 120, 40), Pane::Text, false, 58);
        assert!(Pane::ALL.iter().all(|&p| wide.pane(p).is_some()));
        let narrow = compute(Rect::new(0, 0, 50, 20), Pane::Quotes, false, 58);
        assert!(narrow.tabs.is_some());
        assert_eq!(narrow.pane(Pane::Text), None);
        assert!(narrow.pane(Pane::Quotes).is_some());
    }

    #[test]
    fn tiny_screens_are_too_small_not_a_panic() {
        for w in 0..25 {
            for h in 0..8 {
                let _ = compute(Rect::new(0, 0, w, h), Pane::Text, w % 2 == 0, 58);
            }
        }
        assert!(compute(Rect::new(0, 0, 1, 1), Pane::Text, false, 58).too_small);
        let zoomed = compute(Rect::new(0, 0, 120, 40), Pane::Entities, true, 58);
        assert_eq!(zoomed.pane(Pane::Text), None);
        assert_eq!(zoomed.pane(Pane::Entities).unwrap().width, 120);
    }
}
