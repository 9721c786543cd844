/// A regular expression over decimal digits, evaluated with the leftmost-first (backtracking)
/// semantics of Java's and Python's regex engines, including capture groups.
///
/// libphonenumber's national-prefix-for-parsing and international-prefix patterns depend on
/// which alternative matches first and on what the groups capture (for example Argentina's
/// `0?(?:(11|2(?:…))15)?` turns `0 11 15 1234 5678` into `9 11 1234 5678`), so they cannot be
/// reduced to a plain automaton. They are short and are only ever matched at the start of the
/// number, so a tiny backtracking machine is fast enough; full-match number-type patterns use
/// ``DigitAutomaton`` instead.
///
/// Supported syntax: digits, `\d`, classes such as `[2-46-9]` and `[^0]`, groups `(…)` and
/// `(?:…)`, alternation `|`, quantifiers `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, and `$`.
///
/// ```swift
/// let pattern = try DigitPattern("0(1\\d)?")
/// let match = pattern.prefixMatch([0, 1, 5, 7, 7])   // end == 3, group(1) == 1..<3
/// ```
struct DigitPattern: Sendable {
    /// One instruction of the backtracking machine.
    enum Instruction: Sendable, Equatable {
        /// Consume one digit whose bit is set in the mask.
        case digit(UInt16)
        /// Try `preferred` first; on failure continue at `alternative`.
        case split(preferred: Int32, alternative: Int32)
        case jump(Int32)
        /// Record the current position in a capture slot.
        case save(Int32)
        /// Succeed only at the end of the input.
        case assertEnd
        case match
    }

    /// The pattern text as found in the metadata.
    let source: String
    let program: [Instruction]
    let groupCount: Int
    /// Set when the pattern is a plain digit string, which is matched without the machine.
    let literal: [UInt8]?

    /// Upper bound on machine steps for one match; metadata patterns need a few hundred at most.
    static let stepLimit = 200_000

    init(_ source: String) throws(DigitPatternError) {
        var parser = Parser(source: source)
        let tree = try parser.parseAll()
        self.source = source
        self.groupCount = parser.groupCount
        var program: [Instruction] = []
        Self.emit(tree, into: &program)
        program.append(.match)
        self.program = program
        self.literal = Self.literalDigits(of: tree)
    }

    /// Matches the pattern at the start of `digits` (values 0...9) and returns the first match
    /// in priority order, like Java's `lookingAt` or Python's `re.match`.
    func prefixMatch(_ digits: [UInt8]) -> DigitPatternMatch? {
        if let literal {
            guard digits.count >= literal.count else { return nil }
            for index in 0..<literal.count where digits[index] != literal[index] {
                return nil
            }
            return DigitPatternMatch(end: literal.count, slots: [])
        }
        return run(digits)
    }

    // MARK: - Machine

    private func run(_ digits: [UInt8]) -> DigitPatternMatch? {
        var slots = [Int32](repeating: -1, count: groupCount * 2)
        // Entries are threads (pc >= 0, position) or slot restorations (-(slot + 1), old value).
        var stack: [(Int32, Int32)] = [(0, 0)]
        var steps = 0
        let count = digits.count
        while let (first, second) = stack.popLast() {
            if first < 0 {
                slots[Int(-first - 1)] = second
                continue
            }
            var pc = Int(first)
            var position = Int(second)
            threadLoop: while true {
                steps += 1
                if steps > Self.stepLimit { return nil }
                switch program[pc] {
                case .digit(let mask):
                    guard position < count, mask & (1 << UInt16(digits[position])) != 0 else { break threadLoop }
                    position += 1
                    pc += 1
                case .split(let preferred, let alternative):
                    stack.append((alternative, Int32(position)))
                    pc = Int(preferred)
                case .jump(let target):
                    pc = Int(target)
                case .save(let slot):
                    stack.append((-slot - 1, slots[Int(slot)]))
                    slots[Int(slot)] = Int32(position)
                    pc += 1
                case .assertEnd:
                    guard position == count else { break threadLoop }
                    pc += 1
                case .match:
                    return DigitPatternMatch(end: position, slots: slots)
                }
            }
        }
        return nil
    }

    // MARK: - Compilation

    indirect enum Node: Equatable {
        case digit(UInt16)
        case sequence([Node])
        case alternation([Node])
        case group(Node, capture: Int?)
        case repeated(Node, min: Int, max: Int?)
        case end
    }

    private static func emit(_ node: Node, into program: inout [Instruction]) {
        switch node {
        case .digit(let mask):
            program.append(.digit(mask))
        case .end:
            program.append(.assertEnd)
        case .sequence(let items):
            for item in items { emit(item, into: &program) }
        case .group(let inner, let capture):
            if let capture { program.append(.save(Int32(2 * capture - 2))) }
            emit(inner, into: &program)
            if let capture { program.append(.save(Int32(2 * capture - 1))) }
        case .alternation(let branches):
            var exits: [Int] = []
            for (index, branch) in branches.enumerated() {
                if index == branches.count - 1 {
                    emit(branch, into: &program)
                } else {
                    let split = program.count
                    program.append(.match)  // placeholder
                    emit(branch, into: &program)
                    exits.append(program.count)
                    program.append(.match)  // placeholder
                    program[split] = .split(preferred: Int32(split + 1), alternative: Int32(program.count))
                }
            }
            for exit in exits { program[exit] = .jump(Int32(program.count)) }
        case .repeated(let inner, let minimum, let maximum):
            for _ in 0..<minimum { emit(inner, into: &program) }
            if let maximum {
                var splits: [Int] = []
                for _ in minimum..<max(minimum, maximum) {
                    splits.append(program.count)
                    program.append(.match)  // placeholder
                    emit(inner, into: &program)
                }
                for split in splits {
                    program[split] = .split(preferred: Int32(split + 1), alternative: Int32(program.count))
                }
            } else {
                let loop = program.count
                program.append(.match)  // placeholder
                emit(inner, into: &program)
                program.append(.jump(Int32(loop)))
                program[loop] = .split(preferred: Int32(loop + 1), alternative: Int32(program.count))
            }
        }
    }

    private static func literalDigits(of node: Node) -> [UInt8]? {
        guard case .sequence(let items) = node else { return nil }
        var digits: [UInt8] = []
        for item in items {
            guard case .digit(let mask) = item, mask.nonzeroBitCount == 1 else { return nil }
            digits.append(UInt8(mask.trailingZeroBitCount))
        }
        return digits
    }

    // MARK: - Parser

    private struct Parser {
        let source: String
        let characters: [UInt8]
        var index = 0
        var groupCount = 0

        init(source: String) {
            self.source = source
            self.characters = Array(source.utf8)
        }

        mutating func parseAll() throws(DigitPatternError) -> Node {
            let node = try alternation()
            guard index == characters.count else { throw failure("unexpected \")\"") }
            return node
        }

        private func failure(_ reason: String) -> DigitPatternError {
            DigitPatternError(pattern: source, offset: index, reason: reason)
        }

        private var current: UInt8? { index < characters.count ? characters[index] : nil }

        private mutating func take() throws(DigitPatternError) -> UInt8 {
            guard let character = current else { throw failure("unexpected end of pattern") }
            index += 1
            return character
        }

        private mutating func expect(_ character: UInt8) throws(DigitPatternError) {
            guard current == character else {
                throw failure("expected \"\(String(UnicodeScalar(character)))\"")
            }
            index += 1
        }

        private mutating func alternation() throws(DigitPatternError) -> Node {
            var branches = [try sequence()]
            while current == UInt8(ascii: "|") {
                index += 1
                branches.append(try sequence())
            }
            return branches.count == 1 ? branches[0] : .alternation(branches)
        }

        private mutating func sequence() throws(DigitPatternError) -> Node {
            var items: [Node] = []
            while let character = current, character != UInt8(ascii: "|"), character != UInt8(ascii: ")") {
                items.append(try quantified())
            }
            return .sequence(items)
        }

        private mutating func number() -> Int? {
            var value: Int?
            while let character = current, character >= UInt8(ascii: "0"), character <= UInt8(ascii: "9") {
                value = (value ?? 0) * 10 + Int(character - UInt8(ascii: "0"))
                if value! > 1000 { return value }
                index += 1
            }
            return value
        }

        private mutating func quantified() throws(DigitPatternError) -> Node {
            var node = try atom()
            while let character = current {
                switch character {
                case UInt8(ascii: "?"):
                    index += 1
                    node = .repeated(node, min: 0, max: 1)
                case UInt8(ascii: "*"):
                    index += 1
                    node = .repeated(node, min: 0, max: nil)
                case UInt8(ascii: "+"):
                    index += 1
                    node = .repeated(node, min: 1, max: nil)
                case UInt8(ascii: "{"):
                    index += 1
                    guard let minimum = number(), minimum <= 100 else { throw failure("bad repetition count") }
                    var maximum: Int? = minimum
                    if current == UInt8(ascii: ",") {
                        index += 1
                        maximum = number()
                    }
                    try expect(UInt8(ascii: "}"))
                    if let maximum, maximum < minimum || maximum > 100 {
                        throw failure("bad repetition range")
                    }
                    node = .repeated(node, min: minimum, max: maximum)
                default:
                    return node
                }
            }
            return node
        }

        private mutating func atom() throws(DigitPatternError) -> Node {
            let start = index
            let character = try take()
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .digit(1 << UInt16(character - UInt8(ascii: "0")))
            case UInt8(ascii: "\\"):
                guard try take() == UInt8(ascii: "d") else {
                    index = start
                    throw failure("only the \\d escape is supported")
                }
                return .digit(0x3FF)
            case UInt8(ascii: "["):
                return .digit(try characterClass())
            case UInt8(ascii: "("):
                var capture: Int?
                if current == UInt8(ascii: "?") {
                    index += 1
                    try expect(UInt8(ascii: ":"))
                } else {
                    groupCount += 1
                    capture = groupCount
                }
                let inner = try alternation()
                try expect(UInt8(ascii: ")"))
                return .group(inner, capture: capture)
            case UInt8(ascii: "$"):
                return .end
            default:
                index = start
                throw failure("unsupported character")
            }
        }

        private mutating func characterClass() throws(DigitPatternError) -> UInt16 {
            var negated = false
            if current == UInt8(ascii: "^") {
                negated = true
                index += 1
            }
            var mask: UInt16 = 0
            while current != UInt8(ascii: "]") {
                let first = try take()
                if first == UInt8(ascii: "\\") {
                    guard try take() == UInt8(ascii: "d") else { throw failure("only \\d is supported in a class") }
                    mask |= 0x3FF
                    continue
                }
                guard let low = Self.digitValue(first) else { throw failure("unsupported class member") }
                if current == UInt8(ascii: "-"), index + 1 < characters.count, characters[index + 1] != UInt8(ascii: "]") {
                    index += 1
                    guard let high = Self.digitValue(try take()), high >= low else { throw failure("bad class range") }
                    for value in low...high { mask |= 1 << UInt16(value) }
                } else {
                    mask |= 1 << UInt16(low)
                }
            }
            index += 1
            return negated ? (~mask & 0x3FF) : mask
        }

        private static func digitValue(_ character: UInt8) -> UInt8? {
            character >= UInt8(ascii: "0") && character <= UInt8(ascii: "9") ? character - UInt8(ascii: "0") : nil
        }
    }
}
