"""Refusing alias bombs: YAML aliases that expand a small text into an enormous document.

PyYAML shares an aliased node instead of copying it, so loading a "billion laughs" text is cheap;
it is everything that walks the data afterwards (checking, caching, showing) that would expand it.
So the node graph is measured before it is turned into data: when aliases would multiply it far
beyond what is written, or make it contain itself, the bank is refused.

Measuring costs a walk over the nodes, so it is done only when the text may define an anchor,
which an ordinary bank does not.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

#: Aliases may expand a document to this many nodes before the ratio below is considered...
ALIAS_FLOOR = 100_000
#: ... and beyond the floor, to at most this many times the nodes actually written.
ALIAS_RATIO = 10

_RECURSIVE = "recursive alias: a node contains itself"
_NOT_ANCHOR = " \t\r\n[]{},"

#: A problem found in the node graph: 1-based line and column, and a message.
Finding = tuple[int, int, str]


def may_define_anchors(text: str) -> bool:
    """A cheap, conservative test: could the text define an `&anchor`?

    An anchor is an `&` followed by its name, and never follows a letter or digit directly (there
    it would be part of a plain word, as in "R&D"); every other `&` counts.
    """
    index = text.find("&")
    end = len(text) - 1
    while index != -1:
        if (index == 0 or not text[index - 1].isalnum()) and (
            index < end and text[index + 1] not in _NOT_ANCHOR
        ):
            return True
        index = text.find("&", index + 1)
    return False


def check_expansion(root: Node) -> Finding | None:
    """Where and why aliases make the graph recursive or enormous; None when they do not."""
    sizes: dict[int, int] = {}
    refs: dict[int, int] = {}
    nodes: dict[int, Node] = {}
    path: set[int] = set()
    stack: list[tuple[Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        children = _children(node)
        if done:
            path.discard(key)
            total = 1
            for child in children:
                total += sizes.get(id(child), 1)
            sizes[key] = total
            continue
        if key in sizes:
            continue
        path.add(key)
        nodes[key] = node
        stack.append((node, True))
        for child in children:
            if not isinstance(child, ScalarNode):
                child_key = id(child)
                if child_key in path:
                    return (child.start_mark.line + 1, child.start_mark.column + 1, _RECURSIVE)
                refs[child_key] = refs.get(child_key, 0) + 1
                stack.append((child, False))
    expanded = sizes[id(root)]
    written = sum(len(_children(n)) for n in nodes.values()) + 1
    if expanded <= ALIAS_FLOOR or expanded <= ALIAS_RATIO * written:
        return None
    culprit = max(
        (k for k, count in refs.items() if count > 1),
        key=lambda k: sizes[k] * refs[k],
        default=id(root),
    )
    mark = nodes[culprit].start_mark
    message = (
        f"aliases would expand the document to {expanded:,} nodes from {written:,} written; "
        "refusing to load it (an alias bomb?)"
    )
    return (mark.line + 1, mark.column + 1, message)


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        children: list[Node] = node.value
        return children
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []
