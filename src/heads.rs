//! Display type: a display group's lines joined into *fields* (one printed
//! headline each, wrapped over as many lines as its type size needed), and
//! an article's fields given their roles — kicker 引题, title 主题,
//! subtitle 副题.
//!
//! A headline wrapped in a narrow column breaks where the column ends, not
//! where a phrase does (`某某集团中标滨海新区快速公⏎路项目`): its lines fill
//! one width and only the last falls short, and a word runs across the
//! break (`公路`). A new field starts where a line opens wider than the one
//! above it could hold, with a dash (`——记某某`), or after a line of two
//! phrases printed apart (`倡导绿色低碳生活 共建美丽宜居家园`).
//!
//! Roles follow type size: the title is set largest, so it holds the fewest
//! glyphs a line. A wrapped field shows how many it holds; a field that
//! did not wrap holds at least its length.

use crate::classify::Classified;
use crate::clean::{clean_display, is_cjk};
use crate::layout::Layout;
use crate::lines::Line;
use crate::overlap::{for_each_bigram, Bigram, Postings};
use crate::place::Item;
use crate::positioned::Hint;
use crate::reflow::Unit;

/// The display units left free (`free`, in order) as items to place, each
/// unit's lines joined into fields; column names (`【街坊心声】`, or a
/// display line shaped like one, `读者来信`) as items of one column field.
/// `wraps`: the page is set in columns, so display lines may wrap (on a
/// page of one paragraph per line every display line is whole). `hints`:
/// what the page's geometry says of each line (positioned input; none for
/// plain text): each display line's type size, so that a field ends where
/// the size changes and roles follow the sizes. `words`: the bodies'
/// [`Postings`] of the page's [`vocabulary`].
pub fn items(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    free: &[usize],
    layout: &Layout,
    hints: &[Hint],
    words: &Postings,
) -> Vec<Item> {
    let wraps = layout.column.is_some();
    // A word a wrap broke stands whole in the page's running text.
    let nearby = |pair: Bigram| !words.holders(pair).is_empty();
    free.iter()
        .filter_map(|&u| {
            let ls = match &units[u] {
                Unit::Column { line } => return Some(column_item(lines, u, *line)),
                Unit::Display { lines: ls }
                    if ls.len() == 1 && crate::conventions::is_column_name(lines[ls[0]].key) =>
                {
                    return Some(column_item(lines, u, ls[0]));
                }
                Unit::Display { lines: ls } => ls,
                _ => return None,
            };
            let group: Vec<DisplayLine> = ls
                .iter()
                .enumerate()
                .map(|(k, &l)| DisplayLine {
                    line: l,
                    text: display_text(lines, classes, l),
                    // The line's own width as printed when its text is the
                    // raw text.
                    width: match &classes[l].undoubled {
                        Some(text) => width(text),
                        None => display_width(&lines[l], layout.printed_width(&lines[l])),
                    },
                    doubled: classes[l].undoubled.is_some(),
                    size: hints.get(l).map_or(0.0, |h| h.size),
                    after_blank: k > 0 && ls[k - 1] + 1 < l,
                    full: layout.shape(lines, l) == crate::layout::Shape::Full,
                    side_by_side: lines[l].piece,
                })
                .collect();
            Some(Item {
                unit: u,
                fields: fields(&group, &nearby, wraps),
            })
        })
        .collect()
}

/// Every bigram a field of the free display groups can hold: each group's
/// lines cleaned as one text (a field is some of its lines, joined and
/// cleaned the same way). What [`crate::overlap::Postings`] of the page's
/// bodies is built for, once, for the field builder and placement both.
pub fn vocabulary(
    lines: &[Line],
    classes: &[Classified],
    units: &[Unit],
    free: &[usize],
) -> Vec<Bigram> {
    let mut out = Vec::new();
    // Each group's lines joined by line breaks, in one buffer.
    let mut joined = String::new();
    for &u in free {
        if let Unit::Display { lines: ls } = &units[u] {
            joined.clear();
            for (k, &l) in ls.iter().enumerate() {
                if k > 0 {
                    joined.push('\n');
                }
                joined.push_str(display_text(lines, classes, l));
            }
            for_each_bigram([clean_display(&joined).as_str()], |b| out.push(b));
        }
    }
    // Repeats are left in: the postings keep each bigram once.
    out
}

/// The text of display line `l` as the field builder reads it: doubled
/// glyphs undone, raw otherwise.
fn display_text<'a>(lines: &[Line<'a>], classes: &'a [Classified], l: usize) -> &'a str {
    classes[l].undoubled.as_deref().unwrap_or(lines[l].raw)
}

/// The bigram two display lines make across their break: the last glyph
/// of `a` and the first of `b`, both ideographs (`外` `国` of
/// `听住在海边的外⏎国学生讲述`); `None` otherwise.
fn wrap_pair(a: &str, b: &str) -> Option<Bigram> {
    let (x, y) = (a.trim().chars().next_back()?, b.trim().chars().next()?);
    (is_cjk(x) && is_cjk(y))
        .then(|| u64::from(crate::clean::utf8_key(x)) << 32 | u64::from(crate::clean::utf8_key(y)))
}

/// One printed headline: a display line, or several that wrap one phrase.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The lines it was printed on (indices into the page's lines).
    pub lines: Vec<usize>,
    /// Its text, cleaned ([`clean_display`]), doubled glyphs undone.
    pub text: String,
    /// Glyphs a line of its type holds, in cells: the width of its first
    /// line when it wrapped; its own width (a lower bound) when it did not.
    pub capacity: f32,
    /// It wrapped over more than one line.
    pub wrapped: bool,
    /// Every line was bold doubled type.
    pub doubled: bool,
    /// A column name (栏目, `【街坊心声】` → `街坊心声`), not a headline.
    pub column: bool,
    /// Type size against the page's body type, where the input is
    /// positioned (0: unknown).
    pub size: f32,
}

/// How much wider (cells) a line may be than the line above it and still
/// be that line's wrap (punctuation and Latin are set narrower or wider).
pub const WRAP_SLACK: f32 = 1.0;

/// A wrapped headline's last line, across a blank line, is at most this
/// share of the headline's width.
const SHORT_TAIL: f32 = 0.6;

/// A display line as the field builder reads it: its index, its text with
/// doubled glyphs undone (raw otherwise), and whether it was doubled.
#[derive(Debug, Clone, Copy)]
pub struct DisplayLine<'a> {
    pub line: usize,
    pub text: &'a str,
    /// [`width`] of `text`, measured once (the field builder compares each
    /// line's width with its neighbours').
    pub width: f32,
    pub doubled: bool,
    /// Type size against the body's (0: unknown; positioned input only).
    pub size: f32,
    /// A blank line stands between it and the display line above.
    pub after_blank: bool,
    /// It fills its column's width.
    pub full: bool,
    /// Cut out of a row of columns printed side by side: blank lines
    /// around it are the rows' vertical space, which large type leaves
    /// inside a headline too.
    pub side_by_side: bool,
}

/// An item of one column-name field.
fn column_item(lines: &[Line], unit: usize, line: usize) -> Item {
    let key = lines[line].key;
    let name = crate::conventions::bracketed_column_name(key).unwrap_or(key);
    Item {
        unit,
        fields: vec![Field {
            lines: vec![line],
            text: clean_display(name),
            capacity: lines[line].width,
            wrapped: false,
            doubled: false,
            column: true,
            size: 0.0,
        }],
    }
}

/// Joins the lines of one display group into fields. `nearby` tells
/// whether the page's running text holds a bigram, where a word broken by
/// a wrap (`公⏎路`) can be found whole; without `wraps` (one paragraph per
/// line) only punctuation and doubled type join lines. A column name
/// (`读者来信`) is a field of its own.
pub fn fields(group: &[DisplayLine], nearby: &dyn Fn(Bigram) -> bool, wraps: bool) -> Vec<Field> {
    let mut out: Vec<Field> = Vec::new();
    // The raw texts of the current field's lines.
    let mut texts: Vec<&str> = Vec::new();
    for (k, dl) in group.iter().enumerate() {
        let width = dl.width;
        let column = crate::conventions::is_column_name(&dl.text.replace(char::is_whitespace, ""));
        let joins = k > 0 && !column && !out.last().is_some_and(|f| f.column) && {
            let prev = &group[k - 1];
            let field = out.last().expect("a field per earlier line");
            continues(prev, dl, field, nearby, wraps)
        };
        if joins {
            let f = out.last_mut().expect("a field to join");
            f.lines.push(dl.line);
            f.wrapped = true;
            f.doubled &= dl.doubled;
            texts.push(dl.text);
        } else {
            if let Some(f) = out.last_mut() {
                f.text = join_field(&texts, f.doubled);
            }
            texts.clear();
            texts.push(dl.text);
            out.push(Field {
                lines: vec![dl.line],
                text: String::new(),
                capacity: width,
                wrapped: false,
                doubled: dl.doubled,
                column,
                size: dl.size,
            });
        }
    }
    if let Some(f) = out.last_mut() {
        f.text = join_field(&texts, f.doubled);
    }
    out
}

/// Whether display line `b` wraps on the field that line `a` (the line
/// above it) belongs to.
fn continues(
    a: &DisplayLine,
    b: &DisplayLine,
    field: &Field,
    nearby: &dyn Fn(Bigram) -> bool,
    wraps: bool,
) -> bool {
    let (ta, tb) = (a.text.trim(), b.text.trim());
    if opens_with_dash(tb) {
        return false;
    }
    if a.size > 0.0 && b.size > 0.0 {
        // Positioned input: one field is set in one type size.
        return same_size(a.size, b.size);
    }
    if a.doubled != b.doubled {
        return false;
    }
    if ta.ends_with(['，', ',', '、', '（', '(', '“', '《', '：', ':'])
        || tb.starts_with(['，', '、', '。', '）', ')', '”', '》', '：', '！', '？'])
        || crate::conventions::splits_a_count(ta, tb)
        || (crate::conventions::opens_with_bound_particle(tb) && !crate::clean::ends_sentence(ta))
    {
        return true;
    }
    if a.doubled && b.doubled && !wraps {
        return true;
    }
    if !wraps {
        return false;
    }
    let (wa, wb) = (a.width, b.width);
    // Lines of one field fill one width and only the last falls short: a
    // line short of the width of the field's wrapped lines above ends it
    // (`某某集团中标滨海新区快速公⏎路项目` ends at `路项目`).
    if field.lines.len() > 1 && wa < field.capacity - WRAP_SLACK {
        return false;
    }
    // Across a blank line only a word running across the break joins.
    let across_blank = b.after_blank;
    // A word runs across the break.
    if wrap_pair(ta, tb).is_some_and(nearby) {
        return true;
    }
    if across_blank {
        // A field wrapped at one measure across a blank line already (its
        // lines above all fill it) goes on across the next with a line no
        // wider: OCR sets blank lines between the lines of one headline
        // (`某省公布最新路⏎⏎况安全等级名单⏎⏎滨江市环线仍是⏎拥堵段`). A field
        // wrapped with no blank line goes on across one only with a line
        // that falls far short, its last words (`某省公布今年新建十二处⏎
        // 城市绿道的名单和开放⏎⏎时间`): a line near its width is another
        // headline stacked under it. (Not where columns are printed side
        // by side, row by row: there a blank line is the rows' vertical
        // space, which large type leaves between a headline's lines too,
        // `某市：今年将⏎新建三座口袋⏎⏎公园方便居民⏎⏎休闲`.)
        // A line that ends the headline in `？` or `！` under a first
        // line no narrower that ends no sentence nor clause goes on it
        // (`某某：面对汛情，我们的机制⏎⏎还有哪些短板要补？`): a headline's
        // last words, not a headline of their own under it. So does a
        // narrower line under a first line that fills its column and ends
        // open (`某市今年将在老城区新建一批⏎⏎口袋公园方便居民休闲`): a
        // kicker over its title falls short of the column.
        let ends_asking = tb.ends_with(['？', '！', '?', '!']) && !tb.contains(['。', '，']);
        let open_above =
            !crate::conventions::ends_in_clause_punct(ta) && !crate::clean::ends_sentence(ta);
        return (field.lines.len() > 1
            && (a.after_blank
                || wb < SHORT_TAIL * field.capacity
                || (a.side_by_side && b.side_by_side))
            && wb <= field.capacity + WRAP_SLACK)
            || (field.lines.len() == 1 && ends_asking && open_above && wb <= wa)
            || (field.lines.len() == 1 && a.full && open_above && wb < wa && !two_phrases(ta));
    }
    if wb > wa + WRAP_SLACK {
        return false;
    }
    // Two phrases printed apart make a field of their own.
    if two_phrases(ta) {
        return false;
    }
    if a.doubled && b.doubled {
        // Bold doubled lines under one another are one headline: a couplet
        // of two phrases (`地铁职工学剪纸` / `礼赞平凡建设者`, joined with a
        // space) or a wrap (`为困难邻居` / `送温暖`).
        return true;
    }
    // Lines of one field fill one width; a line shorter than the field's
    // first can only be its last.
    field.lines.len() == 1 || (wa - field.capacity).abs() <= WRAP_SLACK
}

/// Two type sizes (against the body's) are one size.
fn same_size(a: f32, b: f32) -> bool {
    (a / b - 1.0).abs() < crate::positioned::SAME_SIZE
}

/// Printed width of a display text, in cells; quotes count half, as
/// display type often sets them (`本做到“即收即运”` wraps a line of seven).
fn width(text: &str) -> f32 {
    quotes_half(text, crate::lines::widths_of(text).0)
}

/// The width of display line `line` as printed, from `printed`, its
/// width as the page prints its digits: measured with its white space
/// closed up, which takes no cell in display type. OCR sets white space
/// round a headline's marks and reads them as ASCII (`王某 : 借春风`);
/// closed up, a mark next to Chinese text measures a full cell, as
/// [`Line`] measures it (`王某:借春风`, six cells).
fn display_width(line: &Line, printed: f32) -> f32 {
    let width = if line.width == line.glyphs {
        printed
    } else {
        let closed: String = line.raw.chars().filter(|c| !c.is_whitespace()).collect();
        printed - line.width + crate::lines::widths_of(&closed).0
    };
    quotes_half(line.raw, width)
}

/// `printed`, the width of `text` as lines measure it, with its curly
/// quotes counted half (see [`width`]).
fn quotes_half(text: &str, printed: f32) -> f32 {
    let quotes = text
        .chars()
        .filter(|c| matches!(c, '“' | '”' | '‘' | '’'))
        .count();
    printed - quotes as f32 / 2.0
}

/// A field that opens with a dash, as a subtitle does (`——记某某`,
/// `——读《某某丛书》`); OCR reads the dash as two `一` (`一一读《…》`), which
/// no headline opens with otherwise (`一一` as an adverb needs a subject
/// before it).
pub fn opens_with_dash(text: &str) -> bool {
    let t = text.trim_start();
    t.starts_with(['—', '－', '-'])
        || t.strip_prefix("一一")
            .is_some_and(|rest| rest.chars().next().is_some_and(|c| c != '一'))
}

/// A display line of two phrases set apart by white space between two
/// ideographs: `守护民生 温暖职工`, `统一配送防汛物资  设立防汛专项资金`
/// (not a space after punctuation, `我也报名参加! 2008年`, which
/// extractors and OCR print inside running text).
pub fn two_phrases(text: &str) -> bool {
    let t = text.trim();
    let Some(gap) = t.find(char::is_whitespace) else {
        return false;
    };
    let (a, rest) = t.split_at(gap);
    let b = rest.trim_start();
    let cjk = |s: &str| s.chars().filter(|&c| is_cjk(c)).count();
    a.chars().next_back().is_some_and(is_cjk)
        && b.chars().next().is_some_and(is_cjk)
        && cjk(a) >= 2
        && cjk(b.split_whitespace().next().unwrap_or("")) >= 2
}

/// Longest phrase of a page slogan couplet, in glyphs.
const COUPLET_MAX_PHRASE: usize = 12;
/// Shortest phrase of a page slogan couplet, in glyphs.
const COUPLET_MIN_PHRASE: usize = 4;

/// A page slogan set as a couplet (对仗): exactly two phrases of four to
/// twelve ideographs, of near equal length (the longer at most half as
/// long again), with no punctuation in either: `喜迎佳节 共创美好未来`,
/// `关爱职工 共建家园`. Two columns' lines printed as one by OCR are not:
/// their pieces are cut anywhere, carry clause marks, or differ in length
/// (`持续奋战一线、服从安排 镇里新增摊位`).
pub fn couplet(text: &str) -> bool {
    // Most display lines hold no white space: one byte scan tells them.
    let t = text.trim();
    let Some(gap) = t.find(char::is_whitespace) else {
        return false;
    };
    let (a, b) = (&t[..gap], t[gap..].trim_start());
    if b.contains(char::is_whitespace) {
        return false;
    }
    let glyphs = |s: &str| s.chars().all(is_cjk).then(|| s.chars().count());
    let (Some(x), Some(y)) = (glyphs(a), glyphs(b)) else {
        return false;
    };
    let (short, long) = (x.min(y), x.max(y));
    short >= COUPLET_MIN_PHRASE && long <= COUPLET_MAX_PHRASE && 2 * long <= 3 * short
}

/// A field's text from its lines: a wrap joins without a space; bold
/// doubled couplets keep one (`地铁职工学剪纸 礼赞平凡建设者`).
fn join_field(texts: &[&str], doubled: bool) -> String {
    let sep = if doubled && texts.len() == 2 && {
        let n = |s: &str| s.trim().chars().count();
        n(texts[0]) == n(texts[1])
    } {
        " "
    } else {
        "\n"
    };
    clean_display(&texts.join(sep))
}

/// The roles of an article's display fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Roles {
    /// Index (into the fields given) of each role's fields, in order.
    pub kicker: Vec<usize>,
    pub title: Vec<usize>,
    pub subtitle: Vec<usize>,
}

/// How many cells longer a field that did not wrap must be than another
/// field's capacity to show smaller type.
const CLEARLY_LONGER: f32 = 1.5;

/// Gives an article's fields (in print order) their roles.
///
/// - one field: the title;
/// - a field opening with a dash: a subtitle;
/// - two fields: the one in the larger type (holding fewer glyphs a line)
///   is the title, the other a kicker above it or a subtitle below it; when
///   the widths cannot tell, a field that wrapped under one that did not is
///   a title under its kicker, a field of two phrases over another is a
///   kicker, and otherwise the second is the subtitle;
/// - three or more: kicker, title, subtitles.
pub fn roles(fields: &[&Field]) -> Roles {
    let mut r = Roles::default();
    let n = fields.len();
    let dash = |f: &Field| opens_with_dash(&f.text);
    match n {
        0 => {}
        1 => r.title.push(0),
        2 => {
            let (a, b) = (fields[0], fields[1]);
            let a_title = if dash(b) {
                true
            } else if dash(a) {
                false
            } else {
                match larger_type(a, b) {
                    Some(first) => first,
                    None if b.wrapped && !a.wrapped => false,
                    None if two_phrases(&a.text) && !two_phrases(&b.text) => false,
                    None => true,
                }
            };
            // The field that is not the title: above it a kicker, below it
            // a subtitle; a field of two phrases is a kicker wherever the
            // extractor printed it.
            let (t, other) = if a_title { (0, 1) } else { (1, 0) };
            r.title.push(t);
            if (other == 0 || two_phrases(&fields[other].text)) && !dash(fields[other]) {
                r.kicker.push(other);
            } else {
                r.subtitle.push(other);
            }
        }
        _ => {
            // Dashed fields at the end are subtitles; of two fields above
            // them, the second is the title under its kicker unless the
            // first is clearly the larger type.
            let dashed = fields.iter().rev().take_while(|f| dash(f)).count();
            let rest = n - dashed;
            let t = match rest {
                0 | 1 => 0,
                2 if dashed > 0 => {
                    let (a, b) = (fields[0], fields[1]);
                    let first_larger =
                        a.wrapped && b.wrapped && a.capacity + WRAP_SLACK < b.capacity;
                    usize::from(!first_larger)
                }
                _ => match larger_type(fields[0], fields[1]) {
                    Some(true) => 0,
                    _ => 1,
                },
            };
            r.kicker.extend(0..t);
            r.title.push(t);
            r.subtitle.extend(t + 1..n);
        }
    }
    r
}

/// Which of two fields is set in the larger type, when their widths tell:
/// `Some(true)` for the first.
fn larger_type(a: &Field, b: &Field) -> Option<bool> {
    if a.size > 0.0 && b.size > 0.0 && !same_size(a.size, b.size) {
        return Some(a.size > b.size);
    }
    let len = |f: &Field| width(&f.text);
    match (a.wrapped, b.wrapped) {
        (true, true) if (a.capacity - b.capacity).abs() > WRAP_SLACK => {
            Some(a.capacity < b.capacity)
        }
        // A field that did not wrap holds at least its length: longer than
        // the other's lines, it is in smaller type.
        (true, false) if len(b) > a.capacity + CLEARLY_LONGER => Some(true),
        (false, true) if len(a) > b.capacity + CLEARLY_LONGER => Some(false),
        (false, false) => {
            let (la, lb) = (len(a), len(b));
            ((la - lb).abs() > CLEARLY_LONGER + 1.5).then_some(la < lb)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use bumpalo::Bump;

    #[test]
    fn a_dash_opens_a_subtitle_and_ocr_reads_it_as_two_ones() {
        assert!(opens_with_dash("——记某车队队长"));
        assert!(opens_with_dash("一一记某车队队长"));
        assert!(!opens_with_dash("一一一编钟"));
        assert!(!opens_with_dash("某车队队长"));
    }

    fn fields_of(text: &str, nearby: &str) -> Vec<String> {
        let arena = Bump::new();
        let lines = split(text, &arena);
        // Blank lines part display lines (`after_blank`).
        let group: Vec<DisplayLine> = lines
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.is_blank())
            .map(|(i, l)| DisplayLine {
                line: i,
                text: l.raw,
                width: display_width(l, l.width),
                doubled: false,
                size: 0.0,
                after_blank: i > 0 && lines[i - 1].is_blank(),
                full: false,
                side_by_side: false,
            })
            .collect();
        let near = crate::overlap::BigramSet::of([nearby]);
        fields(&group, &|b| near.contains(b), true)
            .into_iter()
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn a_slogan_couplet_is_two_even_phrases_without_marks() {
        assert!(couplet("关爱职工 共建家园"));
        assert!(couplet("喜迎佳节 共创美好未来"));
        // Two columns' lines read as one: cut anywhere, marked, uneven.
        assert!(!couplet("持续奋战一线、服从安排 镇里新增摊位"));
        assert!(!couplet("市交通委今晚通报 市区"));
        assert!(!couplet("一二三 四五六七八九十一二"));
        assert!(!couplet("关爱职工 共建家园 再创佳绩"));
    }

    #[test]
    fn a_headline_with_digits_printed_half_width_wraps_as_printed() {
        // The page codes its digits full width and prints them half: a
        // line inside a paragraph fills its twelve-cell column only so.
        // The headline's first line is seven cells as printed, ten as
        // coded; measured as printed, its lines make one field.
        let para = "镇总工会举办职工运动会，\n参赛职工来自全区二十家，\n比赛设有十个项目１２３４５６\n个项目，吸引了众多职工。\n";
        let page = format!(
            "至１２月３１日２４时\n本市新建公园绿道\n全部对外开放\n\n\
             本报讯 本市新建公园绿道至１２\n月３１日２４时全部对外开放，\n市民可骑行游览。\n{}",
            para.repeat(4)
        );
        let page = crate::parse(&page, &Default::default());
        assert_eq!(
            page.articles[0].title.as_deref(),
            Some("至12月31日24时本市新建公园绿道全部对外开放")
        );
    }

    #[test]
    fn ocr_blank_lines_between_the_lines_of_one_headline() {
        // Every break of the measure across a blank line: one field.
        assert_eq!(
            fields_of(
                "城市公园今年新\n\n增二十处健身\n\n步道市民可就近\n锻炼",
                "新增"
            ),
            ["城市公园今年新增二十处健身步道市民可就近锻炼"]
        );
        // Two lines together, then one apart: another field.
        assert_eq!(
            fields_of("城市公园今年新增二\n十处健身步道开放\n\n市民可就近锻炼", ""),
            ["城市公园今年新增二十处健身步道开放", "市民可就近锻炼"]
        );
        // Unless the line apart falls far short: the headline's last
        // words (extractors that keep the page's spacing set type larger
        // than the body's a blank line apart).
        assert_eq!(
            fields_of("某省公布今年新建十二处\n城市绿道的名单和开放\n\n时间", ""),
            ["某省公布今年新建十二处城市绿道的名单和开放时间"]
        );
    }

    #[test]
    fn ocr_spaces_and_ascii_marks_in_a_headline_keep_its_measure() {
        // `!` is a full cell in print, and the spaces round it none: the
        // second line is no wider than the first, the third no shorter
        // than the field's measure, all one headline.
        assert_eq!(
            fields_of("好消息 ! 城南新建\n社区图书馆今天\n正式对外开放", ""),
            ["好消息！城南新建社区图书馆今天正式对外开放"]
        );
        assert_eq!(
            fields_of("王某 : 借春风\n播下\"种子\"是一\n个好开头", ""),
            ["王某：借春风播下“种子”是一个好开头"]
        );
    }

    #[test]
    fn a_line_opening_with_the_particle_de_wraps_the_headline_above() {
        // No headline opens with `的`: across a blank line, the line under
        // a first line of the same width is its wrap.
        assert_eq!(
            fields_of("某某小学师生和家长们\n\n的春季植树活动", ""),
            ["某某小学师生和家长们的春季植树活动"]
        );
        // A name that opens with the glyph is a headline of its own.
        assert_eq!(
            fields_of("北非多国港口局势紧张\n\n的黎波里港恢复通航", ""),
            ["北非多国港口局势紧张", "的黎波里港恢复通航"]
        );
    }

    #[test]
    fn a_line_that_asks_across_a_blank_line_ends_the_headline_above() {
        // OCR sets a blank line between a headline's lines: a last line
        // ending in `？` under a first line no narrower that ends open.
        assert_eq!(
            fields_of("某某：面对汛情，我们的应急机制\n\n还有哪些短板要补？", ""),
            ["某某：面对汛情，我们的应急机制还有哪些短板要补？"]
        );
        // Under a shorter line (a kicker), a question is a headline of
        // its own.
        assert_eq!(
            fields_of("城市公园\n\n今天你去健身步道锻炼了吗？", ""),
            ["城市公园", "今天你去健身步道锻炼了吗？"]
        );
    }

    #[test]
    fn a_headline_filling_its_column_goes_on_across_a_blank_line() {
        // OCR sets a blank line under a headline's first line, which fills
        // the column and ends open; the narrower line under it ends it.
        let dl = |line: usize, text: &'static str, after_blank: bool, full: bool| DisplayLine {
            line,
            text,
            width: width(text),
            doubled: false,
            size: 0.0,
            after_blank,
            full,
            side_by_side: false,
        };
        let texts = |group: &[DisplayLine]| -> Vec<String> {
            fields(group, &|_| false, true)
                .into_iter()
                .map(|f| f.text)
                .collect()
        };
        let first = "某市今年将在老城区新建一批";
        let second = "口袋公园方便居民休闲";
        assert_eq!(
            texts(&[dl(0, first, false, true), dl(2, second, true, false)]),
            ["某市今年将在老城区新建一批口袋公园方便居民休闲"]
        );
        // Short of the column, it is a kicker over a title.
        assert_eq!(
            texts(&[dl(0, first, false, false), dl(2, second, true, false)]),
            [first, second]
        );
    }

    #[test]
    fn lines_of_columns_side_by_side_go_on_across_blank_lines() {
        // Two lines together, then two apart at the same measure: where
        // columns are printed side by side, the blank lines are the rows'
        // vertical space inside one headline.
        let dl = |line: usize, text: &'static str, side_by_side: bool| DisplayLine {
            line,
            text,
            width: width(text),
            doubled: false,
            size: 0.0,
            after_blank: line > 1,
            full: false,
            side_by_side,
        };
        let texts = |side: bool| -> Vec<String> {
            let group = [
                dl(0, "某市：今年将", side),
                dl(1, "新建三座口袋", side),
                dl(3, "公园方便居民", side),
                dl(5, "休闲", side),
            ];
            fields(&group, &|_| false, true)
                .into_iter()
                .map(|f| f.text)
                .collect()
        };
        assert_eq!(texts(true), ["某市：今年将新建三座口袋公园方便居民休闲"]);
        // Read one block after another, a line at the measure across a
        // blank line is another headline stacked under the first.
        assert_eq!(
            texts(false),
            ["某市：今年将新建三座口袋", "公园方便居民", "休闲"]
        );
    }

    #[test]
    fn wrapped_headlines_join() {
        assert_eq!(
            fields_of("某某集团中标滨海新区快速公\n路项目", "快速公路沿线绿化带"),
            ["某某集团中标滨海新区快速公路项目"]
        );
        assert_eq!(
            fields_of(
                "李成林会见\n全省各行业\n劳动模范代\n表时强调\n以劳模精神引领职工\n建功立业",
                ""
            ),
            [
                "李成林会见全省各行业劳动模范代表时强调",
                "以劳模精神引领职工建功立业"
            ]
        );
        assert_eq!(
            fields_of(
                "南江县柑橘五年保持大幅增产\n今年总产量逾36.8亿公斤，创下全省果\n业亩产效益最高值",
                ""
            ),
            [
                "南江县柑橘五年保持大幅增产",
                "今年总产量逾36.8亿公斤，创下全省果业亩产效益最高值"
            ]
        );
        assert_eq!(
            fields_of("细心查，耐心\n劝，用心帮\n——滨江社区防疫工作\n一线纪实", ""),
            ["细心查，耐心劝，用心帮", "——滨江社区防疫工作一线纪实"]
        );
        assert_eq!(
            fields_of("关注民生 服务职工\n江海集团中标", ""),
            ["关注民生 服务职工", "江海集团中标"]
        );
        // A wrapped field's short line is its last, even where the body
        // below prints the words across the break.
        assert_eq!(
            fields_of(
                "某某集团中标滨海新区快速公\n路项目\n青川机场航站楼扩建\n工程顺利完工",
                "快速公路网，建设项目青川机场航站楼扩建工程"
            ),
            [
                "某某集团中标滨海新区快速公路项目",
                "青川机场航站楼扩建工程顺利完工"
            ]
        );
    }

    fn field(text: &str, capacity: f32, wrapped: bool) -> Field {
        Field {
            lines: vec![],
            text: text.into(),
            capacity,
            wrapped,
            doubled: false,
            column: false,
            size: 0.0,
        }
    }

    #[test]
    fn roles_follow_type_size() {
        // Title wraps at 7, subtitle at 12: the title is set larger.
        let t = field("省总工会致全省职工慰问信", 7.0, true);
        let s = field(
            "鼓励全体会员发扬艰苦奋斗的优良传统，为城市更新改造再立新功",
            12.0,
            true,
        );
        assert_eq!(roles(&[&t, &s]).title, [0]);
        // A kicker of 12 on one line over a title that wraps at 12.
        let k = field("省总工会致全省职工慰问信", 12.0, false);
        assert_eq!(roles(&[&k, &s]).title, [1]);
        // A subtitle with a dash.
        let s = field("——滨江社区防疫工作一线纪实", 10.0, true);
        let t = field("细心查，耐心劝，用心帮", 6.0, true);
        assert_eq!(roles(&[&t, &s]).subtitle, [1]);
    }
}
