//! Width, wrapping and sanitising helpers built on unicode-width and textwrap.

mod sanitize;
mod wrap;

pub use sanitize::{is_invisible, sanitize, sanitize_text};
pub use wrap::{truncate, width, wrap_ranges};
