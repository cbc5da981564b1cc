//! folio: a terminal reader for collections of news articles.
//!
//! The library holds everything that can be tested without a terminal; `main.rs` and `app.rs`
//! drive it.

pub mod corpus;
pub mod search;
pub mod text;
