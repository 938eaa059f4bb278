//! Credits: datelines, bylines and photo credits, parsed into names by role.

use crate::clean::{fold_width, is_cjk};
use crate::conventions::{self as cv, Role};
use crate::Byline;
use std::borrow::Cow;

/// Lines of one paragraph, width-folded ([`fold_width`]), joined as
/// printed: nothing between two CJK glyphs (a wrap inside a name,
/// `李晓\n彤`), one space elsewhere and before a line that opens with a
/// credit word (`…本报记者 程远\n通讯员 柯宁 摄影报道`), so that names stay
/// apart. Cleaning removes the spaces that CJK text does not keep.
pub fn soft_join<S: AsRef<str>>(lines: impl IntoIterator<Item = S>) -> String {
    let mut out = String::new();
    soft_join_into(lines, &mut out);
    out
}

/// [`soft_join`] into `out` (cleared first), so that a caller joining
/// paragraph after paragraph reuses one buffer.
pub fn soft_join_into<S: AsRef<str>>(lines: impl IntoIterator<Item = S>, out: &mut String) {
    out.clear();
    for line in lines {
        let line = crate::clean::trim_end(crate::clean::trim_start(line.as_ref()));
        if line.is_empty() {
            continue;
        }
        if let (Some(a), Some(b)) = (out.chars().next_back(), line.chars().next()) {
            // A wrap between two digits broke a number: a Chinese column
            // wraps at any cell (`新增３３⏎００个座位`).
            let number = a.is_ascii_digit() && b.is_ascii_digit();
            if !a.is_whitespace()
                && !number
                && (!(is_wide(a) && is_wide(b))
                    || ends_with_lone_glyph(out)
                    || cv::role_prefix(line).is_some())
            {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
}

/// The text ends in a two-glyph name spaced to the width of three
/// (`（记者 王 浩⏎李明）`): two single glyphs, each set apart by a space, which
/// must not run into the next line's name. One glyph after a longer token
/// (`（记者 邵⏎晨阳）`) is a name the wrap cut, and runs on.
fn ends_with_lone_glyph(text: &str) -> bool {
    let mut rev = text.chars().rev();
    matches!(
        (rev.next(), rev.next(), rev.next(), rev.next()),
        (Some(a), Some(' '), Some(b), None | Some(' ' | '（' | '(')) if is_cjk(a) && is_cjk(b)
    )
}

fn is_wide(c: char) -> bool {
    is_cjk(c) || (c as u32) >= 0x2e80 && !c.is_whitespace()
}

/// The marks that close a sentence byline (`记者X报道：`), with OCR's
/// misreading of the colon as a semicolon.
const LEAD_IN_COLONS: [char; 4] = [':', '：', ';', '；'];

/// A report's opening: dateline, byline and where the body text starts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lead {
    pub dateline: Option<String>,
    pub byline: Byline,
    /// Byte offset in the text where the body starts.
    pub body_start: usize,
}

/// Parses the dateline and bracketed byline opening `text` (soft-joined):
///
/// ```text
/// "本报讯 （记者 韦晴 通讯员 陆晓川） 购买物资" → 本报讯, reporters [韦晴],
///     correspondents [陆晓川], body "购买物资"
/// ```
pub fn parse_lead(text: &str) -> Lead {
    let mut lead = lead_of(text);
    if lead.dateline.is_some() {
        lead.body_start += clause_mark_after(&text[lead.body_start..]);
    }
    lead
}

/// The length of a clause mark, white space around it included, that opens
/// the text after a lead-in: it closes the lead-in (`据《人民日报》报道，
/// 某省…`), as no sentence opens with a clause mark (禁则).
fn clause_mark_after(after: &str) -> usize {
    let trimmed = after.trim_start();
    match trimmed.strip_prefix(['，', ',', '、', '：', ':']) {
        Some(rest) => after.len() - rest.trim_start().len(),
        None => 0,
    }
}

/// [`parse_lead`] up to the clause mark that may close the lead-in.
fn lead_of(text: &str) -> Lead {
    let text_start = text.len() - text.trim_start_matches(['□', '■', ' ']).len();
    let body = &text[text_start..];
    // The key of the opening glyphs only: a dateline is no longer.
    let mut buf = [0; 4 * cv::MAX_DATELINE_GLYPHS];
    let key = squeezed(body, cv::MAX_DATELINE_GLYPHS, &mut buf);
    let Some(dateline) = cv::dateline_prefix(key) else {
        // A byline written as a sentence: `本报记者 X 报道 …`.
        if let Some(end) = cv::sentence_byline(body) {
            let credit = body[..end].trim_end_matches(LEAD_IN_COLONS);
            return Lead {
                dateline: None,
                byline: parse_names(credit.trim_end_matches("报道")),
                body_start: text_start + end,
            };
        }
        return Lead {
            body_start: text_start,
            ..Lead::default()
        };
    };
    // Walk the spaced text over as many glyphs as the dateline has.
    let mut want = dateline.chars().count();
    let mut end = 0;
    for (i, c) in body.char_indices() {
        if want == 0 {
            break;
        }
        end = i + c.len_utf8();
        if !c.is_whitespace() {
            want -= 1;
        }
    }
    let mut lead = Lead {
        dateline: Some(dateline.to_string()),
        byline: Byline::default(),
        body_start: text_start + end,
    };
    let after = &body[end..];
    let trimmed = after.trim_start();
    let skip = after.len() - trimmed.len();
    // A byline written as a sentence: `本报讯记者许振邦报道：日前…`.
    if let Some(len) = cv::sentence_byline(trimmed) {
        let credit = trimmed[..len].trim_end_matches(LEAD_IN_COLONS);
        lead.byline = parse_names(credit.trim_end_matches("报道"));
        lead.body_start += skip + len;
        return lead;
    }
    // Without brackets: `本报讯 记者 X 通讯员 Y 近日…`, names set apart by spaces.
    if let Some(len) = open_credit(trimmed) {
        lead.byline = parse_names(trimmed[..len].trim_end_matches(LEAD_IN_COLONS));
        lead.body_start += skip + len;
        return lead;
    }
    // In brackets: `（记者 X 通讯员 Y）`. OCR reads the brackets as
    // whatever looks like one (`〈记者 苏樾）`, `《记者…)`), or loses the
    // opening one; the credit still runs to a closing bracket.
    let open_len = trimmed
        .chars()
        .next()
        .filter(|&c| is_open_bracket(c))
        .map_or(0, char::len_utf8);
    let inner_text = &trimmed[open_len..];
    if open_len > 0 || cv::role_prefix(inner_text.trim_start()).is_some() {
        if let Some(close) = inner_text.find(is_close_bracket) {
            let inner = &inner_text[..close];
            if inner.chars().count() <= MAX_BRACKETED_CREDIT && has_role(inner) {
                let close_len = inner_text[close..].chars().next().map_or(1, char::len_utf8);
                let after_close = &inner_text[close + close_len..];
                lead.byline = parse_names(inner);
                lead.body_start +=
                    skip + open_len + close + close_len + bracket_debris(after_close);
            }
        }
    }
    lead
}

/// The length of a closing quote printed right after a credit's closing
/// bracket, white space around it included: OCR reads the wide bracket
/// `）` as `) ”` (`（记者 郑朗) ”春季植树活动…`). No text opens with a
/// closing mark (禁则), so the quote is the bracket's, not the body's.
fn bracket_debris(after: &str) -> usize {
    let trimmed = after.trim_start();
    let Some(rest) = trimmed.strip_prefix(['”', '’']) else {
        return 0;
    };
    // OCR also reads an opening quote as a closing one (`”青山工程”今天`):
    // a quote the text closes again before opening one is the body's.
    let closes_again = rest
        .chars()
        .find(|c| matches!(c, '“' | '”' | '‘' | '’'))
        .is_some_and(|c| matches!(c, '”' | '’'));
    if closes_again {
        return 0;
    }
    after.len() - rest.trim_start().len()
}

/// A bracket that may open a credit, as printed or as OCR reads it.
fn is_open_bracket(c: char) -> bool {
    matches!(
        c,
        '（' | '(' | '〈' | '《' | '<' | '［' | '[' | '【' | '〔' | '{' | '「'
    )
}

/// A bracket that may close a credit, as printed or as OCR reads it.
fn is_close_bracket(c: char) -> bool {
    matches!(
        c,
        '）' | ')' | '〉' | '》' | '>' | '］' | ']' | '】' | '〕' | '}' | '」'
    )
}

/// The length of credits opening `text` without brackets: role words and
/// the names after them, each set apart by white space, up to the first
/// token that is neither (`记者 张三 通讯员 李四 近日，…` → `记者 张三 通讯员 李四 `).
/// `None` unless it opens with a role word and names someone.
fn open_credit(text: &str) -> Option<usize> {
    let mut end = 0;
    let mut role = false;
    let mut named = false;
    let mut pos = 0;
    for tok in text.split_inclusive(char::is_whitespace) {
        let word = tok.trim_end();
        pos += tok.len();
        if word.is_empty() {
            end = pos;
            continue;
        }
        let rest = match cv::role_prefix(word) {
            Some((w, _)) => {
                role = true;
                &word[w.len()..]
            }
            None if role && (word == "报道" || word == "报道：" || word == "报道:") => {
                end = pos;
                continue;
            }
            None => word,
        };
        if !role || (!rest.is_empty() && !cv::is_name(rest)) {
            break;
        }
        named |= !rest.is_empty();
        end = pos;
    }
    (role && named).then_some(end)
}

/// Some role word (its glyphs maybe spaced apart) or a `/` credit inside
/// `s`: `记 者 王浩`, `文/张三`. Every role word opens with a role initial,
/// so only the places where one stands are tried.
fn has_role(s: &str) -> bool {
    let mut buf = [0; 4 * MAX_BRACKETED_CREDIT];
    let s = squeezed(s, MAX_BRACKETED_CREDIT, &mut buf);
    s.contains('/')
        || s.char_indices()
            .any(|(i, _)| cv::role_prefix(&s[i..]).is_some())
}

/// Most chars a bracketed credit holds: `（记者 韦晴 通讯员 陆晓川）`.
const MAX_BRACKETED_CREDIT: usize = 60;

/// The first `max` chars of `text` other than white space, copied to
/// `buf` (`4 * max` bytes hold any): `记 者 王浩` → `记者王浩`.
fn squeezed<'b>(text: &str, max: usize, buf: &'b mut [u8]) -> &'b str {
    let mut len = 0;
    for c in text.chars().filter(|c| !c.is_whitespace()).take(max) {
        let Some(room) = buf.get_mut(len..len + c.len_utf8()) else {
            break;
        };
        c.encode_utf8(room);
        len += c.len_utf8();
    }
    std::str::from_utf8(&buf[..len]).expect("whole chars were copied")
}

/// Parses credit text into names by role:
///
/// ```text
/// "记者 韦晴 通讯员 陆晓川"          → reporters [韦晴], correspondents [陆晓川]
/// "记 者 石 岚"                      → reporters [石岚]   (spaced display type)
/// "本报记者 沈川 文/摄"              → reporters [沈川], photographers [沈川]
/// "本报记者 X 通讯员 Y 摄影报道"     → photographers [X, Y]
/// "文/张三 图/李四"                  → authors [张三], photographers [李四]
/// ```
pub fn parse_names(text: &str) -> Byline {
    // Brackets part names as spaces do, `／` is `/`, `攝` is `摄`: the text
    // is rewritten only when it holds one of them.
    let folded = fold_width(text);
    let text: Cow<str> = if folded
        .contains(|c: char| matches!(c, '／' | '攝') || is_open_bracket(c) || is_close_bracket(c))
    {
        folded
            .chars()
            .map(|c| match c {
                '／' => '/',
                '攝' => '摄',
                c if is_open_bracket(c) || is_close_bracket(c) => ' ',
                c => c,
            })
            .collect()
    } else {
        folded
    };
    let pieces = || {
        text.split(|c: char| c.is_whitespace() || matches!(c, '、' | '，' | ',' | '；' | ';'))
            .filter(|t| !t.is_empty())
    };
    // Glyphs printed apart, as a justified or spaced line sets them, run
    // together into role words and names ([`spaced_run`]).
    let mut tokens: Vec<Cow<str>> = Vec::new();
    let is_glyph = |t: &str| t.chars().count() == 1 && t.chars().all(is_cjk);
    let mut run = String::new();
    for tok in pieces() {
        if is_glyph(tok) {
            run.push_str(tok);
            continue;
        }
        // A role word a gap cut: its first glyph ends the run
        // (`王贤 通 讯员 刘艳`).
        let cut = run.char_indices().next_back().and_then(|(at, _)| {
            let word = format!("{}{tok}", &run[at..]);
            cv::role_prefix(&word).is_some().then_some((at, word))
        });
        if let Some((at, word)) = cut {
            run.truncate(at);
            spaced_run(&mut run, &mut tokens);
            tokens.push(Cow::Owned(word));
            continue;
        }
        spaced_run(&mut run, &mut tokens);
        tokens.push(Cow::Borrowed(tok));
    }
    spaced_run(&mut run, &mut tokens);
    // OCR reads the box that opens a byline line (`□ 新华社记者 某某`) as
    // the ideograph `口`; no name is that one glyph.
    if tokens.len() > 1 && tokens[0] == "口" {
        tokens.remove(0);
    }
    let mut photo_credit = false;
    if let Some(last) = tokens.last_mut() {
        for suffix in ["摄影报道", "摄影", "摄"] {
            if last.ends_with(suffix) && *last != "文/摄" {
                // `X/摄`: the slash goes with the mark.
                let keep = last[..last.len() - suffix.len()]
                    .trim_end_matches('/')
                    .len();
                match last {
                    Cow::Borrowed(t) => *t = &t[..keep],
                    Cow::Owned(t) => t.truncate(keep),
                }
                photo_credit = true;
                break;
            }
        }
    }
    let mut out = Byline::default();
    let mut role = Role::Reporter;
    let mut named: Vec<(Role, &str)> = Vec::new();
    for tok in &tokens {
        let mut rest: &str = tok;
        if rest == "文/摄" || rest == "文/图" {
            // The writer took the pictures too.
            let names = named
                .iter()
                .filter(|(r, _)| *r == Role::Reporter)
                .map(|(_, n)| n.to_string());
            out.photographers.extend(names);
            continue;
        }
        if let Some(r) = rest.strip_prefix("文/") {
            role = Role::Author;
            rest = r;
        } else if let Some(r) = rest
            .strip_prefix("图/")
            .or_else(|| rest.strip_prefix("摄/"))
        {
            role = Role::Photographer;
            rest = r;
        } else if let Some((word, r)) = cv::role_prefix(rest) {
            role = r;
            // `摄影：X`, `摄影/X`: the role word's colon or slash.
            rest = rest[word.len()..].trim_start_matches([':', '：', '/']);
        } else if let Some(r) = qualified_role(rest) {
            // `融媒体记者`, `特约通讯员`, `首席记者`: a role word with what
            // qualifies it, no name.
            role = r;
            continue;
        }
        let mut rest = rest.trim_end_matches(['报', '道']).trim();
        // Names printed without spaces run into the next role word:
        // `王小明通讯员李大山` is a name, then a correspondent's.
        while let Some((at, word, next)) = inner_role(rest) {
            named.push((role, &rest[..at]));
            role = next;
            rest = &rest[at + word.len()..];
        }
        if !rest.is_empty() && rest.chars().all(|c| is_cjk(c) || c == '·') {
            named.push((role, rest));
        }
    }
    for (r, name) in named {
        let list = if photo_credit {
            &mut out.photographers
        } else {
            match r {
                Role::Reporter => &mut out.reporters,
                Role::Correspondent => &mut out.correspondents,
                Role::Photographer => &mut out.photographers,
                Role::Author => &mut out.authors,
            }
        };
        if !list.iter().any(|n| n == name) {
            list.push(name.to_string());
        }
    }
    out
}

/// Most glyphs of a name that a run of glyphs printed apart holds.
const MAX_SPACED_NAME: usize = 3;

/// Glyphs that stand after names for what their bearers did (`摄` took
/// the picture, `绘` drew it, `文` `撰` `作` wrote, `图` pictured, `译`
/// translated) or that there were more (`等`): no part of a name.
const AFTER_NAMES: [char; 8] = ['摄', '绘', '文', '撰', '作', '图', '译', '等'];

/// Turns a run of single glyphs printed apart (`run`, the glyphs run
/// together, emptied) into tokens. No name is one glyph: a justified line
/// sets every glyph of a byline apart (`（记者 王 欲 然）`, `通 讯 员 苏 华`),
/// a two-glyph name may be set to the width of three (`赵 刚`), and a wrap
/// or a justified gap may cut a name anywhere (`记者 张洋 菲`). So the role
/// words in the run are tokens, and the glyphs between them names of two
/// glyphs, the last of three where the count is odd; a lone glyph goes on
/// the name before it, where that is a two-glyph name (not a glyph that
/// stands after names: `张洋 绘`).
fn spaced_run<'a>(run: &mut String, tokens: &mut Vec<Cow<'a, str>>) {
    let mut names = 0;
    let mut at = 0;
    while at < run.len() {
        match cv::role_prefix(&run[at..]) {
            Some((word, _)) => {
                spaced_names(&run[names..at], tokens);
                tokens.push(Cow::Owned(word.to_string()));
                at += word.len();
                names = at;
            }
            None => at += run[at..].chars().next().map_or(1, char::len_utf8),
        }
    }
    spaced_names(&run[names..], tokens);
    run.clear();
}

/// The names of glyphs printed apart between role words ([`spaced_run`]);
/// `等` (and others) closing them is a token of its own. (Not the glyphs
/// that credit a name: `文`, `图`, `作` close many a three-glyph name,
/// whose last glyph a wrap set apart: `（记者 张 晓⏎文）`.)
fn spaced_names<'a>(glyphs: &str, tokens: &mut Vec<Cow<'a, str>>) {
    let mut glyphs: Vec<&str> = glyphs
        .char_indices()
        .map(|(i, c)| &glyphs[i..i + c.len_utf8()])
        .collect();
    let after = glyphs.last().filter(|&&g| g == "等").copied();
    if after.is_some() {
        glyphs.pop();
    }
    match glyphs.len() {
        0 => {}
        1 => match tokens.last_mut() {
            Some(prev)
                if prev.chars().count() == 2
                    && prev.chars().all(is_cjk)
                    && !glyphs[0].starts_with(AFTER_NAMES) =>
            {
                prev.to_mut().push_str(glyphs[0])
            }
            _ => tokens.push(Cow::Owned(glyphs[0].to_string())),
        },
        n => {
            let mut at = 0;
            while at < n {
                let take = if n - at == MAX_SPACED_NAME {
                    n - at
                } else {
                    2.min(n - at)
                };
                tokens.push(Cow::Owned(glyphs[at..at + take].concat()));
                at += take;
            }
        }
    }
    tokens.extend(after.map(|g| Cow::Owned(g.to_string())));
}

/// Longest qualifier before a role word (`融媒体`, `驻京`, `首席`).
const MAX_ROLE_QUALIFIER: usize = 4;

/// Role words a qualifier may stand before, longest first.
const QUALIFIED_ROLES: [(&str, Role); 3] = [
    ("摄影记者", Role::Photographer),
    ("通讯员", Role::Correspondent),
    ("记者", Role::Reporter),
];

/// The role of a token that ends in a role word after a short qualifier:
/// `融媒体记者`, `特约通讯员`, `首席记者` (a name comes in the next token).
fn qualified_role(tok: &str) -> Option<Role> {
    let (qualifier, role) = QUALIFIED_ROLES
        .iter()
        .find_map(|&(w, r)| tok.strip_suffix(w).map(|q| (q, r)))?;
    let n = qualifier.chars().count();
    (n > 0 && n <= MAX_ROLE_QUALIFIER && qualifier.chars().all(is_cjk)).then_some(role)
}

/// A role word inside a token, right after a name of two to four glyphs
/// (`王小明通讯员李大山`): its byte offset, the word and its role.
fn inner_role(tok: &str) -> Option<(usize, &'static str, Role)> {
    tok.char_indices()
        .skip(2)
        .take(3)
        .find_map(|(at, _)| cv::role_prefix(&tok[at..]).map(|(w, r)| (at, w, r)))
        .filter(|&(at, _, _)| tok[..at].chars().all(|c| is_cjk(c) || c == '·'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(b: &Byline) -> [Vec<&str>; 4] {
        [
            &b.reporters,
            &b.correspondents,
            &b.photographers,
            &b.authors,
        ]
        .map(|l| l.iter().map(String::as_str).collect())
    }

    #[test]
    fn leads() {
        let t = soft_join(["本报讯 （记者 韦晴 通讯员", "陆晓川） 调配物资、 设立"]);
        let lead = parse_lead(&t);
        assert_eq!(lead.dateline.as_deref(), Some("本报讯"));
        assert_eq!(
            names(&lead.byline),
            [vec!["韦晴"], vec!["陆晓川"], vec![], vec![]]
        );
        assert_eq!(t[lead.body_start..].trim(), "调配物资、 设立");

        let lead = parse_lead("本报讯(记者孟冉)记者昨天");
        assert_eq!(names(&lead.byline)[0], ["孟冉"]);
        assert_eq!(&"本报讯(记者孟冉)记者昨天"[lead.body_start..], "记者昨天");

        let t = "新华社北京11月21日电（记者 王立群 李晓彤）国务院";
        let lead = parse_lead(t);
        assert_eq!(lead.dateline.as_deref(), Some("新华社北京11月21日电"));
        assert_eq!(names(&lead.byline)[0], ["王立群", "李晓彤"]);
        assert_eq!(&t[lead.body_start..], "国务院");

        let lead = parse_lead("据新华社电 近日");
        assert_eq!(lead.dateline.as_deref(), Some("据新华社电"));
        assert!(lead.byline.is_empty());

        // The comma closing a lead-in is the lead-in's.
        let t = "据《青山日报》报道， 某省今年";
        let lead = parse_lead(t);
        assert_eq!(lead.dateline.as_deref(), Some("据《青山日报》报道"));
        assert_eq!(&t[lead.body_start..], "某省今年");
        let t = "本报讯（记者 张三），近日";
        assert_eq!(&t[parse_lead(t).body_start..], "近日");

        let t = "本报记者 刘洋 报道 近日，记者";
        let lead = parse_lead(t);
        assert_eq!(
            (lead.dateline.as_deref(), names(&lead.byline)[0].clone()),
            (None, vec!["刘洋"])
        );
        assert_eq!(t[lead.body_start..].trim(), "近日，记者");

        let t = "本报讯 记者 张三 通讯员 李四 近日，某工会";
        let lead = parse_lead(t);
        assert_eq!(
            names(&lead.byline),
            [vec!["张三"], vec!["李四"], vec![], vec![]]
        );
        assert_eq!(&t[lead.body_start..], "近日，某工会");
        let t = "本报讯 记者从市总工会获悉，";
        let lead = parse_lead(t);
        assert!(lead.byline.is_empty());
        assert_eq!(t[lead.body_start..].trim(), "记者从市总工会获悉，");

        let lead = parse_lead("近日，某工会");
        assert_eq!(lead.dateline, None);
        assert_eq!(lead.body_start, 0);
    }

    #[test]
    fn glyphs_printed_apart_make_names_of_two_or_three() {
        // A justified line sets every glyph apart; a name is never one.
        assert_eq!(names(&parse_names("记者 王 欲 然"))[0], ["王欲然"]);
        assert_eq!(
            names(&parse_names("记者 陈陆军 通 讯 员 苏 华")),
            [vec!["陈陆军"], vec!["苏华"], vec![], vec![]]
        );
        // Two names each set to the width of three.
        assert_eq!(names(&parse_names("记者 赵 刚 李 明"))[0], ["赵刚", "李明"]);
        // A gap that cut a three-glyph name; not one after a longer name,
        // nor a glyph that credits the name.
        assert_eq!(names(&parse_names("记者 张洋 菲"))[0], ["张洋菲"]);
        assert_eq!(names(&parse_names("记者 王小明 菲"))[0], ["王小明", "菲"]);
        assert_eq!(names(&parse_names("本报记者 张洋 绘"))[0], ["张洋", "绘"]);
        assert_eq!(names(&parse_names("记者 张 晓 文"))[0], ["张晓文"]);
        for t in ["记者 王刚 李明 等", "记者 王 刚 李 明 等"] {
            assert_eq!(names(&parse_names(t))[0], ["王刚", "李明", "等"], "{t}");
        }
        // A role word a gap cut.
        assert_eq!(
            names(&parse_names("记者 王贤 通 讯员 刘艳")),
            [vec!["王贤"], vec!["刘艳"], vec![], vec![]]
        );
        // Role words set apart too, inside the run.
        assert_eq!(
            names(&parse_names("记者 王 欲 然 通 讯 员 苏 华")),
            [vec!["王欲然"], vec!["苏华"], vec![], vec![]]
        );
        assert_eq!(
            names(&parse_names("本报记者 李明 摄 影 王 刚")),
            [vec!["李明"], vec![], vec!["王刚"], vec![]]
        );
        assert_eq!(
            names(&parse_names("本报记者 李明 摄 影 报 道")),
            names(&parse_names("本报记者 李明 摄影报道"))
        );
        // A wrap that cut a name spaced to the width of three.
        let t = soft_join(["湖北日报讯 （ 记 者 李 保", "林、周呈思）“流行病学"]);
        assert_eq!(names(&parse_lead(&t).byline)[0], ["李保林", "周呈思"]);
    }

    #[test]
    fn credits() {
        assert_eq!(
            names(&parse_names("记 者 石 岚 ")),
            [vec!["石岚"], vec![], vec![], vec![]]
        );
        assert_eq!(
            names(&parse_names("本报记者 沈川 文/摄")),
            [vec!["沈川"], vec![], vec!["沈川"], vec![]]
        );
        assert_eq!(
            names(&parse_names("本报记者 程远 通讯员 柯宁 摄影报道")),
            [vec![], vec![], vec!["程远", "柯宁"], vec![]]
        );
        assert_eq!(
            names(&parse_names("文/张三 图/李四")),
            [vec![], vec![], vec!["李四"], vec!["张三"]]
        );
        assert_eq!(
            names(&parse_names("李四 摄")),
            [vec![], vec![], vec!["李四"], vec![]]
        );
        assert_eq!(
            names(&parse_names("记者 赵 刚")),
            [vec!["赵刚"], vec![], vec![], vec![]]
        );
        assert_eq!(
            names(&parse_names("□ 记者 张三 实习生 李四")),
            [vec!["张三", "李四"], vec![], vec![], vec![]]
        );
        // OCR's reading of the box.
        assert_eq!(
            names(&parse_names("口 新华社记者 张三")),
            [vec!["张三"], vec![], vec![], vec![]]
        );
    }

    #[test]
    fn photo_credits_with_a_slash_or_colon() {
        assert_eq!(parse_names("王小川/摄").photographers, ["王小川"]);
        assert_eq!(parse_names("摄影：王小川").photographers, ["王小川"]);
    }

    #[test]
    fn a_qualified_role_word_names_no_one() {
        let b = parse_names("融媒体记者 王小明 特约通讯员 李大山");
        assert_eq!(b.reporters, ["王小明"]);
        assert_eq!(b.correspondents, ["李大山"]);
        let b = parse_names("首席记者 赵一");
        assert_eq!(b.reporters, ["赵一"]);
    }

    #[test]
    fn names_printed_without_spaces_part_at_the_next_role_word() {
        let b = parse_names("记者王小明通讯员李大山");
        assert_eq!(b.reporters, ["王小明"]);
        assert_eq!(b.correspondents, ["李大山"]);
        let b = parse_names("记者 赵一 孙二通讯员周三");
        assert_eq!(b.reporters, ["赵一", "孙二"]);
        assert_eq!(b.correspondents, ["周三"]);
    }

    #[test]
    fn soft_join_keeps_spaced_names_apart() {
        let t = soft_join(["本报北京11月20日电（记者 王 浩", "李明）工业"]);
        assert_eq!(names(&parse_lead(&t).byline)[0], ["王浩", "李明"]);
    }

    #[test]
    fn soft_join_keeps_latin_apart() {
        assert_eq!(soft_join(["李晓", "彤）"]), "李晓彤）");
        assert_eq!(soft_join(["ABB", "Group"]), "ABB Group");
        // Not a number a wrap broke.
        assert_eq!(soft_join(["新增33", "00个座位"]), "新增3300个座位");
    }
}

#[cfg(test)]
mod lead_shapes {
    use super::*;

    fn lead(lines: &[&str]) -> (Option<String>, [Vec<String>; 4], String) {
        let t = soft_join(lines.iter().copied());
        let l = parse_lead(&t);
        let b = l.byline;
        (
            l.dateline,
            [b.reporters, b.correspondents, b.photographers, b.authors],
            t[l.body_start..].trim().to_string(),
        )
    }

    /// Lines of a lead; its dateline, reporters, correspondents and the body
    /// text after the credit.
    type Case<'a> = (
        &'a [&'a str],
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a str,
    );

    #[test]
    fn leads_broken_across_lines() {
        let cases: &[Case] = &[
            (
                &["本报讯 （记者 宋杉） 冒着细雨，南"],
                "本报讯",
                &["宋杉"],
                &[],
                "冒着细雨，南",
            ),
            (
                &["南江日报讯 (记者 曹振东、吕晓", "宁) “应急物资调配"],
                "南江日报讯",
                &["曹振东", "吕晓宁"],
                &[],
                "“应急物资调配",
            ),
            (
                &["据新华社昆明3月4日电（记者方建国、范文", "博）云南重视"],
                "据新华社昆明3月4日电",
                &["方建国", "范文博"],
                &[],
                "云南重视",
            ),
            (
                &["中国日报温哥华2月17日电 (记", "者 苏樾) 当地时间16日"],
                "中国日报温哥华2月17日电",
                &["苏樾"],
                &[],
                "当地时间16日",
            ),
            (
                &["人民网北京2月15日", "电（记者贺晓舟）14日，"],
                "人民网北京2月15日电",
                &["贺晓舟"],
                &[],
                "14日，",
            ),
            (
                &["本报讯 （记者 彭德明", " 通讯员 谢雨轩） 为减少"],
                "本报讯",
                &["彭德明"],
                &["谢雨轩"],
                "为减少",
            ),
            (
                &["新华社北京3月18日电 (记者 邵", "晨阳 通讯员 袁英杰) 民政部"],
                "新华社北京3月18日电",
                &["邵晨阳"],
                &["袁英杰"],
                "民政部",
            ),
            (
                &[
                    "新华社长沙4月12日电 （记者 潘",
                    "建平、金戈 通讯员 邓国庆） 12日",
                ],
                "新华社长沙4月12日电",
                &["潘建平", "金戈"],
                &["邓国庆"],
                "12日",
            ),
            (
                &["新华社长沙5月19日电（记者金戈 通", "讯员聂岚）19日"],
                "新华社长沙5月19日电",
                &["金戈"],
                &["聂岚"],
                "19日",
            ),
            (
                &["本报讯记者许振邦报道：日前，江海集团"],
                "本报讯",
                &["许振邦"],
                &[],
                "日前，江海集团",
            ),
            (
                &["本报哥本哈根11月30日电记者钱", "北报道：丹麦政府"],
                "本报哥本哈根11月30日电",
                &["钱北"],
                &[],
                "丹麦政府",
            ),
            (
                &["新华社某地3月7日电 〈记", "者 甲乙丙) ”某某市今天"],
                "新华社某地3月7日电",
                &["甲乙丙"],
                &[],
                "某某市今天",
            ),
            (
                &["新华社某地3月7日电（记者 甲乙）”青山", "工程”今天开工"],
                "新华社某地3月7日电",
                &["甲乙"],
                &[],
                "”青山工程”今天开工",
            ),
            (
                &["本报某地1月1日电记者甲", "乙报道; 今天"],
                "本报某地1月1日电",
                &["甲乙"],
                &[],
                "今天",
            ),
            (
                &["本报太原十一月二十八日电 （记者 某某） 今天"],
                "本报太原十一月二十八日电",
                &["某某"],
                &[],
                "今天",
            ),
            (
                &["本报北京11月20日电（记者 王 浩", "李明）工业"],
                "本报北京11月20日电",
                &["王浩", "李明"],
                &[],
                "工业",
            ),
        ];
        for (lines, dl, rep, cor, body) in cases {
            let (d, names, rest) = lead(lines);
            assert_eq!(d.as_deref(), Some(*dl), "{lines:?}");
            assert_eq!(names[0], *rep, "{lines:?}");
            assert_eq!(names[1], *cor, "{lines:?}");
            assert_eq!(rest, *body, "{lines:?}");
        }
    }
}
