/// All regions' numbering metadata, decoded from the table written by
/// `scripts/numbering/generate_metadata.py`.
final class NumberingMetadata: Sendable {
    /// Regions in table order; for each calling code the main region comes first.
    let regions: [RegionMetadata]
    /// Region index by upper-case region code, for geographic regions only.
    let regionIndex: [String: Int]
    /// Region indices for each calling code 0...999 (empty when unassigned), main region first.
    let regionsByCallingCode: [[Int]]
    /// Where the data came from, e.g. "phonenumbers 9.0.43 (libphonenumber metadata, Apache-2.0)".
    let source: String

    static let formatVersion = 1

    /// Decodes the embedded table compiled into the module.
    static func embedded() throws(NumberingMetadataError) -> NumberingMetadata {
        let result = EmbeddedData.numberingMetadata.withUTF8Buffer { buffer in
            Result { () throws(NumberingMetadataError) -> NumberingMetadata in try NumberingMetadata(table: buffer) }
        }
        return try result.get()
    }

    /// Decodes a table given as text (for example a refreshed table shipped as a file).
    static func decode(text: String) throws(NumberingMetadataError) -> NumberingMetadata {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(NumberingMetadataError) -> NumberingMetadata in try NumberingMetadata(table: buffer) }
        }
        return try result.get()
    }

    init(table: UnsafeBufferPointer<UInt8>) throws(NumberingMetadataError) {
        var regions: [RegionMetadata] = []
        var regionIndex: [String: Int] = [:]
        var byCode = [[Int]](repeating: [], count: 1000)
        var source = ""
        var sawHeader = false
        var lineNumber = 0
        for line in table.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty { continue }
            let fields = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
            let kind = String(decoding: fields[0], as: UTF8.self)
            switch kind {
            case "herald-numbering-metadata":
                guard fields.count == 2, Int(String(decoding: fields[1], as: UTF8.self)) == Self.formatVersion else {
                    throw NumberingMetadataError(line: lineNumber, message: "unsupported format version")
                }
                sawHeader = true
            case "source":
                source = fields.count > 1 ? String(decoding: fields[1], as: UTF8.self) : ""
            case "descriptions":
                guard fields.count == 2, fields[1].split(separator: UInt8(ascii: ",")).count == NumberDescriptions.count else {
                    throw NumberingMetadataError(line: lineNumber, message: "unexpected number descriptions")
                }
            case "R":
                guard sawHeader else { throw NumberingMetadataError(line: lineNumber, message: "missing header line") }
                let region = try Self.region(fields, line: lineNumber)
                guard region.callingCode > 0, region.callingCode < 1000 else {
                    throw NumberingMetadataError(line: lineNumber, message: "calling code out of range")
                }
                if region.regionCode != "001" {
                    guard regionIndex[region.regionCode] == nil else {
                        throw NumberingMetadataError(line: lineNumber, message: "duplicate region \(region.regionCode)")
                    }
                    regionIndex[region.regionCode] = regions.count
                }
                byCode[region.callingCode].append(regions.count)
                regions.append(region)
            default:
                throw NumberingMetadataError(line: lineNumber, message: "unknown record \"\(kind)\"")
            }
        }
        guard sawHeader, !regions.isEmpty else { throw NumberingMetadataError(line: 0, message: "no regions in table") }
        self.regions = regions
        self.regionIndex = regionIndex
        self.regionsByCallingCode = byCode
        self.source = source
    }

    /// The main region of a calling code (the non-geographic entry for codes such as 800).
    func mainRegion(forCallingCode callingCode: Int) -> RegionMetadata? {
        guard callingCode > 0, callingCode < 1000, let first = regionsByCallingCode[callingCode].first else { return nil }
        return regions[first]
    }

    func isAssigned(callingCode: Int) -> Bool {
        callingCode > 0 && callingCode < 1000 && !regionsByCallingCode[callingCode].isEmpty
    }

    // MARK: - Decoding one region line

    private typealias Field = Slice<UnsafeBufferPointer<UInt8>>

    private static func region(_ fields: [Field], line: Int) throws(NumberingMetadataError) -> RegionMetadata {
        guard fields.count == 13 else {
            throw NumberingMetadataError(line: line, message: "expected 13 fields, found \(fields.count)")
        }
        func text(_ index: Int) -> String? {
            fields[index].isEmpty ? nil : String(decoding: fields[index], as: UTF8.self)
        }
        func pattern(_ index: Int) throws(NumberingMetadataError) -> DigitPattern? {
            guard let source = text(index) else { return nil }
            do {
                return try DigitPattern(source)
            } catch {
                throw NumberingMetadataError(line: line, message: error.description)
            }
        }
        guard let regionCode = text(1), let callingCode = text(2).flatMap({ Int($0) }) else {
            throw NumberingMetadataError(line: line, message: "missing region code or calling code")
        }
        var transformRule: TransformRule?
        if let rule = text(6) {
            do {
                transformRule = try TransformRule(rule)
            } catch {
                throw NumberingMetadataError(line: line, message: error.description)
            }
        }
        let possibleLengths = try integers(fields[9], line: line)
        let localOnlyLengths = try integers(fields[10], line: line)
        let masks = fields[11].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard masks.count == NumberDescriptions.count else {
            throw NumberingMetadataError(line: line, message: "expected \(NumberDescriptions.count) length masks")
        }
        var lengthMasks: [UInt32] = []
        for mask in masks {
            guard let value = UInt32(String(decoding: mask, as: UTF8.self), radix: 16) else {
                throw NumberingMetadataError(line: line, message: "bad length mask")
            }
            lengthMasks.append(value)
        }
        var descriptionsByLength: [NumberDescriptions] = []
        for length in 0...RegionMetadata.maximumNationalLength {
            var descriptions = NumberDescriptions()
            for (bit, mask) in lengthMasks.enumerated() where mask & (1 << UInt32(length)) != 0 {
                descriptions.insert(NumberDescriptions(rawValue: 1 << UInt16(bit)))
            }
            descriptionsByLength.append(descriptions)
        }
        return RegionMetadata(
            regionCode: regionCode,
            callingCode: callingCode,
            internationalPrefix: try pattern(3),
            nationalPrefix: text(4),
            nationalPrefixForParsing: try pattern(5),
            nationalPrefixTransformRule: transformRule,
            sameMobileAndFixedLinePattern: text(7) == "1",
            leadingDigits: try pattern(8),
            possibleLengths: possibleLengths,
            localOnlyLengths: localOnlyLengths,
            descriptionsByLength: descriptionsByLength,
            automaton: try automaton(fields[12], line: line)
        )
    }

    private static func integers(_ field: Field, line: Int) throws(NumberingMetadataError) -> [Int] {
        var values: [Int] = []
        for part in field.split(separator: UInt8(ascii: ",")) {
            guard let value = Int(String(decoding: part, as: UTF8.self)) else {
                throw NumberingMetadataError(line: line, message: "bad length list")
            }
            values.append(value)
        }
        return values
    }

    /// Decodes `MASK:t0,…,t9;MASK:…` (hex mask, decimal targets, empty target = dead).
    private static func automaton(_ field: Field, line: Int) throws(NumberingMetadataError) -> DigitAutomaton {
        var accept: [UInt16] = []
        var transitions: [UInt16] = []
        var index = field.startIndex
        let end = field.endIndex
        let buffer = field.base
        while index < end {
            var mask: UInt32 = 0
            while index < end, buffer[index] != UInt8(ascii: ":") {
                guard let nibble = hexValue(buffer[index]) else {
                    throw NumberingMetadataError(line: line, message: "bad automaton mask")
                }
                mask = mask << 4 | nibble
                index += 1
            }
            guard index < end, mask <= UInt32(UInt16.max) else {
                throw NumberingMetadataError(line: line, message: "bad automaton state")
            }
            index += 1
            accept.append(UInt16(mask))
            for digit in 0..<10 {
                var target: Int?
                while index < end, buffer[index] >= UInt8(ascii: "0"), buffer[index] <= UInt8(ascii: "9") {
                    target = (target ?? 0) * 10 + Int(buffer[index] - UInt8(ascii: "0"))
                    index += 1
                }
                let separator: UInt8 = digit == 9 ? UInt8(ascii: ";") : UInt8(ascii: ",")
                guard index == end ? digit == 9 : buffer[index] == separator else {
                    throw NumberingMetadataError(line: line, message: "bad automaton transitions")
                }
                if index < end { index += 1 }
                guard (target ?? 0) < Int(DigitAutomaton.dead) else {
                    throw NumberingMetadataError(line: line, message: "automaton too large")
                }
                transitions.append(target.map { UInt16($0) } ?? DigitAutomaton.dead)
            }
        }
        guard !accept.isEmpty else { throw NumberingMetadataError(line: line, message: "empty automaton") }
        for target in transitions where target != DigitAutomaton.dead && Int(target) >= accept.count {
            throw NumberingMetadataError(line: line, message: "automaton transition out of range")
        }
        return DigitAutomaton(transitions: transitions, accept: accept)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
