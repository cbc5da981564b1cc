//! User configuration.
