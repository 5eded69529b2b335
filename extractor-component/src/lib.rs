//! riptide's extraction engine.
//!
//! The pipeline, one module per step:
//! parse (`scraper`, html5ever) → [`metadata`] (JSON-LD → OpenGraph/Twitter/Dublin Core →
//! meta → `<title>`) → [`content`] (prune boilerplate, score, select the main subtree)
//! → [`render`] (Markdown and text) → [`mojibake`] (UTF-8 read twice, repaired) →
//! [`links`] (absolute links and media) → [`language`] → [`quality`] (a 0–100 score).
//!
//! The same library is compiled natively (tests, benches, the quality harness) and for
//! `wasm32-wasip2`, where `component` exports it as the `riptide:extractor/extract`
//! interface.

pub mod content;
pub mod dom;
pub mod language;
pub mod links;
pub mod metadata;
pub mod mojibake;
pub mod parse;
pub mod quality;
pub mod render;
pub mod words;

#[cfg(target_arch = "wasm32")]
mod component;

use content::{Analysis, Selection};
use dom::Flat;
use scraper::{ElementRef, Selector};
use url::Url;

/// Largest input accepted, in bytes. Bigger documents get [`ExtractError::ResourceLimit`].
pub const MAX_HTML_BYTES: usize = 32 * 1024 * 1024;

/// What to pull out of the page (mirrors the WIT `extraction-mode`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    Article,
    Full,
    Metadata,
    Custom(Vec<String>),
}

impl Mode {
    /// Parses "article" | "full" | "metadata".
    pub fn from_name(name: &str) -> Option<Mode> {
        match name {
            "article" => Some(Mode::Article),
            "full" => Some(Mode::Full),
            "metadata" => Some(Mode::Metadata),
            _ => None,
        }
    }
}

/// The result of one extraction (mirrors the WIT `extracted-content`).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Extracted {
    pub url: String,
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published_iso: Option<String>,
    pub markdown: String,
    pub text: String,
    pub links: Vec<String>,
    pub media: Vec<String>,
    pub language: Option<String>,
    pub reading_time: Option<u32>,
    pub quality_score: Option<u8>,
    pub word_count: Option<u32>,
    pub categories: Vec<String>,
    pub site_name: Option<String>,
    pub description: Option<String>,
}

/// Figures about one extraction (the guest adds time and memory).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stats {
    pub nodes_processed: u32,
    pub links_found: u32,
    pub images_found: u32,
}

/// Why an extraction failed (mirrors the WIT `extraction-error`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    /// The input is not usable HTML: empty, binary, or no document in it.
    #[error("invalid html: {0}")]
    InvalidHtml(String),
    /// The document could not be parsed.
    #[error("parse error: {0}")]
    ParseError(String),
    /// A size or depth limit was hit.
    #[error("resource limit: {0}")]
    ResourceLimit(String),
    /// The extraction failed (bad selector, nothing found).
    #[error("extractor error: {0}")]
    ExtractorError(String),
    /// A bug in the extractor.
    #[error("internal error: {0}")]
    InternalError(String),
    /// The mode is not supported.
    #[error("unsupported mode: {0}")]
    UnsupportedMode(String),
}

/// Extracts from `html` as found at `url` (used to resolve links; may be empty).
pub fn extract(html: &str, url: &str, mode: &Mode) -> Result<Extracted, ExtractError> {
    extract_with_stats(html, url, mode).map(|(content, _)| content)
}

/// Like [`extract`], also reporting how much work it did.
///
/// `Mode::Custom` with an empty selector list is an [`ExtractError::ExtractorError`]
/// (nothing to select), as is any selector that does not parse (the message names it).
pub fn extract_with_stats(
    html: &str,
    url: &str,
    mode: &Mode,
) -> Result<(Extracted, Stats), ExtractError> {
    check_input(html)?;
    // Selectors are checked before any parsing work.
    let selectors = match mode {
        Mode::Custom(list) => Some(compile_selectors(list)?),
        _ => None,
    };
    let page_url = Url::parse(url.trim()).ok();
    // Custom selectors may match any attribute; the engine's own steps read a few.
    let attributes = if selectors.is_some() {
        parse::Attributes::All
    } else {
        parse::Attributes::Read
    };
    let doc = parse::parse_with(html, attributes).map_err(too_many_nodes)?;
    let meta = metadata::extract(&doc, page_url.as_ref());
    let flat = Flat::build(doc.tree.root());
    let mut stats = Stats {
        nodes_processed: u32::try_from(flat.len()).unwrap_or(u32::MAX),
        ..Stats::default()
    };
    let mut out = Extracted {
        url: page_url
            .as_ref()
            .map(Url::to_string)
            .unwrap_or_else(|| url.trim().to_string()),
        title: meta.title.clone(),
        byline: meta.byline.clone(),
        published_iso: meta.published_iso.clone(),
        categories: meta.categories.clone(),
        site_name: meta.site_name.clone(),
        description: meta.description.clone(),
        ..Extracted::default()
    };
    repair_mojibake(&mut out);
    if *mode == Mode::Metadata {
        out.language = language::detect(meta.language.as_deref(), "");
        return Ok((out, stats));
    }
    let base = links::base_url(&flat, page_url.as_ref());
    let mut analysis = Analysis::new(&flat);
    analysis.set_byline(meta.byline.as_deref());
    analysis.set_title(meta.title.as_deref());
    let body = flat.find("body").unwrap_or(0);
    let selection = match (mode, selectors) {
        (Mode::Custom(_), Some(selectors)) => select_custom(&analysis, &selectors),
        (Mode::Full, _) => content::full(&analysis, body),
        _ => content::find(&analysis, body),
    };
    let tree = content::to_tree(&flat, &selection);
    let resolver = links::Resolver::new(base.as_ref());
    out.markdown = render::markdown_with(tree.root(), &resolver);
    out.text = render::text(tree.root());
    let (links, media) = links::collect_with(tree.root(), &resolver);
    out.links = links;
    out.media = media;
    let mut summary = analysis.summary(&selection);
    let mut from_structured = false;
    if *mode == Mode::Article {
        // Pages whose body is rendered by script may still carry it as structured
        // data (JSON-LD `articleBody`). Their meta description is not the body: it is
        // returned as `description`, and a shell without content has none.
        if let Some(body_text) = meta.structured_body.as_deref() {
            let dom_words = words::count(&out.text);
            let structured_words = words::count(body_text);
            if dom_words < 50 && structured_words > dom_words.max(10) {
                out.text = paragraphs_text(body_text);
                out.markdown = out.text.clone();
                summary.chars = non_ws_chars(&out.text);
                from_structured = true;
            }
        }
    }
    let declared_product = meta
        .page_type_hint
        .as_deref()
        .is_some_and(|t| t.eq_ignore_ascii_case("product"));
    if *mode == Mode::Article && !from_structured && declared_product {
        // Product pages often render their description into a tab or widget the
        // region missed; the declared description is the product's own words.
        if let Some(desc) = meta.structured_body.as_deref() {
            if words::count(desc) >= MIN_PRODUCT_DESCRIPTION_WORDS && !mentions(&out.text, desc) {
                let desc = paragraphs_text(desc);
                out.text = join_nonempty(&desc, &out.text);
                out.markdown = join_nonempty(&desc, &out.markdown);
                summary.chars += non_ws_chars(&desc);
            }
        }
    }
    if *mode == Mode::Article && !from_structured {
        // Q&A pages that load their answers by script leave only the question in the
        // DOM; the answers their structured data lists belong with it.
        let missing: Vec<String> = meta
            .structured_answers
            .iter()
            .filter(|a| {
                // Rendered answers differ from their markup copy in mentions and
                // quotes: any shared line shows the answer is there.
                words::count(a) >= MIN_ANSWER_WORDS
                    && !a
                        .lines()
                        .filter(|line| words::count(line) >= MIN_ANSWER_WORDS)
                        .any(|line| mentions(&out.text, line))
            })
            .map(|a| paragraphs_text(a))
            .collect();
        if !missing.is_empty() {
            let answers = missing.join("\n\n");
            let append = |before: &str| {
                if before.trim().is_empty() {
                    answers.clone()
                } else {
                    format!("{}\n\n{answers}", before.trim_end())
                }
            };
            out.text = append(&out.text);
            out.markdown = append(&out.markdown);
            summary.chars += non_ws_chars(&answers);
        }
    }
    mojibake::repair_in_place(&mut out.text);
    mojibake::repair_in_place(&mut out.markdown);
    let word_count = words::count(&out.text);
    out.word_count = Some(u32::try_from(word_count).unwrap_or(u32::MAX));
    out.reading_time = (word_count > 0).then(|| word_count.div_ceil(225) as u32);
    out.language = language::detect(meta.language.as_deref(), &out.text);
    let signals = quality::Signals {
        content_chars: summary.chars,
        page_chars: analysis.visible_text(body),
        confidence: selection.confidence,
        whole_body: selection.roots == [body],
        declared_non_article: meta
            .page_type_hint
            .as_deref()
            .is_some_and(|t| !quality::is_article_type(t)),
        from_structured_data: from_structured,
    };
    out.quality_score = Some(quality::score(&signals, &out.text));
    stats.links_found = u32::try_from(out.links.len()).unwrap_or(u32::MAX);
    stats.images_found = u32::try_from(out.media.len()).unwrap_or(u32::MAX);
    Ok((out, stats))
}

/// Repairs mojibake in the metadata fields ([`mojibake`]).
fn repair_mojibake(out: &mut Extracted) {
    let fields = [
        &mut out.title,
        &mut out.byline,
        &mut out.site_name,
        &mut out.description,
    ];
    for value in fields.into_iter().flatten() {
        mojibake::repair_in_place(value);
    }
}

/// Ok(true) when `html` parses to a document with some element or text content in its
/// body; Ok(false) for anything [`extract`] would reject as invalid HTML (empty,
/// binary, no markup) or an empty body. Errors only for inputs over
/// [`MAX_HTML_BYTES`] and documents over the parser's node budget
/// ([`parse::max_nodes`]).
pub fn validate_html(html: &str) -> Result<bool, ExtractError> {
    match check_input(html) {
        Ok(()) => {}
        Err(ExtractError::InvalidHtml(_)) => return Ok(false),
        Err(e) => return Err(e),
    }
    let doc = parse::parse_with(html, parse::Attributes::Read).map_err(too_many_nodes)?;
    let flat = Flat::build(doc.tree.root());
    let Some(body) = flat.find("body") else {
        return Ok(false);
    };
    let has_content = (body + 1..flat.nodes[body].end as usize).any(|i| match flat.nodes[i].kind {
        dom::Kind::Element => true,
        dom::Kind::Text => !flat.text(i).trim().is_empty(),
        dom::Kind::Other => false,
    });
    Ok(has_content)
}

/// A document that builds far more nodes than its size explains (formatting elements
/// reopened again and again) is refused before it takes the memory it asks for.
fn too_many_nodes(over: parse::TooManyNodes) -> ExtractError {
    ExtractError::ResourceLimit(format!(
        "the document builds more than {} nodes ({} plus one per byte), far more than \
         its markup holds (formatting elements reopened again and again)",
        over.limit,
        parse::BASE_NODES
    ))
}

/// Rejects inputs that are not HTML at all, before any parsing.
fn check_input(html: &str) -> Result<(), ExtractError> {
    if html.len() > MAX_HTML_BYTES {
        return Err(ExtractError::ResourceLimit(format!(
            "input is {} bytes, the limit is {MAX_HTML_BYTES}",
            html.len()
        )));
    }
    if html.trim().is_empty() {
        return Err(ExtractError::InvalidHtml("the input is empty".into()));
    }
    if html.contains('\0') {
        return Err(ExtractError::InvalidHtml(
            "the input is binary (NUL bytes)".into(),
        ));
    }
    let sample: Vec<char> = html.chars().take(4096).collect();
    let control = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0c'))
        .count();
    if control * 10 > sample.len() {
        return Err(ExtractError::InvalidHtml(
            "the input is binary (mostly control characters)".into(),
        ));
    }
    let has_markup = html
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'!'));
    if !has_markup {
        return Err(ExtractError::InvalidHtml(
            "the input has no HTML markup".into(),
        ));
    }
    Ok(())
}

fn compile_selectors(list: &[String]) -> Result<Vec<Selector>, ExtractError> {
    if list.is_empty() {
        return Err(ExtractError::ExtractorError(
            "custom mode needs at least one CSS selector".into(),
        ));
    }
    list.iter()
        .map(|s| {
            Selector::parse(s).map_err(|e| {
                ExtractError::ExtractorError(format!("invalid CSS selector `{s}`: {e}"))
            })
        })
        .collect()
}

/// Elements matched by any selector, in document order; a match inside an earlier
/// match is part of it, not repeated.
fn select_custom(analysis: &Analysis<'_, '_>, selectors: &[Selector]) -> Selection {
    let flat = analysis.flat;
    let removed = analysis.prune(content::Strictness::Hard, 0);
    let mut roots = Vec::new();
    let mut i = 0;
    while i < flat.len() {
        let node = &flat.nodes[i];
        if node.kind == dom::Kind::Element {
            if let Some(element) = ElementRef::wrap(node.node) {
                if selectors.iter().any(|s| s.matches(&element)) {
                    roots.push(i);
                    i = node.end as usize;
                    continue;
                }
            }
        }
        i += 1;
    }
    Selection {
        roots,
        removed,
        confidence: None,
    }
}

/// A declared product description shorter than this is a tagline, not a
/// description worth adding.
const MIN_PRODUCT_DESCRIPTION_WORDS: usize = 15;

/// Shortest declared answer worth adding: below it, "+1" and "Thanks!".
const MIN_ANSWER_WORDS: usize = 5;

/// Whether `text` already holds `passage`: its first words, compared as lower-case
/// alphanumeric words so markup and punctuation differences do not matter.
fn mentions(text: &str, passage: &str) -> bool {
    fn word_list(s: &str) -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    }
    let head: Vec<String> = word_list(passage).into_iter().take(8).collect();
    if head.is_empty() {
        return true;
    }
    let words = word_list(text);
    words.windows(head.len()).any(|w| w == head.as_slice())
}

fn join_nonempty(first: &str, rest: &str) -> String {
    if rest.trim().is_empty() {
        first.to_string()
    } else {
        format!("{first}\n\n{rest}")
    }
}

/// Structured-data text as paragraphs: blank lines between its lines.
fn paragraphs_text(body: &str) -> String {
    body.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn non_ws_chars(s: &str) -> u32 {
    u32::try_from(s.chars().filter(|c| !c.is_whitespace()).count()).unwrap_or(u32::MAX)
}
