//! Width, wrapping and sanitising helpers built on unicode-width and textwrap.

mod sanitize;

pub use sanitize::{is_invisible, sanitize, sanitize_text};
