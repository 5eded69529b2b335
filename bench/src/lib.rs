//! riptide's quality harness: corpus loading, scoring and reporting.
//!
//! Scoring follows `../shared/corpus/README.md` (the WCXB data set's own definition):
//! word-level F1 of the extracted plain text against `main_content`, words being the
//! matches of `\w+` (Unicode) in the lower-cased text, counted as multisets. Everything
//! else the harness reports is defined here, next to its unit tests:
//!
//! - snippets: a `with` snippet is found, and a `without` snippet leaked, when its
//!   lower-cased, whitespace-collapsed form is a substring of the extracted text's;
//! - title: equal after whitespace collapsing (case matters);
//! - byline/author: equal after whitespace collapsing, lower-casing, removing dates,
//!   times and "Updated"/"Published" labels (a byline names who wrote the page;
//!   Readability's expected bylines sometimes carry the date line beside the name,
//!   "By Nathan Willis March 25, 2015"), and dropping leading "by" / "written by" /
//!   "author:"-style prefixes and edge punctuation. A reference byline that is only a
//!   date names nobody and is not counted;
//! - date: the first `YYYY-MM-DD` of each side is the same calendar date;
//! - language: equal after lower-casing and `_` → `-`;
//! - site name: equal after whitespace collapsing and lower-casing.
//!
//! Metadata accuracy is over the pages whose reference gives that field (WCXB
//! `ground_truth` non-null; Readability's `expected-metadata.json` non-null and
//! non-empty), except the Readability title, which is scored on every page (an empty
//! expected title must come out empty).

use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use anyhow::{bail, Context, Result};
use regex::Regex;
use serde::Serialize;

// ---------------------------------------------------------------------------------------
// Scoring.

/// Precision, recall and F1 of one prediction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// `\w+` matches of the lower-cased text (Unicode word characters, as Python's `re`).
pub fn words(text: &str) -> Vec<String> {
    static WORD: OnceLock<Regex> = OnceLock::new();
    let re = WORD.get_or_init(|| Regex::new(r"\w+").unwrap_or_else(|_| unreachable!()));
    let lower = text.to_lowercase();
    re.find_iter(&lower)
        .map(|m| m.as_str().to_string())
        .collect()
}

/// Word-level multiset precision/recall/F1 of `predicted` against `reference`.
pub fn word_prf(predicted: &str, reference: &str) -> Prf {
    let pred = words(predicted);
    let refw = words(reference);
    if refw.is_empty() {
        let v = if pred.is_empty() { 1.0 } else { 0.0 };
        return Prf {
            precision: v,
            recall: v,
            f1: v,
        };
    }
    if pred.is_empty() {
        return Prf {
            precision: 0.0,
            recall: 0.0,
            f1: 0.0,
        };
    }
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for w in &refw {
        *counts.entry(w.as_str()).or_default() += 1;
    }
    let mut overlap = 0usize;
    for w in &pred {
        if let Some(c) = counts.get_mut(w.as_str()) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    let precision = overlap as f64 / pred.len() as f64;
    let recall = overlap as f64 / refw.len() as f64;
    let f1 = if overlap == 0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Prf {
        precision,
        recall,
        f1,
    }
}

/// Lower-cased, whitespace-collapsed text with typographic punctuation folded to
/// ASCII: the form snippets are matched in. WCXB's snippets are typed with straight
/// quotes and hyphens while pages print ’ “ ” – —; folding both sides keeps a
/// snippet from counting as missed (or as not leaked) over a quote style. Word F1
/// is unaffected (it only looks at `\w+` runs).
pub fn snippet_form(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => '"',
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
            | '\u{2212}' => '-',
            other => other,
        })
        .collect::<String>()
        .replace('\u{2026}', "...");
    collapse_ws(&folded.to_lowercase())
}

/// Whether `snippet` occurs in `text` (see [`snippet_form`]). An empty snippet tells
/// nothing and is never counted; callers skip it.
pub fn contains_snippet(text_form: &str, snippet: &str) -> bool {
    let s = snippet_form(snippet);
    !s.is_empty() && text_form.contains(&s)
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn title_matches(got: Option<&str>, want: &str) -> bool {
    collapse_ws(got.unwrap_or("")) == collapse_ws(want)
}

/// Byline comparison form: see the module docs.
pub fn byline_form(s: &str) -> String {
    const PREFIXES: &[&str] = &[
        "written by",
        "posted by",
        "authored by",
        "words by",
        "story by",
        "author:",
        "author",
        "by",
    ];
    static DATE: OnceLock<Regex> = OnceLock::new();
    let date = DATE.get_or_init(|| {
        let month = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?";
        Regex::new(&format!(
            r"last updated:?|updated:?|published:?|\d{{1,2}}(?:st|nd|rd|th)?\s+{month},?\s*\d{{0,4}}|\b{month}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*(?:\d{{4}})?|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.+z-]*)?|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|\b(?:at\s+)?\d{{1,2}}:\d{{2}}\s*(?:am|pm)?|\d+$"
        ))
        .unwrap_or_else(|_| unreachable!())
    });
    let edge = |c: char| c.is_whitespace() || ",|·•-–—:".contains(c);
    let mut s = collapse_ws(&date.replace_all(&s.to_lowercase(), " "));
    loop {
        s = s.trim_matches(edge).to_string();
        let stripped = PREFIXES.iter().find_map(|p| {
            let rest = s.strip_prefix(p)?;
            (p.ends_with(':') || rest.is_empty() || rest.starts_with([' ', ':']))
                .then(|| rest.to_string())
        });
        match stripped {
            Some(rest) => s = rest,
            None => break,
        }
    }
    s
}

/// Whether a reference byline names anyone once dates are removed.
pub fn names_someone(byline: &str) -> bool {
    !byline_form(byline).is_empty()
}

pub fn byline_matches(got: Option<&str>, want: &str) -> bool {
    let want = byline_form(want);
    !want.is_empty() && got.map(byline_form).as_deref() == Some(want.as_str())
}

/// The first `YYYY-MM-DD` in `s`.
pub fn date_part(s: &str) -> Option<&str> {
    static DATE: OnceLock<Regex> = OnceLock::new();
    let re =
        DATE.get_or_init(|| Regex::new(r"\d{4}-\d{2}-\d{2}").unwrap_or_else(|_| unreachable!()));
    re.find(s).map(|m| m.as_str())
}

pub fn date_matches(got: Option<&str>, want: &str) -> bool {
    match (got.and_then(date_part), date_part(want)) {
        (Some(g), Some(w)) => g == w,
        _ => false,
    }
}

pub fn lang_matches(got: Option<&str>, want: &str) -> bool {
    let norm = |s: &str| s.trim().to_lowercase().replace('_', "-");
    got.map(norm) == Some(norm(want))
}

pub fn site_name_matches(got: Option<&str>, want: &str) -> bool {
    got.map(|g| collapse_ws(g).to_lowercase()) == Some(collapse_ws(want).to_lowercase())
}

/// Pearson correlation; `None` with fewer than two points or no variance.
pub fn pearson(xs: &[f64], ys: &[f64]) -> Option<f64> {
    let n = xs.len().min(ys.len());
    if n < 2 {
        return None;
    }
    let mx = xs[..n].iter().sum::<f64>() / n as f64;
    let my = ys[..n].iter().sum::<f64>() / n as f64;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for i in 0..n {
        let (dx, dy) = (xs[i] - mx, ys[i] - my);
        sxy += dx * dy;
        sxx += dx * dx;
        syy += dy * dy;
    }
    if sxx == 0.0 || syy == 0.0 {
        return None;
    }
    Some(sxy / (sxx.sqrt() * syy.sqrt()))
}

// ---------------------------------------------------------------------------------------
// Corpus.

/// What an engine returns for one page (the fields the harness scores).
#[derive(Debug, Clone, Default)]
pub struct Output {
    pub text: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub language: Option<String>,
    pub site_name: Option<String>,
    pub quality: Option<u8>,
}

impl From<riptide_extractor::Extracted> for Output {
    fn from(e: riptide_extractor::Extracted) -> Self {
        Output {
            text: e.text,
            title: e.title,
            byline: e.byline,
            published: e.published_iso,
            language: e.language,
            site_name: e.site_name,
            quality: e.quality_score,
        }
    }
}

/// A WCXB page's reference.
#[derive(Debug, Clone, Default)]
pub struct WcxbTruth {
    pub page_type: String,
    pub main_content: String,
    pub with: Vec<String>,
    pub without: Vec<String>,
    pub title: Option<String>,
    pub author: Option<String>,
    pub publish_date: Option<String>,
}

/// A Readability test page's reference.
#[derive(Debug, Clone, Default)]
pub struct ReadabilityTruth {
    pub title: String,
    pub byline: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    /// Plain text of `expected.html` (Readability's own article).
    pub expected_text: String,
}

#[derive(Debug, Clone)]
pub enum Truth {
    Wcxb(WcxbTruth),
    Readability(ReadabilityTruth),
}

#[derive(Debug, Clone)]
pub struct Page {
    pub id: String,
    pub url: String,
    pub html: String,
    pub truth: Truth,
    /// See [`Page::whole_text_form`].
    whole_text_form: std::cell::OnceCell<String>,
}

impl Page {
    /// [`snippet_form`] of the page's [`page_text`]: the same for every engine, so it
    /// is computed once however many reports (`--against`) score the page.
    fn whole_text_form(&self) -> &str {
        self.whole_text_form
            .get_or_init(|| snippet_form(&page_text(&self.html)))
    }
}

/// Where to get the data when it is missing (no hosts: data set names only).
pub const CORPUS_HELP: &str =
    "expected <corpus>/wcxb-dev/{html/NNNN.html.gz, ground-truth/NNNN.json} \
(the WCXB benchmark's development split, CC-BY-4.0) and/or \
<corpus>/readability/test-pages/*/{source.html, expected.html, expected-metadata.json} \
(the mozilla/readability repository's test/test-pages, Apache-2.0); \
pass --corpus DIR or set RIPTIDE_CORPUS";

/// Page files of the corpus, loaded one at a time by [`load_page`].
#[derive(Debug, Clone)]
pub enum PageRef {
    Wcxb {
        id: String,
        html: PathBuf,
        truth: PathBuf,
    },
    Readability {
        id: String,
        dir: PathBuf,
    },
}

/// Lists the pages under `corpus`: WCXB first (optionally only `page_type`, at most
/// `limit`), then the Readability pages (at most `limit`). Errors when neither data
/// set is there.
pub fn list_pages(
    corpus: &Path,
    page_type: Option<&str>,
    limit: Option<usize>,
    readability: bool,
) -> Result<Vec<PageRef>> {
    let wcxb = corpus.join("wcxb-dev");
    let rdb = corpus.join("readability").join("test-pages");
    if !wcxb.join("ground-truth").is_dir() && !rdb.is_dir() {
        bail!("no corpus at {}: {CORPUS_HELP}", corpus.display());
    }
    let mut out = Vec::new();
    if wcxb.join("ground-truth").is_dir() {
        let mut ids: Vec<String> = fs::read_dir(wcxb.join("ground-truth"))?
            .filter_map(|e| e.ok())
            .filter_map(|e| {
                let name = e.file_name().to_string_lossy().to_string();
                name.strip_suffix(".json").map(str::to_string)
            })
            .collect();
        ids.sort();
        let mut taken = 0;
        for id in ids {
            if limit.is_some_and(|l| taken >= l) {
                break;
            }
            let truth = wcxb.join("ground-truth").join(format!("{id}.json"));
            if let Some(want) = page_type {
                let t = read_wcxb_truth(&truth)?;
                if t.0.page_type != want {
                    continue;
                }
            }
            let html = wcxb.join("html").join(format!("{id}.html.gz"));
            out.push(PageRef::Wcxb { id, html, truth });
            taken += 1;
        }
    }
    if readability && rdb.is_dir() {
        let mut dirs: Vec<PathBuf> = fs::read_dir(&rdb)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.join("source.html").is_file())
            .collect();
        dirs.sort();
        for dir in dirs.into_iter().take(limit.unwrap_or(usize::MAX)) {
            let id = dir
                .file_name()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            out.push(PageRef::Readability { id, dir });
        }
    }
    Ok(out)
}

/// Reads a gzip or plain file as UTF-8, replacing invalid bytes.
pub fn read_text(path: &Path) -> Result<String> {
    let raw = fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(raw.as_slice())
            .read_to_end(&mut out)
            .with_context(|| format!("gunzip {}", path.display()))?;
        out
    } else {
        raw
    };
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn json_str(v: &serde_json::Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(|x| x.as_str())
        .map(str::to_string)
        .filter(|s| !s.trim().is_empty())
}

fn json_list(v: Option<&serde_json::Value>) -> Vec<String> {
    match v {
        Some(serde_json::Value::Array(items)) => items
            .iter()
            .filter_map(|i| i.as_str())
            .map(str::to_string)
            .collect(),
        Some(serde_json::Value::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    }
}

fn read_wcxb_truth(path: &Path) -> Result<(WcxbTruth, String)> {
    let v: serde_json::Value = serde_json::from_str(&read_text(path)?)
        .with_context(|| format!("parsing {}", path.display()))?;
    let gt = v.get("ground_truth").cloned().unwrap_or_default();
    let page_type = v
        .pointer("/_internal/page_type/primary")
        .and_then(|t| t.as_str())
        .unwrap_or("unknown")
        .to_string();
    let truth = WcxbTruth {
        page_type,
        main_content: gt
            .get("main_content")
            .and_then(|m| m.as_str())
            .unwrap_or("")
            .to_string(),
        with: json_list(gt.get("with")),
        without: json_list(gt.get("without")),
        title: json_str(&gt, "title"),
        author: json_str(&gt, "author"),
        publish_date: json_str(&gt, "publish_date"),
    };
    Ok((truth, json_str(&v, "url").unwrap_or_default()))
}

/// Elements that start a line of their own when a browser lays the page out.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "br",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Every piece of text a page holds, in document order, laid out as WCXB's
/// references are: all text nodes except script, style and template bodies, parsed
/// with scripting off (as the engine parses: `<noscript>` is markup), inline pieces
/// joined as a browser joins them, blocks on lines of their own, list items as
/// `- item` and table rows as `| cell | cell |`. Hidden elements are kept. This is
/// what an extraction that kept everything would return, so the `with` snippets it
/// lacks are out of reach of any extraction of the page's markup laid out this way:
/// text the page's scripts write, or snippets typed differently from the page.
pub fn page_text(html: &str) -> String {
    use html5ever::tendril::TendrilSink;
    use scraper::node::Node;
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let doc = html5ever::driver::parse_document(
        scraper::HtmlTreeSink::new(scraper::Html::new_document()),
        opts,
    )
    .one(html);
    let mut out = String::new();
    let mut skipping = 0usize;
    for edge in doc.tree.root().traverse() {
        let (node, open) = match edge {
            ego_tree::iter::Edge::Open(n) => (n, true),
            ego_tree::iter::Edge::Close(n) => (n, false),
        };
        match node.value() {
            Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "template") {
                    if open {
                        skipping += 1;
                    } else {
                        skipping -= 1;
                    }
                    continue;
                }
                if skipping > 0 {
                    continue;
                }
                match (name, open) {
                    ("li", true) => out.push_str("\n- "),
                    ("tr", true) => out.push_str("\n|"),
                    ("td" | "th", true) => out.push(' '),
                    ("td" | "th", false) => out.push_str(" |"),
                    _ if BLOCKS.contains(&name) => out.push('\n'),
                    _ => {}
                }
            }
            Node::Text(t) if open && skipping == 0 => out.push_str(t),
            _ => {}
        }
    }
    out
}

/// Plain text of an HTML fragment (words are all the F1 needs).
fn html_text(html: &str) -> String {
    let doc = scraper::Html::parse_document(html);
    doc.root_element().text().collect::<Vec<_>>().join(" ")
}

/// Loads one page and its reference.
pub fn load_page(r: &PageRef) -> Result<Page> {
    match r {
        PageRef::Wcxb { id, html, truth } => {
            let (truth, url) = read_wcxb_truth(truth)?;
            Ok(Page {
                id: id.clone(),
                url,
                html: read_text(html)?,
                truth: Truth::Wcxb(truth),
                whole_text_form: Default::default(),
            })
        }
        PageRef::Readability { id, dir } => {
            let meta_path = dir.join("expected-metadata.json");
            let meta: serde_json::Value = if meta_path.is_file() {
                serde_json::from_str(&read_text(&meta_path)?)
                    .with_context(|| format!("parsing {}", meta_path.display()))?
            } else {
                serde_json::Value::Null
            };
            let expected = dir.join("expected.html");
            let expected_text = if expected.is_file() {
                html_text(&read_text(&expected)?)
            } else {
                String::new()
            };
            Ok(Page {
                id: id.clone(),
                // The URL Readability's own test suite runs these pages under.
                url: "http://fakehost/test/page.html".to_string(),
                html: read_text(&dir.join("source.html"))?,
                truth: Truth::Readability(ReadabilityTruth {
                    title: meta
                        .get("title")
                        .and_then(|t| t.as_str())
                        .unwrap_or("")
                        .to_string(),
                    byline: json_str(&meta, "byline"),
                    site_name: json_str(&meta, "siteName"),
                    published: json_str(&meta, "publishedTime"),
                    lang: json_str(&meta, "lang"),
                    expected_text,
                }),
                whole_text_form: Default::default(),
            })
        }
    }
}

// ---------------------------------------------------------------------------------------
// Aggregation.

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Rate {
    pub hits: usize,
    pub total: usize,
    pub rate: Option<f64>,
}

impl Rate {
    fn add(&mut self, hit: bool) {
        self.total += 1;
        if hit {
            self.hits += 1;
        }
        self.rate = Some(self.hits as f64 / self.total as f64);
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Means {
    pub pages: usize,
    pub f1: f64,
    pub precision: f64,
    pub recall: f64,
    #[serde(skip)]
    sums: (f64, f64, f64),
}

impl Means {
    fn add(&mut self, s: Prf) {
        self.pages += 1;
        self.sums.0 += s.f1;
        self.sums.1 += s.precision;
        self.sums.2 += s.recall;
        let n = self.pages as f64;
        self.f1 = self.sums.0 / n;
        self.precision = self.sums.1 / n;
        self.recall = self.sums.2 / n;
    }
}

/// Share of `snippets` found in `text` as the data set's own `evaluate.py` counts it:
/// exact substrings after lower-casing both sides, nothing else folded (line breaks,
/// runs of spaces and typographic quotes must match as typed). No snippets scores 1.
pub fn script_snippet_rate(text: &str, snippets: &[String]) -> f64 {
    share_found(&text.to_lowercase(), snippets)
}

/// [`script_snippet_rate`] in a text already lower-cased.
fn share_found(lower_text: &str, snippets: &[String]) -> f64 {
    if snippets.is_empty() {
        return 1.0;
    }
    let found = snippets
        .iter()
        .filter(|s| lower_text.contains(&s.to_lowercase()))
        .count();
    found as f64 / snippets.len() as f64
}

/// The snippet rates the data set's `evaluate.py` prints: [`script_snippet_rate`] per
/// page, averaged over pages. There a page without `without` snippets scores 1 for
/// them, as if everything leaked, so the mean over the pages that have some is kept too.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScriptSnippetRates {
    pub pages: usize,
    pub with: f64,
    pub without: f64,
    pub pages_with_without_snippets: usize,
    pub without_where_given: Option<f64>,
    #[serde(skip)]
    sums: (f64, f64, f64),
}

impl ScriptSnippetRates {
    fn add(&mut self, text: &str, with: &[String], without: &[String]) {
        self.pages += 1;
        // Lower-cased once for both lists.
        let text = text.to_lowercase();
        self.sums.0 += share_found(&text, with);
        let leaked = share_found(&text, without);
        self.sums.1 += leaked;
        if !without.is_empty() {
            self.pages_with_without_snippets += 1;
            self.sums.2 += leaked;
            self.without_where_given = Some(self.sums.2 / self.pages_with_without_snippets as f64);
        }
        self.with = self.sums.0 / self.pages as f64;
        self.without = self.sums.1 / self.pages as f64;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct PageResult {
    pub id: String,
    pub dataset: &'static str,
    pub page_type: String,
    pub f1: Option<f64>,
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub quality: Option<u8>,
    pub error: Option<String>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct WcxbReport {
    pub overall: Means,
    pub by_type: BTreeMap<String, Means>,
    pub with_found: Rate,
    /// `with` snippets present anywhere in the page's whole text ([`page_text`]):
    /// about what `with_found` would be if the extraction kept everything (an upper
    /// reference for it, up to differences of layout). The rest are written by the
    /// page's scripts or typed differently from the page by the annotators.
    pub with_in_page_text: Rate,
    pub without_leaked: Rate,
    /// The same snippets scored as the data set's `evaluate.py` scores them.
    pub snippets_as_script: ScriptSnippetRates,
    pub title: Rate,
    pub author: Rate,
    pub date: Rate,
    /// Pearson correlation of quality_score with F1 (pages that have a score).
    pub quality_f1_pearson: Option<f64>,
    /// The same over pages where the engine extracted some text: an empty extraction
    /// scores quality 0 by design, yet F1 1 where the reference is empty too.
    pub quality_f1_pearson_with_output: Option<f64>,
    #[serde(skip)]
    quality_points: (Vec<f64>, Vec<f64>),
    #[serde(skip)]
    quality_points_with_output: (Vec<f64>, Vec<f64>),
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ReadabilityReport {
    pub pages: usize,
    pub title: Rate,
    pub byline: Rate,
    pub site_name: Rate,
    pub date: Rate,
    pub language: Rate,
    /// Word F1 against Readability's own output: agreement with it, not truth.
    pub agreement: Means,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Speed {
    pub docs: usize,
    pub cpu_seconds: f64,
    pub docs_per_cpu_second: Option<f64>,
    /// How cpu_seconds was measured.
    pub clock: String,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub engine: String,
    pub corpus: String,
    pub failures: usize,
    pub wcxb: WcxbReport,
    pub readability: ReadabilityReport,
    pub speed: Speed,
    pub pages: Vec<PageResult>,
}

impl Report {
    /// Scores one page's output (or failure) into the report.
    pub fn add(&mut self, page: &Page, result: Result<Output, String>) {
        let (dataset, page_type) = match &page.truth {
            Truth::Wcxb(t) => ("wcxb", t.page_type.clone()),
            Truth::Readability(_) => ("readability", "readability".to_string()),
        };
        let mut row = PageResult {
            id: page.id.clone(),
            dataset,
            page_type,
            f1: None,
            precision: None,
            recall: None,
            quality: None,
            error: None,
        };
        // A failed extraction scores as an empty output: it must cost accuracy.
        let out = match result {
            Ok(out) => out,
            Err(e) => {
                self.failures += 1;
                row.error = Some(e);
                Output::default()
            }
        };
        row.quality = out.quality;
        let text_form = snippet_form(&out.text);
        match &page.truth {
            Truth::Wcxb(t) => {
                let w = &mut self.wcxb;
                let s = word_prf(&out.text, &t.main_content);
                w.overall.add(s);
                w.by_type.entry(t.page_type.clone()).or_default().add(s);
                let page_form = page.whole_text_form();
                for snip in t.with.iter().filter(|s| !snippet_form(s).is_empty()) {
                    w.with_found.add(contains_snippet(&text_form, snip));
                    w.with_in_page_text.add(contains_snippet(page_form, snip));
                }
                for snip in t.without.iter().filter(|s| !snippet_form(s).is_empty()) {
                    w.without_leaked.add(contains_snippet(&text_form, snip));
                }
                w.snippets_as_script.add(&out.text, &t.with, &t.without);
                if let Some(want) = &t.title {
                    w.title.add(title_matches(out.title.as_deref(), want));
                }
                if let Some(want) = t.author.as_ref().filter(|a| names_someone(a)) {
                    w.author.add(byline_matches(out.byline.as_deref(), want));
                }
                if let Some(want) = &t.publish_date {
                    w.date.add(date_matches(out.published.as_deref(), want));
                }
                if let Some(q) = out.quality {
                    w.quality_points.0.push(f64::from(q));
                    w.quality_points.1.push(s.f1);
                    w.quality_f1_pearson = pearson(&w.quality_points.0, &w.quality_points.1);
                    if !out.text.trim().is_empty() {
                        let points = &mut w.quality_points_with_output;
                        points.0.push(f64::from(q));
                        points.1.push(s.f1);
                        w.quality_f1_pearson_with_output = pearson(&points.0, &points.1);
                    }
                }
                row.f1 = Some(s.f1);
                row.precision = Some(s.precision);
                row.recall = Some(s.recall);
            }
            Truth::Readability(t) => {
                let r = &mut self.readability;
                r.pages += 1;
                r.title.add(title_matches(out.title.as_deref(), &t.title));
                if let Some(want) = t.byline.as_ref().filter(|b| names_someone(b)) {
                    r.byline.add(byline_matches(out.byline.as_deref(), want));
                }
                if let Some(want) = &t.site_name {
                    r.site_name
                        .add(site_name_matches(out.site_name.as_deref(), want));
                }
                if let Some(want) = &t.published {
                    r.date.add(date_matches(out.published.as_deref(), want));
                }
                if let Some(want) = &t.lang {
                    r.language.add(lang_matches(out.language.as_deref(), want));
                }
                let s = word_prf(&out.text, &t.expected_text);
                r.agreement.add(s);
                row.f1 = Some(s.f1);
                row.precision = Some(s.precision);
                row.recall = Some(s.recall);
            }
        }
        self.pages.push(row);
    }

    /// The human-readable summary.
    pub fn table(&self) -> String {
        let mut s = String::new();
        let pct = |r: &Rate| match r.rate {
            Some(v) => format!("{:>6.1}%  ({}/{})", v * 100.0, r.hits, r.total),
            None => "     –".to_string(),
        };
        s.push_str(&format!(
            "riptide quality — engine {}, corpus {}\n\n",
            self.engine, self.corpus
        ));
        let w = &self.wcxb;
        if w.overall.pages > 0 {
            s.push_str("WCXB-dev word F1\n");
            s.push_str(&format!(
                "{:<15} {:>6} {:>7} {:>7} {:>7}\n",
                "page type", "pages", "F1", "P", "R"
            ));
            let mut row = |name: &str, m: &Means| {
                s.push_str(&format!(
                    "{:<15} {:>6} {:>7.3} {:>7.3} {:>7.3}\n",
                    name, m.pages, m.f1, m.precision, m.recall
                ));
            };
            row("all", &w.overall);
            for (t, m) in &w.by_type {
                row(t, m);
            }
            s.push_str(&format!(
                "\n`with` snippets found    {}\n  in the whole page text  {}\n`without` snippets leaked {}\n",
                pct(&w.with_found),
                pct(&w.with_in_page_text),
                pct(&w.without_leaked)
            ));
            let sc = &w.snippets_as_script;
            s.push_str(&format!(
                "  as WCXB's evaluate.py scores them (per-page means, exact lower-cased \
                 substrings): with {:.1}%, without {:.1}% ({:.1}% over the {} pages \
                 that have `without` snippets)\n",
                sc.with * 100.0,
                sc.without * 100.0,
                sc.without_where_given.unwrap_or(0.0) * 100.0,
                sc.pages_with_without_snippets
            ));
            s.push_str(&format!(
                "title exact              {}\nauthor                   {}\npublish date             {}\n",
                pct(&w.title),
                pct(&w.author),
                pct(&w.date)
            ));
            let r = |r: Option<f64>| r.map_or("–".to_string(), |r| format!("{r:.3}"));
            s.push_str(&format!(
                "quality_score~F1 Pearson {} ({} over the {} pages with output)\n",
                r(w.quality_f1_pearson),
                r(w.quality_f1_pearson_with_output),
                w.quality_points_with_output.0.len()
            ));
        }
        let r = &self.readability;
        if r.pages > 0 {
            s.push_str(&format!("\nReadability test pages ({})\n", r.pages));
            s.push_str(&format!(
                "title exact              {}\nbyline                   {}\nsite name                {}\npublished date           {}\nlanguage                 {}\n",
                pct(&r.title),
                pct(&r.byline),
                pct(&r.site_name),
                pct(&r.date),
                pct(&r.language)
            ));
            s.push_str(&format!(
                "agreement F1 with Readability's text {:.3}\n",
                r.agreement.f1
            ));
        }
        s.push_str(&format!(
            "\nspeed: {} docs in {:.2} CPU s = {} docs/CPU-s ({})\nfailures: {}\n",
            self.speed.docs,
            self.speed.cpu_seconds,
            self.speed
                .docs_per_cpu_second
                .map_or("–".to_string(), |d| format!("{d:.1}")),
            self.speed.clock,
            self.failures
        ));
        s
    }
}

/// Process CPU time (user + system) in seconds, from `getrusage(RUSAGE_SELF)`; falls
/// back to wall time when the call fails (then it is wall × 1 core, as documented in
/// the report's `clock`).
pub fn cpu_seconds() -> Option<f64> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: getrusage only writes into the struct we pass, which is properly sized
    // and aligned; RUSAGE_SELF is always a valid `who`.
    let rc = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: rc == 0 means the kernel filled the struct.
    let usage = unsafe { usage.assume_init() };
    let secs = |tv: libc::timeval| tv.tv_sec as f64 + tv.tv_usec as f64 / 1e6;
    Some(secs(usage.ru_utime) + secs(usage.ru_stime))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn words_are_unicode_lowercase_w_runs() {
        assert_eq!(
            words("Héllo, WORLD! snake_case 42 — ünïcode; 東京"),
            vec!["héllo", "world", "snake_case", "42", "ünïcode", "東京"]
        );
        assert!(words(" \n—!? ").is_empty());
    }

    #[test]
    fn f1_by_hand() {
        // pred: a a b c (4), ref: a b b d e (5); overlap = a + b = 2.
        let s = word_prf("a a b c", "A b B d e");
        assert!(close(s.precision, 2.0 / 4.0));
        assert!(close(s.recall, 2.0 / 5.0));
        assert!(close(s.f1, 2.0 * 0.5 * 0.4 / 0.9));
        let perfect = word_prf("The cat.", "the   CAT");
        assert!(close(perfect.f1, 1.0));
        assert!(close(word_prf("x y", "a b").f1, 0.0));
    }

    #[test]
    fn empty_reference_and_prediction_rules() {
        assert!(close(word_prf("", "").f1, 1.0));
        assert!(close(word_prf("  ... ", "!!").f1, 1.0));
        assert!(close(word_prf("something", "").f1, 0.0));
        let s = word_prf("", "reference words");
        assert!(close(s.f1, 0.0) && close(s.precision, 0.0) && close(s.recall, 0.0));
    }

    #[test]
    fn snippets_match_case_and_whitespace_insensitively() {
        let text = snippet_form("The Quick\n\n brown   fox jumps");
        assert!(contains_snippet(&text, "quick BROWN fox"));
        assert!(!contains_snippet(&text, "quick fox"));
        assert!(!contains_snippet(&text, "   "));
        // Quote and dash styles are folded on both sides.
        let text = snippet_form("It\u{2019}s \u{201C}done\u{201D} \u{2014} 1\u{2013}2\u{2026}");
        assert!(contains_snippet(&text, "it's \"done\" - 1-2..."));
        assert!(contains_snippet(&text, "It\u{2019}s"));
        assert!(!contains_snippet(&text, "its done"));
    }

    #[test]
    fn the_scripts_snippet_rate_folds_case_only() {
        let snippets = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let text = "It\u{2019}s done.\n\nThe Quick brown fox";
        assert!(close(
            script_snippet_rate(text, &snippets(&["quick BROWN", "it's done"])),
            0.5
        ));
        assert!(close(
            script_snippet_rate(text, &snippets(&["done. The Quick"])),
            0.0
        ));
        assert!(close(script_snippet_rate("", &[]), 1.0));
        let mut rates = ScriptSnippetRates::default();
        rates.add(text, &snippets(&["fox"]), &[]);
        rates.add(text, &[], &snippets(&["nothing here", "done"]));
        assert!(close(rates.with, 1.0) && close(rates.without, 0.75));
        assert_eq!(rates.without_where_given.map(|v| close(v, 0.5)), Some(true));
    }

    #[test]
    fn page_text_holds_all_text_but_scripts_and_styles() {
        let html = "<html><head><title>Page title</title><style>p{}</style></head><body>\
                    <p>Sale<b>!</b> now</p><p hidden>Hidden offer</p><div>Next\
                    </div><script>var tracking = 1;</script><noscript>Enable JS</noscript>\
                    <template>Later</template><ul><li>One</li><li>Two</li></ul>\
                    <table><tr><th>Plan</th><th>Cost</th></tr><tr><td>Basic</td><td>$1</td>\
                    </tr></table></body></html>";
        let text = snippet_form(&page_text(html));
        // Inline pieces join as the browser joins them; blocks do not run together.
        assert!(contains_snippet(&text, "sale! now"), "{text}");
        assert!(!contains_snippet(&text, "now next"), "{text}");
        assert!(contains_snippet(&text, "now"), "{text}");
        assert!(contains_snippet(&text, "hidden offer"), "{text}");
        assert!(contains_snippet(&text, "page title"), "{text}");
        // Without scripts a browser shows `<noscript>`; lists and tables come out
        // as the references write them.
        assert!(contains_snippet(&text, "enable js"), "{text}");
        assert!(contains_snippet(&text, "- one - two"), "{text}");
        assert!(
            contains_snippet(&text, "| plan | cost | | basic | $1 |"),
            "{text}"
        );
        for gone in ["p{}", "tracking", "later"] {
            assert!(!contains_snippet(&text, gone), "{gone}: {text}");
        }
    }

    #[test]
    fn metadata_comparisons() {
        assert!(title_matches(Some("A  title\n"), "A title"));
        assert!(!title_matches(Some("a title"), "A title"));
        assert!(title_matches(None, ""));
        assert!(byline_matches(Some("Jane Doe"), "By\n\t\tJane  DOE"));
        assert!(byline_matches(
            Some("Rob Ewaschuk Edited by Betsy Beyer"),
            "Written by Rob Ewaschuk\n   Edited by Betsy Beyer"
        ));
        assert!(!byline_matches(Some("Jane Doe"), "John Doe"));
        assert!(!byline_matches(None, "John Doe"));
        assert!(byline_matches(
            Some("Nathan Willis"),
            "By Nathan Willis\n   March 25, 2015"
        ));
        assert!(byline_matches(
            Some("Lucas Nolan"),
            "by Lucas Nolan22 Dec 2016651"
        ));
        assert!(byline_matches(
            Some("GILLIAN MOHNEY"),
            "By GILLIAN MOHNEY\n  March 11, 2015 3:46 PM"
        ));
        assert!(!byline_matches(
            Some("Nathan"),
            "By Nathan Willis March 25, 2015"
        ));
        assert!(byline_matches(Some("May Lee"), "May Lee"));
        assert!(!names_someone("Last Updated: January 7, 2025"));
        assert!(!names_someone(
            "April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm"
        ));
        assert!(names_someone("Jane Doe"));
        assert!(date_matches(
            Some("2021-11-01T10:52:50+01:00"),
            "2021-11-01T10:52:50+0100"
        ));
        assert!(date_matches(
            Some("2017-11-03"),
            "2017-11-03 03:01:00.000000"
        ));
        assert!(!date_matches(Some("2017-11-04"), "2017-11-03"));
        assert!(!date_matches(None, "2017-11-03"));
        assert!(lang_matches(Some("en-US"), "en_us"));
        assert!(!lang_matches(Some("en"), "en-US"));
        assert!(site_name_matches(Some("the guardian"), "The  Guardian"));
    }

    #[test]
    fn pearson_by_hand() {
        let r = pearson(&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0]);
        assert!(r.is_some_and(|r| close(r, 1.0)));
        let r = pearson(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]);
        assert!(r.is_some_and(|r| close(r, -1.0)));
        // x = 1,2,3,4; y = 1,3,2,4: cov = 4, var x = var y = 5 → 0.8.
        let r = pearson(&[1.0, 2.0, 3.0, 4.0], &[1.0, 3.0, 2.0, 4.0]);
        assert!(r.is_some_and(|r| close(r, 0.8)));
        assert_eq!(pearson(&[1.0, 1.0], &[1.0, 2.0]), None);
        assert_eq!(pearson(&[1.0], &[1.0]), None);
    }

    #[test]
    fn report_aggregates_and_failures_score_zero() {
        let page = |id: &str, ty: &str, content: &str| Page {
            id: id.into(),
            url: String::new(),
            html: "<p>Alpha <i>beta</i> gamma</p>".into(),
            whole_text_form: Default::default(),
            truth: Truth::Wcxb(WcxbTruth {
                page_type: ty.into(),
                main_content: content.into(),
                with: vec!["alpha beta".into()],
                without: vec!["Menu".into()],
                title: Some("T".into()),
                author: None,
                publish_date: Some("2020-01-02".into()),
            }),
        };
        let mut report = Report::default();
        report.add(
            &page("1", "article", "alpha beta"),
            Ok(Output {
                text: "Alpha beta menu".into(),
                title: Some("T".into()),
                published: Some("2020-01-02T00:00:00Z".into()),
                quality: Some(80),
                ..Output::default()
            }),
        );
        report.add(&page("2", "forum", "alpha beta"), Err("boom".into()));
        let w = &report.wcxb;
        // Page 1: P = 2/3, R = 1, F1 = 0.8; page 2: 0.
        assert!(close(w.overall.f1, 0.4));
        assert!(close(w.by_type["article"].f1, 0.8));
        assert!(close(w.by_type["forum"].f1, 0.0));
        assert_eq!((w.with_found.hits, w.with_found.total), (1, 2));
        assert_eq!(
            (w.with_in_page_text.hits, w.with_in_page_text.total),
            (2, 2)
        );
        assert_eq!((w.without_leaked.hits, w.without_leaked.total), (1, 2));
        let sc = &w.snippets_as_script;
        assert_eq!((sc.pages, sc.pages_with_without_snippets), (2, 2));
        assert!(close(sc.with, 0.5) && close(sc.without, 0.5));
        assert_eq!(sc.without_where_given.map(|v| close(v, 0.5)), Some(true));
        assert_eq!((w.title.hits, w.title.total), (1, 2));
        assert_eq!((w.date.hits, w.date.total), (1, 2));
        assert_eq!(report.failures, 1);
        assert!(report.table().contains("article"));
    }

    #[test]
    fn quality_correlation_is_also_given_over_pages_with_output() {
        let page = |id: &str, content: &str| Page {
            id: id.into(),
            url: String::new(),
            html: String::new(),
            whole_text_form: Default::default(),
            truth: Truth::Wcxb(WcxbTruth {
                page_type: "article".into(),
                main_content: content.into(),
                ..WcxbTruth::default()
            }),
        };
        let out = |text: &str, quality: u8| {
            Ok(Output {
                text: text.into(),
                quality: Some(quality),
                ..Output::default()
            })
        };
        let mut report = Report::default();
        report.add(&page("1", "alpha beta"), out("alpha beta", 90));
        report.add(&page("2", "alpha beta gamma delta"), out("alpha", 40));
        // Nothing extracted from a page with no content: F1 1, quality 0.
        report.add(&page("3", ""), out("", 0));
        let w = &report.wcxb;
        assert!(close(w.quality_f1_pearson_with_output.unwrap(), 1.0));
        assert!(w.quality_f1_pearson.unwrap() < 0.5);
        assert!(report.table().contains("over the 2 pages with output"));
    }

    #[test]
    fn missing_corpus_is_an_error_naming_the_data_sets() {
        let err = list_pages(Path::new("/nonexistent/corpus"), None, None, true)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains("WCXB") && err.contains("mozilla/readability"));
    }
}
