//! The one table of key bindings: it dispatches keys, draws the help overlay and the hints.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::layout::Pane;

/// A key as the table names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// One binding: the keys, what they do, and the words the help shows.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub label: &'static str,
    pub help: &'static str,
}

pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[key(KeyCode::Tab)],
        action: Action::FocusNext,
        label: "Tab",
        help: "next pane",
    },
    Binding {
        keys: &[key(KeyCode::BackTab)],
        action: Action::FocusPrev,
        label: "S-Tab",
        help: "previous pane",
    },
    Binding {
        keys: &[ch('1')],
        action: Action::Focus(Pane::Text),
        label: "1",
        help: "Text pane",
    },
    Binding {
        keys: &[ch('2')],
        action: Action::Focus(Pane::Entities),
        label: "2",
        help: "Entities pane",
    },
    Binding {
        keys: &[ch('3')],
        action: Action::Focus(Pane::Timeline),
        label: "3",
        help: "Timeline pane",
    },
    Binding {
        keys: &[ch('4')],
        action: Action::Focus(Pane::Quotes),
        label: "4",
        help: "Quotes pane",
    },
    Binding {
        keys: &[ch('j'), key(KeyCode::Down)],
        action: Action::Down,
        label: "j ↓",
        help: "scroll down / next item",
    },
    Binding {
        keys: &[ch('k'), key(KeyCode::Up)],
        action: Action::Up,
        label: "k ↑",
        help: "scroll up / previous item",
    },
    Binding {
        keys: &[key(KeyCode::PageDown), ch(' '), ctrl('f')],
        action: Action::PageDown,
        label: "PgDn Space",
        help: "page down",
    },
    Binding {
        keys: &[key(KeyCode::PageUp), ch('b'), ctrl('b')],
        action: Action::PageUp,
        label: "PgUp b",
        help: "page up",
    },
    Binding {
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        label: "C-d",
        help: "half page down",
    },
    Binding {
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        label: "C-u",
        help: "half page up",
    },
    Binding {
        keys: &[ch('g'), key(KeyCode::Home)],
        action: Action::Top,
        label: "g Home",
        help: "top",
    },
    Binding {
        keys: &[ch('G'), key(KeyCode::End)],
        action: Action::Bottom,
        label: "G End",
        help: "bottom",
    },
    Binding {
        keys: &[key(KeyCode::Enter)],
        action: Action::Activate,
        label: "Enter",
        help: "jump to the item in the text",
    },
    Binding {
        keys: &[ch('n')],
        action: Action::NextMatch,
        label: "n",
        help: "next search match / mention of the entity",
    },
    Binding {
        keys: &[ch('N')],
        action: Action::PrevMatch,
        label: "N",
        help: "previous match / mention",
    },
    Binding {
        keys: &[ch(']')],
        action: Action::NextEvent,
        label: "]",
        help: "next timeline event",
    },
    Binding {
        keys: &[ch('[')],
        action: Action::PrevEvent,
        label: "[",
        help: "previous timeline event",
    },
    Binding {
        keys: &[ch('}')],
        action: Action::NextYear,
        label: "}",
        help: "next year on the timeline",
    },
    Binding {
        keys: &[ch('{')],
        action: Action::PrevYear,
        label: "{",
        help: "previous year",
    },
    Binding {
        keys: &[ch('s')],
        action: Action::ToggleEntityOrder,
        label: "s",
        help: "entities by count / first mention",
    },
    Binding {
        keys: &[ch('/')],
        action: Action::StartSearch,
        label: "/",
        help: "search the text (Enter: go, Esc: clear)",
    },
    Binding {
        keys: &[ch('?'), key(KeyCode::F(1))],
        action: Action::ToggleHelp,
        label: "?",
        help: "this help",
    },
    Binding {
        keys: &[key(KeyCode::Esc)],
        action: Action::Cancel,
        label: "Esc",
        help: "close help / clear selection",
    },
    Binding {
        keys: &[ch('q'), ctrl('c')],
        action: Action::Quit,
        label: "q C-c",
        help: "quit",
    },
];

/// The action bound to a key press, if any.
pub fn action_for(event: KeyEvent) -> Option<Action> {
    let ctrl_held = event.modifiers.contains(KeyModifiers::CONTROL);
    #[cfg(debug_assertions)]
    if event.code == KeyCode::F(12)
        && ctrl_held
        && std::env::var_os("BRIEF_DEBUG_PANIC_KEY").is_some()
    {
        return Some(Action::DebugPanic);
    }
    BINDINGS
        .iter()
        .find(|b| {
            b.keys.iter().any(|k| {
                // Shifted letters arrive as upper-case chars; shift itself is not part of a key.
                k.code == event.code && k.ctrl == ctrl_held
            })
        })
        .map(|b| b.action)
}

/// Keys while the search prompt is open: text goes into the query.
pub fn prompt_action_for(event: KeyEvent) -> Option<Action> {
    let ctrl_held = event.modifiers.contains(KeyModifiers::CONTROL);
    match event.code {
        KeyCode::Char('c') if ctrl_held => Some(Action::Quit),
        KeyCode::Char(c) if !ctrl_held => Some(Action::PromptChar(c)),
        KeyCode::Backspace => Some(Action::PromptBackspace),
        KeyCode::Enter => Some(Action::PromptSubmit),
        KeyCode::Esc => Some(Action::Cancel),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_actions() {
        let press = |code, modifiers| action_for(KeyEvent::new(code, modifiers));
        assert_eq!(
            press(KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(
            press(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            press(KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(press(KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in BINDINGS {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} bound twice");
                seen.push(*k);
            }
        }
    }
}
