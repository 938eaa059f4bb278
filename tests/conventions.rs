//! Small pages in conventions beyond the sample paper: agency datelines,
//! relayed copy, sentence bylines, indented paragraphs without blank lines,
//! letter-spaced display type, column pieces with signatures, photo credits,
//! edition lines of other papers. Each asserts the exact outcome.

use jianbao::{parse, Article, BlockType, Kind, Options, Page};

fn page(text: &str) -> Page {
    parse(text, &Options::default())
}

/// (kind, title, dateline, reporters, first paragraph) of an article.
type Summary<'a> = (
    Kind,
    Option<&'a str>,
    Option<&'a str>,
    Vec<&'a str>,
    &'a str,
);

/// (role, name) of the page's staff credits.
fn staff(p: &Page) -> Vec<(&str, &str)> {
    p.page
        .staff
        .iter()
        .map(|s| (s.role.as_str(), s.name.as_str()))
        .collect()
}

/// A feature's headline and first paragraph, in 20-cell columns.
const FEATURE_OPENING: &str = "社区防控一线见闻\n\
     连日来，记者走访了本市多个社区，看到\n社区志愿队员坚守岗位，居民群众主动配合，\n\
     社区防控工作有序开展，各个社区都有自己的\n好办法。\n";

/// A short report in 16-cell columns, paragraphs opening on `　`, that
/// tests set before a piece of theirs so that the column can be measured.
const PARK_PIECE: &str = "城东新建三座口袋公园\n\
     \u{3000}本报讯 市园林部门近日在老城区\n\
     新建三座口袋公园，为周边居民提供\n\
     休闲去处。三座公园分别位于老城区\n\
     的东、西、北三个片区，总面积约一\n\
     万平方米，于今年春季开工建设。\n\
     \u{3000}公园内设有健身步道和儿童游乐设\n\
     施，受到周边居民欢迎。\n";

/// The one article of a page of one feature, its title checked, and each
/// block's kind with its first six chars.
fn one_feature_blocks(p: &Page, title: &str) -> Vec<(BlockType, String)> {
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(p));
    let a = &p.articles[0];
    assert_eq!(a.title.as_deref(), Some(title));
    a.blocks
        .iter()
        .map(|b| (b.kind, b.text.chars().take(6).collect()))
        .collect()
}

fn summary(p: &Page) -> Vec<Summary<'_>> {
    p.articles
        .iter()
        .map(|a: &Article| {
            (
                a.kind,
                a.title.as_deref(),
                a.dateline.as_deref(),
                a.byline.reporters.iter().map(String::as_str).collect(),
                a.blocks.first().map_or("", |b| b.text.as_str()),
            )
        })
        .collect()
}

#[test]
fn agency_dateline_and_relayed_copy_one_paragraph_per_line() {
    let p = page(
        "市政府专题会议部署稳外贸举措\n\
         新华社北京10月23日电（记者 王立群 李晓彤）常务副市长主持召开市政府专题会议，部署进一步稳外贸举措。\n\
         会议指出，今年以来各区各部门认真落实外贸扶持政策，外贸形势总体稳定。\n\
         据新华社电 市统计局23日公布的数据显示，9月份全市外贸进出口总值同比增长5.1%，比上月提高0.1个百分点。\n\
         市统计局相关负责人分析，外贸形势保持总体稳定。\n\
         外贸进出口增速升至5.1%\n",
    );
    assert_eq!(
        summary(&p),
        vec![
            (
                Kind::News,
                Some("市政府专题会议部署稳外贸举措"),
                Some("新华社北京10月23日电"),
                vec!["王立群", "李晓彤"],
                "常务副市长主持召开市政府专题会议，部署进一步稳外贸举措。"
            ),
            (
                Kind::News,
                Some("外贸进出口增速升至5.1%"),
                Some("据新华社电"),
                vec![],
                "市统计局23日公布的数据显示，9月份全市外贸进出口总值同比增长5.1%，比上月提高0.1个百分点。"
            ),
        ]
    );
    assert_eq!(p.articles[0].blocks.len(), 2);
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn indented_ocr_page_with_crlf_full_width_digits_and_markup() {
    let p = page(
        "2023年5月6日 星期六\r\n责任编辑：张伟  校对：苏 樾\r\n\r\n\u{3000}\u{3000}全市职工运动会开幕\r\n\r\n\
         本报北京5月5日电（记者 赵 刚）\r\n\
         \u{3000}\u{3000}５日上午，２０２３年全市职工运动会在工人体育场开幕，来自各行业的**３０００**余名职工参加开幕式。\r\n\
         \u{3000}\u{3000}本届运动会设田径、游泳等12个大项，比赛将持续到6月底。\r\n\
         \u{3000}\u{3000}\"运动会是职工展示风采的舞台，\"市总工会负责人说，\"我们希望更多职工参与进来。\"\r\n\r\n\
         □ 记者 钱进 实习生 孙丽\r\n\u{3000}\u{3000}近日，记者走访了多家企业的职工书屋。\r\n\r\n职工书屋成为“充电站”\r\n",
    );
    assert_eq!(p.page.date.as_deref(), Some("2023-05-06"));
    assert_eq!(p.page.weekday.as_deref(), Some("星期六"));
    assert_eq!(staff(&p), [("责任编辑", "张伟"), ("校对", "苏樾")]);
    assert_eq!(
        summary(&p),
        vec![
            (
                Kind::News,
                Some("全市职工运动会开幕"),
                Some("本报北京5月5日电"),
                vec!["赵刚"],
                "5日上午，2023年全市职工运动会在工人体育场开幕，来自各行业的3000余名职工参加开幕式。"
            ),
            (
                Kind::Feature,
                Some("职工书屋成为“充电站”"),
                None,
                vec!["钱进", "孙丽"],
                "近日，记者走访了多家企业的职工书屋。"
            ),
        ]
    );
    assert_eq!(
        p.articles[0].blocks[2].text,
        "“运动会是职工展示风采的舞台，”市总工会负责人说，“我们希望更多职工参与进来。”"
    );
}

#[test]
fn narrow_columns_with_letter_spaced_title_photo_column_piece_and_sentence_byline() {
    let p = page(
        "全 市 职 工 运 动 会 开 幕\n\n\
         本报讯（记者 周 明）昨天上午，第\n十届全市职工运动会在市体育中\n心开幕，来自全市各行业的三千\n余名职工参加了开幕式。\n\
         \u{3000}\u{3000}据介绍，本届运动会共设田径、\n游泳、乒乓球等十二个大项，比赛\n将一直持续到六月底。\n\n\
         图为开幕式现场。 本报记者 王强 摄\n\n\
         读者来信\n\n食堂饭菜该改改了\n\n\
         我是一家企业的普通职工，单位食\n堂的饭菜品种单一，价格却不低。\n希望单位能够听听职工的意见。\n\n\
         朝阳区某企业职工 李华\n\n\
         本报记者 刘洋 报道 近日，记者从\n市人社局获悉，今年本市将新增就\n业岗位二十万个。\n\n\
         本市今年将新增就业岗位二十万个\n",
    );
    let kinds: Vec<Kind> = p.articles.iter().map(|a| a.kind).collect();
    assert_eq!(kinds, [Kind::News, Kind::Photo, Kind::Column, Kind::News]);
    let news = &p.articles[0];
    assert_eq!(news.title.as_deref(), Some("全市职工运动会开幕"));
    assert_eq!(news.byline.reporters, ["周明"]);
    assert_eq!(news.blocks.len(), 2);
    assert_eq!(
        news.blocks[0].text,
        "昨天上午，第十届全市职工运动会在市体育中心开幕，来自全市各行业的三千余名职工参加了开幕式。"
    );
    let photo = &p.articles[1];
    assert_eq!(photo.byline.photographers, ["王强"]);
    assert_eq!(photo.blocks[0].text, "图为开幕式现场。");
    let column = &p.articles[2];
    assert_eq!(column.column.as_deref(), Some("读者来信"));
    assert_eq!(column.title.as_deref(), Some("食堂饭菜该改改了"));
    assert_eq!(column.signature.as_deref(), Some("朝阳区某企业职工 李华"));
    assert_eq!(column.byline.authors, ["李华"]);
    let report = &p.articles[3];
    assert_eq!(report.dateline, None);
    assert_eq!(report.byline.reporters, ["刘洋"]);
    assert_eq!(
        report.title.as_deref(),
        Some("本市今年将新增就业岗位二十万个")
    );
    assert_eq!(
        report.blocks[0].text,
        "近日，记者从市人社局获悉，今年本市将新增就业岗位二十万个。"
    );
    assert!(p.banners.is_empty());
}

#[test]
fn spans_slice_back_to_the_raw_text() {
    let text =
        "地铁职工学剪纸\n\n本报讯 （记者 张三） 近日， 某车站职工\n\n自发完成了大幅剪纸画。\n";
    let p = page(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |s: [u32; 2]| String::from_utf16(&utf16[s[0] as usize..s[1] as usize]).unwrap();
    let a = &p.articles[0];
    assert_eq!(slice(a.title_spans[0]), "地铁职工学剪纸");
    // One paragraph joined across a column break: two ranges; the lead's
    // dateline and byline are not the paragraph's.
    let spans: Vec<String> = a.blocks[0].spans.iter().map(|&s| slice(s)).collect();
    assert_eq!(spans, ["近日， 某车站职工", "自发完成了大幅剪纸画。"]);
    assert_eq!(a.blocks[0].text, "近日，某车站职工自发完成了大幅剪纸画。");
}

#[test]
fn a_credit_closing_a_piece_stays_in_its_text() {
    // Bylines are read from a piece's opening; a credit in brackets at the
    // end of its last paragraph is the piece's last words.
    let text = "地铁职工学剪纸\n\n近日，某车站职工自发完成了大幅剪纸画。（记者 张三）\n";
    let p = page(text);
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let slice = |s: [u32; 2]| String::from_utf16(&utf16[s[0] as usize..s[1] as usize]).unwrap();
    let a = &p.articles[0];
    let spans: Vec<String> = a.blocks[0].spans.iter().map(|&s| slice(s)).collect();
    assert_eq!(
        spans,
        ["近日，某车站职工自发完成了大幅剪纸画。（记者 张三）"]
    );
    assert_eq!(
        a.blocks[0].text,
        "近日，某车站职工自发完成了大幅剪纸画。（记者张三）"
    );
    assert!(a.byline.reporters.is_empty());
}

#[test]
fn headlines_printed_after_their_bodies_find_their_articles() {
    // Extracted text often prints each headline after its body, or next to
    // another article: the words decide.
    let p = page(
        "本报讯（记者 甲乙）近日，南湖区总工会启动夏季送清凉慰问活动，\n走访慰问城区环卫作业班组成员。\n\n\
         本报讯（记者 丙丁）日前，西城区职工书屋开展读书分享会，\n职工们交流读书心得。\n\n\
         西城区职工书屋举办读书分享会\n\n南湖区总工会启动夏季送清凉活动\n",
    );
    let titles: Vec<Option<&str>> = p.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("南湖区总工会启动夏季送清凉活动"),
            Some("西城区职工书屋举办读书分享会")
        ]
    );
}

#[test]
fn a_column_name_heads_the_items_printed_under_it() {
    let p = page(
        "简讯\n\n本报讯 近日，市总工会召开专项会议，部署冬季送温暖工作。\n\n\
         本报讯 日前，区职工活动中心开通夜间服务窗口。\n\n\
         图为运动员在比赛中。（新华社记者 李贺 摄）\n",
    );
    let a = &p.articles;
    assert_eq!(a.len(), 3);
    assert_eq!(a[0].column.as_deref(), Some("简讯"));
    assert_eq!(a[0].title, None);
    assert_eq!(a[0].kind, Kind::News);
    assert_eq!(a[2].kind, Kind::Photo);
    assert_eq!(a[2].byline.photographers, ["李贺"]);
    assert_eq!(a[2].blocks[0].text, "图为运动员在比赛中。");
    assert!(p.banners.is_empty());
}

#[test]
fn another_papers_page_in_narrow_columns() {
    let p = page(PAGE_E);
    assert_eq!(p.page.date.as_deref(), Some("2023-11-21"));
    assert_eq!(p.page.weekday.as_deref(), Some("星期二"));
    assert_eq!(staff(&p), [("责任编辑", "刘洋"), ("版式设计", "王欣")]);
    let a = &p.articles;
    let kinds: Vec<Kind> = a.iter().map(|x| x.kind).collect();
    assert_eq!(
        kinds,
        [
            Kind::News,
            Kind::News,
            Kind::Feature,
            Kind::Photo,
            Kind::News
        ]
    );
    assert_eq!(a[0].kicker.as_deref(), Some("推动高质量发展"));
    assert_eq!(
        a[0].title.as_deref(),
        Some("全国制造业增加值连续十三年居世界首位")
    );
    assert_eq!(
        a[0].subtitle.as_deref(),
        Some("——工业发展研究院新闻发言人答记者问")
    );
    assert_eq!(a[0].dateline.as_deref(), Some("本报北京11月20日电"));
    assert_eq!(a[0].byline.reporters, ["王浩", "李明"]);
    assert_eq!(a[0].blocks.len(), 3);
    assert_eq!(
        a[1].title.as_deref(),
        Some("前10个月规上工业增加值增长4.1%")
    );
    assert_eq!(a[1].byline.reporters, ["张三"]);
    assert_eq!(a[2].byline.reporters, ["赵刚"]);
    let heads: Vec<&str> = a[2]
        .blocks
        .iter()
        .filter(|b| b.kind == jianbao::BlockType::Heading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(heads, ["智能化改造提升效率", "绿色化转型成效明显"]);
    assert_eq!(a[3].byline.photographers, ["李贺"]);
    assert_eq!(a[4].column.as_deref(), Some("简讯"));
}

const PAGE_E: &str = "人民日报 2023年11月21日 星期二 第4版\n\
责任编辑：刘 洋  版式设计：王 欣\n\
\n\
推动高质量发展\n\
全国制造业增加值连续十三年居世界首位\n\
——工业发展研究院新闻发言人答记者问\n\
\n\
本报北京11月20日电（记者 王 浩\n\
李明）工业发展研究院今天发布数\n\
据，我国制造业增加值连续十三年\n\
居世界首位，制造业规模持续扩大。\n\
\n\
新闻发言人表示，下一步将加快推\n\
进新型工业化，推动制造业高端化、\n\
智能化、绿色化发展。\n\
\n\
今年以来，各地制造业投资保持较\n\
快增长，高技术制造业投资增速明\n\
显高于全部投资。\n\
\n\
新华社北京11月20日电（记者 张\n\
三）国家统计局20日公布数据显示，\n\
前10个月全国规模以上工业增加值\n\
同比增长4.1%。\n\
\n\
统计局有关负责人分析，工业生产\n\
稳中有升，企业效益持续改善。\n\
\n\
前10个月规上工业增加值增长4.1%\n\
\n\
□ 本报记者 赵刚\n\
\n\
走进位于江苏苏州的一家智能工\n\
厂，机械臂有序运转，物流机器人\n\
穿梭往来。\n\
\n\
智能化改造提升效率\n\
\n\
“改造之后，生产效率提高了三成\n\
以上。”企业负责人介绍。\n\
\n\
绿色化转型成效明显\n\
\n\
企业通过光伏发电等方式，每年\n\
减少碳排放上万吨。\n\
\n\
智能工厂里的新变化\n\
\n\
新华社记者 李贺 摄\n\
图为工人在生产线上作业。\n\
\n\
简讯\n\
\n\
本报讯 近日，全国工商联召开会\n\
议，部署年底前重点工作。\n\
";

#[test]
fn a_bracketed_credit_closing_a_piece_is_its_last_words() {
    // At the end of the last paragraph or on a line of its own, as an
    // extractor broke it: text either way, not a byline.
    let p = page(
        "市总工会部署冬季送温暖\n\n本报讯 近日，市总工会召开会议，部署冬季送温暖工作。\n\
         会议要求各级工会做好困难会员帮扶。（记者 张三 通讯员 李四）\n\n\
         区工会开展职工运动会\n\n据新华社电 日前，某区工会举办职工运动会。\n（记者 王五）\n",
    );
    let a = &p.articles;
    assert_eq!(a.len(), 2);
    assert!(a[0].byline.reporters.is_empty() && a[0].byline.correspondents.is_empty());
    assert_eq!(
        a[0].blocks[1].text,
        "会议要求各级工会做好困难会员帮扶。（记者张三通讯员李四）"
    );
    assert!(a[1].byline.reporters.is_empty());
    assert_eq!(a[1].blocks.len(), 1);
    assert_eq!(
        a[1].blocks[0].text,
        "日前，某区工会举办职工运动会。（记者王五）"
    );
    assert_eq!(a[1].title.as_deref(), Some("区工会开展职工运动会"));
}

#[test]
fn a_names_only_credit_closes_its_news_item() {
    // The item ends with who wrote it in brackets; the text after it, its
    // headline printed elsewhere, is another piece's.
    let p = page(&format!(
        "{PARK_PIECE}\
         \n\
         城西新建社区书屋\n\
         \u{3000}本报讯 城西区近日在各街道新建\n\
         社区书屋十二家，藏书共计三万余\n\
         册，方便居民就近借阅图书。（王\n\
         五 赵六）\n\
         \n\
         \u{3000}春节将至，区文化馆组织书法家为\n\
         居民写春联，送出福字春联两千余\n\
         副，受到居民欢迎。\n",
    ));
    assert_eq!(p.articles.len(), 3, "{:#?}", summary(&p));
    assert_eq!(p.articles[1].blocks.len(), 1);
    assert!(p.articles[1].blocks[0].text.ends_with("。（王五赵六）"));
    assert!(p.articles[2].blocks[0].text.starts_with("春节将至"));
    // A bracket after a sentence inside a speech (`（掌声）`), the text after
    // it carrying the piece's words on, closes nothing.
    let p = page(&format!(
        "{PARK_PIECE}\
         \n\
         城西新建社区书屋\n\
         \u{3000}本报讯 城西区近日在各街道新建\n\
         社区书屋十二家，区长说，书屋要让\n\
         居民就近借阅图书。（掌声）\n\
         \n\
         \u{3000}区长说，社区书屋还将为居民借阅\n\
         图书开设夜间服务。\n",
    ));
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
}

#[test]
fn a_headline_across_columns_printed_inside_its_own_text_heads_it() {
    // OCR reads a headline set across the columns where the text flows
    // round it: a wide line, set apart, inside a sentence that carries on.
    let p = page(
        "本报讯（记者 王五）市交通委\n\
         昨天发布消息，本市今年将新开\n\
         通十二条公交线路，方便市民\n\
         出行。新线路主要覆盖城市新\n\
         建住宅区和产业园区，其中四\n\
         \n\
         本市今年新开通十二条公交线路方便市民出行\n\
         \n\
         条线路将在春节前投入运营。\n\
         据介绍，新线路均采用新能源\n\
         车辆，车内配备无障碍设施。\n",
    );
    assert_eq!(
        summary(&p),
        vec![(
            Kind::News,
            Some("本市今年新开通十二条公交线路方便市民出行"),
            Some("本报讯"),
            vec!["王五"],
            "市交通委昨天发布消息，本市今年将新开通十二条公交线路，方便市民出行。\
             新线路主要覆盖城市新建住宅区和产业园区，其中四条线路将在春节前投入运营。\
             据介绍，新线路均采用新能源车辆，车内配备无障碍设施。",
        )]
    );
}

#[test]
fn ocr_brackets_of_a_column_name_still_name_the_column() {
    // OCR reads `【` `】` as `[` `]` on either side, or loses the closing one.
    for name in ["[读书随笔】", "【读书随笔]", "[读书随笔]", "【读书随笔"] {
        let p = page(&format!(
            "{name}\n\
             \n\
             旧书的味道\n\
             \n\
             \u{3000}\u{3000}每到周末，我总爱去城南的旧书市场转一转，翻一翻那些泛黄的书页。\n\
             \u{3000}\u{3000}旧书里夹着前人的批注，读来别有一番滋味。\n\
             \n\
             市图书馆职工 林晓\n"
        ));
        let a = &p.articles[0];
        assert_eq!(a.column.as_deref(), Some("读书随笔"), "{name}");
        assert_eq!(a.title.as_deref(), Some("旧书的味道"), "{name}");
    }
}

#[test]
fn a_page_the_extractor_letter_spaced_reads_as_printed() {
    // Every glyph of every line set apart by a space, as some extractors
    // print letter-spaced type: the same articles as the unspaced page,
    // every range on the input as given.
    let plain = "城市公园新增健身步道\n\
                 本报讯（记者 王五）市园林\n\
                 绿化局昨天发布消息，今年\n\
                 全市公园将新增健身步道二\n\
                 十条，方便市民就近锻炼。\n\
                 据介绍，新步道多建在社区\n\
                 周边的公园里，每条长约两\n\
                 公里，沿途设有休息座椅。\n";
    let spaced: String = plain
        .lines()
        .map(|l| {
            let chars: Vec<String> = l.chars().map(String::from).collect();
            chars.join(" ") + "\n"
        })
        .collect();
    let (a, b) = (page(plain), page(&spaced));
    assert_eq!(summary(&b), summary(&a));
    assert_eq!(
        summary(&b),
        vec![(
            Kind::News,
            Some("城市公园新增健身步道"),
            Some("本报讯"),
            vec!["王五"],
            "市园林绿化局昨天发布消息，今年全市公园将新增健身步道二十条，方便市民就近锻炼。\
             据介绍，新步道多建在社区周边的公园里，每条长约两公里，沿途设有休息座椅。",
        )]
    );
    let utf16: Vec<u16> = spaced.encode_utf16().collect();
    let title = b.articles[0].title_spans[0];
    assert_eq!(
        String::from_utf16(&utf16[title[0] as usize..title[1] as usize]).unwrap(),
        "城 市 公 园 新 增 健 身 步 道"
    );
}

#[test]
fn headline_wrapped_in_a_narrow_box_across_blank_lines_joins_on_a_word_of_its_body() {
    // The headline's box is narrower than the column and the extractor set
    // blank lines between its lines; the word its first wrap broke (`今⏎日`)
    // stands whole in the body, far below.
    let body = "本报讯 城市公园文化节昨天\n上午开幕，来自全市各区的数\n千名市民参加了开幕式。活动\n\
                现场设有书画展区、手工体验\n区和非遗展示区，吸引了众多\n市民驻足观看。据主办方介绍\n\
                ，本届文化节为期一个月，共\n安排演出、展览和讲座等三十\n余场活动，所有活动均向市民\n\
                免费开放。主办方还在公园东\n门设立了咨询服务台，为市民\n提供活动日程查询和志愿讲解\n\
                服务。不少市民表示，家门口\n的文化活动丰富了业余生活。\n一位带着孩子前来的市民说，\n\
                孩子在手工体验区学会了剪纸\n，玩得十分开心。主办方表示\n，今日起每天上午九时至下午\n\
                五时，各展区均有专人值守。\n";
    let p = page(&format!(
        "城市公园文化节今\n\n日开幕数千市民\n\n参加活动\n\n{body}"
    ));
    assert_eq!(p.articles.len(), 1);
    let a = &p.articles[0];
    assert_eq!(a.kicker, None);
    assert_eq!(
        a.title.as_deref(),
        Some("城市公园文化节今日开幕数千市民参加活动")
    );
}

#[test]
fn a_numbered_subhead_wrapped_at_the_columns_width_stays_inside_its_piece() {
    // A feature in 20-cell columns; its numbered subheads (`一、…`, `二、…`)
    // wrap onto a second line. A numbered section heads a part of the
    // piece it stands in, never a new piece, whatever the words below.
    let p = page(&format!(
        "{FEATURE_OPENING}\
         这些社区是如何做到的？记者在采访中发\n现，它们在社区防控中有一个共同点：行动早\n\
         ，动员早，服务早。\n\
         一、登记工作开展得早，居民群众主\n动配合排查\n\
         东风社区的工作人员告诉记者，社区防控\n工作开展以来，社区提前一周入户登记，居民\n\
         群众主动配合，全社区至今无一例感染。\n\
         社区还为行动不便的老人代购药品和生活\n物资，居民们都说，社区志愿队员是大家的贴\n\
         心人。\n\
         二、服务保障跟得上，行动不便的老\n人有人照顾\n\
         年过八旬的张大爷独自在家，他的药品和\n蔬菜都由志愿者按时送到门口，他说这样的日\n\
         子过得踏实又安心，社区就是他的家。\n"
    ));
    let blocks = one_feature_blocks(&p, "社区防控一线见闻");
    let starts = [
        (BlockType::Paragraph, "连日来，记者"),
        (BlockType::Paragraph, "这些社区是如"),
        (BlockType::Heading, "一、登记工作"),
        (BlockType::Paragraph, "东风社区的工"),
        (BlockType::Paragraph, "社区还为行动"),
        (BlockType::Heading, "二、服务保障"),
        (BlockType::Paragraph, "年过八旬的张"),
    ];
    assert_eq!(blocks, starts.map(|(k, t)| (k, t.to_string())));
    assert_eq!(
        p.articles[0].blocks[2].text,
        "一、登记工作开展得早，居民群众主动配合排查"
    );
}

/// A page of `body` under a page head: its date line and edition.
fn page_under_head(body: &str) -> Page {
    page(&format!("2024年1月5日 星期五\n\n第3版\n\n{body}"))
}

/// A page of two stories under two stacked headlines, `upper` over the
/// port report's: the report's text, then the upper story's.
fn stacked_stories(upper: &str) -> Page {
    page_under_head(&format!("{upper}\n\n港口吞吐量创新高\n\n{STACKED_TEXT}"))
}

/// The port report's text, then a story of old books' repairers.
const STACKED_TEXT: &str = "本报讯 记者王五报道：今年以来，本市港口\n\
         货物吞吐量持续增长，全年吞吐量突破三亿\n\
         吨，创历史新高。集装箱吞吐量同比增长一\n\
         成，新开通国际航线十二条。\n\
         \n\
         港口负责人介绍，新建的自动化码头投入使\n\
         用后，装卸效率提高三成，船舶在港停留时\n\
         间明显缩短，港口吞吐量有望继续增长。\n\
         \n\
         据了解，港区还将建设两个深水泊位，配套\n\
         建设铁路专用线和物流园区，进一步提升集\n\
         疏运能力，明年货物吞吐量预计再增一成。\n\
         \n\
         港口所在的新区今年引进物流企业二十余家，\n\
         带动就业岗位五千多个，港城融合发展的格\n\
         局正在形成。\n\
         \n\
         新年前夕，市图书馆古籍修复室里依然忙碌。\n\
         修复师李某正在修补一册清代刻本，书页上\n\
         的虫蛀和霉斑要一点点清理，古籍修复是一\n\
         门慢功夫。\n\
         \n\
         李某说，一册古籍修复往往要几个月，修复\n\
         师的新年常常在修复室里度过，能让古籍重\n\
         新与读者见面，就是最好的新年礼物。\n\
         \n\
         修复室里摆满了毛笔、浆糊和各色宣纸，墙\n\
         上挂着修复前后的对照照片。几年来，修复\n\
         师们已经修好了上千册古籍，还带出了一批\n\
         年轻的修复师。\n\
         \n\
         今年，古籍修复室还开设了公益课堂，每月邀\n\
         请市民走进修复室，了解古籍修复的工序，\n\
         亲手体验装订和补书，报名的市民络绎不绝。\n";

#[test]
fn two_headlines_stacked_over_two_stories_read_in_turn_head_one_each() {
    // pdfminer read both headline boxes first, then the second story's
    // text, then the first's: the run that holds the first headline's
    // words, from where the story changes, is that headline's piece.
    let p = stacked_stories("古籍修复师的新年");
    let heads: Vec<(Option<&str>, Option<&str>)> = p
        .articles
        .iter()
        .map(|a| (a.title.as_deref(), a.blocks.first().map(|b| &b.text[..12])))
        .collect();
    assert_eq!(
        heads,
        [
            (Some("港口吞吐量创新高"), Some("今年以来")),
            (Some("古籍修复师的新年"), Some("新年前夕")),
        ],
        "{:#?}",
        summary(&p)
    );
}

#[test]
fn a_deck_under_a_title_that_sums_up_a_reports_second_half_cuts_nothing() {
    // The deck's words come back only in the report's last paragraphs, a
    // new scene: a deck under its title, not another story's headline.
    let p = page_under_head(
        "全县春耕备耕有序推进\n\
         \n\
         金穗农机合作社带动千户增收\n\
         \n\
         本报讯 记者吴青报道：连日来，全县各乡镇\n\
         抢抓农时，春耕备耕工作有序推进。目前已\n\
         储备化肥两万吨、良种一千余吨，各类农资\n\
         供应充足，价格总体平稳。\n\
         \n\
         县农业农村局组织技术人员深入田间地头，\n\
         指导农户做好土壤墒情监测和病虫害防治，\n\
         确保春播顺利开展。全县计划播种面积比去\n\
         年略有增加，粮食生产稳中有进。\n\
         \n\
         各乡镇还开展了农资打假专项行动，对种子\n\
         化肥农药经营门店逐一检查，严防假冒伪劣\n\
         农资坑农害农，切实保障农户的合法权益。\n\
         \n\
         与此同时，水利部门加紧检修灌溉渠道和泵\n\
         站，清理沟渠淤泥三万余方，为春灌提供保\n\
         障。气象部门也加密了天气预报频次。\n\
         \n\
         在东河镇，金穗农机合作社的院子里停满了\n\
         拖拉机和插秧机。合作社理事长钱守田说，\n\
         合作社去年为周边一千多户农民提供托管服\n\
         务，每户平均增收三千多元。\n\
         \n\
         钱守田介绍，合作社实行统一耕种、统一管\n\
         理、统一收割，农民把土地托管给合作社后，\n\
         可以外出务工，收入翻了一番。合作社还吸\n\
         纳了四十多名村民常年在社里上班。\n\
         \n\
         今年，金穗合作社又添置了六台无人植保机，\n\
         托管面积预计扩大到两万亩，带动的农户将\n\
         超过一千五百户，增收的路子越走越宽。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    assert_eq!(
        p.articles[0].subtitle.as_deref(),
        Some("金穗农机合作社带动千户增收")
    );
}

/// The blocks of a feature in 20-cell columns (paragraphs start two cells
/// short) whose subhead, one cell too long for the column, leaves its end
/// on a line of its own: `subhead` is its two lines.
fn feature_with_wrapped_subhead(subhead: &str) -> Vec<(BlockType, String)> {
    let p = page(&format!(
        "{FEATURE_OPENING}\
         这些社区是如何做到的？记者在采访中发\n现，它们在社区防控中有一个共同点：行动早\n\
         ，动员早，服务早。\n\
         {subhead}\n\
         东风社区的工作人员告诉记者，社区防控\n工作开展以来，社区提前一周入户登记，居民\n\
         群众主动配合，全社区至今无一例感染。\n\
         社区还为行动不便的老人代购药品和生活\n物资，居民们都说，社区志愿队员是大家的贴\n\
         心人。\n"
    ));
    one_feature_blocks(&p, "社区防控一线见闻")
}

#[test]
fn a_subhead_wrapped_onto_a_glyph_of_its_own_stays_inside_its_feature() {
    // The text under the subhead carries on the words of the text above,
    // so the piece goes on. The wrap may hold one glyph alone, or one with
    // the marks that close the quote the subhead opened (`…零感⏎染！”`):
    // marks are no glyphs of a wrapped line.
    let starts = [
        (BlockType::Paragraph, "连日来，记者"),
        (BlockType::Paragraph, "这些社区是如"),
        (BlockType::Heading, "登记早！东风"),
        (BlockType::Paragraph, "东风社区的工"),
        (BlockType::Paragraph, "社区还为行动"),
    ]
    .map(|(k, t)| (k, t.to_string()));
    for subhead in [
        "登记早！东风社区：提前入户登记，零感\n染",
        "登记早！东风社区：“提前入户登记，零感\n染！”",
    ] {
        assert_eq!(feature_with_wrapped_subhead(subhead), starts, "{subhead}");
    }
}

#[test]
fn a_subhead_wrapped_over_two_lines_of_the_pieces_words_stays_inside_its_feature() {
    // Its second line holds more than a glyph or two; its words come from
    // the text above, and the text under it carries those words on.
    let starts = [
        (BlockType::Paragraph, "连日来，记者"),
        (BlockType::Paragraph, "这些社区是如"),
        (BlockType::Heading, "登记早！社区"),
        (BlockType::Paragraph, "东风社区的工"),
        (BlockType::Paragraph, "社区还为行动"),
    ]
    .map(|(k, t)| (k, t.to_string()));
    let subhead = "登记早！社区网格员提前入户，居民\n群众主动配合";
    assert_eq!(feature_with_wrapped_subhead(subhead), starts);
}

#[test]
fn a_feature_whose_first_subhead_cuts_off_its_opening_stays_one_article() {
    // The opening (two paragraphs) shares no word with the subhead under
    // it, so segmentation cuts there; the headline above the opening finds
    // its words under the subhead, and placement gives it the text there
    // (pass 7c).
    let p = page(&format!(
        "{PARK_PIECE}\
         某地日记：城南水厂不\n\
         能断水！\n\
         \u{3000}一户人家每天用水不过半吨，旱\n\
         季也不过一吨，一座县城的全部居民\n\
         每天要用多少吨水？\n\
         答案是：六万吨！\n\
         一天送出九百车\n\
         \u{3000}2月29日，我和同事驱车来到城南\n\
         水厂。“旱情持续以后，各乡镇用\n\
         水量是平日峰值的十倍还多，我们\n\
         一天送出九百车清水，断水的事一\n\
         刻也不能发生。”水厂负责人说。\n\
         \u{3000}为了保障供水，城南水厂的司机们\n\
         连续工作，每天往返乡镇十多趟，把\n\
         清水送到村民家门口，不能断水。\n",
    ));
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let a = &p.articles[1];
    assert_eq!(a.title.as_deref(), Some("某地日记：城南水厂不能断水！"));
    assert_eq!(a.subtitle, None);
    let blocks: Vec<(BlockType, String)> = a
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.chars().take(6).collect()))
        .collect();
    let expected = [
        (BlockType::Paragraph, "一户人家每天"),
        (BlockType::Paragraph, "答案是：六万"),
        (BlockType::Heading, "一天送出九百"),
        (BlockType::Paragraph, "2月29日，"),
        (BlockType::Paragraph, "为了保障供水"),
    ]
    .map(|(k, t)| (k, t.to_string()));
    assert_eq!(blocks, expected);
}

#[test]
fn display_type_inside_the_text_of_a_piece_without_a_headline_heads_it() {
    // The second piece opens with its byline, no headline above it; its
    // headline stands inside its first paragraph, which runs on below it
    // (`…堤防巡查⏎⏎全面动员…⏎⏎的队员…`), and the text under it carries
    // the piece's words on: the piece's headline, not a subhead.
    let p = page(&format!(
        "{PARK_PIECE}\
         \n\
         □ 本报记者 张三\n\
         \u{3000}近日，某区水务局开展防汛大巡查，\n\
         走访沿江堤防和泵站的值守人员，为\n\
         他们送去雨具防汛物资和慰问金，向\n\
         全区各部门值守人员特别是堤防巡查\n\
         \n\
         全面动员迎战汛期考验\n\
         \n\
         的队员和泵站职工表示感谢和慰问。\n\
         \u{3000}该区水务局还为沿江各堤防和泵站的\n\
         值守人员送去雨具、防汛物资等，受\n\
         到了值守人员们的欢迎。\n",
    ));
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let a = &p.articles[1];
    assert_eq!(a.title.as_deref(), Some("全面动员迎战汛期考验"));
    assert_eq!(a.byline.reporters, ["张三"]);
    assert_eq!(a.blocks.len(), 2);
    assert!(a.blocks.iter().all(|b| b.kind == BlockType::Paragraph));
    assert!(a.blocks[0]
        .text
        .ends_with("堤防巡查的队员和泵站职工表示感谢和慰问。"));
}

#[test]
fn display_type_inside_a_column_pieces_text_is_its_title() {
    // A column's piece: the column's name over it, no headline. Display
    // type stands inside its paragraph (`…社区里的⏎⏎街巷书香满社区⏎⏎书屋，…`),
    // its words the piece's: the piece's title, not a subhead.
    let p = page(&format!(
        "{PARK_PIECE}\
         \n\
         【城市茶座】\n\
         \n\
         \u{3000}近几年，本市不少街巷建起了书屋，\n\
         居民下楼就能借到书，孩子放学后也\n\
         有了看书写作业的去处。书屋多由社\n\
         区腾出闲置房间改建，志愿者轮流值\n\
         守，藏书来自居民捐赠。社区里的\n\
         \n\
         街巷书香满社区\n\
         \n\
         书屋，已经成了邻里见面的地方。\n\
         \u{3000}书香不只留在屋里。每到周末，\n\
         老人们在门口下棋，年轻人在院里\n\
         办起小型讲座，邻里之间熟络多了。\n",
    ));
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let a = &p.articles[1];
    assert_eq!(a.column.as_deref(), Some("城市茶座"));
    assert_eq!(a.title.as_deref(), Some("街巷书香满社区"));
    assert!(a.blocks.iter().all(|b| b.kind == BlockType::Paragraph));
    assert_eq!(a.blocks.len(), 2, "{:#?}", a.blocks);
}

#[test]
fn a_caption_a_triangle_opens_runs_as_text_inside_its_piece() {
    // Copy published online marks a picture's or a video's caption in the
    // text with a triangle; wrapped over two lines, it is neither a
    // headline nor the start of another piece.
    let p = page(
        "市区新建三座口袋公园\n\
         本报讯 市园林部门近日在老城\n区新建三座口袋公园，为周边居\n民提供休闲去处。三座公园分别\n位于老城区的东、西、北三个片\n区，总面积约一万平方米，于今\n年春季开工建设。\n\
         △视频：市民在新建的口袋公园\n里散步健身\n\
         公园内设有健身步道和儿童游乐\n设施，受到周边居民欢迎。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    let a = &p.articles[0];
    assert_eq!(a.title.as_deref(), Some("市区新建三座口袋公园"));
    let texts: Vec<&str> = a.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "市园林部门近日在老城区新建三座口袋公园，为周边居民提供休闲去处。\
             三座公园分别位于老城区的东、西、北三个片区，总面积约一万平方米，于今年春季开工建设。",
            "△视频：市民在新建的口袋公园里散步健身",
            "公园内设有健身步道和儿童游乐设施，受到周边居民欢迎。",
        ]
    );
}

#[test]
fn a_headline_wrapped_through_a_count_onto_an_exclamation_is_one_title() {
    // Paragraphs start two cells short of a 12-cell column. The headline
    // wraps twice: once after a number (its digits print wider than they
    // measure), once before the number's measure word and the `！` that
    // ends it; its middle line short of the column, or two cells short,
    // as a paragraph's first line is.
    for middle in ["名单，新增128", "名单，全市新增社区128"] {
        let p = page(&format!(
            "本报讯 市园林部门近日在\n老城区新建三座口袋公园，为\n周边居民提供休闲去处。\n\
             三座公园分别位于老城\n区的东、西、北三个片区，\n总面积约一万平方米。\n\
             公园内设有健身步道和\n儿童游乐设施，受到周边居\n民的欢迎。\n\
             本市公布最新文明社区\n{middle}\n个！\n\
             本市近日公布最新一批\n文明社区名单，全市新增文\n明社区128个。\n\
             文明社区评选每年举行\n一次，今年共有三百多个社\n区参评。\n"
        ));
        let title = format!("本市公布最新文明社区{middle}个！");
        let titles: Vec<Option<&str>> = p.articles.iter().map(|a| a.title.as_deref()).collect();
        assert_eq!(titles, [None, Some(title.as_str())]);
        let a = &p.articles[1];
        assert_eq!((a.kicker.as_deref(), a.subtitle.as_deref()), (None, None));
        assert!(a.blocks[0].text.starts_with("本市近日公布"));
    }
}

#[test]
fn a_page_head_printed_mid_text_ends_the_piece_above_it() {
    // An extractor printed the next page's head (its date and editor
    // lines) between two pieces; the piece below it has no dateline and
    // shares no words with the report above.
    let p = page(
        "本市新开通十二条公交线路\n\n\
         本报讯（记者 张三）市交通委昨天发布\n消息，本市今年将新开通十二条公交线\n\
         路，方便市民出行。新线路主要覆盖新\n建住宅区和产业园区。\n\n\
         2021年9月7日 星期二\n\n责任编辑：王五\n\n\
         傍晚时分，老街坊们聚在社区小广场上\n聊起这几年的新变化，说起加装的电梯\n\
         和新修的花园，大家都笑得合不拢嘴。\n\n\
         住在三楼的李大妈说，社区小广场修好\n以后，街坊们有了聊天的好去处。\n",
    );
    let bodies: Vec<String> = p
        .articles
        .iter()
        .map(|a| a.blocks.iter().map(|b| b.text.as_str()).collect())
        .collect();
    assert_eq!(bodies.len(), 2, "{bodies:#?}");
    assert!(bodies[0].ends_with("产业园区。"), "{bodies:#?}");
    assert!(bodies[1].starts_with("傍晚时分"), "{bodies:#?}");
}

#[test]
fn a_bracketed_aside_alone_on_a_line_inside_a_sentence_does_not_end_it() {
    let p = page(
        "本报讯 市总工会近日\n印发《关于加强职工队伍\n建设的实施意见》，全文\n（以下简称《意见》）\n\
         共五个部分二十条，明确\n了今后五年全市职工队伍\n建设的目标任务。\n\
         \u{3000}\u{3000}《意见》提出，今后\n五年全市职工队伍的素质\n将明显提升，职工的权益\n将得到更好的维护。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    let texts: Vec<&str> = p.articles[0]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        texts,
        [
            "市总工会近日印发《关于加强职工队伍建设的实施意见》，全文（以下简称《意见》）\
             共五个部分二十条，明确了今后五年全市职工队伍建设的目标任务。",
            "《意见》提出，今后五年全市职工队伍的素质将明显提升，职工的权益将得到更好的维护。",
        ]
    );
}

#[test]
fn a_credit_in_brackets_alone_under_a_sentences_end_closes_the_paragraph() {
    // The credit closes the piece; the short lines under it are the next
    // piece's headline, not the credit's sentence carried on.
    let p = page(
        "本报讯 市园林部门近日在老城\n区新建三座口袋公园，为周边居\n民提供休闲去处。三座公园分别\n\
         位于老城区的东、西、北三个片\n区，总面积约一万平方米。\n（作者王五，李四译）\n\
         市区新开\n通三条公\n交线路\n\
         本报讯 市交通委昨天发布消息，\n本市今年将新开通三条公交线路\n，方便市民出行。\n",
    );
    let titles: Vec<Option<&str>> = p.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        [None, Some("市区新开通三条公交线路")],
        "{:#?}",
        summary(&p)
    );
}

#[test]
fn triangles_before_short_phrases_mark_subheads() {
    let p = page(&format!(
        "{FEATURE_OPENING}\
         ▲登记早 服务早\n\
         东风社区的工作人员告诉记者，社区防控\n工作开展以来，社区提前一周入户登记，居民\n\
         群众主动配合，全社区至今无一例感染。\n\
         ▲代购忙 暖人心\n\
         社区还为行动不便的老人代购药品和生活\n物资，居民们都说，社区志愿队员是大家的贴\n心人。\n"
    ));
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    let kinds: Vec<BlockType> = p.articles[0].blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockType::Paragraph,
            BlockType::Heading,
            BlockType::Paragraph,
            BlockType::Heading,
            BlockType::Paragraph
        ]
    );
}

#[test]
fn a_headline_under_a_sentence_cut_at_the_column_stays_a_headline() {
    // The column broke mid-sentence right above the next piece's headline
    // and dateline; the headline is no paragraph's tail.
    let p = page(
        "本报讯 市园林部门近日在老城\n区新建三座口袋公园，为周边居\n民提供休闲去处。三座公园分别\n\
         位于老城区的东、西、北三个片\n区，总面积约一万平方米，常年\n被外地企业包揽的园林设计局面\n\
         航站扩建通过验收\n\
         本报讯 记者昨天从市机场集团\n获悉，机场航站扩建工程日前通\n过竣工验收。\n",
    );
    let titles: Vec<Option<&str>> = p.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(titles, [None, Some("航站扩建通过验收")]);
}

#[test]
fn a_diarys_dated_entries_stay_one_piece() {
    // Dates alone are no page's head: the entries they open go on the
    // piece above them.
    let p = page(
        "方舱医院里的护士日记\n\n本报记者 张三\n\n2020年2月10日 星期一\n\n\
         今天是我进入方舱医院的第一天，穿上\n防护服的那一刻，心里还是有些紧张。\n\n\
         2020年2月11日 星期二\n\n\
         凌晨三点，一位老奶奶拉着我的手说睡\n不着，我陪她聊了很久，直到她睡去。\n\n\
         2020年2月12日 星期三\n\n\
         下班回到驻地，收到女儿发来的视频，\n她说妈妈是英雄，我忍不住哭了。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    assert_eq!(p.articles[0].blocks.len(), 3);
}

#[test]
fn a_feature_filed_under_its_title_has_no_dateline() {
    // Agencies file a feature (通讯) as `…电 题：<title>`: the filing line
    // opens the feature's text and dates no report.
    let p = page(
        "春耕正当时\n——某地春耕生产见闻\n\n新华社某地5月3日电 题：春耕正当时——某地春耕生产见闻\n\n\
         记者走进田间地头，看到农民正在抢抓农时播种。今年当地粮食播种面积稳中有增。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::Feature);
    assert_eq!(a.dateline, None);
    assert_eq!(a.title.as_deref(), Some("春耕正当时"));
    assert!(a.blocks[0]
        .text
        .starts_with("新华社某地5月3日电题：春耕正当时"));
    // Right under another piece's text, it opens a piece of its own.
    let p = page(
        "区职工运动会开幕

本报讯 某区职工运动会日前开幕，千余名职工参赛。
         新华社某地5月3日电 题：春耕正当时
         记者走进田间地头，看到农民正在抢抓农时播种。今年当地粮食播种面积稳中有增。
",
    );
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    assert_eq!(p.articles[1].kind, Kind::Feature);
    assert!(p.articles[1].blocks[0]
        .text
        .starts_with("新华社某地5月3日电题：春耕正当时"));
}

#[test]
fn a_diary_entrys_dateline_heads_an_entry_inside_the_diary() {
    // A diary in 20-cell columns: each entry opens with its dateline (a
    // date, then the lunar date and the weather) and who wrote it, set as
    // display lines. They head an entry of the diary, not a new piece.
    let p = page(&format!(
        "{FEATURE_OPENING}\
         这些社区是如何做到的？记者在采访中发\n现，它们在社区防控中有一个共同点：行动早\n\
         ，动员早，服务早。\n\
         3月5日，农历二月十二，晴\n\
         张小山 某区社区工作者\n\
         今天一早，我们就来到小区门口。\n\
         小区门口的测温点前排起了长队，居民\n们自觉保持距离，依次登记，没有一个人抱怨\n\
         ，大家都很配合。\n\
         下午，我们给独居老人送去了蔬菜和药\n品，老人们连声道谢，让我们心里暖暖的，这\n\
         一天过得很充实。\n"
    ));
    let blocks = one_feature_blocks(&p, "社区防控一线见闻");
    let starts = [
        (BlockType::Paragraph, "连日来，记者"),
        (BlockType::Paragraph, "这些社区是如"),
        (BlockType::Heading, "3月5日，农"),
        (BlockType::Paragraph, "今天一早，我"),
        (BlockType::Paragraph, "小区门口的测"),
        (BlockType::Paragraph, "下午，我们给"),
    ];
    assert_eq!(blocks, starts.map(|(k, t)| (k, t.to_string())));
}

/// A feature whose headline names what its second section tells, under a
/// subhead that names none of it; then a photo with its caption and
/// credit under a headline of its own.
const FEATURE_WITH_TITLE_ECHO: &str = "城郊小区防控一线见闻\n\
     连日来，记者走访了城郊的几个小区，看到\n工作人员坚守岗位，居民群众都主动配合，各\n\
     项工作有序开展。\n\
     记者注意到，每个小区门口都设有测温点\n，进出的居民要登记信息，外来车辆一律不\n得入内。\n\
     我们都是守门人\n\
     东风小区地处城郊，三栋楼住着二百多户\n人家，防控一线的志愿者每天清晨七点就上\n\
     岗，为出门买菜的住户测量体温，登记去向\n。\n\
     志愿者老周今年六十五岁，他说自己身体\n硬朗，能为大家做点事心里踏实。\n\
     冰雕迎新春\n\
     新年来临，城北儿童公园给小朋友备好了一\n份特别的礼物——冰雕乐园。\n\
     本报记者 王小川 摄\n";

#[test]
fn a_line_that_says_nothing_of_the_text_the_headline_names_is_a_subhead() {
    // `我们都是守门人` shares no word with the text around it; the piece's
    // headline (`…小区防控一线…`) names what the text under it tells: the
    // piece goes on under a subhead.
    let p = page(FEATURE_WITH_TITLE_ECHO);
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let a = &p.articles[0];
    assert_eq!(a.title.as_deref(), Some("城郊小区防控一线见闻"));
    let kinds: Vec<BlockType> = a.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            BlockType::Paragraph,
            BlockType::Paragraph,
            BlockType::Heading,
            BlockType::Paragraph,
            BlockType::Paragraph
        ]
    );
    assert_eq!(a.blocks[2].text, "我们都是守门人");
}

#[test]
fn a_caption_with_its_credit_under_a_headline_is_its_own_piece_after_a_subheaded_feature() {
    // The feature above has had a subhead, so display lines in it are
    // subheads; a caption closed by its photo credit is a photo's piece
    // all the same.
    let p = page(FEATURE_WITH_TITLE_ECHO);
    let photo = p.articles.last().unwrap();
    assert_eq!(photo.kind, Kind::Photo);
    assert_eq!(photo.title.as_deref(), Some("冰雕迎新春"));
    assert_eq!(photo.byline.photographers, ["王小川"]);
    assert!(photo.blocks[0].text.starts_with("新年来临"));
}

#[test]
fn a_feature_filed_under_its_title_runs_subheads_of_two_lines() {
    // An agency files a feature (通讯) as `…电 题：<title>`; such a piece
    // runs subheads, here one over two lines of its 22-cell column.
    let para1 = "目前，在春季招聘的关键阶段，某市正在形成\n\
                 线上招聘、线下对接、定向培训的三级服务体系，\n企业用工缺口正在填补。\n";
    let para2 = "截至3月5日，某市线上平台累计发布岗位一\n\
                 万二千个，其中制造业岗位五千个，服务业岗位四\n千个。\n";
    let p = page(&format!(
        "稳就业，保民生，促发展\n——某市春季招聘工作追踪\n\
         新华社某市3月6日电题：稳就业，保民生，\n促发展——某市春季招聘工作追踪\n\
         {}\
         开通线上招聘平台，增派就业指导人员，尽\n最大努力帮企业招到人，尽最大努力帮群众\n\
         {}",
        para1.repeat(3),
        para2.repeat(3)
    ));
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    let a = &p.articles[0];
    assert_eq!(a.kind, Kind::Feature);
    assert_eq!(a.blocks.len(), 8);
    assert_eq!(a.blocks[4].kind, BlockType::Heading);
    assert_eq!(
        a.blocks[4].text,
        "开通线上招聘平台，增派就业指导人员，尽最大努力帮企业招到人，尽最大努力帮群众"
    );
}

#[test]
fn one_paragraph_a_line_each_indented_a_flush_line_is_a_headline() {
    // Text archives print a paragraph a line, each opening with two
    // ideographic spaces. A line set flush above one is a headline however
    // long, even one that asks; an indented line is a paragraph whatever it
    // ends with (`…人家；`).
    let p = page(
        "关爱职工 共建家园\n\n\
         注定，这是一段不寻常的日子：城郊小区的防控做得怎么样？\n\
         \u{3000}\u{3000}本报某市3月6日电（记者 张小山） 连日来，记者走访了城郊的几个小区，看到工作人员坚守岗位，居民群众都主动配合，各项工作有序开展。\n\
         \u{3000}\u{3000}东风小区，三栋楼住着二百多户人家；\n\
         \u{3000}\u{3000}西山小区，五栋楼住着四百多户人家；\n\
         \u{3000}\u{3000}截至3月5日，两个小区确诊0例，疑似0例\n\
         \u{3000}\u{3000}志愿者每天清晨七点就上岗，为出门买菜的住户测量体温，登记去向。\n\n\
         市图书馆下周起延长开放时间，周末读者可借阅新书\n\
         \u{3000}\u{3000}市图书馆从下周起延长开放时间，读者可在周末借阅新书。\n\
         \u{3000}\u{3000}图书馆还将增设自助借还机，方便读者。\n",
    );
    assert_eq!(p.banners, ["关爱职工 共建家园"]);
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let a = &p.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("注定，这是一段不寻常的日子：城郊小区的防控做得怎么样？")
    );
    assert_eq!(a.dateline.as_deref(), Some("本报某市3月6日电"));
    assert_eq!(a.byline.reporters, ["张小山"]);
    let starts: Vec<&str> = a.blocks.iter().map(|b| &b.text[..6]).collect();
    assert_eq!(starts, ["连日", "东风", "西山", "截至", "志愿"]);
    assert_eq!(
        p.articles[1].title.as_deref(),
        Some("市图书馆下周起延长开放时间，周末读者可借阅新书")
    );
}

#[test]
fn one_paragraph_a_line_a_long_line_opening_a_block_above_its_text_is_a_headline() {
    // No indents; blank lines part the pieces. A line longer than most
    // headlines that opens a block right above running text heads it (a
    // paragraph cut by a blank line has the blank after it).
    let p = page(
        "市图书馆下周起延长开放时间，周末读者可借阅新书\n\
         市图书馆从下周起延长开放时间，读者可在周末借阅新书。\n\
         图书馆还将增设自助借还机，方便读者。\n\n\
         城郊小区防控一线的志愿者每天清晨七点就上岗\n\
         东风小区地处城郊，三栋楼住着二百多户人家。\n\
         志愿者每天清晨七点就上岗，为出门买菜的住户测量体温。\n",
    );
    let titles: Vec<Option<&str>> = p.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("市图书馆下周起延长开放时间，周末读者可借阅新书"),
            Some("城郊小区防控一线的志愿者每天清晨七点就上岗")
        ]
    );
    assert_eq!(p.articles[1].blocks.len(), 2);
}

#[test]
fn a_page_header_of_date_weekday_in_brackets_and_staff_on_one_line() {
    let report = "\n市图书馆延长开放时间\n本报讯（记者 李大川） 市图书馆从下周起延长开放时间，读者可在周末借阅新书。\n";
    let p = page(&format!(
        "第3版 2020年9月18日（星期五） 责任编辑：张三{report}"
    ));
    assert_eq!(p.page.date.as_deref(), Some("2020-09-18"));
    assert_eq!(p.page.weekday.as_deref(), Some("星期五"));
    assert_eq!(staff(&p), [("责任编辑", "张三")]);
    assert_eq!(p.articles.len(), 1);
    assert_eq!(p.articles[0].title.as_deref(), Some("市图书馆延长开放时间"));
    // A masthead's date in Chinese numerals.
    let p = page(&format!("二〇二〇年九月十八日 星期五{report}"));
    assert_eq!(p.page.date.as_deref(), Some("2020-09-18"));
}

#[test]
fn rules_printed_between_pieces_part_them_and_hold_no_text() {
    let p = page(
        "市图书馆延长开放时间\n\
         本报讯（记者 李大川） 市图书馆从下周起延长开放时间，读者可在周末借阅新书。\n\
         图书馆还将增设自助借还机。\n\
         ——————————\n\
         城郊小区防控见闻\n\
         本报讯（记者 张小山） 连日来，记者走访了城郊的几个小区。\n\
         * * *\n\
         公园绿道今日开放\n\
         本报讯 城市公园绿道今日开放，市民可骑行游览。\n",
    );
    let texts: Vec<Vec<&str>> = p
        .articles
        .iter()
        .map(|a| a.blocks.iter().map(|b| b.text.as_str()).collect())
        .collect();
    assert_eq!(
        texts,
        [
            vec![
                "市图书馆从下周起延长开放时间，读者可在周末借阅新书。",
                "图书馆还将增设自助借还机。"
            ],
            vec!["连日来，记者走访了城郊的几个小区。"],
            vec!["城市公园绿道今日开放，市民可骑行游览。"],
        ]
    );
}

#[test]
fn a_headline_past_an_advertisement_opens_a_piece_even_after_subheads() {
    // The feature above runs numbered subheads, so display lines inside it
    // are subheads; past the ad, a headline heads a piece of its own.
    let p = page(
        "城郊小区防控见闻\n\
         连日来，记者走访了城郊的几个小区，看到工作人员坚守岗位。\n\
         一、登记工作开展得早\n\
         东风小区提前一周入户登记，居民群众主动配合。\n\n\
         广告\n\n\
         公园绿道今日开放\n\
         城市公园绿道今日开放，市民可骑行游览。\n",
    );
    let titles: Vec<Option<&str>> = p
        .articles
        .iter()
        .filter(|a| a.kind != Kind::Ad)
        .map(|a| a.title.as_deref())
        .collect();
    assert_eq!(titles, [Some("城郊小区防控见闻"), Some("公园绿道今日开放")]);
    assert_eq!(p.articles[0].blocks.len(), 3);
}

#[test]
fn a_stray_mark_ocr_set_apart_under_a_headline_is_no_text() {
    // `|` off a picture's edge, between the headline and the dateline.
    let head = "某国议会选出新一届议长\n\n";
    let body = "\n\n本报某地1月2日电 （记者 李大川） 某国议会今天选出新一届议长，\n任期五年。\n";
    let p = page(&format!("{head}|{body}"));
    let a = &p.articles[0];
    assert_eq!(a.title.as_deref(), Some("某国议会选出新一届议长"));
    assert_eq!((a.kicker.as_deref(), a.subtitle.as_deref()), (None, None));
    let json = serde_json::to_string(&p.articles).unwrap();
    assert!(!json.contains('|'), "{json}");
    // Letters are kept (an abbreviation set apart in another font), and a
    // mark that ends a sentence (a headline's end).
    for kept in ["CPI", "!"] {
        let p = page(&format!("{head}{kept}{body}"));
        let json = serde_json::to_string(&p.articles).unwrap();
        assert!(json.contains(kept) || json.contains('！'), "{json}");
    }
    // Marks printed right under a headline's line, or right over text,
    // are kept as printed there.
    let p = page(&format!("某国航空公司试飞新机型\n*{body}"));
    let json = serde_json::to_string(&p.articles).unwrap();
    assert!(json.contains('*'), "{json}");
    let p = page(&format!("{head}*\n{}", body.trim_start()));
    let json = serde_json::to_string(&p.articles).unwrap();
    assert!(json.contains('*'), "{json}");
}

#[test]
fn ocr_debris_off_a_picture_between_sentences_is_no_text_and_is_reported() {
    let debris = "人                 AM]一";
    let p = page(&format!(
        "市图书馆延长开放时间\n\
         本报讯（记者 李大川） 市图书馆从下周起延长开放时间，读者可在周末借阅新书。\n\n\
         {debris}\n\
         公园绿道今日开放\n\
         本报讯 城市公园绿道今日开放，市民可骑行游览。\n"
    ));
    let titles: Vec<Option<&str>> = p.articles.iter().map(|a| a.title.as_deref()).collect();
    assert_eq!(
        titles,
        [Some("市图书馆延长开放时间"), Some("公园绿道今日开放")]
    );
    assert!(p
        .articles
        .iter()
        .all(|a| a.blocks.iter().all(|b| !b.text.contains("AM"))));
    assert!(
        p.warnings.iter().any(|w| w.code == "ocr_debris"),
        "{:?}",
        p.warnings
    );
    // Inside a sentence it is what OCR read there, and stays.
    let p = page(&format!(
        "市图书馆延长开放时间\n\
         本报讯（记者 李大川） 市图书馆从下周起延长开放时间，读者可\n{debris}\n在周末借阅新书。\n"
    ));
    assert!(p.articles[0].blocks[0].text.contains("AM"));
}

#[test]
fn a_slogan_printed_inside_a_paragraph_opens_no_piece() {
    // OCR set the page's slogan (a couplet of two bare phrases) inside a
    // report's paragraph; the report's next paragraph shares few words
    // with the one above, and still goes on the report.
    let p = page(
        "本报讯记者陈某报道：日前，市交通部门\n宣布环城铁路改造工程已全部完成，线路全\n\
         长一百二十公里，沿线新建车站八座，此举\n改变了老城区长期不通铁路的局面，方便了\n\n\
         喜迎佳节 共创美好未来\n\n\
         周边群众出行。\n\n\
         据介绍，新线开通后将缩短两地间的行\n车时间，带动沿线经济发展，工程总投资\n\
         二十二亿元，其中地方配套资金十亿元。\n\n\
         环城铁路是本市交通规划的关键组成部\n分，也是老城区唯一一条快速轨道线路，\n\
         自三年前开工以来，已完成全部土建工程。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    assert_eq!(p.articles[0].blocks.len(), 3);
    assert_eq!(p.banners, ["喜迎佳节 共创美好未来"]);
}

#[test]
fn a_photos_headline_and_caption_printed_over_a_report_stay_off_it() {
    // OCR printed a photo's headline and the first line of its caption
    // (their words one story's) right above a report's own headline: the
    // report takes its headline only.
    let p = page(
        "某国某州某镇举\n行冰雕展览\n\n\
         某国某州的某镇近日举行冰雕展览\n\n\
         某某任组长！我市开展春季防汛工作应急演练攻关\n\n\
         为认真落实春季防汛工作要求，我市水务\n部门会同气象、交通、应急管理、住房建设等\n\
         部门和单位组建防汛应急演练攻关组，组织协\n调全市优势力量，全力做好春季防汛应急演\n练。\n\n\
         某日下午，市水务局副局长主持召开攻关\n组首次碰头会，各成员单位负责同志和有关专\n\
         家参加会议并对下一步演练项目进行研判，会\n议要求各单位尽快落实到位。\n\n\
         会议宣布，攻关组由某某任组长，成员包\n括水务、气象、交通等部门的专家，将于下月\n\
         完成全部演练任务，确保汛期安全。\n",
    );
    let heads: Vec<(Option<&str>, Option<&str>, Option<&str>)> = p
        .articles
        .iter()
        .map(|a| {
            (
                a.kicker.as_deref(),
                a.title.as_deref(),
                a.subtitle.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        heads,
        [(
            None,
            Some("某某任组长！我市开展春季防汛工作应急演练攻关"),
            None
        )],
        "{:#?}",
        summary(&p)
    );
}

#[test]
fn running_text_of_two_columns_on_one_line_is_no_banner() {
    // OCR read two columns' lines as one, far apart: phrases that carry
    // clause marks are running text, not the page's slogan.
    let text = "某某任组长！我市开展春季防汛工作应急演练攻关\n\n\
         为认真落实春季防汛工作要求，我市水务\n部门会同气象、交通、应急管理、住房建设等\n\
         部门和单位组建防汛应急演练攻关组，组织协\n调全市优势力量，全力做好春季防汛应急演\n练。\n\n\
         次日的朋友聚会散后，他原想为     吴某在信件里将除夕那天\n\n\
         某日下午，市水务局副局长主持召开攻关\n组首次碰头会，各成员单位负责同志和有关专\n\
         家参加会议并对下一步演练项目进行研判，会\n议要求各单位尽快落实到位。\n";
    let p = page(text);
    assert!(p.banners.is_empty(), "{:?}", p.banners);
    // Bare phrases in the same place are the page's slogan.
    let p = page(&text.replace(
        "次日的朋友聚会散后，他原想为     吴某在信件里将除夕那天",
        "喜迎佳节     共创美好未来",
    ));
    assert_eq!(p.banners, ["喜迎佳节 共创美好未来"]);
}

#[test]
fn a_source_note_under_a_headline_is_the_pieces_text() {
    // A reprint's source note, wrapped short of the column under the
    // headline, opens the piece's text: no subtitle.
    let p = page(
        "春节期间，那些两天为某市送出十万份\n年货的年轻人\n\n\
         本文转载自微信公众号：某某文明\n网（ID：xxwm）\n\n\
         今年春节前后的某市，他们募集\n捐赠十万份年货，然后组织志愿者发\n放，老人收到，都很感动。这群年轻\n\
         人说，能为家乡出一份力，是他们最\n大的心愿。\n\n\
         他们是一群年轻人，平均年龄不\n到三十岁，却在三天之内完成了从筹\n款到发放的全部工作，每一批口罩都\n\
         登记在册，接受社会监督。\n\n\
         据介绍，这批口罩已全部送到一\n线医护人员和社区工作者手中，受到\n各方好评，不少市民也自发加入了他\n\
         们的志愿者队伍。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    let a = &p.articles[0];
    assert_eq!(
        a.title.as_deref(),
        Some("春节期间，那些两天为某市送出十万份年货的年轻人")
    );
    assert_eq!(a.subtitle, None);
    assert!(a.blocks[0].text.starts_with("本文转载自"), "{:?}", a.blocks);
}

#[test]
fn a_full_line_under_the_banner_that_asks_above_an_indented_start_is_a_headline() {
    // Paragraphs start two cells short of the column; under the page's
    // banner, a line a little wider than the column and a short one that
    // ends in `？`, right above an indented start: no paragraph starts
    // full, so a headline.
    let p = page(
        "深化改革开放创新 奋力谱写首都发展新篇章\n\
         某某：暴雨过后，这座城的地下管道\n还要经受哪些考验？\n\
         昨天晚间，市防汛指挥部召开\n新闻发布会，截至当天晚上八点，\n全市累计降雨量已超过常年同期，\n\
         多处道路出现积水，相关部门连夜\n组织抢排。\n\
         就城市排水体系的短板和补齐\n办法等相关问题，本报记者专访了\n市水务研究院研究员某某。\n\
         某某：这次的降雨对于城市排\n水系统是一次大考，暴露出老城区\n管网标准偏低、泵站能力不足等问\n\
         题，需要尽快补上。\n\
         记者：老城区的管网改造难在\n哪里，下一步有什么打算，市民能\n做些什么，请您具体谈一谈。\n\
         某某：老城区里的道路窄、管\n线多，改造要和道路整治同步推进，\n今年将先完成十条主干道的管网\n\
         改造，市民们也可以通过热线反映\n积水点位。\n",
    );
    assert_eq!(p.articles.len(), 1, "{:#?}", summary(&p));
    assert_eq!(
        p.articles[0].title.as_deref(),
        Some("某某：暴雨过后，这座城的地下管道还要经受哪些考验？")
    );
    assert_eq!(p.articles[0].blocks.len(), 5);
}

#[test]
fn ocr_debris_between_a_caption_and_its_credit_is_no_caption_of_its_own() {
    // OCR reads a glyph or two off the photo's edge between its caption
    // and its credit (`工 ”`): the credit closes the caption above.
    let more = "步道沿湖而建，全长八公里，沿途设有\n十个休息点和两处观景台，每个休息点\n都配有座椅和饮水设施。\n";
    let p = page(&format!(
        "环湖步道全线开通\n\n本报讯 东湖公园今年新建的环湖步道\n昨天全线开通，市民可以沿湖散步、跑\n\
         步，步道两旁还种上了各色花木。\n{}\n老街灯会\n\n某镇近日举办元宵灯会，上百盏彩灯\n\
         挂满了老街两侧的屋檐，引来不少市民\n在桥头驻足观赏。\n\n工 ”\n\n新华社记者 王小川 摄\n",
        more.repeat(4)
    ));
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let photo = &p.articles[1];
    assert_eq!(photo.kind, Kind::Photo);
    assert_eq!(photo.title.as_deref(), Some("老街灯会"));
    assert_eq!(photo.byline.photographers, ["王小川"]);
    assert!(photo.blocks[0].text.starts_with("某镇近日"));
}

#[test]
fn a_signature_closes_the_piece_it_ends_even_one_read_on_from_a_report() {
    // The extractor read a column piece's text on after a report's last
    // paragraph, its headline printed elsewhere: the signature under it
    // still closes the piece, and names no author of the dated report.
    let p = page(&format!(
        "{PARK_PIECE}\
         \n\
         \u{3000}\u{3000}秋雨落在南湖的石桥上，石桥边\n\
         的老渔夫收起渔网，南湖的水面泛起\n\
         涟漪，远处的芦苇在风里轻轻摇晃。\n\
         \u{3000}\u{3000}老渔夫说，南湖的水养活了石桥\n\
         边的几代渔家，这是南湖好年景。\n\
         南湖区文化馆干部 柳岸\n\
         \n\
         城西新建社区书屋\n\
         \u{3000}本报讯 城西区近日在各街道新建\n\
         社区书屋十二家，方便居民借阅。\n",
    ));
    assert!(p.banners.is_empty(), "{:?}", p.banners);
    let signed: Vec<_> = p
        .articles
        .iter()
        .filter(|a| a.signature.is_some())
        .collect();
    assert_eq!(signed.len(), 1, "{:#?}", summary(&p));
    assert_eq!(
        signed[0].signature.as_deref(),
        Some("南湖区文化馆干部 柳岸")
    );
    assert!(signed[0].byline.authors.is_empty());
    assert_eq!(
        p.articles.last().unwrap().title.as_deref(),
        Some("城西新建社区书屋")
    );
}

#[test]
fn a_dated_opening_read_before_its_headline_joins_the_text_under_it() {
    // OCR read a report's dated lead before the headline printed across
    // the columns above it; the text under the headline carries the report
    // on, and the lead restates the headline's words.
    let p = page(&format!(
        "{PARK_PIECE}\
         \n\
         \u{3000}本报讯 （记者 王五）某市今年新\n\
         修绿道三十公里，沿河绿道全线贯\n\
         通，市民健身有了新去处。\n\
         \n\
         某市新修绿道三十公里方便市民健身出行\n\
         \n\
         \u{3000}据介绍，新修绿道全部采用透水\n\
         材料铺设，沿途设有驿站和休息座\n\
         椅，方便市民歇脚。\n",
    ));
    assert_eq!(p.articles.len(), 2, "{:#?}", summary(&p));
    let report = &p.articles[1];
    assert_eq!(
        report.title.as_deref(),
        Some("某市新修绿道三十公里方便市民健身出行")
    );
    assert_eq!(report.dateline.as_deref(), Some("本报讯"));
    assert_eq!(report.byline.reporters, ["王五"]);
    assert_eq!(report.blocks.len(), 2);
    assert!(report.blocks[1].text.starts_with("据介绍"));
}

#[test]
fn a_kicker_of_two_phrases_under_a_dated_report_is_no_signature() {
    // A place's name and a phrase, printed apart under a report and above
    // the next piece's headline: that piece's kicker, not a person signing
    // the report.
    let p = page(&format!(
        "{PARK_PIECE}\
         城南街道 新气象\n\
         \n\
         城西新建社区书屋\n\
         \u{3000}本报讯 城西区近日在各街道新建\n\
         社区书屋十二家，方便居民借阅。\n",
    ));
    assert!(
        p.articles.iter().all(|a| a.signature.is_none()),
        "{:#?}",
        summary(&p)
    );
}

#[test]
fn a_weekday_the_calendar_does_not_give_the_date_is_no_furniture() {
    // 2023年4月13日 was a Thursday: the `星期三` set apart under the header's
    // cells heads the essay below it, not the page's date.
    let p = page(
        "2023年4月13日\n责任编辑：王五\n\n星期三\n\n\
         \u{3000}\u{3000}星期三的早上，我照例去菜市场买菜，\n\
         市场里人来人往，十分热闹。\n",
    );
    assert_eq!(p.page.weekday, None);
    let p = page("2023年4月12日\n责任编辑：王五\n\n星期三\n\n某地新建书屋\n");
    assert_eq!(p.page.weekday.as_deref(), Some("星期三"));
}

#[test]
fn a_slogan_two_cells_short_over_a_headline_at_the_columns_width_is_the_pages() {
    // Two phrases printed apart, two cells short of the 12-cell column,
    // over a headline as wide as the column that runs straight into its
    // dateline: the page's slogan, no paragraph's first line.
    let column = "本报讯 某区总工会开展\n送清凉活动，走访慰问城区\n环卫作业班组成员，为他们\n\
                  送去防暑降温用品。\n该区还组织医护人员为\n一线职工义诊，发放常用药\n\
                  品，讲解夏季防病知识。\n";
    let p = page(&format!(
        "2024年1月5日 星期五\n第3版\n欢度新春 共建美丽家园\n画展《山水长卷》在京开幕\n\
         本报讯 一部反映山水\n画历史的大型画展近日在京\n开幕。\n\
         这次画展展出了古今山\n水画作品二百余幅，其中不\n少是首次公开展出的珍品。\n\
         城区新建两座口袋公园\n{column}{column}"
    ));
    assert_eq!(p.banners, ["欢度新春 共建美丽家园"]);
    assert_eq!(
        p.articles[0].title.as_deref(),
        Some("画展《山水长卷》在京开幕")
    );
}
