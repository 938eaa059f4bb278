//! Pass 1b — columns: unfold pages whose extractor kept the printed layout,
//! columns side by side on each line with wide gaps between them
//! (`pdftotext -layout`, some OCR):
//!
//! ```text
//! 本报讯（记者 张三）近日，某        市总工会召开会议，部署
//! 区总工会举办活动。               冬季送温暖工作。
//! ```
//!
//! When many lines of a page hold such gaps, each line is cut at them into
//! pieces, and the pieces are read in the page's own order by cutting it
//! recursively (an X–Y cut): a region splits into bands at runs of empty
//! rows, read top to bottom, or else at the gutters that run through all
//! its rows, read left to right, or else under the rows across its top
//! (or over those across its bottom) that block its gutters, or else at
//! single empty rows; a region that splits no more is read row by row.
//! A headline across several columns thus stays above them, and each
//! column's text runs on down the column. Regions are parted by a blank
//! line. The pieces become lines of their own, their spans still pointing
//! into the input. Other pages pass through unchanged.

use crate::lines::{utf16_len, Line};
use bumpalo::Bump;

/// White space this wide (in characters) inside a line separates columns.
const MIN_GAP: usize = 3;
/// Share of text lines that must show such a gap for the page to be read
/// as side-by-side columns.
const MIN_SHARE: f32 = 0.3;
/// Empty rows that part bands of the page (articles stacked one above the
/// other) before its columns are cut apart; a single empty row may be a
/// paragraph's spacing inside a column.
const BAND_GAP: usize = 2;
/// Most rows across the top or bottom of a region that may block its
/// gutters (a headline wraps over a few).
const MAX_PEEL: usize = 4;
/// Deepest nesting of cuts; past it a region is read row by row (it bounds
/// the work on any input).
const MAX_DEPTH: usize = 24;

/// A piece of a line between gaps: its row (line index), byte range in the
/// line's `raw`, and character columns `col..end`.
struct Piece {
    row: usize,
    start: usize,
    end: usize,
    col: u32,
    end_col: u32,
    /// Its ASCII characters (digits, letters, spaces): a character column
    /// each, though half an ideograph cell on the page, as
    /// [`Line::width`] counts them.
    ascii: u32,
}

impl Piece {
    /// The piece of row `row`'s text `raw` from byte `start` to `end`, at
    /// character columns `col` to `end_col`.
    fn cut(
        row: usize,
        raw: &str,
        (start, end): (usize, usize),
        (col, end_col): (u32, u32),
    ) -> Piece {
        let ascii = raw.as_bytes()[start..end]
            .iter()
            .filter(|b| b.is_ascii())
            .count() as u32;
        Piece {
            row,
            start,
            end,
            col,
            end_col,
            ascii,
        }
    }

    /// Where the piece ends on the page, in ideograph cells from the
    /// line's start.
    fn cell_end(&self) -> u32 {
        self.end_col - self.ascii / 2
    }
}

/// Unfolds side-by-side columns; returns the lines unchanged otherwise.
/// The pieces' keys are built in `arena`.
pub fn unfold<'a>(lines: Vec<Line<'a>>, arena: &'a Bump) -> Vec<Line<'a>> {
    let text_lines = lines.iter().filter(|l| !l.is_blank()).count();
    let gapped = lines.iter().filter(|l| gapped(l)).count();
    if text_lines >= 8 && (gapped as f32) >= MIN_SHARE * text_lines as f32 {
        return unfold_rows(&lines, 0..lines.len(), arena).unwrap_or(lines);
    }
    let zones = gapped_zones(&lines);
    if zones.is_empty() {
        return lines;
    }
    let mut out = Vec::with_capacity(lines.len() + 4 * zones.len());
    let mut next = 0;
    for zone in zones {
        let Some(pieces) = unfold_rows(&lines, zone.clone(), arena) else {
            continue;
        };
        out.extend_from_slice(&lines[next..zone.start]);
        out.extend(pieces);
        next = zone.end;
    }
    out.extend_from_slice(&lines[next..]);
    out
}

/// A line holding a gap of [`MIN_GAP`] or more between two pieces of text.
fn gapped(line: &Line) -> bool {
    line.widest_gap as usize >= MIN_GAP
}

/// Fewest lines of a zone of side-by-side columns on a page that is
/// otherwise read column by column.
const MIN_ZONE_LINES: usize = 6;
/// Fewest ideographs on a line of a zone: two columns' lines of running
/// text, not a table's short cells (`北京   晴   25℃`).
const MIN_ZONE_LINE_GLYPHS: usize = 12;

/// A gapped line of running text in columns side by side: enough
/// ideographs, and not page furniture (a date, an edition or staff line
/// printed with wide gaps stays whole for the furniture rules).
fn zone_line(line: &Line) -> bool {
    gapped(line)
        && crate::clean::has_ideographs(line.key, MIN_ZONE_LINE_GLYPHS)
        && crate::conventions::page_date(line.key).is_none()
        && !crate::conventions::is_edition_line(line.key)
}

/// Runs of rows where OCR printed the lines of two or more columns side by
/// side, on a page it otherwise read column by column (tesseract does so
/// where columns stand close): at least [`MIN_ZONE_LINES`] lines of running
/// text in a row each holding a wide gap, single blank lines between them
/// allowed:
///
/// ```text
/// 某区工会负责人在接受                各区工会将分头落实，并在
/// 本报记者采访时表示，今                月底前完成全部慰问工作
/// ```
fn gapped_zones(lines: &[Line]) -> Vec<std::ops::Range<usize>> {
    let mut zones = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        if !zone_line(&lines[k]) {
            k += 1;
            continue;
        }
        let (start, mut end, mut count) = (k, k + 1, 1);
        let mut j = k + 1;
        while j < lines.len() {
            if zone_line(&lines[j]) {
                count += 1;
                end = j + 1;
            } else if !(lines[j].is_blank() && lines.get(j + 1).is_some_and(zone_line)) {
                break;
            }
            j += 1;
        }
        if count >= MIN_ZONE_LINES {
            zones.push(start..end);
        }
        k = end;
    }
    zones
}

/// The lines `rows` cut into pieces and read in the page's order (see the
/// module's doc); `None` when no line of them holds two pieces.
fn unfold_rows<'a>(
    lines: &[Line<'a>],
    rows: std::ops::Range<usize>,
    arena: &'a Bump,
) -> Option<Vec<Line<'a>>> {
    let text_lines = lines[rows.clone()].iter().filter(|l| !l.is_blank()).count();
    let pieces: Vec<Piece> = rows
        .clone()
        .flat_map(|row| pieces_of(row, &lines[row]))
        .collect();
    if pieces.len() <= text_lines {
        return None;
    }
    let mut regions: Vec<Vec<usize>> = Vec::new();
    cut(&pieces, (0..pieces.len()).collect(), 0, &mut regions);
    let mut out = Vec::with_capacity(pieces.len() + regions.len());
    for (k, region) in regions.iter().enumerate() {
        let first = &pieces[region[0]];
        if k > 0 && !leading_apart(&pieces, &regions[k - 1], region) {
            let at = lines[first.row].span[0];
            let mut blank = Line::new("", at, 0, arena);
            blank.piece = true;
            out.push(blank);
        }
        for &i in region {
            let p = &pieces[i];
            let line = &lines[p.row];
            let raw = &line.raw[p.start..p.end];
            let s = line.span[0] + utf16_len(&line.raw[..p.start]);
            let mut piece = Line::new(raw, s, p.col, arena);
            piece.piece = true;
            out.push(piece);
        }
    }
    Some(out)
}

/// Most empty rows between two lines of one headline: type larger than the
/// body's is printed a row or two apart, as the body lines of the columns
/// beside it take the rows between.
const MAX_LEADING: usize = 2;

/// A region of one piece, and the next region starting right under it in
/// the same column, at most [`MAX_LEADING`] empty rows below: lines of
/// large type that the cut parted at their leading, read on without a
/// blank line between (`听住在海边的外⏎⏎国学生讲述：特` is one headline,
/// and its last line runs on into its body).
fn leading_apart(pieces: &[Piece], above: &[usize], below: &[usize]) -> bool {
    let ([a], Some(b)) = (above, below.first()) else {
        return false;
    };
    let (a, b) = (&pieces[*a], &pieces[*b]);
    b.row > a.row && b.row <= a.row + MAX_LEADING + 1 && b.col < a.end_col && a.col < b.end_col
}

/// Cuts the region `ids` (pieces in row order) into regions in reading
/// order, appended to `out`, each in row order.
fn cut(pieces: &[Piece], ids: Vec<usize>, depth: usize, out: &mut Vec<Vec<usize>>) {
    if ids.len() > 1 && depth < MAX_DEPTH {
        if let Some(parts) = split_at_rows(pieces, &ids, BAND_GAP)
            .or_else(|| peel_straddling(pieces, &ids))
            .or_else(|| split_at_gutters(pieces, &ids))
            .or_else(|| peel(pieces, &ids))
            .or_else(|| split_at_rows(pieces, &ids, 1))
        {
            for part in parts {
                cut(pieces, part, depth + 1, out);
            }
            return;
        }
    }
    if !ids.is_empty() {
        out.push(ids);
    }
}

/// The region's pieces by the columns between gutters that run through all
/// its rows, left to right; `None` when there is one column.
fn split_at_gutters(pieces: &[Piece], ids: &[usize]) -> Option<Vec<Vec<usize>>> {
    let columns = column_spans(pieces, ids);
    if columns.len() < 2 {
        return None;
    }
    let mut parts = vec![Vec::new(); columns.len()];
    for &i in ids {
        let k = columns.partition_point(|c| c.1 <= pieces[i].col);
        parts[k.min(columns.len() - 1)].push(i);
    }
    Some(parts)
}

/// A region whose top rows hold one piece each that straddles a gutter of
/// the columns below (a headline centred over two columns, which starts
/// inside the gutter):
///
/// ```text
///              某市公布首批名单
/// 本报讯 日前，某市公布       延伸到全区每一个街道
/// ```
///
/// those rows, at most [`MAX_PEEL`], and the rest, in reading order. A
/// piece straddles also where it starts inside a column and runs on past
/// that column's edge into the gutter, as no line of the column's text does
/// (a banner set over the columns off their gutters) — a column of text as
/// wide as most, not one of short lines, whose own title may run past them.
/// The edge is also read on the page, in ideograph cells (digits, letters
/// and spaces half a cell): a piece that runs past every line of the
/// column by a gap's width there heads the band when every single row at
/// the top does so (a line of letter-spaced digits stretches a column's
/// span measured in characters, and a headline of a dozen glyphs centred
/// over the band may pass the column's lines on the page only; a dateline
/// at a column's head, `某地3月7日电`, runs long in characters, not on the
/// page). Only the run of such
/// rows from the top is peeled: a narrow line under them that stands over
/// one column (its column name, `【街坊茶座】`) stays with that column. The
/// gutters are read off the rows that hold more than one piece: a
/// straddling headline would otherwise join the column it ends in.
fn peel_straddling(pieces: &[Piece], ids: &[usize]) -> Option<Vec<Vec<usize>>> {
    let single = |k: usize| {
        let row = pieces[ids[k]].row;
        (k == 0 || pieces[ids[k - 1]].row != row)
            && ids.get(k + 1).is_none_or(|&j| pieces[j].row != row)
    };
    let top = (0..ids.len().min(MAX_PEEL))
        .take_while(|&k| single(k))
        .count();
    if top == 0 || top == ids.len() {
        return None;
    }
    let multi: Vec<usize> = (top..ids.len())
        .filter(|&k| !single(k))
        .map(|k| ids[k])
        .collect();
    let columns = column_spans(pieces, &multi);
    // Each column's right edge as measured in characters and on the page,
    // in ideograph cells: a line of letter-spaced digits stretches the
    // span measured in characters, and digits run long in characters, not
    // on the page.
    let widest: Vec<u32> = columns.iter().map(|c| c.1).collect();
    let in_cells: Vec<u32> = columns
        .iter()
        .map(|c| {
            multi
                .iter()
                .map(|&i| &pieces[i])
                .filter(|p| p.col >= c.0 && p.col < c.1)
                .map(Piece::cell_end)
                .max()
                .unwrap_or(c.1)
        })
        .collect();
    // `end` reads where a piece ends, and it runs past an edge `past` on.
    let peeled = |edges: &[u32], end: fn(&Piece) -> u32, past: u32| {
        let mut widths: Vec<u32> = columns.iter().zip(edges).map(|(c, e)| e - c.0).collect();
        widths.sort_unstable();
        let most = widths.get(widths.len() / 2).copied().unwrap_or(0);
        let gap = MIN_GAP as u32;
        let straddles = |p: &Piece| {
            let from_gutter = columns
                .windows(2)
                .any(|w| p.col > w[0].1 && p.col < w[1].0 && p.end_col > w[1].0);
            // (Inside by a gap's width at least, and past the edge by more
            // in characters, by a gap's width on the page: no piece a
            // glyph or two off a column's edge. And past a column of text
            // as wide as most: over a column of short lines, a poem's or a
            // list's, its own title runs past them.)
            let past_edge = columns.iter().zip(edges).any(|(c, &edge)| {
                edge - c.0 + gap >= most
                    && p.col >= c.0
                    && p.col + gap <= c.1
                    && end(p) >= edge + past
            });
            from_gutter || past_edge
        };
        (0..top).take_while(|&k| straddles(&pieces[ids[k]])).count()
    };
    // Past the edge in cells only, a piece heads the band when every
    // single row at its top does (a kicker over two of four columns, above
    // the other piece's headline, stays over its own columns).
    let by_cells = peeled(&in_cells, Piece::cell_end, MIN_GAP as u32);
    let peeled = match peeled(&widest, |p| p.end_col, MIN_GAP as u32 + 1) {
        n if by_cells == top => n.max(by_cells),
        n => n,
    };
    (columns.len() >= 2 && peeled > 0).then(|| vec![ids[..peeled].to_vec(), ids[peeled..].to_vec()])
}

/// The column spans of pieces `ids`, merged where they overlap or come
/// within [`MIN_GAP`] of each other, left to right.
fn column_spans(pieces: &[Piece], ids: &[usize]) -> Vec<(u32, u32)> {
    let mut spans: Vec<(u32, u32)> = ids
        .iter()
        .map(|&i| (pieces[i].col, pieces[i].end_col))
        .collect();
    spans.sort_unstable();
    let mut columns: Vec<(u32, u32)> = Vec::new();
    for (a, b) in spans {
        match columns.last_mut() {
            Some(last) if a < last.1 + MIN_GAP as u32 => last.1 = last.1.max(b),
            _ => columns.push((a, b)),
        }
    }
    columns
}

/// A region whose gutters a line across its top or bottom blocks (a
/// headline or banner over the columns, a credit under them): those rows,
/// at most [`MAX_PEEL`], and the rest, in reading order; `None` when no
/// such rows free a gutter.
fn peel(pieces: &[Piece], ids: &[usize]) -> Option<Vec<Vec<usize>>> {
    let rows: Vec<usize> = {
        let mut r: Vec<usize> = ids.iter().map(|&i| pieces[i].row).collect();
        r.dedup();
        r
    };
    for k in 1..=MAX_PEEL.min(rows.len().saturating_sub(2)) {
        let (top, rest): (Vec<usize>, Vec<usize>) =
            ids.iter().partition(|&&i| pieces[i].row < rows[k]);
        if split_at_gutters(pieces, &rest).is_some() {
            return Some(vec![top, rest]);
        }
        let (rest, bottom): (Vec<usize>, Vec<usize>) = ids
            .iter()
            .partition(|&&i| pieces[i].row < rows[rows.len() - k]);
        if split_at_gutters(pieces, &rest).is_some() {
            return Some(vec![rest, bottom]);
        }
    }
    None
}

/// The region's pieces in bands between runs of `gap` or more empty rows,
/// top to bottom; `None` when there is no such run.
fn split_at_rows(pieces: &[Piece], ids: &[usize], gap: usize) -> Option<Vec<Vec<usize>>> {
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut last_row = pieces[ids[0]].row;
    for &i in ids {
        let row = pieces[i].row;
        if row > last_row + gap {
            parts.push(Vec::new());
        }
        last_row = row;
        parts.last_mut().expect("a band").push(i);
    }
    (parts.len() > 1).then_some(parts)
}

/// The pieces of line `row` between gaps of [`MIN_GAP`] or more white-space
/// characters.
fn pieces_of(row: usize, line: &Line) -> Vec<Piece> {
    let mut out = Vec::new();
    if line.raw.is_empty() {
        return out;
    }
    let (mut start, mut col, mut n) = (0usize, line.col, 0u32);
    // Where the current gap began (byte, chars in), and its length.
    let mut gap: Option<(usize, u32, usize)> = None;
    for (b, c) in line.raw.char_indices() {
        if c.is_whitespace() {
            let (g0, at, len) = gap.unwrap_or((b, n, 0));
            gap = Some((g0, at, len + 1));
        } else if let Some((g0, at, len)) = gap.take() {
            if len >= MIN_GAP {
                out.push(Piece::cut(row, line.raw, (start, g0), (col, line.col + at)));
                start = b;
                col = line.col + n;
            }
        }
        n += 1;
    }
    let end = line.raw.trim_end().len();
    let end_col = line.col + line.raw[..end].chars().count() as u32;
    out.push(Piece::cut(row, line.raw, (start, end), (col, end_col)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

    /// The raw text of the lines that are not blank.
    fn texts<'a>(lines: &[Line<'a>]) -> Vec<&'a str> {
        lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.raw)
            .collect()
    }

    #[test]
    fn side_by_side_columns_are_read_one_after_the_other() {
        let text = "\
本报讯（记者 张三）近日，某区          本报讯（记者 李四）日前，市总
总工会开展送温暖活动，为一线          工会召开会议，部署冬季送温暖
职工送去慰问品。                      工作。
据介绍，活动将持续到月底。            会议要求各级工会加强服务。
该区工会负责人表示，将继续            与会代表表示将抓好落实。
做好服务。                            会上还通报了有关情况。
另据了解，该区今年已开展              各区工会负责人参加会议。
多次慰问活动。                        会议由市总工会主持。
";
        let arena = Bump::new();
        let lines = unfold(split(text, &arena), &arena);
        let texts = texts(&lines);
        assert_eq!(texts[0], "本报讯（记者 张三）近日，某区");
        assert_eq!(texts[7], "多次慰问活动。");
        assert_eq!(texts[8], "本报讯（记者 李四）日前，市总");
        // Spans still slice the input.
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let l = lines
            .iter()
            .find(|l| l.raw == "工会召开会议，部署冬季送温暖")
            .unwrap();
        assert_eq!(
            String::from_utf16(&utf16[l.span[0] as usize..l.span[1] as usize]).unwrap(),
            l.raw
        );
    }

    #[test]
    fn a_zone_of_side_by_side_columns_on_a_page_read_column_by_column() {
        // OCR read most of the page column by column, and six rows of two
        // columns as one line each: the zone's columns are read one after
        // the other; the lines around it stay as they are.
        let mut text = String::new();
        for k in 0..20 {
            text.push_str(&format!("某区工会今年开展第{k}次送温暖活动，\n"));
        }
        text.push_str(
            "\
据介绍，活动将持续到月底，          会议要求各级工会加强服务，
该区工会负责人表示，将继            与会代表表示将抓好落实，
续做好服务，另据了解，该            会上还通报了有关情况，各
区今年已开展多次慰问活动            区工会负责人参加了会议，
慰问品包括米面油和棉衣等            会议由市总工会主持召开，
一线职工对活动表示欢迎。            会期一天。
",
        );
        text.push_str("会后，各区工会将分头落实。\n");
        let arena = Bump::new();
        let lines = unfold(split(&text, &arena), &arena);
        let texts = texts(&lines);
        assert_eq!(texts[19], "某区工会今年开展第19次送温暖活动，");
        assert_eq!(texts[20], "据介绍，活动将持续到月底，");
        assert_eq!(texts[25], "一线职工对活动表示欢迎。");
        assert_eq!(texts[26], "会议要求各级工会加强服务，");
        assert_eq!(texts[31], "会期一天。");
        assert_eq!(texts[32], "会后，各区工会将分头落实。");
    }

    #[test]
    fn a_banner_set_off_the_gutters_stays_above_the_columns() {
        // Three columns of 12 glyphs, 8 spaces apart. The page's banner
        // starts inside the second column and runs on past its edge; the
        // column name under it stands over the third column only.
        let mut text = format!("{}喜迎佳节 共建美好家园\n\n", " ".repeat(26));
        text.push_str(&format!("{}【街坊茶座】\n", " ".repeat(44)));
        let gap = " ".repeat(8);
        for k in 0..6 {
            text.push_str(&format!(
                "东城区新闻稿件第{k}行内容{gap}西城区新闻稿件第{k}行内容{gap}茶座随笔稿件第{k}行内容\n"
            ));
        }
        let arena = Bump::new();
        let lines = unfold(split(&text, &arena), &arena);
        let texts = texts(&lines);
        assert_eq!(texts[0], "喜迎佳节 共建美好家园");
        assert_eq!(texts[1], "东城区新闻稿件第0行内容");
        assert_eq!(texts[7], "西城区新闻稿件第0行内容");
        assert_eq!(texts[13], "【街坊茶座】");
        assert_eq!(texts[14], "茶座随笔稿件第0行内容");
    }

    #[test]
    fn a_headline_that_starts_in_a_gutter_stays_above_the_columns() {
        // The headline starts right of the first column's text and ends
        // inside the second column: without the gutters read off the rows
        // below, it would open the second column.
        // (The first line's leading spaces are the headline's place: a
        // string continued with `\` would drop them.)
        let text = "                某区公布首批示范社区
   本报讯 近日，某区            推进到创建示范街道，
公布了首批示范社区名单。        以点带面，全面推进。
截至目前，全区共有示范          示范社区将每月公示
社区一百余个。                  一次，接受居民评议。
据介绍，示范社区须满足          区里还将对示范社区
两个条件，即管理到位、          开展抽查，并制定奖
服务到位。                      励办法。
";
        let arena = Bump::new();
        let lines = unfold(split(text, &arena), &arena);
        let texts = texts(&lines);
        assert_eq!(texts[0], "某区公布首批示范社区");
        assert_eq!(texts[1], "本报讯 近日，某区");
        assert_eq!(texts[8], "推进到创建示范街道，");
    }

    /// The lines of `text` with text, as unfolded.
    fn unfolded(text: &str) -> Vec<String> {
        let arena = Bump::new();
        let lines = unfold(split(text, &arena), &arena);
        texts(&lines).into_iter().map(str::to_owned).collect()
    }

    /// The lines read, in order, of a page that prints `top` (one piece a
    /// row, at its character column) over four columns of twelve-glyph
    /// lines set side by side, as a layout-keeping extractor prints them,
    /// eight rows, some of the third column's lines letter-spaced digits
    /// that run past the others.
    fn over_four_columns(top: &[(usize, &str)]) -> Vec<String> {
        let cols = [0, 24, 49, 74];
        let body = [
            [
                "本报讯 近日，某区总工会",
                "区里还将对示范社区开展",
                "据介绍，示范社区须满足",
                "服务到位，全区共有示范",
            ],
            [
                "开展送温暖活动，为一线",
                "抽查，并制定奖励办法。",
                "两个条件，即管理到位、",
                "社区一百余个，覆盖各个",
            ],
            [
                "职工送去慰问品，活动将",
                "各街道将分头落实工作，",
                "2 0 2 0 年 共 建 成 8 个",
                "街道，居民评价普遍良好",
            ],
            [
                "持续到本月底，惠及职工",
                "并在月底前完成全部慰问",
                "示范社区，今年还将新建",
                "，下一步还将继续推进。",
            ],
        ];
        let row = |pieces: &[(usize, &str)]| {
            let mut line = String::new();
            for &(col, piece) in pieces {
                let at = line.chars().count();
                line.push_str(&" ".repeat(col.saturating_sub(at)));
                line.push_str(piece);
            }
            line + "\n"
        };
        let mut text: String = top.iter().map(|&piece| row(&[piece])).collect();
        // (Twice over: a page is read as columns from eight lines on.)
        for line in body.iter().chain(&body) {
            let pieces: Vec<(usize, &str)> =
                cols.iter().copied().zip(line.iter().copied()).collect();
            text += &row(&pieces);
        }
        unfolded(&text)
    }

    #[test]
    fn a_headline_past_a_columns_lines_on_the_page_heads_the_band() {
        // Centred over four columns, the headline starts inside the third
        // and runs past its lines on the page, though not past the
        // letter-spaced line that stretches the column's span in
        // characters.
        let texts = over_four_columns(&[(53, "某区公布首批示范社区名单")]);
        assert_eq!(texts[0], "某区公布首批示范社区名单");
        assert_eq!(texts[1], "本报讯 近日，某区总工会");
        assert_eq!(texts[17], "据介绍，示范社区须满足");
    }

    #[test]
    fn a_headline_a_gap_past_a_columns_lines_heads_the_band() {
        // It passes the third column's lines on the page by a gap's width
        // (the letter-spaced one the farthest, 61): no line of the
        // column's own runs so far.
        let texts = over_four_columns(&[(52, "某区公布首批示范社区名单")]);
        assert_eq!(texts[0], "某区公布首批示范社区名单");
        // A dateline at the column's head runs as far in characters, but
        // its digits are half a cell each: it stays at the column's head.
        let texts = over_four_columns(&[(49, "本报北京2020年12月31日电")]);
        assert_eq!(texts[0], "本报讯 近日，某区总工会");
        assert_eq!(texts[16], "本报北京2020年12月31日电");
        assert_eq!(texts[17], "据介绍，示范社区须满足");
    }

    #[test]
    fn a_kicker_past_a_columns_lines_over_another_headline_stays() {
        // The kicker over the right two columns stands above the left
        // piece's headline: the band has two pieces, and the kicker stays
        // at the head of its own columns.
        let texts = over_four_columns(&[(53, "某区示范社区建设稳步推进"), (0, "区工会开展送温暖")]);
        assert_eq!(texts[0], "区工会开展送温暖");
        let kicker = texts.iter().position(|t| t == "某区示范社区建设稳步推进");
        assert_eq!(kicker, Some(17));
        assert_eq!(texts[18], "据介绍，示范社区须满足");
    }

    #[test]
    fn a_columns_own_first_line_past_its_short_lines_stays_at_its_head() {
        // Most of the middle column's lines are a list's short items; its
        // first line, alone on the top row, runs past them but not past
        // its own full lines: it is the column's, not the band's.
        let mut text = format!("{}会议强调，做好送温暖工作，\n", " ".repeat(26));
        let middle = [
            "提出五项具体工作要求：",
            "一是摸清职工的底数；",
            "二是规范资金发放程序；",
            "三是创新帮扶的方式；",
            "四是加强协调和配合；",
            "五是强化监督和检查。",
            "各单位要按照会议要求，认",
            "真抓好贯彻和落实。",
        ];
        for (k, item) in middle.iter().enumerate() {
            let left = format!("本报讯 市总工会第{k}次召开会");
            let pad = " ".repeat(26 - left.chars().count());
            let pad2 = " ".repeat(52 - 26 - item.chars().count());
            text += &format!("{left}{pad}{item}{pad2}今年全市工会系统将筹集资\n");
        }
        let texts = unfolded(&text);
        assert_eq!(texts[0], "本报讯 市总工会第0次召开会");
        assert_eq!(texts[8], "会议强调，做好送温暖工作，");
        assert_eq!(texts[9], "提出五项具体工作要求：");
    }

    #[test]
    fn a_title_over_a_column_of_short_lines_stays_over_it() {
        // A poem's lines are short: its title runs past them, and heads
        // the poem, not the band.
        let mut text = format!("{}某区职工诗歌比赛获奖作品\n", " ".repeat(19));
        for k in 0..8 {
            text += &format!("本报讯 某区总工会第{k}次开展    春风吹过老街巷{k}\n");
        }
        let texts = unfolded(&text);
        assert_eq!(texts[0], "本报讯 某区总工会第0次开展");
        assert_eq!(texts[8], "某区职工诗歌比赛获奖作品");
        assert_eq!(texts[9], "春风吹过老街巷0");
    }

    #[test]
    fn a_headline_over_two_columns_and_a_band_below_read_in_order() {
        let text = "\
              市总工会部署冬季送温暖工作
本报讯（记者 李四）日前，市总       会议要求各级工会加强服务，
工会召开会议，部署冬季送温暖       与会代表表示将抓好落实。
工作。                             会上还通报了有关情况。


区工会开展义诊                     公园新增健身步道
本报讯 近日，某区工会组织医       本报讯 今年全市公园将新增健
护人员为职工义诊，发放常用药       身步道二十条，方便市民就近
品。                               锻炼。
";
        let arena = Bump::new();
        let lines = unfold(split(text, &arena), &arena);
        let texts = texts(&lines);
        assert_eq!(
            texts,
            [
                "市总工会部署冬季送温暖工作",
                "本报讯（记者 李四）日前，市总",
                "工会召开会议，部署冬季送温暖",
                "工作。",
                "会议要求各级工会加强服务，",
                "与会代表表示将抓好落实。",
                "会上还通报了有关情况。",
                "区工会开展义诊",
                "本报讯 近日，某区工会组织医",
                "护人员为职工义诊，发放常用药",
                "品。",
                "公园新增健身步道",
                "本报讯 今年全市公园将新增健",
                "身步道二十条，方便市民就近",
                "锻炼。",
            ]
        );
    }

    #[test]
    fn a_headline_printed_with_leading_in_a_narrow_column_reads_without_blank_lines() {
        // The right column's headline is set in large type: its lines fall
        // two rows apart, the left column's body lines between them.
        let text = "\
本报讯（记者 李四）日前，市总       城市公园
工会召开会议，部署冬季送温暖
工作。会议要求各级工会加强服       新增健身
务，与会代表表示将抓好落实。
会上还通报了有关情况，各区工       步道二十条
会负责人参加会议。会议由市总       本报讯 今年全市公园将新增健
工会主持，与会代表进行了讨论       身步道二十条，方便市民就近
。会议明确了今冬的重点工作。       锻炼。
";
        let arena = Bump::new();
        let lines = unfold(split(text, &arena), &arena);
        let right: Vec<(&str, bool)> = lines
            .iter()
            .skip_while(|l| l.raw != "城市公园")
            .map(|l| (l.raw, l.is_blank()))
            .collect();
        assert_eq!(
            right,
            [
                ("城市公园", false),
                ("新增健身", false),
                ("步道二十条", false),
                ("本报讯 今年全市公园将新增健", false),
                ("身步道二十条，方便市民就近", false),
                ("锻炼。", false),
            ]
        );
    }

    #[test]
    fn pieces_are_never_merged_into_backward_ranges() {
        // Found by fuzzing: bars set apart by gaps on most lines.
        for text in [
            "*   ~\n*\n*\n*\r?\r|   |\r?\r|   |",
            "， \u{3000} 的\n，\n，\n的\n0\n，\n，\u{3000}\u{3000}\u{3000}的\n的\u{3000}\u{3000} 的",
            "，的\t \u{3000}，\n的的\u{3000} \u{3000}，\n，\n的\n，\n的\n的\n本\u{3000}\u{3000}\u{3000}，",
        ] {
            let page = crate::parse(text, &Default::default());
            let len = text.encode_utf16().count() as u32;
            for a in &page.articles {
                for s in a.spans.iter().chain(a.blocks.iter().flat_map(|b| &b.spans)) {
                    assert!(s[0] <= s[1] && s[1] <= len, "{s:?} in {text:?}");
                }
            }
            // Every CJK glyph is inside some article's span.
            let utf16: Vec<u16> = text.encode_utf16().collect();
            let mut pos = 0u32;
            for c in text.chars() {
                if crate::clean::is_cjk(c) {
                    assert!(
                        page.articles.iter().flat_map(|a| &a.spans).any(|s| s[0] <= pos && pos < s[1]),
                        "{c} at {pos} in no span of {text:?}"
                    );
                }
                pos += c.len_utf16() as u32;
            }
            assert_eq!(pos as usize, utf16.len());
        }
    }

    #[test]
    fn ordinary_pages_pass_through() {
        let text = "统一配送防汛物资   设立防汛专项资金\n\n本报讯 近日，某工会开展活动。\n";
        let arena = Bump::new();
        let before = split(text, &arena).len();
        assert_eq!(unfold(split(text, &arena), &arena).len(), before);
    }
}
