//! Everything a user can ask for: keys and mouse become an [`Action`], and
//! [`App::update`](super::app::App::update) is the one place an action changes state.

use serde::{Deserialize, Serialize};

use super::layout::Pane;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    FocusNext,
    FocusPrev,
    Focus(Pane),
    /// Down one row in the text, or to the next item in a list.
    Down,
    Up,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    /// Jump the text to the focused list's item (or open it).
    Activate,
    /// Step through the search matches, or else the selected entity's mentions.
    NextMatch,
    PrevMatch,
    /// Open the search prompt.
    StartSearch,
    /// Typing into the search prompt.
    PromptChar(char),
    PromptBackspace,
    PromptSubmit,
    /// Step the timeline from any pane.
    NextEvent,
    PrevEvent,
    /// Jump to the first event of the next or previous year.
    NextYear,
    PrevYear,
    /// Entities ordered by first mention or by count.
    ToggleEntityOrder,
    /// Switch to the next or previous open document.
    NextDocument,
    PrevDocument,
    /// The list of open documents.
    OpenPicker,
    /// Entities across every open document.
    AllEntities,
    /// Write the briefing as Markdown next to the file (asking before overwriting).
    Export,
    /// Yes to the question asked (overwrite the export).
    ConfirmYes,
    /// Show one kind of entity at a time, cycling through the kinds.
    CycleEntityKind,
    /// Quotes grouped by speaker, or in text order.
    GroupQuotes,
    /// Hide or show terms (scare quotes, titles) in the Quotes pane.
    ToggleTerms,
    /// Show the focused pane alone, full screen, and back.
    ToggleZoom,
    /// Turn mouse capture off (so the terminal can select text) and on.
    ToggleMouse,
    ToggleHelp,
    /// Close an overlay, or clear the focused pane's selection.
    Cancel,
    /// A mouse click at a screen cell.
    Click {
        column: u16,
        row: u16,
    },
    ScrollDownAt {
        column: u16,
        row: u16,
    },
    ScrollUpAt {
        column: u16,
        row: u16,
    },
    Resize {
        width: u16,
        height: u16,
    },
    /// Test builds only: panic, to prove the terminal is restored.
    #[cfg(debug_assertions)]
    DebugPanic,
}
