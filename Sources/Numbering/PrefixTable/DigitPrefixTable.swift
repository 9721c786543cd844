/// An immutable longest-prefix-match table over decimal digit strings.
///
/// Built once from (prefix, value) pairs, it answers "which entry has the longest prefix of
/// this number?" in well under a microsecond, independent of the number of entries: a lookup
/// walks one trie node per digit. Use it for number-range data, routing rules and the like.
///
/// ```swift
/// let routes = try DigitPrefixTable([("49", "germany"), ("4915", "de-mobile"), ("", "default")])
/// routes.longestMatch("4915123456789")   // (prefix: "4915", value: "de-mobile")
/// routes.longestMatch("+4930123456")     // (prefix: "+49", value: "germany") – a leading "+" is skipped
/// routes.longestMatch("3312345678")      // (prefix: "", value: "default")
/// ```
///
/// The empty prefix matches every input. Matching stops at the first character that is not an
/// ASCII digit.
public struct DigitPrefixTable<Value> {
    /// Longest prefix accepted when building.
    public static var maximumPrefixLength: Int { 64 }

    // Compact trie in breadth-first order, one 64-bit word per node: bits 0-31 hold the index of
    // the node's first child, bits 32-41 a mask with bit `d` set when there is a child for digit
    // `d`, bit 42 whether the node carries a value. Children are stored contiguously in digit
    // order, so the child for `d` is at `first + popcount(mask below d)`. One word per step
    // keeps a lookup to one cache line per digit.
    private let nodes: [UInt64]
    /// Index into `values` for nodes that carry one, -1 elsewhere.
    private let valueIndex: [Int32]
    private let values: [Value]

    private static var hasValueBit: UInt64 { 1 << 42 }

    @inline(__always)
    private static func mask(of node: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: node >> 32) & 0x3FF }

    @inline(__always)
    private static func firstChild(of node: UInt64) -> Int { Int(UInt32(truncatingIfNeeded: node)) }

    /// The number of prefixes in the table.
    public var count: Int { values.count }
    public var isEmpty: Bool { values.isEmpty }

    /// Builds a table; every prefix must be unique.
    ///
    /// - Throws: ``DigitPrefixTableError`` for a prefix that is not made of ASCII digits or that
    ///   occurs twice.
    public init<Entries: Sequence>(_ entries: Entries) throws(DigitPrefixTableError)
    where Entries.Element == (String, Value) {
        try self.init(entries) { (prefix, _, _) throws(DigitPrefixTableError) -> Value in
            throw .duplicatePrefix(prefix)
        }
    }

    /// Builds a table, merging the values of equal prefixes with `combine(existing, new)`.
    public init<Entries: Sequence>(
        _ entries: Entries, uniquingPrefixesWith combine: (Value, Value) -> Value
    ) throws(DigitPrefixTableError) where Entries.Element == (String, Value) {
        try self.init(entries) { (_, existing, new) throws(DigitPrefixTableError) -> Value in
            combine(existing, new)
        }
    }

    /// A table without entries.
    public init() {
        nodes = [0]
        valueIndex = [-1]
        values = []
    }

    private init<Entries: Sequence>(
        _ entries: Entries, merge: (String, Value, Value) throws(DigitPrefixTableError) -> Value
    ) throws(DigitPrefixTableError) where Entries.Element == (String, Value) {
        // Build a plain trie with ten child slots per node, then compact it.
        var children: [Int32] = [Int32](repeating: -1, count: 10)
        var nodeValue: [Int32] = [-1]
        var values: [Value] = []
        values.reserveCapacity(entries.underestimatedCount)
        for (entryIndex, (prefix, value)) in entries.enumerated() {
            var node = 0
            var length = 0
            for byte in prefix.utf8 {
                let digit = Int(byte &- UInt8(ascii: "0"))
                length += 1
                guard digit < 10, length <= Self.maximumPrefixLength else {
                    throw .invalidPrefix(prefix, index: entryIndex)
                }
                let slot = node * 10 + digit
                var next = Int(children[slot])
                if next < 0 {
                    next = nodeValue.count
                    children[slot] = Int32(next)
                    nodeValue.append(-1)
                    children.append(contentsOf: repeatElement(-1, count: 10))
                }
                node = next
            }
            let existing = Int(nodeValue[node])
            if existing >= 0 {
                values[existing] = try merge(prefix, values[existing], value)
            } else {
                nodeValue[node] = Int32(values.count)
                values.append(value)
            }
        }

        let nodeCount = nodeValue.count
        var packed = [UInt64](repeating: 0, count: nodeCount)
        var valueOf = [Int32](repeating: -1, count: nodeCount)
        var order: [Int32] = [0]  // breadth-first order of original node ids
        order.reserveCapacity(nodeCount)
        var position = 0
        while position < order.count {
            let original = Int(order[position])
            valueOf[position] = nodeValue[original]
            var word = UInt64(order.count)
            for digit in 0..<10 {
                let child = children[original * 10 + digit]
                if child >= 0 {
                    word |= 1 << UInt64(32 + digit)
                    order.append(child)
                }
            }
            if nodeValue[original] >= 0 { word |= Self.hasValueBit }
            packed[position] = word
            position += 1
        }
        self.nodes = packed
        self.valueIndex = valueOf
        self.values = values
    }

    /// The entry with the longest prefix of `digits`, or nil when no prefix matches.
    ///
    /// A leading "+" is skipped (and included in the returned prefix); matching stops at the
    /// first character that is not an ASCII digit.
    public func longestMatch(_ digits: String) -> (prefix: Substring, value: Value)? {
        let (length, node) = nodes.withUnsafeBufferPointer { nodes -> (Int, Int) in
            var bestLength = nodes[0] & Self.hasValueBit != 0 ? 0 : -1
            var bestNode = 0
            var current = nodes[0]
            var length = 0
            for byte in digits.utf8 {
                let digit = byte &- UInt8(ascii: "0")
                if digit >= 10 {
                    if byte == UInt8(ascii: "+"), length == 0 {
                        length = 1
                        continue
                    }
                    break
                }
                let mask = Self.mask(of: current)
                let bit: UInt16 = 1 << UInt16(digit)
                if mask & bit == 0 { break }
                let index = Self.firstChild(of: current) &+ (mask & (bit &- 1)).nonzeroBitCount
                current = nodes[index]
                length &+= 1
                if current & Self.hasValueBit != 0 {
                    bestLength = length
                    bestNode = index
                }
            }
            return (bestLength, bestNode)
        }
        guard length >= 0 else { return nil }
        return (Substring(digits.utf8.prefix(length)), values[Int(valueIndex[node])])
    }

    /// All entries whose prefix is a prefix of `digits`, longest first (same rules as
    /// ``longestMatch(_:)``).
    public func allMatches(_ digits: String) -> [(prefix: Substring, value: Value)] {
        var found: [(prefix: Substring, value: Value)] = []
        if valueIndex[0] >= 0 { found.append(("", values[Int(valueIndex[0])])) }
        var node = 0
        var length = 0
        for byte in digits.utf8 {
            let digit = byte &- UInt8(ascii: "0")
            if digit >= 10 {
                if byte == UInt8(ascii: "+"), length == 0 {
                    length = 1
                    continue
                }
                break
            }
            let mask = Self.mask(of: nodes[node])
            let bit: UInt16 = 1 << UInt16(digit)
            if mask & bit == 0 { break }
            node = Self.firstChild(of: nodes[node]) + (mask & (bit &- 1)).nonzeroBitCount
            length += 1
            let index = Int(valueIndex[node])
            if index >= 0 { found.append((Substring(digits.utf8.prefix(length)), values[index])) }
        }
        return found.reversed()
    }

    /// The value stored for exactly `prefix`, if any.
    public func value(forPrefix prefix: String) -> Value? {
        var node = 0
        for byte in prefix.utf8 {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let mask = Self.mask(of: nodes[node])
            let bit: UInt16 = 1 << UInt16(digit)
            guard mask & bit != 0 else { return nil }
            node = Self.firstChild(of: nodes[node]) + (mask & (bit &- 1)).nonzeroBitCount
        }
        let index = Int(valueIndex[node])
        return index >= 0 ? values[index] : nil
    }
}

extension DigitPrefixTable: Sendable where Value: Sendable {}
