//! The CLI in pipelines: the corpus formats (`--format dolma`, `--format
//! tei`) and JSON Lines of pages in (`--input-format jsonl`), streamed a
//! batch at a time.

use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use jianbao::{parse, render, Options};

const BIN: &str = env!("CARGO_BIN_EXE_jianbao");
const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/pages");
const ADDED: &str = "2024-01-02T03:04:05Z";

/// The raw sample pages with their text, sorted by name.
/// The `articles` format of `page` as a record named `name` gives it: one
/// article a line, `source.file` the record's name.
fn articles(page: &jianbao::Page, name: &str) -> String {
    let mut sourced = jianbao::SourcedPage::from(page.clone());
    sourced.source.file = Some(name.to_string());
    jianbao::formats::find("articles")
        .unwrap()
        .render(&[sourced], &Default::default())
}

fn sample_pages() -> Vec<(PathBuf, String)> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(PAGES)
        .expect("sample pages in ../shared/pages")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 2);
    pages
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path, text)
        })
        .collect()
}

/// Runs the CLI with `args` and `input` on stdin.
fn jianbao(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run jianbao");
    match child.stdin.take().unwrap().write_all(input) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn text(output: &Output) -> String {
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// JSON Lines of the sample pages: `{"id": NAME, "text": TEXT}`.
fn records(pages: &[(PathBuf, String)]) -> String {
    pages
        .iter()
        .map(|(path, text)| {
            let name = path.file_name().unwrap().to_string_lossy();
            serde_json::json!({"id": name, "text": text}).to_string() + "\n"
        })
        .collect()
}

#[test]
fn dolma_is_the_library_s_documents_in_input_order() {
    let pages = sample_pages();
    let paths: Vec<&str> = pages.iter().map(|(p, _)| p.to_str().unwrap()).collect();
    let mut args = vec!["--format", "dolma", "--added", ADDED];
    args.extend(&paths);
    let out = text(&jianbao(&args, b""));
    let want: String = pages
        .iter()
        .map(|(path, text)| {
            let page = parse(text, &Options::default());
            render::to_dolma(&page, path.to_str().unwrap(), Some(ADDED))
        })
        .collect();
    assert_eq!(out, want);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], format!("{}#0", paths[0]));
    assert_eq!(first["added"], ADDED);
}

#[test]
fn dolma_added_defaults_to_the_time_of_the_run() {
    let (path, _) = &sample_pages()[0];
    let out = text(&jianbao(&["-f", "dolma", path.to_str().unwrap()], b""));
    let doc: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let added = doc["added"].as_str().unwrap();
    // RFC 3339, UTC, seconds: 2026-11-28T11:20:00Z, and not in the past.
    assert_eq!(added.len(), 20, "{added}");
    assert!(
        added.ends_with('Z') && added.as_bytes()[10] == b'T',
        "{added}"
    );
    assert!(added > "2025-01-01T00:00:00Z", "{added}");
}

#[test]
fn tei_one_document_per_page_and_a_corpus_for_several() {
    let pages = sample_pages();
    let (path, page_text) = &pages[0];
    let one = text(&jianbao(&["-f", "tei", path.to_str().unwrap()], b""));
    let page = parse(page_text, &Options::default());
    assert_eq!(one, render::to_tei(&page, path.to_str()));
    let paths: Vec<&str> = pages.iter().map(|(p, _)| p.to_str().unwrap()).collect();
    let mut args = vec!["-f", "tei"];
    args.extend(&paths);
    let several = text(&jianbao(&args, b""));
    assert!(several.starts_with(render::TEI_CORPUS_START));
    assert!(several.ends_with(render::TEI_CORPUS_END));
    assert_eq!(several.matches("<?xml ").count(), 1);
    assert_eq!(several.matches("<TEI ").count(), pages.len());
    assert!(several.contains(&render::to_tei_element(&page, path.to_str())));
}

#[test]
fn jsonl_input_streams_article_records_named_by_id() {
    let pages = sample_pages();
    let input = records(&pages);
    let out = text(&jianbao(
        &["--input-format", "jsonl", "-"],
        input.as_bytes(),
    ));
    let want: String = pages
        .iter()
        .map(|(path, text)| {
            let name = path.file_name().unwrap().to_string_lossy();
            articles(&parse(text, &Options::default()), &name)
        })
        .collect();
    assert!(!want.is_empty());
    assert_eq!(out, want);

    // Any format, options and field names.
    let renamed: String = pages
        .iter()
        .enumerate()
        .map(|(i, (_, text))| serde_json::json!({"body": text, "doc": i}).to_string() + "\n")
        .collect();
    let args = [
        "--input-format",
        "jsonl",
        "--text-field",
        "body",
        "--id-field",
        "doc",
        "-f",
        "dolma",
        "--added",
        ADDED,
        "--drop-ads",
        "--no-spans",
        "-",
    ];
    let out = text(&jianbao(&args, renamed.as_bytes()));
    let options = Options {
        keep_ads: false,
        spans: false,
    };
    let want: String = pages
        .iter()
        .enumerate()
        .map(|(i, (_, text))| render::to_dolma(&parse(text, &options), &i.to_string(), Some(ADDED)))
        .collect();
    assert_eq!(out, want);
}

#[test]
fn jsonl_input_reports_bad_records_and_goes_on() {
    let (_, page) = &sample_pages()[0];
    let good = serde_json::json!({"id": "good", "text": page}).to_string();
    let unnamed = serde_json::json!({"text": page}).to_string();
    let input = format!(
        "{good}\n\n{{not json\n[1, 2]\n{{\"id\": \"x\"}}\n{{\"id\": [1], \"text\": \"x\"}}\n{unnamed}\n"
    );
    let output = jianbao(&["--input-format", "jsonl", "-"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert!(
        lines[0].starts_with("jianbao: -:3: not a JSON record: "),
        "{stderr}"
    );
    assert_eq!(lines[1], "jianbao: -:4: not a JSON object");
    assert_eq!(
        lines[2],
        "jianbao: -:5: no string \"text\" (the --text-field)"
    );
    assert_eq!(
        lines[3],
        "jianbao: -:6: \"id\" (the --id-field) is neither a string nor a number"
    );
    let out = String::from_utf8(output.stdout).unwrap();
    let page = parse(page, &Options::default());
    let want = articles(&page, "good") + &articles(&page, "-:7");
    assert_eq!(out, want);
}

#[test]
fn jsonl_input_refuses_out_dir() {
    let output = jianbao(&["--input-format", "jsonl", "-o", "somewhere", "-"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("leave out -o"));
}

#[test]
fn jsonl_input_is_written_a_batch_at_a_time() {
    // The first batch's records come out while the input is still open:
    // output does not wait for the end of the stream (and memory holds one
    // batch). A batch is 256 records; 300 are sent, then nothing more.
    let mut child = Command::new(BIN)
        .args(["--input-format", "jsonl", "-f", "jsonl", "-j", "2", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    for i in 0..300 {
        let record = serde_json::json!({"id": i, "text": "本报讯 近日，某工会开展活动。"});
        writeln!(stdin, "{record}").unwrap();
    }
    stdin.flush().unwrap();
    let stdout = child.stdout.take().unwrap();
    let (lines_tx, lines_rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            if lines_tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    for i in 0..256 {
        let line = lines_rx
            .recv_timeout(Duration::from_secs(60))
            .unwrap_or_else(|_| panic!("record {i} not written while the input is open"));
        assert!(
            line.ends_with(&format!(",\"source\":{{\"file\":\"{i}\"}}}}")),
            "{line}"
        );
    }
    // The rest comes once the input ends.
    drop(stdin);
    let rest: Vec<String> = lines_rx.iter().collect();
    assert_eq!(rest.len(), 44);
    assert!(child.wait().unwrap().success());
}
