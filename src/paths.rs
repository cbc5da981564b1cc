//! Where folio keeps its files, by the XDG rule on every system: the settings file and the reading
//! state, and the index cache. The only module that reads these environment variables.

use std::ffi::OsString;
use std::path::PathBuf;

/// The settings file: `$XDG_CONFIG_HOME/folio/config.toml`, else `~/.config/folio/config.toml`.
pub fn config_file() -> Option<PathBuf> {
    Some(folder(Kind::Config)?.join("config.toml"))
}

/// The reading state's folder: `$XDG_STATE_HOME/folio`, else `~/.local/state/folio`.
pub fn state_dir() -> Option<PathBuf> {
    folder(Kind::State)
}

/// The index cache's folder: `$XDG_CACHE_HOME/folio`, else `~/.cache/folio`.
pub fn cache_dir() -> Option<PathBuf> {
    folder(Kind::Cache)
}

/// The kinds of folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Config,
    State,
    Cache,
}

impl Kind {
    /// The variable that names it, and where it is under the home folder otherwise.
    fn rule(self) -> (&'static str, &'static [&'static str]) {
        match self {
            Kind::Config => ("XDG_CONFIG_HOME", &[".config"]),
            Kind::State => ("XDG_STATE_HOME", &[".local", "state"]),
            Kind::Cache => ("XDG_CACHE_HOME", &[".cache"]),
        }
    }
}

fn folder(kind: Kind) -> Option<PathBuf> {
    let (variable, _) = kind.rule();
    let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
    resolve(kind, std::env::var_os(variable), home)
}

/// `xdg/folio` when the variable holds an absolute path (the XDG rule: a relative one is
/// ignored), else the folder under `home`.
fn resolve(kind: Kind, xdg: Option<OsString>, home: Option<PathBuf>) -> Option<PathBuf> {
    let (_, under_home) = kind.rule();
    let base = xdg
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| under_home.iter().fold(h, |p, part| p.join(part))))?;
    Some(base.join("folio"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> Option<PathBuf> {
        Some(PathBuf::from(p))
    }

    #[test]
    fn the_variable_wins_when_absolute() {
        let home = path("/home/u");
        assert_eq!(
            resolve(Kind::State, Some("/x/state".into()), home.clone()),
            path("/x/state/folio")
        );
        assert_eq!(
            resolve(Kind::Config, Some("/c".into()), home),
            path("/c/folio")
        );
    }

    #[test]
    fn otherwise_the_home_folder() {
        let home = path("/home/u");
        for (kind, want) in [
            (Kind::Config, "/home/u/.config/folio"),
            (Kind::State, "/home/u/.local/state/folio"),
            (Kind::Cache, "/home/u/.cache/folio"),
        ] {
            assert_eq!(resolve(kind, None, home.clone()), path(want));
            assert_eq!(
                resolve(kind, Some("relative".into()), home.clone()),
                path(want),
                "a relative XDG path is ignored"
            );
            assert_eq!(resolve(kind, Some("".into()), home.clone()), path(want));
            assert_eq!(resolve(kind, None, None), None);
        }
    }
}
