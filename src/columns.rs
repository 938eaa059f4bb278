//! Pass 1b — columns: unfold pages whose extractor kept the printed layout,
//! columns side by side on each line with wide gaps between them
//! (`pdftotext -layout`, some OCR):
//!
//! ```text
//! 本报讯（记者 张三）近日，某        市总工会召开会议，部署
//! 区总工会开展活动。               冬季送温暖工作。
//! ```
//!
//! When many lines of a page break at the same character columns, each line
//! is cut at those gaps and the pieces are read column by column, top to
//! bottom, as lines of their own (their spans still point into the input).
//! Other pages pass through unchanged.

use crate::lines::{utf16_len, Line};
use bumpalo::Bump;

/// White space this wide (in characters) inside a line separates columns.
const MIN_GAP: usize = 3;
/// Share of text lines that must show a gap at a column for the page to be
/// read as side-by-side columns.
const MIN_SHARE: f32 = 0.3;
/// Positions this close (in characters) count as the same column start.
const SLACK: u32 = 3;

/// A piece of a line between gaps: byte range in `raw`, character column.
struct Piece {
    start: usize,
    end: usize,
    col: u32,
}

/// Unfolds side-by-side columns; returns the lines unchanged otherwise.
/// The pieces' keys are built in `arena`.
pub fn unfold<'a>(lines: Vec<Line<'a>>, arena: &'a Bump) -> Vec<Line<'a>> {
    let text_lines = lines.iter().filter(|l| !l.is_blank()).count();
    let gapped = lines
        .iter()
        .filter(|l| l.widest_gap as usize >= MIN_GAP)
        .count();
    if text_lines < 8 || (gapped as f32) < MIN_SHARE * text_lines as f32 {
        return lines;
    }
    let pieces: Vec<Vec<Piece>> = lines.iter().map(pieces_of).collect();
    let mut starts: Vec<u32> = pieces
        .iter()
        .flat_map(|p| p.iter().skip(1).map(|x| x.col))
        .collect();
    if text_lines < 8 || (starts.len() as f32) < MIN_SHARE * text_lines as f32 {
        return lines;
    }
    starts.sort_unstable();
    // Column starts: clusters of gap positions shared by enough lines.
    let mut bounds: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        let j = i + starts[i..]
            .iter()
            .take_while(|&&c| c <= starts[i] + 2 * SLACK)
            .count();
        if (j - i) as f32 >= MIN_SHARE * text_lines as f32 {
            bounds.push(starts[i]);
        }
        i = j;
    }
    if bounds.is_empty() {
        return lines;
    }
    let column_of = |col: u32| bounds.iter().filter(|&&b| col + SLACK >= b).count();
    let mut out = Vec::with_capacity(lines.len() * (bounds.len() + 1));
    for c in 0..=bounds.len() {
        for (line, ps) in lines.iter().zip(&pieces) {
            // Pieces cut only at gaps that fall on a column start.
            let mine: Vec<&Piece> = ps.iter().filter(|p| column_of(p.col) == c).collect();
            let mut piece = if mine.is_empty() {
                Line::new("", line.span[0], line.col, arena)
            } else {
                let (start, end) = (mine[0].start, mine[mine.len() - 1].end);
                let raw = &line.raw[start..end];
                let s = line.span[0] + utf16_len(&line.raw[..start]);
                Line::new(raw, s, mine[0].col, arena)
            };
            piece.piece = true;
            out.push(piece);
        }
    }
    out
}

/// The pieces of a line between gaps of [`MIN_GAP`] or more white-space
/// characters.
fn pieces_of(line: &Line) -> Vec<Piece> {
    let mut out = Vec::new();
    let (mut start, mut col, mut n) = (0usize, line.col, 0u32);
    let mut gap: Option<(usize, usize)> = None; // (byte where it began, length in chars)
    for (b, c) in line.raw.char_indices() {
        if c.is_whitespace() {
            let (g0, len) = gap.unwrap_or((b, 0));
            gap = Some((g0, len + 1));
        } else {
            if let Some((g0, len)) = gap.take() {
                if len >= MIN_GAP {
                    out.push(Piece {
                        start,
                        end: g0,
                        col,
                    });
                    start = b;
                    col = line.col + n;
                }
            }
        }
        n += 1;
    }
    if !line.raw.is_empty() {
        out.push(Piece {
            start,
            end: line.raw.trim_end().len(),
            col,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

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
        let texts: Vec<&str> = lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.raw)
            .collect();
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
        let text = "集中采买防疫物资   设立防疫专项经费\n\n本报讯 近日，某工会开展活动。\n";
        let arena = Bump::new();
        let before = split(text, &arena).len();
        assert_eq!(unfold(split(text, &arena), &arena).len(), before);
    }
}
