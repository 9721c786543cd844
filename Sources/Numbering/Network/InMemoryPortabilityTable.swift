#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// A number-portability table held in memory, loaded from an operator's CSV file.
///
/// The CSV has one ported number per line, `e164,mcc,mnc[,name]`:
///
/// ```text
/// # ported numbers, 2024-06-01
/// e164,mcc,mnc,name
/// +4915123456789,262,02,Vodafone
/// +447700900123,234,30
/// ```
///
/// Blank lines and lines starting with `#` are skipped, as is a header line starting with
/// `e164`. Fields may be quoted (`"Name, Inc."`, with `""` for a quote). Every line is
/// validated; ``PortabilityTableError`` lists the bad lines with their numbers.
///
/// ```swift
/// let table = try InMemoryPortabilityTable(contentsOfFile: "/etc/herald/ported.csv")
/// let resolver = NetworkResolver(portability: table)
/// ```
///
/// Memory use is about 30 bytes per number, so tens of millions of entries fit comfortably.
public struct InMemoryPortabilityTable: PortabilityTable {
    /// One ported number.
    public struct Record: Sendable, Hashable {
        /// The number in E.164 form, "+" and 2 to 15 digits.
        public var e164: String
        public var mcc: String
        public var mnc: String
        public var name: String?

        public init(e164: String, mcc: String, mnc: String, name: String? = nil) {
            self.e164 = e164
            self.mcc = mcc
            self.mnc = mnc
            self.name = name
        }
    }

    private struct Entry: Sendable {
        var mcc: UInt16
        var mnc: UInt16
        var mncLength: UInt8
        var name: Int32
    }

    private let entries: [UInt64: Entry]
    private let names: [String]

    /// The number of ported numbers in the table.
    public var count: Int { entries.count }

    /// Builds a table from records, validated like CSV lines (the record's position + 1 is
    /// reported as its line).
    public init(_ records: some Sequence<Record>) throws(PortabilityTableError) {
        var builder = Builder()
        for (index, record) in records.enumerated() {
            builder.add(
                line: index + 1, e164: Array(record.e164.utf8), mcc: Array(record.mcc.utf8),
                mnc: Array(record.mnc.utf8), name: record.name)
        }
        (entries, names) = try builder.finish()
    }

    /// Parses CSV text (`e164,mcc,mnc[,name]` per line).
    public init(csv: String) throws(PortabilityTableError) {
        var builder = Builder()
        var lineNumber = 0
        var text = csv
        text.withUTF8 { buffer in
            for line in buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
                lineNumber += 1
                builder.addCSVLine(Array(line), line: lineNumber)
            }
        }
        (entries, names) = try builder.finish()
    }

    /// Reads and parses a CSV file.
    public init(contentsOfFile path: String) throws(PortabilityTableError) {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw PortabilityTableError(
                issues: [.init(line: 0, code: .unreadableFile, message: "cannot read \(path): \(error)")],
                totalIssueCount: 1)
        }
        try self.init(csv: String(decoding: data, as: UTF8.self))
    }

    public func network(forE164 e164: String) -> MobileNetwork? {
        guard let key = Self.key(Array(e164.utf8)), let entry = entries[key] else { return nil }
        return MobileNetwork(
            mcc: Self.digits(Int(entry.mcc), length: 3),
            mnc: Self.digits(Int(entry.mnc), length: Int(entry.mncLength)),
            name: entry.name >= 0 ? names[Int(entry.name)] : nil,
            source: .ported)
    }

    // MARK: - Helpers

    /// The digits of "+CC…" as an integer; nil unless it is "+" (optional) and 2...15 digits not
    /// starting with 0.
    fileprivate static func key(_ bytes: [UInt8]) -> UInt64? {
        var digits = bytes[...]
        if digits.first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard (2...15).contains(digits.count), digits.first != UInt8(ascii: "0") else { return nil }
        var value: UInt64 = 0
        for byte in digits {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt64(digit)
        }
        return value
    }

    fileprivate static func number(_ bytes: [UInt8], lengths: ClosedRange<Int>) -> UInt16? {
        guard lengths.contains(bytes.count) else { return nil }
        var value: UInt16 = 0
        for byte in bytes {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + UInt16(digit)
        }
        return value
    }

    private static func digits(_ value: Int, length: Int) -> String {
        let text = String(value)
        return text.count >= length ? text : String(repeating: "0", count: length - text.count) + text
    }

    // MARK: - Building

    private struct Builder {
        var entries: [UInt64: Entry] = [:]
        var firstLine: [UInt64: Int] = [:]
        var names: [String] = []
        var nameIndex: [String: Int32] = [:]
        var issues: [PortabilityTableError.Issue] = []
        var issueCount = 0
        var sawData = false

        mutating func finish() throws(PortabilityTableError) -> ([UInt64: Entry], [String]) {
            guard issueCount == 0 else { throw PortabilityTableError(issues: issues, totalIssueCount: issueCount) }
            return (entries, names)
        }

        mutating func report(_ line: Int, _ code: PortabilityTableError.Code, _ message: String) {
            issueCount += 1
            if issues.count < PortabilityTableError.maximumIssues {
                issues.append(.init(line: line, code: code, message: message))
            }
        }

        mutating func addCSVLine(_ raw: [UInt8], line: Int) {
            var bytes = raw[...]
            while let last = bytes.last, last == UInt8(ascii: "\r") || last == UInt8(ascii: " ") || last == 9 {
                bytes = bytes.dropLast()
            }
            while let first = bytes.first, first == UInt8(ascii: " ") || first == 9 { bytes = bytes.dropFirst() }
            if bytes.isEmpty || bytes.first == UInt8(ascii: "#") { return }
            guard let fields = Self.fields(bytes) else {
                report(line, .invalidFieldCount, "unterminated quoted field")
                return
            }
            if !sawData {
                sawData = true
                if let first = fields.first, String(decoding: first, as: UTF8.self).lowercased() == "e164" { return }
            }
            guard fields.count == 3 || fields.count == 4 else {
                report(line, .invalidFieldCount, "expected e164,mcc,mnc[,name] but found \(fields.count) field(s)")
                return
            }
            let name = fields.count == 4 && !fields[3].isEmpty ? String(decoding: fields[3], as: UTF8.self) : nil
            add(line: line, e164: fields[0], mcc: fields[1], mnc: fields[2], name: name)
        }

        mutating func add(line: Int, e164: [UInt8], mcc: [UInt8], mnc: [UInt8], name: String?) {
            guard let key = InMemoryPortabilityTable.key(e164) else {
                report(line, .invalidNumber, "\"\(String(decoding: e164, as: UTF8.self))\" is not an E.164 number (+ and 2 to 15 digits)")
                return
            }
            guard let mccValue = InMemoryPortabilityTable.number(mcc, lengths: 3...3) else {
                report(line, .invalidMCC, "MCC \"\(String(decoding: mcc, as: UTF8.self))\" must be three digits")
                return
            }
            guard let mncValue = InMemoryPortabilityTable.number(mnc, lengths: 2...3) else {
                report(line, .invalidMNC, "MNC \"\(String(decoding: mnc, as: UTF8.self))\" must be two or three digits")
                return
            }
            if let earlier = firstLine[key] {
                report(line, .duplicateNumber, "+\(key) is already listed on line \(earlier)")
                return
            }
            firstLine[key] = line
            var index: Int32 = -1
            if let name {
                if let existing = nameIndex[name] {
                    index = existing
                } else {
                    index = Int32(names.count)
                    nameIndex[name] = index
                    names.append(name)
                }
            }
            entries[key] = Entry(mcc: mccValue, mnc: mncValue, mncLength: UInt8(mnc.count), name: index)
        }

        /// Splits a CSV line into trimmed fields; nil for an unterminated quote.
        static func fields(_ bytes: ArraySlice<UInt8>) -> [[UInt8]]? {
            var fields: [[UInt8]] = []
            var current: [UInt8] = []
            var index = bytes.startIndex
            var quoted = false
            var wasQuoted = false
            while index < bytes.endIndex {
                let byte = bytes[index]
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if index + 1 < bytes.endIndex, bytes[index + 1] == UInt8(ascii: "\"") {
                            current.append(byte)
                            index += 1
                        } else {
                            quoted = false
                        }
                    } else {
                        current.append(byte)
                    }
                } else if byte == UInt8(ascii: ",") {
                    fields.append(wasQuoted ? current : trimmed(current))
                    current = []
                    wasQuoted = false
                } else if byte == UInt8(ascii: "\""), trimmed(current).isEmpty {
                    quoted = true
                    wasQuoted = true
                    current = []
                } else {
                    current.append(byte)
                }
                index += 1
            }
            guard !quoted else { return nil }
            fields.append(wasQuoted ? current : trimmed(current))
            return fields
        }

        static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
            var slice = bytes[...]
            while let first = slice.first, first == UInt8(ascii: " ") || first == 9 { slice = slice.dropFirst() }
            while let last = slice.last, last == UInt8(ascii: " ") || last == 9 { slice = slice.dropLast() }
            return Array(slice)
        }
    }
}
