//! The one table of key bindings: it dispatches keys, draws the help overlay, and takes the
//! user's overrides from the config file.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::layout::Pane;

/// A key as the table names it. Shift is not part of a key: shifted letters arrive as
/// upper-case characters and Shift-Tab as `BackTab`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
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

impl Key {
    /// The key as the help and the config file write it: `j`, `G`, `ctrl-d`, `pgdn`, `f1`.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Tab => "tab".into(),
            KeyCode::BackTab => "shift-tab".into(),
            KeyCode::Enter => "enter".into(),
            KeyCode::Esc => "esc".into(),
            KeyCode::Up => "up".into(),
            KeyCode::Down => "down".into(),
            KeyCode::Left => "left".into(),
            KeyCode::Right => "right".into(),
            KeyCode::PageUp => "pgup".into(),
            KeyCode::PageDown => "pgdn".into(),
            KeyCode::Home => "home".into(),
            KeyCode::End => "end".into(),
            KeyCode::Backspace => "backspace".into(),
            KeyCode::F(n) => format!("f{n}"),
            other => format!("{other:?}").to_lowercase(),
        };
        if self.ctrl {
            format!("ctrl-{base}")
        } else {
            base
        }
    }

    /// Parses a key name as [`Key::name`] writes it (also `C-d`, `PageDown`, `↓`-less words).
    pub fn parse(name: &str) -> Option<Key> {
        let (ctrl, rest) = match name
            .strip_prefix("ctrl-")
            .or_else(|| name.strip_prefix("Ctrl-"))
            .or_else(|| name.strip_prefix("C-"))
        {
            Some(rest) => (true, rest),
            None => (false, name),
        };
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(c),
            _ => match rest.to_lowercase().as_str() {
                "space" => KeyCode::Char(' '),
                "tab" => KeyCode::Tab,
                "shift-tab" | "backtab" => KeyCode::BackTab,
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "pgup" | "pageup" => KeyCode::PageUp,
                "pgdn" | "pagedown" => KeyCode::PageDown,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "backspace" => KeyCode::Backspace,
                f if f.starts_with('f') => {
                    KeyCode::F(f[1..].parse().ok().filter(|n| *n >= 1 && *n <= 24)?)
                }
                _ => return None,
            },
        };
        Some(Key { code, ctrl })
    }
}

/// The default bindings: keys, what they do, and the words the help shows.
pub const DEFAULT_BINDINGS: &[(&[Key], Action, &str)] = &[
    (&[key(KeyCode::Tab)], Action::FocusNext, "next pane"),
    (&[key(KeyCode::BackTab)], Action::FocusPrev, "previous pane"),
    (&[ch('1')], Action::Focus(Pane::Text), "Text pane"),
    (&[ch('2')], Action::Focus(Pane::Entities), "Entities pane"),
    (&[ch('3')], Action::Focus(Pane::Timeline), "Timeline pane"),
    (&[ch('4')], Action::Focus(Pane::Quotes), "Quotes pane"),
    (
        &[ch('j'), key(KeyCode::Down)],
        Action::Down,
        "scroll down / next item",
    ),
    (
        &[ch('k'), key(KeyCode::Up)],
        Action::Up,
        "scroll up / previous item",
    ),
    (
        &[key(KeyCode::PageDown), ch(' '), ctrl('f')],
        Action::PageDown,
        "page down",
    ),
    (
        &[key(KeyCode::PageUp), ch('b'), ctrl('b')],
        Action::PageUp,
        "page up",
    ),
    (&[ctrl('d')], Action::HalfPageDown, "half page down"),
    (&[ctrl('u')], Action::HalfPageUp, "half page up"),
    (&[ch('g'), key(KeyCode::Home)], Action::Top, "top"),
    (&[ch('G'), key(KeyCode::End)], Action::Bottom, "bottom"),
    (
        &[key(KeyCode::Enter), ch('l')],
        Action::Activate,
        "jump to the item in the text",
    ),
    (&[ch('n')], Action::NextMatch, "next search match / mention"),
    (&[ch('N')], Action::PrevMatch, "previous match / mention"),
    (&[ch(']')], Action::NextEvent, "next timeline event"),
    (&[ch('[')], Action::PrevEvent, "previous timeline event"),
    (&[ch('}')], Action::NextYear, "next year on the timeline"),
    (&[ch('{')], Action::PrevYear, "previous year"),
    (
        &[ch('s')],
        Action::ToggleEntityOrder,
        "sort entities: count / order",
    ),
    (
        &[ch('f')],
        Action::CycleEntityKind,
        "entities: one kind at a time",
    ),
    (&[ch('a')], Action::GroupQuotes, "quotes grouped by speaker"),
    (&[ch('t')], Action::ToggleTerms, "hide / show quoted terms"),
    (&[ctrl('n')], Action::NextDocument, "next document"),
    (&[ctrl('p')], Action::PrevDocument, "previous document"),
    (&[ch('d')], Action::OpenPicker, "list of open documents"),
    (&[ch('E')], Action::AllEntities, "entities in all documents"),
    (&[ch('e')], Action::Export, "write the briefing as Markdown"),
    (
        &[ch('z')],
        Action::ToggleZoom,
        "zoom the focused pane / back",
    ),
    (
        &[ch('m')],
        Action::ToggleMouse,
        "mouse off (to select text) / on",
    ),
    (
        &[ch('/')],
        Action::StartSearch,
        "search text / filter a list",
    ),
    (
        &[ch('?'), key(KeyCode::F(1))],
        Action::ToggleHelp,
        "this help",
    ),
    (
        &[key(KeyCode::Esc)],
        Action::Cancel,
        "clear search / selection",
    ),
    (&[ch('q'), ctrl('c')], Action::Quit, "quit"),
];

/// One row of the keymap.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub help: &'static str,
}

impl Binding {
    /// The keys as the help shows them.
    pub fn label(&self) -> String {
        self.keys
            .iter()
            .map(Key::name)
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The bindings in force: the defaults with the user's overrides applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: DEFAULT_BINDINGS
                .iter()
                .map(|(keys, action, help)| Binding {
                    keys: keys.to_vec(),
                    action: *action,
                    help,
                })
                .collect(),
        }
    }
}

impl Keymap {
    /// Binds `key` to `action`, taking it away from whatever it did before. `Ctrl-c` always
    /// stays a way out.
    pub fn bind(&mut self, key: Key, action: Action) -> Result<(), String> {
        if key == ctrl('c') && action != Action::Quit {
            return Err("ctrl-c always quits".into());
        }
        let Some(target) = self.bindings.iter().position(|b| b.action == action) else {
            return Err(format!("{action:?} cannot be bound to a key"));
        };
        for binding in &mut self.bindings {
            binding.keys.retain(|k| *k != key);
        }
        self.bindings[target].keys.push(key);
        Ok(())
    }

    /// The action bound to a key press, if any.
    pub fn action_for(&self, event: KeyEvent) -> Option<Action> {
        let ctrl_held = event.modifiers.contains(KeyModifiers::CONTROL);
        #[cfg(debug_assertions)]
        if event.code == KeyCode::F(12)
            && ctrl_held
            && std::env::var_os("BRIEF_DEBUG_PANIC_KEY").is_some()
        {
            return Some(Action::DebugPanic);
        }
        let pressed = Key {
            code: event.code,
            ctrl: ctrl_held,
        };
        self.bindings
            .iter()
            .find(|b| b.keys.contains(&pressed))
            .map(|b| b.action)
    }
}

/// Keys while a yes/no question is asked: `y` says yes, anything else no.
pub fn confirm_action_for(event: KeyEvent) -> Action {
    match event.code {
        KeyCode::Char('y') | KeyCode::Char('Y') => Action::ConfirmYes,
        _ => Action::Cancel,
    }
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

    fn press(keymap: &Keymap, code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
        keymap.action_for(KeyEvent::new(code, modifiers))
    }

    #[test]
    fn keys_map_to_actions() {
        let k = Keymap::default();
        assert_eq!(
            press(&k, KeyCode::Char('j'), KeyModifiers::NONE),
            Some(Action::Down)
        );
        assert_eq!(
            press(&k, KeyCode::Char('G'), KeyModifiers::SHIFT),
            Some(Action::Bottom)
        );
        assert_eq!(
            press(&k, KeyCode::Char('c'), KeyModifiers::CONTROL),
            Some(Action::Quit)
        );
        assert_eq!(
            press(&k, KeyCode::Char('d'), KeyModifiers::CONTROL),
            Some(Action::HalfPageDown)
        );
        assert_eq!(press(&k, KeyCode::Char('x'), KeyModifiers::NONE), None);
    }

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in Keymap::default().bindings {
            for k in b.keys {
                assert!(!seen.contains(&k), "{k:?} bound twice");
                seen.push(k);
            }
        }
    }

    #[test]
    fn every_user_action_has_a_key() {
        use Action::*;
        let keymap = Keymap::default();
        let wanted = [
            Quit,
            FocusNext,
            FocusPrev,
            Down,
            Up,
            PageDown,
            PageUp,
            HalfPageDown,
            HalfPageUp,
            Top,
            Bottom,
            Activate,
            NextMatch,
            PrevMatch,
            NextEvent,
            PrevEvent,
            NextYear,
            PrevYear,
            StartSearch,
            ToggleEntityOrder,
            CycleEntityKind,
            GroupQuotes,
            ToggleTerms,
            Export,
            NextDocument,
            PrevDocument,
            OpenPicker,
            AllEntities,
            ToggleZoom,
            ToggleMouse,
            ToggleHelp,
            Cancel,
        ];
        for action in wanted {
            assert!(
                keymap
                    .bindings
                    .iter()
                    .any(|b| b.action == action && !b.keys.is_empty()),
                "{action:?} has no key"
            );
        }
        for pane in Pane::ALL {
            assert!(keymap
                .bindings
                .iter()
                .any(|b| b.action == Action::Focus(pane)));
        }
    }

    #[test]
    fn overrides_move_a_key() {
        let mut k = Keymap::default();
        k.bind(Key::parse("x").unwrap(), Action::Quit).unwrap();
        k.bind(Key::parse("q").unwrap(), Action::ToggleHelp)
            .unwrap();
        assert_eq!(
            press(&k, KeyCode::Char('x'), KeyModifiers::NONE),
            Some(Action::Quit)
        );
        assert_eq!(
            press(&k, KeyCode::Char('q'), KeyModifiers::NONE),
            Some(Action::ToggleHelp)
        );
        assert!(k.bind(Key::parse("ctrl-c").unwrap(), Action::Down).is_err());
    }

    #[test]
    fn key_names_round_trip() {
        for b in Keymap::default().bindings {
            for k in b.keys {
                assert_eq!(Key::parse(&k.name()), Some(k), "{}", k.name());
            }
        }
    }
}
