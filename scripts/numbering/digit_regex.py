"""Compile libphonenumber's national-number patterns into digit automata.

libphonenumber describes every number type of every region with a Java-style
regular expression over the digits 0-9 (for example ``1(?:5\\d|7[0-9])\\d{7}``).
The patterns only use literals, ``\\d``, character classes, groups,
alternation and the quantifiers ``?``, ``{n}`` and ``{n,m}``, so each one is
a regular language over a ten-letter alphabet. This module turns a set of
such patterns into one minimal deterministic automaton (DFA) whose accepting
states carry a bit mask saying which of the patterns accept the input. The
Swift runtime walks that table: one array lookup per digit, no regex engine.

Only full-match semantics are compiled here. Patterns that need capture
groups or priority (leftmost-first) semantics -- national prefixes for
parsing and international dialling prefixes -- are kept as text and
evaluated by the Swift module's small backtracking matcher instead.
"""

from __future__ import annotations

from dataclasses import dataclass

ALL_DIGITS = frozenset(range(10))


class PatternError(ValueError):
    """Raised for syntax outside the supported subset."""


# --- Parsing ---------------------------------------------------------------
# AST nodes are tuples:
#   ("set", frozenset_of_digits) | ("seq", [nodes]) | ("alt", [nodes])
#   ("repeat", node, min, max_or_None) | ("group", node) | ("end",)


class _Parser:
    def __init__(self, source: str):
        self.source = source
        self.index = 0

    def parse(self):
        node = self._alternation()
        if self.index != len(self.source):
            raise PatternError(f"unexpected {self.source[self.index:]!r} in {self.source!r}")
        return node

    def _peek(self):
        return self.source[self.index] if self.index < len(self.source) else None

    def _take(self, expected=None):
        if self.index >= len(self.source):
            raise PatternError(f"unexpected end of {self.source!r}")
        char = self.source[self.index]
        if expected is not None and char != expected:
            raise PatternError(f"expected {expected!r} at {self.index} in {self.source!r}")
        self.index += 1
        return char

    def _alternation(self):
        branches = [self._sequence()]
        while self._peek() == "|":
            self._take()
            branches.append(self._sequence())
        return branches[0] if len(branches) == 1 else ("alt", branches)

    def _sequence(self):
        items = []
        while self._peek() not in (None, "|", ")"):
            items.append(self._quantified())
        return ("seq", items)

    def _number(self):
        digits = ""
        while self._peek() is not None and self._peek().isdigit():
            digits += self._take()
        return digits

    def _quantified(self):
        node = self._atom()
        while True:
            char = self._peek()
            if char == "?":
                self._take()
                node = ("repeat", node, 0, 1)
            elif char == "*":
                self._take()
                node = ("repeat", node, 0, None)
            elif char == "+":
                self._take()
                node = ("repeat", node, 1, None)
            elif char == "{":
                self._take()
                low = self._number()
                high = low
                if self._peek() == ",":
                    self._take()
                    high = self._number()
                self._take("}")
                if not low:
                    raise PatternError(f"bad quantifier in {self.source!r}")
                node = ("repeat", node, int(low), int(high) if high else None)
            else:
                return node

    def _atom(self):
        char = self._take()
        if char == "(":
            if self.source.startswith("?:", self.index):
                self.index += 2
            inner = self._alternation()
            self._take(")")
            return ("group", inner)
        if char == "[":
            return ("set", self._class())
        if char == "\\":
            escaped = self._take()
            if escaped != "d":
                raise PatternError(f"unsupported escape \\{escaped} in {self.source!r}")
            return ("set", ALL_DIGITS)
        if char == "$":
            return ("end",)
        if char.isdigit():
            return ("set", frozenset([int(char)]))
        raise PatternError(f"unsupported {char!r} in {self.source!r}")

    def _class(self):
        negate = False
        if self._peek() == "^":
            self._take()
            negate = True
        members = set()
        while self._peek() != "]":
            first = self._take()
            if first == "\\":
                if self._take() != "d":
                    raise PatternError(f"unsupported class escape in {self.source!r}")
                members |= ALL_DIGITS
                continue
            if not first.isdigit():
                raise PatternError(f"unsupported class member {first!r} in {self.source!r}")
            if self._peek() == "-" and self.source[self.index + 1] != "]":
                self._take()
                last = self._take()
                members |= set(range(int(first), int(last) + 1))
            else:
                members.add(int(first))
        self._take("]")
        return frozenset(ALL_DIGITS - members if negate else members)


def parse(pattern: str):
    """Parse a pattern of the supported subset into an AST."""
    return _Parser(pattern).parse()


# --- Thompson NFA ----------------------------------------------------------


class _NFA:
    def __init__(self):
        self.epsilon: list[list[int]] = []
        self.moves: list[list[tuple[frozenset, int]]] = []

    def state(self) -> int:
        self.epsilon.append([])
        self.moves.append([])
        return len(self.epsilon) - 1

    def add(self, node, start: int, end: int) -> None:
        kind = node[0]
        if kind == "set":
            self.moves[start].append((node[1], end))
        elif kind == "seq":
            current = start
            for item in node[1]:
                following = self.state()
                self.add(item, current, following)
                current = following
            self.epsilon[current].append(end)
        elif kind == "alt":
            for branch in node[1]:
                self.add(branch, start, end)
        elif kind == "group":
            self.add(node[1], start, end)
        elif kind == "repeat":
            _, inner, low, high = node
            current = start
            for _ in range(low):
                following = self.state()
                self.add(inner, current, following)
                current = following
            if high is None:
                loop = self.state()
                self.epsilon[current].append(loop)
                back = self.state()
                self.add(inner, loop, back)
                self.epsilon[back].append(loop)
                self.epsilon[loop].append(end)
            else:
                for _ in range(high - low):
                    self.epsilon[current].append(end)
                    following = self.state()
                    self.add(inner, current, following)
                    current = following
                self.epsilon[current].append(end)
        else:
            raise PatternError(f"{kind} is not allowed in a full-match pattern")

    def closure(self, states) -> frozenset:
        stack = list(states)
        seen = set(states)
        while stack:
            state = stack.pop()
            for target in self.epsilon[state]:
                if target not in seen:
                    seen.add(target)
                    stack.append(target)
        return frozenset(seen)


# --- DFA -------------------------------------------------------------------


@dataclass
class Automaton:
    """A DFA over digits. State 0 is the start state; -1 is the dead state."""

    accept: list[int]                # bit mask of accepting patterns per state
    transitions: list[list[int]]     # 10 targets per state

    def run(self, digits: str) -> int:
        state = 0
        for char in digits:
            state = self.transitions[state][ord(char) - 48]
            if state < 0:
                return 0
        return self.accept[state]

    def encode(self) -> str:
        """Text form: states joined by ';', each 'MASK:t0,...,t9' (hex mask, empty target = dead)."""
        parts = []
        for mask, row in zip(self.accept, self.transitions):
            targets = ",".join("" if target < 0 else str(target) for target in row)
            parts.append(f"{mask:x}:{targets}")
        return ";".join(parts)


def compile_patterns(patterns: list[tuple[int, str]]) -> Automaton:
    """Build the minimal DFA accepting each (bit, pattern) with full-match semantics."""
    nfa = _NFA()
    starts = []
    accepting: dict[int, int] = {}
    for bit, pattern in patterns:
        begin, finish = nfa.state(), nfa.state()
        nfa.add(parse(pattern), begin, finish)
        starts.append(begin)
        accepting[finish] = accepting.get(finish, 0) | (1 << bit)

    start = nfa.closure(starts)
    index = {start: 0}
    queue = [start]
    accept: list[int] = []
    transitions: list[list[int]] = []
    position = 0
    while position < len(queue):
        current = queue[position]
        position += 1
        mask = 0
        for state in current:
            mask |= accepting.get(state, 0)
        row = []
        for digit in range(10):
            reached = {target for state in current for members, target in nfa.moves[state] if digit in members}
            if not reached:
                row.append(-1)
                continue
            closed = nfa.closure(reached)
            if closed not in index:
                index[closed] = len(queue)
                queue.append(closed)
            row.append(index[closed])
        accept.append(mask)
        transitions.append(row)
    return _minimize(Automaton(accept, transitions))


def _minimize(automaton: Automaton) -> Automaton:
    """Moore partition refinement; keeps state 0 as the start state."""
    count = len(automaton.accept)
    block = list(automaton.accept)
    block_count = len(set(block))
    while True:
        signatures = {}
        refined = []
        for state in range(count):
            signature = (block[state], tuple(block[t] if t >= 0 else None for t in automaton.transitions[state]))
            refined.append(signatures.setdefault(signature, len(signatures)))
        block = refined
        if len(signatures) == block_count:
            break
        block_count = len(signatures)

    # Drop states from which nothing can be accepted (they behave like the dead state).
    live = _live_blocks(automaton, block)
    order: dict[int, int] = {}
    for state in range(count):            # state 0 comes first, so it keeps number 0
        if block[state] in live or state == 0:
            order.setdefault(block[state], len(order))
    accept = [0] * len(order)
    transitions = [[-1] * 10 for _ in range(len(order))]
    for state in range(count):
        number = order.get(block[state])
        if number is None:
            continue
        accept[number] = automaton.accept[state]
        for digit, target in enumerate(automaton.transitions[state]):
            transitions[number][digit] = order.get(block[target], -1) if target >= 0 else -1
    return Automaton(accept, transitions)


def _live_blocks(automaton: Automaton, block: list[int]) -> set:
    reverse: dict[int, set] = {}
    for state, row in enumerate(automaton.transitions):
        for target in row:
            if target >= 0:
                reverse.setdefault(block[target], set()).add(block[state])
    live = {block[state] for state, mask in enumerate(automaton.accept) if mask}
    stack = list(live)
    while stack:
        current = stack.pop()
        for source in reverse.get(current, ()):
            if source not in live:
                live.add(source)
                stack.append(source)
    return live
