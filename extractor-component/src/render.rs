//! Rendering a content tree as Markdown (for LLM pipelines) or plain text.
//!
//! Both renderings share one writer: text is whitespace-collapsed, blocks request line
//! breaks that are only written when more content follows (so edges come out trimmed),
//! and a line prefix carries blockquote markers and list indentation.
//!
//! Plain text follows the WCXB ground-truth shape: headings on their own lines,
//! paragraphs split by a blank line, no link targets, no alt text, no image URLs.

use ego_tree::NodeRef;
use scraper::Node;
use url::Url;

use crate::links::Resolver;

/// Longest `<dt>` written on one line with its `<dd>` ("Seat: 20'' H").
const MAX_TERM_CHARS: usize = 60;

/// Longest `<dd>` written on its term's line.
const MAX_DESCRIPTION_CHARS: usize = 200;

/// Most nodes a `<dd>` written on its term's line holds.
const MAX_TERM_NODES: usize = 40;

/// Nesting rendered structurally; anything deeper is written as flat text, so hostile
/// nesting cannot exhaust the stack.
const MAX_DEPTH: usize = 256;

/// Renders `root`'s children as Markdown, resolving URLs against `base`.
pub fn markdown(root: NodeRef<'_, Node>, base: Option<&Url>) -> String {
    markdown_with(root, &Resolver::new(base))
}

/// [`markdown`] with a shared [`Resolver`] (the link collector resolves the same
/// references afterwards).
pub fn markdown_with(root: NodeRef<'_, Node>, base: &Resolver<'_>) -> String {
    let mut out = Writer::new(true, Some(base));
    out.children(root, 0);
    out.finish()
}

/// Renders `root`'s children as plain text.
pub fn text(root: NodeRef<'_, Node>) -> String {
    let mut out = Writer::new(false, None);
    out.children(root, 0);
    out.finish()
}

struct Writer<'u> {
    buf: String,
    md: bool,
    /// Resolves link and image URLs (Markdown only).
    base: Option<&'u Resolver<'u>>,
    /// Newlines wanted before the next content (0, 1 or 2).
    pending_break: u8,
    pending_space: bool,
    /// Written at the start of every line (blockquote "> ", list indentation).
    prefix: String,
    /// Inside inline-only content (link text, headings, table cells): blocks become
    /// spaces.
    inline_only: bool,
    /// Whether the first content written was preceded by whitespace.
    leading_space: Option<bool>,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    list_stack: Vec<Option<u32>>,
    /// Where the current list item's content starts, just after its marker: a block
    /// opening there (`<li><p>…`) starts on the marker's line, not below a lone "-".
    item_start: usize,
    /// Just wrote a drop cap set as a block of its own: the blocks opening before the
    /// next word carry on its line ("D" + "uring the storm").
    glue: bool,
    /// Just wrote a short `<dt>` whose `<dd>` follows on the same line.
    in_term: bool,
}

pub(crate) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "figure"
            | "figcaption"
            | "form"
            | "fieldset"
            | "address"
            | "hr"
            | "details"
            | "summary"
            | "center"
            | "body"
            | "html"
            | "caption"
            | "thead"
            | "tbody"
            | "tfoot"
            | "hgroup"
            | "legend"
    )
}

impl<'u> Writer<'u> {
    fn new(md: bool, base: Option<&'u Resolver<'u>>) -> Self {
        Writer {
            buf: String::new(),
            md,
            base,
            pending_break: 0,
            pending_space: false,
            prefix: String::new(),
            inline_only: false,
            leading_space: None,
            list_stack: Vec::new(),
            item_start: usize::MAX,
            glue: false,
            in_term: false,
        }
    }

    fn sub(&self) -> Writer<'u> {
        let mut w = Writer::new(self.md, self.base);
        w.inline_only = true;
        w
    }

    fn finish(mut self) -> String {
        let trimmed = self.buf.trim_end().len();
        self.buf.truncate(trimmed);
        let lead = self.buf.len() - self.buf.trim_start_matches('\n').len();
        if lead > 0 {
            self.buf.drain(..lead);
        }
        self.buf
    }

    fn block(&mut self, lines: u8) {
        if self.glue {
            return;
        }
        if self.inline_only {
            self.pending_space = true;
            return;
        }
        if !self.buf.is_empty() && self.buf.len() != self.item_start {
            self.pending_break = self.pending_break.max(lines);
        }
    }

    /// Writes any pending line break and prefix before new content.
    fn flush(&mut self) {
        if self.pending_break > 0 {
            let trimmed = self.buf.trim_end_matches([' ', '\t']).len();
            self.buf.truncate(trimmed);
            for k in 0..self.pending_break {
                self.buf.push('\n');
                if k + 1 < self.pending_break {
                    self.buf.push_str(self.prefix.trim_end());
                }
            }
            self.buf.push_str(&self.prefix);
            self.pending_break = 0;
            self.pending_space = false;
        } else if self.buf.is_empty() && !self.prefix.is_empty() {
            self.buf.push_str(&self.prefix);
            self.pending_space = false;
        }
    }

    /// Whether `dt` is a short term (one line, [`MAX_TERM_CHARS`]) directly followed by
    /// its `<dd>`.
    fn term_of_next(&self, dt: NodeRef<'_, Node>) -> bool {
        if self.inline_only {
            return false;
        }
        // A one-line description: a long one, or one of paragraphs (an API
        // reference's, a FAQ's answer), reads below its term.
        let described = next_shown_sibling(dt).is_some_and(|n| {
            let mut inner = n.descendants().skip(1);
            matches!(n.value(), Node::Element(e) if e.name() == "dd")
                && edge_text(n, false).is_some()
                && inner
                    .by_ref()
                    .take(MAX_TERM_NODES)
                    .all(|d| !matches!(d.value(), Node::Element(e) if is_block(e.name())))
                && inner.next().is_none()
                && flat_text(n).trim().len() <= MAX_DESCRIPTION_CHARS
        });
        if !described {
            return false;
        }
        let text = flat_text(dt);
        let text = text.trim();
        text.len() <= MAX_TERM_CHARS
            && !text.contains('\n')
            && text.chars().any(char::is_alphanumeric)
            && !text.ends_with(['?', '.', '!', '\u{b6}'])
    }

    fn at_line_start(&self) -> bool {
        self.buf.is_empty()
            || self.buf.ends_with('\n')
            || self.buf.ends_with(' ')
            || (!self.prefix.is_empty() && self.buf.ends_with(self.prefix.as_str()))
    }

    /// Writes one unbreakable piece of inline content.
    fn word(&mut self, word: &str) {
        if word.is_empty() {
            return;
        }
        if self.leading_space.is_none() {
            self.leading_space = Some(self.pending_space);
        }
        self.flush();
        if self.pending_space && !self.at_line_start() {
            self.buf.push(' ');
        }
        self.pending_space = false;
        self.glue = false;
        self.buf.push_str(word);
    }

    fn text(&mut self, text: &str) {
        if text.is_ascii() {
            self.ascii_text(text);
            return;
        }
        if text.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let mut words = text.split_whitespace().peekable();
        while let Some(w) = words.next() {
            self.word(w);
            if words.peek().is_some() {
                self.pending_space = true;
            }
        }
        if text.ends_with(char::is_whitespace) && !text.trim().is_empty() {
            self.pending_space = true;
        }
    }

    /// [`Writer::text`] for ASCII text (most of it): splits on bytes instead of decoding
    /// chars, with the same notion of whitespace (`char::is_whitespace` on ASCII,
    /// vertical tab included).
    fn ascii_text(&mut self, text: &str) {
        let is_space = |b: u8| matches!(b, b' ' | b'\t'..=b'\r');
        let bytes = text.as_bytes();
        if bytes.first().is_some_and(|&b| is_space(b)) {
            self.pending_space = true;
        }
        let mut i = 0;
        let mut any = false;
        loop {
            while i < bytes.len() && is_space(bytes[i]) {
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
            let start = i;
            while i < bytes.len() && !is_space(bytes[i]) {
                i += 1;
            }
            if any {
                self.pending_space = true;
            }
            self.word(&text[start..i]);
            any = true;
        }
        if any && bytes.last().is_some_and(|&b| is_space(b)) {
            self.pending_space = true;
        }
    }

    /// Writes `s` (already rendered inline content) keeping its surrounding spacing.
    fn inline_piece(&mut self, s: &str, leading: bool, trailing: bool) {
        if leading {
            self.pending_space = true;
        }
        self.word(s);
        if trailing {
            self.pending_space = true;
        }
    }

    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let mut previous: Option<NodeRef<'_, Node>> = None;
        for child in node.children() {
            // A button is a box of its own (inline-block): its words never run into
            // the text beside it ("said professor<button>Thomas W. Malone</button>").
            let boxed = matches!(child.value(), Node::Element(e) if e.name() == "button");
            if boxed {
                self.pending_space = true;
            }
            match child.value() {
                Node::Element(_) => {
                    if let Some(before) = previous {
                        if !self.pending_space && run_together(before, child) {
                            self.pending_space = true;
                        }
                    }
                    previous = Some(child);
                    if !self.inline_only && self.prefix.is_empty() {
                        if let Some(letter) = drop_cap(child) {
                            self.block(2);
                            self.word(letter.encode_utf8(&mut [0; 4]));
                            self.glue = true;
                            continue;
                        }
                    }
                }
                Node::Text(_) => previous = None,
                _ => {}
            }
            self.node(child, depth + 1);
            if boxed {
                self.pending_space = true;
            }
        }
    }

    /// Renders `node`'s children into a fresh inline writer.
    fn inline_of(&self, node: NodeRef<'_, Node>, depth: usize) -> (String, bool, bool) {
        let mut sub = self.sub();
        sub.children(node, depth);
        let leading = sub.leading_space.unwrap_or(false);
        let trailing = sub.pending_space;
        (sub.finish(), leading, trailing)
    }

    fn node(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let element = match node.value() {
            Node::Text(t) => {
                self.text(t);
                return;
            }
            Node::Element(e) => e,
            _ => return,
        };
        if depth > MAX_DEPTH {
            let flat = flat_text(node);
            self.text(&flat);
            return;
        }
        let name = element.name();
        match name {
            "br" => {
                if self.inline_only {
                    self.pending_space = true;
                } else if !self.buf.is_empty() {
                    self.pending_break = self.pending_break.max(1);
                }
            }
            "hr" => {
                self.block(2);
                if self.md && !self.inline_only {
                    self.word("---");
                }
                self.block(2);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let (inner, _, _) = self.inline_of(node, depth);
                if inner.is_empty() {
                    return;
                }
                if self.inline_only {
                    self.inline_piece(&inner, true, true);
                    return;
                }
                self.block(2);
                if self.md {
                    let level = name.as_bytes()[1] - b'0';
                    let mut line = "#".repeat(level as usize);
                    line.push(' ');
                    line.push_str(unbolded(&inner));
                    self.word(&line);
                } else {
                    self.word(&inner);
                }
                self.block(2);
            }
            "ul" | "ol" => {
                let start = if name == "ol" {
                    Some(
                        crate::dom::attr(element, "start")
                            .and_then(|s| s.trim().parse::<u32>().ok())
                            .unwrap_or(1),
                    )
                } else {
                    None
                };
                // A list opening an item is nested below the item's marker.
                self.item_start = usize::MAX;
                self.block(if self.list_stack.is_empty() { 2 } else { 1 });
                self.list_stack.push(start);
                self.children(node, depth);
                self.list_stack.pop();
                self.block(if self.list_stack.is_empty() { 2 } else { 1 });
            }
            "li" => {
                self.block(1);
                // Plain text keeps bullet markers too (WCXB's reference text writes
                // "- item"), but not ordinals, which would count as words.
                if self.inline_only {
                    self.children(node, depth);
                    self.block(1);
                    return;
                }
                let marker = match self.list_stack.last_mut() {
                    Some(Some(n)) if self.md => {
                        let m = format!("{n}. ");
                        *n += 1;
                        m
                    }
                    _ => "- ".to_string(),
                };
                let before = self.buf.len();
                self.flush();
                if !self.at_line_start() {
                    self.pending_break = 1;
                    self.flush();
                }
                self.buf.push_str(&marker);
                let marker_end = self.buf.len();
                let saved = self.prefix.len();
                self.prefix.push_str(&" ".repeat(marker.len()));
                let outer_item = std::mem::replace(&mut self.item_start, marker_end);
                self.children(node, depth);
                self.item_start = outer_item;
                self.prefix.truncate(saved);
                if self.buf.len() == marker_end {
                    // Empty item: take the marker back out.
                    self.buf.truncate(before);
                }
                self.block(1);
            }
            "blockquote" if self.md && !self.inline_only => {
                self.block(2);
                let saved = self.prefix.len();
                self.prefix.push_str("> ");
                self.children(node, depth);
                self.prefix.truncate(saved);
                self.block(2);
            }
            "pre" => self.pre(node, element),
            "code" | "kbd" | "samp" | "tt" if self.md => {
                let code = collapse(&flat_text(node));
                if code.is_empty() {
                    return;
                }
                let fence = if code.contains('`') { "``" } else { "`" };
                let pad = if code.starts_with('`') || code.ends_with('`') {
                    " "
                } else {
                    ""
                };
                let (leading, trailing) = edge_spaces(node);
                self.inline_piece(
                    &format!("{fence}{pad}{code}{pad}{fence}"),
                    leading,
                    trailing,
                );
            }
            "a" if self.md => self.link(node, element, depth),
            "img" => {
                if self.md {
                    self.image(element);
                }
            }
            "picture" => {
                // One image per <picture>: the <img> fallback.
                for child in node.children() {
                    if matches!(child.value(), Node::Element(e) if e.name() == "img") {
                        self.node(child, depth + 1);
                    }
                }
            }
            "strong" | "b" | "em" | "i" | "del" | "s" | "strike" if self.md => {
                let marker = match name {
                    "strong" | "b" => "**",
                    "del" | "s" | "strike" => "~~",
                    _ => "*",
                };
                let (inner, leading, trailing) = self.inline_of(node, depth);
                if inner.is_empty() {
                    self.pending_space |= leading || trailing;
                    return;
                }
                let mut piece = String::with_capacity(inner.len() + 2 * marker.len());
                piece.push_str(marker);
                piece.push_str(&inner);
                piece.push_str(marker);
                self.inline_piece(&piece, leading, trailing);
            }
            "table" => self.table(node, depth),
            "td" | "th" => {
                self.pending_space = true;
                self.children(node, depth);
                self.pending_space = true;
            }
            "dt" if self.term_of_next(node) => {
                // A short term and its description read as one line: "Seat: 20'' H".
                self.block(1);
                self.children(node, depth);
                let ends_colon = self.buf.trim_end().ends_with(':');
                if !ends_colon && !self.buf.is_empty() {
                    self.buf
                        .truncate(self.buf.trim_end_matches([' ', '\t']).len());
                    self.buf.push(':');
                }
                self.pending_break = 0;
                self.pending_space = true;
                self.in_term = true;
            }
            "dd" if std::mem::take(&mut self.in_term) => {
                self.children(node, depth);
                self.block(1);
            }
            "tr" | "dt" | "dd" | "figcaption" | "summary" | "caption" => {
                self.block(1);
                self.children(node, depth);
                self.block(1);
            }
            _ if is_block(name) => {
                self.block(2);
                self.children(node, depth);
                self.block(2);
            }
            _ => self.children(node, depth),
        }
    }

    fn pre(&mut self, node: NodeRef<'_, Node>, element: &scraper::node::Element) {
        let raw = pre_text(node);
        let code = raw.trim_matches('\n');
        if code.trim().is_empty() {
            return;
        }
        if self.inline_only {
            self.text(code);
            return;
        }
        self.block(2);
        self.flush();
        if self.md {
            let lang = code_language(element)
                .or_else(|| {
                    node.children().find_map(|c| match c.value() {
                        Node::Element(e) if e.name() == "code" => code_language(e),
                        _ => None,
                    })
                })
                .unwrap_or_default();
            let fence = if code.contains("```") { "~~~~" } else { "```" };
            let _ = self.at_line_start();
            self.buf.push_str(fence);
            self.buf.push_str(&lang);
            self.push_lines(code);
            self.buf.push('\n');
            self.buf.push_str(&self.prefix.clone());
            self.buf.push_str(fence);
        } else {
            let mut first = true;
            for line in code.lines() {
                if !first {
                    self.buf.push('\n');
                    self.buf.push_str(&self.prefix.clone());
                }
                first = false;
                self.buf.push_str(line.trim_end());
            }
        }
        self.block(2);
    }

    fn push_lines(&mut self, code: &str) {
        for line in code.lines() {
            self.buf.push('\n');
            self.buf.push_str(&self.prefix.clone());
            self.buf.push_str(line.trim_end());
        }
    }

    fn link(&mut self, node: NodeRef<'_, Node>, element: &scraper::node::Element, depth: usize) {
        let href = crate::dom::attr(element, "href")
            .map(str::trim)
            .unwrap_or("");
        let target = self.base.and_then(|b| resolve(b, href)).filter(|u| {
            !u.starts_with("javascript:") && !u.starts_with("data:") && !u.starts_with('#')
        });
        let has_block = node.descendants().skip(1).any(
            |d| matches!(d.value(), Node::Element(e) if is_block(e.name()) && e.name() != "span"),
        );
        match target {
            Some(url) if !has_block || self.inline_only => {
                let (inner, leading, trailing) = self.inline_of(node, depth);
                if inner.is_empty() {
                    self.pending_space |= leading || trailing;
                    return;
                }
                let piece = link_piece("[", &inner, &url);
                self.inline_piece(&piece, leading, trailing);
            }
            _ => self.children(node, depth),
        }
    }

    fn image(&mut self, element: &scraper::node::Element) {
        if crate::links::is_icon(element) {
            return;
        }
        let src = ["src", "data-src", "data-original", "data-lazy-src"]
            .iter()
            .filter_map(|a| crate::dom::attr(element, a))
            .map(str::trim)
            .find(|s| !s.is_empty() && !s.starts_with("data:"))
            .or_else(|| {
                crate::dom::attr(element, "srcset")
                    .and_then(|s| s.split(',').next())
                    .and_then(|s| s.split_whitespace().next())
            });
        let Some(url) = src.and_then(|s| self.base.and_then(|b| resolve(b, s))) else {
            return;
        };
        let alt = collapse(crate::dom::attr(element, "alt").unwrap_or(""));
        let piece = link_piece("![", &alt, &url);
        self.pending_space = true;
        self.word(&piece);
        self.pending_space = true;
    }

    fn table(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let rows = table_rows(node);
        let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
        let nested = node
            .descendants()
            .skip(1)
            .any(|d| matches!(d.value(), Node::Element(e) if e.name() == "table"));
        if !self.md || self.inline_only || nested || cols < 2 || rows.len() < 2 {
            // Layout tables and plain text: cells as text, rows as lines.
            self.block(2);
            self.children(node, depth);
            self.block(2);
            return;
        }
        let mut lines: Vec<String> = Vec::with_capacity(rows.len() + 1);
        for (r, row) in rows.iter().enumerate() {
            let mut cells: Vec<String> = row
                .iter()
                .map(|&cell| {
                    let (inner, _, _) = self.inline_of(cell, depth + 2);
                    inner.replace('|', "\\|")
                })
                .collect();
            cells.resize(cols, String::new());
            lines.push(format!("| {} |", cells.join(" | ")));
            if r == 0 {
                lines.push(format!("|{}", " --- |".repeat(cols)));
            }
        }
        self.block(2);
        self.flush();
        let prefix = self.prefix.clone();
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                self.buf.push('\n');
                self.buf.push_str(&prefix);
            }
            self.buf.push_str(line);
        }
        self.block(2);
    }
}

/// Rows of `table` (not of nested tables): their `td`/`th` cells.
fn table_rows<'a>(table: NodeRef<'a, Node>) -> Vec<Vec<NodeRef<'a, Node>>> {
    let mut rows = Vec::new();
    // Document order: direct rows and rows of row groups interleave by position.
    let mut ordered: Vec<NodeRef<'a, Node>> = Vec::new();
    for child in table.children() {
        match child.value() {
            Node::Element(e) if e.name() == "tr" => ordered.push(child),
            Node::Element(e) if matches!(e.name(), "thead" | "tbody" | "tfoot") => {
                ordered.extend(
                    child
                        .children()
                        .filter(|r| matches!(r.value(), Node::Element(e) if e.name() == "tr")),
                );
            }
            _ => {}
        }
    }
    for row in ordered {
        let cells: Vec<_> = row
            .children()
            .filter(|c| matches!(c.value(), Node::Element(e) if matches!(e.name(), "td" | "th")))
            .collect();
        if !cells.is_empty() {
            rows.push(cells);
        }
    }
    rows
}

/// Language of a code block from `language-xx` / `lang-xx` classes.
fn code_language(element: &scraper::node::Element) -> Option<String> {
    element.classes().find_map(|c| {
        c.strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .filter(|l| {
                !l.is_empty()
                    && l.chars()
                        .all(|ch| ch.is_ascii_alphanumeric() || "+-#_.".contains(ch))
            })
            .map(str::to_string)
    })
}

/// Text of a `<pre>`, keeping whitespace, with `<br>` as newlines.
fn pre_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        match d.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// A heading's Markdown without the bold that wraps all of it (`<h3><strong>Title
/// </strong></h3>`, as editors write headings): a heading is bold already.
fn unbolded(inner: &str) -> &str {
    match inner
        .strip_prefix("**")
        .and_then(|rest| rest.strip_suffix("**"))
    {
        Some(title) if !title.is_empty() && !title.contains("**") => title,
        _ => inner,
    }
}

/// Whether two sibling elements with nothing between them hold words that would run
/// together (`<span>Petzl</span><span>Actik Core</span>`): pages lay such spans out
/// as blocks or flex items with CSS, and a browser shows them apart. Single
/// characters (drop caps, letter-by-letter animation) and super/subscripts stay
/// joined.
fn run_together(before: NodeRef<'_, Node>, after: NodeRef<'_, Node>) -> bool {
    let joins = |n: NodeRef<'_, Node>| matches!(n.value(), Node::Element(e) if !matches!(e.name(), "sup" | "sub" | "br" | "img" | "wbr") && !is_block(e.name()));
    if !joins(before) || !joins(after) {
        return false;
    }
    let (tail, head) = (edge_text(before, true), edge_text(after, false));
    let word_edge =
        |edge: &Option<(char, bool)>| edge.is_some_and(|(c, longer)| c.is_alphanumeric() && longer);
    // A lone capital after a word is a label of its own ("1h 54m" "R"); a lone letter
    // before one is a drop cap, lone letters in a row are animation, and a lone digit
    // ends a number or a file name ("202" "5", "video.mp" "4").
    let label =
        |edge: &Option<(char, bool)>| edge.is_some_and(|(c, longer)| !longer && c.is_uppercase());
    word_edge(&tail) && (word_edge(&head) || label(&head))
}

/// The capital letter that is all `node` holds, as its only child or inside its only
/// inline child (`<div><span>D</span></div>`), at most `depth` levels down. Reads one
/// child per level and allocates nothing: every `<div>` and `<p>` is asked.
fn lone_letter(node: NodeRef<'_, Node>, depth: usize) -> Option<char> {
    let mut children = node
        .children()
        .filter(|c| !matches!(c.value(), Node::Text(t) if t.trim().is_empty()));
    let only = children.next()?;
    if children.next().is_some() {
        return None;
    }
    match only.value() {
        Node::Text(t) => {
            let mut chars = t.trim().chars();
            let letter = chars.next().filter(|c| c.is_uppercase())?;
            chars.next().is_none().then_some(letter)
        }
        Node::Element(e) if depth > 0 && !is_block(e.name()) => lone_letter(only, depth - 1),
        _ => None,
    }
}

/// The next sibling that shows something: an element, or text that is not only
/// whitespace.
fn next_shown_sibling(node: NodeRef<'_, Node>) -> Option<NodeRef<'_, Node>> {
    node.next_siblings().find(|n| match n.value() {
        Node::Element(_) => true,
        Node::Text(t) => !t.trim().is_empty(),
        _ => false,
    })
}

/// A drop cap set as a block of its own: a `<div>` or `<p>` (not a heading) whose
/// text is one capital letter, followed by a block whose text opens in lower case.
/// Returns the letter. Reads no further than the second character of each.
fn drop_cap(node: NodeRef<'_, Node>) -> Option<char> {
    let Node::Element(e) = node.value() else {
        return None;
    };
    if !matches!(e.name(), "div" | "p") {
        return None;
    }
    let letter = lone_letter(node, 2)?;
    let next = next_shown_sibling(node)?;
    let Node::Element(n) = next.value() else {
        return None;
    };
    (is_block(n.name()) && edge_text(next, false).is_some_and(|(c, _)| c.is_lowercase()))
        .then_some(letter)
}

/// The first (or `last`) non-whitespace character of `node`'s text, and whether the
/// text holds more than that one character. Walks only as far as it needs to.
fn edge_text(node: NodeRef<'_, Node>, last: bool) -> Option<(char, bool)> {
    let mut stack = vec![node];
    let mut edge = None;
    while let Some(n) = stack.pop() {
        match n.value() {
            Node::Text(t) => {
                let second = if last {
                    visible_chars(t.chars().rev(), &mut edge)
                } else {
                    visible_chars(t.chars(), &mut edge)
                };
                if let (Some(e), true) = (edge, second) {
                    return Some((e, true));
                }
            }
            Node::Element(_) => {
                // Pushed so that the next child in reading direction pops first.
                if last {
                    stack.extend(n.children());
                } else {
                    stack.extend(n.children().rev());
                }
            }
            _ => {}
        }
    }
    edge.map(|e| (e, false))
}

/// Feeds `chars` to [`edge_text`]: records the first visible one in `edge`; true
/// once a second one is seen.
fn visible_chars(chars: impl Iterator<Item = char>, edge: &mut Option<char>) -> bool {
    for c in chars.filter(|c| !c.is_whitespace()) {
        if edge.is_some() {
            return true;
        }
        *edge = Some(c);
    }
    false
}

/// All text under `node`, iteratively.
fn flat_text(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for d in node.descendants() {
        if let Node::Text(t) = d.value() {
            out.push_str(t);
        }
    }
    out
}

/// Whether `node`'s text starts / ends with whitespace.
fn edge_spaces(node: NodeRef<'_, Node>) -> (bool, bool) {
    let text = flat_text(node);
    (
        text.starts_with(char::is_whitespace),
        text.ends_with(char::is_whitespace),
    )
}

/// `[text](url)` (or `![alt](url)` with `open` = "![") in one pre-sized string,
/// brackets in the text and spaces/parentheses in the URL escaped.
fn link_piece(open: &str, text: &str, url: &str) -> String {
    let mut piece = String::with_capacity(text.len() + url.len() + 8);
    piece.push_str(open);
    push_escaped(&mut piece, text, ('[', "\\["), (']', "\\]"));
    piece.push_str("](");
    push_escaped(&mut piece, url, (' ', "%20"), (')', "%29"));
    piece.push(')');
    piece
}

/// Appends `s` with every `a.0` written as `a.1` and every `b.0` as `b.1` (one pass,
/// one allocation at most, where chained `str::replace` makes two new strings).
fn push_escaped(out: &mut String, s: &str, a: (char, &str), b: (char, &str)) {
    let mut last = 0;
    for (k, m) in s.match_indices([a.0, b.0]) {
        out.push_str(&s[last..k]);
        out.push_str(if m.starts_with(a.0) { a.1 } else { b.1 });
        last = k + m.len();
    }
    out.push_str(&s[last..]);
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `href` made absolute against `base` when possible; as written otherwise.
pub fn resolve(base: &Resolver<'_>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    base.with(href, |url| match url {
        Some(u) => Some(u.as_str().to_owned()),
        None if base.base().is_none() => Some(href.to_string()),
        None => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn md(html: &str) -> String {
        let doc = Html::parse_fragment(html);
        let base = Url::parse("https://example.com/dir/page.html").ok();
        markdown(doc.tree.root(), base.as_ref())
    }

    fn txt(html: &str) -> String {
        let doc = Html::parse_fragment(html);
        text(doc.tree.root())
    }

    #[test]
    fn ascii_and_unicode_text_split_on_the_same_whitespace() {
        // Vertical tab and form feed are whitespace to `char::is_whitespace`; the ASCII
        // path must agree with the Unicode one (the "é" pages take the latter).
        assert_eq!(txt("<p> a\u{b}b\u{c}c <b>d</b> </p>"), "a b c d");
        assert_eq!(txt("<p> é\u{b}b\u{c}c <b>d</b> </p>"), "é b c d");
        assert_eq!(txt("<p>x<i> </i>y</p><p>\u{b}</p><p>z</p>"), "x y\n\nz");
    }

    #[test]
    fn escaping_replaces_both_characters_in_one_pass() {
        let mut out = String::from(">");
        push_escaped(&mut out, "[a] b)", ('[', "\\["), (']', "\\]"));
        assert_eq!(out, ">\\[a\\] b)");
        out.clear();
        push_escaped(&mut out, "a b)c", (' ', "%20"), (')', "%29"));
        assert_eq!(out, "a%20b%29c");
        assert_eq!(
            md(r#"<a href="/x y(1)">[n] é</a> <img src="i).png" alt="[alt]">"#),
            "[\\[n\\] é](https://example.com/x%20y(1%29) ![\\[alt\\]](https://example.com/dir/i%29.png)"
        );
    }

    #[test]
    fn headings_drop_the_bold_that_wraps_them_whole() {
        assert_eq!(
            md("<h3><strong>What is it?</strong></h3>"),
            "### What is it?"
        );
        assert_eq!(
            md("<h2><b>Pros</b> and <b>cons</b></h2>"),
            "## **Pros** and **cons**"
        );
        assert_eq!(md("<h2><b>Step 1:</b> mix</h2>"), "## **Step 1:** mix");
    }

    #[test]
    fn headings_and_paragraphs() {
        assert_eq!(
            md("<h1>Title</h1><p>One  two\nthree.</p><h3>Sub</h3><p>Four.</p>"),
            "# Title\n\nOne two three.\n\n### Sub\n\nFour."
        );
    }

    #[test]
    fn nested_lists() {
        let out = md("<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul><ol start=3><li>x</li><li>y</li></ol>");
        assert_eq!(out, "- a\n  - b\n  - c\n- d\n\n3. x\n4. y");
    }

    #[test]
    fn an_item_opening_with_a_block_keeps_it_on_the_marker_line() {
        let html = "<ul><li><p>Declare.</p><p>Then run.</p></li><li><div>Orchestrate.</div>\
                    </li><li><ul><li>nested</li></ul></li></ul>";
        assert_eq!(
            md(html),
            "- Declare.\n\n  Then run.\n\n- Orchestrate.\n\n-\n  - nested"
        );
        assert_eq!(
            txt(html),
            "- Declare.\n\n  Then run.\n\n- Orchestrate.\n\n-\n  - nested"
        );
    }

    #[test]
    fn tables_become_pipe_tables() {
        let out = md("<table><tr><th>Name</th><th>Value</th></tr><tr><td>a|b</td><td><b>1</b></td></tr></table>");
        assert_eq!(out, "| Name | Value |\n| --- | --- |\n| a\\|b | **1** |");
    }

    #[test]
    fn code_blocks_keep_language_and_whitespace() {
        let out = md("<p>Use <code>cargo</code>:</p><pre><code class=\"language-rust\">fn main() {\n    x();\n}</code></pre>");
        assert_eq!(
            out,
            "Use `cargo`:\n\n```rust\nfn main() {\n    x();\n}\n```"
        );
    }

    #[test]
    fn links_images_and_emphasis_resolve_and_space_correctly() {
        let out = md("<p>See <a href=\"../a b\">the <em>docs</em></a>, <strong>now</strong>. <img src=\"/i.png\" alt=\"Pic\"></p>");
        assert_eq!(
            out,
            "See [the *docs*](https://example.com/a%20b), **now**. ![Pic](https://example.com/i.png)"
        );
        // Icons are decoration, not pictures of the page.
        assert_eq!(
            md("<ul><li><img src=/c.svg width=20 height=20 alt=check>Free returns</li></ul>"),
            "- Free returns"
        );
    }

    #[test]
    fn blockquotes_and_breaks() {
        assert_eq!(
            md("<blockquote><p>a</p><p>b<br>c</p></blockquote>"),
            "> a\n>\n> b\n> c"
        );
    }

    #[test]
    fn words_in_adjacent_spans_stay_apart() {
        let card = "<p><a href=\"/p/1\"><span>Petzl</span><span>Actik Core</span></a>\
                    <span>In stock</span><span>Details</span></p>";
        assert_eq!(txt(card), "Petzl Actik Core In stock Details");
        assert_eq!(
            md(card),
            "[Petzl Actik Core](https://example.com/p/1) In stock Details"
        );
        // Drop caps, markup inside a word, prices and formulas stay joined.
        assert_eq!(
            txt("<p><span>T</span><span>he</span> river</p>"),
            "The river"
        );
        assert_eq!(txt("<p><em>un</em>believable</p>"), "unbelievable");
        assert_eq!(
            txt("<p><span>$</span><span>12</span><span>.99</span></p>"),
            "$12.99"
        );
        assert_eq!(txt("<p>H<sub>2</sub>O and x<sup>2</sup></p>"), "H2O and x2");
        // A lone capital after a word is a label of its own; a lone digit ends a number.
        assert_eq!(txt("<p><span>1h 54m</span><span>R</span></p>"), "1h 54m R");
        assert_eq!(
            txt("<p><span>video.mp</span><span>4</span> and <span>202</span><span>5</span></p>"),
            "video.mp4 and 2025"
        );
        // A button is a box of its own, whatever touches it.
        assert_eq!(
            txt("<p>said professor<button>Thomas Malone,</button>the director</p>"),
            "said professor Thomas Malone, the director"
        );
    }

    #[test]
    fn a_drop_cap_in_a_block_of_its_own_joins_its_word() {
        assert_eq!(
            txt("<div class=first-letter>D</div><div><p>uring the storm.</p><p>Next.</p></div>"),
            "During the storm.\n\nNext."
        );
        assert_eq!(
            md("<p>Intro.</p><div>D</div><p>uring the storm.</p>"),
            "Intro.\n\nDuring the storm."
        );
        // An index letter above its entries, or a capital above a capitalised line,
        // stays a line of its own.
        assert_eq!(txt("<h2>A</h2><p>abacus</p>"), "A\n\nabacus");
        assert_eq!(txt("<div>A</div><p>Apple</p>"), "A\n\nApple");
    }

    #[test]
    fn a_short_term_and_its_description_share_a_line() {
        assert_eq!(
            txt("<dl><dt><div>Seat</div></dt><dd>20'' H X 24'' W</dd>\
                 <dt>Lining:</dt><dd>100% polyester</dd></dl>"),
            "Seat: 20'' H X 24'' W\nLining: 100% polyester"
        );
        // A question, a term without a description, or a description of paragraphs
        // keeps the term on a line of its own.
        assert_eq!(
            txt("<dl><dt>Can I return it?</dt><dd>Yes, within 30 days.</dd>\
                 <dt>Attachments</dt><dd></dd>\
                 <dt>chain(*iterables)</dt><dd><p>Make an iterator.</p></dd></dl>"),
            "Can I return it?\nYes, within 30 days.\nAttachments\nchain(*iterables)\n\nMake an iterator."
        );
    }

    #[test]
    fn plain_text_shape() {
        let out = txt("<h2>Head</h2><p>Para &amp; one <a href=\"x\">link</a>.</p><img alt=\"ALT\" src=\"i.png\"><ul><li>i1</li><li>i2</li></ul>");
        assert_eq!(out, "Head\n\nPara & one link.\n\n- i1\n- i2");
    }

    #[test]
    fn empty_markup_renders_nothing() {
        assert_eq!(md("<p> </p><em></em><a href=\"x\"></a>"), "");
        assert_eq!(txt("<div>\n\n</div>"), "");
    }
}
