//! Colours and emphasis. With `NO_COLOR` set (and not empty) every highlight falls back to
//! bold, underline and reverse video, so the panes still read on a monochrome terminal.

use ratatui::style::{Color, Modifier, Style};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub heading: Style,
    pub dim: Style,
    pub selected: Style,
    pub mention: Style,
    pub search: Style,
    pub current_mention: Style,
    pub event_sentence: Style,
    pub event_date: Style,
    pub quote: Style,
    pub speaker: Style,
    pub control: Style,
    pub status: Style,
    pub status_focus: Style,
    pub tab: Style,
    pub tab_focused: Style,
}

impl Theme {
    /// Colours chosen to read on dark and light backgrounds alike (ANSI colours the
    /// terminal's own palette adapts).
    pub fn dark() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(Color::Cyan).add_modifier(bold),
            title: Style::new().add_modifier(bold),
            heading: Style::new().fg(Color::Yellow).add_modifier(bold),
            dim: Style::new().fg(Color::DarkGray),
            selected: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(bold),
            mention: Style::new().bg(Color::Yellow).fg(Color::Black),
            search: Style::new().bg(Color::Green).fg(Color::Black),
            current_mention: Style::new()
                .bg(Color::LightRed)
                .fg(Color::Black)
                .add_modifier(bold),
            event_sentence: Style::new().add_modifier(Modifier::UNDERLINED),
            event_date: Style::new()
                .fg(Color::Cyan)
                .add_modifier(bold | Modifier::UNDERLINED),
            quote: Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC),
            speaker: Style::new()
                .fg(Color::Magenta)
                .add_modifier(bold | Modifier::UNDERLINED),
            control: Style::new().fg(Color::Red),
            status: Style::new().bg(Color::DarkGray).fg(Color::White),
            status_focus: Style::new()
                .bg(Color::Cyan)
                .fg(Color::Black)
                .add_modifier(bold),
            tab: Style::new().fg(Color::DarkGray),
            tab_focused: Style::new()
                .fg(Color::Cyan)
                .add_modifier(bold | Modifier::UNDERLINED),
        }
    }

    /// For terminals with a light background: darker foregrounds, pale highlights.
    pub fn light() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            border: Style::new().fg(Color::Gray),
            border_focused: Style::new().fg(Color::Blue).add_modifier(bold),
            heading: Style::new().fg(Color::Magenta).add_modifier(bold),
            dim: Style::new().fg(Color::Gray),
            selected: Style::new()
                .bg(Color::LightBlue)
                .fg(Color::Black)
                .add_modifier(bold),
            mention: Style::new().bg(Color::LightYellow).fg(Color::Black),
            search: Style::new().bg(Color::LightGreen).fg(Color::Black),
            event_date: Style::new()
                .fg(Color::Blue)
                .add_modifier(bold | Modifier::UNDERLINED),
            quote: Style::new().fg(Color::Green).add_modifier(Modifier::ITALIC),
            status: Style::new().bg(Color::Gray).fg(Color::Black),
            status_focus: Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(bold),
            tab_focused: Style::new()
                .fg(Color::Blue)
                .add_modifier(bold | Modifier::UNDERLINED),
            ..Theme::dark()
        }
    }

    pub fn monochrome() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        let underline = Style::new().add_modifier(Modifier::UNDERLINED);
        Theme {
            border: Style::new(),
            border_focused: bold,
            title: bold,
            heading: bold,
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: reverse,
            mention: reverse,
            search: reverse.add_modifier(Modifier::UNDERLINED),
            current_mention: reverse.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            event_sentence: underline,
            event_date: bold.add_modifier(Modifier::UNDERLINED),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            speaker: bold.add_modifier(Modifier::UNDERLINED),
            control: bold,
            status: reverse,
            status_focus: bold,
            tab: Style::new(),
            tab_focused: bold.add_modifier(Modifier::UNDERLINED),
        }
    }
}
