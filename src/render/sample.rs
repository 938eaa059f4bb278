//! A page with every part set, for the renderers' tests. Built from a parsed
//! page whose fields are then overwritten, so that it keeps compiling (and
//! means the same) as the model gains fields and the passes change.

use crate::{parse, BlockType, Kind, Options, Page, Staff};

pub(crate) fn sample_page() -> Page {
    let mut page = parse(
        "本报讯 近日，某车站职工自发完成了大幅剪纸画。\n",
        &Options::default(),
    );
    assert!(!page.articles.is_empty() && !page.articles[0].blocks.is_empty());
    page.page.date = Some("2019-04-19".into());
    page.page.weekday = Some("星期五".into());
    page.page.staff = vec![Staff {
        role: "本版编辑".into(),
        name: "林禾".into(),
    }];
    page.banners = vec!["学习 & 贯彻".into()];
    page.banner_spans = vec![vec![[0, 5]]];
    let mut news = page.articles[0].clone();
    let block = |kind: BlockType, text: &str, at: u32| {
        let mut block = news.blocks[0].clone();
        block.kind = kind;
        block.text = text.into();
        block.spans = vec![[at, at + 4]];
        block
    };
    let blocks = vec![
        block(BlockType::Paragraph, "第一段。", 10),
        block(BlockType::Heading, "一、缘起", 20),
        block(BlockType::Paragraph, "第二段。", 30),
        block(BlockType::Heading, "二、完成", 40),
    ];
    news.kind = Kind::News;
    news.column = None;
    news.kicker = Some("引题".into());
    news.title = Some("地铁职工学<剪纸>".into());
    news.subtitle = Some("副题".into());
    news.dateline = Some("本报讯".into());
    news.byline.reporters = vec!["张三".into()];
    news.byline.correspondents = vec!["李四".into()];
    news.byline.photographers = vec!["王五".into()];
    news.byline.authors = vec![];
    news.blocks = blocks;
    news.signature = None;
    news.spans = vec![[0, 50]];
    news.title_spans = vec![[0, 8]];
    let mut column = news.clone();
    column.kind = Kind::Column;
    column.column = Some("读者来信".into());
    column.kicker = None;
    column.title = Some("谢谢你们".into());
    column.subtitle = None;
    column.dateline = None;
    column.byline = Default::default();
    column.byline.authors = vec!["赵六".into()];
    column.blocks = vec![];
    column.signature = Some("职工 李四".into());
    page.articles = vec![news, column];
    page
}
