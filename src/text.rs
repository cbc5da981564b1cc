//! Width, wrapping and sanitising helpers built on unicode-width and textwrap.

mod sanitize;
mod shorten;
mod wrap;

pub use sanitize::{is_invisible, sanitize, sanitize_text};
pub use shorten::{cut_middle, shorten_path};
pub use wrap::{clip, truncate, width, wrap_ranges};
