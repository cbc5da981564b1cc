//! The real `folio` binary in a pseudo-terminal: start-up and quitting, signals and hang-up,
//! colours, hostile text, sizes, mouse capture, synchronized output, and bytes per keystroke.
//!
//! Key repeat and release events are not tested: a pty carries plain bytes, and folio does not
//! turn on the kitty keyboard protocol that would report them.

// `cfg(test)` marks the helpers as test code, where clippy.toml allows unwrap and expect.
#[cfg(test)]
#[path = "pty/bytes.rs"]
mod bytes;
#[cfg(test)]
#[path = "pty/habits.rs"]
mod habits;
#[cfg(test)]
#[path = "pty/harness.rs"]
mod harness;
#[cfg(test)]
#[path = "pty/lifecycle.rs"]
mod lifecycle;
#[cfg(test)]
#[path = "pty/output.rs"]
mod output;
#[cfg(test)]
#[path = "pty/sequences.rs"]
mod sequences;
#[cfg(test)]
#[path = "pty/sizes.rs"]
mod sizes;
#[cfg(test)]
#[path = "pty/state.rs"]
mod state;
#[cfg(test)]
#[path = "pty/stdin.rs"]
mod stdin;
#[cfg(test)]
#[path = "pty/stories.rs"]
mod stories;
