//! Loading a folder of hostile files: nothing hangs or fails, every file that is not an article
//! is skipped with a reason, and no control character reaches a title, paragraph or path.
#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

use folio::corpus::{Article, LoadError, MAX_FILE_BYTES, SkipReason, Skipped, discover, load_all};
use tempfile::TempDir;

const ESC: &str = "\x1b";

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&path, bytes).unwrap();
    path
}

fn is_unsafe(c: char) -> bool {
    (c as u32) < 0x20
        || (0x7f..=0x9f).contains(&(c as u32))
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn assert_drawable(articles: &[Article], skipped: &[Skipped]) {
    for a in articles {
        let texts = std::iter::once(&a.title)
            .chain(&a.paragraphs)
            .chain(std::iter::once(&a.path));
        for text in texts {
            assert!(!text.chars().any(is_unsafe), "{}: {text:?}", a.path);
        }
    }
    for s in skipped {
        assert!(
            !format!("{}{}{}", s.path, s.record, s.reason)
                .chars()
                .any(is_unsafe),
            "{s:?}"
        );
    }
}

fn load(dir: &Path) -> (Vec<Article>, Vec<Skipped>) {
    let (cands, mut skipped) = discover(&[dir.to_path_buf()]).unwrap();
    let names: Vec<&str> = cands.iter().map(|c| c.display.as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "candidates come sorted");
    for c in &cands {
        let on_disk = fs::metadata(c.path().unwrap()).unwrap().len();
        assert_eq!(c.size(), on_disk, "{}", c.display);
    }
    let (articles, more) = load_all(&cands);
    skipped.extend(more);
    assert_drawable(&articles, &skipped);
    (articles, skipped)
}

/// Why the file whose path ends with `name` was skipped, as shown.
fn reason(skipped: &[Skipped], name: &str) -> String {
    let found = skipped.iter().find(|s| s.path.ends_with(name));
    found.map_or_else(
        || panic!("{name} not skipped: {skipped:#?}"),
        |s| s.reason.to_string(),
    )
}

fn title<'a>(articles: &'a [Article], name: &str) -> &'a str {
    let found = articles.iter().find(|a| a.path.ends_with(name));
    found.map_or_else(|| panic!("{name} not loaded"), |a| a.title.as_str())
}

#[test]
fn files_that_are_not_articles_are_skipped_with_reasons() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(d, "empty.txt", "");
    write(
        d,
        "blank.txt",
        "  \t \n\n \u{a0}\u{3000}\u{200b}\n".repeat(20),
    );
    write(d, "nul.txt", b"text before NUL\x00after NUL\n");
    write(d, "png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(d, "zip.txt", b"PK\x03\x04\x14\x00\x00\x00");
    write(d, "elf.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00tail text\n");
    write(
        d,
        "escapes-only.txt",
        format!("{ESC}[0m{ESC}]0;title\x07\n"),
    );
    write(d, "image.png", b"\x89PNG\r\n\x1a\n");
    let big = fs::File::create(d.join("sparse.txt")).unwrap();
    big.set_len(MAX_FILE_BYTES + 1).unwrap();
    let (articles, skipped) = load(d);

    assert!(articles.is_empty(), "{articles:?}");
    assert_eq!(reason(&skipped, "empty.txt"), "empty file");
    assert_eq!(reason(&skipped, "blank.txt"), "only whitespace");
    assert_eq!(
        reason(&skipped, "nul.txt"),
        "binary file (contains NUL bytes)"
    );
    assert_eq!(reason(&skipped, "png.txt"), "binary file (PNG image)");
    assert_eq!(reason(&skipped, "zip.txt"), "binary file (ZIP archive)");
    assert_eq!(reason(&skipped, "elf.txt"), "binary file (ELF executable)");
    assert_eq!(reason(&skipped, "escapes-only.txt"), "no text");
    assert_eq!(
        reason(&skipped, "sparse.txt"),
        "too large (64.0 MiB, limit 64 MiB)"
    );
    assert!(
        !skipped.iter().any(|s| s.path.ends_with("image.png")),
        "not an article name"
    );
}

#[test]
fn encodings_and_line_ends_are_read() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(
        d,
        "latin1.txt",
        b"Caf\xe9 prices rose \xa35\n\nna\xefve r\xe9sum\xe9\n",
    );
    let utf16: Vec<u8> = "\u{feff}UTF-16 headline\r\n\r\nBody in UTF-16.\r\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    write(d, "utf16.txt", utf16);
    write(d, "crlf.txt", "CRLF headline\r\n\r\nFirst line.\r\n");
    write(d, "cr.txt", "CR headline\r\rFirst line.\r");
    write(d, "bom.txt", "\u{feff}BOM headline\n\nMid\u{feff}text.\n");
    let (articles, skipped) = load(d);

    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(title(&articles, "latin1.txt"), "Café prices rose £5");
    assert_eq!(title(&articles, "utf16.txt"), "UTF-16 headline");
    assert_eq!(title(&articles, "crlf.txt"), "CRLF headline");
    assert_eq!(title(&articles, "cr.txt"), "CR headline");
    assert_eq!(title(&articles, "bom.txt"), "BOM headline");
    let bom = articles
        .iter()
        .find(|a| a.path.ends_with("bom.txt"))
        .unwrap();
    assert_eq!(bom.paragraphs, ["Midtext."]);
}

#[test]
fn terminal_escapes_and_controls_never_reach_the_text() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    write(
        d,
        "escapes.txt",
        format!(
            "{ESC}]0;pwned title\x07{ESC}[2JReal headline\n\n\
             red {ESC}[31;1mbold{ESC}[0m text\n\
             clip{ESC}]52;c;SGVsbG8=\x07board {ESC}]2;title{ESC}\\set\n\
             {ESC}]8;;https://evil.example/{ESC}\\innocent link{ESC}]8;;{ESC}\\\n\
             C1 \u{9b}31mcsi \u{9d}0;t\u{9c}osc \u{85}nel \u{90}dcs\u{9c}end\n\
             b\x08bo\x08ol\x08ld\x08d\n\
             \u{202e}abc\u{202c} \u{2066}iso\u{2069} \x07\x0e\x0f\x7f\n"
        ),
    );
    let (articles, skipped) = load(d);

    assert!(skipped.is_empty(), "{skipped:?}");
    let a = &articles[0];
    assert_eq!(a.title, "Real headline");
    let text = a.paragraphs.join("\n");
    for gone in ["pwned", "evil", "SGVsbG8", "31m", "0;t", "title"] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
    for kept in [
        "red bold text",
        "clipboard set",
        "innocent link",
        "csi",
        "osc",
        "nel",
        "end",
        "bold",
        "abc iso",
    ] {
        assert!(text.contains(kept), "{kept} missing from {text}");
    }
}

#[test]
fn a_million_lines_load() {
    let tmp = TempDir::new().unwrap();
    let lines: String = (0..1_000_000).map(|i| format!("line {i:07}\n")).collect();
    write(tmp.path(), "many-lines.txt", lines);
    let single = "The quick brown fox jumps over the lazy dog. ".repeat(100_000);
    write(tmp.path(), "single-line.txt", single);
    let (articles, skipped) = load(tmp.path());

    assert!(skipped.is_empty());
    let many = articles
        .iter()
        .find(|a| a.path.ends_with("many-lines.txt"))
        .unwrap();
    assert_eq!(many.title, "line 0000000");
    assert_eq!(many.paragraphs.len(), 999_999);
    let single = articles
        .iter()
        .find(|a| a.path.ends_with("single-line.txt"))
        .unwrap();
    assert!(single.paragraphs.iter().all(|p| p.len() <= 16 * 1024));
    assert_eq!(
        single.word_count(),
        900_000 - 9,
        "the first sentence is the title and is not repeated in the body"
    );
}

#[test]
fn names_given_directly_are_taken_and_a_missing_one_is_an_error() {
    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    let html = write(d, "notes.html", "Direct headline\n\nBody.\n");
    let hidden = write(d, "sub/.hidden.txt", "Hidden\n");
    let inside = write(d, "sub/inside.txt", "Inside\n\nBody.\n");
    write(d, "sub/.git/config", "Hidden folder\n");
    write(
        d,
        "x.txt/in-a-folder-named-x.txt",
        "Folder named like a file\n\nBody.\n",
    );
    write(
        d,
        "names/esc-\x1b[31mred\x1b[0m\nname.txt",
        "Odd name\n\nBody.\n",
    );

    let (cands, skipped) =
        discover(&[html.clone(), d.to_path_buf(), inside.clone(), hidden]).unwrap();
    assert!(skipped.is_empty());
    let names: Vec<&str> = cands.iter().map(|c| c.display.as_str()).collect();
    assert_eq!(
        names.iter().filter(|n| n.ends_with("inside.txt")).count(),
        1,
        "{names:?}"
    );
    assert_eq!(
        names.iter().filter(|n| n.ends_with(".hidden.txt")).count(),
        1,
        "given directly"
    );
    assert!(names.iter().any(|n| n.ends_with("notes.html")));
    assert!(
        names
            .iter()
            .any(|n| n.ends_with("x.txt/in-a-folder-named-x.txt"))
    );
    assert!(
        names.iter().any(|n| n.ends_with("names/esc-red␊name.txt")),
        "{names:?}"
    );
    assert!(!names.iter().any(|n| n.contains(".git")));
    let (articles, skipped) = load_all(&cands);
    assert_eq!((articles.len(), skipped.len()), (cands.len(), 0));

    let missing = d.join("missing.txt");
    let err = discover(std::slice::from_ref(&missing)).unwrap_err();
    assert!(matches!(&err, LoadError::NotFound(p) if *p == missing));
    assert!(err.to_string().starts_with("no such file or folder: "));
}

#[cfg(unix)]
#[test]
fn links_pipes_and_permissions_are_skipped_not_fatal() {
    use std::os::unix::fs::{PermissionsExt, symlink};

    let tmp = TempDir::new().unwrap();
    let d = tmp.path();
    let real = write(d, "real-article.txt", "The only real article\n\nBody.\n");
    symlink("real-article.txt", d.join("good-link.txt")).unwrap();
    symlink("b.txt", d.join("a.txt")).unwrap();
    symlink("a.txt", d.join("b.txt")).unwrap();
    symlink("missing.txt", d.join("dangling.txt")).unwrap();
    symlink(".", d.join("self")).unwrap();
    fs::create_dir(d.join("sub")).unwrap();
    symlink("..", d.join("sub/up")).unwrap();
    let locked = write(d, "locked.txt", "Locked headline\n\nBody.\n");
    fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
    let root_reads_anyway = fs::read(&locked).is_ok();
    let fifo = d.join("fifo.txt");
    let have_fifo = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());

    let (articles, skipped) = load(d);
    assert_eq!(reason(&skipped, "/a.txt"), "symbolic link loop");
    assert_eq!(reason(&skipped, "/b.txt"), "symbolic link loop");
    assert_eq!(reason(&skipped, "dangling.txt"), "dangling link");
    assert_eq!(reason(&skipped, "/self"), "symbolic link loop");
    assert_eq!(reason(&skipped, "sub/up"), "symbolic link loop");
    if have_fifo {
        assert_eq!(reason(&skipped, "fifo.txt"), "named pipe");
        let (cands, direct) = discover(&[fifo]).unwrap();
        assert!(cands.is_empty());
        assert_eq!(direct[0].reason, SkipReason::NamedPipe);
        assert_eq!(direct[0].reason.name(), "named_pipe");
    }
    if root_reads_anyway {
        assert_eq!(title(&articles, "locked.txt"), "Locked headline");
    } else {
        assert_eq!(reason(&skipped, "locked.txt"), "permission denied");
    }
    let real_ones: Vec<&str> = articles
        .iter()
        .filter(|a| a.title == "The only real article")
        .map(|a| a.path.as_str())
        .collect();
    assert_eq!(
        real_ones,
        [real.to_string_lossy()],
        "a file reached through a link counts once"
    );

    let (_, direct) = discover(&[d.join("dangling.txt"), d.join("a.txt")]).unwrap();
    let reasons: Vec<String> = direct.iter().map(|s| s.reason.to_string()).collect();
    assert_eq!(reasons, ["symbolic link loop", "dangling link"]);
    let reasons: Vec<&SkipReason> = direct.iter().map(|s| &s.reason).collect();
    assert_eq!(reasons, [&SkipReason::LinkLoop, &SkipReason::DanglingLink]);
}
