/// Conversion between text and "UCS-2" as SMSCs actually handle it: UTF-16 big-endian without a byte order mark.
///
/// Characters outside the Basic Multilingual Plane (emoji) are sent as surrogate pairs; the segmenter never
/// splits a pair across parts.
///
/// ```swift
/// UCS2Codec.bytes("Hi 😀")          // 00 48 00 69 00 20 D8 3D DE 00
/// UCS2Codec.text(fromBytes: bytes)  // "Hi 😀"
/// ```
public enum UCS2Codec {
    /// The UTF-16BE bytes of `text`.
    public static func bytes(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(text.utf16.count * 2)
        for unit in text.utf16 {
            output.append(UInt8(truncatingIfNeeded: unit >> 8))
            output.append(UInt8(truncatingIfNeeded: unit))
        }
        return output
    }

    /// Decodes UTF-16BE bytes. A lone surrogate or a trailing odd byte becomes U+FFFD; a leading byte order
    /// mark is kept as text (SMPP peers do not send one).
    public static func text(fromBytes bytes: some Collection<UInt8>) -> String {
        String(decoding: codeUnits(fromBytes: bytes), as: UTF16.self)
    }

    static func codeUnits(fromBytes bytes: some Collection<UInt8>) -> [UInt16] {
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2 + 1)
        var iterator = bytes.makeIterator()
        while let high = iterator.next() {
            if let low = iterator.next() {
                units.append(UInt16(high) << 8 | UInt16(low))
            } else {
                units.append(0xFFFD)
            }
        }
        return units
    }

    /// Appends the UTF-16 code units of `text`, marking the low half of each surrogate pair as unsplittable.
    static func encode(_ text: String, into encoded: inout EncodedText) {
        for unit in text.utf16 {
            encoded.append(unit, startsScalar: !UTF16.isTrailSurrogate(unit))
        }
    }
}
