//! The Python module `jianbao`: a thin layer over [`jianbao::parse`],
//! [`jianbao::decode`] and [`jianbao::render`] that moves values between
//! Rust and Python objects. It holds no parsing logic.
//!
//! The page comes back as plain Python data (dicts, lists, str, int, None)
//! built through serde by `pythonize`, never by naming the page's fields
//! here, so `json.dumps(page, ensure_ascii=False, separators=(",", ":"))`
//! is byte for byte the JSON the CLI prints (`jianbao page.txt`, less its
//! final line break).
//!
//! Every function checks its arguments and reports bad input as `TypeError`
//! (a value of the wrong type) or `ValueError` (the right type, unusable:
//! undecodable bytes, a dict that is not a page, `threads=0`), with a message
//! that starts with the function's name; never a panic.

use std::borrow::Cow;

use jianbao::{Options, Page, SCHEMA};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyIterator, PyList, PyMemoryView, PyString, PyTuple,
};
use rayon::prelude::*;
use serde::Serialize;

/// Any serialisable value as Python data: structs and maps → dict (keys in
/// serde's order), sequences → list, `None` → None, unit enum variants → str.
fn to_py<'py, T: Serialize + ?Sized>(py: Python<'py>, value: &T) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value).map_err(|e| {
        PyValueError::new_err(format!("jianbao: cannot convert the result to Python: {e}"))
    })
}

/// The name of a value's type, for messages: `bytes`, `NoneType`, `list`.
fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_else(|_| "object".into())
}

/// A `str` argument. Lone surrogates (possible in a Python str, impossible
/// in UTF-8) become U+FFFD, one UTF-16 unit each, so spans stay in step.
fn text_arg(value: &Bound<'_, PyAny>, function: &str, what: &str) -> PyResult<String> {
    let text = value.cast::<PyString>().map_err(|_| {
        let hint = if value.is_instance_of::<PyBytes>() || value.is_instance_of::<PyByteArray>() {
            " (for raw bytes of unknown encoding use parse_bytes)"
        } else {
            ""
        };
        PyTypeError::new_err(format!(
            "{function}: {what} must be str, got {}{hint}",
            type_name(value)
        ))
    })?;
    Ok(match text.to_string_lossy() {
        Cow::Borrowed(text) => text.to_owned(),
        Cow::Owned(text) => text,
    })
}

/// A bytes-like argument: `bytes`, `bytearray` or `memoryview`.
fn bytes_arg(value: &Bound<'_, PyAny>, function: &str) -> PyResult<Vec<u8>> {
    if let Ok(bytes) = value.cast::<PyBytes>() {
        return Ok(bytes.as_bytes().to_vec());
    }
    if let Ok(array) = value.cast::<PyByteArray>() {
        return Ok(array.to_vec());
    }
    if value.is_instance_of::<PyMemoryView>() {
        let bytes = value.call_method0("tobytes")?;
        if let Ok(bytes) = bytes.cast::<PyBytes>() {
            return Ok(bytes.as_bytes().to_vec());
        }
    }
    let hint = if value.is_instance_of::<PyString>() {
        " (for text use parse)"
    } else {
        ""
    };
    Err(PyTypeError::new_err(format!(
        "{function}: data must be bytes, bytearray or memoryview, got {}{hint}",
        type_name(value)
    )))
}

/// A list-like argument: any iterable of `expected`. A single str, bytes or
/// dict (one item where a list of them belongs) is refused as such.
fn iter_arg<'py>(
    value: &Bound<'py, PyAny>,
    function: &str,
    what: &str,
    expected: &str,
) -> PyResult<Bound<'py, PyIterator>> {
    let wrong = |one: &str| {
        PyTypeError::new_err(format!(
            "{function}: {what} must be {expected}, got {one}{}",
            type_name(value)
        ))
    };
    if value.is_instance_of::<PyString>()
        || value.is_instance_of::<PyBytes>()
        || value.is_instance_of::<PyDict>()
    {
        return Err(wrong("one "));
    }
    value.try_iter().map_err(|_| wrong(""))
}

/// A page dict (as `parse` returns it) back as a [`Page`].
fn page_arg(value: &Bound<'_, PyAny>, function: &str) -> PyResult<Page> {
    if !value.is_instance_of::<PyDict>() {
        return Err(PyTypeError::new_err(format!(
            "{function}: page must be a dict as parse() returns it, got {}",
            type_name(value)
        )));
    }
    let page: Page = pythonize::depythonize(value)
        .map_err(|e| PyValueError::new_err(format!("{function}: not a jianbao page: {e}")))?;
    if page.schema != SCHEMA {
        return Err(PyValueError::new_err(format!(
            "{function}: unsupported page schema {:?} (expected {SCHEMA:?})",
            page.schema
        )));
    }
    Ok(page)
}

/// An optional str argument (`source`, `added`): str or None.
fn optional_text_arg(
    value: Option<&Bound<'_, PyAny>>,
    function: &str,
    what: &str,
) -> PyResult<Option<String>> {
    match value {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) => text_arg(value, function, what).map(Some),
    }
}

/// The keyword options: each True or False (not an int or anything
/// truthy); left out (or None), the default, True.
fn options(
    keep_ads: Option<&Bound<'_, PyAny>>,
    spans: Option<&Bound<'_, PyAny>>,
    function: &str,
) -> PyResult<Options> {
    let flag = |value: Option<&Bound<'_, PyAny>>, name: &str| match value {
        None => Ok(true),
        Some(value) if value.is_none() => Ok(true),
        Some(value) => value.cast::<PyBool>().map(|b| b.is_true()).map_err(|_| {
            PyTypeError::new_err(format!(
                "{function}: {name} must be True or False, got {}",
                type_name(value)
            ))
        }),
    };
    Ok(Options {
        keep_ads: flag(keep_ads, "keep_ads")?,
        spans: flag(spans, "spans")?,
    })
}

/// Parses one raw page of text into the page dict (schema "jianbao/1").
/// Spans are [start, end) in UTF-16 code units of `text`. The GIL is
/// released while the page is parsed.
#[pyfunction]
#[pyo3(signature = (text, *, keep_ads = None, spans = None), text_signature = "(text, *, keep_ads=True, spans=True)")]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    keep_ads: Option<&Bound<'py, PyAny>>,
    spans: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let text = text_arg(text, "parse", "text")?;
    let options = options(keep_ads, spans, "parse")?;
    let page = py.detach(|| jianbao::parse(&text, &options));
    to_py(py, &page)
}

/// Decodes bytes of unknown encoding (UTF-8, UTF-16, GB18030/GBK, Big5) and
/// parses the text. Spans index into the decoded text (see decode_bytes).
/// Raises ValueError when the bytes are no text in those encodings.
#[pyfunction]
#[pyo3(signature = (data, *, keep_ads = None, spans = None), text_signature = "(data, *, keep_ads=True, spans=True)")]
fn parse_bytes<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    keep_ads: Option<&Bound<'py, PyAny>>,
    spans: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let bytes = bytes_arg(data, "parse_bytes")?;
    let options = options(keep_ads, spans, "parse_bytes")?;
    let page = py
        .detach(|| {
            jianbao::decode::decode(&bytes).map(|decoded| jianbao::parse(&decoded.text, &options))
        })
        .map_err(|e| PyValueError::new_err(format!("parse_bytes: {e}")))?;
    to_py(py, &page)
}

/// What `decode_bytes` returns.
#[derive(Serialize)]
struct Decoded<'a> {
    text: &'a str,
    encoding: &'a str,
}

/// Decodes bytes of unknown encoding to {"text": str, "encoding": str},
/// the encoding being "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030" or "Big5".
#[pyfunction]
fn decode_bytes<'py>(py: Python<'py>, data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let bytes = bytes_arg(data, "decode_bytes")?;
    let decoded = py
        .detach(|| jianbao::decode::decode(&bytes))
        .map_err(|e| PyValueError::new_err(format!("decode_bytes: {e}")))?;
    to_py(
        py,
        &Decoded {
            text: &decoded.text,
            encoding: decoded.encoding,
        },
    )
}

/// Parses many pages in parallel in Rust, with the GIL released, and returns
/// their page dicts in input order. `texts` is any iterable of str;
/// `threads` is the number of worker threads (None: all cores).
#[pyfunction]
#[pyo3(
    signature = (texts, threads = None, *, keep_ads = None, spans = None),
    text_signature = "(texts, threads=None, *, keep_ads=True, spans=True)"
)]
fn parse_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    threads: Option<&Bound<'py, PyAny>>,
    keep_ads: Option<&Bound<'py, PyAny>>,
    spans: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let inputs = texts_arg(texts, "parse_many", "texts")?;
    let pool = thread_pool(threads, "parse_many")?;
    let options = options(keep_ads, spans, "parse_many")?;
    let pages = in_parallel(py, pool, &inputs, |text| jianbao::parse(text, &options));
    let list = PyList::empty(py);
    for page in &pages {
        list.append(to_py(py, page)?)?;
    }
    Ok(list)
}

/// Parses many pages in parallel in Rust, with the GIL released, straight to
/// their article records — no dicts are built: for pipelines that write the
/// records out. Returns one str per page, in input order: the page's records
/// as JSON Lines (each line ending in a line break; "" for a page without
/// articles), as the CLI writes them with `--format articles` (the
/// default) or `--format dolma`. `sources` names each page (its records'
/// `source`; dolma ids are `SOURCE#N`); `added` is the dolma documents'
/// timestamp (default: now, UTC).
#[pyfunction]
#[pyo3(
    signature = (texts, sources, *, format = None, added = None, threads = None, keep_ads = None, spans = None),
    text_signature = "(texts, sources, *, format='articles', added=None, threads=None, keep_ads=True, spans=True)"
)]
#[allow(clippy::too_many_arguments)]
fn parse_to_jsonl<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    sources: &Bound<'py, PyAny>,
    format: Option<&Bound<'py, PyAny>>,
    added: Option<&Bound<'py, PyAny>>,
    threads: Option<&Bound<'py, PyAny>>,
    keep_ads: Option<&Bound<'py, PyAny>>,
    spans: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    const FUNCTION: &str = "parse_to_jsonl";
    let texts = texts_arg(texts, FUNCTION, "texts")?;
    let sources = texts_arg(sources, FUNCTION, "sources")?;
    if sources.len() != texts.len() {
        return Err(PyValueError::new_err(format!(
            "{FUNCTION}: {} sources for {} texts (one name per page)",
            sources.len(),
            texts.len()
        )));
    }
    let dolma = match optional_text_arg(format, FUNCTION, "format")?.as_deref() {
        None | Some("articles") => false,
        Some("dolma") => true,
        Some(other) => {
            return Err(PyValueError::new_err(format!(
                "{FUNCTION}: format must be \"articles\" or \"dolma\", got {other:?}"
            )))
        }
    };
    let added = optional_text_arg(added, FUNCTION, "added")?.unwrap_or_else(now);
    let pool = thread_pool(threads, FUNCTION)?;
    let options = options(keep_ads, spans, FUNCTION)?;
    let pages: Vec<(&String, &String)> = texts.iter().zip(&sources).collect();
    let records = in_parallel(py, pool, &pages, |(text, source)| {
        let page = jianbao::parse(text, &options);
        if dolma {
            jianbao::render::to_dolma(&page, source, Some(&added))
        } else {
            jianbao::render::to_jsonl_articles(&page, Some(source))
        }
    });
    PyList::new(py, records)
}

/// A batch argument: any iterable of str, read into Rust strings.
fn texts_arg(value: &Bound<'_, PyAny>, function: &str, what: &str) -> PyResult<Vec<String>> {
    let expected = if what == "texts" {
        "an iterable of str (a list of pages)"
    } else {
        "an iterable of str"
    };
    let mut items = Vec::new();
    for (i, item) in iter_arg(value, function, what, expected)?.enumerate() {
        items.push(text_arg(&item?, function, &format!("{what}[{i}]"))?);
    }
    Ok(items)
}

/// `work` on every item, in parallel on `pool` (None: rayon's global pool,
/// all cores), with the GIL released; the results in item order.
fn in_parallel<T: Sync, R: Send>(
    py: Python<'_>,
    pool: Option<rayon::ThreadPool>,
    items: &[T],
    work: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    py.detach(|| {
        let all = || items.par_iter().map(&work).collect();
        match &pool {
            Some(pool) => pool.install(all),
            None => all(),
        }
    })
}

/// The pool for `threads`: None for rayon's global one (all cores).
fn thread_pool(
    threads: Option<&Bound<'_, PyAny>>,
    function: &str,
) -> PyResult<Option<rayon::ThreadPool>> {
    let Some(threads) = threads.filter(|t| !t.is_none()) else {
        return Ok(None);
    };
    if threads.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!(
            "{function}: threads must be a positive int or None, got bool"
        )));
    }
    let count: i64 = threads.extract().map_err(|_| {
        PyTypeError::new_err(format!(
            "{function}: threads must be a positive int or None, got {}",
            type_name(threads)
        ))
    })?;
    let count = usize::try_from(count)
        .ok()
        .filter(|&n| (1..=4096).contains(&n))
        .ok_or_else(|| {
            PyValueError::new_err(format!(
                "{function}: threads must be between 1 and 4096, got {count}"
            ))
        })?;
    rayon::ThreadPoolBuilder::new()
        .num_threads(count)
        .build()
        .map(Some)
        .map_err(|e| PyValueError::new_err(format!("{function}: cannot start threads: {e}")))
}

/// The page (as parse returns it) as Markdown.
#[pyfunction]
fn to_markdown(page: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(jianbao::render::to_markdown(&page_arg(
        page,
        "to_markdown",
    )?))
}

/// The page as plain reading text.
#[pyfunction]
fn to_text(page: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(jianbao::render::to_text(&page_arg(page, "to_text")?))
}

/// The page's articles as JSON Lines, one article a line, each starting with
/// "source" (or null), "date" and "weekday": the CLI's `--format articles`.
#[pyfunction]
#[pyo3(signature = (page, source = None))]
fn to_jsonl(page: &Bound<'_, PyAny>, source: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let page = page_arg(page, "to_jsonl")?;
    let source = optional_text_arg(source, "to_jsonl", "source")?;
    Ok(jianbao::render::to_jsonl_articles(&page, source.as_deref()))
}

/// Pages as one CSV table with a header row, a row per article. Each item of
/// `pages` is a page dict or a (source, page) pair.
#[pyfunction]
fn to_csv(pages: &Bound<'_, PyAny>) -> PyResult<String> {
    let iter = iter_arg(
        pages,
        "to_csv",
        "pages",
        "a list of page dicts or (source, page) pairs",
    )?;
    let mut inputs: Vec<(Option<String>, Page)> = Vec::new();
    for (i, item) in iter.enumerate() {
        let item = item?;
        let function = format!("to_csv: pages[{i}]");
        if let Ok(pair) = item.cast::<PyTuple>() {
            if pair.len() != 2 {
                return Err(PyValueError::new_err(format!(
                    "{function}: a pair must be (source, page), got {} items",
                    pair.len()
                )));
            }
            let source = optional_text_arg(Some(&pair.get_item(0)?), &function, "source")?;
            inputs.push((source, page_arg(&pair.get_item(1)?, &function)?));
        } else {
            inputs.push((None, page_arg(&item, &function)?));
        }
    }
    let rows: Vec<(Option<&str>, &Page)> = inputs
        .iter()
        .map(|(source, page)| (source.as_deref(), page))
        .collect();
    Ok(jianbao::render::to_csv(&rows))
}

/// One dolma document (a JSON line) per article of the page, for corpora:
/// {id, text, source, added, created, metadata, attributes}; `id` is
/// "SOURCE#N". `added` defaults to now (UTC, RFC 3339), as in the CLI.
#[pyfunction]
#[pyo3(signature = (page, source, *, added = None))]
fn to_dolma(
    page: &Bound<'_, PyAny>,
    source: &Bound<'_, PyAny>,
    added: Option<&Bound<'_, PyAny>>,
) -> PyResult<String> {
    let page = page_arg(page, "to_dolma")?;
    let source = text_arg(source, "to_dolma", "source")?;
    let added = match optional_text_arg(added, "to_dolma", "added")? {
        Some(added) => added,
        None => now(),
    };
    Ok(jianbao::render::to_dolma(&page, &source, Some(&added)))
}

/// The time of the call as an RFC 3339 UTC timestamp.
fn now() -> String {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    jianbao::render::dolma_timestamp(seconds)
}

/// The page as one TEI P5 XML document; `source` names the input.
#[pyfunction]
#[pyo3(signature = (page, source = None))]
fn to_tei(page: &Bound<'_, PyAny>, source: Option<&Bound<'_, PyAny>>) -> PyResult<String> {
    let page = page_arg(page, "to_tei")?;
    let source = optional_text_arg(source, "to_tei", "source")?;
    Ok(jianbao::render::to_tei(&page, source.as_deref()))
}

/// 剪报: turn raw Chinese newspaper page text into structured articles.
#[pymodule]
#[pyo3(name = "jianbao")]
fn jianbao_module(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(parse_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(decode_bytes, m)?)?;
    m.add_function(wrap_pyfunction!(parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parse_to_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(to_markdown, m)?)?;
    m.add_function(wrap_pyfunction!(to_text, m)?)?;
    m.add_function(wrap_pyfunction!(to_jsonl, m)?)?;
    m.add_function(wrap_pyfunction!(to_csv, m)?)?;
    m.add_function(wrap_pyfunction!(to_dolma, m)?)?;
    m.add_function(wrap_pyfunction!(to_tei, m)?)?;
    // The workspace's version: the crate's, the CLI's and the npm package's.
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("SCHEMA", SCHEMA)?;
    // maturin's package __init__ re-exports `*`: name what that includes.
    m.add(
        "__all__",
        [
            "parse",
            "parse_bytes",
            "decode_bytes",
            "parse_many",
            "parse_to_jsonl",
            "to_markdown",
            "to_text",
            "to_jsonl",
            "to_csv",
            "to_dolma",
            "to_tei",
            "SCHEMA",
            "__version__",
        ],
    )?;
    Ok(())
}
