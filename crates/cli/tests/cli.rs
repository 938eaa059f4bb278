//! End-to-end tests of the `jianbao` command-line tool: the built binary on
//! the reference pages and on small inline inputs.
//!
//! The parser is still growing, so these tests assert the shape of the
//! output (schema, one record a line, files written, exit codes), that it
//! is the library's output for the same input, and that equivalent inputs
//! give equal output, not what the articles say.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_jianbao");
const PAGES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/pages");

/// The raw reference pages, sorted by name.
fn pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(PAGES)
        .expect("reference pages beside the crate")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 2, "need at least two reference pages");
    pages
}

/// A fresh, empty scratch directory for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("run jianbao")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run jianbao");
    // The child may exit before reading all of stdin (a usage error, say):
    // a broken pipe then is its choice, not a failure of the test.
    match child.stdin.take().unwrap().write_all(input) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.unwrap(),
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> &str {
    std::str::from_utf8(&output.stdout).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(line: &str) -> serde_json::Value {
    serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
}

/// A page JSON line without its `source` (which names the file and the
/// encoding, so differs between equivalent inputs).
fn without_source(line: &str) -> serde_json::Value {
    let mut value = json(line);
    value.as_object_mut().unwrap().remove("source");
    value
}

/// What the library makes of `bytes` read from `file` (`None`: standard
/// input), in `format`: what the CLI must print for it alone.
fn expected(
    file: Option<&Path>,
    bytes: &[u8],
    format: &str,
    options: jianbao::Options,
    pretty: bool,
) -> String {
    let decoded = jianbao::decode::decode(bytes).unwrap();
    let mut pages = jianbao::Document::from_decoded(decoded).parse_all(&options);
    for page in &mut pages {
        page.source.file = file.map(|f| f.to_string_lossy().into_owned());
    }
    let render = jianbao::formats::RenderOptions {
        pretty,
        ..Default::default()
    };
    jianbao::formats::find(format)
        .unwrap()
        .render(&pages, &render)
}

/// A page of the corpus as pdftotext wrote it (ending in a form feed).
fn pdftotext_pages() -> Vec<PathBuf> {
    let dir = Path::new(PAGES).join("../corpus");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus beside the crate")
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().ends_with("_pdftotext.txt"))
        .collect();
    found.sort();
    assert!(found.len() >= 3, "need pdftotext pages in the corpus");
    found
}

/// A fixed pseudo-random byte string that is no text in any encoding.
fn garbage(len: usize) -> Vec<u8> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

#[test]
fn one_file_prints_its_page_json() {
    let page = &pages()[0];
    let output = run([page]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 1);
    assert!(out.ends_with("}\n"));
    let value = json(out);
    assert_eq!(value["schema"], "jianbao/1");
    // The page JSON, then where it came from.
    assert_eq!(
        value["source"],
        serde_json::json!({"file": page.to_str().unwrap(), "encoding": "UTF-8"})
    );
    for key in ["page", "banners", "articles", "warnings"] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    // The same as the library gives.
    let text = std::fs::read_to_string(page).unwrap();
    let mut plain = without_source(out);
    plain.as_object_mut().unwrap().remove("source");
    assert_eq!(
        plain,
        json(&jianbao::render::to_json(
            &jianbao::parse(&text, &Default::default()),
            false
        ))
    );
    assert_eq!(
        out,
        expected(
            Some(page),
            text.as_bytes(),
            "json",
            Default::default(),
            false
        )
    );
}

#[test]
fn pretty_and_options() {
    let page = &pages()[0];
    let bytes = std::fs::read(page).unwrap();
    let output = run([page.as_os_str(), "--pretty".as_ref()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("{\n  \"schema\": \"jianbao/1\",\n"));
    assert_eq!(
        stdout(&output),
        expected(Some(page), &bytes, "json", Default::default(), true)
    );

    let output = run([
        page.as_os_str(),
        "--no-spans".as_ref(),
        "--drop-ads".as_ref(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let options = jianbao::Options {
        keep_ads: false,
        spans: false,
    };
    assert_eq!(
        stdout(&output),
        expected(Some(page), &bytes, "json", options, false)
    );
}

#[test]
fn several_files_print_json_lines_in_order() {
    let pages = pages();
    let output = run(&pages);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), pages.len());
    for (line, page) in lines.iter().zip(&pages) {
        let value = json(line);
        assert_eq!(value["schema"], "jianbao/1");
        assert_eq!(value["source"]["file"], page.to_str().unwrap());
        assert!(
            line.starts_with(r#"{"schema":"#),
            "the page's own keys first"
        );
    }
}

#[test]
fn order_is_kept_across_batches_and_threads() {
    // More inputs than one batch, two workers: lines still in input order.
    let dir = scratch("order");
    let mut args = vec!["--jobs".to_string(), "2".to_string()];
    for i in 0..300 {
        let path = dir.join(format!("{i:03}.txt"));
        std::fs::write(&path, format!("第{i}版\n本报讯 近日，某工会开展活动。\n")).unwrap();
        args.push(path.to_str().unwrap().to_string());
    }
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let sources: Vec<String> = stdout(&output)
        .lines()
        .map(|line| json(line)["source"]["file"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(sources, args[2..]);
}

#[test]
fn out_dir_writes_one_file_per_input() {
    let pages = pages();
    let dir = scratch("out-json");
    let out = dir.join("new/nested");
    let mut args = vec![
        "-o".as_ref(),
        out.as_os_str(),
        "--jobs".as_ref(),
        "2".as_ref(),
    ];
    args.extend(pages.iter().map(|p| p.as_os_str()));
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stdout.is_empty(), "nothing on stdout with -o");
    let summary = stderr(&output);
    assert!(
        summary.contains(&format!("{} pages", pages.len())),
        "{summary}"
    );
    for page in &pages {
        let stem = page.file_stem().unwrap().to_str().unwrap();
        let written = std::fs::read_to_string(out.join(format!("{stem}.json")))
            .unwrap_or_else(|e| panic!("{stem}.json: {e}"));
        let bytes = std::fs::read(page).unwrap();
        assert_eq!(
            written,
            expected(Some(page), &bytes, "json", Default::default(), false)
        );
    }
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), pages.len());
    assert!(names[0].starts_with("000_") && names[0].ends_with(".json"));
}

#[test]
fn out_dir_extension_follows_format() {
    let page = &pages()[0];
    let stem = page.file_stem().unwrap().to_str().unwrap();
    for (format, ext) in [
        ("markdown", "md"),
        ("text", "txt"),
        ("jsonl", "jsonl"),
        ("csv", "csv"),
    ] {
        let dir = scratch(&format!("out-{format}"));
        let output = run([
            "-o".as_ref(),
            dir.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
            page.as_os_str(),
        ]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert!(
            dir.join(format!("{stem}.{ext}")).is_file(),
            "{format} → .{ext}"
        );
    }
}

#[test]
fn out_dir_refuses_two_inputs_with_one_name() {
    let dir = scratch("dupe");
    for sub in ["a", "b"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
        std::fs::write(dir.join(sub).join("x.txt"), "本报讯 近日。").unwrap();
    }
    let output = run([
        "-o".as_ref(),
        dir.join("out").as_os_str(),
        dir.join("a/x.txt").as_os_str(),
        dir.join("b/x.txt").as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("x.json"), "{}", stderr(&output));
    assert!(!dir.join("out").exists());
}

#[test]
fn gbk_input_gives_the_same_json_as_utf8() {
    let dir = scratch("gbk");
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        let (bytes, _, unmappable) = encoding_rs::GBK.encode(&text);
        assert!(!unmappable, "{} not encodable in GBK", page.display());
        assert!(std::str::from_utf8(&bytes).is_err());
        let gbk = dir.join(page.file_name().unwrap());
        std::fs::write(&gbk, &bytes).unwrap();

        let from_utf8 = run([&page]);
        let from_gbk = run([&gbk]);
        assert_eq!(from_gbk.status.code(), Some(0), "{}", stderr(&from_gbk));
        assert!(from_gbk.stderr.is_empty());
        assert_eq!(
            without_source(stdout(&from_gbk)),
            without_source(stdout(&from_utf8)),
            "{}",
            page.display()
        );
        assert_eq!(json(stdout(&from_gbk))["source"]["encoding"], "GB18030");
    }
}

#[test]
fn utf16_and_big5_on_stdin() {
    let text = "地铁职工学剪纸\n\n本报讯（记者 张三）近日，某车站职工自发完成了大幅剪纸画。\n";
    let expected = stdout(&run_with_stdin(&["-"], text.as_bytes())).to_string();

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let output = run_with_stdin(&["-"], &utf16);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(without_source(stdout(&output)), without_source(&expected));
    assert_eq!(
        json(stdout(&output))["source"],
        serde_json::json!({"encoding": "UTF-16LE"})
    );

    let traditional =
        "臺北市政府今日舉行記者會，說明颱風過後的災情與復原進度。\n本報記者 陳明 攝影\n";
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(traditional);
    assert!(!unmappable);
    let output = run_with_stdin(&["-"], &big5);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        without_source(stdout(&output)),
        without_source(stdout(&run_with_stdin(&["-"], traditional.as_bytes())))
    );
    assert_eq!(json(stdout(&output))["source"]["encoding"], "Big5");
}

#[test]
fn stdin_dash_reads_standard_input() {
    let page = &pages()[0];
    let bytes = std::fs::read(page).unwrap();
    let from_stdin = run_with_stdin(&["-"], &bytes);
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    assert_eq!(
        stdout(&from_stdin),
        expected(None, &bytes, "json", Default::default(), false)
    );

    // Among files, stdin has no file name.
    let output = run_with_stdin(&[page.to_str().unwrap(), "-"], &bytes);
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(
        json(lines[1])["source"],
        serde_json::json!({"encoding": "UTF-8"})
    );

    // Stdin can be read once only.
    let output = run_with_stdin(&["-", "-"], &bytes);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn files_from_a_list() {
    let pages = pages();
    let list: String = pages.iter().map(|p| format!("{}\n", p.display())).collect();
    let output = run_with_stdin(&["--files-from", "-"], list.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), stdout(&run(&pages)));
}

#[test]
fn undecodable_input_exits_1_and_the_rest_is_still_processed() {
    let dir = scratch("garbage");
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, garbage(4096)).unwrap();
    let good = &pages()[0];
    let output = run([bad.as_os_str(), good.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains(&format!(
            "jianbao: {}: not text in any supported encoding",
            bad.display()
        )),
        "{err}"
    );
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 1, "the good file still gets its line");
    assert_eq!(json(lines[0])["source"]["file"], good.to_str().unwrap());

    // Under -o the good file is written and the summary counts the failure.
    let out = dir.join("out");
    let output = run([
        "-o".as_ref(),
        out.as_os_str(),
        bad.as_os_str(),
        good.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("1 failed"), "{}", stderr(&output));
    let stem = good.file_stem().unwrap().to_str().unwrap();
    assert!(out.join(format!("{stem}.json")).is_file());
    assert!(!out.join("bad.json").exists());
}

#[test]
fn missing_file_exits_1() {
    let missing = Path::new(PAGES).join("no-such-page.txt");
    let output = run([&missing]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no-such-page.txt"));
    assert!(output.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    let page = &pages()[0];
    let empty_list = scratch("usage").join("empty-list");
    std::fs::write(&empty_list, "").unwrap();
    for args in [
        vec!["--no-such-flag".as_ref(), page.as_os_str()],
        vec!["--format".as_ref(), "yaml".as_ref(), page.as_os_str()],
        vec!["--jobs".as_ref(), "0".as_ref(), page.as_os_str()],
        vec!["--max-bytes".as_ref(), "lots".as_ref(), page.as_os_str()],
        vec!["--encoding".as_ref(), "koi8-r".as_ref(), page.as_os_str()],
        // No input at all: an empty list, and no standard input to fall back on.
        vec!["--files-from".as_ref(), empty_list.as_os_str()],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        assert!(stderr(&output).starts_with("error:"), "{args:?}");
    }
    let help = run(["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("Exit status:"));
}

#[test]
fn other_formats_on_stdout() {
    let pages = pages();
    let mut args = vec!["--format".as_ref(), "csv".as_ref()];
    args.extend(pages.iter().map(|p| p.as_os_str()));
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0));
    let csv = stdout(&output);
    assert!(csv.starts_with(&(jianbao::render::CSV_COLUMNS.join(",") + "\r\n")));
    assert_eq!(csv.matches("source,date,kind").count(), 1, "one header");

    args[1] = "articles".as_ref();
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0));
    for line in stdout(&output).lines() {
        let value = json(line);
        assert!(value.get("kind").is_some() && value["source"]["file"].is_string());
    }

    args[1] = "text".as_ref();
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0));
    for page in &pages {
        assert!(stdout(&output).contains(&format!("==> {} <==", page.display())));
    }

    let output = run([
        "--format".as_ref(),
        "markdown".as_ref(),
        pages[0].as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(!stdout(&output).contains("<!-- source"));
}

#[test]
fn closed_stdout_ends_quietly() {
    let page = &pages()[0];
    let mut child = Command::new(BIN)
        .args(std::iter::repeat_n(page.as_os_str(), 2000))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
}

#[test]
fn a_pdftotext_file_of_several_pages_is_parsed_page_by_page() {
    // Three pages as pdftotext writes an issue: each page ends in a form feed.
    let dir = scratch("pdftotext");
    let parts: Vec<Vec<u8>> = pdftotext_pages()[..3]
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert!(parts.iter().all(|p| p.ends_with(b"\x0c")));
    let issue = dir.join("issue.txt");
    std::fs::write(&issue, parts.concat()).unwrap();
    let text = String::from_utf8(parts.concat()).unwrap();
    let units: Vec<u16> = text.encode_utf16().collect();

    let output = run([&issue]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 3, "one page JSON a line");
    let mut offset = 0;
    for (n, (line, part)) in lines.iter().zip(&parts).enumerate() {
        let value = json(line);
        assert_eq!(
            value["source"],
            serde_json::json!({"file": issue.to_str().unwrap(), "page": n + 1, "encoding": "UTF-8"})
        );
        // The page as parsed alone, its ranges moved to where it is in the file.
        let alone = jianbao::parse(std::str::from_utf8(part).unwrap(), &Default::default());
        let page: jianbao::Page = serde_json::from_value(value).unwrap();
        assert_eq!(page.articles.len(), alone.articles.len());
        for (a, b) in page.articles.iter().zip(&alone.articles) {
            assert_eq!(a.title, b.title);
            let moved: Vec<jianbao::Span> = b
                .spans
                .iter()
                .map(|s| [s[0] + offset, s[1] + offset])
                .collect();
            assert_eq!(a.spans, moved);
            // A title's range in the whole file reads back as its raw text.
            if let (Some(title), Some(&[s, e])) = (&a.title, a.title_spans.first()) {
                let raw = String::from_utf16(&units[s as usize..e as usize]).unwrap();
                let first: String = title.chars().take(2).collect();
                assert!(
                    raw.replace(char::is_whitespace, "").contains(&first),
                    "{raw} / {title}"
                );
            }
        }
        offset += std::str::from_utf8(part).unwrap().encode_utf16().count() as u32;
    }

    // -o: one file per page, STEM.pN.json.
    let out = dir.join("out");
    let output = run(["-o".as_ref(), out.as_os_str(), issue.as_os_str()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("3 pages"), "{}", stderr(&output));
    for (n, line) in lines.iter().enumerate() {
        let written = std::fs::read_to_string(out.join(format!("issue.p{}.json", n + 1))).unwrap();
        assert_eq!(written.trim_end(), *line);
    }
    assert!(!out.join("issue.json").exists());

    // One pdftotext page alone (its one form feed at the end): one page, as before.
    let one = run([&pdftotext_pages()[0]]);
    assert_eq!(stdout(&one).lines().count(), 1);
    assert!(json(stdout(&one))["source"].get("page").is_none());
}

#[test]
fn directories_are_read_recursively() {
    let dir = scratch("tree");
    std::fs::create_dir_all(dir.join("in/sub/deeper")).unwrap();
    std::fs::create_dir_all(dir.join("in/.git")).unwrap();
    for (name, text) in [
        ("in/b.txt", "本报讯 乙。"),
        ("in/a.txt", "本报讯 甲。"),
        ("in/sub/deeper/c.TXT", "本报讯 丙。"),
        ("in/notes.md", "本报讯 丁。"),
        ("in/.git/x.txt", "本报讯 戊。"),
    ] {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let files = |args: &[&std::ffi::OsStr]| -> Vec<String> {
        let output = run(args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
            .lines()
            .map(|l| json(l)["source"]["file"].as_str().unwrap().to_string())
            .collect()
    };
    let root = dir.join("in");
    let at = |p: &str| root.join(p).to_str().unwrap().to_string();
    assert_eq!(
        files(&[root.as_os_str()]),
        [at("a.txt"), at("b.txt"), at("sub/deeper/c.TXT")]
    );
    assert_eq!(
        files(&["--all".as_ref(), root.as_os_str()]),
        [
            at("a.txt"),
            at("b.txt"),
            at("notes.md"),
            at("sub/deeper/c.TXT")
        ]
    );
}

#[test]
fn standard_input_is_read_when_no_file_is_given() {
    let page = &pages()[0];
    let bytes = std::fs::read(page).unwrap();
    let output = run_with_stdin(&[], &bytes);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), stdout(&run_with_stdin(&["-"], &bytes)));
    let output = run_with_stdin(&["-f", "markdown"], &bytes);
    assert_eq!(
        stdout(&output),
        expected(None, &bytes, "markdown", Default::default(), false)
    );
}

#[test]
fn empty_input_exits_0_with_a_page() {
    let dir = scratch("empty");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    for output in [run([&empty]), run_with_stdin(&[], b"")] {
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let value = json(stdout(&output));
        assert_eq!(value["schema"], "jianbao/1");
        assert_eq!(value["articles"], serde_json::json!([]));
        assert_eq!(
            without_source(stdout(&output)),
            without_source(&expected(None, b"", "json", Default::default(), false))
        );
    }
}

#[test]
fn inputs_over_max_bytes_are_refused_unread() {
    let dir = scratch("max-bytes");
    let big = dir.join("big.txt");
    std::fs::write(&big, "本报讯 近日，某工会开展活动。\n".repeat(100)).unwrap();
    let small = &pages()[0];
    let output = run([
        "--max-bytes".as_ref(),
        "1K".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains(&format!(
            "jianbao: {}: larger than 1 KB (--max-bytes)",
            big.display()
        )),
        "{}",
        stderr(&output)
    );
    // With room enough, both are parsed.
    let output = run([
        "--max-bytes".as_ref(),
        "10M".as_ref(),
        big.as_os_str(),
        small.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output).lines().count(), 2);
    // Standard input stops at the limit too.
    let output = run_with_stdin(&["--max-bytes", "100"], &[b'a'; 5000]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("larger than 100 bytes"),
        "{}",
        stderr(&output)
    );
    // An endless device stops at the default limit (256 MB), not at memory's end.
    if Path::new("/dev/zero").exists() {
        let started = std::time::Instant::now();
        let output = run(["/dev/zero"]);
        assert_eq!(output.status.code(), Some(1));
        assert!(
            stderr(&output).contains("larger than 256 MB"),
            "{}",
            stderr(&output)
        );
        eprintln!("/dev/zero refused after {:?}", started.elapsed());
    }
}

#[test]
fn encoding_is_reported_and_can_be_named() {
    let dir = scratch("encoding");
    let page = &pages()[0];
    let text = std::fs::read_to_string(page).unwrap();
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let file = dir.join("gbk.txt");
    std::fs::write(&file, &gbk).unwrap();
    let detected = run([&file]);
    assert_eq!(json(stdout(&detected))["source"]["encoding"], "GB18030");
    let named = run(["--encoding".as_ref(), "GBK".as_ref(), file.as_os_str()]);
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    assert_eq!(stdout(&named), stdout(&detected));
    // Named wrongly: read as told, nothing refused, the bad bytes reported.
    let wrong = run(["--encoding".as_ref(), "utf-8".as_ref(), file.as_os_str()]);
    assert_eq!(wrong.status.code(), Some(0), "{}", stderr(&wrong));
    let value = json(stdout(&wrong));
    assert_eq!(value["source"]["encoding"], "UTF-8");
    let warnings = value["warnings"].as_array().unwrap();
    assert!(
        warnings.iter().any(|w| w["code"] == "invalid_bytes"),
        "{warnings:?}"
    );
}

#[test]
fn decoding_cases() {
    let dir = scratch("decoding");
    let page = &pages()[1];
    let text = std::fs::read_to_string(page).unwrap();
    let utf8 = without_source(stdout(&run([page])));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        // UTF-16 without a byte-order mark, both ways round.
        (
            "le.txt",
            text.encode_utf16().flat_map(u16::to_le_bytes).collect(),
            "UTF-16LE",
        ),
        (
            "be.txt",
            text.encode_utf16().flat_map(u16::to_be_bytes).collect(),
            "UTF-16BE",
        ),
        // A BOM, and U+FFFD an earlier tool wrote: as without the BOM.
        (
            "bom.txt",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
            "UTF-8",
        ),
    ];
    for (name, bytes, encoding) in cases {
        let file = dir.join(name);
        std::fs::write(&file, &bytes).unwrap();
        let output = run([&file]);
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        assert_eq!(
            json(stdout(&output))["source"]["encoding"],
            encoding,
            "{name}"
        );
        assert_eq!(without_source(stdout(&output)), utf8, "{name}");
    }
    // CJK text only (no ASCII), UTF-16LE without a BOM.
    let cjk: String = text.chars().filter(|c| !c.is_ascii()).collect();
    let file = dir.join("cjk-only.txt");
    std::fs::write(
        &file,
        cjk.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
    )
    .unwrap();
    assert_eq!(
        json(stdout(&run([&file])))["source"]["encoding"],
        "UTF-16LE"
    );
    // Valid UTF-8 but for one byte, and a character cut off at the end.
    let mut bytes = text.as_bytes().to_vec();
    let at = (100..).find(|&i| text.is_char_boundary(i)).unwrap();
    bytes.insert(at, 0xFF);
    bytes.extend_from_slice(&"报".as_bytes()[..2]);
    let file = dir.join("damaged.txt");
    std::fs::write(&file, &bytes).unwrap();
    let output = run([&file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let value = json(stdout(&output));
    assert_eq!(value["source"]["encoding"], "UTF-8");
    let warning = value["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["code"] == "invalid_bytes")
        .expect("an invalid_bytes warning")
        .clone();
    let message = warning["message"].as_str().unwrap();
    assert!(
        message.contains("3 bytes not valid UTF-8, replaced by U+FFFD in 2 places"),
        "{message}"
    );
    assert!(
        message.contains(&format!("at byte offsets {at}, {}", bytes.len() - 2)),
        "{message}"
    );
    // Latin-1 is named as such.
    let file = dir.join("latin1.txt");
    std::fs::write(
        &file,
        encoding_rs::WINDOWS_1252
            .encode(&"Caf\u{e9} cr\u{e8}me br\u{fb}l\u{e9}e \u{e0} Gen\u{e8}ve. ".repeat(5))
            .0,
    )
    .unwrap();
    let output = run([&file]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("looks like windows-1252"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn csv_bom_and_markdown_names() {
    let dir = scratch("csv-md");
    let page = &pages()[0];
    let output = run([
        "--format".as_ref(),
        "csv".as_ref(),
        "--bom".as_ref(),
        page.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("\u{FEFF}source,date,kind,"));
    let plain = run(["--format".as_ref(), "csv".as_ref(), page.as_os_str()]);
    assert!(stdout(&plain).starts_with("source,"));
    // A file name with `--` cannot end the HTML comment that names it.
    let odd = dir.join("a--b-->.txt");
    std::fs::copy(page, &odd).unwrap();
    let output = run([
        "--format".as_ref(),
        "md".as_ref(),
        odd.as_os_str(),
        page.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let md = stdout(&output);
    let header = md.lines().next().unwrap();
    assert!(
        header.starts_with("<!-- source: ") && header.ends_with(" -->"),
        "{header}"
    );
    assert!(
        !header["<!-- ".len()..header.len() - " -->".len()].contains("--"),
        "{header}"
    );
    assert!(header.contains("a-%2Db-%2D>.txt"), "{header}");
}
