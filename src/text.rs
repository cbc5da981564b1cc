//! Width, wrapping and sanitising helpers built on unicode-width and textwrap.

mod sanitize;
mod wrap;

pub use sanitize::{is_invisible, sanitize, sanitize_text};
pub use wrap::{clip, truncate, width, wrap_ranges};
