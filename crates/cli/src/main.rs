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

Examples:
  jianbao page.txt
  jianbao pages/*.txt > pages.jsonl
  jianbao -o out/ pages/*.txt
  find pages -name '*.txt' | jianbao --files-from - -o out/";

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

    /// Output format [default: json; jsonl for several inputs on stdout]
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,

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
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Jsonl | Format::Articles => "jsonl",
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
    let format = cli
        .format
        .unwrap_or(if inputs.len() > 1 && cli.out_dir.is_none() {
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
        several: inputs.len() > 1,
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
    pool.install(|| run(&plan, &inputs))
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
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut failed, mut written, mut articles) = (0usize, 0usize, 0usize);
    let mut first = true;
    if plan.out_dir.is_none() && plan.format == Format::Csv {
        let header = render::to_csv(&[]);
        if let Err(err) = out.write_all(header.as_bytes()) {
            return stdout_failed(&err);
        }
    }
    for batch in inputs.chunks(BATCH) {
        let outcomes: Vec<Outcome> = batch
            .par_iter()
            .map(|input| {
                let outcome = process(plan, input);
                progress.inc(1);
                outcome
            })
            .collect();
        for outcome in outcomes {
            match outcome {
                Outcome::Rendered(text, count) => {
                    articles += count;
                    let separator = if first { "" } else { separator(plan.format) };
                    first = false;
                    let result = out
                        .write_all(separator.as_bytes())
                        .and_then(|()| out.write_all(text.as_bytes()));
                    if let Err(err) = result {
                        progress.finish_and_clear();
                        return stdout_failed(&err);
                    }
                }
                Outcome::Written(count) => {
                    written += 1;
                    articles += count;
                }
                Outcome::Failed(message) => {
                    failed += 1;
                    progress.suspend(|| eprintln!("{message}"));
                }
            }
        }
        // Stream: each batch reaches the reader before the next is parsed.
        if let Err(err) = out.flush() {
            progress.finish_and_clear();
            return stdout_failed(&err);
        }
    }
    progress.finish_and_clear();
    if let Some(dir) = &plan.out_dir {
        eprintln!(
            "jianbao: {written} {} ({articles} articles) written to {}{}",
            if written == 1 { "page" } else { "pages" },
            dir.display(),
            if failed > 0 {
                format!("; {failed} failed")
            } else {
                String::new()
            }
        );
    }
    ExitCode::from(if failed > 0 { 1 } else { 0 })
}

/// What goes between two inputs' output on stdout.
fn separator(format: Format) -> &'static str {
    match format {
        Format::Markdown | Format::Text => "\n",
        Format::Json | Format::Jsonl | Format::Articles | Format::Csv => "",
    }
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
    }
}
