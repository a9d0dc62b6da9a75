//! The drawing layer.
