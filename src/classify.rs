//! Pass 3 — classify: what each line is by the conventions of the trade,
//! with a look at the line after it for conventions an extractor may break
//! across two lines (a dateline such as `据新华社维也纳11月28⏎日电`, a date
//! line with its weekday below it).

use crate::clean::undouble;
use crate::conventions::{self as cv, Marks};
use crate::lines::Line;

/// What a line is, judged from the line (and the line after it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Page date line: `2019年4月19日·星期五`, or the weekday alone
    /// (`星期一`) on the line under a date.
    Date,
    /// Edition line: `本版编辑 林禾|美术编辑 周澜`, `第5版`.
    Edition,
    /// Advertisement marker or description: `广告`.
    Ad,
    /// A standalone byline opening a feature: `□ 本报记者 石岚`.
    Byline,
    /// A line of credits only: `本报记者 沈川`, `通讯员 莫雨辰 摄影报道`.
    Credit,
    /// Opens a report with a dateline: `本报讯 （记者 韦晴 通讯员`, also
    /// when the dateline runs on into the next line.
    Lead,
    /// A column name set alone in brackets: `【街坊心声】`.
    Column,
    /// Running text or a display line; context decides.
    Text,
}

/// A classified line.
#[derive(Debug, Clone)]
pub struct Classified {
    pub kind: LineKind,
    /// Ends a sentence: `…环境。`, `…关怀。”`.
    pub terminal: bool,
    /// Holds a full stop `。` (display type does not print one).
    pub full_stop: bool,
    /// Ends inside a clause: `…我们，`, `…通讯员`, `…如下：`.
    pub clause_end: bool,
    /// Could be display type by its own shape: not a sentence, no full
    /// stop, no column-style spacing after a comma
    /// ([`Line::clause_gap`]), not longer than [`MAX_DISPLAY`].
    pub display: bool,
    /// A lead that is only a source named (`据海港晨报网报道`), which may as
    /// well open a paragraph inside a report.
    pub weak_lead: bool,
    /// Bold display type with every glyph doubled, undone:
    /// `地地铁铁职职工工` → `地铁职工`.
    pub undoubled: Option<String>,
}

impl Classified {
    /// Ends a sentence in `！` or `？` (no full stop anywhere, no clause
    /// end): as a headline may, and a one-line paragraph.
    pub fn asks(&self) -> bool {
        self.terminal && !self.full_stop && !self.clause_end
    }
}

/// Longest display line, in glyphs (a two-part subtitle runs to ~45).
pub const MAX_DISPLAY: usize = 48;

/// Lines read after a line that ends in an opening quote for the quote's
/// close.
const QUOTE_RUN_LINES: usize = 4;

/// Glyphs of the next line a dateline may run on into
/// (`…12月30⏎日电`: at most the date's end and `电`).
const DATELINE_RUN_ON: usize = 8;

/// Classifies every line of a page.
pub fn classify(lines: &[Line]) -> Vec<Classified> {
    let mut out: Vec<Classified> = lines.iter().map(classify_line).collect();
    for i in 0..lines.len() {
        if out[i].kind != LineKind::Text || lines[i].is_blank() {
            continue;
        }
        let Some(next) = (i + 1..lines.len()).find(|&j| !lines[j].is_blank()) else {
            continue;
        };
        // (Not right under a line that opens a quotation, `…头版印着：`: a
        // dateline quoted inside running text.)
        let quoted = || i > 0 && lines[i - 1].key.trim_end().ends_with(['：', ':']);
        if runs_into_dateline(&lines[i], &lines[next]) && !quoted() {
            out[i].kind = LineKind::Lead;
            out[i].display = false;
            out[i].undoubled = None;
        }
    }
    // A doubled headline's wrap may leave a pair or two on the last line
    // (`山山城城灯灯火火…点点` / `亮亮`): doubled too, under a doubled line.
    for i in 1..lines.len() {
        if out[i].kind == LineKind::Text
            && out[i].undoubled.is_none()
            && out[i - 1].undoubled.is_some()
        {
            out[i].undoubled = crate::clean::undouble_tail(lines[i].raw);
            if out[i].undoubled.is_some() {
                out[i].display = true;
            }
        }
    }
    // A note in brackets on a line of its own under a sentence's end ends
    // the paragraph too.
    for i in 1..lines.len() {
        if out[i].kind == LineKind::Text && cv::is_bracketed_note(lines[i].key) {
            if let Some(prev) = (0..i).rev().find(|&j| !lines[j].is_blank()) {
                if out[prev].terminal {
                    out[i].terminal = true;
                    out[i].display = false;
                }
            }
        }
    }
    // A sentence's end, then a quote opened at the line's end: the quote
    // opens the next sentence, which runs on, where the next lines close
    // it before they open another (`约谈持续了两个小时。“⏎下一步我们马上
    // 整改，对照⏎问题逐条落实。”他表示。`). (OCR may print a closing quote
    // so; the lines under it then open a quote first, or none, or the line
    // itself opened one that it closes there: `他说：“马上整改。“`.)
    for i in 0..lines.len() {
        let key = crate::clean::trim_end(lines[i].key);
        let Some(before) = key.strip_suffix('“').filter(|_| out[i].terminal) else {
            continue;
        };
        if before.matches('“').count() > before.matches('”').count() {
            continue;
        }
        let closed = (i + 1..lines.len())
            .take(QUOTE_RUN_LINES)
            .take_while(|&j| !lines[j].is_blank())
            .flat_map(|j| lines[j].key.chars())
            .find(|&c| matches!(c, '“' | '”'));
        if closed == Some('”') {
            out[i].terminal = false;
        }
    }
    // A weekday alone belongs to the date line above it, also where other
    // cells of the page's header stand between (an extractor that reads
    // the header's cells apart: `2023年4月12日⏎责任编辑：某某⏎星期三`) and
    // the calendar gives that date that weekday.
    for i in 1..lines.len() {
        if cv::is_weekday(lines[i].key) {
            let header_cell = |j: usize| lines[j].is_blank() || out[j].kind == LineKind::Edition;
            if let Some(prev) = (0..i).rev().find(|&j| !header_cell(j)) {
                let apart = (prev + 1..i).any(|j| !lines[j].is_blank());
                if out[prev].kind == LineKind::Date
                    && (!apart || cv::weekday_of_date(lines[prev].key, lines[i].key))
                {
                    out[i].kind = LineKind::Date;
                    out[i].display = false;
                }
            }
        }
    }
    out
}

/// A line that opens a dateline which only the next line ends:
/// `据新华社维也纳11月28` + `日电 （记者 钟岳林）`, also where it files a
/// feature's title (`新华社某地2月6日` + `电题：…`).
fn runs_into_dateline(line: &Line, next: &Line) -> bool {
    let key = line.key;
    // The next line holds the dateline's end (`电`, `讯`) within its
    // first glyphs: a quick test before anything is joined. Its marks
    // (gathered when it was keyed) tell first whether it holds one at all.
    let ends_there = next.marks.has(Marks::DATELINE)
        && next
            .key
            .chars()
            .take(DATELINE_RUN_ON)
            .any(|c| matches!(c, '电' | '電' | '讯' | '訊'));
    if !ends_there || key.chars().count() > cv::MAX_DATELINE_GLYPHS || !cv::may_open_dateline(key) {
        return false;
    }
    let mut joined = String::with_capacity(key.len() + 4 * DATELINE_RUN_ON);
    joined.push_str(key);
    joined.extend(next.key.chars().take(DATELINE_RUN_ON));
    cv::opening_dateline(&joined).is_some_and(|d| d.len() > key.len())
}

/// A line set as display type may be by its shape: no sentence's end, no
/// clause mark at its end (unless it opens a quote or bracket there, cut
/// by a wrap in display type as in running text: `城市绿道建设进入“`), no
/// full stop, not a date alone, not longer than [`MAX_DISPLAY`]. (Spacing
/// after a clause mark, [`Line::clause_gap`], is read apart.)
fn set_as_display(line: &Line, terminal: bool, clause_end: bool) -> bool {
    let key = line.key;
    let opens = key.ends_with(['“', '（', '(', '《']);
    !terminal
        && (!clause_end || opens)
        && !line.marks.has(Marks::FULL_STOP)
        && !cv::is_date_only(key)
        && line.len() <= MAX_DISPLAY
}

/// Not a caption or a source note by its words. (The convention tests
/// last: few lines get that far.)
fn reads_as_display(key: &str) -> bool {
    !cv::is_marked_caption(key) && !cv::is_source_note(key)
}

/// On a page read by OCR, a space after a clause mark is the recognizer's,
/// not a column's spacing of running text ([`Line::clause_gap`]): a line
/// that only that spacing kept from display type is display type
/// (`某区夜市重新开张！摊位过百， 人气回升` set apart above its
/// text).
pub fn reread_recognized(classes: &mut [Classified], lines: &[Line]) {
    for (c, line) in classes.iter_mut().zip(lines) {
        if c.kind == LineKind::Text
            && !c.display
            && line.clause_gap
            && set_as_display(line, c.terminal, c.clause_end)
            && reads_as_display(line.key)
        {
            c.display = true;
        }
    }
}

/// Classifies one line on its own.
fn classify_line(line: &Line) -> Classified {
    let key: &str = line.key;
    let marks = line.marks;
    let kind = if line.is_blank() {
        LineKind::Blank
    } else if marks.has(Marks::YEAR) && cv::page_date(key).is_some() {
        LineKind::Date
    } else if (marks.has(Marks::EDITION) || key.len() <= 4) && cv::is_edition_line(key) {
        LineKind::Edition
    } else if cv::is_ad_line(key) {
        LineKind::Ad
    } else if cv::is_byline_line(key) {
        LineKind::Byline
    } else if (marks.has(Marks::DATELINE)
        && cv::opens_with_dateline(key.trim_start_matches(['□', '■'])))
        || (marks.has(Marks::REPORTED) && cv::sentence_byline(&line.folded()).is_some())
    {
        LineKind::Lead
    } else if marks.has(Marks::ROLE | Marks::PHOTO)
        && key.len() <= 120
        && cv::is_credit_line(line.raw, line.widest_gap > 0)
    {
        LineKind::Credit
    } else if cv::bracketed_column_name(key).is_some() {
        LineKind::Column
    } else {
        LineKind::Text
    };
    let undoubled = if kind == LineKind::Text {
        undouble(line.raw)
    } else {
        None
    };
    // A photo credit ends its caption as a full stop would.
    let terminal = cv::ends_sentence(key)
        || (marks.has(Marks::PHOTO) && cv::photo_credit_start(line.raw).is_some());
    let full_stop = marks.has(Marks::FULL_STOP);
    let clause_end = cv::ends_in_clause_punct(key);
    let display = kind == LineKind::Text
        && (undoubled.is_some() || set_as_display(line, terminal, clause_end) && !line.clause_gap)
        && reads_as_display(key);
    let weak_lead = kind == LineKind::Lead
        && cv::dateline_prefix(key).is_some_and(|d| d.ends_with("报道") || d.ends_with("消息"));
    Classified {
        kind,
        weak_lead,
        terminal,
        full_stop,
        clause_end,
        display,
        undoubled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use bumpalo::Bump;

    #[test]
    fn on_a_page_read_by_ocr_a_space_after_a_clause_mark_keeps_no_line_from_display() {
        let text = "某区夜市重新开张！摊位过百， 人气回升\n他说，我们已经准备好了， 明天开课。";
        let arena = Bump::new();
        let lines = split(text, &arena);
        let mut classes = classify(&lines);
        // A column's spacing after a comma: running text.
        assert!(!classes[0].display && !classes[1].display);
        reread_recognized(&mut classes, &lines);
        // OCR's: the headline is display type; a sentence stays running text.
        assert!(classes[0].display && !classes[1].display);
    }

    fn kinds(text: &str) -> Vec<(LineKind, bool)> {
        let arena = Bump::new();
        let lines = split(text, &arena);
        classify(&lines)
            .iter()
            .map(|c| (c.kind, c.display))
            .collect()
    }

    #[test]
    fn line_kinds() {
        use LineKind::*;
        assert_eq!(
            kinds("2019年4月19日·星期五\n\n本版编辑 林禾|校对 叶青\n广告\n□ 本报记者 石岚\n本报讯 （记者 韦晴 通讯员\n通讯员 柯宁 摄影报道\n滨河工会关爱职工打造服务品牌\n调研中， 市总工会干部详细\n的最后关口。\n【职工心声】"),
            vec![
                (Date, false),
                (Blank, false),
                (Edition, false),
                (Ad, false),
                (Byline, false),
                (Lead, false),
                (Credit, false),
                (Text, true),
                (Text, false),
                (Text, false),
                (Column, false),
            ]
        );
    }

    #[test]
    fn a_line_cut_after_an_opening_quote_may_be_display_type() {
        use LineKind::*;
        assert_eq!(
            kinds("城市绿道建设进入“\n市民沿河步行上班，\n"),
            vec![(Text, true), (Text, false), (Blank, false)]
        );
    }

    #[test]
    fn conventions_broken_across_lines() {
        use LineKind::*;
        assert_eq!(
            kinds("据新华社维也纳11月28\n日电 （记者 钟岳林）奥地利")[0],
            (Lead, false)
        );
        assert_eq!(
            kinds("新华社北京3月18日\n电（记者 邵晨阳）民政部")[0],
            (Lead, false)
        );
        // A filing line that gives a feature's title opens a piece too,
        // broken as a dateline is (full-width digits).
        assert_eq!(
            kinds("新华社某地２月６日\n电题：春耕正当时")[0],
            (Lead, false)
        );
        // Nor one quoted inside running text.
        assert_eq!(
            kinds("报纸头版印着：\n据新华社某地３月６日\n电题：春耕正当时")[1].0,
            Text
        );
        // No dateline runs on into a line that is not its end.
        assert_eq!(kinds("新华社记者\n张三摄")[0].0, Credit);
        assert_eq!(
            kinds("２０２３年１１月２３日\n\n星期四\n\n第7版"),
            vec![
                (Date, false),
                (Blank, false),
                (Date, false),
                (Blank, false),
                (Edition, false)
            ]
        );
        // Other header cells between the date and its weekday.
        assert_eq!(
            kinds("2023年4月12日\n责任编辑：王五\n\n星期三\n\n某地新建书屋"),
            vec![
                (Date, false),
                (Edition, false),
                (Blank, false),
                (Date, false),
                (Blank, false),
                (Text, true)
            ]
        );
        // A date that opens a sentence is no page date.
        assert_eq!(kinds("2023年11月23日，\n星期四")[0].0, Text);
    }

    #[test]
    fn a_quote_opened_after_a_sentences_end_that_the_next_lines_close_runs_on() {
        let terminal = |text: &str| -> Vec<bool> {
            let arena = Bump::new();
            classify(&split(text, &arena))
                .iter()
                .map(|c| c.terminal)
                .collect()
        };
        // The quote opens the next sentence: no sentence ends there.
        assert_eq!(
            terminal("会议持续了两个小时。“\n下一步我们马上整改，对照\n问题逐条落实。”他表示。"),
            [false, false, true]
        );
        // The lines under it open a quote first, or close none: the quote
        // may be a closing one printed the wrong way round.
        assert_eq!(
            terminal("会议持续了两个小时。“\n“下一步马上整改。”他表示。"),
            [true, true]
        );
        assert_eq!(
            terminal("会议持续了两个小时。“\n下一步马上整改。"),
            [true, true]
        );
        // The line opened a quote of its own: the last one closes it.
        assert_eq!(
            terminal("他说：“马上整改。“\n”减负“措施已落实。"),
            [true, true]
        );
        // A blank line parts the paragraph from the quote's close.
        assert_eq!(
            terminal("会议持续了两个小时。“\n\n他表示：马上整改。”"),
            [true, false, true]
        );
    }

    #[test]
    fn date_only_lines_are_text() {
        assert_eq!(kinds("6月23日"), vec![(LineKind::Text, false)]);
    }
}
