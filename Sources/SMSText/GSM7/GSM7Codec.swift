/// Conversion between text and GSM 03.38 septets (one septet per element, unpacked).
///
/// ```swift
/// GSM7Codec.septets("€5")                       // [0x1B, 0x65, 0x35]
/// GSM7Codec.text(fromSeptets: [0x1B, 0x65, 0x35]) // "€5"
/// GSM7Codec.septets("Привет")                   // nil: not representable
/// ```
public enum GSM7Codec {
    /// The septets for `text`, or `nil` when a character is missing from the chosen tables.
    public static func septets(_ text: String, tables: GSMShiftTables = .none) -> [UInt8]? {
        let set = GSM7CharacterSet.forTables(tables)
        var encoded = EncodedText(capacity: text.utf8.count)
        guard encode(text, with: set, substituteLookalikes: false, into: &encoded) == nil else { return nil }
        return encoded.units.map { UInt8(truncatingIfNeeded: $0) }
    }

    /// Decodes unpacked septets with the chosen tables (see ``GSMShiftTables``).
    public static func text(fromSeptets septets: some Collection<UInt8>, tables: GSMShiftTables = .none) -> String {
        GSM7CharacterSet.forTables(tables).decode(septets)
    }

    /// Whether every character of `text` is in the chosen tables.
    public static func canEncode(_ text: String, tables: GSMShiftTables = .none) -> Bool {
        let set = GSM7CharacterSet.forTables(tables)
        return text.unicodeScalars.allSatisfy { set.entry(for: $0) != GSM7CharacterSet.unmapped }
    }

    /// Appends the septets of `text` to `encoded`; returns the first scalar that cannot be encoded, if any.
    static func encode(
        _ text: String,
        with set: GSM7CharacterSet,
        substituteLookalikes: Bool,
        into encoded: inout EncodedText
    ) -> Unicode.Scalar? {
        for scalar in text.unicodeScalars {
            let entry = set.entry(for: scalar)
            if entry != GSM7CharacterSet.unmapped {
                appendEntry(entry, into: &encoded, startsScalar: true)
                continue
            }
            guard substituteLookalikes, let replacement = GSMLookalikes.replacement(for: scalar) else { return scalar }
            var first = true
            for replacementScalar in replacement.unicodeScalars {
                let replacementEntry = set.entry(for: replacementScalar)
                guard replacementEntry != GSM7CharacterSet.unmapped else { return scalar }
                // A substitution stays one unsplittable unit so that scalar and split positions keep matching.
                appendEntry(replacementEntry, into: &encoded, startsScalar: first)
                first = false
            }
        }
        return nil
    }

    @inline(__always)
    private static func appendEntry(_ entry: UInt16, into encoded: inout EncodedText, startsScalar: Bool) {
        if entry & GSM7CharacterSet.escaped != 0 {
            encoded.append(UInt16(GSM7CharacterSet.escapeSeptet), startsScalar: startsScalar)
            encoded.append(entry & 0x7F, startsScalar: false)
        } else {
            encoded.append(entry, startsScalar: startsScalar)
        }
    }
}
