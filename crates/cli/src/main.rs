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
//! Output formats (`--format`):
//!
//! - `json` (the default for one input): the page JSON, schema `jianbao/1`,
//!   exactly the page's own keys. Given several inputs on stdout, one page
//!   after another (compact: one a line).
//! - `jsonl` (the default for several inputs): one page a line, each with a
//!   `"source"` key in front of the page's own keys: the FILE as given
//!   (`-` for standard input), so every line says which file it came from.
//! - `articles`: one article a line, with `source`, `date` and `weekday`.
//! - `markdown`, `text`: for reading; several pages are each introduced by
//!   their file name.
//! - `csv`: one row per article, one header row.
//! - `dolma`: one dolma document (a JSON line) per article, for corpora:
//!   `{id, text, source, added, created, metadata, attributes}`, `added`
//!   the time of the run unless `--added` says otherwise.
//! - `tei`: one TEI P5 XML document per page; several pages on stdout are
//!   one `<teiCorpus>`.
//!
//! `--input-format jsonl` reads JSON Lines of pages instead of page files
//! (`--text-field`, default `text`; `--id-field`, default `id`, the record's
//! `source`): records are parsed in parallel batches and written in order
//! as each batch finishes, so memory stays flat however long the stream.
//! The default format is then `articles`.
//!
//! With `-o DIR` each input gets its own file, `DIR/STEM.EXT` (`pages/x.txt`
//! → `DIR/x.json`; `.jsonl`, `.md`, `.txt`, `.csv` by format; standard input
//! is `stdin`), stdout stays empty and a summary goes to stderr.
//!
//! Input may be UTF-8, UTF-16, GB18030/GBK or Big5 (see
//! [`jianbao::decode`]). Inputs are parsed in parallel, in batches, and
//! written in input order as each batch finishes, so memory stays bounded
//! however many files there are.
//!
//! Exit status: 0 when every input was parsed and written; 1 when some input
//! could not be read or decoded or its output could not be written (a
//! `jianbao: FILE: reason` line on stderr each; the others are still
//! processed); 2 on a usage error (unknown flag, bad value, no input). A
//! closed stdout (`jianbao … | head`) ends the run quietly.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use jianbao::{render, Options, Page};
use rayon::prelude::*;

/// How many inputs are parsed before their output is written: what bounds
/// memory on large batches.
const BATCH: usize = 256;

const AFTER_HELP: &str = "\
Output:
  One FILE prints its page JSON (schema jianbao/1). Several print JSON Lines,
  one page a line, each with a \"source\" key (the FILE as given, \"-\" for
  standard input) in front of the page's own keys. With -o DIR nothing is
  printed on stdout: DIR/STEM.json is written for each FILE (.jsonl, .md,
  .txt, .csv by format; standard input is named \"stdin\") and a summary goes
  to stderr.

  Input may be UTF-8, UTF-16, GB18030/GBK or Big5; the encoding is detected.

Exit status:
  0  every input was parsed and its output written
  1  some input could not be read or decoded, or its output file could not
     be written (each reported on stderr as \"jianbao: FILE: reason\"; the
     other inputs were still processed)
  2  usage error: unknown flag, bad value, no input

  With --input-format jsonl each FILE holds JSON Lines of pages: the text is
  the record's --text-field (default \"text\"), its name the --id-field
  (default \"id\"; FILE:LINE when absent). Output goes to stdout, one
  article a line by default (--format articles). A bad record is reported as
  \"jianbao: FILE:LINE: reason\" and the others still go through.

Examples:
  jianbao page.txt
  jianbao pages/*.txt > pages.jsonl
  jianbao -o out/ pages/*.txt
  find pages -name '*.txt' | jianbao --files-from - -o out/
  jianbao -f dolma pages/*.txt > articles.jsonl
  jianbao --input-format jsonl --text-field text --id-field id pages.jsonl > articles.jsonl";

/// 剪报: turn raw Chinese newspaper page text into structured articles.
#[derive(Debug, Parser)]
#[command(name = "jianbao", version, after_help = AFTER_HELP)]
struct Cli {
    /// Page text files; `-` reads standard input
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,

    /// Also read input file names from LIST, one a line (`-`: standard input)
    #[arg(long, value_name = "LIST")]
    files_from: Option<PathBuf>,

    /// Output format [default: json; jsonl for several inputs on stdout;
    /// articles for --input-format jsonl]
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

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

    /// Indent JSON output (format json)
    #[arg(long)]
    pretty: bool,

    /// Write one file per input into DIR (created if missing) instead of stdout
    #[arg(short, long, value_name = "DIR")]
    out_dir: Option<PathBuf>,

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
enum Format {
    /// The page JSON
    Json,
    /// One page a line, with a "source" key first
    Jsonl,
    /// One article a line, with source, date and weekday
    Articles,
    /// Markdown for reading
    #[value(alias = "md")]
    Markdown,
    /// Plain reading text
    #[value(alias = "txt")]
    Text,
    /// One row per article, with a header row
    Csv,
    /// One dolma document (JSON line) per article
    Dolma,
    /// One TEI XML document per page
    Tei,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    /// Each FILE is one page of text (encoding detected)
    Text,
    /// Each FILE is JSON Lines, one page a record (UTF-8)
    Jsonl,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl | Format::Articles | Format::Dolma => "jsonl",
            Format::Tei => "xml",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Csv => "csv",
        }
    }
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

    fn read(&self) -> io::Result<Vec<u8>> {
        match self {
            Input::Stdin => {
                let mut bytes = Vec::new();
                io::stdin().lock().read_to_end(&mut bytes)?;
                Ok(bytes)
            }
            Input::File(path) => std::fs::read(path),
        }
    }
}

/// What the run does with every input, settled before the first is read.
struct Plan {
    format: Format,
    pretty: bool,
    options: Options,
    out_dir: Option<PathBuf>,
    /// More than one input: stdout output says which file each page is from.
    several: bool,
    /// The `added` of dolma documents.
    added: String,
}

/// What became of one input.
enum Outcome {
    /// Output for stdout, and the page's article count.
    Rendered(String, usize),
    /// Written to its own file under `-o`.
    Written(usize),
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
            "no input: give one or more FILEs (`-` for standard input) or --files-from LIST",
        );
    }
    let jsonl_input = cli.input_format == InputFormat::Jsonl;
    if jsonl_input && cli.out_dir.is_some() {
        usage_error(
            ErrorKind::ArgumentConflict,
            "--input-format jsonl writes to stdout: leave out -o (redirect stdout instead)",
        );
    }
    let format = cli.format.unwrap_or(if jsonl_input {
        Format::Articles
    } else if inputs.len() > 1 && cli.out_dir.is_none() {
        Format::Jsonl
    } else {
        Format::Json
    });
    if let Some(dir) = &cli.out_dir {
        if let Err(message) = check_out_names(&inputs, dir, format) {
            usage_error(ErrorKind::ArgumentConflict, &message);
        }
        if let Err(err) = std::fs::create_dir_all(dir) {
            eprintln!("jianbao: {}: {err}", dir.display());
            return ExitCode::from(1);
        }
    }
    let plan = Plan {
        format,
        pretty: cli.pretty,
        options: Options {
            keep_ads: !cli.drop_ads,
            spans: !cli.no_spans,
        },
        out_dir: cli.out_dir.clone(),
        // A stream of records is many pages, however many files hold it.
        several: inputs.len() > 1 || jsonl_input,
        added: cli.added.clone().unwrap_or_else(|| {
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            render::dolma_timestamp(now)
        }),
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

/// The FILE arguments followed by the names in `--files-from`.
fn collect_inputs(cli: &Cli) -> Result<Vec<Input>, String> {
    let mut inputs: Vec<Input> = cli.files.iter().cloned().map(Input::new).collect();
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
    let stdin_uses = inputs.iter().filter(|i| **i == Input::Stdin).count()
        + usize::from(cli.files_from.as_deref() == Some(Path::new("-")));
    if stdin_uses > 1 {
        return Err("standard input (`-`) can be read only once".into());
    }
    Ok(inputs)
}

/// Under `-o`, two inputs with the same stem would write the same file.
fn check_out_names(inputs: &[Input], dir: &Path, format: Format) -> Result<(), String> {
    let mut seen: HashMap<&OsStr, &Input> = HashMap::with_capacity(inputs.len());
    for input in inputs {
        if let Some(earlier) = seen.insert(input.stem(), input) {
            return Err(format!(
                "{} and {} would both be written to {}",
                earlier.name(),
                input.name(),
                out_path(dir, input, format).display()
            ));
        }
    }
    Ok(())
}

fn out_path(dir: &Path, input: &Input, format: Format) -> PathBuf {
    let mut name = input.stem().to_os_string();
    name.push(".");
    name.push(format.extension());
    dir.join(name)
}

/// Parses every input in parallel batches and emits the results in order.
fn run(plan: &Plan, inputs: &[Input]) -> ExitCode {
    let progress = if plan.several && io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(inputs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{bar:40} {pos}/{len} pages  {elapsed} (eta {eta})")
        {
            bar.set_style(style);
        }
        bar
    } else {
        ProgressBar::hidden()
    };

    let stdout = io::stdout();
    let mut sink = Sink::new(plan, stdout.lock(), progress);
    let result = sink.start().and_then(|()| {
        for batch in inputs.chunks(BATCH) {
            let outcomes: Vec<Outcome> = batch
                .par_iter()
                .map(|input| {
                    let outcome = process(plan, input);
                    sink.progress.inc(1);
                    outcome
                })
                .collect();
            sink.take(outcomes)?;
        }
        sink.end()
    });
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

/// Where outcomes go, in order: stdout, framed for the format (the CSV
/// header, a TEI corpus around several pages, separators), and the counts.
struct Sink<'a> {
    plan: &'a Plan,
    out: io::BufWriter<io::StdoutLock<'static>>,
    progress: ProgressBar,
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
            first: true,
            failed: 0,
            written: 0,
            articles: 0,
        }
    }

    /// Whatever comes before the first page on stdout.
    fn start(&mut self) -> io::Result<()> {
        if self.plan.out_dir.is_some() {
            return Ok(());
        }
        match self.plan.format {
            Format::Csv => self.out.write_all(render::to_csv(&[]).as_bytes()),
            Format::Tei if self.plan.several => {
                self.out.write_all(render::TEI_CORPUS_START.as_bytes())
            }
            _ => Ok(()),
        }
    }

    /// One batch's outcomes, in order; then the batch reaches the reader.
    fn take(&mut self, outcomes: Vec<Outcome>) -> io::Result<()> {
        for outcome in outcomes {
            match outcome {
                Outcome::Rendered(text, count) => {
                    self.articles += count;
                    if !self.first {
                        self.out.write_all(separator(self.plan.format).as_bytes())?;
                    }
                    self.first = false;
                    self.out.write_all(text.as_bytes())?;
                }
                Outcome::Written(count) => {
                    self.written += 1;
                    self.articles += count;
                }
                Outcome::Failed(message) => {
                    self.failed += 1;
                    self.progress.suspend(|| eprintln!("{message}"));
                }
            }
        }
        self.out.flush()
    }

    /// Whatever comes after the last page on stdout.
    fn end(&mut self) -> io::Result<()> {
        if self.plan.out_dir.is_none() && self.plan.format == Format::Tei && self.plan.several {
            self.out.write_all(render::TEI_CORPUS_END.as_bytes())?;
        }
        self.out.flush()
    }
}

/// What goes between two inputs' output on stdout.
fn separator(format: Format) -> &'static str {
    match format {
        Format::Markdown | Format::Text => "\n",
        Format::Json
        | Format::Jsonl
        | Format::Articles
        | Format::Csv
        | Format::Dolma
        | Format::Tei => "",
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
    let mut result = sink.start();
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
    let page = jianbao::parse(text, &plan.options);
    Outcome::Rendered(render_page(plan, &page, &source), page.articles.len())
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
    let bytes = match input.read() {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(format!("jianbao: {name}: {err}")),
    };
    let text = match jianbao::decode::decode(&bytes) {
        Ok(decoded) => decoded.text,
        Err(err) => return Outcome::Failed(format!("jianbao: {name}: {err}")),
    };
    drop(bytes);
    let page = jianbao::parse(&text, &plan.options);
    let count = page.articles.len();
    let rendered = render_page(plan, &page, &name);
    let Some(dir) = &plan.out_dir else {
        return Outcome::Rendered(rendered, count);
    };
    let path = out_path(dir, input, plan.format);
    if let Input::File(source) = input {
        if same_file(source, &path) {
            return Outcome::Failed(format!(
                "jianbao: {name}: not overwriting the input with its own output"
            ));
        }
    }
    match std::fs::write(&path, rendered) {
        Ok(()) => Outcome::Written(count),
        Err(err) => Outcome::Failed(format!("jianbao: {}: {err}", path.display())),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// One page in the chosen format; `source` names it where the format has room.
fn render_page(plan: &Plan, page: &Page, source: &str) -> String {
    // Under -o each file stands alone; on stdout pages follow one another.
    let alone = plan.out_dir.is_some() || !plan.several;
    match plan.format {
        Format::Json => render::to_json(page, plan.pretty) + "\n",
        Format::Jsonl => render::to_jsonl_page(page, Some(source)),
        Format::Articles => render::to_jsonl_articles(page, Some(source)),
        Format::Markdown if alone => render::to_markdown(page),
        Format::Markdown => format!("<!-- source: {source} -->\n\n{}", render::to_markdown(page)),
        Format::Text if alone => render::to_text(page),
        Format::Text => format!("==> {source} <==\n\n{}", render::to_text(page)),
        Format::Csv if plan.out_dir.is_some() => render::to_csv(&[(Some(source), page)]),
        Format::Csv => render::to_csv_rows(Some(source), page),
        Format::Dolma => render::to_dolma(page, source, Some(&plan.added)),
        Format::Tei if alone => render::to_tei(page, Some(source)),
        Format::Tei => render::to_tei_element(page, Some(source)),
    }
}
