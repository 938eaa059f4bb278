//! `jianbao`: the command-line tool. Reads raw newspaper pages, parses each
//! with [`jianbao::parse`] and writes what [`jianbao::render`] makes of it.
//!
//! ```text
//! jianbao [OPTIONS] FILE...
//!
//! jianbao page.txt                      # the page JSON on stdout
//! jianbao --pretty page.txt             # the same, indented
//! jianbao pages/*.txt > pages.jsonl     # JSON Lines: one page a line
//! jianbao -o out/ pages/*.txt           # out/NAME.json for each pages/NAME.txt
//! jianbao -f csv pages/*.txt > a.csv    # one row per article
//! find pages -name '*.txt' | jianbao --files-from - -o out/
//! ```
//!
//! Output formats (`--format`) are the crate's format registry,
//! [`jianbao::formats`], so the npm package and the web page write the same
//! bytes: `json` (the default: the page JSON; several pages one a line),
//! `jsonl` (one page a line), `articles` (one article a line), `markdown`,
//! `text`, `csv`, `dolma` (one dolma document a line per article, for
//! corpora; `added` the time of the run unless `--added` says otherwise),
//! `tei` (one TEI P5 document per page; several pages on stdout are one
//! `<teiCorpus>`). Every page JSON read from a file carries
//! `"source": {"file", "page"?, "encoding"}`.
//!
//! `--input-format jsonl` reads JSON Lines of pages instead of page files
//! (`--text-field`, default `text`; `--id-field`, default `id`, the record's
//! `source.file`): records are parsed in parallel batches and written in
//! order as each batch finishes, so memory stays flat however long the
//! stream. The default format is then `articles`.
//!
//! A file of several pages divided by form feeds (as `pdftotext` writes a
//! whole issue) is parsed page by page, each page's spans indexing the whole
//! file: on stdout the pages follow one another, with `-o DIR` each is
//! `DIR/STEM.pN.EXT`.
//!
//! With `-o DIR` each input gets its own file, `DIR/STEM.EXT` (`pages/x.txt`
//! → `DIR/x.json`; the format's extension; standard input is `stdin`),
//! stdout stays empty and a summary goes to stderr.
//!
//! A directory argument is read recursively: its `*.txt` files, or every
//! file with `--all`, in name order. With no FILE and standard input not a
//! terminal, standard input is read. Input may be UTF-8, UTF-16, GB18030/GBK
//! or Big5 (see [`jianbao::decode`]; `--encoding` names it instead); inputs
//! over `--max-bytes` (256 MB unless told) are refused unread. Inputs are
//! parsed in parallel, in batches, and written in input order as each batch
//! finishes, so memory stays bounded however many files there are. Empty
//! input is a page like any other (the parser warns `empty_input`).
//!
//! Exit status: 0 when every input was parsed and written (an empty input
//! too); 1 when some input could not be read or decoded, was larger than
//! `--max-bytes`, or its output could not be written (a
//! `jianbao: FILE: reason` line on stderr each; the others are still
//! processed); 2 on a usage error (unknown flag, bad value, no input). A
//! closed stdout (`jianbao … | head`) ends the run quietly.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jianbao::formats::{self, Format, RenderOptions};
use jianbao::{decode, Document, Options, SourcedPage};
use rayon::prelude::*;

/// How many inputs are parsed before their output is written: what bounds
/// memory on large batches.
const BATCH: usize = 256;

/// The default of `--max-bytes`: 256 MB.
const MAX_BYTES: u64 = 256 << 20;

const AFTER_HELP: &str = "\
Output:
  One FILE prints its page JSON (schema jianbao/1), with a \"source\" key
  naming the file and its encoding. Several pages (several FILEs, or a FILE
  of pages divided by form feeds, as pdftotext writes them) print one page
  JSON a line. With -o DIR nothing is printed on stdout: DIR/STEM.json is
  written for each FILE (DIR/STEM.p3.json for page 3 of a file of several;
  the extension follows the format; standard input is named \"stdin\") and a
  summary goes to stderr.

Input:
  A directory is read recursively: its *.txt files (every file with --all).
  With no FILE, standard input is read when it is not a terminal. The
  encoding (UTF-8, UTF-16, GB18030/GBK, Big5) is detected, or named with
  --encoding. Inputs larger than --max-bytes (256 MB) are refused unread.

  With --input-format jsonl each FILE holds JSON Lines of pages: the text is
  the record's --text-field (default \"text\"), its name the --id-field
  (default \"id\"; FILE:LINE when absent). Output goes to stdout, one
  article a line by default (--format articles). A bad record is reported as
  \"jianbao: FILE:LINE: reason\" and the others still go through.

Exit status:
  0  every input was parsed and its output written
  1  some input could not be read or decoded, was larger than --max-bytes,
     or its output file could not be written (each reported on stderr as
     \"jianbao: FILE: reason\"; the other inputs were still processed)
  2  usage error: unknown flag, bad value, no input

Examples:
  jianbao page.txt
  cat page.txt | jianbao
  jianbao pages/ > pages.jsonl
  jianbao -o out/ issue-pdftotext.txt
  jianbao -f csv --bom pages/*.txt > articles.csv
  find pages -name '*.txt' | jianbao --files-from - -o out/
  jianbao -f dolma pages/*.txt > articles.jsonl
  jianbao --input-format jsonl --text-field text --id-field id pages.jsonl > articles.jsonl";

/// 剪报: turn raw Chinese newspaper page text into structured articles.
#[derive(Debug, Parser)]
#[command(name = "jianbao", version, after_help = AFTER_HELP)]
struct Cli {
    /// Page text files or directories; `-` reads standard input
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Also read input file names from LIST, one a line (`-`: standard input)
    #[arg(long, value_name = "LIST")]
    files_from: Option<PathBuf>,

    /// Output format (see jianbao::formats) [default: json; articles for --input-format jsonl]
    #[arg(short, long, value_name = "FORMAT", value_parser = format_names())]
    format: Option<String>,

    /// What each FILE holds: one page of text, or JSON Lines of pages
    #[arg(long, value_enum, value_name = "KIND", default_value = "text")]
    input_format: InputFormat,

    /// With --input-format jsonl: the key holding a record's page text
    #[arg(long, value_name = "KEY", default_value = "text")]
    text_field: String,

    /// With --input-format jsonl: the key holding a record's name (its source)
    #[arg(long, value_name = "KEY", default_value = "id")]
    id_field: String,

    /// The `added` timestamp of dolma documents [default: now, UTC]
    #[arg(long, value_name = "TIMESTAMP")]
    added: Option<String>,

    /// Indent JSON output (format json, one page)
    #[arg(long)]
    pretty: bool,

    /// Start CSV output with a UTF-8 byte-order mark (for spreadsheets)
    #[arg(long)]
    bom: bool,

    /// Write one file per page into DIR (created if missing) instead of stdout
    #[arg(short, long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

    /// Read every file of a directory, not only *.txt
    #[arg(long)]
    all: bool,

    /// Decode input as NAME (UTF-8, UTF-16LE, UTF-16BE, GB18030, GBK, Big5) instead of detecting it
    #[arg(long, value_name = "NAME")]
    encoding: Option<String>,

    /// Refuse inputs larger than N bytes (suffixes K, M, G) [default: 256M]
    #[arg(long, value_name = "N", value_parser = parse_size)]
    max_bytes: Option<u64>,

    /// Leave out the source ranges (`spans`, `*_spans`: empty lists)
    #[arg(long)]
    no_spans: bool,

    /// Leave advertisements (kind `ad`) out of the articles
    #[arg(long)]
    drop_ads: bool,

    /// Parse N files at a time [default: all cores]
    #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Each FILE is one page of text (encoding detected)
    Text,
    /// Each FILE is JSON Lines, one page a record (UTF-8)
    Jsonl,
}

/// `--format`'s values: every name and alias in the registry.
fn format_names() -> PossibleValuesParser {
    PossibleValuesParser::new(
        formats::FORMATS
            .iter()
            .flat_map(|f| std::iter::once(f.name).chain(f.aliases.iter().copied())),
    )
}

/// A size in bytes: a number with an optional K, M or G (binary) suffix.
fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let digits = upper.trim_end_matches(['B', 'I']);
    let (number, shift) = match digits.char_indices().last() {
        Some((i, 'K')) => (&digits[..i], 10),
        Some((i, 'M')) => (&digits[..i], 20),
        Some((i, 'G')) => (&digits[..i], 30),
        _ => (digits, 0),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("not a size: {text:?} (e.g. 1000000, 512K, 256M, 2G)"))
}

/// One input: a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Stdin,
    File(PathBuf),
}

impl Input {
    fn new(path: PathBuf) -> Input {
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::File(path)
        }
    }

    /// The name used in messages and as the `source` of records.
    fn name(&self) -> String {
        match self {
            Input::Stdin => "-".into(),
            Input::File(path) => path.to_string_lossy().into_owned(),
        }
    }

    /// The output file name's stem under `-o`.
    fn stem(&self) -> &OsStr {
        match self {
            Input::Stdin => OsStr::new("stdin"),
            Input::File(path) => path
                .file_stem()
                .or_else(|| path.file_name())
                .unwrap_or(OsStr::new("input")),
        }
    }

    /// The input's bytes, or an error for one over `limit` bytes (a file's
    /// size is checked before anything is read; a stream stops at the
    /// limit).
    fn read(&self, limit: u64) -> Result<Vec<u8>, String> {
        let too_big = || format!("larger than {} (--max-bytes); not read", human_size(limit));
        let mut bytes = Vec::new();
        let read = match self {
            Input::Stdin => io::stdin().lock().take(limit + 1).read_to_end(&mut bytes),
            Input::File(path) => {
                let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
                let size = file.metadata().map(|m| m.len()).unwrap_or(0);
                if size > limit {
                    return Err(too_big());
                }
                file.take(limit + 1).read_to_end(&mut bytes)
            }
        };
        read.map_err(|e| e.to_string())?;
        if bytes.len() as u64 > limit {
            return Err(too_big());
        }
        Ok(bytes)
    }
}

/// `256 MB`, `512 KB`, `1000 bytes`.
fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1 << 20 && b % (1 << 20) == 0 => format!("{} MB", b >> 20),
        b if b >= 1 << 10 && b % (1 << 10) == 0 => format!("{} KB", b >> 10),
        b => format!("{b} bytes"),
    }
}

/// What the run does with every input, settled before the first is read.
struct Plan {
    format: &'static Format,
    render: RenderOptions,
    options: Options,
    out_dir: Option<PathBuf>,
    encoding: Option<String>,
    max_bytes: u64,
    /// More than one input: every output holds several pages.
    several: bool,
}

/// What became of one input.
enum Outcome {
    /// Each page's output for stdout (in pieces, written one after
    /// another), and the articles they hold.
    Rendered(Vec<Vec<String>>, usize),
    /// Pages written to their own files under `-o`, and their articles.
    Written(usize, usize),
    /// A `jianbao: …` line for stderr.
    Failed(String),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let inputs = match collect_inputs(&cli) {
        Ok(inputs) => inputs,
        Err(message) => usage_error(ErrorKind::InvalidValue, &message),
    };
    if inputs.is_empty() {
        usage_error(
            ErrorKind::MissingRequiredArgument,
            "no input: give one or more FILEs or directories (`-` for standard input), \
             --files-from LIST, or pipe text into standard input",
        );
    }
    let jsonl_input = cli.input_format == InputFormat::Jsonl;
    if jsonl_input && cli.out_dir.is_some() {
        usage_error(
            ErrorKind::ArgumentConflict,
            "--input-format jsonl writes to stdout: leave out -o (redirect stdout instead)",
        );
    }
    let format = cli
        .format
        .as_deref()
        .and_then(formats::find)
        .or_else(|| jsonl_input.then(|| formats::find("articles")).flatten())
        .unwrap_or(&formats::FORMATS[0]);
    if let Some(dir) = &cli.out_dir {
        if let Err(message) = check_out_names(&inputs, dir, format) {
            usage_error(ErrorKind::ArgumentConflict, &message);
        }
        if let Err(err) = std::fs::create_dir_all(dir) {
            eprintln!("jianbao: {}: {err}", dir.display());
            return ExitCode::from(1);
        }
    }
    if let Some(name) = &cli.encoding {
        if let Err(err) = decode::decode_named(b"", name) {
            usage_error(
                ErrorKind::InvalidValue,
                &format!("--encoding: {}", err.reason()),
            );
        }
    }
    let plan = Plan {
        format,
        render: RenderOptions {
            pretty: cli.pretty,
            bom: cli.bom,
            added: Some(cli.added.clone().unwrap_or_else(|| {
                let now = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_secs());
                jianbao::render::dolma_timestamp(now)
            })),
        },
        options: Options {
            keep_ads: !cli.drop_ads,
            spans: !cli.no_spans,
        },
        out_dir: cli.out_dir.clone(),
        encoding: cli.encoding.clone(),
        max_bytes: cli.max_bytes.unwrap_or(MAX_BYTES),
        // A stream of records is many pages, however many files hold it.
        several: inputs.len() > 1 || jsonl_input,
    };
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = cli.jobs {
        builder = builder.num_threads(usize::from(jobs));
    }
    let pool = match builder.build() {
        Ok(pool) => pool,
        Err(err) => {
            eprintln!("jianbao: cannot start worker threads: {err}");
            return ExitCode::from(1);
        }
    };
    if jsonl_input {
        let fields = Fields {
            text: cli.text_field.clone(),
            id: cli.id_field.clone(),
        };
        pool.install(|| run_jsonl(&plan, &inputs, &fields))
    } else {
        pool.install(|| run(&plan, &inputs))
    }
}

/// Prints a usage error the way clap does (with the usage line) and exits 2.
fn usage_error(kind: ErrorKind, message: &str) -> ! {
    Cli::command().error(kind, message).exit()
}

/// The FILE arguments (directories read recursively) followed by the names
/// in `--files-from`; standard input when there are none and it is not a
/// terminal.
fn collect_inputs(cli: &Cli) -> Result<Vec<Input>, String> {
    let mut inputs: Vec<Input> = Vec::new();
    for path in &cli.files {
        if path.is_dir() {
            let mut found = Vec::new();
            walk(path, cli.all, &mut found).map_err(|err| format!("{}: {err}", path.display()))?;
            found.sort();
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            inputs.push(Input::new(path.clone()));
        }
    }
    if let Some(list) = &cli.files_from {
        let text = if list.as_os_str() == "-" {
            let mut text = String::new();
            io::stdin()
                .read_to_string(&mut text)
                .map_err(|err| format!("--files-from -: {err}"))?;
            text
        } else {
            std::fs::read_to_string(list)
                .map_err(|err| format!("--files-from {}: {err}", list.display()))?
        };
        inputs.extend(
            text.lines()
                .filter(|line| !line.trim().is_empty())
                .map(|line| Input::new(PathBuf::from(line))),
        );
    }
    if cli.files.is_empty() && cli.files_from.is_none() && !io::stdin().is_terminal() {
        inputs.push(Input::Stdin);
    }
    let stdin_uses = inputs.iter().filter(|i| **i == Input::Stdin).count()
        + usize::from(cli.files_from.as_deref() == Some(Path::new("-")));
    if stdin_uses > 1 {
        return Err("standard input (`-`) can be read only once".into());
    }
    Ok(inputs)
}

/// The files under `dir`: `*.txt` (any case), or all with `all`. Symbolic
/// links to directories are not followed (no cycles); hidden entries (a
/// leading `.`) are skipped.
fn walk(dir: &Path, all: bool, found: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, all, found)?;
        } else if all
            || path
                .extension()
                .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
        {
            found.push(path);
        }
    }
    Ok(())
}

/// Under `-o`, two inputs with the same stem would write the same file.
fn check_out_names(inputs: &[Input], dir: &Path, format: &Format) -> Result<(), String> {
    let mut seen: HashMap<&OsStr, &Input> = HashMap::with_capacity(inputs.len());
    for input in inputs {
        if let Some(earlier) = seen.insert(input.stem(), input) {
            return Err(format!(
                "{} and {} would both be written to {}",
                earlier.name(),
                input.name(),
                out_path(dir, input, format, None).display()
            ));
        }
    }
    Ok(())
}

fn out_path(dir: &Path, input: &Input, format: &Format, page: Option<u32>) -> PathBuf {
    dir.join(format.file_name(&input.stem().to_string_lossy(), page))
}

/// Parses every input in parallel batches and emits the results in order.
fn run(plan: &Plan, inputs: &[Input]) -> ExitCode {
    let progress = if plan.several && io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} files  {elapsed} (eta {eta})")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    let stdout = io::stdout();
    let mut sink = Sink::new(plan, stdout.lock(), progress);
    let mut result = Ok(());
    for batch in inputs.chunks(BATCH) {
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|input| {
                let outcome = process(plan, input);
                sink.progress.inc(1);
                outcome
            })
            .collect();
        result = sink.take(outcomes);
        if result.is_err() {
            break;
        }
    }
    let result = result.and_then(|()| sink.end());
    sink.progress.finish_and_clear();
    if let Err(err) = result {
        return stdout_failed(&err);
    }
    if let Some(dir) = &plan.out_dir {
        eprintln!(
            "jianbao: {} {} ({} articles) written to {}{}",
            sink.written,
            if sink.written == 1 { "page" } else { "pages" },
            sink.articles,
            dir.display(),
            if sink.failed > 0 {
                format!("; {} failed", sink.failed)
            } else {
                String::new()
            }
        );
    }
    ExitCode::from(if sink.failed > 0 { 1 } else { 0 })
}

/// Where outcomes go, in order: stdout, framed as the format frames pages
/// (the CSV header, a TEI corpus around several pages, separators), and the
/// counts.
struct Sink<'a> {
    plan: &'a Plan,
    out: io::BufWriter<io::StdoutLock<'static>>,
    progress: ProgressBar,
    /// Whether the output holds several pages, once the head is written.
    started: Option<bool>,
    first: bool,
    failed: usize,
    written: usize,
    articles: usize,
}

impl<'a> Sink<'a> {
    fn new(plan: &'a Plan, stdout: io::StdoutLock<'static>, progress: ProgressBar) -> Self {
        Sink {
            plan,
            out: io::BufWriter::new(stdout),
            progress,
            started: None,
            first: true,
            failed: 0,
            written: 0,
            articles: 0,
        }
    }

    /// The format's head, once, before the first page: for several pages
    /// when the run has several inputs, or its one input held several pages.
    fn start(&mut self, several: bool) -> io::Result<()> {
        if self.started.is_none() && self.plan.out_dir.is_none() {
            let several = self.plan.several || several;
            self.started = Some(several);
            let head = self.plan.format.head(several, &self.plan.render);
            self.out.write_all(head.as_bytes())?;
        }
        Ok(())
    }

    /// One batch's outcomes, in order; then the batch reaches the reader.
    fn take(&mut self, outcomes: Vec<Outcome>) -> io::Result<()> {
        for outcome in outcomes {
            match outcome {
                Outcome::Rendered(parts, count) => {
                    self.start(parts.len() > 1)?;
                    self.articles += count;
                    for part in parts {
                        if !self.first {
                            self.out
                                .write_all(self.plan.format.separator().as_bytes())?;
                        }
                        self.first = false;
                        for piece in part {
                            self.out.write_all(piece.as_bytes())?;
                        }
                    }
                }
                Outcome::Written(pages, count) => {
                    self.written += pages;
                    self.articles += count;
                }
                Outcome::Failed(message) => {
                    self.failed += 1;
                    self.progress.suspend(|| eprintln!("{message}"));
                }
            }
        }
        // Stream: each batch reaches the reader before the next is parsed.
        self.out.flush()
    }

    /// The format's tail after the last page (and its head, if no page came).
    fn end(&mut self) -> io::Result<()> {
        self.start(false)?;
        if let Some(several) = self.started {
            self.out
                .write_all(self.plan.format.tail(several).as_bytes())?;
        }
        self.out.flush()
    }
}

/// The keys of a JSON Lines record (`--input-format jsonl`).
struct Fields {
    text: String,
    id: String,
}

/// One record of a JSON Lines input: where it is, and its line.
struct Record {
    /// `FILE:LINE`, for messages and as the default name.
    place: String,
    line: String,
}

/// Reads each input as JSON Lines of pages and emits every record's output
/// in order: BATCH records at a time are parsed in parallel, then written,
/// so memory holds one batch however long the stream.
fn run_jsonl(plan: &Plan, inputs: &[Input], fields: &Fields) -> ExitCode {
    let stdout = io::stdout();
    let mut sink = Sink::new(plan, stdout.lock(), ProgressBar::hidden());
    let mut result = sink.start(true);
    for input in inputs {
        if result.is_err() {
            break;
        }
        let name = input.name();
        let reader: Box<dyn io::BufRead> = match input {
            Input::Stdin => Box::new(io::BufReader::new(io::stdin())),
            Input::File(path) => match std::fs::File::open(path) {
                Ok(file) => Box::new(io::BufReader::new(file)),
                Err(err) => {
                    sink.failed += 1;
                    eprintln!("jianbao: {name}: {err}");
                    continue;
                }
            },
        };
        result = jsonl_stream(plan, &mut sink, &name, reader, fields);
    }
    let result = result.and_then(|()| sink.end());
    if let Err(err) = result {
        return stdout_failed(&err);
    }
    ExitCode::from(if sink.failed > 0 { 1 } else { 0 })
}

/// One JSON Lines input through the sink, a batch at a time.
fn jsonl_stream(
    plan: &Plan,
    sink: &mut Sink<'_>,
    name: &str,
    mut reader: Box<dyn io::BufRead>,
    fields: &Fields,
) -> io::Result<()> {
    let mut number = 0usize;
    loop {
        let mut batch: Vec<Record> = Vec::with_capacity(BATCH);
        let mut read_error = None;
        while batch.len() < BATCH {
            let mut bytes = Vec::new();
            match reader.read_until(b'\n', &mut bytes) {
                Ok(0) => break,
                Ok(_) => {}
                Err(err) => {
                    read_error = Some(err);
                    break;
                }
            }
            number += 1;
            let place = format!("{name}:{number}");
            match String::from_utf8(bytes) {
                Ok(line) if line.trim().is_empty() => {}
                Ok(line) => batch.push(Record { place, line }),
                Err(_) => batch.push(Record {
                    place,
                    line: String::new(),
                }),
            }
        }
        let done = batch.len() < BATCH;
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|record| process_record(plan, record, fields))
            .collect();
        sink.take(outcomes)?;
        if let Some(err) = read_error {
            sink.failed += 1;
            eprintln!("jianbao: {name}: {err}");
            return Ok(());
        }
        if done {
            return Ok(());
        }
    }
}

/// Parses and renders one JSON Lines record.
fn process_record(plan: &Plan, record: &Record, fields: &Fields) -> Outcome {
    let fail = |reason: String| Outcome::Failed(format!("jianbao: {}: {reason}", record.place));
    if record.line.is_empty() {
        return fail("not UTF-8".into());
    }
    let value: serde_json::Value = match serde_json::from_str(&record.line) {
        Ok(value) => value,
        Err(err) => return fail(format!("not a JSON record: {err}")),
    };
    let Some(object) = value.as_object() else {
        return fail("not a JSON object".into());
    };
    let Some(text) = object.get(&fields.text).and_then(|v| v.as_str()) else {
        return fail(format!("no string {:?} (the --text-field)", fields.text));
    };
    let source = match object.get(&fields.id) {
        Some(serde_json::Value::String(id)) => id.clone(),
        Some(serde_json::Value::Number(id)) => id.to_string(),
        None | Some(serde_json::Value::Null) => record.place.clone(),
        Some(_) => {
            return fail(format!(
                "{:?} (the --id-field) is neither a string nor a number",
                fields.id
            ))
        }
    };
    let mut page = SourcedPage::from(jianbao::parse(text, &plan.options));
    page.source.file = Some(source);
    let count = page.page.articles.len();
    Outcome::Rendered(
        vec![vec![plan.format.page(&page, true, &plan.render)]],
        count,
    )
}

/// A closed pipe ends the run quietly; any other write error is reported.
fn stdout_failed(err: &io::Error) -> ExitCode {
    if err.kind() == io::ErrorKind::BrokenPipe {
        ExitCode::SUCCESS
    } else {
        eprintln!("jianbao: stdout: {err}");
        ExitCode::from(1)
    }
}

/// Reads, decodes, parses and renders one input; under `-o` also writes it.
fn process(plan: &Plan, input: &Input) -> Outcome {
    let name = input.name();
    let bytes = match input.read(plan.max_bytes) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(format!("jianbao: {name}: {err}")),
    };
    let decoded = match &plan.encoding {
        Some(label) => decode::decode_named(&bytes, label),
        None => decode::decode(&bytes),
    };
    let decoded = match decoded {
        Ok(decoded) => decoded,
        Err(err) => return Outcome::Failed(format!("jianbao: {name}: {err}")),
    };
    drop(bytes);
    let document = Document::from_decoded(decoded);
    let file = match input {
        Input::Stdin => None,
        Input::File(_) => Some(name.as_str()),
    };
    let numbers = 0..document.pages().len();
    let Some(dir) = &plan.out_dir else {
        // On stdout pages follow one another: several, unless this is the
        // one input and it held one page. Each page is parsed and rendered
        // in one step (the JSON formats as it is read).
        let several = plan.several || document.pages().len() > 1;
        let mut count = 0;
        let parts = numbers
            .map(|i| {
                let (part, articles) = plan.format.parse_page(
                    &document,
                    i,
                    file,
                    &plan.options,
                    several,
                    &plan.render,
                );
                count += articles;
                part
            })
            .collect();
        return Outcome::Rendered(parts, count);
    };
    // Under -o each page stands alone in its own file.
    let mut count = 0;
    for i in numbers {
        let number = (document.pages().len() > 1).then(|| document.pages()[i].number);
        let path = out_path(dir, input, plan.format, number);
        if let Input::File(source) = input {
            if same_file(source, &path) {
                return Outcome::Failed(format!(
                    "jianbao: {name}: not overwriting the input with its own output"
                ));
            }
        }
        let (part, articles) =
            plan.format
                .parse_page(&document, i, file, &plan.options, false, &plan.render);
        count += articles;
        let head = plan.format.head(false, &plan.render);
        let tail = plan.format.tail(false);
        let written = std::fs::File::create(&path).and_then(|file| {
            let mut out = io::BufWriter::new(file);
            out.write_all(head.as_bytes())?;
            for piece in &part {
                out.write_all(piece.as_bytes())?;
            }
            out.write_all(tail.as_bytes())?;
            out.flush()
        });
        if let Err(err) = written {
            return Outcome::Failed(format!("jianbao: {}: {err}", path.display()));
        }
    }
    Outcome::Written(document.pages().len(), count)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
