//! folio: a terminal reader for collections of news articles.
//!
//! The library holds everything that can be tested without a terminal; `main.rs` and `app.rs`
//! drive it.

pub mod action;
pub mod app;
pub mod cache;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod export;
pub mod hash;
pub mod keymap;
pub mod layout;
pub mod model;
pub mod paths;
pub mod search;
pub mod state;
pub mod stories;
pub mod tags;
pub mod term;
pub mod text;
pub mod theme;
pub mod ui;
