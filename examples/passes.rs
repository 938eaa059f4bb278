//! Times each pass of the parser on a file: `cargo run --release --example
//! passes -- FILE [ITERS]`. Prints the median milliseconds per pass.
fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: passes FILE [ITERS]");
    let iters: usize = args.next().map_or(20, |n| n.parse().expect("a number"));
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let runs: Vec<Vec<(&str, f64)>> = (0..iters).map(|_| jianbao::pass_times(&text)).collect();
    let mut total = 0.0;
    for k in 0..runs[0].len() {
        let mut v: Vec<f64> = runs.iter().map(|r| r[k].1).collect();
        v.sort_by(f64::total_cmp);
        let median = v[v.len() / 2];
        total += median;
        println!("{:10} {:8.3} ms", runs[0][k].0, median * 1e3);
    }
    let mb = text.len() as f64 / 1e6;
    println!(
        "{:10} {:8.3} ms  ({:.1} MB/s)",
        "total",
        total * 1e3,
        mb / total
    );
}
