//! Pass 2 — classify: what each line is on its own, before context.

use crate::clean::undouble;
use crate::conventions::{self as cv, Marks};
use crate::lines::Line;

/// What a line is, judged from the line alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Blank,
    /// Page date line: `2019年4月19日·星期五`.
    Date,
    /// Edition line: `本版编辑 马骏|美术编辑 王巍`, `第5版`.
    Edition,
    /// Advertisement marker or description: `广告`.
    Ad,
    /// A standalone byline opening a feature: `□ 本报记者 白莹`.
    Byline,
    /// A line of credits only: `本报记者 马超`, `通讯员 赵研容 摄影报道`.
    Credit,
    /// Opens a report with a dateline: `本报讯 （记者 任洁 通讯员`.
    Lead,
    /// Running text or a display line; context decides.
    Text,
}

/// A classified line.
#[derive(Debug, Clone)]
pub struct Classified {
    pub kind: LineKind,
    /// Ends a sentence: `…环境。`, `…关怀。”`.
    pub terminal: bool,
    /// Could be display type (a headline, kicker, banner, subhead) by shape:
    /// short, not ending in sentence or clause punctuation, no `。`, no
    /// column-style `， ` spacing ([`Line::clause_gap`]: the extractor put a
    /// space after a comma inside running text; display type is set without
    /// it).
    pub display: bool,
    /// Bold display type with every glyph doubled, undone:
    /// `公公交交职职工工` → `公交职工`.
    pub undoubled: Option<String>,
}

/// Longest display line, in glyphs (a two-part subtitle runs to ~45).
const MAX_DISPLAY: usize = 48;

/// Classifies one line.
pub fn classify(line: &Line) -> Classified {
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
        && cv::dateline_prefix(key.trim_start_matches(['□', '■'])).is_some())
        || (marks.has(Marks::REPORTED) && cv::sentence_byline(&line.folded()).is_some())
    {
        LineKind::Lead
    } else if marks.has(Marks::ROLE | Marks::PHOTO)
        && key.len() <= 120
        && cv::is_credit_line(line.raw, line.widest_gap > 0)
    {
        LineKind::Credit
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
    let display = kind == LineKind::Text
        && (undoubled.is_some()
            || (!terminal
                && !cv::ends_in_clause_punct(key)
                && !marks.has(Marks::FULL_STOP)
                && !cv::is_date_only(key)
                && line.len() <= MAX_DISPLAY
                && !line.clause_gap));
    Classified {
        kind,
        terminal,
        display,
        undoubled,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use bumpalo::Bump;

    fn kinds(text: &str) -> Vec<(LineKind, bool)> {
        split(text, &Bump::new())
            .iter()
            .map(|l| {
                let c = classify(l);
                (c.kind, c.display)
            })
            .collect()
    }

    #[test]
    fn line_kinds() {
        use LineKind::*;
        assert_eq!(
            kinds("2019年4月19日·星期五\n\n本版编辑 马骏|校对 吉言\n广告\n□ 本报记者 白莹\n本报讯 （记者 任洁 通讯员\n通讯员 刘蕊 摄影报道\n首都工会服务职工形成品牌体系\n慰问中， 区总工会领导详细\n的最后关口。"),
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
            ]
        );
    }

    #[test]
    fn date_only_lines_are_text() {
        assert_eq!(kinds("6月23日"), vec![(LineKind::Text, false)]);
    }
}
