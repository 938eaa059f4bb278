//! Time and memory of `parse` on every input shape, at three sizes: how
//! both grow with the input, whatever the input looks like.
//!
//! ```text
//! cargo run --release --example shapes -- [--sizes 50000,500000,5000000] [--only SHAPE] [--dump DIR] [--json]
//! ```
//!
//! Each shape (see [`SHAPES`]) is generated at each size (bytes of UTF-8,
//! 50 KB, 500 KB and 5 MB by default), from a fixed seed so that every run
//! reads the same bytes. Each (shape, size) is measured in a fresh child
//! process (this program again, with `--measure`), so that one measurement's
//! memory does not carry into the next. The child notes its resident size
//! (`VmRSS` in `/proc/self/status`; Linux only, "n/a" elsewhere) before it
//! builds the input: its baseline. Then, in this order:
//!
//! 1. **as the CLI**: the input becomes a [`jianbao::Document`] and is
//!    parsed and written to JSON as the CLI does it (articles written as
//!    they are read, the JSON held until it is written out). Peak memory:
//!    the resident high-water mark (`VmHWM`) minus the baseline.
//! 2. **`parse`**: the input is built again, parsed by [`jianbao::parse`]
//!    (the whole `Page` held) and the page serialised to compact JSON while
//!    it is held. Peak memory: the high-water mark then, minus the
//!    baseline (the larger of the two steps).
//! 3. the input is parsed a few more times (at least twelve, about two
//!    seconds' worth), small inputs in turn with variants of themselves
//!    (see [`TURN_BYTES`]); the fastest and the median time of `parse`, by
//!    the thread's CPU clock, are reported. The table gives the fastest: on a
//!    shared machine other processes only ever slow a run down (by taking
//!    the caches as well as the cores), so the fastest run is the steadiest
//!    figure of the parser's own cost.
//!
//! After a shape's sizes, one more fresh child (this program again, with
//! `--ratio`) measures how its time grows from the smallest size to the
//! largest:
//!
//! 4. **the paired ratio**: the child builds the large input and the small
//!    one with its variants (as in step 3), parses each once untimed, then
//!    times [`ROUNDS`] rounds. A round is one batch of small parses, the
//!    variants in turn, at least as many bytes in all as the large input,
//!    and one parse of the large input, back to back, the batch first in
//!    one round and the large parse first in the next (ABBA). The round's
//!    ratio is the large parse's time over the batch's time per parse; the
//!    median of the rounds, their smallest and their largest are reported.
//!
//! Why paired: on a shared machine other processes slow a parse down for
//! seconds at a time, and the fastest times of step 3 at the smallest and
//! largest size come from different processes, measured at different
//! moments: their ratio moved from about 70 to about 200 between runs of
//! the same code, whose instruction counts grow linearly. In a round both
//! sizes are timed within a second or so of each other, so both see the
//! same moment's load and it cancels in the ratio; the alternating order
//! cancels a load that rises or falls within a round, and the median leaves
//! out a round that a burst of noise hit on one side only.
//!
//! The table gives, per shape, the fastest parse time at each size, the
//! bytes ratio largest / smallest (100 by default; `pages`, built of whole
//! sample pages, differs), the paired time ratio largest / smallest (the
//! median of the rounds; linear: the bytes ratio; the bar is 1.2 times
//! it, 120 by default), its spread (the rounds'
//! smallest and largest ratio) and both peaks per input byte at the largest
//! size (the bar is 10). `--dump DIR` also writes each input to
//! `DIR/SHAPE-BYTES.txt`, to measure the CLI on the very same bytes;
//! `--json` prints one JSON line per measurement and one per paired ratio
//! instead of the table.

use std::hint::black_box;
use std::process::Command;

#[path = "../benches/support/corpus.rs"]
mod corpus;

/// The shapes: a name, what it is, and how to build it (from a byte target
/// and a seeded random source). Each keeps to its target, never over.
const SHAPES: &[(&str, &str, Generator)] = &[
    ("one_char_lines", "`文\\n` repeated", one_char_lines),
    ("blank_lines", "lines of white space only", blank_lines),
    ("bare_lf", "`\\n` only", bare_lf),
    ("bare_cr", "`\\r` only", bare_cr),
    ("bylines", "`本报记者 张三\\n` repeated", bylines),
    (
        "tiny_articles",
        "short headline and a one-sentence news item, repeated",
        tiny_articles,
    ),
    (
        "display_bigrams",
        "short display lines of distinct bigrams",
        display_bigrams,
    ),
    (
        "doubled_runs",
        "runs of doubled-glyph lines (`地地铁铁职职工工`)",
        doubled_runs,
    ),
    (
        "doubled_line",
        "one long line of doubled glyphs",
        doubled_line,
    ),
    ("one_line", "running text on one line", one_line),
    (
        "pages",
        "the sample pages, repeated in shuffled order",
        pages,
    ),
];

type Generator = fn(usize, &mut Rng) -> Option<String>;

/// Sizes measured unless `--sizes` says otherwise, in bytes.
const SIZES: [usize; 3] = [50_000, 500_000, 5_000_000];

/// Time spent on the timed runs of one measurement, in seconds: many runs
/// on small inputs, [`MIN_RUNS`] on large ones.
const SECONDS: f64 = 2.0;

/// The fewest timed runs of one measurement: enough that, on a shared
/// machine, one of the largest input's runs is likely to go undisturbed
/// (with five, the fastest of a 5 MB input moved by up to half from run
/// to run).
const MIN_RUNS: usize = 12;

/// Bytes of distinct input the timed runs of a small size take in turn:
/// one input of 50 KB parsed again and again is learnt by the CPU's branch
/// predictor and held in its caches, and parses faster than any new text
/// would (see docs/performance.md), which would flatter the small size
/// against the large. So small sizes are timed over up to
/// [`TURN_VARIANTS`] inputs of the same shape drawn with other seeds, as
/// much text in all as this, parsed one after another.
const TURN_BYTES: usize = 2_000_000;

/// The most variants of one input the timed runs take in turn.
const TURN_VARIANTS: usize = 16;

/// Rounds of the paired ratio (step 4 above), each a batch of small parses
/// and one large parse. Odd, so that the median is one round's own ratio;
/// nine, so that up to four rounds spoilt by noise leave the median within
/// the clean rounds' range, while the slowest shape at 5 MB (about half a
/// second a parse, twice a round) still takes only ten seconds or so.
const ROUNDS: usize = 9;

// The median of `ROUNDS` ratios is the middle one only if they are odd.
const _: () = assert!(ROUNDS % 2 == 1, "ROUNDS must be odd");

fn main() {
    let mut args = std::env::args().skip(1);
    let mut sizes = SIZES.to_vec();
    let mut only: Option<String> = None;
    let mut dump: Option<String> = None;
    let mut json = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--measure" => {
                let shape = args.next().unwrap_or_else(|| fail("--measure SHAPE BYTES"));
                let bytes = number(args.next(), "--measure SHAPE");
                return measure(&shape, bytes);
            }
            "--ratio" => {
                let shape = args
                    .next()
                    .unwrap_or_else(|| fail("--ratio SHAPE SMALL LARGE"));
                let small = number(args.next(), "--ratio SHAPE");
                let large = number(args.next(), "--ratio SHAPE SMALL");
                return ratio(&shape, small, large);
            }
            "--sizes" => {
                let list = args.next().unwrap_or_else(|| fail("--sizes needs a list"));
                sizes = list
                    .split(',')
                    .map(|s| number(Some(s.to_string()), "--sizes"))
                    .collect();
            }
            "--only" => only = Some(args.next().unwrap_or_else(|| fail("--only needs a shape"))),
            "--dump" => dump = Some(args.next().unwrap_or_else(|| fail("--dump needs a folder"))),
            "--json" => json = true,
            "-h" | "--help" => {
                println!("usage: shapes [--sizes B,B,B] [--only SHAPE] [--dump DIR] [--json]");
                for (name, what, _) in SHAPES {
                    println!("  {name:16} {what}");
                }
                return;
            }
            _ => fail(&format!("unknown argument {arg}")),
        }
    }
    // Smallest first, so that the first size is the smallest and the last
    // the largest, in the table and for the paired ratio.
    sizes.sort_unstable();
    sizes.dedup();
    if sizes.is_empty() {
        fail("--sizes needs at least one size");
    }
    let me = std::env::current_exe().unwrap_or_else(|e| fail(&format!("own path: {e}")));
    let mut rows = Vec::new();
    for &(name, _, generate) in SHAPES {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut measured = Vec::new();
        for &size in &sizes {
            if let Some(dir) = &dump {
                if let Some(text) = generate(size, &mut Rng::new()) {
                    let path = format!("{dir}/{name}-{size}.txt");
                    std::fs::write(&path, text)
                        .unwrap_or_else(|e| fail(&format!("writing {path}: {e}")));
                }
            }
            let line = child(&me, &["--measure", name, &size.to_string()]);
            if line.is_empty() {
                eprintln!("shapes: {name}: skipped (no sample pages)");
                break;
            }
            report(&line, json);
            measured.push(Measured::read(&line));
        }
        if measured.len() != sizes.len() {
            continue;
        }
        // 4. The paired ratio, smallest size against largest (with one
        // size there is nothing to pair).
        let paired = match sizes[..] {
            [small, .., large] => {
                let line = child(
                    &me,
                    &["--ratio", name, &small.to_string(), &large.to_string()],
                );
                report(&line, json);
                Some(Paired::read(&line))
            }
            _ => None,
        };
        rows.push(Row {
            name,
            measured,
            paired,
        });
    }
    if !json {
        print_table(&sizes, &rows);
    }
}

/// Runs this program again with `args` in a fresh process and returns what
/// it printed (one JSON line, or nothing when the shape has no input).
fn child(me: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(me)
        .args(args)
        .output()
        .unwrap_or_else(|e| fail(&format!("running {}: {e}", me.display())));
    if !out.status.success() {
        fail(&format!(
            "{}: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// Passes a child's line on: to stdout with `--json`, else to stderr as
/// progress while the table is being built.
fn report(line: &str, json: bool) {
    if json {
        println!("{line}");
    } else {
        eprintln!("shapes: {line}");
    }
}

/// A number field of a child's JSON line (numbers only, so read by hand).
fn field(line: &str, key: &str) -> Option<f64> {
    let at = line.find(&format!("\"{key}\":"))? + key.len() + 3;
    let rest = &line[at..];
    let end = rest.find([',', '}']).unwrap_or(rest.len());
    rest[..end].parse().ok()
}

/// One shape's line of the table.
struct Row {
    name: &'static str,
    /// Steps 1–3 at each size, smallest first.
    measured: Vec<Measured>,
    /// Step 4, when there are at least two sizes.
    paired: Option<Paired>,
}

/// One measurement, as the child reports it.
struct Measured {
    bytes: f64,
    fastest_s: f64,
    peak_cli: Option<f64>,
    peak_parse: Option<f64>,
    json_bytes: f64,
}

impl Measured {
    /// Reads the `--measure` child's JSON line.
    fn read(line: &str) -> Measured {
        Measured {
            bytes: field(line, "bytes").unwrap_or(0.0),
            fastest_s: field(line, "fastest_s").unwrap_or(0.0),
            peak_cli: field(line, "peak_cli"),
            peak_parse: field(line, "peak_parse"),
            json_bytes: field(line, "json_bytes").unwrap_or(0.0),
        }
    }
}

/// The paired ratio of one shape, as the `--ratio` child reports it.
struct Paired {
    /// Bytes of the large input over the small's (`pages` is built of
    /// whole copies of the sample pages, so its sizes are not exact).
    size_ratio: f64,
    median: f64,
    min: f64,
    max: f64,
}

impl Paired {
    /// Reads the `--ratio` child's JSON line.
    fn read(line: &str) -> Paired {
        let ratio = |key| field(line, key).unwrap_or(f64::NAN);
        Paired {
            size_ratio: ratio("size_ratio"),
            median: ratio("ratio_median"),
            min: ratio("ratio_min"),
            max: ratio("ratio_max"),
        }
    }
}

/// The table (Markdown), one row per shape measured at every size.
fn print_table(sizes: &[usize], rows: &[Row]) {
    let label = |b: usize| {
        if b >= 1_000_000 {
            format!("{} MB", b as f64 / 1e6)
        } else {
            format!("{} KB", b as f64 / 1e3)
        }
    };
    let (first, last) = (label(sizes[0]), label(sizes[sizes.len() - 1]));
    let mut head = String::from("| shape |");
    for &s in sizes {
        head.push_str(&format!(" time {} |", label(s)));
    }
    head.push_str(&format!(
        " bytes {last} / {first} | time {last} / {first} (paired median) | spread (rounds' min–max) | peak / input as the CLI, {last} | peak / input, `parse`, {last} | JSON / input, {last} |"
    ));
    println!("{head}");
    println!("|{}", " --- |".repeat(sizes.len() + 7));
    for row in rows {
        let mut line = format!("| {} |", row.name);
        for m in &row.measured {
            line.push_str(&format!(" {} |", seconds(m.fastest_s)));
        }
        match &row.paired {
            Some(p) => line.push_str(&format!(
                " {:.0} | {:.0} | {:.0}–{:.0} |",
                p.size_ratio, p.median, p.min, p.max
            )),
            None => line.push_str(" n/a | n/a | n/a |"),
        }
        let z = &row.measured[row.measured.len() - 1];
        for peak in [z.peak_cli, z.peak_parse] {
            match peak {
                Some(peak) => line.push_str(&format!(" {:.1}x |", peak / z.bytes)),
                None => line.push_str(" n/a |"),
            }
        }
        line.push_str(&format!(" {:.1}x |", z.json_bytes / z.bytes));
        println!("{line}");
    }
}

/// A time for the table, in the unit that keeps it short.
fn seconds(s: f64) -> String {
    if s >= 1.0 {
        format!("{s:.2} s")
    } else if s >= 1e-3 {
        format!("{:.1} ms", s * 1e3)
    } else {
        format!("{:.0} µs", s * 1e6)
    }
}

/// The `--measure` child's work (steps 1–3): builds one input, parses it,
/// prints one JSON line.
fn measure(shape: &str, bytes: usize) {
    let generate = generator(shape);
    let baseline = proc_status_kib("VmRSS");
    let Some(input) = generate(bytes, &mut Rng::new()) else {
        // No sample pages: nothing printed, the row is skipped.
        return;
    };
    let size = input.len();
    let options = jianbao::Options::default();
    let peak = || Some((proc_status_kib("VmHWM")? - baseline?) * 1024);
    // 1. As the CLI: a document, its page parsed and written to JSON.
    let doc = jianbao::Document::from_text(input);
    let json = jianbao::formats::find("json").unwrap_or_else(|| fail("no JSON format"));
    let (pieces, _) = json.parse_page(&doc, 0, None, &options, false, &Default::default());
    black_box(&pieces);
    drop(pieces);
    drop(doc);
    let peak_cli = peak();
    // 2. `parse`, the page held while it is serialised.
    let input = generate(bytes, &mut Rng::new()).unwrap_or_default();
    let start = Clock::now();
    let page = jianbao::parse(black_box(&input), &options);
    let first = start.elapsed();
    let json = jianbao::render::to_json(&page, false);
    let (json_bytes, articles, warnings) = (json.len(), page.articles.len(), page.warnings.len());
    drop(json);
    drop(page);
    let peak_parse = peak();
    // 3. The timed runs, over variants of the input taken in turn.
    let inputs = with_variants(input, bytes, generate);
    let runs = ((SECONDS / first.max(1e-6)) as usize).clamp(MIN_RUNS, 2_000);
    let mut times = vec![first];
    for run in 1..runs {
        let input = &inputs[run % inputs.len()];
        let start = Clock::now();
        black_box(jianbao::parse(black_box(input), &options));
        times.push(start.elapsed());
    }
    times.sort_by(f64::total_cmp);
    let shown = |p: Option<u64>| p.map_or("null".to_string(), |p| p.to_string());
    println!(
        "{{\"shape\":\"{shape}\",\"bytes\":{size},\"runs\":{},\"fastest_s\":{:.9},\"median_s\":{:.9},\"peak_cli\":{},\"peak_parse\":{},\"json_bytes\":{json_bytes},\"articles\":{articles},\"warnings\":{warnings}}}",
        times.len(),
        times[0],
        times[times.len() / 2],
        shown(peak_cli),
        shown(peak_parse),
    );
}

/// The `--ratio` child's work (step 4): times parses of the `small` and
/// `large` inputs of a shape in paired rounds, prints one JSON line.
fn ratio(shape: &str, small: usize, large: usize) {
    let generate = generator(shape);
    let (Some(big), Some(first)) = (
        generate(large, &mut Rng::new()),
        generate(small, &mut Rng::new()),
    ) else {
        // No sample pages: nothing printed.
        return;
    };
    let smalls = with_variants(first, small, generate);
    if smalls.iter().all(String::is_empty) {
        fail(&format!(
            "{shape} at {small} bytes: the small input is empty"
        ));
    }
    let options = jianbao::Options::default();
    let parse = |input: &str| {
        black_box(jianbao::parse(black_box(input), &options));
    };
    // Untimed, so that no round pays for a first run (code and data not
    // yet in cache, the allocator's first requests for memory).
    for input in smalls.iter().chain([&big]) {
        parse(input);
    }
    // The small batch, the same every round: the variants in turn until
    // the batch has as many bytes as the large input.
    let mut batch = Vec::new();
    let mut batch_bytes = 0;
    for input in smalls.iter().cycle() {
        if batch_bytes >= big.len() && !batch.is_empty() {
            break;
        }
        batch.push(input.as_str());
        batch_bytes += input.len();
    }
    let time_batch = || {
        let start = Clock::now();
        for input in &batch {
            parse(input);
        }
        start.elapsed()
    };
    let time_large = || {
        let start = Clock::now();
        parse(&big);
        start.elapsed()
    };
    let mut ratios = Vec::with_capacity(ROUNDS);
    for round in 0..ROUNDS {
        // ABBA: the batch first in even rounds, the large parse in odd ones.
        let (t_small, t_large) = if round % 2 == 0 {
            let t_small = time_batch();
            (t_small, time_large())
        } else {
            let t_large = time_large();
            (time_batch(), t_large)
        };
        ratios.push(t_large / (t_small / batch.len() as f64));
    }
    let mut sorted = ratios.clone();
    sorted.sort_by(f64::total_cmp);
    let small_bytes = batch_bytes as f64 / batch.len() as f64;
    let listed: Vec<String> = ratios.iter().map(|r| format!("{r:.2}")).collect();
    println!(
        "{{\"shape\":\"{shape}\",\"small_bytes\":{small_bytes:.0},\"large_bytes\":{},\"size_ratio\":{:.2},\"small_parses\":{},\"rounds\":{ROUNDS},\"ratio_median\":{:.2},\"ratio_min\":{:.2},\"ratio_max\":{:.2},\"ratios\":[{}]}}",
        big.len(),
        big.len() as f64 / small_bytes,
        batch.len(),
        sorted[ROUNDS / 2],
        sorted[0],
        sorted[ROUNDS - 1],
        listed.join(","),
    );
}

/// The generator of the shape named `shape`.
fn generator(shape: &str) -> Generator {
    match SHAPES.iter().find(|s| s.0 == shape) {
        Some(&(_, _, generate)) => generate,
        None => fail(&format!("no shape {shape}")),
    }
}

/// `input` (built with the fixed seed at `bytes`) and its variants, drawn
/// with other seeds, for timed runs to take in turn: enough of them for
/// [`TURN_BYTES`] of text in all, at most [`TURN_VARIANTS`].
fn with_variants(input: String, bytes: usize, generate: Generator) -> Vec<String> {
    let variants = (TURN_BYTES / input.len().max(1)).clamp(1, TURN_VARIANTS);
    let mut inputs = vec![input];
    inputs.extend((1..variants as u64).filter_map(|k| generate(bytes, &mut Rng::seeded(k))));
    inputs
}

/// The time a parse takes: the thread's CPU time where the system has a
/// clock for it (Unix), so that on a busy machine the time spent waiting
/// for a core is left out; else wall time.
struct Clock(f64);

impl Clock {
    fn now() -> Clock {
        Clock(clock())
    }

    /// Seconds since `now`.
    fn elapsed(&self) -> f64 {
        clock() - self.0
    }
}

/// Seconds of the calling thread's CPU time.
#[cfg(unix)]
fn clock() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to write.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
}

/// Seconds of wall time since the first call.
#[cfg(not(unix))]
fn clock() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START
        .get_or_init(std::time::Instant::now)
        .elapsed()
        .as_secs_f64()
}

/// A `kB` field of `/proc/self/status`, in KiB.
fn proc_status_kib(field: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status.lines().find_map(|line| {
        let rest = line.strip_prefix(field)?.strip_prefix(':')?;
        rest.split_whitespace().next()?.parse().ok()
    })
}

// ---------------------------------------------------------------------------
// The shapes

/// A small fixed-seed xorshift: the same inputs every run.
struct Rng(u64);

impl Rng {
    fn new() -> Rng {
        Rng::seeded(0)
    }

    /// Another fixed seed: the `k`-th variant of each input.
    fn seeded(k: u64) -> Rng {
        Rng(0x9E37_79B9_7F4A_7C15 ^ k.wrapping_mul(0xD1B5_4A32_D192_ED03))
    }

    /// A number in `0..n`.
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    /// A common ideograph (so that generated words recur, as words do).
    fn common(&mut self) -> char {
        const POOL: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞";
        const N: usize = POOL.len() / 3;
        let at = 3 * self.below(N);
        POOL[at..at + 3].chars().next().unwrap_or('文')
    }

    /// Any ideograph of the basic block (so that bigrams rarely recur).
    fn any(&mut self) -> char {
        char::from_u32(0x4E00 + self.below(0x9FA5 - 0x4E00) as u32).unwrap_or('文')
    }

    fn word(&mut self, min: usize, max: usize) -> String {
        let n = min + self.below(max - min + 1);
        (0..n).map(|_| self.common()).collect()
    }
}

/// Repeats what `unit` builds while the text keeps within `bytes`.
fn fill(bytes: usize, rng: &mut Rng, mut unit: impl FnMut(&mut Rng, &mut String)) -> String {
    let mut out = String::with_capacity(bytes);
    let mut piece = String::new();
    loop {
        piece.clear();
        unit(rng, &mut piece);
        if out.len() + piece.len() > bytes {
            return out;
        }
        out.push_str(&piece);
    }
}

fn one_char_lines(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |_, s| s.push_str("文\n")))
}

fn blank_lines(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |_, s| s.push_str("　\n")))
}

fn bare_lf(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |_, s| s.push('\n')))
}

fn bare_cr(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |_, s| s.push('\r')))
}

fn bylines(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |_, s| s.push_str("本报记者 张三\n")))
}

fn tiny_articles(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |r, s| {
        let head = r.word(4, 8);
        s.push_str(&head);
        s.push_str("\n本报讯（记者 张三）近日，");
        s.push_str(&head);
        s.push_str("……。\n\n");
    }))
}

fn display_bigrams(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |r, s| {
        let n = 4 + r.below(9);
        s.extend((0..n).map(|_| r.any()));
        s.push('\n');
        if r.below(8) == 0 {
            s.push('\n');
        }
    }))
}

fn doubled(rng: &mut Rng, glyphs: usize, s: &mut String) {
    for _ in 0..glyphs {
        let c = rng.common();
        s.push(c);
        s.push(c);
    }
}

fn doubled_runs(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |r, s| {
        for _ in 0..2 + r.below(4) {
            let n = 3 + r.below(6);
            doubled(r, n, s);
            s.push('\n');
        }
        s.push('\n');
    }))
}

fn doubled_line(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |r, s| doubled(r, 1, s)))
}

fn one_line(bytes: usize, rng: &mut Rng) -> Option<String> {
    Some(fill(bytes, rng, |r, s| {
        for _ in 0..1 + r.below(4) {
            s.push_str(&r.word(2, 10));
            s.push('，');
        }
        s.push_str(&r.word(2, 10));
        s.push('。');
    }))
}

fn pages(bytes: usize, rng: &mut Rng) -> Option<String> {
    let mut pages = corpus::load_pages(&corpus::pages_dir()).ok()?;
    if pages.is_empty() {
        return None;
    }
    // The variants of an input begin with another page.
    let first = rng.below(pages.len());
    pages.rotate_left(first);
    // Whole copies of the pages only, so the input is built at its size
    // (no copy cut down, which would count twice in the peak).
    let one = corpus::concat(&pages).len();
    let text = corpus::scaled(&pages, (bytes / one).max(1));
    Some(text)
}

/// A command-line number, or the program ends saying what `flag` needs.
fn number(arg: Option<String>, flag: &str) -> usize {
    arg.and_then(|a| a.trim().parse().ok())
        .unwrap_or_else(|| fail(&format!("{flag} needs a number")))
}

/// Ends the program with `message` (exit status 2).
fn fail(message: &str) -> ! {
    eprintln!("shapes: {message}");
    std::process::exit(2)
}
