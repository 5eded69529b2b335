//! A flat, pre-order index over a parsed document.
//!
//! scraper's tree is pointer-shaped; every later step (pruning, scoring, selection)
//! wants per-node numbers it can look up by a dense index and subtree ranges it can
//! skip in O(1). One iterative pass builds that here, so no step recurses over the
//! document (100k nested elements must not overflow the stack) and no step walks the
//! tree more than a constant number of times.

use ego_tree::NodeRef;
use html5ever::driver::ParseOpts;
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use scraper::node::Element;
use scraper::{Html, HtmlTreeSink, Node};

/// Nesting the parser is allowed to build. html5ever's scope checks walk the stack of
/// open elements, so hostile nesting (100k `<div>`s) costs quadratic time; tags beyond
/// this depth are dropped before parsing and their text stays, flat.
pub const MAX_PARSE_DEPTH: usize = 400;

/// Parses a document the way a browser with scripting off does: `<noscript>` content
/// becomes markup (server-rendered forums put their whole thread there) instead of
/// one raw text node. Nesting is capped at [`MAX_PARSE_DEPTH`] first.
pub fn parse(html: &str) -> Html {
    let html = limit_depth(html);
    let html: &str = &html;
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts).one(html)
}

/// `html` with start/end tags beyond [`MAX_PARSE_DEPTH`] removed (borrowed unchanged
/// when the document stays below it, which is every ordinary page).
pub fn limit_depth(html: &str) -> std::borrow::Cow<'_, str> {
    if scan_depth(html, None) {
        let mut out = String::with_capacity(html.len());
        scan_depth(html, Some(&mut out));
        std::borrow::Cow::Owned(out)
    } else {
        std::borrow::Cow::Borrowed(html)
    }
}

/// Elements that never nest content (void) or usually lack end tags: they do not count
/// towards the depth estimate.
fn depth_neutral(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "tr"
            | "td"
            | "th"
            | "option"
            | "optgroup"
            | "thead"
            | "tbody"
            | "tfoot"
            | "colgroup"
            | "rp"
            | "rt"
            | "html"
            | "head"
            | "body"
            | "frame"
            | "keygen"
    )
}

/// Elements whose content is raw text up to their end tag.
fn raw_text(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "textarea" | "title" | "xmp" | "iframe" | "noembed" | "noframes"
    )
}

/// Estimates element nesting from the tag stream. Without `out`: returns whether the
/// depth exceeds the cap. With `out`: copies `html` there minus the tags beyond it.
fn scan_depth(html: &str, mut out: Option<&mut String>) -> bool {
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut dropped = 0usize;
    let mut pos = 0usize;
    let mut copied = 0usize;
    let mut exceeded = false;
    while let Some(off) = html[pos..].find('<') {
        let start = pos + off;
        let rest = &bytes[start + 1..];
        pos = start + 1;
        if rest.starts_with(b"!--") {
            pos = html[start..]
                .find("-->")
                .map_or(html.len(), |e| start + e + 3);
            continue;
        }
        let (closing, name_start) = match rest.first() {
            Some(b'/') => (true, start + 2),
            Some(c) if c.is_ascii_alphabetic() => (false, start + 1),
            Some(b'!' | b'?') => {
                pos = html[start..]
                    .find('>')
                    .map_or(html.len(), |e| start + e + 1);
                continue;
            }
            _ => continue,
        };
        let name_end = bytes[name_start..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric() && *c != b'-')
            .map_or(html.len(), |e| name_start + e);
        if name_end == name_start {
            continue;
        }
        let tag_end = tag_end(bytes, name_end);
        // Lower-cased on the stack: every name the lists below know is short, and a
        // longer one only needs to match none of them.
        let mut name_buf = [0u8; 16];
        let raw_name = &bytes[name_start..name_end];
        let name = if raw_name.len() <= name_buf.len() {
            let lower = &mut name_buf[..raw_name.len()];
            lower.copy_from_slice(raw_name);
            lower.make_ascii_lowercase();
            std::str::from_utf8(lower).unwrap_or("")
        } else {
            ""
        };
        pos = tag_end;
        if !closing && raw_text(name) {
            pos = find_close_tag(html, tag_end, name.as_bytes());
            continue;
        }
        let self_closing = tag_end >= 2 && bytes[tag_end - 2] == b'/';
        if depth_neutral(name) || (self_closing && !closing) {
            continue;
        }
        let drop = if closing {
            if dropped > 0 {
                dropped -= 1;
                true
            } else {
                depth = depth.saturating_sub(1);
                false
            }
        } else if depth >= MAX_PARSE_DEPTH {
            dropped += 1;
            exceeded = true;
            if out.is_none() {
                return true;
            }
            true
        } else {
            depth += 1;
            false
        };
        if drop {
            if let Some(out) = out.as_deref_mut() {
                out.push_str(&html[copied..start]);
                out.push(' ');
                copied = tag_end;
            }
        }
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    exceeded
}

/// Index of the first `</name` (ASCII case-insensitive) at or after `from`, else the
/// end. Scans in place: lower-casing the rest of the document per raw-text element
/// would cost quadratic time on script-heavy pages.
fn find_close_tag(html: &str, from: usize, name: &[u8]) -> usize {
    let bytes = html.as_bytes();
    let mut k = from;
    while k + 1 < bytes.len() {
        // `str::find` uses memchr; `from` follows a `>` and `k` a `<`, so both sit on
        // char boundaries.
        match html.get(k..).and_then(|rest| rest.find('<')) {
            Some(off) => k += off,
            None => break,
        }
        let after = &bytes[k + 1..];
        if after.first() == Some(&b'/')
            && after.len() > name.len()
            && after[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return k;
        }
        k += 1;
    }
    bytes.len()
}

/// Index just past the `>` closing a tag whose name ends at `from` (quotes respected).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote: Option<u8> = None;
    for (k, &c) in bytes.iter().enumerate().skip(from) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return k + 1,
            None => {}
        }
    }
    bytes.len()
}

/// The value of `el`'s attribute `name` (no namespace, like [`Element::attr`]).
///
/// `Element::attr` interns `name` as an atom and binary-searches with string
/// comparisons on every call; elements have a handful of attributes, so a linear scan
/// comparing the stored names is several times cheaper on the hot paths.
pub fn attr<'e>(el: &'e Element, name: &str) -> Option<&'e str> {
    el.attrs
        .iter()
        .find(|(q, _)| q.prefix.is_none() && q.ns == html5ever::ns!() && &*q.local == name)
        .map(|(_, v)| &**v)
}

/// Sentinel for "no parent".
pub const NONE: u32 = u32::MAX;

/// What a flat node is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Element,
    Text,
    /// Document, comments, doctypes, processing instructions.
    Other,
}

/// One node of the flat index.
#[derive(Clone, Copy)]
pub struct FlatNode<'a> {
    pub node: NodeRef<'a, Node>,
    pub kind: Kind,
    /// Lower-case local name for elements, "" otherwise.
    pub name: &'a str,
    pub parent: u32,
    /// One past the last descendant: the subtree of `i` is `i..end`.
    pub end: u32,
    pub depth: u32,
}

/// The flat index of a (sub)tree, in document order.
pub struct Flat<'a> {
    pub nodes: Vec<FlatNode<'a>>,
}

impl<'a> Flat<'a> {
    /// Indexes `root` and everything below it, iteratively.
    pub fn build(root: NodeRef<'a, Node>) -> Flat<'a> {
        let mut nodes: Vec<FlatNode<'a>> = Vec::new();
        // (flat index, ego node) of the open ancestors; closing one fixes its `end`.
        let mut stack: Vec<(u32, NodeRef<'a, Node>)> = Vec::new();
        let mut next = Some(root);
        while let Some(node) = next {
            let index = nodes.len() as u32;
            let parent = stack.last().map_or(NONE, |&(p, _)| p);
            let (kind, name) = match node.value() {
                Node::Element(e) => (Kind::Element, e.name()),
                Node::Text(_) => (Kind::Text, ""),
                _ => (Kind::Other, ""),
            };
            nodes.push(FlatNode {
                node,
                kind,
                name,
                parent,
                end: index + 1,
                depth: stack.len() as u32,
            });
            if let Some(child) = node.first_child() {
                stack.push((index, node));
                next = Some(child);
                continue;
            }
            // Leaf: climb until an ancestor (below `root`) has a next sibling.
            let mut current = node;
            next = None;
            loop {
                if current.id() == root.id() {
                    break;
                }
                if let Some(sibling) = current.next_sibling() {
                    next = Some(sibling);
                    break;
                }
                match stack.pop() {
                    Some((p, parent_node)) => {
                        nodes[p as usize].end = nodes.len() as u32;
                        current = parent_node;
                    }
                    None => break,
                }
            }
        }
        // Anything still open ends at the end.
        let len = nodes.len() as u32;
        for (p, _) in stack {
            nodes[p as usize].end = len;
        }
        Flat { nodes }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    /// Element attribute, if `i` is an element that has it.
    pub fn attr(&self, i: usize, name: &str) -> Option<&'a str> {
        match self.nodes[i].node.value() {
            Node::Element(e) => attr(e, name),
            _ => None,
        }
    }

    /// Text of a text node, "" otherwise.
    pub fn text(&self, i: usize) -> &'a str {
        match self.nodes[i].node.value() {
            Node::Text(t) => t,
            _ => "",
        }
    }

    /// Index of the first element named `name` (document order).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.nodes
            .iter()
            .position(|n| n.kind == Kind::Element && n.name == name)
    }

    /// Direct children of `i`, in order.
    pub fn children(&self, i: usize) -> Children<'_, 'a> {
        Children {
            flat: self,
            next: i + 1,
            end: self.nodes[i].end as usize,
        }
    }

    /// Whether `a` is `d` or one of its ancestors.
    pub fn contains(&self, a: usize, d: usize) -> bool {
        a <= d && d < self.nodes[a].end as usize
    }
}

/// Iterator over direct children (skips each child's subtree in O(1)).
pub struct Children<'f, 'a> {
    flat: &'f Flat<'a>,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_, '_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next = self.flat.nodes[i].end as usize;
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn ranges_and_parents_match_the_tree() {
        let doc = Html::parse_document("<p>a<b>b</b></p><div><i>c</i></div>");
        let flat = Flat::build(doc.tree.root());
        let body = flat.find("body").unwrap_or(0);
        let kids: Vec<&str> = flat.children(body).map(|c| flat.nodes[c].name).collect();
        assert_eq!(kids, vec!["p", "div"]);
        let b = flat.find("b").unwrap_or(0);
        let p = flat.find("p").unwrap_or(0);
        assert_eq!(flat.nodes[b].parent as usize, p);
        assert!(flat.contains(p, b));
        assert!(!flat.contains(b, p));
        assert_eq!(flat.nodes[0].end as usize, flat.len());
    }

    #[test]
    fn hostile_nesting_is_capped_before_parsing() {
        let depth = 100_000;
        let html = format!(
            "<body>{}deep text{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let capped = limit_depth(&html);
        assert!(capped.len() < html.len());
        assert!(capped.contains("deep text"));
        let doc = parse(&html);
        let flat = Flat::build(doc.tree.root());
        let max = flat.nodes.iter().map(|n| n.depth).max().unwrap_or(0);
        assert!(max as usize <= MAX_PARSE_DEPTH + 8, "depth {max}");
        // Ordinary pages pass through untouched.
        let page = "<div><p>a<p>b<script>if (a<b) {}</script><img src=x></div>";
        assert!(matches!(limit_depth(page), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn raw_text_ends_at_its_close_tag_in_any_case() {
        let page = "<script>a<b</SCRIPT><p>";
        assert_eq!(find_close_tag(page, 8, b"script"), 11);
        assert_eq!(find_close_tag("no end here", 0, b"script"), 11);
        // Tags inside raw text do not count towards depth.
        let html = format!(
            "<body><script>{}</ScRiPt><p>after</p></body>",
            "<div>".repeat(MAX_PARSE_DEPTH + 10)
        );
        assert!(matches!(limit_depth(&html), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_iterative() {
        // Built directly (no parser) so the index itself is what is being tested.
        let depth = 100_000;
        let mut tree = ego_tree::Tree::new(Node::Document);
        let mut id = tree.root().id();
        for _ in 0..depth {
            let element = scraper::node::Element::new(
                html5ever::QualName::new(None, html5ever::ns!(html), html5ever::local_name!("div")),
                Vec::new(),
            );
            id = match tree.get_mut(id) {
                Some(mut node) => node.append(Node::Element(element)).id(),
                None => break,
            };
        }
        let flat = Flat::build(tree.root());
        assert_eq!(flat.len(), depth + 1);
        assert_eq!(flat.nodes[depth].depth as usize, depth);
        assert_eq!(flat.nodes[0].end as usize, depth + 1);
    }
}
