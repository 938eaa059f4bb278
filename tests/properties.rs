//! Properties of `parse` and the cleaning functions, over arbitrary strings
//! and over page-like strings built from the fragments real pages are made of
//! (datelines, bylines, doubled headlines, hard wraps, half-width punctuation,
//! straight quotes, markup, full-width digits, CRLF, tabs, BOM…), and over
//! page shapes: long runs of one kind of line (one-glyph lines, display
//! lines, doubled glyphs, bylines, blank lines, bare line breaks), the
//! inputs that make a pass slow if it grows faster than its page.
//!
//! The default case count is small, so `cargo test` stays quick. For a long
//! run (the count applies to each property):
//!
//! ```text
//! PROPTEST_CASES=1000000 cargo test --release --test properties
//! ```

use jianbao::clean::{clean_body, clean_display, is_cjk, is_cjk_punct};
use jianbao::{parse, Options, Page, Span};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// Cases per property: `$PROPTEST_CASES` when set, else a few seconds' worth.
fn config() -> Config {
    let mut config = Config {
        // Failing inputs are printed, not written next to this file.
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 200;
    }
    config
}

// ---------------------------------------------------------------------------
// Inputs

/// Common characters of news copy, so generated "sentences" look like text.
const HANZI: &str = "的一是在了不和有大这主中人上为们地个用工时要动国产以我到他会作来分生对于学下级就年阶义发成部民可出能方进同行面说种过命度革而多子后自社加小机也经力线本电高量长党得实家定深法表着水理化争现所二起政三好十战无农使性前等反体合斗路图把结第里正新开论之物从当两些还天资事队批点育重其思与间内去因件日利相由压员气业代全组数果期导平各基或月毛然如应形想制心样干都向变关问比展那它最及外没看治提五解系林者米群头意只明四道马认次文通但条较克又公孔领军流入接席位情运器并飞原油放立题质指建区验活众很教决特此常石强极土少已根共直团统式转别造切九你取西持总料连任志观调七么山程百报更见必真保热委手改管处己将修支识病象几先老光专什六型具示复安带每东增则完风回南广劳轮科北打积车计给节做务被整联步类集号列温装即毫知轴研单色坚据速防史拉世设达尔场织历花受求传口断况采精金界品判参层止边清至万确究书术状厂须离再目海交权且儿青才证低越际八试规斯近注办布门铁需走议县兵固除般引齿千胜细影济白格效置推空配刀叶率述今选养德话查差半敌始片施响收华觉备名红续均药标记难存测士身紧液派准斤角降维板许破述技消底床田势端感往神便贺村构照容非搞亚磨族火段算适讲按值美态黄易彪服早班麦削信排台声该击素张密害侯草何树肥继右属市严径螺检左页抗苏显苦英快称坏移约巴材省黑武培著河帝仅针怎植京助升王眼她抓含苗副杂普谈围食射源例致酸旧却充足短划剂宣环落首尺波承粉践府鱼随考刻靠够满夫失包住促枝局菌杆周护岩师举曲春元超负砂封换太模贫减阳扬江析亩木言球朝医校古呢稻宋听唯输滑站另卫字鼓刚写刘微略范供阿块某功套友限项余倒卷创律雨让骨远帮初皮播优占死毒圈伟季训控激找叫云互跟裂粮粒母练塞钢顶策双留误础吸阻故寸盾晚丝女散焊功株亲院冷彻弹错散商视艺灭版烈零室轻血倍缺厘泵察绝富城冲喷壤简否柱李望盘磁雄似困巩益洲脱投送奴侧润盖挥距触星松送获兴独官混纪依未突架宽冬章湿偏纹吃执阀矿寨责熟稳夺硬价努翻奇甲预职评读背协损棉侵灰虽矛厚罗泥辟告卵箱掌氧恩爱停曾溶营终纲孟钱待尽俄缩沙退陈讨奋械载胞幼哪剥迫旋征槽倒握担仍呀鲜吧卡粗介钻逐弱脚怕盐末阴丰雾冠丙街莱贝辐肠付吉渗瑞惊顿挤秒悬姆烂森糖圣凹陶词迟蚕亿矩";

fn hanzi() -> impl Strategy<Value = char> {
    let pool: Vec<char> = HANZI.chars().collect();
    prop::sample::select(pool)
}

fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(hanzi(), 2..=3).prop_map(|v| v.into_iter().collect())
}

/// A sentence: CJK runs separated by `，` (or `、`), ending `。`, sometimes
/// with digits, a Latin word, half-width punctuation or straight quotes.
fn sentence() -> impl Strategy<Value = String> {
    let run = prop::collection::vec(hanzi(), 1..12).prop_map(|v| v.into_iter().collect::<String>());
    let piece = prop_oneof![
        6 => run,
        1 => "[0-9]{1,4}",
        1 => "[０-９]{1,3}",
        1 => Just("**12**".to_string()),
        1 => Just("ABB Group".to_string()),
        1 => "[A-Za-z]{1,6}",
        1 => Just("\"三心服务\"".to_string()),
        1 => Just("'复教园丁保'".to_string()),
        1 => Just("“智慧型”".to_string()),
        1 => Just("（含税）".to_string()),
        1 => Just("(含税)".to_string()),
        1 => Just("8:30".to_string()),
        1 => Just("3.5%".to_string()),
    ];
    let sep = prop_oneof![
        4 => Just("，"), 2 => Just(""), 1 => Just("、"), 1 => Just(", "),
        1 => Just("; "), 1 => Just(" "), 1 => Just("， "), 1 => Just("："),
    ];
    let end = prop_oneof![4 => Just("。"), 1 => Just("！"), 1 => Just("？"), 1 => Just("."), 1 => Just("?"), 1 => Just("")];
    (prop::collection::vec((piece, sep), 1..6), end).prop_map(|(parts, end)| {
        let mut s = String::new();
        for (i, (p, sep)) in parts.iter().enumerate() {
            if i > 0 {
                s.push_str(sep);
            }
            s.push_str(p);
        }
        s.push_str(end);
        s
    })
}

/// A paragraph of sentences, either on one line or hard-wrapped every
/// 11–22 characters as narrow columns come out, maybe indented.
fn paragraph() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(sentence(), 1..5),
        prop_oneof![Just(0usize), 11usize..=22],
        prop_oneof![Just(""), Just("　　"), Just("\t"), Just("  ")],
    )
        .prop_map(|(sentences, width, indent)| {
            let text: String = sentences.concat();
            let mut out = String::from(indent);
            if width == 0 {
                out.push_str(&text);
            } else {
                for (i, c) in text.chars().enumerate() {
                    if i > 0 && i % width == 0 {
                        out.push('\n');
                    }
                    out.push(c);
                }
            }
            out
        })
}

fn headline() -> impl Strategy<Value = String> {
    let words =
        prop::collection::vec(hanzi(), 4..16).prop_map(|v| v.into_iter().collect::<String>());
    (words, 0..4u8).prop_map(|(w, style)| match style {
        // Fake bold: every glyph doubled.
        0 => w.chars().flat_map(|c| [c, c]).collect(),
        // Letter-spaced display type.
        1 => w.chars().map(String::from).collect::<Vec<_>>().join(" "),
        // A profile subtitle.
        2 => format!("——记{w}"),
        _ => w,
    })
}

fn dateline() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("本报讯".to_string()),
        Just("本报北京11月20日电".to_string()),
        Just("新华社北京11月21日电".to_string()),
        Just("据新华社电".to_string()),
        Just("本報訊".to_string()),
        (1..13u8, 1..32u8).prop_map(|(m, d)| format!("本报上海{m}月{d}日电")),
    ]
}

fn byline() -> impl Strategy<Value = String> {
    (name(), name(), 0..7u8).prop_map(|(x, y, style)| match style {
        0 => format!("（记者 {x} 通讯员 {y}）"),
        1 => format!("（记者 {x}\n{y}）"),
        2 => format!("(记者{x}、{y})"),
        3 => format!("□ 本报记者 {x}"),
        4 => format!("本报记者 {x} 摄影报道"),
        5 => format!("{x} 摄"),
        _ => format!("（记者 {x}"),
    })
}

/// One piece of a page.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => paragraph(),
        3 => headline(),
        2 => (dateline(), byline(), paragraph()).prop_map(|(d, b, p)| format!("{d} {b} {p}")),
        1 => dateline(),
        2 => byline(),
        1 => (2000..2030u16, 1..13u8, 1..29u8).prop_map(|(y, m, d)| format!("{y}年{m}月{d}日·星期五")),
        1 => Just("２０２３年５月６日 星期六".to_string()),
        1 => (name(), name()).prop_map(|(x, y)| format!("本版编辑 {x}|美术编辑 {y}|校对 叶青")),
        1 => Just("E-mail:xhzbbj@126.com".to_string()),
        1 => Just("广告".to_string()),
        1 => Just("青年教师支教日记".to_string()),
        1 => Just("图为职工在比赛中。".to_string()),
        1 => Just("“没有闭合的引号".to_string()),
        1 => Just("\"".to_string()),
        1 => Just("The quick brown fox, 2.0 version!".to_string()),
    ]
}

fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => Just("\n"), 4 => Just("\n\n"), 1 => Just("\n\n\n"), 1 => Just("\r\n"),
        1 => Just("\r\n\r\n"), 1 => Just(" "), 1 => Just("\n \n"), 1 => Just("\t\n"),
        1 => Just(""),
    ]
}

/// A page-like string: fragments joined by line breaks, maybe a BOM first.
fn page_like() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        prop::collection::vec((fragment(), separator()), 0..24),
    )
        .prop_map(|(bom, parts)| {
            let mut s = String::new();
            if bom {
                s.push('\u{feff}');
            }
            for (f, sep) in parts {
                s.push_str(&f);
                s.push_str(sep);
            }
            s
        })
}

/// Arbitrary strings: any chars, and chars weighted to what a parser reacts
/// to (CJK, white space of every kind, punctuation, brackets, controls).
fn arbitrary() -> impl Strategy<Value = String> {
    let interesting = prop_oneof![
        4 => hanzi(),
        2 => prop::sample::select(" \t\n\r\u{3000}\u{a0}\u{feff}\u{1c}\u{85}\u{2028}".chars().collect::<Vec<_>>()),
        2 => prop::sample::select("，。、；：？！“”‘’（）《》—…·,.;:?!()\"'*|□■/-".chars().collect::<Vec<_>>()),
        1 => prop::sample::select("本报讯记者通讯员摄影报道新华社电年月日星期版编辑".chars().collect::<Vec<_>>()),
        1 => any::<char>(),
        1 => prop::char::range('\0', '\u{7f}'),
        1 => prop::char::range('\u{ff01}', '\u{ff5e}'),
    ];
    prop_oneof![
        1 => any::<String>(),
        3 => prop::collection::vec(interesting, 0..300).prop_map(|v| v.into_iter().collect()),
    ]
}

/// Page shapes cost more to parse than the other inputs: fewer cases.
fn shape_config() -> Config {
    let mut config = config();
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 16;
    }
    config
}

/// One line of a run: a few glyphs of one shape, or a blank.
fn shape_line() -> impl Strategy<Value = String> {
    let glyphs = |n: std::ops::Range<usize>| prop::collection::vec(hanzi(), n);
    prop_oneof![
        // One glyph a line, as vertical text read across.
        2 => hanzi().prop_map(|c| format!("{c}\n")),
        // A short display line.
        2 => glyphs(4..12).prop_map(|v| format!("{}\n", v.into_iter().collect::<String>())),
        // A line of doubled glyphs (`地地铁铁`).
        2 => glyphs(2..8).prop_map(|v| {
            let mut line: String = v.into_iter().flat_map(|c| [c, c]).collect();
            line.push('\n');
            line
        }),
        1 => name().prop_map(|n| format!("本报记者 {n}\n")),
        1 => prop::sample::select(vec!["\n", "\r", "\r\n", "\u{3000}\n", " \t\n"]).prop_map(str::to_string),
    ]
}

/// A page shape: a few runs, each a handful of lines repeated many times,
/// up to tens of thousands of lines in all (so that some are read in
/// windows), with a news item now and then between runs.
fn page_shape() -> impl Strategy<Value = String> {
    let run = (prop::collection::vec(shape_line(), 1..4), 1usize..3000);
    prop::collection::vec((run, prop::option::weighted(0.3, fragment())), 1..5).prop_map(|runs| {
        let mut s = String::new();
        for ((lines, times), between) in runs {
            s.push_str(&lines.concat().repeat(times));
            if let Some(f) = between {
                s.push_str(&f);
                s.push_str("\n\n");
            }
        }
        s
    })
}

// ---------------------------------------------------------------------------
// Checks

/// UTF-16 offsets of the char boundaries of `text`, plus its UTF-16 length.
fn utf16_boundaries(text: &str) -> (Vec<u32>, u32) {
    let mut at = 0u32;
    let mut starts = Vec::with_capacity(text.len());
    for c in text.chars() {
        starts.push(at);
        at += c.len_utf16() as u32;
    }
    (starts, at)
}

/// Every span lies inside the input, runs forward, and starts and ends on a
/// character (never inside a surrogate pair).
fn check_spans(text: &str, page: &Page) -> Result<(), TestCaseError> {
    let (starts, len) = utf16_boundaries(text);
    let on_boundary = |x: u32| x == len || starts.binary_search(&x).is_ok();
    for [start, end] in page.all_spans() {
        prop_assert!(start <= end, "span [{start}, {end}) runs backwards");
        prop_assert!(
            end <= len,
            "span [{start}, {end}) ends past the input ({len} UTF-16 units)"
        );
        prop_assert!(
            on_boundary(start) && on_boundary(end),
            "span [{start}, {end}) splits a surrogate pair"
        );
    }
    Ok(())
}

/// White space as Python's `\s` sees it (the scorer's regex): Unicode White
/// Space plus the four information separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// The scorer's DEFECT rule: white space next to CJK or CJK punctuation, or
/// ASCII `,;?!` next to CJK. Returns the offending pair, if any.
fn defect(text: &str) -> Option<(char, char)> {
    let chars: Vec<char> = text.chars().collect();
    chars.windows(2).find_map(|w| {
        let (a, b) = (w[0], w[1]);
        let cjkish = |c: char| is_cjk(c) || is_cjk_punct(c);
        let bad = (cjkish(a) && is_py_space(b))
            || (is_py_space(a) && cjkish(b))
            || (is_cjk(a) && ",;?!".contains(b))
            || (",;?!".contains(a) && is_cjk(b));
        bad.then_some((a, b))
    })
}

fn check_blocks_clean(page: &Page) -> Result<(), TestCaseError> {
    for a in &page.articles {
        for b in &a.blocks {
            if let Some(pair) = defect(&b.text) {
                return Err(TestCaseError::fail(format!(
                    "block text has a clean-text defect {pair:?}: {:?}",
                    b.text
                )));
            }
        }
    }
    Ok(())
}

/// Every CJK character of the input lies inside some span of the output (an
/// article's spans cover all it was built from; banners, furniture and
/// warnings carry theirs): nothing the page printed is silently dropped.
fn check_cjk_accounted(text: &str, page: &Page) -> Result<(), TestCaseError> {
    let mut spans = page.all_spans();
    spans.sort_unstable();
    let mut merged: Vec<Span> = Vec::new();
    for [s, e] in spans {
        match merged.last_mut() {
            Some(last) if s <= last[1] => last[1] = last[1].max(e),
            _ => merged.push([s, e]),
        }
    }
    let mut at = 0u32;
    let mut missing = String::new();
    let mut first = None;
    for c in text.chars() {
        if is_cjk(c) {
            let i = merged.partition_point(|r| r[1] <= at);
            if merged.get(i).is_none_or(|r| r[0] > at) {
                first.get_or_insert(at);
                missing.push(c);
            }
        }
        at += c.len_utf16() as u32;
    }
    prop_assert!(
        missing.is_empty(),
        "{} CJK chars in no span (first at UTF-16 offset {:?}): {}",
        missing.chars().count(),
        first,
        missing.chars().take(40).collect::<String>()
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Properties

proptest! {
    #![proptest_config(config())]

    /// `parse` returns for any string, and every span is valid.
    #[test]
    fn parse_never_panics_and_spans_are_valid(text in arbitrary()) {
        let page = parse(&text, &Options::default());
        check_spans(&text, &page)?;
    }

    #[test]
    fn page_like_never_panics_and_spans_are_valid(text in page_like()) {
        let page = parse(&text, &Options::default());
        check_spans(&text, &page)?;
        // Without spans the same page comes back, with every range list empty.
        let bare = parse(&text, &Options { spans: false, ..Options::default() });
        prop_assert!(bare.all_spans().is_empty());
    }

    /// A page printed letter-spaced (a space between every two glyphs):
    /// every span valid on the spaced text, every ideograph accounted for.
    #[test]
    fn letter_spaced_page_spans_are_valid(text in page_like()) {
        let spaced: String = text
            .lines()
            .map(|l| l.chars().map(String::from).collect::<Vec<_>>().join(" ") + "\n")
            .collect();
        let page = parse(&spaced, &Options::default());
        check_spans(&spaced, &page)?;
        check_cjk_accounted(&spaced, &page)?;
    }

    /// No block text breaks the scorer's DEFECT rule.
    #[test]
    fn block_text_has_no_space_or_ascii_punct_next_to_cjk(text in arbitrary()) {
        check_blocks_clean(&parse(&text, &Options::default()))?;
    }

    #[test]
    fn page_like_block_text_has_no_space_or_ascii_punct_next_to_cjk(text in page_like()) {
        check_blocks_clean(&parse(&text, &Options::default()))?;
    }

    /// Cleaning twice is cleaning once.
    #[test]
    fn cleaning_is_idempotent(text in arbitrary()) {
        let body = clean_body(&text);
        prop_assert_eq!(clean_body(&body), body);
        let display = clean_display(&text);
        prop_assert_eq!(clean_display(&display), display);
    }

    #[test]
    fn page_like_cleaning_is_idempotent(text in page_like()) {
        let body = clean_body(&text);
        prop_assert_eq!(clean_body(&body), body);
        let display = clean_display(&text);
        prop_assert_eq!(clean_display(&display), display);
    }

    /// Body cleaning itself leaves no DEFECT (the parser's blocks rely on it).
    #[test]
    fn clean_body_output_has_no_defect(text in page_like()) {
        let body = clean_body(&text);
        prop_assert!(defect(&body).is_none(), "{:?} -> {:?}", text, body);
    }

    /// Every CJK character of the input is accounted for by some span.
    #[test]
    fn every_cjk_char_is_accounted_for(text in arbitrary()) {
        let page = parse(&text, &Options::default());
        check_cjk_accounted(&text, &page)?;
    }

    #[test]
    fn page_like_every_cjk_char_is_accounted_for(text in page_like()) {
        let page = parse(&text, &Options::default());
        check_cjk_accounted(&text, &page)?;
    }
}

proptest! {
    #![proptest_config(shape_config())]

    /// Page shapes parse (a hang would stop the test here), with every span
    /// valid and every CJK character accounted for.
    #[test]
    fn page_shapes_parse_with_valid_spans_and_nothing_lost(text in page_shape()) {
        let page = parse(&text, &Options::default());
        check_spans(&text, &page)?;
        check_cjk_accounted(&text, &page)?;
        check_blocks_clean(&page)?;
    }
}
