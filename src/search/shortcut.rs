//! Whether a search may take its shortcuts (the word groups by first bytes, the per-article
//! summaries of one-character terms, the pairs of common words for phrases, the words a term
//! matched at the last keystroke): always, except in tests that compare the shortcuts' answers
//! with those of the plain path, on the thread that runs the search.

#[cfg(not(test))]
#[inline]
pub(crate) fn allowed() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static PLAIN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[cfg(test)]
pub(crate) fn allowed() -> bool {
    !PLAIN.with(std::cell::Cell::get)
}

/// Runs `f` without shortcuts.
#[cfg(test)]
pub(crate) fn plain<T>(f: impl FnOnce() -> T) -> T {
    PLAIN.with(|p| p.set(true));
    let out = f();
    PLAIN.with(|p| p.set(false));
    out
}

#[cfg(test)]
#[path = "shortcut_tests.rs"]
mod tests;
