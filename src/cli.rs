//! The command line: arguments, the scriptable modes (`--list`, `--filter`, `--print`), and
//! handing over to the interface.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use crate::app::{self, Exit, Options, Source};
use crate::config::{self, Config};
use crate::corpus::{self, Article, LoadError, Skipped};
use crate::model::meta_line;
use crate::search::{MemoryIndex, Query, Searcher};
use crate::state::{self, Store};
use crate::text::wrap_ranges;
use crate::theme::ColorDepth;

/// A terminal reader for collections of news articles.
///
/// With no PATH, opens the bundled articles. Keys: `?` in the interface.
#[derive(Debug, Parser)]
#[command(name = "folio", version)]
pub struct Args {
    /// Files and folders to open, `-` for standard input (folders are read recursively: text,
    /// JSON Lines, JSON, CSV, web pages, mbox, each maybe gzip- or zstd-compressed). With no
    /// PATH and a pipe on standard input, reads standard input.
    pub paths: Vec<PathBuf>,
    /// Print one line per article: number, date, source, title, path (tab-separated).
    #[arg(long, conflicts_with_all = ["filter", "print"])]
    pub list: bool,
    /// Print the articles that QUERY finds, best first, as --list does.
    #[arg(long, value_name = "QUERY", conflicts_with = "print")]
    pub filter: Option<String>,
    /// Print article N (numbered as --list numbers them) as clean text.
    #[arg(long, value_name = "N")]
    pub print: Option<usize>,
    /// Wrap --print output to W columns (default: the terminal's width, or 80).
    #[arg(long, value_name = "W", requires = "print")]
    pub width: Option<u16>,
    /// Print JSON lines instead of text (skipped files too, on stderr).
    #[arg(long)]
    pub json: bool,
    /// Dataset fields by dotted path, over the usual names: `title=hed,text=story.body,date=meta.ts`.
    #[arg(long, value_name = "FIELD=PATH,...")]
    pub fields: Option<String>,
    /// Capture the mouse (off by default, so the terminal's own selection keeps working).
    #[arg(long)]
    pub mouse: bool,
    /// Start at the top, ignoring where the last session stopped (it is still recorded).
    #[arg(long)]
    pub fresh: bool,
    /// Print the default configuration file and exit.
    #[arg(long, exclusive = true)]
    pub print_config: bool,
}

/// An error with the exit status it calls for.
struct Failure {
    message: String,
    status: u8,
}

impl From<io::Error> for Failure {
    fn from(err: io::Error) -> Self {
        Failure {
            message: err.to_string(),
            status: 1,
        }
    }
}

/// Runs folio with parsed arguments and returns its exit status.
pub fn run(args: Args) -> ExitCode {
    match dispatch(&args) {
        Ok(code) => code,
        Err(f) if f.message.is_empty() => ExitCode::from(f.status),
        Err(f) => {
            eprintln!("folio: {}", f.message);
            ExitCode::from(f.status)
        }
    }
}

fn dispatch(args: &Args) -> Result<ExitCode, Failure> {
    if args.print_config {
        let mut out = io::stdout().lock();
        return match out.write_all(config::DEFAULT_CONFIG.as_bytes()) {
            Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(e.into()),
            _ => Ok(ExitCode::SUCCESS),
        };
    }
    let (config, problems) = crate::paths::config_file()
        .map(|p| config::load(&p))
        .unwrap_or_default();
    if let Some(spec) = &args.fields {
        let names =
            corpus::FieldNames::parse(spec).map_err(|message| Failure { message, status: 2 })?;
        corpus::use_field_names(names);
    }
    let (paths, stdin) = input(&args.paths)?;
    for path in &paths {
        if std::fs::symlink_metadata(path).is_err() {
            return Err(Failure {
                message: LoadError::NotFound(path.clone()).to_string(),
                status: 2,
            });
        }
    }
    let scripted = args.list || args.filter.is_some() || args.print.is_some();
    if scripted || !io::stdout().is_terminal() {
        for problem in &problems {
            eprintln!("folio: {problem}");
        }
        let (articles, skipped) = load(&paths, stdin)?;
        report_skipped(&skipped, args.json);
        let out = io::stdout().lock();
        let result = if let Some(n) = args.print {
            print_article(out, &articles, n, args)
        } else {
            let query = Query::parse(args.filter.as_deref().unwrap_or(""));
            list(out, articles, &query, args.json)
        };
        return match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
            other => other.map(|()| ExitCode::SUCCESS).map_err(Failure::from),
        };
    }
    interface(args, (paths, stdin), config, problems)
}

/// The paths to read without `-`, and standard input's bytes when it is to be read: when
/// `-` is given, or no path is and standard input is a pipe or a file.
fn input(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Option<Vec<u8>>), Failure> {
    let dash = |p: &&PathBuf| p.as_os_str() == "-";
    let wanted = if paths.is_empty() {
        let stdin = io::stdin();
        !stdin.is_terminal()
            && std::fs::metadata("/dev/stdin")
                .is_ok_and(|m| m.file_type().is_file() || is_fifo(&m.file_type()))
    } else {
        paths.iter().any(|p| dash(&p))
    };
    let rest: Vec<PathBuf> = paths.iter().filter(|p| !dash(p)).cloned().collect();
    if !wanted {
        return Ok((rest, None));
    }
    let mut bytes = Vec::new();
    io::stdin()
        .lock()
        .take(corpus::MAX_DATASET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure {
            message: format!("cannot read standard input: {e}"),
            status: 2,
        })?;
    Ok((rest, Some(bytes)))
}

#[cfg(unix)]
fn is_fifo(kind: &std::fs::FileType) -> bool {
    use std::os::unix::fs::FileTypeExt;
    kind.is_fifo()
}

#[cfg(not(unix))]
fn is_fifo(_kind: &std::fs::FileType) -> bool {
    false
}

fn interface(
    args: &Args,
    (paths, stdin): (Vec<PathBuf>, Option<Vec<u8>>),
    config: Config,
    problems: Vec<String>,
) -> Result<ExitCode, Failure> {
    let term = std::env::var("TERM").ok();
    if term.as_deref().is_none_or(|t| t.is_empty() || t == "dumb") {
        return Err(Failure {
            message: "this terminal (TERM is dumb or unset) cannot show the interface; \
                      use `folio --list` and `folio --print N` instead"
                .into(),
            status: 1,
        });
    }
    let depth = ColorDepth::from_env(
        std::env::var("NO_COLOR").ok().as_deref(),
        std::env::var("COLORTERM").ok().as_deref(),
        term.as_deref(),
    );
    let source = match stdin {
        Some(bytes) => Source::Stdin(paths, bytes),
        None if paths.is_empty() => {
            let (articles, skipped) = corpus::load_all(&corpus::bundled());
            Source::Loaded(articles, skipped)
        }
        None => Source::Paths(paths),
    };
    let (mut store, notice) = match crate::paths::state_dir() {
        Some(dir) => Store::open(&dir, &state::corpus_key(&args.paths)),
        None => (Store::memory_only(), None),
    };
    let mut notices: Vec<String> = notice.into_iter().collect();
    notices.extend(problems);
    let options = Options {
        theme: config.theme(depth),
        keymap: config.keymap,
        mouse: args.mouse,
        reading_width: config.reading_width,
        fresh: args.fresh,
        notices,
    };
    match app::run(source, options, &mut store)? {
        Exit::Quit | Exit::Signal(signal_hook::consts::SIGTERM) => Ok(ExitCode::SUCCESS),
        Exit::Signal(sig) => Ok(ExitCode::from(
            128u8.saturating_add(u8::try_from(sig).unwrap_or(0)),
        )),
        Exit::HangUp => Ok(ExitCode::from(129)),
    }
}

/// Loads the bundled articles, or the given paths and standard input, all at once.
fn load(
    paths: &[PathBuf],
    stdin: Option<Vec<u8>>,
) -> Result<(Vec<Article>, Vec<Skipped>), Failure> {
    if paths.is_empty() && stdin.is_none() {
        return Ok(corpus::load_all(&corpus::bundled()));
    }
    let (mut candidates, mut skipped) = corpus::discover(paths).map_err(|e| Failure {
        message: e.to_string(),
        status: 2,
    })?;
    candidates.splice(0..0, stdin.map(corpus::Candidate::stdin));
    let (articles, more) = corpus::load_all(&candidates);
    skipped.extend(more);
    Ok((articles, skipped))
}

/// One line per skipped file on stderr: `folio: skipped PATH: REASON`, or with `--json` a JSON
/// object with the path, the reason's machine name and its message.
fn report_skipped(skipped: &[Skipped], json: bool) {
    let mut err = io::stderr().lock();
    for s in skipped {
        let _ = writeln!(err, "{}", skipped_line(s, json));
    }
}

fn skipped_line(s: &Skipped, json: bool) -> String {
    if !json {
        return format!("folio: skipped {}: {}", s.place(), s.reason);
    }
    let mut line = serde_json::json!({
        "path": s.path,
        "reason": s.reason.name(),
        "message": s.reason.to_string(),
    });
    if !s.record.is_empty() {
        line["record"] = s.record.as_str().into();
    }
    line.to_string()
}

/// `--list` and `--filter`: one line per article, in the interface's order.
fn list(mut out: impl Write, articles: Vec<Article>, query: &Query, json: bool) -> io::Result<()> {
    let shared: Vec<Arc<Article>> = articles.into_iter().map(Arc::new).collect();
    let articles = &shared;
    let order: Vec<usize> = if query.is_empty() {
        (0..shared.len()).collect()
    } else {
        let mut searcher = MemoryIndex::new();
        searcher.add(&shared);
        searcher
            .search(query)
            .into_iter()
            .map(|r| r.id as usize)
            .collect()
    };
    for id in order {
        let a = &articles[id];
        if json {
            let line = serde_json::json!({
                "number": id + 1,
                "date": a.date,
                "source": a.source,
                "title": a.title,
                "path": a.path,
            });
            writeln!(out, "{line}")?;
        } else {
            writeln!(
                out,
                "{}\t{}\t{}\t{}\t{}",
                id + 1,
                a.date.as_deref().unwrap_or("-"),
                a.source.as_deref().unwrap_or("-"),
                a.title,
                a.path
            )?;
        }
    }
    out.flush()
}

/// `--print N`: the article as clean text wrapped to a width.
fn print_article(
    mut out: impl Write,
    articles: &[Article],
    n: usize,
    args: &Args,
) -> io::Result<()> {
    let Some(a) = n.checked_sub(1).and_then(|i| articles.get(i)) else {
        return Err(io::Error::other(format!(
            "no article {n} (there are {})",
            articles.len()
        )));
    };
    if args.json {
        let line = serde_json::json!({
            "number": n,
            "date": a.date,
            "source": a.source,
            "title": a.title,
            "path": a.path,
            "words": a.word_count(),
            "paragraphs": a.paragraphs,
        });
        writeln!(out, "{line}")?;
        return out.flush();
    }
    let width = usize::from(args.width.unwrap_or_else(|| {
        if io::stdout().is_terminal() {
            ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w)
        } else {
            80
        }
    }))
    .max(2);
    let meta = meta_line(a);
    let mut blocks = vec![a.title.as_str(), meta.as_str()];
    blocks.extend(a.paragraphs.iter().map(String::as_str));
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        for range in wrap_ranges(block, width) {
            writeln!(out, "{}", &block[range])?;
        }
    }
    out.flush()
}
