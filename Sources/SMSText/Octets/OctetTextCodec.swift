/// Conversion between text and the one-octet-per-character encodings IA5 (ASCII) and Latin-1 (ISO-8859-1).
///
/// ```swift
/// OctetTextCodec.bytes("Olá", encoding: .latin1)   // [0x4F, 0x6C, 0xE1]
/// OctetTextCodec.bytes("Olá", encoding: .ia5)      // nil: á is not ASCII
/// ```
public enum OctetTextCodec {
    /// The highest scalar value an octet encoding can carry.
    static func maximumScalar(for encoding: TextEncoding) -> UInt32 {
        encoding == .ia5 ? 0x7F : 0xFF
    }

    /// The bytes of `text` in `encoding` (``TextEncoding/ia5`` or ``TextEncoding/latin1``), or `nil` when a
    /// character does not fit (or `encoding` is not an octet encoding).
    public static func bytes(_ text: String, encoding: TextEncoding) -> [UInt8]? {
        guard encoding == .ia5 || encoding == .latin1 else { return nil }
        var encoded = EncodedText(capacity: text.utf8.count)
        guard encode(text, encoding: encoding, into: &encoded) == nil else { return nil }
        return encoded.units.map { UInt8(truncatingIfNeeded: $0) }
    }

    /// Decodes octets. Latin-1 maps every byte; IA5 maps bytes above 0x7F as Latin-1 too, because SMSCs that
    /// announce IA5 commonly pass Latin-1 through.
    public static func text(fromBytes bytes: some Collection<UInt8>) -> String {
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
        return String(scalars)
    }

    /// Appends the octets of `text`; returns the first scalar that does not fit, if any.
    static func encode(_ text: String, encoding: TextEncoding, into encoded: inout EncodedText) -> Unicode.Scalar? {
        let maximum = maximumScalar(for: encoding)
        for scalar in text.unicodeScalars {
            guard scalar.value <= maximum else { return scalar }
            encoded.append(UInt16(scalar.value), startsScalar: true)
        }
        return nil
    }
}
