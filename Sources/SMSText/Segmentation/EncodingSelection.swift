/// The automatic encoding choice for one text: the encoded units, the layout and the over-the-air split.
///
/// Among the available encodings (``TextEncoding/preferenceOrder``), the one needing the fewest parts wins;
/// ties go to the earlier encoding. GSM national language tables are only tried when the default alphabet
/// cannot represent the text.
struct EncodingSelection: Sendable {
    let encoding: TextEncoding
    let tables: GSMShiftTables
    let layout: PartLayout
    let encoded: EncodedText
    let isPacked: Bool
    /// Over-the-air part ranges (one range for a single part, `0..<0` for an empty text).
    let ranges: [Range<Int>]

    var fitsSinglePart: Bool { ranges.count == 1 }

    static func select(_ text: String, options: SMSEncoderOptions) throws(SMSTextError) -> EncodingSelection {
        let encodings = try options.candidateEncodings()
        var best: EncodingSelection?
        var firstFailure: Unicode.Scalar?
        func consider(_ outcome: Result<EncodingSelection, Failure>) {
            switch outcome {
            case .success(let candidate):
                if best == nil || candidate.ranges.count < best!.ranges.count { best = candidate }
            case .failure(let failure):
                if firstFailure == nil { firstFailure = failure.scalar }
            }
        }
        for encoding in encodings {
            if encoding == .gsm7 {
                let plain = evaluate(text, encoding: .gsm7, tables: .none, options: options)
                consider(plain)
                if case .failure = plain {
                    let alternatives = GSMShiftTables.candidates(
                        languages: options.profile.nationalLanguages, allowLocking: options.profile.allowsLockingShift)
                    for tables in alternatives { consider(evaluate(text, encoding: .gsm7, tables: tables, options: options)) }
                }
            } else {
                consider(evaluate(text, encoding: encoding, tables: .none, options: options))
            }
            if let best, best.fitsSinglePart { return best }
        }
        guard let best else {
            throw .unrepresentableCharacter(firstFailure ?? "\u{FFFD}", allowedEncodings: encodings)
        }
        return best
    }

    struct Failure: Error {
        let scalar: Unicode.Scalar
    }

    static func evaluate(
        _ text: String, encoding: TextEncoding, tables: GSMShiftTables, options: SMSEncoderOptions
    ) -> Result<EncodingSelection, Failure> {
        var encoded = EncodedText(capacity: text.utf8.count)
        let failing: Unicode.Scalar?
        switch encoding {
        case .gsm7:
            failing = GSM7Codec.encode(
                text, with: GSM7CharacterSet.forTables(tables), substituteLookalikes: options.substitutesLookalikes,
                into: &encoded)
        case .ucs2:
            UCS2Codec.encode(text, into: &encoded)
            failing = nil
        case .ia5, .latin1:
            failing = OctetTextCodec.encode(text, encoding: encoding, into: &encoded)
        }
        if let failing { return .failure(Failure(scalar: failing)) }

        let packed = encoding == .gsm7 && options.profile.packsGSM
        let layout = PartLayout(encoding: encoding, tables: tables, method: options.concatenation)
        let segmenter = Segmenter(
            singleCapacity: layout.singleCapacity,
            multipartCapacity: layout.multipartCapacity,
            packing: packed
                ? Segmenter.Packing(
                    singleHeaderOctets: layout.singleHeaderOctets,
                    // message_payload is packed as one block, so per-part CR rules do not apply to it.
                    multipartHeaderOctets: options.concatenation == .messagePayload ? nil : layout.multipartOwnHeaderOctets)
                : nil)
        let ranges: [Range<Int>]
        if segmenter.fitsSinglePart(encoded) {
            ranges = [0..<encoded.count]
        } else {
            encoded.markCharacterBoundaries(of: text)
            ranges = segmenter.multipartRanges(encoded)
        }
        return .success(
            EncodingSelection(
                encoding: encoding, tables: tables, layout: layout, encoded: encoded, isPacked: packed, ranges: ranges))
    }

    /// The counter view of this selection.
    func count(characters: Int, maxParts: Int) -> MessageCount {
        MessageCount(
            encoding: encoding,
            shiftTables: tables,
            characters: characters,
            units: encoded.count,
            parts: ranges.count,
            unitsPerPart: fitsSinglePart ? layout.singleCapacity : layout.multipartCapacity,
            unitsInLastPart: ranges.last?.count ?? 0,
            maxParts: maxParts)
    }

    /// The user data octets for `range` after a header of `headerOctets` octets (packing applies the CR rules).
    func userData(_ range: Range<Int>, headerOctets: Int) -> [UInt8] {
        let slice = encoded.units[range]
        switch encoding {
        case .gsm7 where isPacked:
            return GSM7Packing.packUserData(slice.map { UInt8(truncatingIfNeeded: $0) }, headerOctets: headerOctets)
        case .gsm7, .ia5, .latin1:
            return slice.map { UInt8(truncatingIfNeeded: $0) }
        case .ucs2:
            var bytes: [UInt8] = []
            bytes.reserveCapacity(slice.count * 2)
            for unit in slice {
                bytes.append(UInt8(truncatingIfNeeded: unit >> 8))
                bytes.append(UInt8(truncatingIfNeeded: unit))
            }
            return bytes
        }
    }
}
