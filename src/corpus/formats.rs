//! The formats besides plain text: datasets (JSON Lines, JSON, CSV), saved web pages, mail.

pub mod csv;
pub mod fields;
pub mod html;
pub mod json;
pub mod mail;
