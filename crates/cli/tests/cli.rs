//! End-to-end tests of the `jianbao` command-line tool: the built binary on
//! the reference pages and on small inline inputs.
//!
//! The parser is still growing, so these tests assert the shape of the
//! output (schema, one record a line, files written, exit codes) and that
//! equivalent inputs give equal output, not what the articles say.

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
    assert!(
        value.get("source").is_none(),
        "the page JSON has no extra keys"
    );
    for key in ["page", "banners", "articles", "warnings"] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
    // The same as the library gives.
    let text = std::fs::read_to_string(page).unwrap();
    let expected = jianbao::render::to_json(&jianbao::parse(&text, &Default::default()), false);
    assert_eq!(out, expected + "\n");
}

#[test]
fn pretty_and_options() {
    let page = &pages()[0];
    let text = std::fs::read_to_string(page).unwrap();
    let output = run([page.as_os_str(), "--pretty".as_ref()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).starts_with("{\n  \"schema\": \"jianbao/1\",\n"));

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
    let expected = jianbao::render::to_json(&jianbao::parse(&text, &options), false);
    assert_eq!(stdout(&output), expected + "\n");
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
        assert_eq!(value["source"], page.to_str().unwrap());
        assert!(line.starts_with(r#"{"source":"#), "source comes first");
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
        .map(|line| json(line)["source"].as_str().unwrap().to_string())
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
        assert_eq!(json(&written)["schema"], "jianbao/1");
        assert!(json(&written).get("source").is_none());
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
        assert_eq!(stdout(&from_gbk), stdout(&from_utf8), "{}", page.display());
    }
}

#[test]
fn utf16_and_big5_on_stdin() {
    let text = "公交职工做刺绣\n\n本报讯（记者 张三）近日，某车队职工自发设计了大型十字绣。\n";
    let expected = stdout(&run_with_stdin(&["-"], text.as_bytes())).to_string();

    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let output = run_with_stdin(&["-"], &utf16);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), expected);

    let traditional =
        "臺北市政府今日舉行記者會，說明颱風過後的災情與復原進度。\n本報記者 陳明 攝影\n";
    let (big5, _, unmappable) = encoding_rs::BIG5.encode(traditional);
    assert!(!unmappable);
    let output = run_with_stdin(&["-"], &big5);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        stdout(&run_with_stdin(&["-"], traditional.as_bytes()))
    );
}

#[test]
fn stdin_dash_reads_standard_input() {
    let page = &pages()[0];
    let bytes = std::fs::read(page).unwrap();
    let from_stdin = run_with_stdin(&["-"], &bytes);
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    assert_eq!(stdout(&from_stdin), stdout(&run([page])));

    // Among files, stdin is named `-`.
    let output = run_with_stdin(&[page.to_str().unwrap(), "-"], &bytes);
    let lines: Vec<&str> = stdout(&output).lines().collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(json(lines[1])["source"], "-");

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
    assert_eq!(json(lines[0])["source"], good.to_str().unwrap());

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
    for args in [
        vec!["--no-such-flag".as_ref(), page.as_os_str()],
        vec!["--format".as_ref(), "yaml".as_ref(), page.as_os_str()],
        vec!["--jobs".as_ref(), "0".as_ref(), page.as_os_str()],
        vec![],
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
        assert!(value.get("kind").is_some() && value.get("source").is_some());
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
