//! The user's configuration file: theme, key bindings and layout.
//!
//! `~/.config/brief/config.toml` (the platform's config directory). A file that does not
//! parse, or names an unknown theme, key or action, gives a message naming the line and the
//! defaults are used for what it got wrong; it never stops brief from opening.

use std::path::PathBuf;

use serde::Deserialize;

use super::action::Action;
use super::keymap::{Key, Keymap};
use super::layout::Pane;
use super::theme::Theme;

/// What the config file can set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub theme: ThemeName,
    pub mouse: bool,
    /// Percent of a wide screen the Text pane takes.
    pub text_width: u16,
    pub keymap: Keymap,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    /// The theme, unless `NO_COLOR` asks for none.
    pub fn theme(self) -> Theme {
        match (self, std::env::var_os("NO_COLOR")) {
            (_, Some(v)) if !v.is_empty() => Theme::monochrome(),
            (ThemeName::Dark, _) => Theme::dark(),
            (ThemeName::Light, _) => Theme::light(),
            (ThemeName::Mono, _) => Theme::monochrome(),
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            theme: ThemeName::Dark,
            mouse: true,
            text_width: 58,
            keymap: Keymap::default(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    theme: Option<ThemeName>,
    mouse: Option<bool>,
    text_width: Option<u16>,
    #[serde(default)]
    keys: toml::Table,
}

/// Where the config file lives on this platform.
pub fn config_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("brief").join("config.toml"))
}

/// Reads the config file if there is one: the config and any problems found, each naming
/// the file and line.
pub fn load() -> (Config, Vec<String>) {
    let Some(path) = config_path() else {
        return (Config::default(), Vec::new());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &path.display().to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => (
            Config::default(),
            vec![format!("{}: {e}; using the defaults", path.display())],
        ),
    }
}

/// Parses config text; `origin` names it in messages.
pub fn parse(text: &str, origin: &str) -> (Config, Vec<String>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let line = e.span().map_or(String::new(), |s| {
                format!(" line {}:", line_of(text, s.start))
            });
            let message = e.message().to_string();
            problems.push(format!("{origin}:{line} {message}; using the defaults"));
            return (config, problems);
        }
    };
    if let Some(theme) = raw.theme {
        config.theme = theme;
    }
    if let Some(mouse) = raw.mouse {
        config.mouse = mouse;
    }
    if let Some(width) = raw.text_width {
        if (20..=85).contains(&width) {
            config.text_width = width;
        } else {
            let line = find_line(text, "text_width");
            problems.push(format!(
                "{origin}: line {line}: text_width {width} is outside 20 to 85; using {}",
                config.text_width
            ));
        }
    }
    for (name, value) in &raw.keys {
        let line = find_line(text, name);
        let Some(key) = Key::parse(name) else {
            problems.push(format!("{origin}: line {line}: unknown key {name:?}"));
            continue;
        };
        let Some(action) = value.as_str().and_then(action_named) else {
            problems.push(format!(
                "{origin}: line {line}: unknown action {value} for {name:?}"
            ));
            continue;
        };
        if let Err(e) = config.keymap.bind(key, action) {
            problems.push(format!("{origin}: line {line}: {e}"));
        }
    }
    (config, problems)
}

/// The action a config file names (`quit`, `half_page_down`, `focus_entities`, …).
pub fn action_named(name: &str) -> Option<Action> {
    let pane = |p| Some(Action::Focus(p));
    match name {
        "focus_text" => pane(Pane::Text),
        "focus_entities" => pane(Pane::Entities),
        "focus_timeline" => pane(Pane::Timeline),
        "focus_quotes" => pane(Pane::Quotes),
        _ => serde_json::from_value(serde_json::Value::String(name.to_string()))
            .ok()
            .filter(|a| Keymap::default().bindings.iter().any(|b| b.action == *a)),
    }
}

/// The name [`action_named`] reads for an action.
pub fn action_name(action: Action) -> String {
    match action {
        Action::Focus(p) => format!("focus_{}", p.name().to_lowercase()),
        other => serde_json::to_value(other)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
    }
}

/// The default configuration as a commented file, for `brief --print-config`.
pub fn default_config_text() -> String {
    let config = Config::default();
    let mut out =
        String::from("# brief's configuration. Copy to the path below and change what you like:\n");
    out.push_str(&format!(
        "#   {}\n\n",
        config_path().map_or("(no config directory on this platform)".into(), |p| p
            .display()
            .to_string())
    ));
    out.push_str("# dark, light or mono (NO_COLOR in the environment also turns colours off)\n");
    out.push_str("theme = \"dark\"\n");
    out.push_str("# take the mouse at start (m toggles it; --no-mouse starts without)\n");
    out.push_str(&format!("mouse = {}\n", config.mouse));
    out.push_str("# percent of a wide screen given to the text (20 to 85)\n");
    out.push_str(&format!("text_width = {}\n\n", config.text_width));
    out.push_str("# key = \"action\"; a key bound here leaves its old action.\n");
    out.push_str("# Keys: letters, ctrl-x, tab, shift-tab, enter, esc, space, up, down,\n");
    out.push_str("# pgup, pgdn, home, end, f1..f24. The defaults:\n[keys]\n");
    for binding in &config.keymap.bindings {
        for key in &binding.keys {
            out.push_str(&format!(
                "# {} = \"{}\"\n",
                toml_key(&key.name()),
                action_name(binding.action)
            ));
        }
    }
    out
}

fn toml_key(name: &str) -> String {
    if name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        name.to_string()
    } else {
        format!("{name:?}")
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

fn find_line(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(0, |at| line_of(text, at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_text_parses_to_the_defaults() {
        let (config, problems) = parse(&default_config_text(), "defaults");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn settings_and_key_overrides_apply() {
        let (config, problems) = parse(
            "theme = \"light\"\ntext_width = 50\n[keys]\nx = \"quit\"\n\"ctrl-n\" = \"next_event\"\nt = \"focus_timeline\"\n",
            "c",
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(config.theme, ThemeName::Light);
        assert_eq!(config.text_width, 50);
        let x = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('x'));
        assert_eq!(config.keymap.action_for(x), Some(Action::Quit));
        let t = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('t'));
        assert_eq!(
            config.keymap.action_for(t),
            Some(Action::Focus(Pane::Timeline))
        );
    }

    #[test]
    fn a_broken_file_names_the_line_and_falls_back() {
        let (config, problems) = parse("theme = \"dark\"\nmouse = maybe\n", "config.toml");
        assert_eq!(config, Config::default());
        assert!(
            problems[0].starts_with("config.toml: line 2:"),
            "{problems:?}"
        );
        let (config, problems) = parse("theme = \"neon\"\n", "c");
        assert_eq!(config.theme, ThemeName::Dark);
        assert!(problems[0].contains("line 1"), "{problems:?}");
    }

    #[test]
    fn bad_keys_and_actions_are_reported_and_skipped() {
        let (config, problems) = parse(
            "[keys]\nx = \"explode\"\nhyper-q = \"quit\"\nj = \"up\"\n",
            "c",
        );
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("line 2") || problems[1].contains("line 2"));
        let j = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('j'));
        assert_eq!(config.keymap.action_for(j), Some(Action::Up));
    }
}
