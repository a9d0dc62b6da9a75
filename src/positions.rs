//! Remembered reading positions: where each file was left, restored when it is opened again.
//!
//! One small JSON file in the platform's state directory maps a file's canonical path to the
//! byte offset of the top of the text view. It is replaced atomically, so a crash never leaves
//! it half written; an unreadable or corrupt file is treated as empty.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many files are remembered; the least recently read are forgotten first.
const MAX_ENTRIES: usize = 500;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset of the first visible row.
    pub offset: usize,
    /// The text's length when it was saved: a shorter text now means the file changed.
    pub len: usize,
    /// Seconds since the epoch, for forgetting the oldest.
    pub saved: u64,
}

/// The positions file and its contents.
#[derive(Debug, Default)]
pub struct Positions {
    path: Option<PathBuf>,
    entries: BTreeMap<String, Position>,
}

impl Positions {
    /// The positions file in the platform's state directory (none on platforms without one).
    pub fn default_path() -> Option<PathBuf> {
        dirs::state_dir()
            .or_else(dirs::data_local_dir)
            .map(|d| d.join("brief").join("positions.json"))
    }

    /// Reads the positions file at `path`; a missing or corrupt file gives no positions.
    pub fn load(path: Option<PathBuf>) -> Positions {
        let entries = path
            .as_ref()
            .and_then(|p| std::fs::read(p).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        Positions { path, entries }
    }

    /// The key a document is remembered under: its canonical path; nothing for standard input.
    pub fn key(source: &str) -> Option<String> {
        if source == "-" {
            return None;
        }
        std::fs::canonicalize(source)
            .ok()
            .map(|p| p.to_string_lossy().into_owned())
    }

    /// Where a document of `len` bytes was left, if it was and still fits.
    pub fn get(&self, source: &str, len: usize) -> Option<usize> {
        let position = self.entries.get(&Positions::key(source)?)?;
        (position.len == len && position.offset < len).then_some(position.offset)
    }

    /// Remembers a position and writes the file.
    pub fn save(&mut self, source: &str, offset: usize, len: usize) -> std::io::Result<()> {
        let (Some(key), Some(path)) = (Positions::key(source), self.path.clone()) else {
            return Ok(());
        };
        let saved = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        self.entries.insert(key, Position { offset, len, saved });
        while self.entries.len() > MAX_ENTRIES {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, p)| p.saved)
                .map(|(k, _)| k.clone());
            match oldest {
                Some(k) => self.entries.remove(&k),
                None => break,
            };
        }
        write_file(&path, &self.entries)
    }
}

fn write_file(path: &Path, entries: &BTreeMap<String, Position>) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let json = serde_json::to_vec_pretty(entries).map_err(std::io::Error::other)?;
    crate::export::write_atomically(path, &json)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("brief-positions-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_saved_position_comes_back() {
        let dir = scratch("roundtrip");
        let article = dir.join("a.txt");
        std::fs::write(&article, "x".repeat(100)).unwrap();
        let source = article.to_str().unwrap();
        let store = dir.join("state").join("positions.json");
        let mut positions = Positions::load(Some(store.clone()));
        positions.save(source, 42, 100).unwrap();
        let again = Positions::load(Some(store));
        assert_eq!(again.get(source, 100), Some(42));
        assert_eq!(
            again.get(source, 99),
            None,
            "a changed file starts at the top"
        );
    }

    #[test]
    fn a_corrupt_file_is_ignored_and_replaced() {
        let dir = scratch("corrupt");
        let article = dir.join("b.txt");
        std::fs::write(&article, "text").unwrap();
        let store = dir.join("positions.json");
        std::fs::write(&store, b"{ not json").unwrap();
        let mut positions = Positions::load(Some(store.clone()));
        assert_eq!(positions.get(article.to_str().unwrap(), 4), None);
        positions.save(article.to_str().unwrap(), 1, 4).unwrap();
        assert_eq!(
            Positions::load(Some(store)).get(article.to_str().unwrap(), 4),
            Some(1)
        );
    }

    #[test]
    fn a_crash_before_the_rename_leaves_the_old_positions() {
        let dir = scratch("crash");
        let article = dir.join("c.txt");
        std::fs::write(&article, "0123456789").unwrap();
        let source = article.to_str().unwrap();
        let store = dir.join("positions.json");
        Positions::load(Some(store.clone()))
            .save(source, 3, 10)
            .unwrap();
        // The new contents reach a temporary file, then the process "dies" before the rename.
        let pending = crate::export::PendingWrite::prepare(&store, b"{\"half\": ").unwrap();
        std::mem::forget(pending);
        assert_eq!(Positions::load(Some(store)).get(source, 10), Some(3));
    }
}
