//! A flat, pre-order index over a parsed document.
//!
//! scraper's tree is pointer-shaped; every later step (pruning, scoring, selection)
//! wants per-node numbers it can look up by a dense index and subtree ranges it can
//! skip in O(1). One iterative pass builds that here, so no step recurses over the
//! document (100k nested elements must not overflow the stack) and no step walks the
//! tree more than a constant number of times.

use ego_tree::NodeRef;
use scraper::node::Element;
use scraper::Node;

/// The value of `el`'s attribute `name` (no namespace, like [`Element::attr`]).
///
/// `Element::attr` interns `name` as an atom and binary-searches with string
/// comparisons on every call; elements have a handful of attributes, so a linear scan
/// comparing the stored names is several times cheaper on the hot paths.
pub fn attr<'e>(el: &'e Element, name: &str) -> Option<&'e str> {
    debug_assert!(
        !crate::parse::unread_attribute(name.as_bytes()),
        "`{name}` is dropped by the parser (see unread_attribute)"
    );
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

    /// The sibling just before `i`: the ancestor of `i - 1` that shares `i`'s
    /// parent, reached without listing the parent's children (a hostile parent may
    /// hold thousands).
    pub fn previous_sibling(&self, i: usize) -> Option<usize> {
        let parent = self.nodes[i].parent;
        if parent == NONE || i <= parent as usize + 1 {
            return None;
        }
        let mut p = i - 1;
        while self.nodes[p].parent != parent {
            p = self.nodes[p].parent as usize;
        }
        Some(p)
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
