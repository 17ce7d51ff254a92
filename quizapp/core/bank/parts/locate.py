"""Finding where in the file a problem is, once there is a problem to report.

The validator works on plain dicts and lists and describes each problem by its path through them,
e.g. `("questions", 3, "choices", 2, "misconception")`. Only when a bank has problems is the text
composed again into a node tree (which keeps positions) and each path walked to its node.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from quizapp.core.bank.parts.yamlsafe import compose_yaml

_MERGE_TAG = "tag:yaml.org,2002:merge"

Path = tuple[Any, ...]


class Locator:
    """Turns data paths into 1-based (line, column) positions, composing the text at most once."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: Node | None = None
        self._composed = False
        self._keys = SafeConstructor()

    def locate(self, path: Path, at_key: bool = False) -> tuple[int, int]:
        """The position of the node at `path` (its key's if `at_key`), or of its nearest parent."""
        node = self._tree()
        if node is None:
            return (0, 0)
        key_node: Node | None = None
        for part in path:
            step = self._step(node, part)
            if step is None:
                key_node = None
                break
            key_node, node = step
        mark = key_node.start_mark if at_key and key_node is not None else node.start_mark
        return (mark.line + 1, mark.column + 1)

    def _tree(self) -> Node | None:
        if not self._composed:
            self._composed = True
            try:
                self._root = compose_yaml(self._text)
            except yaml.YAMLError:
                self._root = None
        return self._root

    def _step(self, node: Node, part: Any) -> tuple[Node | None, Node] | None:
        if isinstance(node, SequenceNode):
            if isinstance(part, int) and 0 <= part < len(node.value):
                return (None, node.value[part])
            return None
        if isinstance(node, MappingNode):
            return self._find_key(node, part)
        return None

    def _find_key(self, node: MappingNode, part: Any) -> tuple[Node, Node] | None:
        merged: list[Node] = []
        # The last of duplicate keys is the one whose value is in the data.
        for key_node, value_node in reversed(node.value):
            if key_node.tag == _MERGE_TAG:
                merged.append(value_node)
            elif isinstance(key_node, ScalarNode) and self._key(key_node) == part:
                return (key_node, value_node)
        for source in merged:
            for candidate in source.value if isinstance(source, SequenceNode) else [source]:
                if isinstance(candidate, MappingNode):
                    found = self._find_key(candidate, part)
                    if found is not None:
                        return found
        return None

    def _key(self, key_node: ScalarNode) -> Any:
        try:
            return self._keys.construct_object(key_node, deep=True)
        except yaml.YAMLError:
            return key_node.value
