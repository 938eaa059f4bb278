//! Native parse throughput over the sample pages.
//!
//! `cargo bench --bench parse` — reports MiB/s for the concatenated sample
//! pages (1×) and for a page-like input 100 times larger, then prints the
//! linearity figure time(100×) / time(1×) (ideal: 100).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;
use std::time::{Duration, Instant};

#[path = "support/corpus.rs"]
mod corpus;

fn bench_parse(c: &mut Criterion) {
    // `cargo test --benches` runs each benchmark once, unoptimised: a small
    // stand-in for the 100x input keeps that quick, and a checkout without
    // the sample pages skips rather than fails.
    let bench_mode = std::env::args().any(|a| a == "--bench");
    let dir = corpus::pages_dir();
    let pages = match corpus::load_pages(&dir) {
        Ok(pages) if !pages.is_empty() => pages,
        Ok(_) | Err(_) if !bench_mode => {
            eprintln!("no sample pages in {}: skipped", dir.display());
            return;
        }
        Ok(_) => panic!("no *.txt pages in {}", dir.display()),
        Err(e) => panic!("reading sample pages in {}: {e}", dir.display()),
    };
    let one = corpus::concat(&pages);
    let hundred = corpus::scaled(&pages, if bench_mode { 100 } else { 2 });
    let options = jianbao::Options::default();

    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(one.len() as u64));
    group.bench_function("pages_1x", |b| {
        b.iter(|| jianbao::parse(black_box(&one), &options))
    });
    group.throughput(Throughput::Bytes(hundred.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function("pages_100x", |b| {
        b.iter(|| jianbao::parse(black_box(&hundred), &options))
    });
    group.finish();

    // Linearity: the same work measured directly, median of a few runs each
    // (only under `cargo bench`, not when `cargo test --benches` smoke-runs).
    if !bench_mode {
        return;
    }
    let t1 = median_secs(&one, &options, 50);
    let t100 = median_secs(&hundred, &options, 5);
    println!(
        "linearity: time(100x) / time(1x) = {:.1} (input {:.1}x larger; target <= 120)",
        t100 / t1,
        hundred.len() as f64 / one.len() as f64
    );
}

fn median_secs(input: &str, options: &jianbao::Options, runs: usize) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            black_box(jianbao::parse(black_box(input), options));
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

criterion_group!(benches, bench_parse);
criterion_main!(benches);
