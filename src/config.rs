//! The user's settings: key bindings, colours and reading width, from a TOML file folio only
//! reads. Every mistake in the file is reported with its line and costs only that setting.
//!
//! The defaults are `assets/config.toml` ([`DEFAULT_CONFIG`]), which `folio --print-config`
//! prints. The caller finds the file ([`crate::paths::config_file`]); nothing here reads the
//! environment.

mod actions;
mod color;
mod fields;
mod keys;
mod searches;
mod theme;

use std::fs;
use std::io;
use std::path::Path;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::keymap::Keymap;
use crate::layout::READING_WIDTH;
use crate::theme::{ColorDepth, Theme};

pub use color::MODIFIERS;
pub use theme::{Role, RoleStyle, ThemeOverrides};

/// The default settings, with comments: what `folio --print-config` prints.
pub const DEFAULT_CONFIG: &str = include_str!("../assets/config.toml");

/// The narrowest and widest reading widths accepted.
pub const READING_WIDTHS: (u16, u16) = (20, 1000);

/// The settings in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    /// The user's colours, laid over the built-in theme by [`Config::theme`].
    pub theme_overrides: ThemeOverrides,
    /// The widest the reader's text gets, in columns.
    pub reading_width: u16,
    /// Which dataset fields to read (`[fields]`); `--fields` wins over it.
    pub fields: crate::corpus::FieldNames,
    /// The most the index cache folder may hold, in bytes (`cache_limit`: `"4 GiB"`, `"500 MB"`,
    /// or a number of bytes; 0 turns the cache off).
    pub cache_limit: u64,
    /// Make links in the reader OSC 8 hyperlinks (`hyperlinks = true`).
    pub hyperlinks: bool,
    /// Saved searches for every corpus (`[searches]`): name, query.
    pub searches: Vec<(String, String)>,
    /// The user's own actions (`[actions]`): name and command, numbered as the keymap does.
    pub actions: Vec<(String, String)>,
    /// The accessible mode (`accessible = true`).
    pub accessible: bool,
}

impl Default for Config {
    /// The settings of [`DEFAULT_CONFIG`], read over [`Config::bare`] (a test checks that the
    /// file reads cleanly and restates what the code builds in).
    fn default() -> Self {
        Config::bare().read_text(DEFAULT_CONFIG, "config.toml").0
    }
}

impl Config {
    /// What the settings are before any file is read: the keymap of the bindings table, the
    /// built-in theme and [`READING_WIDTH`].
    fn bare() -> Config {
        Config {
            keymap: Keymap::default(),
            theme_overrides: ThemeOverrides::default(),
            reading_width: READING_WIDTH,
            fields: crate::corpus::FieldNames::default(),
            cache_limit: crate::cache::DEFAULT_LIMIT,
            hyperlinks: false,
            searches: Vec::new(),
            actions: Vec::new(),
            accessible: false,
        }
    }

    /// The theme for a terminal of this colour depth, with the user's colours on top (none with
    /// [`ColorDepth::None`]).
    pub fn theme(&self, depth: ColorDepth) -> Theme {
        let mut theme = Theme::new(depth);
        self.theme_overrides.apply(&mut theme, depth);
        theme
    }

    /// Reads settings from TOML text. `file_name` starts each problem line
    /// (`config.toml line 7: unknown action "qiut"`). Problems come back in line order.
    pub fn parse(text: &str, file_name: &str) -> (Config, Vec<String>) {
        Config::default().read_text(text, file_name)
    }

    /// These settings with those of a TOML text laid over them (none if it is not TOML), and
    /// the problems found.
    fn read_text(mut self, text: &str, file_name: &str) -> (Config, Vec<String>) {
        let mut report = Report {
            file_name,
            text,
            problems: Vec::new(),
        };
        match DeTable::parse(text) {
            Ok(table) => self.read(table.get_ref(), &mut report),
            Err(e) => {
                let line = e.span().map_or(1, |s| line_of(text, s.start));
                let msg = e.message().lines().next().unwrap_or_default().to_string();
                let msg = format!("invalid TOML: {msg}; using the default settings");
                report.problems.push((line, msg));
            }
        }
        (self, report.finish())
    }

    fn read(&mut self, table: &DeTable<'_>, report: &mut Report<'_>) {
        for (key, value) in table {
            match (key.get_ref().as_ref(), value.get_ref()) {
                ("keys", DeValue::Table(t)) => keys::read(t, &mut self.keymap, report),
                ("theme", DeValue::Table(t)) => self.theme_overrides = theme::read(t, report),
                ("fields", DeValue::Table(t)) => self.fields = fields::read(t, report),
                ("searches", DeValue::Table(t)) => self.searches = searches::read(t, report),
                ("actions", DeValue::Table(t)) => {
                    self.actions = actions::read(t, &mut self.keymap, report);
                }
                ("reading_width", v) => {
                    let (lo, hi) = READING_WIDTHS;
                    let width = v
                        .as_integer()
                        .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok())
                        .and_then(|i| u16::try_from(i).ok())
                        .filter(|w| (lo..=hi).contains(w));
                    match width {
                        Some(w) => self.reading_width = w,
                        None => report.at(
                            value,
                            format!("reading_width must be a whole number from {lo} to {hi}"),
                        ),
                    }
                }
                ("cache_limit", v) => match size_of(v) {
                    Some(bytes) => self.cache_limit = bytes,
                    None => report.at(
                        value,
                        "cache_limit must be a size such as \"4 GiB\" or \"500 MB\", or a number of bytes"
                            .to_string(),
                    ),
                },
                ("hyperlinks", DeValue::Boolean(on)) => self.hyperlinks = *on,
                ("accessible", DeValue::Boolean(on)) => self.accessible = *on,
                ("accessible", _) => report.at(value, "accessible must be true or false".into()),
                ("hyperlinks", _) => report.at(value, "hyperlinks must be true or false".into()),
                (name @ ("keys" | "theme" | "fields" | "searches" | "actions"), _) => {
                    report.at(value, format!("{name} must be a table ([{name}])"));
                }
                (other, _) => report.at(key, format!("unknown setting {other:?}")),
            }
        }
    }
}

/// A size in bytes: a whole number, or a string of a number and a unit (B, KB, MB, GB, TB as
/// powers of 1000; KiB, MiB, GiB, TiB as powers of 1024; K, M, G, T as the latter).
fn size_of(v: &DeValue<'_>) -> Option<u64> {
    if let Some(i) = v.as_integer() {
        return u64::from_str_radix(i.as_str(), i.radix()).ok();
    }
    let text = v.as_str()?.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().ok()?;
    let scale: f64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" => 1e3,
        "mb" => 1e6,
        "gb" => 1e9,
        "tb" => 1e12,
        "k" | "kib" => 1024.0,
        "m" | "mib" => 1024.0 * 1024.0,
        "g" | "gib" => 1024.0 * 1024.0 * 1024.0,
        "t" | "tib" => 1024.0 * 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    let bytes = number * scale;
    (bytes.is_finite() && bytes >= 0.0 && bytes < u64::MAX as f64).then_some(bytes as u64)
}

/// Reads the settings file. A missing file means the defaults, silently; a file that cannot be
/// read means the defaults and one problem. Each problem is one line for the user.
pub fn load(path: &Path) -> (Config, Vec<String>) {
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    match fs::read_to_string(path) {
        Ok(text) => Config::parse(&text, &file_name),
        Err(e) if e.kind() == io::ErrorKind::NotFound => (Config::default(), Vec::new()),
        Err(e) => {
            let problem = format!(
                "{}: cannot read ({e}); using the default settings",
                path.display()
            );
            (Config::default(), vec![problem])
        }
    }
}

/// The 1-based line of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    1 + text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Problems found while reading, each tied to a place in the text.
struct Report<'a> {
    file_name: &'a str,
    text: &'a str,
    problems: Vec<(usize, String)>,
}

impl Report<'_> {
    fn at<T>(&mut self, place: &Spanned<T>, message: String) {
        let line = line_of(self.text, place.span().start);
        self.problems.push((line, message));
    }

    fn finish(mut self) -> Vec<String> {
        self.problems.sort_by_key(|(line, _)| *line);
        self.problems
            .into_iter()
            .map(|(line, msg)| format!("{} line {line}: {msg}", self.file_name))
            .collect()
    }
}

#[cfg(test)]
mod tests;
