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

    // Compact trie in breadth-first order. Node `n` has a child for digit `d` when bit `d` of
    // `childMasks[n]` is set; the children of a node are stored contiguously in digit order from
    // `firstChild[n]`, so a child's index is `firstChild[n] + popcount(mask below d)`.
    private let childMasks: [UInt16]
    private let firstChild: [Int32]
    private let valueIndex: [Int32]
    private let values: [Value]

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
        childMasks = [0]
        firstChild = [0]
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
        var masks = [UInt16](repeating: 0, count: nodeCount)
        var first = [Int32](repeating: 0, count: nodeCount)
        var valueOf = [Int32](repeating: -1, count: nodeCount)
        var order: [Int32] = [0]  // breadth-first order of original node ids
        order.reserveCapacity(nodeCount)
        var position = 0
        while position < order.count {
            let original = Int(order[position])
            valueOf[position] = nodeValue[original]
            first[position] = Int32(order.count)
            var mask: UInt16 = 0
            for digit in 0..<10 {
                let child = children[original * 10 + digit]
                if child >= 0 {
                    mask |= 1 << UInt16(digit)
                    order.append(child)
                }
            }
            masks[position] = mask
            position += 1
        }
        self.childMasks = masks
        self.firstChild = first
        self.valueIndex = valueOf
        self.values = values
    }

    /// The entry with the longest prefix of `digits`, or nil when no prefix matches.
    ///
    /// A leading "+" is skipped (and included in the returned prefix); matching stops at the
    /// first character that is not an ASCII digit.
    public func longestMatch(_ digits: String) -> (prefix: Substring, value: Value)? {
        var bestLength = -1
        var bestIndex = Int(valueIndex[0])
        if bestIndex >= 0 { bestLength = 0 }
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
            let mask = childMasks[node]
            let bit: UInt16 = 1 << UInt16(digit)
            if mask & bit == 0 { break }
            node = Int(firstChild[node]) &+ (mask & (bit &- 1)).nonzeroBitCount
            length &+= 1
            let index = Int(valueIndex[node])
            if index >= 0 {
                bestLength = length
                bestIndex = index
            }
        }
        guard bestLength >= 0 else { return nil }
        return (Substring(digits.utf8.prefix(bestLength)), values[bestIndex])
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
            let mask = childMasks[node]
            let bit: UInt16 = 1 << UInt16(digit)
            if mask & bit == 0 { break }
            node = Int(firstChild[node]) + (mask & (bit &- 1)).nonzeroBitCount
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
            let mask = childMasks[node]
            let bit: UInt16 = 1 << UInt16(digit)
            guard mask & bit != 0 else { return nil }
            node = Int(firstChild[node]) + (mask & (bit &- 1)).nonzeroBitCount
        }
        let index = Int(valueIndex[node])
        return index >= 0 ? values[index] : nil
    }
}

extension DigitPrefixTable: Sendable where Value: Sendable {}
