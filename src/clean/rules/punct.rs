//! Stages 3 and 4 of cleaning, on tokens: straight quotes made curly, and
//! ASCII `, : ; ? ! ( )` next to Chinese text made full width. Both run only
//! when the text holds CJK text (`say "hi"` keeps its quotes).

use super::tokens::Tok;
use crate::clean::chars::{is_cjk_text, is_ideographic, is_latin_letter};

/// ASCII punctuation that becomes full width next to Chinese text, and its
/// full-width form: `,` → `，`, `:` → `：`, `;` → `；`, `?` → `？`, `!` → `！`,
/// `(` → `（`, `)` → `）`.
pub(super) fn full_width_of(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// Stage 3: curly quotes, paired in order of appearance.
///
/// When a string holds an even number of straight double (or single) quotes
/// they strictly alternate, open–close, even in garbled text. When the number
/// is odd one of them is a stray, and context decides where it can: a quote
/// right before sentence punctuation (or at the end) closes, one right after
/// `：，、；` or an opening bracket (or at the start) opens; the others
/// alternate with the quote before them, curly or straight. An apostrophe
/// between two Latin letters (`don't`) is no quote.
///
/// ```text
/// "以\"绿色出行\"为主题"  → "以“绿色出行”为主题"
/// "贵在'精'和'准'"        → "贵在‘精’和‘准’"
/// "他说 don't 工作"       → "他说don't工作"
/// "好\"。"                → "好”。"    (odd: before sentence punctuation it closes)
/// "他说\"好"              → "他说“好"  (odd: the others alternate, the first opens)
/// "山村“支教\"故事"       → "山村“支教”故事"  (odd: after a curly opening quote)
/// ```
pub(super) fn convert_quotes(toks: &mut [Tok]) {
    let n = toks.len();
    let is_apostrophe = |toks: &[Tok], i: usize| {
        i > 0
            && i + 1 < n
            && toks[i].ws() == 0
            && toks[i + 1].ws() == 0
            && is_latin_letter(toks[i - 1].c())
            && is_latin_letter(toks[i + 1].c())
    };
    let (mut dq, mut sq) = (0usize, 0usize);
    for (i, t) in toks.iter().enumerate() {
        match t.c() {
            '"' => dq += 1,
            '\'' if !is_apostrophe(toks, i) => sq += 1,
            _ => {}
        }
    }
    if dq + sq == 0 {
        return;
    }
    let (mut dq_open, mut sq_open) = (true, true);
    for i in 0..n {
        let (open_state, odd, marks) = match toks[i].c() {
            '"' => (&mut dq_open, dq % 2 == 1, ('“', '”')),
            '\'' if !is_apostrophe(toks, i) => (&mut sq_open, sq % 2 == 1, ('‘', '’')),
            c => {
                // A curly quote already printed is part of the order a
                // stray straight one pairs into (`山村“支教"故事` closes).
                match c {
                    '“' | '”' if dq % 2 == 1 => dq_open = c == '”',
                    '‘' | '’' if sq % 2 == 1 => sq_open = c == '’',
                    _ => {}
                }
                continue;
            }
        };
        let mut open = *open_state;
        if odd {
            let next = toks.get(i + 1).map(|t| t.c());
            let prev = i.checked_sub(1).map(|k| toks[k].c());
            if next.is_none_or(|c| "，。、；：？！,.;:?!）)》」』".contains(c)) {
                open = false;
            } else if prev.is_none_or(|c| "：，、；:,;（(《「『".contains(c)) {
                open = true;
            }
        }
        toks[i].set_c(if open { marks.0 } else { marks.1 });
        *open_state = !open;
    }
}

/// The root of `x`'s set in the union–find forest `parent` (paths halved
/// on the way).
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// Joins the sets of `a` and `b` in `parent`.
fn union(parent: &mut [u32], a: u32, b: u32) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // Keep node 0 ("goes full width") as the root of its set.
    if ra < rb {
        parent[rb as usize] = ra;
    } else {
        parent[ra as usize] = rb;
    }
}

/// Stage 4: ASCII `, : ; ? ! ( )` next to CJK text to full width.
///
/// A cluster is a maximal sequence of such chars with only white space
/// between them; it goes full width as a whole when the non-space char before
/// or after it is CJK text. The two clusters holding a matched pair of
/// brackets go together, so `中文(ABC)` becomes `中文（ABC）`. Digits and Latin
/// on both sides keep ASCII (`8:30`, `1,000`, `E-mail:a@b.c`, URLs).
///
/// ```text
/// "了解到,2022年"         → "了解到，2022年"
/// "真的?! 好"             → "真的？！好"
/// "中文(ABC)"             → "中文（ABC）"
/// "累计4.67亿元,于8:30"   → "累计4.67亿元，于8:30"
/// ```
pub(super) fn convert_punct(toks: &mut [Tok]) {
    let n = toks.len();
    let mut clusters: Vec<(usize, usize)> = Vec::new();
    let mut parent: Vec<u32> = vec![0];
    let mut stack: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < n {
        let c = toks[i].c();
        if full_width_of(c).is_none() {
            match c {
                '（' => stack.push(0),
                '）' => {
                    if let Some(o) = stack.pop() {
                        union(&mut parent, o, 0);
                    }
                }
                _ => {}
            }
            i += 1;
            continue;
        }
        let node = parent.len() as u32;
        parent.push(node);
        let start = i;
        while i < n && full_width_of(toks[i].c()).is_some() {
            match toks[i].c() {
                '(' => stack.push(node),
                ')' => {
                    if let Some(o) = stack.pop() {
                        union(&mut parent, o, node);
                    }
                }
                _ => {}
            }
            i += 1;
        }
        clusters.push((start, i));
        if (start > 0 && is_cjk_text(toks[start - 1].c())) || (i < n && is_cjk_text(toks[i].c())) {
            union(&mut parent, node, 0);
        }
    }
    for (k, &(s, e)) in clusters.iter().enumerate() {
        if find(&mut parent, k as u32 + 1) == 0 {
            for t in &mut toks[s..e] {
                if let Some(f) = full_width_of(t.c()) {
                    t.set_c(f);
                }
            }
        }
    }
}

/// Punctuation as a recognizer (OCR) gives it, re-read: a recognizer does
/// not see a mark's width, so each is taken in its compatibility form
/// (NFKC: `，` → `,`, `（` → `(`, `…` → `...`), and then, by cleaning
/// convention 3, `, : ; ? ! ( )` are full width where an ideograph stands
/// beside them and half width where only marks, digits or Latin do.
/// `None` when that changes nothing.
///
/// ```
/// use jianbao::clean::reread_recognized_widths as reread;
/// assert_eq!(reread("他说：“好”，又说”，“行”").as_deref(), Some("他说：“好”，又说”,“行”"));
/// assert_eq!(reread("航班22:，08起飞").as_deref(), Some("航班22:,08起飞"));
/// assert_eq!(reread("等待……然后").as_deref(), Some("等待......然后"));
/// assert_eq!(reread("其中93.9%（31/33）阳性").as_deref(), Some("其中93.9%(31/33）阳性"));
/// assert_eq!(reread("他说：好，走。"), None);
/// ```
pub fn reread_recognized_widths(text: &str) -> Option<String> {
    // A mark's compatibility form: itself for the half-width ones.
    let compat = |c: char| match c {
        '，' | ',' => Some(','),
        '：' | ':' => Some(':'),
        '；' | ';' => Some(';'),
        '？' | '?' => Some('?'),
        '！' | '!' => Some('!'),
        '（' | '(' => Some('('),
        '）' | ')' => Some(')'),
        _ => None,
    };
    if !text.chars().any(|c| c == '…' || compat(c).is_some()) {
        return None;
    }
    // The compatibility forms change no neighbour's being an ideograph, so
    // each mark is read against the text as given, in one pass.
    let mut out = String::with_capacity(text.len() + 8);
    let mut prev: Option<char> = None;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '…' {
            out.push_str("...");
        } else if let Some(m) = compat(c) {
            let beside = prev.is_some_and(is_ideographic)
                || chars.peek().copied().is_some_and(is_ideographic);
            match full_width_of(m) {
                Some(wide) if beside => out.push(wide),
                _ => out.push(m),
            }
        } else {
            out.push(c);
        }
        prev = Some(c);
    }
    (out != text).then_some(out)
}

#[cfg(test)]
mod tests {
    use crate::clean::clean_body;

    #[test]
    fn ascii_punct_next_to_chinese() {
        assert_eq!(clean_body("了解到,2022年"), "了解到，2022年");
        assert_eq!(clean_body("驿站(暖心驿站)。各区"), "驿站（暖心驿站）。各区");
        assert_eq!(clean_body("中文(ABC)"), "中文（ABC）");
        assert_eq!(clean_body("真的?! 好"), "真的？！好");
        assert_eq!(clean_body("电话:62470318."), "电话：62470318.");
        assert_eq!(
            clean_body("累计4.67亿元,于8:30开始"),
            "累计4.67亿元，于8:30开始"
        );
        assert_eq!(
            clean_body("E-mail:xhzbbj@126.com 联系"),
            "E-mail:xhzbbj@126.com联系"
        );
        assert_eq!(
            clean_body("见 http://a.b/c?d=1 网站"),
            "见http://a.b/c?d=1网站"
        );
        assert_eq!(clean_body("共1,000元"), "共1,000元");
        assert_eq!(clean_body("Hello, world: (yes)"), "Hello, world: (yes)");
        assert_eq!(
            clean_body(
                "Advertisement for Qingshan Tea (青山茶叶) and the Binjiang Marathon Race \
                 Program (滨江马拉松赛事指定供应商). Includes contact information: 订购咨询热线:62470318."
            ),
            "Advertisement for Qingshan Tea（青山茶叶）and the Binjiang Marathon Race \
             Program（滨江马拉松赛事指定供应商）. Includes contact information：订购咨询热线：62470318."
        );
    }

    #[test]
    fn quotes_paired_in_order() {
        assert_eq!(
            clean_body("提出\"家运营新模式,提出\"和家\",吸纳社会家\"和\"家心驿站\""),
            "提出“家运营新模式，提出”和家“，吸纳社会家”和“家心驿站”"
        );
        assert_eq!(clean_body("贵在'精'和'准'"), "贵在‘精’和‘准’");
        // An odd count: the stray quote before a comma closes.
        assert_eq!(
            clean_body("四个\"职工之家活动\"室\",培育了一批\"模范职工小家\"典型"),
            "四个“职工之家活动”室”，培育了一批“模范职工小家”典型"
        );
        assert_eq!(clean_body("他说\"好"), "他说“好");
        // An odd count: a stray quote after a curly opening one closes it.
        assert_eq!(clean_body("武汉“抗疫\"故事"), "武汉“抗疫”故事");
        assert_eq!(clean_body("贵在‘精\'和"), "贵在‘精’和");
        assert_eq!(clean_body("好\"。"), "好”。");
        assert_eq!(clean_body("他说 don't 工作"), "他说don't工作");
        assert_eq!(clean_body("say \"hi\" it's"), "say \"hi\" it's");
        assert_eq!(clean_body("以 \"健康防疫\" 为主题"), "以“健康防疫”为主题");
    }
}
