//! Parses an input N times and prints the throughput and the peak memory, as
//! one JSON line (read by `scripts/bench.mjs`, and readable by people).
//!
//! ```text
//! cargo run --release --example throughput -- [--scale K] [--iters N] [--dump OUT] [FILE]
//! ```
//!
//! The input is FILE, or else the sample pages (`$JIANBAO_PAGES`, default
//! `../shared/pages`) concatenated and repeated K times in shuffled order
//! (K = 1 by default). N defaults to enough runs for about two seconds.
//! `--dump OUT` also writes the input to OUT.
//!
//! MB is 10^6 bytes of UTF-8 input. Peak memory is read from
//! `/proc/self/status` (Linux only; `null` elsewhere): `peak_rss` is the
//! process's high-water mark, `parse_peak` is that mark minus the resident
//! size just before the input was built, i.e. input + parser working memory
//! + one `Page`.

use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "../benches/support/corpus.rs"]
mod corpus;

fn main() {
    let mut scale = 1usize;
    let mut iters: Option<usize> = None;
    let mut file: Option<String> = None;
    let mut dump: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--scale" => scale = number(args.next(), "--scale"),
            "--iters" => iters = Some(number(args.next(), "--iters")),
            "--dump" => dump = Some(args.next().unwrap_or_else(|| fail("--dump needs a file"))),
            "-h" | "--help" => {
                println!("usage: throughput [--scale K] [--iters N] [--dump OUT] [FILE]");
                return;
            }
            _ if file.is_none() && !arg.starts_with('-') => file = Some(arg),
            _ => fail(&format!("unknown argument {arg}")),
        }
    }

    let rss_before = proc_status_kib("VmRSS");
    let input = match &file {
        Some(path) => {
            std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("reading {path}: {e}")))
        }
        None => {
            let dir = corpus::pages_dir();
            let pages = corpus::load_pages(&dir)
                .unwrap_or_else(|e| fail(&format!("reading pages in {}: {e}", dir.display())));
            if pages.is_empty() {
                fail(&format!("no *.txt pages in {}", dir.display()));
            }
            if scale <= 1 {
                corpus::concat(&pages)
            } else {
                corpus::scaled(&pages, scale)
            }
        }
    };
    if let Some(out) = &dump {
        // The exact input measured, for other runners (the wasm side of
        // scripts/bench.mjs) to measure the same bytes.
        std::fs::write(out, &input).unwrap_or_else(|e| fail(&format!("writing {out}: {e}")));
    }
    let options = jianbao::Options::default();

    // One warm-up run, which also sizes the measured loop.
    let start = Instant::now();
    let page = jianbao::parse(black_box(&input), &options);
    let first = start.elapsed();
    let articles = page.articles.len();
    drop(page);
    let iters = iters.unwrap_or_else(|| {
        let per = first.max(Duration::from_micros(1)).as_secs_f64();
        ((2.0 / per) as usize).clamp(3, 100_000)
    });

    let mut times = Vec::with_capacity(iters);
    for _ in 0..iters {
        let start = Instant::now();
        black_box(jianbao::parse(black_box(&input), &options));
        times.push(start.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let total: f64 = times.iter().sum();
    let median = times[times.len() / 2];
    let bytes = input.len() as f64;

    let peak = proc_status_kib("VmHWM").map(|k| k * 1024);
    let parse_peak = match (peak, rss_before) {
        (Some(p), Some(b)) => Some(p.saturating_sub(b * 1024)),
        _ => None,
    };
    println!(
        "{{\"bytes\":{},\"scale\":{},\"iters\":{},\"articles\":{},\"median_s\":{:.9},\"mean_s\":{:.9},\"mb_per_s\":{:.3},\"peak_rss\":{},\"parse_peak\":{},\"parse_peak_per_input\":{}}}",
        input.len(),
        if file.is_some() { 0 } else { scale.max(1) },
        iters,
        articles,
        median,
        total / iters as f64,
        bytes / median / 1e6,
        json_num(peak),
        json_num(parse_peak),
        parse_peak.map_or("null".to_string(), |p| format!("{:.3}", p as f64 / bytes)),
    );
}

/// A `kB` field of `/proc/self/status`, in KiB.
fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

fn json_num(n: Option<u64>) -> String {
    n.map_or("null".to_string(), |n| n.to_string())
}

fn number(arg: Option<String>, flag: &str) -> usize {
    arg.and_then(|a| a.parse().ok())
        .unwrap_or_else(|| fail(&format!("{flag} needs a number")))
}

fn fail(message: &str) -> ! {
    eprintln!("throughput: {message}");
    std::process::exit(2)
}
