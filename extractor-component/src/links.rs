//! Absolute links and media of a subtree, resolved against the page URL and `<base>`.
//!
//! Decisions:
//! - `links` holds only `http`/`https` targets of `a[href]` and `area[href]`: they are
//!   what a crawler or an LLM pipeline can follow. `mailto:`, `tel:`, `javascript:`,
//!   `data:` and fragment-only (`#top`) references are dropped, as are relative
//!   references when there is no base to resolve them against.
//! - `media` holds images (`img`, `picture > source`, lazy-loading attributes), video and
//!   audio sources and iframe/embed players of known video and audio hosts; an iframe of
//!   any other host is an ad or widget far more often than content.
//! - One URL per image: a lazy-loading attribute beats `src` (which then holds a
//!   placeholder), `src` beats `srcset`, and from a `srcset` the widest candidate wins.
//! - Both lists are deduplicated on the serialised absolute URL, keeping the first
//!   occurrence, so document order is preserved.
//!
//! The walk is iterative: documents can nest elements tens of thousands deep.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};

use ego_tree::NodeRef;
use scraper::Node;
use url::Url;

use crate::dom::{Flat, Kind};

/// Attributes lazy-loading scripts keep the real image URL in. The parser keeps
/// these `data-…` attributes and drops the others ([`crate::parse::Attributes::Read`]).
pub const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-original",
    "data-lazy-src",
    "data-lazy",
    "data-url",
    "data-hi-res-src",
];
pub const LAZY_SRCSET_ATTRS: &[&str] = &["data-srcset", "data-lazy-srcset"];

/// Hosts whose iframes are players (the embedded thing is content, not an ad).
const EMBED_HOSTS: &[&str] = &[
    "youtube.com",
    "youtube-nocookie.com",
    "youtu.be",
    "vimeo.com",
    "dailymotion.com",
    "twitch.tv",
    "soundcloud.com",
    "spotify.com",
    "bandcamp.com",
    "ted.com",
    "wistia.com",
    "wistia.net",
    "jwplayer.com",
    "brightcove.net",
    "streamable.com",
    "bilibili.com",
    "archive.org",
    "loom.com",
    "podcasts.apple.com",
];

/// The URL relative references resolve against: `<base href>` joined to the page URL.
/// `flat` indexes the whole document (a scan of its names is cheaper than a tree walk).
pub fn base_url(flat: &Flat<'_>, page_url: Option<&Url>) -> Option<Url> {
    // The first `<base>` with an href counts (HTML § 4.2.3), even if it is malformed.
    let href = flat
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == Kind::Element && n.name == "base")
        .find_map(|(i, _)| flat.attr(i, "href"));
    let Some(href) = href.map(str::trim).filter(|h| !h.is_empty()) else {
        return page_url.cloned();
    };
    let joined = match page_url {
        Some(page) => page.join(href).ok(),
        None => Url::parse(href).ok(),
    };
    match joined {
        Some(url) if is_web(&url) => Some(url),
        _ => page_url.cloned(),
    }
}

/// (links, media) under `root`: absolute, deduplicated, in document order.
pub fn collect(root: NodeRef<'_, Node>, base: Option<&Url>) -> (Vec<String>, Vec<String>) {
    collect_with(root, &Resolver::new(base))
}

/// [`collect`] with a shared [`Resolver`] (the Markdown renderer resolves the same
/// references first).
pub fn collect_with(root: NodeRef<'_, Node>, base: &Resolver<'_>) -> (Vec<String>, Vec<String>) {
    let mut links = UrlList::default();
    let mut media = UrlList::default();
    let mut next = Some(root);
    while let Some(node) = next {
        let mut skip_children = false;
        if let Node::Element(el) = node.value() {
            let attr = |name: &str| {
                crate::dom::attr(el, name)
                    .map(str::trim)
                    .filter(|v| !v.is_empty())
            };
            match el.name() {
                "a" | "area" => {
                    if let Some(url) = attr("href").and_then(|h| resolve(h, base)) {
                        links.push(url);
                    }
                }
                "img" if is_icon(el) => {}
                "img" => {
                    let url = LAZY_SRC_ATTRS
                        .iter()
                        .filter_map(|a| attr(a))
                        .chain(attr("src"))
                        .find_map(|v| resolve(v, base))
                        .or_else(|| {
                            LAZY_SRCSET_ATTRS
                                .iter()
                                .filter_map(|a| attr(a))
                                .chain(attr("srcset"))
                                .find_map(|v| widest_candidate(v, base))
                        });
                    if let Some(url) = url {
                        media.push(url);
                    }
                }
                "source" => {
                    let url = attr("src")
                        .or_else(|| attr("data-src"))
                        .and_then(|v| resolve(v, base))
                        .or_else(|| {
                            attr("srcset")
                                .or_else(|| attr("data-srcset"))
                                .and_then(|v| widest_candidate(v, base))
                        });
                    if let Some(url) = url {
                        media.push(url);
                    }
                }
                "video" | "audio" => {
                    if let Some(url) = attr("src").and_then(|v| resolve(v, base)) {
                        media.push(url);
                    }
                }
                "iframe" | "embed" => {
                    let url = attr("src")
                        .or_else(|| attr("data-src"))
                        .and_then(|v| resolve(v, base))
                        .filter(is_embed_player);
                    if let Some(url) = url {
                        media.push(url);
                    }
                }
                // Scripts, styles and inert templates hold no references a reader sees.
                "script" | "style" | "template" | "head" => skip_children = true,
                _ => {}
            }
        }
        next = next_in_subtree(node, root, skip_children);
    }
    (links.items, media.items)
}

/// Largest side, in CSS pixels, of an image drawn as an icon.
const MAX_ICON_PX: u32 = 32;

/// Whether an `<img>` is drawn as an icon or a tracking pixel (both sides set and
/// at most [`MAX_ICON_PX`]: a check mark before each list item, a logo badge, a
/// 1×1 beacon). It is decoration, neither media of the page nor a picture in its
/// Markdown.
pub(crate) fn is_icon(el: &scraper::node::Element) -> bool {
    let side = |name: &str| {
        let value = crate::dom::attr(el, name)?.trim();
        let digits = value.trim_end_matches("px").trim();
        digits.parse::<u32>().ok()
    };
    matches!((side("width"), side("height")), (Some(w), Some(h)) if w <= MAX_ICON_PX && h <= MAX_ICON_PX)
}

/// The next node of `root`'s subtree in document order, without recursion.
fn next_in_subtree<'a>(
    node: NodeRef<'a, Node>,
    root: NodeRef<'a, Node>,
    skip_children: bool,
) -> Option<NodeRef<'a, Node>> {
    if !skip_children {
        if let Some(child) = node.first_child() {
            return Some(child);
        }
    }
    let mut current = node;
    loop {
        if current.id() == root.id() {
            return None;
        }
        if let Some(sibling) = current.next_sibling() {
            return Some(sibling);
        }
        current = current.parent()?;
    }
}

#[derive(Default)]
struct UrlList {
    items: Vec<String>,
    seen: HashSet<String>,
}

impl UrlList {
    fn push(&mut self, url: Url) {
        let s = String::from(url);
        if self.seen.insert(s.clone()) {
            self.items.push(s);
        }
    }
}

fn is_web(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

/// Resolves one reference; `None` for non-web schemes, fragment-only references and
/// relative references without a base.
fn resolve(reference: &str, base: &Resolver<'_>) -> Option<Url> {
    let reference = reference.trim();
    if reference.is_empty() || reference.starts_with('#') {
        return None;
    }
    base.with(reference, |url| url.filter(|u| is_web(u)).cloned())
}

/// Resolves references against one base URL, each distinct reference once: the
/// Markdown renderer and the link collector resolve the same `href`s, pages repeat
/// theirs (menus, tag lists, image variants), and a URL parse costs far more than a
/// lookup.
pub struct Resolver<'u> {
    base: Option<&'u Url>,
    seen: RefCell<HashMap<Box<str>, Option<Url>>>,
}

impl<'u> Resolver<'u> {
    pub fn new(base: Option<&'u Url>) -> Self {
        Resolver {
            base,
            seen: RefCell::new(HashMap::new()),
        }
    }

    pub fn base(&self) -> Option<&'u Url> {
        self.base
    }

    /// Calls `f` with `reference` joined to the base, or parsed as an absolute URL when
    /// there is no base (`None` when that fails). `reference` is taken as given: callers
    /// trim it.
    pub fn with<R>(&self, reference: &str, f: impl FnOnce(Option<&Url>) -> R) -> R {
        if let Some(known) = self.seen.borrow().get(reference) {
            return f(known.as_ref());
        }
        let url = match self.base {
            Some(base) => base.join(reference).ok(),
            None => Url::parse(reference).ok(),
        };
        let result = f(url.as_ref());
        self.seen.borrow_mut().insert(reference.into(), url);
        result
    }
}

/// The widest (`w`) or densest (`x`) candidate of a `srcset`.
fn widest_candidate(srcset: &str, base: &Resolver<'_>) -> Option<Url> {
    let mut best: Option<(f64, &str)> = None;
    for candidate in split_srcset(srcset) {
        let mut parts = candidate.split_whitespace();
        let Some(url) = parts.next() else { continue };
        let size = parts
            .next()
            .and_then(|d| {
                d.strip_suffix(['w', 'x', 'W', 'X'])
                    .and_then(|n| n.parse::<f64>().ok())
            })
            .unwrap_or(1.0);
        if best.is_none_or(|(s, _)| size > s) {
            best = Some((size, url));
        }
    }
    best.and_then(|(_, url)| resolve(url, base))
}

/// Splits a `srcset` into candidates. Commas separate candidates, but URLs may contain
/// commas themselves (image CDNs love `w_600,h_400`); a candidate ends at a comma that
/// follows whitespace-separated descriptors or at a comma followed by whitespace.
fn split_srcset(srcset: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = srcset.as_bytes();
    let mut in_url = true;
    let mut seen_non_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {
                if seen_non_space {
                    in_url = false;
                }
            }
            b',' if !in_url || bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()) => {
                out.push(srcset[start..i].trim());
                start = i + 1;
                in_url = true;
                seen_non_space = false;
            }
            _ => seen_non_space = true,
        }
    }
    out.push(srcset[start..].trim());
    out.retain(|c| !c.is_empty());
    out
}

fn is_embed_player(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let host = host.to_ascii_lowercase();
    EMBED_HOSTS
        .iter()
        .any(|h| host == *h || host.strip_suffix(h).is_some_and(|p| p.ends_with('.')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn base_of(doc: &Html, page: Option<&Url>) -> Option<Url> {
        base_url(&Flat::build(doc.tree.root()), page)
    }

    fn run(html: &str, page: &str) -> (Vec<String>, Vec<String>) {
        let doc = Html::parse_document(html);
        let page = Url::parse(page).ok();
        let base = base_of(&doc, page.as_ref());
        collect(doc.tree.root(), base.as_ref())
    }

    #[test]
    fn every_lazy_loading_attribute_survives_the_parser() {
        let page = Url::parse("https://example.com/").ok();
        for name in LAZY_SRC_ATTRS.iter().chain(LAZY_SRCSET_ATTRS) {
            let html = format!("<body><img {name}=\"/i.png\" data-track=\"x\"></body>");
            let doc = crate::parse::parse(&html);
            let (_, media) = collect(doc.tree.root(), page.as_ref());
            assert_eq!(media, ["https://example.com/i.png"], "{name}");
        }
    }

    #[test]
    fn icons_and_tracking_pixels_are_not_media() {
        let (_, media) = run(
            r#"<body><img src="/check.svg" width="20" height="20" alt="check">
            <img src="/beacon.gif" width=1 height=1><img src="/logo.png" width="24px" height="24px">
            <img src="/photo.jpg" width="800" height="600"><img src="/wide.png" width="600" height="20">
            <img src="/plain.png"></body>"#,
            "https://example.com/",
        );
        assert_eq!(
            media,
            vec![
                "https://example.com/photo.jpg",
                "https://example.com/wide.png",
                "https://example.com/plain.png",
            ]
        );
    }

    #[test]
    fn resolves_against_page_and_dedupes_in_order() {
        let (links, media) = run(
            r##"<body><a href="/a">A</a><a href="b?x=1#frag">B</a><a href="#top">top</a>
            <a href="javascript:void(0)">js</a><a href="mailto:x@y.z">mail</a>
            <a href="//cdn.example.org/c">C</a><a href="/a">A again</a>
            <a href=" https://other.example/d ">D</a><a>no href</a>
            <img src="img/1.png"><img src="data:image/gif;base64,R0lGOD"></body>"##,
            "https://example.com/dir/page.html",
        );
        assert_eq!(
            links,
            vec![
                "https://example.com/a",
                "https://example.com/dir/b?x=1#frag",
                "https://cdn.example.org/c",
                "https://other.example/d",
            ]
        );
        assert_eq!(media, vec!["https://example.com/dir/img/1.png"]);
    }

    #[test]
    fn base_element_is_relative_to_page() {
        let html = r#"<head><base href="../static/"></head><body><a href="x.html">x</a></body>"#;
        let doc = Html::parse_document(html);
        let page = Url::parse("https://example.com/a/b/page.html").ok();
        let base = base_of(&doc, page.as_ref());
        assert_eq!(
            base.as_ref().map(Url::as_str),
            Some("https://example.com/a/static/")
        );
        let (links, _) = collect(doc.tree.root(), base.as_ref());
        assert_eq!(links, vec!["https://example.com/a/static/x.html"]);
    }

    #[test]
    fn absolute_base_works_without_page_url_and_bad_base_is_ignored() {
        let (links, _) = run_no_page(
            r#"<base href="https://example.net/root/"><a href="p">p</a><a href="https://x.org/">x</a>"#,
        );
        assert_eq!(links, vec!["https://example.net/root/p", "https://x.org/"]);
        let doc = Html::parse_document(r#"<base href="javascript:alert(1)"><a href="p">p</a>"#);
        let page = Url::parse("https://example.com/").ok();
        assert_eq!(
            base_of(&doc, page.as_ref()).map(String::from).as_deref(),
            Some("https://example.com/")
        );
    }

    #[test]
    fn a_shared_resolver_resolves_each_reference_once_with_the_same_results() {
        let page = Url::parse("https://example.com/dir/").ok();
        let resolver = Resolver::new(page.as_ref());
        let first = resolver.with("x?y=1", |u| u.map(Url::to_string));
        let again = resolver.with("x?y=1", |u| u.map(Url::to_string));
        assert_eq!(first.as_deref(), Some("https://example.com/dir/x?y=1"));
        assert_eq!(first, again);
        assert_eq!(resolver.seen.borrow().len(), 1);
        // The Markdown renderer and the collector see the same URL for one href.
        assert_eq!(
            crate::render::resolve(&resolver, " x?y=1 ").as_deref(),
            Some("https://example.com/dir/x?y=1")
        );
        assert_eq!(resolver.seen.borrow().len(), 1);
        // Without a base: absolute references parse, relative ones fail (and the
        // renderer keeps them as written).
        let bare = Resolver::new(None);
        assert!(bare.with("rel/x", |u| u.is_none()));
        assert!(bare.with("rel/x", |u| u.is_none()));
        assert_eq!(
            crate::render::resolve(&bare, "rel/x").as_deref(),
            Some("rel/x")
        );
        assert_eq!(resolve("rel/x", &bare), None);
        assert_eq!(
            resolve("https://a.example/p", &bare)
                .map(String::from)
                .as_deref(),
            Some("https://a.example/p")
        );
    }

    fn run_no_page(html: &str) -> (Vec<String>, Vec<String>) {
        let doc = Html::parse_document(html);
        let base = base_of(&doc, None);
        collect(doc.tree.root(), base.as_ref())
    }

    #[test]
    fn relative_links_without_any_base_are_dropped() {
        let (links, media) = run_no_page(
            r#"<a href="rel">r</a><img src="i.png"><a href="http://abs.example/">a</a>"#,
        );
        assert_eq!(links, vec!["http://abs.example/"]);
        assert!(media.is_empty());
    }

    #[test]
    fn lazy_images_srcset_picture_video_audio_and_players() {
        let (_, media) = run(
            r#"<body>
            <img src="data:image/gif;base64,AAAA" data-src="/real.jpg">
            <img srcset="/s-320.jpg 320w, /s-1280.jpg 1280w, /s-640.jpg 640w">
            <img src="/cdn/w_600,h_400/pic.jpg">
            <picture><source srcset="/p.webp 1x, /p@2x.webp 2x"><img src="/p.jpg"></picture>
            <video src="/v.mp4"><source src="/v.webm"></video>
            <audio><source src="/a.mp3"></audio>
            <iframe src="https://www.youtube.com/embed/abc"></iframe>
            <iframe src="https://ads.example.com/frame"></iframe>
            </body>"#,
            "https://example.com/",
        );
        assert_eq!(
            media,
            vec![
                "https://example.com/real.jpg",
                "https://example.com/s-1280.jpg",
                "https://example.com/cdn/w_600,h_400/pic.jpg",
                "https://example.com/p@2x.webp",
                "https://example.com/p.jpg",
                "https://example.com/v.mp4",
                "https://example.com/v.webm",
                "https://example.com/a.mp3",
                "https://www.youtube.com/embed/abc",
            ]
        );
    }

    #[test]
    fn srcset_with_commas_inside_urls() {
        assert_eq!(
            split_srcset("/a,b.jpg 1x, /c,d.jpg 2x"),
            vec!["/a,b.jpg 1x", "/c,d.jpg 2x"]
        );
        assert_eq!(split_srcset("/only.jpg"), vec!["/only.jpg"]);
        assert_eq!(split_srcset(" , "), Vec::<&str>::new());
    }

    #[test]
    fn collect_is_limited_to_the_subtree() {
        let doc = Html::parse_document(
            r#"<body><nav><a href="/nav">n</a></nav><article id="main"><a href="/in">i</a></article><a href="/after">a</a></body>"#,
        );
        let page = Url::parse("https://example.com/").ok();
        let article = doc
            .tree
            .root()
            .descendants()
            .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "article"));
        let (links, _) = article
            .map(|a| collect(a, page.as_ref()))
            .unwrap_or_default();
        assert_eq!(links, vec!["https://example.com/in"]);
    }

    #[test]
    fn very_deep_documents_do_not_overflow() {
        let depth = 100_000;
        let mut html = String::with_capacity(depth * 8);
        for _ in 0..depth {
            html.push_str("<span>");
        }
        html.push_str(r#"<a href="/deep">deep</a>"#);
        let (links, _) = run(&html, "https://example.com/");
        assert_eq!(links, vec!["https://example.com/deep"]);
    }
}
