//! The command line: arguments, the scriptable modes (`--list`, `--filter`, `--print`,
//! `--skipped`) with grep's exit codes, and handing over to the interface.

mod export;
mod input;
mod report;
mod stories;

use input::input;

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use clap::Parser;

use crate::app::{self, Exit, Options, Source};
use crate::config::{self, Config};
use crate::corpus::{self, Article, Block, LoadError, Skipped};
use crate::model::{BlockKind, block_lines, meta_line, quote_prefix};
use crate::search::{MemoryIndex, Query, Searcher};
use crate::state::{self, Store};
use crate::theme::ColorDepth;
use report::RealPaths;

/// A terminal reader for collections of news articles.
///
/// With no PATH, opens the bundled articles. Keys: `?` in the interface.
#[derive(Debug, Parser)]
#[command(name = "folio", version)]
pub struct Args {
    /// Files and folders to open, `-` for standard input (folders are read recursively: text,
    /// JSON Lines, JSON, CSV, web pages, mbox, each maybe compressed with gzip, zstd, bzip2 or
    /// xz). With no PATH and a pipe on standard input, reads standard input.
    pub paths: Vec<PathBuf>,
    /// Print one line per article: number, date, source, title, path (tab-separated).
    #[arg(long, conflicts_with_all = ["filter", "print", "skipped"])]
    pub list: bool,
    /// Print the articles that QUERY finds, best first, as --list does.
    #[arg(long, value_name = "QUERY", conflicts_with_all = ["print", "skipped"])]
    pub filter: Option<String>,
    /// Print article N (numbered as --list numbers them) as clean text.
    #[arg(long, value_name = "N", conflicts_with = "skipped")]
    pub print: Option<usize>,
    /// Wrap --print output to W columns, at least 20 (default: the reading width, 80 unless
    /// the settings say otherwise).
    #[arg(long, value_name = "W", requires = "print",
          value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,
    /// Print every file that was skipped and why (PATH, tab, reason), and exit.
    #[arg(long)]
    pub skipped: bool,
    /// Dataset fields by dotted path, over the usual names: `title=hed,text=story.body,date=meta.ts`.
    #[arg(long, value_name = "FIELD=PATH,...")]
    pub fields: Option<String>,
    /// Print each story of two or more articles (articles reporting one event): a line
    /// `story N: K articles, FIRST to LAST date`, then its articles as --list prints them.
    #[arg(long, conflicts_with_all = ["list", "filter", "print", "skipped"])]
    pub stories: bool,
    /// Print JSON lines instead of text (skipped files too, on stderr).
    #[arg(long)]
    pub json: bool,
    /// Capture the mouse (off by default, so the terminal's own selection keeps working).
    #[arg(long)]
    pub mouse: bool,
    /// Accessible mode: the terminal's cursor follows the selection (for screen readers), ASCII
    /// borders (also `accessible = true` in the settings).
    #[arg(long)]
    pub accessible: bool,
    /// Start at the top, ignoring where the last session stopped (it is still recorded).
    #[arg(long)]
    pub fresh: bool,
    /// Neither read nor write the index cache ($XDG_CACHE_HOME/folio) this time.
    #[arg(long, conflicts_with = "rebuild_index")]
    pub no_cache: bool,
    /// Read every file again and write the index cache anew (with --list or --filter too).
    #[arg(long)]
    pub rebuild_index: bool,
    /// Write the articles (with --filter, those it finds, best first) as FORMAT: jsonl, csv or
    /// md, with title, date, source, address and clean text, to standard output or --output.
    #[arg(long, value_name = "FORMAT", conflicts_with_all = ["list", "print", "skipped"])]
    pub export: Option<String>,
    /// Write --export's output to FILE instead (never inside the corpus).
    #[arg(long, value_name = "FILE", requires = "export")]
    pub output: Option<PathBuf>,
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
    // Dataset fields: --fields for this run, else the settings' [fields].
    let names = match &args.fields {
        Some(spec) => {
            corpus::FieldNames::parse(spec).map_err(|message| Failure { message, status: 2 })?
        }
        None => config.fields.clone(),
    };
    let cache = cache_use(args, &config, &names);
    if names != corpus::FieldNames::default() {
        corpus::use_field_names(names);
    }
    let (given, stdin) = input(&args.paths)?;
    // A missing path is named, and the rest are read, as grep does; none left is an error.
    let (paths, missing): (Vec<PathBuf>, Vec<PathBuf>) = given
        .into_iter()
        .partition(|p| std::fs::symlink_metadata(p).is_ok());
    let missing: Vec<String> = missing
        .into_iter()
        .map(|p| LoadError::NotFound(p).to_string())
        .collect();
    if paths.is_empty() && stdin.is_none() && !missing.is_empty() {
        return Err(Failure {
            message: missing.join("; "),
            status: 2,
        });
    }
    let scripted = args.list
        || args.filter.is_some()
        || args.print.is_some()
        || args.skipped
        || args.export.is_some()
        || args.stories;
    if scripted || !io::stdout().is_terminal() {
        for problem in problems.iter().chain(&missing) {
            eprintln!("folio: {problem}");
        }
        let found = scripted_output(args, &paths, stdin, config.reading_width, cache.as_ref())?;
        // grep's codes: 2 when a path could not be read (even if the rest printed), 1 when
        // --filter found nothing, else 0.
        return Ok(if !missing.is_empty() {
            ExitCode::from(2)
        } else if found {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        });
    }
    let mut problems = problems;
    problems.extend(missing);
    interface(args, (&paths, stdin), config, problems, cache)
}

/// Where the index cache is and how it is used this time; `None` with `--no-cache`, a zero
/// `cache_limit` or no folder for it.
fn cache_use(args: &Args, config: &Config, names: &corpus::FieldNames) -> Option<app::CacheUse> {
    if args.no_cache || config.cache_limit == 0 {
        return None;
    }
    Some(app::CacheUse {
        cache: crate::cache::Cache {
            dir: crate::paths::cache_dir()?,
            limit: config.cache_limit,
            settings: format!("{names:?}"),
        },
        rebuild: args.rebuild_index,
    })
}

/// `--list`, `--filter`, `--print` or `--skipped` over `paths`: whether anything was found
/// (false only when `--filter` matched nothing). A closed pipe is success.
fn scripted_output(
    args: &Args,
    paths: &[PathBuf],
    stdin: Option<Vec<u8>>,
    reading_width: u16,
    cache: Option<&app::CacheUse>,
) -> Result<bool, Failure> {
    let key = match &stdin {
        Some(_) if paths.is_empty() => "stdin".to_string(),
        Some(_) => format!("{}-stdin", state::corpus_key(paths)),
        None => state::corpus_key(paths),
    };
    let needs_bodies = args.print.is_some() || args.export.is_some();
    let loaded = load(paths, stdin, cache, needs_bodies)?;
    let (articles, skipped, real) = (loaded.articles, loaded.skipped, loaded.real);
    let mut searcher = loaded.searcher;
    // `tag:` terms are kept to the articles so tagged in the reading state (src/tags.rs).
    let (searched, tags) = crate::tags::split_tags(args.filter.as_deref().unwrap_or(""));
    let tagged = tagged_in_state(&tags, &key, &articles);
    let keep = |id: usize| tagged.as_ref().is_none_or(|t| t.contains(&id));
    let out = io::stdout().lock();
    let result = if args.skipped {
        print_skipped(out, &skipped, args.json).map(|()| true)
    } else {
        report_skipped(&skipped, args.json);
        // `entity:` terms are applied to the result, outside the search, as `tag:` terms are.
        let (text, names) = crate::model::split_entities(&searched);
        let query = Query::parse(&text);
        let grouping = (args.json || !names.is_empty()).then(|| stories::group(&articles));
        let chosen = |searcher: &mut Option<Box<dyn Searcher>>| {
            let order = order(&articles, searcher, &query, &keep);
            match &grouping {
                Some(g) if !names.is_empty() => stories::naming(order, g, &names),
                _ => order,
            }
        };
        let everything = query.is_empty() && tags.is_empty() && names.is_empty();
        if let Some(format) = &args.export {
            drop(out);
            let output = args.output.as_deref();
            let chosen: Vec<Arc<Article>> = chosen(&mut searcher)
                .iter()
                .filter_map(|&id| articles.get(id).map(Article::full))
                .collect();
            let found = !chosen.is_empty() || everything;
            return export::export(format, output, paths, &chosen).map(|()| found);
        }
        if args.stories {
            stories::print(out, &articles, &real, args.json).map(|_| true)
        } else if let Some(n) = args.print {
            let width = args.width.unwrap_or(reading_width).max(20);
            print_article(out, &articles, &real, n, args.json, width).map(|()| true)
        } else {
            let order = chosen(&mut searcher);
            list(out, &articles, &order, &real, grouping.as_ref(), args.json)
                .map(|n| n > 0 || everything)
        }
    };
    match result {
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(true),
        other => other.map_err(Failure::from),
    }
}

fn interface(
    args: &Args,
    (paths, stdin): (&[PathBuf], Option<Vec<u8>>),
    config: Config,
    problems: Vec<String>,
    cache: Option<app::CacheUse>,
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
    // What came on standard input is a corpus of its own, beside any paths given with it.
    let key = match &stdin {
        Some(_) if paths.is_empty() => "stdin".to_string(),
        Some(_) => format!("{}-stdin", state::corpus_key(paths)),
        None => state::corpus_key(paths),
    };
    let source = match stdin {
        Some(bytes) => Source::Stdin(paths.to_vec(), bytes),
        None if paths.is_empty() => {
            let (articles, skipped) = corpus::load_all(&corpus::bundled());
            Source::Loaded(articles, skipped)
        }
        None => Source::Paths(paths.to_vec()),
    };
    let (mut store, notice) = match crate::paths::state_dir() {
        Some(dir) => Store::open(&dir, &key),
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
        cache,
        hyperlinks: config.hyperlinks,
        searches: config.searches,
        actions: config.actions,
        accessible: args.accessible || config.accessible,
    };
    match app::run(source, options, &mut store)? {
        Exit::Quit | Exit::Signal(signal_hook::consts::SIGTERM) => Ok(ExitCode::SUCCESS),
        Exit::Signal(sig) => Ok(ExitCode::from(
            128u8.saturating_add(u8::try_from(sig).unwrap_or(0)),
        )),
        Exit::HangUp => Ok(ExitCode::from(129)),
    }
}

/// What the scripted modes work on: every article, the skipped files, the real paths, and a
/// searcher over them when the cache gave one.
struct Loaded {
    articles: Vec<Arc<Article>>,
    skipped: Vec<Skipped>,
    real: RealPaths,
    searcher: Option<Box<dyn Searcher>>,
}

/// With tag terms, the articles (by number) whose reading state passes them; `None` without.
fn tagged_in_state(
    tags: &crate::tags::TagFilter,
    key: &str,
    articles: &[Arc<Article>],
) -> Option<std::collections::HashSet<usize>> {
    if tags.is_empty() {
        return None;
    }
    let store = match crate::paths::state_dir() {
        Some(dir) => Store::open(&dir, key).0,
        None => Store::memory_only(),
    };
    Some(
        articles
            .iter()
            .enumerate()
            .filter(|(_, a)| tags.matches(&store.article(a.hash)))
            .map(|(i, _)| i)
            .collect(),
    )
}

/// Loads the bundled articles, or the given paths and standard input, all at once, with the
/// real path of each file: through the index cache when it holds the corpus (only the files
/// changed since are read), else by reading every file.
fn load(
    paths: &[PathBuf],
    stdin: Option<Vec<u8>>,
    cache: Option<&app::CacheUse>,
    needs_bodies: bool,
) -> Result<Loaded, Failure> {
    if paths.is_empty() && stdin.is_none() {
        let (articles, skipped) = corpus::load_all(&corpus::bundled());
        return Ok(Loaded {
            articles: articles.into_iter().map(Arc::new).collect(),
            skipped,
            real: RealPaths::default(),
            searcher: None,
        });
    }
    let built_s = crate::cache::now_s();
    let cache = cache.filter(|_| stdin.is_none());
    let key = cache.and_then(|c| crate::cache::Key::of(paths, &c.cache.settings));
    let usable = cache.filter(|c| !c.rebuild).map(|c| &c.cache);
    let (found, opened, damage) =
        crate::cache::find_while(usable, key.as_ref(), || corpus::discover(paths));
    if let Some(damage) = damage {
        eprintln!("folio: the index cache was unusable ({damage}): set aside");
    }
    // --print and --export need the articles' texts: a cache whose texts are damaged is not
    // used for them (and is set aside).
    let opened = match (opened, cache) {
        (Some(o), Some(c)) if needs_bodies && !o.bodies_sound() => {
            eprintln!("folio: the index cache's article texts are damaged: set aside");
            o.set_aside_in(&c.cache);
            None
        }
        (opened, _) => opened,
    };
    let (mut candidates, mut skipped) = found.map_err(|e| Failure {
        message: e.to_string(),
        status: 2,
    })?;
    candidates.splice(0..0, stdin.map(corpus::Candidate::stdin));
    let plan = opened
        .as_ref()
        .zip(key.as_ref())
        .map(|(o, k)| crate::cache::plan::plan(k, o, &candidates));
    let from = crate::cache::stream::From {
        key: key.as_ref(),
        cache: opened.as_ref().zip(plan.as_ref()),
    };
    let mut articles = Vec::new();
    let files = crate::cache::stream::stream(&candidates, &from, |batch| {
        articles.extend(batch.articles.into_iter().map(Arc::new));
        skipped.extend(batch.skipped);
        true
    });
    let mut searcher: Option<Box<dyn Searcher>> = None;
    if let Some(opened) = opened {
        if let Ok(index) = opened.index() {
            let bodies: Arc<dyn corpus::Bodies> = opened;
            let mut mapped = crate::search::MappedIndex::new(index, bodies);
            mapped.add(&articles);
            searcher = Some(Box::new(mapped));
        }
    } else if let (Some(c), Some(key), Some(files)) = (cache.filter(|c| c.rebuild), key, files) {
        // --rebuild-index: index everything and write the cache for the next time.
        let mut memory = MemoryIndex::new();
        memory.add(&articles);
        let manifest = crate::cache::Manifest {
            key,
            files,
            built_s,
        };
        if let Some(snapshot) = memory.snapshot()
            && let Some(index) = snapshot.index
            && let Err(e) = c.cache.save(&manifest, &index, &articles)
        {
            eprintln!("folio: the index cache could not be written: {e}");
        }
        searcher = Some(Box::new(memory));
    }
    Ok(Loaded {
        articles,
        skipped,
        real: RealPaths::of(&candidates),
        searcher,
    })
}

/// Skipped files, summarised in one line on stderr (a JSON line with `--json`).
fn report_skipped(skipped: &[Skipped], json: bool) {
    let summary = if json {
        report::skipped_summary_json(skipped)
    } else {
        report::skipped_summary(skipped)
    };
    if let Some(line) = summary {
        let _ = writeln!(io::stderr().lock(), "{line}");
    }
}

/// `--skipped`: every skipped file, one line each.
fn print_skipped(mut out: impl Write, skipped: &[Skipped], json: bool) -> io::Result<()> {
    for s in skipped {
        writeln!(out, "{}", report::skipped_line(s, json))?;
    }
    out.flush()
}

/// `--list` and `--filter`: one line per article, in the interface's order; how many.
/// The articles in the interface's order, those `keep` keeps: all as loaded, or those `query`
/// finds, best first (through `searcher` when the cache gave one, else searched once).
fn order(
    articles: &[Arc<Article>],
    searcher: &mut Option<Box<dyn Searcher>>,
    query: &Query,
    keep: &dyn Fn(usize) -> bool,
) -> Vec<usize> {
    let order: Vec<usize> = if query.is_empty() {
        (0..articles.len()).collect()
    } else {
        let ranked = match searcher {
            Some(searcher) => searcher.search(query),
            None => crate::search::search_once(articles, query),
        };
        ranked.into_iter().map(|r| r.id as usize).collect()
    };
    order.into_iter().filter(|id| keep(*id)).collect()
}

fn list(
    mut out: impl Write,
    articles: &[Arc<Article>],
    order: &[usize],
    real: &RealPaths,
    grouping: Option<&crate::stories::Grouping>,
    json: bool,
) -> io::Result<usize> {
    // On a terminal, paths as the interface shows them; on a pipe, the real ones, escaped.
    let terminal = io::stdout().is_terminal();
    let count = order.len();
    for &id in order {
        let a = &articles[id];
        if json {
            let mut line = serde_json::json!({
                "number": id + 1,
                "date": a.date,
                "source": a.source,
                "title": a.title,
            });
            report::json_path(&mut line, &a.path, real.get(&a.path));
            if let Some(g) = grouping {
                stories::json_fields(&mut line, g, id as u32);
            }
            writeln!(out, "{line}")?;
        } else {
            writeln!(out, "{}", report::list_line(id, a, real, terminal))?;
        }
    }
    out.flush()?;
    Ok(count)
}

/// `--print N`: the article as clean text wrapped to a width.
fn print_article(
    mut out: impl Write,
    articles: &[Arc<Article>],
    real: &RealPaths,
    n: usize,
    json: bool,
    width: u16,
) -> io::Result<()> {
    let Some(a) = n.checked_sub(1).and_then(|i| articles.get(i)) else {
        return Err(io::Error::other(format!(
            "no article {n} (there are {})",
            articles.len()
        )));
    };
    let a = &a.full();
    if json {
        let mut line = serde_json::json!({
            "number": n,
            "date": a.date,
            "source": a.source,
            "title": a.title,
            "words": a.word_count(),
            "paragraphs": a.paragraphs,
            "kinds": (0..a.paragraphs.len()).map(|i| kind_name(a.kind(i))).collect::<Vec<_>>(),
        });
        report::json_path(&mut line, &a.path, real.get(&a.path));
        writeln!(out, "{line}")?;
        return out.flush();
    }
    let width = usize::from(width);
    let meta = meta_line(a);
    let mut blocks = vec![
        (a.title.as_str(), BlockKind::Title),
        (&meta, BlockKind::Meta),
    ];
    let kinds = (0..).map(|i| BlockKind::of(a.kind(i)));
    blocks.extend(a.paragraphs.iter().map(String::as_str).zip(kinds));
    let mut previous = BlockKind::Title;
    for (i, (block, kind)) in blocks.into_iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        // Plain text cannot dim a signature: it gets back the line that opened it.
        if kind == BlockKind::Signature && previous != BlockKind::Signature {
            writeln!(out, "-- ")?;
        }
        previous = kind;
        let prefix = quote_prefix(block, kind);
        for range in block_lines(block, kind, width) {
            writeln!(out, "{prefix}{}", &block[range])?;
        }
    }
    out.flush()
}

/// What `--print --json` calls a paragraph's kind.
fn kind_name(block: Block) -> &'static str {
    match block {
        Block::Text => "text",
        Block::Quote { .. } => "quote",
        Block::Preformatted => "preformatted",
        Block::Signature => "signature",
    }
}
