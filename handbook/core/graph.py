"""The walk rules checklists and practice cases share: what is reachable from the start, which edges close a loop,
and which nodes never lead to an end. Every walk keeps its own stack (a chain of thousands of steps never
recurses) and is linear in the number of edges."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

Edges = Callable[[str], Sequence[tuple[int, str]]]  # a node's edges: (line of the edge, target id)


def reachable_from(start: str, edges: Edges, known: Mapping[str, object]) -> set[str]:
    """Every known node that can be reached from `start` (the start included)."""
    seen: set[str] = set()
    todo = [start]
    while todo:
        current = todo.pop()
        if current in seen or current not in known:
            continue
        seen.add(current)
        todo.extend(target for _line, target in edges(current))
    return seen


def loops(order: Iterable[str], edges: Edges, known: Mapping[str, object],
          within: set[str]) -> list[tuple[int, list[str]]]:
    """Each edge that comes back to a node on the current path, with the line of that edge and the cycle
    (shortened to its ends when long). A depth-first search with its own stack, from each node in `order`."""
    found: list[tuple[int, list[str]]] = []
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for first in order:
        if first in state or first not in within:
            continue
        trail: list[str] = [first]
        position = {first: 0}
        stack = [iter(edges(first))]
        state[first] = 1
        while stack:
            edge = next(stack[-1], None)
            if edge is None:
                stack.pop()
                done = trail.pop()
                del position[done]
                state[done] = 2
                continue
            line, target = edge
            if target not in known:
                continue
            if state.get(target) == 1:
                cycle = [*trail[position[target]:], target]
                if len(cycle) > 12:
                    cycle = [*cycle[:5], "…", *cycle[-5:]]
                found.append((line, cycle))
            elif target not in state:
                state[target] = 1
                position[target] = len(trail)
                trail.append(target)
                stack.append(iter(edges(target)))
    return found


def leading_to_an_end(nodes: Iterable[str], edges: Edges, ends: Iterable[str]) -> set[str]:
    """The nodes from which some end can be reached: the edges walked backwards from every end."""
    sources: dict[str, list[str]] = {}
    for node in nodes:
        for _line, target in edges(node):
            sources.setdefault(target, []).append(node)
    leads = set(ends)
    todo = list(leads)
    while todo:
        for source in sources.get(todo.pop(), ()):
            if source not in leads:
                leads.add(source)
                todo.append(source)
    return leads
