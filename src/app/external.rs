//! Other programs, for what folio does not do itself: the browser for a link, the editor and
//! the pager for an article's text (a command an article is piped to is `app/pipe.rs`'s).
//!
//! Every command runs through `sh -c` with the user's own command (from the environment or as
//! typed); what folio hands it (an address, a file name) is a positional parameter (`"$1"`),
//! never part of the command line, and article text only ever goes to standard input. The
//! editor, the pager and a browser set in `$BROWSER` get the terminal, handed over and taken
//! back as Ctrl-Z does.

use std::env;
use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::thread;

use super::Screen;
use crate::corpus::links::safe_url;
use crate::model::Viewer;
use crate::text::truncate;

/// Set while another program runs in the foreground: an interrupt (Ctrl-C) is then that
/// program's, not a request for folio to stop.
static CHILD: AtomicBool = AtomicBool::new(false);

/// Whether an external program has the terminal now.
pub fn child_running() -> bool {
    CHILD.load(Ordering::SeqCst)
}

/// What the environment says about opening things, read once per request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Env {
    pub browser: Option<String>,
    pub ssh: bool,
    pub xdg_open: bool,
}

impl Env {
    pub fn read() -> Env {
        let set = |name: &str| env::var_os(name).is_some_and(|v| !v.is_empty());
        Env {
            browser: env::var("BROWSER").ok().and_then(|b| {
                b.split(':')
                    .find(|c| !c.trim().is_empty())
                    .map(str::to_owned)
            }),
            ssh: set("SSH_CONNECTION") || set("SSH_TTY"),
            xdg_open: on_path("xdg-open"),
        }
    }
}

/// How a link is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// `$BROWSER`, as a shell command that gets the address as `$1`, in the foreground.
    Browser(String),
    /// `xdg-open`, in the background.
    XdgOpen,
    /// Nothing can open it here: copy the address, saying why.
    Copy(&'static str),
}

/// How to open a link in this environment: over SSH nothing on this machine can show it to
/// the user, so it is copied (OSC 52 reaches the user's own terminal).
pub fn opener(env: &Env) -> Opener {
    if env.ssh {
        Opener::Copy("over SSH")
    } else if let Some(browser) = &env.browser {
        Opener::Browser(browser_command(browser))
    } else if env.xdg_open {
        Opener::XdgOpen
    } else {
        Opener::Copy("no $BROWSER and no xdg-open")
    }
}

/// `$BROWSER` as a command taking the address as `$1`: `%s` stands for it where given
/// (the old convention), else it comes last.
fn browser_command(browser: &str) -> String {
    if browser.contains("%s") {
        browser.replace("%s", "\"$1\"")
    } else {
        format!("{browser} \"$1\"")
    }
}

/// Opens `url`; what happened, for the status line.
pub fn open_url(url: &str, screen: &mut impl Screen) -> io::Result<String> {
    let Some(url) = safe_url(url) else {
        return Ok("not a web or mail address: not opened".into());
    };
    Ok(match opener(&Env::read()) {
        Opener::Copy(why) => {
            screen.copy(url)?;
            format!("{why}: copied the address to the clipboard (OSC 52)")
        }
        Opener::Browser(command) => {
            let status = foreground(screen, &command, &[OsString::from(url)])?;
            match status {
                Ok(s) if s.success() => format!("opened {}", shown(url)),
                Ok(s) => format!("$BROWSER failed ({})", exit_text(s)),
                Err(err) => format!("$BROWSER did not start: {err}"),
            }
        }
        Opener::XdgOpen => match Command::new("xdg-open")
            .arg(url)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
        {
            Ok(mut child) => {
                // Reaped in the background: a browser may take its time.
                thread::spawn(move || child.wait());
                format!("opened {} with xdg-open", shown(url))
            }
            Err(_) => {
                screen.copy(url)?;
                "xdg-open did not start: copied the address to the clipboard (OSC 52)".into()
            }
        },
    })
}

/// Shows `text` in the editor or the pager, from a read-only temporary file; a message when
/// something went wrong.
pub fn view(viewer: Viewer, text: &str, screen: &mut impl Screen) -> io::Result<Option<String>> {
    let (command, name) = match viewer {
        Viewer::Editor => (
            var("VISUAL")
                .or_else(|| var("EDITOR"))
                .unwrap_or_else(|| "vi".into()),
            "editor",
        ),
        Viewer::Pager => (var("PAGER").unwrap_or_else(|| "less".into()), "pager"),
    };
    let file = match TempText::write(text) {
        Ok(file) => file,
        Err(err) => {
            return Ok(Some(format!(
                "could not write a copy for the {name}: {err}"
            )));
        }
    };
    let status = foreground(
        screen,
        &format!("{command} \"$1\""),
        &[file.path.clone().into_os_string()],
    )?;
    Ok(match status {
        Ok(s) if s.success() => None,
        Ok(s) => Some(format!("the {name} ended with {}", exit_text(s))),
        Err(err) => Some(format!("the {name} did not start: {err}")),
    })
}

/// Runs `sh -c command sh args…` with the terminal handed over; the terminal is taken back
/// whatever happens. The inner result is the program's.
fn foreground(
    screen: &mut impl Screen,
    command: &str,
    args: &[OsString],
) -> io::Result<io::Result<ExitStatus>> {
    screen.hand_over()?;
    CHILD.store(true, Ordering::SeqCst);
    let status = Command::new("sh")
        .arg("-c")
        .arg(command)
        .arg("sh")
        .args(args)
        .status();
    CHILD.store(false, Ordering::SeqCst);
    screen.take_back()?;
    Ok(status)
}

/// `exit status 3`, or the signal that ended it.
pub(super) fn exit_text(status: ExitStatus) -> String {
    use std::os::unix::process::ExitStatusExt;
    match (status.code(), status.signal()) {
        (Some(code), _) => format!("exit status {code}"),
        (None, Some(signal)) => format!("signal {signal}"),
        (None, None) => "no exit status".into(),
    }
}

/// An address as the status line shows it.
fn shown(url: &str) -> String {
    truncate(url, 60).into_owned()
}

fn var(name: &str) -> Option<String> {
    env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Whether `program` is an executable file in a directory of `$PATH`.
fn on_path(program: &str) -> bool {
    env::var_os("PATH").is_some_and(|path| {
        env::split_paths(&path).any(|dir| {
            fs::metadata(dir.join(program))
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
    })
}

/// A read-only copy of an article's text in the temporary directory, removed when dropped.
struct TempText {
    path: PathBuf,
}

impl TempText {
    fn write(text: &str) -> io::Result<TempText> {
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let n = COUNT.fetch_add(1, Ordering::SeqCst);
        let path = env::temp_dir().join(format!("folio-{}-{n}.txt", std::process::id()));
        let mut file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)?;
        let file_written = file.write_all(text.as_bytes());
        drop(file);
        let made = TempText { path };
        file_written?;
        fs::set_permissions(&made.path, fs::Permissions::from_mode(0o400))?;
        Ok(made)
    }
}

impl Drop for TempText {
    fn drop(&mut self) {
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn links_are_copied_over_ssh_and_when_nothing_opens_them() {
        let mut env = Env {
            browser: Some("w3m".into()),
            ssh: true,
            xdg_open: true,
        };
        assert_eq!(opener(&env), Opener::Copy("over SSH"));
        env.ssh = false;
        assert_eq!(opener(&env), Opener::Browser("w3m \"$1\"".into()));
        env.browser = Some("firefox --new-tab %s".into());
        assert_eq!(
            opener(&env),
            Opener::Browser("firefox --new-tab \"$1\"".into())
        );
        env.browser = None;
        assert_eq!(opener(&env), Opener::XdgOpen);
        env.xdg_open = false;
        assert!(matches!(opener(&env), Opener::Copy(_)));
    }

    #[test]
    fn the_copy_for_the_editor_is_read_only_and_goes_away() {
        let file = TempText::write("text").unwrap();
        let path = file.path.clone();
        assert_eq!(fs::read_to_string(&path).unwrap(), "text");
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o400);
        drop(file);
        assert!(!path.exists());
    }
}
