//! Parsing: html5ever's tokenizer and tree builder, with a gate between them.
//!
//! The gate hands the tree builder most tags itself (the tokenizer reads a tag a
//! character at a time), drops what the engine never reads (SVG bodies, script-data
//! attributes), and bounds what hostile markup can cost: nesting depth, attributes
//! per tag, nodes per byte.

use std::borrow::Cow;
use std::cell::Cell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, LocalName, TokenizerResult};
use html5ever::{ns, Attribute, QualName};
use scraper::{Html, HtmlTreeSink};

/// Nesting the parser is allowed to build. html5ever's scope checks walk the stack of
/// open elements, so hostile nesting (100k `<div>`s) costs quadratic time; tags beyond
/// this depth are dropped before they reach the tree builder and their text stays, flat.
pub const MAX_PARSE_DEPTH: usize = 400;

/// Attributes kept on one tag. html5ever checks each new attribute against all the
/// tag's earlier ones for duplicates, so a tag with 200,000 attributes (2 MB of
/// HTML) costs most of a minute; the attributes beyond this many are dropped before
/// the tokenizer reads them (or never reach it, for the tags the parser builds).
pub const MAX_ATTRIBUTES: usize = 256;

/// Which attributes [`parse_with`] keeps (at most [`MAX_ATTRIBUTES`] on any tag).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attributes {
    /// All of them: custom selectors may match any attribute.
    All,
    /// Those the engine reads: event handlers and `data-…` attributes other than
    /// the lazy-loading ones are dropped before tokenizing.
    Read,
}

/// [`parse_with`] keeping the attributes the engine reads; a document over the node
/// budget comes back cut short.
#[cfg(test)]
pub fn parse(html: &str) -> Html {
    parse_with(html, Attributes::Read).unwrap_or_else(|over| over.partial)
}

/// Nodes a page of `bytes` bytes may build: [`BASE_NODES`] and one per byte.
/// Ordinary pages build under 0.1 node per byte (at most 0.07 on the WCXB and
/// Readability pages); what builds more reopens formatting elements. Each text after
/// a `</p>` reopens every `<b>`, `<font>`… still on the list of active formatting
/// elements, so 8,000 lines of `<p>x</p>` after 500 unclosed `<font>`s with
/// different attributes (70 KB) build 4 million elements, a gigabyte of memory.
pub fn max_nodes(bytes: usize) -> usize {
    BASE_NODES.saturating_add(bytes)
}

/// Nodes any page may build, however small.
pub const BASE_NODES: usize = 100_000;

/// A document that built more than [`max_nodes`]: parsing stopped there.
#[derive(Debug)]
pub struct TooManyNodes {
    pub limit: usize,
    /// What was built until then.
    pub partial: Html,
}

/// Parses a document the way a browser with scripting off does: `<noscript>` content
/// becomes markup (server-rendered forums put their whole thread there) instead of
/// one raw text node. Nesting is capped at [`MAX_PARSE_DEPTH`] on the way from the
/// tokenizer to the tree builder, tags keep at most [`MAX_ATTRIBUTES`] attributes
/// (those `attributes` asks for), and `<svg>` elements arrive empty (nothing in them
/// is ever extracted). Parsing stops once the document holds more than
/// [`max_nodes`] nodes.
pub fn parse_with(html: &str, attributes: Attributes) -> Result<Html, TooManyNodes> {
    // A byte order mark opens the page or is text. The tokenizer would drop one at
    // the front of every `feed` (it is fed again after each `</script>`), and the
    // gate reads the page's start before the tokenizer does: dropped here, once.
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let builder = TreeBuilder::new(
        HtmlTreeSink::new(Html::new_document()),
        TreeBuilderOpts {
            scripting_enabled: false,
            ..TreeBuilderOpts::default()
        },
    );
    let input = BufferQueue::default();
    let page = StrTendril::from_slice(&normalize_newlines(html));
    // A clone shares the buffer: the gate keeps one to rejoin split-off pieces.
    input.push_back(page.clone());
    let tokenizer = Tokenizer::new(
        Gate {
            inner: builder,
            input: &input,
            attributes,
            depth: Cell::new(0),
            dropped: Cell::new(0),
            noscript: Cell::new(0),
            raw: Cell::new(false),
            page,
            cdata_end: Cell::new(0),
            max_nodes: max_nodes(html.len()),
            over: Cell::new(false),
        },
        TokenizerOpts {
            discard_bom: false,
            ..TokenizerOpts::default()
        },
    );
    // Later tags are taken as the gate sees them come up; the first ones here.
    tokenizer.sink.take_tags(1);
    while let TokenizerResult::Script(_) = tokenizer.feed(&input) {}
    tokenizer.end();
    let over = tokenizer.sink.over.get();
    let limit = tokenizer.sink.max_nodes;
    let doc = tokenizer.sink.inner.sink.finish();
    if over {
        return Err(TooManyNodes {
            limit,
            partial: doc,
        });
    }
    Ok(doc)
}

/// `html` with CR LF and lone CR written LF, as the tokenizer reads them anyway.
/// Done up front, no CR is ever left half-read (the tokenizer hands a CR over as
/// LF and skips an LF that follows), so the gate can take what follows a line end.
fn normalize_newlines(html: &str) -> Cow<'_, str> {
    if !html.contains('\r') {
        return Cow::Borrowed(html);
    }
    Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Sits between the tokenizer and the tree builder.
///
/// It estimates element nesting from the tag stream: start and end tags beyond
/// [`MAX_PARSE_DEPTH`] become a space. Estimating on tokens (not on the source text)
/// costs no extra pass over the input and sees raw text, comments and attributes
/// exactly as the parser does.
///
/// It also hands script and style bodies to the tree builder in one piece: the
/// tokenizer would read them a line at a time, and on script- and CSS-heavy pages that
/// is most of the parsing work. Only bodies the tokenizer would read as plain text up
/// to their end tag take this path (no `<!--` escapes in scripts, no CR or NUL to
/// normalise); anything else is left to the tokenizer. SVG bodies it drops from the
/// input unread ([`Gate::skip_svg_body`]). Tags it can read exactly it builds itself
/// and hands to the tree builder ([`Gate::take_tags`]); from the others it drops the
/// attributes it does not keep before the tokenizer reaches them
/// ([`trim_attributes`]).
struct Gate<'q, S> {
    inner: S,
    /// The tokenizer's input.
    input: &'q BufferQueue,
    attributes: Attributes,
    depth: Cell<usize>,
    /// Start tags dropped and not yet matched by a dropped end tag.
    dropped: Cell<usize>,
    /// Open `<noscript>` elements.
    noscript: Cell<usize>,
    /// The tokenizer reads raw text (script, style, title…) up to an end tag.
    raw: Cell<bool>,
    /// The whole input: the chunks the gate cuts are slices of its buffer.
    page: StrTendril,
    /// Where in the page the last CDATA section the tokenizer entered ends.
    cdata_end: Cell<usize>,
    /// Nodes the document may hold ([`max_nodes`]).
    max_nodes: usize,
    /// The document grew past `max_nodes`; the input was dropped.
    over: Cell<bool>,
}

/// How many nodes the document being built holds.
trait NodeCount {
    fn node_count(&self) -> usize;
}

impl NodeCount for TreeBuilder<ego_tree::NodeId, HtmlTreeSink> {
    fn node_count(&self) -> usize {
        // A slice iterator underneath: its length is known without walking it.
        self.sink.0.borrow().tree.nodes().len()
    }
}

impl<S: TokenSink + NodeCount> TokenSink for Gate<'_, S> {
    type Handle = S::Handle;

    fn process_token(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        let whole = matches!(
            token,
            Token::CharacterTokens(_)
                | Token::NullCharacterToken
                | Token::TagToken(_)
                | Token::CommentToken(_)
                | Token::DoctypeToken(_)
        );
        let end_tag = matches!(&token, Token::TagToken(tag) if tag.kind == TagKind::EndTag);
        // After a `<` it gave up on as a tag ("a <3 b"), the tokenizer holds the
        // character that follows, read but not yet emitted.
        let pending_char = matches!(&token, Token::CharacterTokens(t) if t.ends_with('<'));
        let result = self.route(token, line_number);
        // In raw text only the element's own end tag is a tag; anything else is text.
        if end_tag {
            self.raw.set(false);
        }
        if matches!(
            result,
            TokenSinkResult::RawData(_) | TokenSinkResult::Plaintext
        ) {
            self.raw.set(true);
        }
        if self.over_budget() {
            return result;
        }
        // A whole token ends where the next one starts: in markup, a tag about to be
        // read is at the front of the input now.
        if whole && !self.raw.get() {
            if pending_char {
                self.rejoin_split_tag();
                let lt_held = self.lt_before_front();
                if !self.in_cdata(lt_held) {
                    trim_attributes(self.input, self.attributes, lt_held);
                }
            } else {
                self.take_tags(line_number);
            }
        }
        result
    }

    fn end(&self) {
        self.inner.end()
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl<S: TokenSink + NodeCount> Gate<'_, S> {
    /// Passes `token` on, with the gate's changes (see [`Gate`]).
    fn route(&self, token: Token, line_number: u64) -> TokenSinkResult<S::Handle> {
        let mut raw_name = None;
        let mut svg = false;
        if let Token::TagToken(tag) = &token {
            if tag.name == local_name!("noscript") {
                match tag.kind {
                    TagKind::StartTag if !tag.self_closing => {
                        self.noscript.set(self.noscript.get() + 1)
                    }
                    TagKind::EndTag => self.noscript.set(self.noscript.get().saturating_sub(1)),
                    TagKind::StartTag => {}
                }
            }
            if self.noscript.get() > 0
                && tag.kind == TagKind::StartTag
                && framed_raw_text(&tag.name)
                && (tag.self_closing || !self.closes_before_noscript(&tag.name))
            {
                // A browser runs scripts and reads `<noscript>` as raw text up to
                // `</noscript>`; parsed as markup here, an `<iframe ... />` (the
                // tag-manager fallback JSX renders self-closed) or an unclosed one
                // would read the rest of the page as its raw text. Closed at once, it
                // stays inside the noscript as the browser has it.
                let end = Tag {
                    kind: TagKind::EndTag,
                    name: tag.name.clone(),
                    self_closing: false,
                    attrs: Vec::new(),
                };
                let _ = self.inner.process_token(token, line_number);
                return self.inner.process_token(Token::TagToken(end), line_number);
            }
            if self.drops(tag) {
                return self.inner.process_token(
                    Token::CharacterTokens(StrTendril::from_slice(" ")),
                    line_number,
                );
            }
            if tag.kind == TagKind::StartTag && raw_text(&tag.name) {
                raw_name = Some(tag.name.clone());
            }
            svg = tag.kind == TagKind::StartTag
                && !tag.self_closing
                && tag.name == local_name!("svg");
        }
        let result = self.inner.process_token(token, line_number);
        if svg {
            self.skip_svg_body();
        }
        if let (Some(name), TokenSinkResult::RawData(kind)) = (raw_name, &result) {
            let script = match kind {
                RawKind::ScriptData => true,
                RawKind::Rawtext => false,
                _ => return result,
            };
            self.pass_raw_text(&name, script, line_number);
        }
        result
    }

    /// Whether the input's front is inside a CDATA section, or opens one (`<![CDATA[`,
    /// after the held `<` with `lt_held`). In SVG and MathML the tokenizer reads
    /// those as text up to `]]>`, and hands over what it has read at each NUL while
    /// still inside: what follows then is text, not markup.
    fn in_cdata(&self, lt_held: bool) -> bool {
        let Some(chunk) = self.input.peek_front_chunk_mut() else {
            return false;
        };
        let at = self.page_offset(&chunk);
        if at.is_some_and(|at| at < self.cdata_end.get()) {
            return true;
        }
        let open = if lt_held { "![CDATA[" } else { "<![CDATA[" };
        if !chunk.starts_with(open)
            || !self
                .inner
                .adjusted_current_node_present_but_not_in_html_namespace()
        {
            return false;
        }
        // Outside the page's buffer the end cannot be told from the front's offset:
        // the rest of the page is left alone then.
        let end = at
            .zip(chunk.find("]]>"))
            .map_or(usize::MAX, |(at, k)| at + k + 3);
        self.cdata_end.set(end);
        true
    }

    /// Hands the tags at the front of the input to the tree builder directly, as
    /// long as [`plain_tag`] can read them, and leaves the first one it cannot to
    /// the tokenizer, trimmed ([`trim_attributes`]). The tokenizer reads a tag a
    /// character at a time, copying each into its buffers; on most pages that is
    /// the larger part of the parsing.
    ///
    /// Nothing is touched inside a CDATA section ([`Gate::in_cdata`]).
    fn take_tags(&self, line_number: u64) {
        loop {
            self.rejoin_split_tag();
            if self.in_cdata(false) {
                return;
            }
            let front = {
                let Some(chunk) = self.input.peek_front_chunk_mut() else {
                    return;
                };
                match plain_text(&chunk) {
                    0 => plain_tag(&chunk, self.attributes).map(|(tag, len)| (Some(tag), len)),
                    len => Some((None, len)),
                }
            };
            let Some((tag, len)) = front else {
                trim_attributes(self.input, self.attributes, false);
                return;
            };
            let Some(chunk) = self.input.pop_front() else {
                return;
            };
            if len < chunk.len32() {
                self.input
                    .push_front(chunk.subtendril(len, chunk.len32() - len));
            }
            match tag {
                // Tags that switch the tokenizer's state (raw text) are not plain: the
                // tree builder answers `Continue` to all others.
                Some(tag) => {
                    let _ = self.route(Token::TagToken(tag), line_number);
                }
                None => {
                    let text = chunk.subtendril(0, len);
                    let _ = self
                        .inner
                        .process_token(Token::CharacterTokens(text), line_number);
                }
            }
            if self.over_budget() {
                return;
            }
        }
    }

    /// Whether the document has grown past its node budget; then the rest of the
    /// input is dropped, so the tokenizer finds its end next.
    fn over_budget(&self) -> bool {
        if !self.over.get() && self.inner.node_count() > self.max_nodes {
            self.over.set(true);
            while self.input.pop_front().is_some() {}
        }
        self.over.get()
    }

    /// Takes the body of the raw-text element `name` just opened off the input and
    /// gives it to the tree builder as one text token, leaving its end tag for the
    /// tokenizer.
    fn pass_raw_text(&self, name: &str, script: bool, line_number: u64) {
        let Some(chunk) = self.input.pop_front() else {
            return;
        };
        let split = raw_text_end(&chunk, name, script).and_then(|end| {
            let end = u32::try_from(end).ok()?;
            let body = chunk.try_subtendril(0, end).ok()?;
            let rest = chunk.try_subtendril(end, chunk.len32() - end).ok()?;
            Some((body, rest))
        });
        match split {
            Some((body, rest)) => {
                self.input.push_front(rest);
                // Text inside a raw-text element only appends to it.
                let _ = self
                    .inner
                    .process_token(Token::CharacterTokens(body), line_number);
            }
            None => self.input.push_front(chunk),
        }
    }
}

impl<S> Gate<'_, S> {
    /// Puts a tag's `<` back in front of the rest of it. A character reference reads
    /// one character past its name and hands it back as a chunk of its own, so after
    /// `&amp;<b>` the input holds `<` and then `b>…`, and neither [`plain_tag`] nor
    /// [`trim_attributes`] would see the tag. Both pieces are the page's own bytes
    /// when the rest is a slice of the page's buffer right after a `<`; then one
    /// slice of the buffer replaces them.
    fn rejoin_split_tag(&self) {
        if !matches!(self.input.peek_front_chunk_mut(), Some(c) if &**c == "<") {
            return;
        }
        let Some(lt) = self.input.pop_front() else {
            return;
        };
        let Some(rest) = self.input.pop_front() else {
            self.input.push_front(lt);
            return;
        };
        let joined = self.offset_after_lt(&rest).and_then(|at| {
            let start = u32::try_from(at - 1).ok()?;
            self.page.try_subtendril(start, rest.len32() + 1).ok()
        });
        match joined {
            Some(tag) => self.input.push_front(tag),
            None => {
                self.input.push_front(rest);
                self.input.push_front(lt);
            }
        }
    }

    /// Where `chunk` starts in the page, when it is a slice of the page's buffer.
    fn page_offset(&self, chunk: &str) -> Option<usize> {
        // Addresses only compare: whether `chunk` lies inside the page's buffer.
        let page = self.page.as_bytes();
        let at = (chunk.as_ptr() as usize).checked_sub(page.as_ptr() as usize)?;
        (at + chunk.len() <= page.len()).then_some(at)
    }

    /// [`Gate::page_offset`] of `chunk` when the page's byte just before it is a `<`.
    fn offset_after_lt(&self, chunk: &str) -> Option<usize> {
        self.page_offset(chunk)
            .filter(|&at| at > 0 && self.page.as_bytes()[at - 1] == b'<')
    }

    /// Whether the tokenizer holds a `<` it has read before the input's front: after
    /// "<<b" it gave up on the first `<` as a tag and reads the second again, as the
    /// start of `<b`.
    fn lt_before_front(&self) -> bool {
        let Some(chunk) = self.input.peek_front_chunk_mut() else {
            return false;
        };
        self.offset_after_lt(&chunk).is_some()
    }

    /// Takes the body of the `<svg>` just opened off the input, leaving its end tag
    /// for the tokenizer: the extraction never shows an SVG's insides (icons, charts,
    /// logos), and tokenizing their path data and attributes is a large share of the
    /// parsing on pages that inline their icons. Bodies [`svg_body_end`] is unsure of
    /// are left to the tokenizer.
    fn skip_svg_body(&self) {
        let Some(chunk) = self.input.pop_front() else {
            return;
        };
        let rest = svg_body_end(&chunk).and_then(|end| {
            let end = u32::try_from(end).ok()?;
            chunk.try_subtendril(end, chunk.len32() - end).ok()
        });
        self.input.push_front(rest.unwrap_or(chunk));
    }
}

/// Length of an `<svg>` body at the start of `rest`: up to its first `</svg` followed
/// by whitespace, `/` or `>`. `None` when that end is not certain to be the element's
/// own: a nested `<svg>`, a comment or CDATA section (which may hide a `</svg>`), or
/// an HTML tag that breaks out of foreign content (`<p>`, `<div>`, `<b>`…, where a
/// browser closes the SVG and shows what follows as the page's own markup).
fn svg_body_end(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut from = 0;
    loop {
        let k = from + rest.get(from..)?.find('<')?;
        let after = &bytes[k + 1..];
        let (closing, name_at) = match after.first() {
            Some(b'/') => (true, 1),
            Some(b'!') => return None,
            _ => (false, 0),
        };
        let name = &after[name_at..];
        let len = name
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        let delimited = name.get(len).is_some_and(|&b| ends_tag_name(b));
        if delimited && name[..len].eq_ignore_ascii_case(b"svg") {
            if closing {
                return Some(k);
            }
            return None;
        }
        if !closing && len > 0 && breaks_out_of_svg(&name[..len]) {
            return None;
        }
        from = k + 1;
    }
}

/// HTML start tags that end foreign content (HTML's "any other start tag" rule for
/// foreign content; `font` is counted whatever its attributes).
fn breaks_out_of_svg(name: &[u8]) -> bool {
    #[rustfmt::skip]
    const NAMES: &[&[u8]] = &[
        b"b", b"big", b"blockquote", b"body", b"br", b"center", b"code", b"dd", b"div",
        b"dl", b"dt", b"em", b"embed", b"font", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6",
        b"head", b"hr", b"i", b"img", b"li", b"listing", b"menu", b"meta", b"nobr", b"ol",
        b"p", b"pre", b"ruby", b"s", b"small", b"span", b"strike", b"strong", b"sub",
        b"sup", b"table", b"tt", b"u", b"ul", b"var",
    ];
    NAMES.iter().any(|n| n.eq_ignore_ascii_case(name))
}

/// Rewrites the start tag at the front of `input`, if there is one, without the
/// attributes [`trimmed_start_tag`] drops. With `lt_held` the tokenizer holds the
/// tag's `<`, read but not yet handled, and the input starts at its name.
fn trim_attributes(input: &BufferQueue, which: Attributes, lt_held: bool) {
    let trimmed = {
        let Some(chunk) = input.peek_front_chunk_mut() else {
            return;
        };
        match trimmed_start_tag(&chunk, MAX_ATTRIBUTES, which, lt_held) {
            Some(trimmed) => trimmed,
            None => return,
        }
    };
    let Some(chunk) = input.pop_front() else {
        return;
    };
    let (tag, len) = trimmed;
    let Ok(len) = u32::try_from(len) else {
        input.push_front(chunk);
        return;
    };
    // The rest of the page stays a slice of its buffer: only the tag is copied.
    input.push_front(chunk.subtendril(len, chunk.len32() - len));
    input.push_front(tag);
}

/// The start tag at the start of `text` without the attributes past the first `max`
/// it keeps and, for [`Attributes::Read`], without those the engine never reads
/// ([`unread_attribute`]); and the length of the original tag (past its `>`, or all
/// of `text` when the tag is left open). `None` when there is no start tag there or
/// it loses nothing. With `lt_held`, `text` starts at the tag's name (its `<` is
/// elsewhere) and so does the rewritten tag.
///
/// Kept attributes are copied as written, each after one space: between attributes
/// whitespace and `/` only separate, so the tokenizer reads the same names and
/// values, and what follows the last attribute (a self-closing `/`, the `>`) is kept.
fn trimmed_start_tag(
    text: &str,
    max: usize,
    which: Attributes,
    lt_held: bool,
) -> Option<(StrTendril, usize)> {
    let bytes = text.as_bytes();
    let tag = StartTag::open(bytes, lt_held)?;
    let drops = |a: &AttributeSpan, kept: usize| {
        drops_attribute(&bytes[a.start..a.name_end], kept, max, which)
    };
    // Most tags lose nothing: they cost one walk and no copy.
    if !tag.clone().enumerate().any(|(kept, a)| drops(&a, kept)) {
        return None;
    }
    let mut out = StrTendril::new();
    out.push_slice(text.get(..tag.i)?);
    let (mut kept, mut last) = (0, tag.i);
    let mut scan = tag;
    for a in scan.by_ref() {
        if !drops(&a, kept) {
            out.push_char(' ');
            out.push_slice(text.get(a.start..a.end)?);
            kept += 1;
        }
        last = a.end;
    }
    let end = (scan.i + 1).min(bytes.len());
    out.push_slice(text.get(last..end)?);
    Some((out, end))
}

/// Whether the parser leaves out attribute `name` after keeping `kept` of the tag's
/// attributes: past the first `max`, or, for [`Attributes::Read`], one the engine
/// never reads.
fn drops_attribute(name: &[u8], kept: usize, max: usize, which: Attributes) -> bool {
    kept >= max || (which == Attributes::Read && unread_attribute(name))
}

/// Whether the engine never reads attribute `name` (any ASCII case), so the parser
/// may drop it: event handlers (`on…`) and `data-…` attributes other than the
/// lazy-loading ones [`crate::links`] reads image addresses from (the only `data-…`
/// attributes the engine reads). These are script
/// data (serialized component state, tracking payloads), often kilobytes of JSON with
/// an entity per quote, which the tokenizer would decode a character at a time.
pub(crate) fn unread_attribute(name: &[u8]) -> bool {
    match name {
        [b'o' | b'O', b'n' | b'N', _, ..] => true,
        [d, a, t, a2, b'-', _, ..] if [*d, *a, *t, *a2].eq_ignore_ascii_case(b"data") => {
            !crate::links::LAZY_SRC_ATTRS
                .iter()
                .chain(crate::links::LAZY_SRCSET_ATTRS)
                .any(|read| read.as_bytes().eq_ignore_ascii_case(name))
        }
        _ => false,
    }
}

/// The tag at the start of `text` as the tokenizer would build it (names in lower
/// case, the first of repeated attributes, attributes trimmed as by
/// [`trimmed_start_tag`]), and its length in bytes. `None` for anything the
/// tokenizer must read itself: raw-text elements and `<noscript>` (the tree builder
/// switches the tokenizer's state on those), character references, NUL or CR in a
/// kept name or value (the tokenizer decodes and replaces those), a tag left open
/// at the end of the input, and end tags other than `</name>`.
fn plain_tag(text: &StrTendril, which: Attributes) -> Option<(Tag, u32)> {
    let bytes = text.as_bytes();
    if bytes.get(1) == Some(&b'/') {
        return plain_end_tag(text);
    }
    let mut scan = StartTag::open(bytes, false)?;
    let name = lower_name(text, 1, scan.i)?;
    if raw_text(&name) || name == local_name!("noscript") {
        return None;
    }
    let mut attrs: Vec<Attribute> = Vec::new();
    let (mut kept, mut last) = (0, scan.i);
    for a in scan.by_ref() {
        last = a.end;
        if drops_attribute(&bytes[a.start..a.name_end], kept, MAX_ATTRIBUTES, which) {
            continue;
        }
        kept += 1;
        let (from, to) = a.value;
        if bytes[from..to]
            .iter()
            .any(|&b| TAG_BYTES[b as usize] & (AMP | NUL | CR) != 0)
        {
            return None;
        }
        let local = lower_name(text, a.start, a.name_end)?;
        if attrs.iter().any(|seen| seen.name.local == local) {
            continue;
        }
        attrs.push(Attribute {
            name: QualName::new(None, ns!(), local),
            value: text.subtendril(u32::try_from(from).ok()?, u32::try_from(to - from).ok()?),
        });
    }
    let gt = scan.i;
    if gt >= bytes.len() {
        return None;
    }
    let tag = Tag {
        kind: TagKind::StartTag,
        name,
        self_closing: gt > last && bytes[gt - 1] == b'/',
        attrs,
    };
    Some((tag, u32::try_from(gt + 1).ok()?))
}

/// How many bytes at the start of `text` the tokenizer would hand over as plain
/// characters in its data state: up to the next tag, character reference or NUL
/// (CR is normalised before parsing). The tokenizer also stops at each line break,
/// to count lines, which in pretty-printed HTML makes most text tokens one newline
/// long; the tree builder takes text in chunks of any size.
fn plain_text(text: &str) -> u32 {
    let bytes = text.as_bytes();
    let end = memchr::memchr3(b'<', b'&', b'\0', bytes).unwrap_or(bytes.len());
    if memchr::memchr(b'\r', &bytes[..end]).is_some() {
        return 0;
    }
    u32::try_from(end).unwrap_or(0)
}

/// An end tag written `</name>` at the start of `text`, as [`plain_tag`] does.
fn plain_end_tag(text: &str) -> Option<(Tag, u32)> {
    let bytes = text.as_bytes();
    if !bytes.get(2).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let end = 3 + bytes[3..].iter().position(|&b| ends_tag_name(b))?;
    if bytes[end] != b'>' {
        return None;
    }
    let tag = Tag {
        kind: TagKind::EndTag,
        name: lower_name(text, 2, end)?,
        self_closing: false,
        attrs: Vec::new(),
    };
    Some((tag, u32::try_from(end + 1).ok()?))
}

/// The tag or attribute name at `text[from..to]` as the tokenizer reads it (ASCII
/// letters in lower case); `None` when it holds a NUL, which it would replace.
fn lower_name(text: &str, from: usize, to: usize) -> Option<LocalName> {
    let raw = text.get(from..to)?;
    let bytes = raw.as_bytes();
    if bytes.contains(&0) {
        return None;
    }
    Some(if bytes.iter().any(u8::is_ascii_uppercase) {
        LocalName::from(raw.to_ascii_lowercase())
    } else {
        LocalName::from(raw)
    })
}

/// Where one attribute of a start tag lies: its name from `start` to `name_end`,
/// its value in `value` (empty for a bare name; without quotes), its text up to
/// `end` (past a closing quote).
struct AttributeSpan {
    start: usize,
    name_end: usize,
    value: (usize, usize),
    end: usize,
}

/// The attributes of the start tag at the start of `bytes`, delimited as the
/// tokenizer delimits them (quoted values may hold `>`). `i` is past the tag name
/// at first, and at the tag's `>` (or the end of `bytes`) once the walk is over.
#[derive(Clone)]
struct StartTag<'a> {
    bytes: &'a [u8],
    i: usize,
}

impl<'a> StartTag<'a> {
    /// `None` unless `bytes` starts with `<` and a letter (with `lt_held`, with a
    /// letter).
    fn open(bytes: &'a [u8], lt_held: bool) -> Option<StartTag<'a>> {
        let name = usize::from(!lt_held);
        if (!lt_held && bytes.first() != Some(&b'<'))
            || !bytes.get(name).is_some_and(u8::is_ascii_alphabetic)
        {
            return None;
        }
        let mut i = name;
        while i < bytes.len() && !ends_tag_name(bytes[i]) {
            i += 1;
        }
        Some(StartTag { bytes, i })
    }
}

impl Iterator for StartTag<'_> {
    type Item = AttributeSpan;

    fn next(&mut self) -> Option<AttributeSpan> {
        let (bytes, n) = (self.bytes, self.bytes.len());
        let class = |i: usize| TAG_BYTES[bytes[i] as usize];
        let mut i = self.i;
        while i < n && class(i) & (SPACE | SLASH) != 0 {
            i += 1;
        }
        if i >= n || bytes[i] == b'>' {
            self.i = i;
            return None;
        }
        let start = i;
        // A name's first character may be anything, `=` included.
        i += 1;
        while i < n && class(i) & (SPACE | SLASH | GT | EQUALS) == 0 {
            i += 1;
        }
        let name_end = i;
        let (mut value, mut end) = ((i, i), i);
        while i < n && class(i) & SPACE != 0 {
            i += 1;
        }
        if i < n && bytes[i] == b'=' {
            i += 1;
            while i < n && class(i) & SPACE != 0 {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    (value, i) = match bytes[i + 1..].iter().position(|&b| b == q) {
                        Some(k) => ((i + 1, i + 1 + k), i + 1 + k + 1),
                        None => ((i + 1, n), n),
                    };
                }
                _ => {
                    let from = i;
                    while i < n && class(i) & (SPACE | GT) == 0 {
                        i += 1;
                    }
                    value = (from, i);
                }
            }
            end = i;
        }
        // Whitespace after a bare name separates; the next call skips it.
        self.i = end;
        Some(AttributeSpan {
            start,
            name_end,
            value,
            end,
        })
    }
}

const SPACE: u8 = 1;
const SLASH: u8 = 2;
const GT: u8 = 4;
const EQUALS: u8 = 8;
const AMP: u8 = 16;
const NUL: u8 = 32;
const CR: u8 = 64;

/// What each byte is to the tokenizer inside a tag: whitespace, `/`, `>`, `=`, and
/// what it rewrites in values (`&` starts a character reference, NUL is replaced,
/// CR becomes LF).
const TAG_BYTES: [u8; 256] = {
    let mut table = [0u8; 256];
    table[b'\t' as usize] = SPACE;
    table[b'\n' as usize] = SPACE;
    table[0x0c] = SPACE;
    table[b'\r' as usize] = SPACE | CR;
    table[b' ' as usize] = SPACE;
    table[b'/' as usize] = SLASH;
    table[b'>' as usize] = GT;
    table[b'=' as usize] = EQUALS;
    table[b'&' as usize] = AMP;
    table[0] = NUL;
    table
};

/// Whether `b` ends a tag name (the tokenizer's whitespace, `/` or `>`).
fn ends_tag_name(b: u8) -> bool {
    TAG_BYTES[b as usize] & (SPACE | SLASH | GT) != 0
}

/// Length of the body of raw-text element `name` at the start of `rest`: up to the
/// first `</name` (ASCII case-insensitive) followed by whitespace, `/` or `>`, the
/// tokenizer's end condition. `None` when there is no such end tag, or the body holds
/// something the tokenizer would treat specially (CR and NUL are normalised, and
/// `<!--` starts a script escape in which `</script>` may not end the script).
fn raw_text_end(rest: &str, name: &str, script: bool) -> Option<usize> {
    let bytes = rest.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    // `find` and `contains` on bytes run memchr: these bodies are most of some pages.
    let end = loop {
        let k = from + rest.get(from..)?.find('<')?;
        let after = &bytes[k + 1..];
        if script && after.starts_with(b"!--") {
            return None;
        }
        if after.first() == Some(&b'/')
            && after.len() > name.len() + 1
            && after[1..=name.len()].eq_ignore_ascii_case(name)
            && ends_tag_name(after[name.len() + 1])
        {
            break k;
        }
        from = k + 1;
    };
    let body = &bytes[..end];
    if body.contains(&b'\r') || body.contains(&0) {
        return None;
    }
    Some(end)
}

impl<S> Gate<'_, S> {
    /// Whether the input ahead ends raw-text element `name` before it ends the
    /// enclosing `<noscript>`. Only [`NOSCRIPT_LOOKAHEAD`] bytes are searched, so a
    /// page of unclosed `<noscript><iframe>` pairs costs linear time, not quadratic.
    fn closes_before_noscript(&self, name: &str) -> bool {
        let Some(chunk) = self.input.pop_front() else {
            return false;
        };
        let mut cut = chunk.len().min(NOSCRIPT_LOOKAHEAD);
        while !chunk.is_char_boundary(cut) {
            cut -= 1;
        }
        let window = &chunk[..cut];
        let end = |tag: &str| find_end_tag(window, tag);
        let closes = match (end(name), end("noscript")) {
            (Some(own), Some(noscript)) => own < noscript,
            (Some(_), None) => true,
            (None, _) => false,
        };
        self.input.push_front(chunk);
        closes
    }

    /// Updates the estimate for `tag`; true when the tag is to be dropped.
    fn drops(&self, tag: &Tag) -> bool {
        // Raw-text elements always pass: the tree builder switches the tokenizer's
        // state on them, and their content holds no tags.
        if depth_neutral(&tag.name) || raw_text(&tag.name) {
            return false;
        }
        match tag.kind {
            TagKind::StartTag if tag.self_closing => false,
            TagKind::StartTag => {
                if self.depth.get() >= MAX_PARSE_DEPTH {
                    self.dropped.set(self.dropped.get() + 1);
                    true
                } else {
                    self.depth.set(self.depth.get() + 1);
                    false
                }
            }
            TagKind::EndTag => {
                if self.dropped.get() > 0 {
                    self.dropped.set(self.dropped.get() - 1);
                    true
                } else {
                    self.depth.set(self.depth.get().saturating_sub(1));
                    false
                }
            }
        }
    }
}

/// Offset of the first `</name` (ASCII case-insensitive) in `rest`.
fn find_end_tag(rest: &str, name: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let name = name.as_bytes();
    let mut from = 0;
    loop {
        let k = from + rest.get(from..)?.find("</")?;
        let after = &bytes[k + 2..];
        if after.len() >= name.len() && after[..name.len()].eq_ignore_ascii_case(name) {
            return Some(k);
        }
        from = k + 2;
    }
}

/// How far ahead an element opened inside `<noscript>` looks for its end tag; a
/// fallback iframe closes within a few hundred bytes.
const NOSCRIPT_LOOKAHEAD: usize = 4 * 1024;

/// Raw-text elements with nothing to show as text, whose end tag is easily left out.
fn framed_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("iframe") | local_name!("noembed") | local_name!("noframes")
    )
}

/// Elements that never nest content (void) or usually lack end tags: they do not count
/// towards the depth estimate.
fn depth_neutral(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("param")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("p")
            | local_name!("li")
            | local_name!("dt")
            | local_name!("dd")
            | local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("option")
            | local_name!("optgroup")
            | local_name!("thead")
            | local_name!("tbody")
            | local_name!("tfoot")
            | local_name!("colgroup")
            | local_name!("rp")
            | local_name!("rt")
            | local_name!("html")
            | local_name!("head")
            | local_name!("body")
            | local_name!("frame")
            | local_name!("keygen")
    )
}

/// Elements whose content the tokenizer reads as raw text up to their end tag.
fn raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("plaintext")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{attr, Flat};
    use scraper::node::Element;
    use scraper::Node;

    fn max_depth(doc: &Html) -> usize {
        let flat = Flat::build(doc.tree.root());
        flat.nodes.iter().map(|n| n.depth).max().unwrap_or(0) as usize
    }

    fn names(doc: &Html) -> Vec<String> {
        let flat = Flat::build(doc.tree.root());
        flat.nodes.iter().map(|n| n.name.to_string()).collect()
    }

    #[test]
    fn hostile_nesting_is_capped_before_tree_building() {
        let depth = 100_000;
        let html = format!(
            "<body>{}deep <em>text</em>{}</body>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let doc = parse(&html);
        let max = max_depth(&doc);
        assert!(max <= MAX_PARSE_DEPTH + 8, "depth {max}");
        // Tags beyond the cap are gone, their text stays.
        assert!(!names(&doc).contains(&"em".to_string()));
        assert!(doc
            .root_element()
            .text()
            .collect::<String>()
            .contains("deep  text"));
    }

    /// The same document through html5ever's own driver, no gate in between.
    /// A byte order mark only opens the page, as in [`parse_with`].
    fn plain_parse(html: &str) -> Html {
        let html = html.strip_prefix('\u{feff}').unwrap_or(html);
        let opts = html5ever::driver::ParseOpts {
            tokenizer: TokenizerOpts {
                discard_bom: false,
                ..TokenizerOpts::default()
            },
            tree_builder: TreeBuilderOpts {
                scripting_enabled: false,
                ..TreeBuilderOpts::default()
            },
        };
        html5ever::tendril::TendrilSink::one(
            html5ever::driver::parse_document(HtmlTreeSink::new(Html::new_document()), opts),
            html,
        )
    }

    #[test]
    fn ordinary_pages_parse_as_html5ever_alone_does() {
        let nested = format!(
            "<div><p>a<p>b<img src=x>{}<em>x</em>{}</div>",
            "<section>".repeat(300),
            "</section>".repeat(300)
        );
        let pages = [
            nested.as_str(),
            "<noscript><p>fallback</p></noscript><svg><![CDATA[c]]></svg><textarea><b></textarea>",
            // Raw text the gate hands over whole, and raw text it leaves to the tokenizer.
            "<head><STYLE>p{}\n a<b </stylex </style/> <title>T &amp; <i></title></head>",
            "<script>if (a<b) {}\n// </scripty\n</SCRIPT >after",
            "<script>var s = '<!--<script>x</script>-->';</script><p>after</p>",
            "<script>a\r\nb\rc</script><style>x\r\n</style>z",
            "<script type=x/y>{\"a\":\"</p>\"}</script><iframe><b>i</b></iframe>",
            "<xmp><b></xmp><noembed><i></noembed><noframes>n</noframes><plaintext><p>",
            "<svg><script>a<b>c</b></script><style>s</style></svg><p>p",
            "<p>x<script>never closed",
            "<p>x<style>ends at </style",
            "<template><script>t</script></template><table><script>s</script><tr><td>c",
            // SVG bodies the gate cannot be sure of go through the tokenizer: HTML tags
            // that break out of foreign content, comments, unclosed SVGs.
            "<svg><g><p>shown</p><path d=M0/></g></svg><p>after",
            "<svg><text>t<b>bold</b></text></svg>",
            "<svg><!-- </svg> --><text>t</text></svg><p>after",
            "<p>a<svg><path d=M0>never closed",
            // Text the gate takes as it comes, from the page's first byte on.
            "\u{feff}\n\n  <!DOCTYPE html><html><head>\n <title>t</title>\n</head>\n<body>\n<p>a\n b &amp; c</p>\n<table>\n <tr>\n  <td>x</td>\n</table>\n</body>\n</html>\n",
            "text first<p>then a paragraph\n\n<pre>\n\nkept line</pre>",
        ];
        for page in pages {
            let (ours, plain) = (
                parse_with(page, Attributes::All).expect("within the node budget"),
                plain_parse(page),
            );
            assert_eq!(ours.html(), plain.html(), "{page}");
            assert_eq!(
                Flat::build(ours.tree.root()).len(),
                Flat::build(plain.tree.root()).len(),
                "{page}"
            );
        }
    }

    /// Random tag soup, the same every run (xorshift from a fixed seed): tags in
    /// any case, repeated and unread attributes, character references, CR and NUL,
    /// raw text, comments, CDATA in MathML, stray and malformed end tags.
    fn tag_soup(seed: u64, pieces: usize) -> String {
        const PIECES: &[&str] = &[
            "<div>",
            "<DIV class=a>",
            "</div>",
            "<p>",
            "</P >",
            "<span id=k class='b c'>",
            "</span>",
            "<a href=\"/x?a=1&amp;b=2\">",
            "<a href=/y onclick=go()>",
            "</a>",
            "<a/>",
            "</a/>",
            "<table>",
            "<tr>",
            "<td colspan=2>",
            "</td>",
            "</table>",
            "<ul><li>",
            "</li>",
            "<pre>",
            "</pre>",
            "<br/>",
            "<img data-src=i.png src=s>",
            "<input disabled/>",
            "<b data-x='{\"a\":1}' class=x class=y>",
            "</b>",
            "<i>",
            "<title>t <b x=1></title>",
            "<textarea><p></textarea>",
            "<script>a<b</script>",
            "<style>p{}</style>",
            "<noscript><p a=1>n</p></noscript>",
            "<template><td>",
            "</template>",
            "<math><mi data-y=z/>m</math>",
            "<math><![CDATA[c\0<i data-c=1>]]></math>",
            "<select><option value=1>o",
            "</select>",
            "<!-- c -->",
            "<!---->",
            "<!doctype html>",
            "</script>",
            "<p a=\"x\rb\">",
            "<q b=\"\0\">",
            "<e\0x f=1>",
            "<br a b a>",
            "<h1 Title=\"T\" TITLE=u>",
            "<frameset>",
            "<body data-b=1 class=c>",
            "<html lang=en>",
            "a",
            " ",
            "\n",
            "\r\n",
            "\r",
            "<3",
            "&amp;",
            "&",
            "<",
            "\0",
            "x y",
            "</",
            "<!x>",
            "&lt<b data-x=1>",
            "&noti<i onclick=1 id=n>",
            "<<u data-u=2 class=u>",
            "&amp;</b>",
            "\u{feff}",
        ];
        let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..pieces)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                PIECES[(state % PIECES.len() as u64) as usize]
            })
            .collect()
    }

    const SOUP_SEEDS: u64 = 3000;

    #[test]
    fn tag_soup_parses_as_html5ever_alone_does() {
        for seed in 0..SOUP_SEEDS {
            let page = tag_soup(seed, 40);
            let (ours, plain) = (
                parse_with(&page, Attributes::All).expect("within the node budget"),
                plain_parse(&page),
            );
            assert_eq!(ours.html(), plain.html(), "{page:?}");
            assert_eq!(
                Flat::build(ours.tree.root()).len(),
                Flat::build(plain.tree.root()).len(),
                "{page:?}"
            );
            let (ours, plain) = (parse(&page), plain_parse_read(&page));
            assert_eq!(ours.html(), plain.html(), "{page:?}");
        }
    }

    #[test]
    fn svg_bodies_are_skipped_and_the_page_goes_on() {
        let page = "<p>a</p><svg viewBox=\"0 0 9 9\"><g><path d=\"M0 0h9\"/></g><text>CM</text>\
                    </SVG ><p>b<svg/><i>c</i></p><svg class=icon><use href=#x></use></svg>d";
        let without = "<p>a</p><svg viewBox=\"0 0 9 9\"></svg><p>b<svg/><i>c</i></p>\
                       <svg class=icon></svg>d";
        assert_eq!(parse(page).html(), plain_parse(without).html());
        // An SVG inside an SVG: the outer one's first end tag is the inner one's, so
        // the outer body goes through the tokenizer and only the inner one is skipped.
        let nested = "<svg><svg><text>in</text></svg><text>out</text></svg><p>p";
        let without = "<svg><svg></svg><text>out</text></svg><p>p";
        assert_eq!(parse(nested).html(), plain_parse(without).html());
    }

    #[test]
    fn start_tags_are_trimmed_as_the_tokenizer_delimits_them() {
        let trim = |tag: &str, max: usize, which: Attributes| {
            trimmed_start_tag(tag, max, which, false).map(|(t, len)| (t.to_string(), len))
        };
        // `>` inside quoted values does not end the tag; a bare name is an attribute.
        let tag = "<div a=\">\" b='>' c d=x>after";
        let trimmed = Some(("<div a=\">\" b='>'>".to_string(), tag.len() - 5));
        assert_eq!(trim(tag, 2, Attributes::All), trimmed);
        assert_eq!(trim(tag, 4, Attributes::All), None);
        assert_eq!(trim(tag, 4, Attributes::Read), None);
        let open = "<p a b c";
        assert_eq!(
            trim(open, 1, Attributes::All),
            Some(("<p a".into(), open.len()))
        );
        // Handlers and script data go; the lazy image address and what closes the tag
        // stay, and a kept attribute written right after a quote gets its space.
        let tag = "<a onClick=\"go()\" href=/x DATA-track='{\"a\":1}'data-src=i.png/>z";
        let trimmed = Some(("<a href=/x data-src=i.png/>".into(), tag.len() - 1));
        assert_eq!(trim(tag, 256, Attributes::Read), trimmed);
        assert_eq!(trim(tag, 256, Attributes::All), None);
        for other in ["</div a b c>", "<!-- a b c -->", "< a b c>", "text"] {
            assert_eq!(trim(other, 1, Attributes::Read), None, "{other}");
        }
        assert_eq!(trim("<p on data- dat-a>", 256, Attributes::Read), None);
    }

    fn first_element<'d>(doc: &'d Html, name: &str) -> &'d Element {
        doc.tree
            .root()
            .descendants()
            .find_map(|n| match n.value() {
                Node::Element(e) if e.name() == name => Some(e),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no <{name}>"))
    }

    /// [`plain_parse`] without the attributes [`Attributes::Read`] drops.
    fn plain_parse_read(html: &str) -> Html {
        let mut doc = plain_parse(html);
        let ids: Vec<_> = doc.tree.nodes().map(|n| n.id()).collect();
        for id in ids {
            if let Some(mut node) = doc.tree.get_mut(id) {
                if let Node::Element(e) = node.value() {
                    e.attrs
                        .retain(|(name, _)| !unread_attribute(name.local.as_bytes()));
                }
            }
        }
        doc
    }

    #[test]
    fn attributes_the_engine_never_reads_never_reach_the_tree() {
        let pages = [
            "<div data-props=\"{&quot;a&quot;:[1,2]}\" class=c id=k>text</div>",
            "<p onclick=\"a()\" ONMOUSEOVER='b()'>x<img data-src=i.png data-x=1 src=s.png>",
            "<div data-a=\"1\"class=\"b\"><a/data-b=2/href=/h>link</a></div>",
            "<p>a<div data-x=\"1\" class=c",
            "<table data-t=1><tr data-r=2><td data-c=3 colspan=2>cell</table>",
            "<title>a <b data-x=1> b</title><script>var s='<i data-y=2>';</script>",
        ];
        for page in pages {
            assert_eq!(parse(page).html(), plain_parse_read(page).html(), "{page}");
            assert_eq!(
                parse_with(page, Attributes::All)
                    .expect("within the node budget")
                    .html(),
                plain_parse(page).html(),
                "{page}"
            );
        }
        // MathML: an unquoted value takes a trailing `/`, and what looks like a tag in
        // a CDATA section is text, also after a NUL the tokenizer hands over early.
        let foreign = "<math><mi data-x=y/>in<![CDATA[a\0<b data-z=1>]]><mo onclick=x></math>";
        let ours = parse(foreign).html();
        assert!(ours.contains("&lt;b data-z=1&gt;"), "{ours}");
        assert_eq!(ours, plain_parse_read(foreign).html());
        let doc = parse(pages[1]);
        let img = first_element(&doc, "img");
        let names: Vec<&str> = img.attrs().map(|(name, _)| name).collect();
        assert_eq!(names, ["data-src", "src"]);
    }

    #[test]
    fn attributes_beyond_the_cap_are_dropped_and_the_page_goes_on() {
        let many: String = (0..MAX_ATTRIBUTES + 40)
            .map(|k| format!(" a{k}=\"x>{k}\""))
            .collect();
        for page in [
            format!("<div{many}>text</div><p>after</p>"),
            format!("<p>before</p><div{many}>text</div><p>after</p>"),
            format!("<p>before</p>\r\n<div{many}>text</div><p>after</p>"),
            // Where the tokenizer holds the `<` or hands it back on its own.
            format!("<p>before<<div{many}>text</div><p>after</p>"),
            format!("<p>before&lt<div{many}>text</div><p>after</p>"),
            format!("<p>before&amp;<div{many}>text</div><p>after</p>"),
            format!("<math><mi>before</mi></math><math><div{many}>text</div><p>after</p>"),
        ] {
            let doc = parse(&page);
            let div = first_element(&doc, "div");
            assert_eq!(div.attrs().count(), MAX_ATTRIBUTES);
            assert_eq!(attr(div, "a0"), Some("x>0"));
            let text: String = doc.root_element().text().collect();
            assert!(text.ends_with("textafter"), "{text}");
        }
        // Raw text is not markup: a `<b` in a title or a script keeps what follows.
        let words: String = (0..MAX_ATTRIBUTES + 40).map(|k| format!(" w{k}")).collect();
        for page in [
            format!("<title>a<b{words}</title><p>x"),
            format!("<script><!-- a<b{words} --></script><p>x"),
        ] {
            assert_eq!(parse(&page).html(), plain_parse(&page).html());
        }
    }

    #[test]
    fn raw_text_ends_where_the_tokenizer_ends_it() {
        assert_eq!(raw_text_end("a<b</SCRIPT>", "script", true), Some(3));
        assert_eq!(
            raw_text_end("a</scripty></script/>", "script", true),
            Some(11)
        );
        assert_eq!(raw_text_end("a</script", "script", true), None);
        assert_eq!(raw_text_end("<!--x--></script>", "script", true), None);
        assert_eq!(raw_text_end("<!--x--></style>", "style", false), Some(8));
        assert_eq!(raw_text_end("a\r\n</style>", "style", false), None);
        assert_eq!(raw_text_end("</style\t>", "style", false), Some(0));
    }

    #[test]
    fn iframes_left_open_in_noscript_do_not_swallow_the_page() {
        let pages = [
            "<noscript><iframe src=\"t.html\" height=\"0\" /></noscript><div><p>Page text</p></div>",
            "<NOSCRIPT><IFRAME src=t></NOSCRIPT><div><p>Page text</p></div><iframe></iframe>",
        ];
        for page in pages {
            let doc = parse(page);
            assert!(names(&doc).contains(&"p".to_string()), "{page}");
            let text: String = doc.root_element().text().collect();
            assert_eq!(text, "Page text", "{page}");
        }
        // A closed iframe, and one outside any noscript, parse as before.
        for page in [
            "<noscript><iframe src=t><b>x</b></iframe></noscript><p>after</p>",
            "<iframe src=t /><p>swallowed, as a browser has it</p></iframe><p>after</p>",
        ] {
            assert_eq!(parse(page).html(), plain_parse(page).html(), "{page}");
        }
        // Thousands of unclosed ones (each looks only a bounded way ahead for its end
        // tag) still leave the page after them.
        let page = format!(
            "{}<p>Page text</p>",
            "<noscript><iframe src=t>".repeat(5000)
        );
        let text: String = parse(&page).root_element().text().collect();
        // (Tags past the nesting cap become spaces.)
        assert_eq!(text.trim(), "Page text");
    }

    #[test]
    fn tags_inside_raw_text_do_not_count_towards_depth() {
        let html = format!(
            "<body><script>{}</ScRiPt>{}<em>after</em></body>",
            "<div>".repeat(MAX_PARSE_DEPTH + 10),
            "<div>".repeat(MAX_PARSE_DEPTH - 10),
        );
        let doc = parse(&html);
        assert!(names(&doc).contains(&"em".to_string()));
        assert!(max_depth(&doc) > MAX_PARSE_DEPTH - 10);
    }
}
