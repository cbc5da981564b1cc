//! Unit tests of the index build.
