//! Stages 1 and 2 of cleaning: raw text to tokens, one for each char that
//! is no white space, with the white space before it. On the way full-width
//! forms are folded, invisible chars dropped and markup removed: runs of
//! `**` / `__` around words and `#` heading markers at a line start.

use crate::clean::chars::{fold_char, is_cjk, is_cjk_text, is_invisible, is_newline, is_ws};

/// White space before a token: some horizontal space.
const WS_SPACE: u8 = 1;
/// White space before a token: contained a line break.
pub(super) const WS_NEWLINE: u8 = 2;

/// One non-white-space char of the normalised text and the white space
/// (`WS_*` flags) that preceded it, packed in 4 bytes: the char in the low
/// 21 bits, the flags above.
#[derive(Clone, Copy, Debug)]
pub(super) struct Tok(u32);

impl Tok {
    #[inline]
    pub(super) fn new(c: char, ws: u8) -> Tok {
        Tok(c as u32 | (u32::from(ws) << 24))
    }

    #[inline]
    pub(super) fn c(self) -> char {
        // Always a valid char: it was made from one.
        char::from_u32(self.0 & 0x1f_ffff).unwrap_or('\u{fffd}')
    }

    #[inline]
    pub(super) fn ws(self) -> u8 {
        (self.0 >> 24) as u8
    }

    #[inline]
    pub(super) fn set_c(&mut self, c: char) {
        self.0 = (self.0 & !0x1f_ffff) | c as u32;
    }
}

/// Stage 1 and 2: normalised chars as tokens with the white space before
/// them; full width folded, invisible chars dropped, markup runs (`**`, `__`)
/// and leading `#` heading markers removed. A run of `*` / `_` is markup
/// when it holds `**` or is exactly `__`; a lone `*` or `_` (`a*b`, `5 * 3`)
/// stays, and so does a `#` not followed by white space (`#话题#`).
///
/// Raw text, and the clean text its tokens make:
///
/// ```text
/// "读者**3847**万人次"       → "读者3847万人次"
/// "__重要__通知"             → "重要通知"
/// "上文。\n### 社区食堂"     → "上文。社区食堂"
/// "预留４０％的经费"         → "预留40%的经费"
/// "\u{feff}本报\u{200b}讯"   → "本报讯"
/// "第#1名 a*b"               → "第#1名a*b"
/// ```
pub(super) fn tokenize(raw: &str) -> Tokenizer {
    let mut t = Tokenizer {
        toks: Vec::with_capacity(raw.len() / 2 + 4),
        pending: 0,
        line_start: true,
        hashes: 0,
        hash_ws: 0,
        cjk: false,
        quotes: 0,
        candidates: 0,
    };
    let mut it = raw.chars();
    while let Some(c0) = it.next() {
        if is_cjk(c0) {
            // Fast path: the common case, an ideograph.
            t.flush_hashes();
            t.toks.push(Tok::new(c0, t.pending));
            t.pending = 0;
            t.line_start = false;
            t.cjk = true;
            continue;
        }
        if is_invisible(c0) {
            continue;
        }
        if is_ws(c0) {
            t.space(is_newline(c0));
            continue;
        }
        let c = fold_char(c0);
        if c == '*' || c == '_' {
            // A maximal run of `*` / `_` (invisible chars inside ignored).
            let mut look = it.clone();
            let (mut stars, mut unders, mut double_star) = (usize::from(c == '*'), 0usize, false);
            unders += usize::from(c == '_');
            let mut prev = c;
            let mut end = it.clone();
            while let Some(d0) = look.next() {
                if is_invisible(d0) {
                    continue;
                }
                let d = fold_char(d0);
                if d != '*' && d != '_' {
                    break;
                }
                double_star |= d == '*' && prev == '*';
                stars += usize::from(d == '*');
                unders += usize::from(d == '_');
                prev = d;
                end = look.clone();
            }
            let markup = double_star || (stars == 0 && unders == 2);
            if !markup {
                let mut run = it.clone();
                t.char(c);
                while run.as_str().len() > end.as_str().len() {
                    match run.next() {
                        Some(d) if !is_invisible(d) => t.char(fold_char(d)),
                        _ => {}
                    }
                }
            }
            it = end;
            continue;
        }
        t.char(c);
    }
    t.flush_hashes();
    t
}

/// The tokens of a raw text ([`tokenize`]), with what the later stages ask
/// of them, and the state of the scan that makes them.
pub(super) struct Tokenizer {
    /// The tokens, in order.
    pub(super) toks: Vec<Tok>,
    /// White space flags since the last token.
    pending: u8,
    /// No token since the last line break.
    line_start: bool,
    /// `#` chars held back at a line start (a heading marker if white space follows).
    hashes: usize,
    /// White space before the held `#`s.
    hash_ws: u8,
    /// Some token is CJK text ([`is_cjk_text`]).
    pub(super) cjk: bool,
    /// Number of straight quotes among the tokens.
    pub(super) quotes: usize,
    /// Number of ASCII `, : ; ? ! ( )` among the tokens.
    pub(super) candidates: usize,
}

impl Tokenizer {
    fn space(&mut self, newline: bool) {
        if self.hashes > 0 {
            // `#` + white space at a line start: a markdown heading marker.
            self.hashes = 0;
            self.pending = self.hash_ws;
        }
        self.pending |= if newline { WS_NEWLINE } else { WS_SPACE };
        if newline {
            self.line_start = true;
        }
    }

    fn char(&mut self, c: char) {
        if self.line_start && c == '#' {
            if self.hashes == 0 {
                self.hash_ws = self.pending;
                self.pending = 0;
            }
            self.hashes += 1;
            return;
        }
        self.flush_hashes();
        self.toks.push(Tok::new(c, self.pending));
        self.pending = 0;
        self.line_start = false;
        if c.is_ascii() {
            match c {
                '"' | '\'' => self.quotes += 1,
                ',' | ':' | ';' | '?' | '!' | '(' | ')' => self.candidates += 1,
                _ => {}
            }
        } else if !self.cjk && is_cjk_text(c) {
            self.cjk = true;
        }
    }

    fn flush_hashes(&mut self) {
        if self.hashes > 0 {
            let ws = self.hash_ws;
            self.toks.push(Tok::new('#', ws));
            for _ in 1..self.hashes {
                self.toks.push(Tok::new('#', 0));
            }
            self.hashes = 0;
            self.line_start = false;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::clean::clean_body;

    #[test]
    fn full_width_ascii() {
        assert_eq!(clean_body("ＡＢＣ１２"), "ABC12");
        assert_eq!(clean_body("预留４０％的经费"), "预留40%的经费");
        assert_eq!(clean_body("４．６７亿"), "4.67亿");
        assert_eq!(clean_body("好，（对）"), "好，（对）");
        assert_eq!(clean_body("｢好｣､是"), "「好」、是");
    }

    #[test]
    fn markup_removed() {
        assert_eq!(clean_body("会员**2561**万人次"), "会员2561万人次");
        assert_eq!(clean_body("会员 **2561** 万"), "会员2561万");
        assert_eq!(clean_body("__重要__通知"), "重要通知");
        assert_eq!(clean_body("## 小标题"), "小标题");
        assert_eq!(clean_body("# # abc"), "abc");
        assert_eq!(clean_body("上文。\n### 服务阵地"), "上文。服务阵地");
        assert_eq!(clean_body("第#1名"), "第#1名");
        assert_eq!(clean_body("#话题#"), "#话题#");
        assert_eq!(clean_body("a*b 5 * 3 ___"), "a*b 5 * 3 ___");
        assert_eq!(clean_body("\u{feff}本报\u{200b}讯"), "本报讯");
    }
}
