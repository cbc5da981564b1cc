//! Unit tests of the highlighter.
