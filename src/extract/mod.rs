//! The extractors: each takes a [`Document`](crate::Document) and returns spans into its text.

pub mod entities;
pub mod quotes;
pub mod timeline;
