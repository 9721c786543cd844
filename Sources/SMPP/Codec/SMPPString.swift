import NIOCore

/// Conversions between Swift strings and SMPP octet strings.
///
/// SMPP C-octet strings are in practice ASCII. Octets ≥ 0x80 are mapped one-to-one to the Unicode
/// scalars U+0080–U+00FF (ISO-8859-1), so every octet string decodes losslessly and re-encodes to
/// the same octets.
enum SMPPString {
    /// Decodes octets (without the NUL) to a string.
    @inlinable
    static func decode(_ bytes: UnsafeRawBufferPointer) -> String {
        var ascii = true
        for byte in bytes where byte >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = String()
        result.unicodeScalars.reserveCapacity(bytes.count)
        for byte in bytes {
            result.unicodeScalars.append(Unicode.Scalar(byte))
        }
        return result
    }

    /// Decodes an array of octets to a string (see ``decode(_:)-(UnsafeRawBufferPointer)``).
    static func decode(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBytes { decode($0) }
    }

    /// The octets of `string`, or nil when it contains a character above U+00FF.
    static func octets(_ string: String) -> [UInt8]? {
        let utf8 = string.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            return Array(utf8)
        }
        var result: [UInt8] = []
        result.reserveCapacity(utf8.count)
        for scalar in string.unicodeScalars {
            guard scalar.value <= 0xFF else { return nil }
            result.append(UInt8(scalar.value))
        }
        return result
    }
}
