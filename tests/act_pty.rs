//! Acting on what is read, in the real binary in a pseudo-terminal: links opened with a
//! stand-in `$BROWSER`, copied over SSH, OSC 8 hyperlinks that hostile addresses cannot
//! abuse, the article in a stand-in `$EDITOR` and `$PAGER`, and piping to a command.

#[cfg(test)]
#[allow(dead_code, unused_imports)]
#[path = "pty/harness.rs"]
mod harness;

#[cfg(test)]
mod act {
    use std::fs;
    use std::os::unix::fs::PermissionsExt;
    use std::path::{Path, PathBuf};
    use std::time::Duration;

    use crate::harness::{EVENTUALLY, Pty, Spawn, contains, find};

    /// A page with a canonical address and links, hostile ones among them: an escape
    /// sequence (raw and as an entity), a C1 control, a bidi override, `javascript:`.
    const PAGE: &[u8] = b"<html><head><title>Harbour reopens</title>\
<link rel=\"canonical\" href=\"https://news.example/harbour\"></head><body><article>\
<h1>Harbour reopens</h1>\
<p>The port <a href=\"https://ok.example/a\">authority</a> said the harbour would reopen on \
Monday after the storm, and ferries would run on the usual timetable from then on.</p>\
<p>Repairs <a href=\"https://evil.example/\x1b]0;pwned\x07x\">raw</a>, \
<a href=\"https://evil.example/&#x1b;]2;owned&#x07;y\">entity</a>, \
<a href=\"https://evil.example/&#x9d;8;;z\">c1</a>, \
<a href=\"https://evil.example/&#x202e;rtl\">bidi</a> and \
<a href=\"javascript:alert(1)\">script</a> took a week of work by the crews.</p>\
</article></body></html>";

    /// A shell script at `dir/name` running `body`.
    fn script(dir: &Path, name: &str, body: &str) -> PathBuf {
        let path = dir.join(name);
        fs::write(&path, format!("#!/bin/sh\n{body}\n")).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    struct Setup {
        dir: tempfile::TempDir,
    }

    impl Setup {
        fn new(config: &str) -> Setup {
            let dir = tempfile::tempdir().unwrap();
            fs::create_dir_all(dir.path().join("corpus")).unwrap();
            fs::write(dir.path().join("corpus/harbour.html"), PAGE).unwrap();
            fs::create_dir_all(dir.path().join("config/folio")).unwrap();
            fs::write(dir.path().join("config/folio/config.toml"), config).unwrap();
            Setup { dir }
        }

        fn path(&self, name: &str) -> PathBuf {
            self.dir.path().join(name)
        }

        fn spawn(&self) -> Spawn {
            Spawn::folio(100, 30)
                .arg(self.path("corpus"))
                .env("XDG_CONFIG_HOME", self.path("config"))
                .env("XDG_STATE_HOME", self.path("state"))
                .env_remove("SSH_CONNECTION")
                .env_remove("SSH_TTY")
                .env_remove("BROWSER")
        }

        /// Waits for a file a stand-in program writes.
        fn wait_file(&self, name: &str) -> String {
            let path = self.path(name);
            let deadline = std::time::Instant::now() + EVENTUALLY;
            while std::time::Instant::now() < deadline {
                if let Ok(text) = fs::read_to_string(&path)
                    && text.ends_with("END\n")
                {
                    return text;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            panic!("{name} was never written");
        }
    }

    fn started(spawn: Spawn) -> Pty {
        let pty = spawn.start();
        assert!(
            pty.wait_for("authority[1]", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        assert!(pty.settle(Duration::from_millis(200)));
        pty
    }

    fn quit(mut pty: Pty) {
        pty.send("q");
        let status = pty.wait_exit(EVENTUALLY).expect("exited");
        assert_eq!(status.exit_code(), 0, "{status:?}");
    }

    /// Every OSC 8 address in `bytes`, failing on one that is not printable ASCII up to its
    /// string terminator.
    fn osc8_addresses(bytes: &[u8]) -> Vec<String> {
        let mut out = Vec::new();
        let mut rest = bytes;
        while let Some(at) = find(rest, b"\x1b]8;;") {
            rest = &rest[at + 5..];
            let end = find(rest, b"\x1b\\").expect("an OSC 8 without its terminator");
            let url = &rest[..end];
            assert!(
                url.iter().all(|b| (0x21..0x7f).contains(b)),
                "an OSC 8 address with a control or a space: {url:?}"
            );
            out.push(String::from_utf8_lossy(url).into_owned());
            rest = &rest[end..];
        }
        out
    }

    #[test]
    fn hostile_addresses_never_reach_the_terminal_with_hyperlinks_on() {
        let setup = Setup::new("hyperlinks = true\n");
        let pty = started(setup.spawn());
        pty.drain();
        let bytes = pty.all_bytes();
        let urls = osc8_addresses(&bytes);
        assert!(
            urls.contains(&"https://ok.example/a".to_string()),
            "{urls:?}"
        );
        let opened: Vec<&String> = urls.iter().filter(|u| !u.is_empty()).collect();
        for url in &opened {
            assert!(
                url.starts_with("https://ok.example/") || url.starts_with("https://evil.example/"),
                "{url}"
            );
            assert!(!url.contains("javascript"), "{url}");
        }
        for bad in [
            &b"\x1b]0;"[..],
            b"\x1b]2;",
            b"\xc2\x9d",
            b"\xe2\x80\xae",
            b"\x07x",
        ] {
            assert!(!contains(&bytes, bad), "{bad:?} reached the terminal");
        }
        // The window lists what the markers stand for, and only those.
        let mut pty = pty;
        pty.send("L");
        assert!(pty.wait_for("links", EVENTUALLY), "{}", pty.screen_text());
        let screen = pty.screen_text();
        assert!(
            screen.contains("this article: https://news.example/harbour"),
            "{screen}"
        );
        assert!(screen.contains("[1] https://ok.example/a"), "{screen}");
        assert!(!screen.contains("javascript"), "{screen}");
        pty.send("q");
        quit(pty);
    }

    #[test]
    fn without_the_setting_there_are_no_hyperlinks() {
        let setup = Setup::new("");
        let pty = started(setup.spawn());
        pty.drain();
        assert!(!contains(&pty.all_bytes(), b"\x1b]8;"));
        quit(pty);
    }

    #[test]
    fn a_link_and_the_own_address_open_in_the_browser() {
        let setup = Setup::new("");
        let record = setup.path("browser.txt");
        let browser = script(
            setup.dir.path(),
            "browser",
            &format!(
                "printf '%s\\n' \"$@\" >> '{}'; echo END >> '{}'",
                record.display(),
                record.display()
            ),
        );
        let mut pty = started(setup.spawn().env("BROWSER", &browser));
        pty.send("L");
        assert!(pty.wait_for("links", EVENTUALLY), "{}", pty.screen_text());
        pty.send("j\r");
        assert_eq!(
            setup.wait_file("browser.txt"),
            "https://evil.example/]0;pwnedx\nEND\n"
        );
        assert!(
            pty.wait_for("opened https://evil.example/", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        assert!(
            pty.wait_for("authority[1]", EVENTUALLY),
            "redrawn after the browser"
        );
        fs::remove_file(&record).unwrap();
        pty.send("o");
        assert_eq!(
            setup.wait_file("browser.txt"),
            "https://news.example/harbour\nEND\n"
        );
        quit(pty);
    }

    #[test]
    fn over_ssh_the_address_is_copied_and_that_is_said() {
        let setup = Setup::new("");
        let mut pty = started(
            setup
                .spawn()
                .env("SSH_CONNECTION", "10.0.0.1 22 10.0.0.2 22"),
        );
        let mark = pty.mark();
        pty.send("o");
        assert!(
            pty.wait_for("over SSH: copied", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        // base64 of https://news.example/harbour
        assert!(contains(
            &pty.bytes_since(mark),
            b"\x1b]52;c;aHR0cHM6Ly9uZXdzLmV4YW1wbGUvaGFyYm91cg==\x07"
        ));
        quit(pty);
    }

    #[test]
    fn the_editor_and_the_pager_get_a_read_only_copy_and_give_the_terminal_back() {
        let setup = Setup::new("");
        let body = |name: &str| {
            let record = setup.path(name);
            format!(
                "{{ stat -c %a \"$1\"; head -n 1 \"$1\"; echo END; }} > '{}'",
                record.display()
            )
        };
        let editor = script(setup.dir.path(), "editor", &body("editor.txt"));
        let pager = script(setup.dir.path(), "pager", &body("pager.txt"));
        let mut pty = started(
            setup
                .spawn()
                .env("EDITOR", &editor)
                .env_remove("VISUAL")
                .env("PAGER", &pager),
        );
        pty.send("e");
        assert_eq!(setup.wait_file("editor.txt"), "400\nHarbour reopens\nEND\n");
        assert!(
            pty.wait_for("authority[1]", EVENTUALLY),
            "redrawn after the editor"
        );
        pty.send("v");
        assert_eq!(setup.wait_file("pager.txt"), "400\nHarbour reopens\nEND\n");
        assert!(
            pty.wait_for("authority[1]", EVENTUALLY),
            "redrawn after the pager"
        );
        // Keys reach folio again.
        pty.send("?");
        assert!(pty.wait_for("keys", EVENTUALLY), "{}", pty.screen_text());
        pty.send("q");
        quit(pty);
    }

    #[test]
    fn piping_shows_the_output_or_the_exit_status() {
        let setup = Setup::new("");
        let mut pty = started(setup.spawn());
        pty.send("|wc -l\r");
        assert!(
            pty.wait_until(EVENTUALLY, |p| p.screen_text().contains("`wc -l`: ")),
            "{}",
            pty.screen_text()
        );
        let copy = setup.path("piped.txt");
        pty.send(&format!(
            "|cat > '{}'; echo oops >&2; exit 3\r",
            copy.display()
        ));
        assert!(
            pty.wait_for("failed (exit status 3): oops", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        let piped = fs::read_to_string(&copy).unwrap();
        assert!(
            piped.starts_with("Harbour reopens\nnews.example\nhttps://news.example/harbour\n"),
            "{piped}"
        );
        assert!(piped.contains("[1] https://ok.example/a"), "{piped}");
        quit(pty);
    }

    #[test]
    fn the_export_key_writes_the_filtered_list_which_folio_reads_back() {
        let setup = Setup::new("");
        fs::write(
            setup.path("corpus/other.txt"),
            "Storm closes schools\n\nSchools closed across the region as the storm came in.\n",
        )
        .unwrap();
        let mut pty = started(setup.spawn());
        pty.send("/ferries\r");
        assert!(pty.wait_for("1/2", EVENTUALLY), "{}", pty.screen_text());
        let file = setup.path("out.jsonl");
        pty.send("w");
        assert!(
            pty.wait_for("export to file", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        // Ctrl-U empties the suggested name.
        pty.send(&format!("\x15{}\r", file.display()));
        assert!(
            pty.wait_for("exported 1 article to", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        let (titles, _) = list(&file);
        assert_eq!(titles, ["Harbour reopens"]);
        // Into the corpus it is refused.
        pty.send(&format!(
            "w\x15{}\r",
            setup.path("corpus/x.jsonl").display()
        ));
        assert!(
            pty.wait_for("is inside the corpus", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        assert!(!setup.path("corpus/x.jsonl").exists());
        quit(pty);
    }

    /// `folio --list FILE`: the titles and the exit code.
    fn list(file: &Path) -> (Vec<String>, Option<i32>) {
        let out = std::process::Command::new(crate::harness::folio())
            .arg("--list")
            .arg(file)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let titles = text
            .lines()
            .filter_map(|l| l.split('\t').nth(3).map(str::to_owned))
            .collect();
        (titles, out.status.code())
    }

    #[test]
    fn tags_and_saved_searches_survive_a_restart_and_tag_terms_work_on_the_command_line() {
        let dir = tempfile::tempdir().unwrap();
        let start = |fresh: bool| {
            let mut spawn = Spawn::folio(100, 30).env("XDG_STATE_HOME", dir.path().join("state"));
            if fresh {
                spawn = spawn.arg("--fresh");
            }
            let pty = spawn.start();
            assert!(pty.wait_for("5/5", EVENTUALLY), "{}", pty.screen_text());
            pty
        };
        let mut pty = start(false);
        pty.send("+Iran\r");
        assert!(
            pty.wait_for("tagged the article iran", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        pty.send("jj+iran\r");
        assert!(
            pty.wait_for("tagged the article iran", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        pty.send("/tag:iran\r");
        assert!(pty.wait_for("2/5", EVENTUALLY), "{}", pty.screen_text());
        pty.send("=mine\r");
        assert!(
            pty.wait_for("saved the search", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        quit(pty);

        let mut pty = start(true);
        pty.send("\"");
        assert!(
            pty.wait_for("mine  tag:iran", EVENTUALLY),
            "{}",
            pty.screen_text()
        );
        assert!(
            pty.wait_until(EVENTUALLY, |p| p.screen_text().contains("2 mine  tag:iran")),
            "the unread count: {}",
            pty.screen_text()
        );
        pty.send("\r");
        assert!(pty.wait_for("2/5", EVENTUALLY), "{}", pty.screen_text());
        quit(pty);

        let out = std::process::Command::new(crate::harness::folio())
            .args(["--filter", "tag:iran"])
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .output()
            .unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
        assert_eq!(out.status.code(), Some(0));
        let out = std::process::Command::new(crate::harness::folio())
            .args(["--filter", "tag:nosuchtag"])
            .env("XDG_STATE_HOME", dir.path().join("state"))
            .output()
            .unwrap();
        assert_eq!((out.stdout.len(), out.status.code()), (0, Some(1)));
    }

    #[test]
    fn in_the_accessible_mode_the_cursor_follows_the_selection() {
        let mut pty = Spawn::folio(100, 30).arg("--accessible").start();
        assert!(pty.wait_for("5/5", EVENTUALLY), "{}", pty.screen_text());
        assert!(pty.settle(Duration::from_millis(200)));
        let shown = |p: &Pty| p.with_screen(|s| (!s.hide_cursor(), s.cursor_position()));
        assert_eq!(shown(&pty), (true, (1, 1)), "on the first row of the list");
        pty.send("jj");
        assert!(
            pty.wait_until(EVENTUALLY, |p| shown(p) == (true, (3, 1))),
            "{:?}",
            shown(&pty)
        );
        assert!(
            pty.screen_text().starts_with("+ 5/5"),
            "{}",
            pty.screen_text()
        );
        quit(pty);
    }
}
