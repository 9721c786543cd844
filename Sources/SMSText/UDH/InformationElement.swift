/// One information element of a user data header (3GPP TS 23.040 9.2.3.24): identifier, then its data.
public struct InformationElement: Sendable, Hashable, Codable {
    /// Concatenated short message, 8-bit reference (data: reference, total, sequence).
    public static let concatenated8Bit: UInt8 = 0x00
    /// Concatenated short message, 16-bit reference (data: reference high, low, total, sequence).
    public static let concatenated16Bit: UInt8 = 0x08
    /// National language single shift (data: language identifier).
    public static let singleShift: UInt8 = 0x24
    /// National language locking shift (data: language identifier).
    public static let lockingShift: UInt8 = 0x25

    /// The information element identifier (IEI).
    public var identifier: UInt8
    /// The element's data (at most 255 octets).
    public var data: [UInt8]

    public init(identifier: UInt8, data: [UInt8]) {
        self.identifier = identifier
        self.data = data
    }

    /// The encoded element: identifier, length, data.
    public var encoded: [UInt8] { [identifier, UInt8(truncatingIfNeeded: data.count)] + data }

    /// A concatenation element for `info`: IE 0x00 for an 8-bit reference kind (the reference is truncated to
    /// its low 8 bits), otherwise IE 0x08.
    public static func concatenation(_ info: ConcatenationInfo) -> InformationElement {
        let total = UInt8(truncatingIfNeeded: info.total)
        let sequence = UInt8(truncatingIfNeeded: info.sequence)
        if info.referenceKind == .udh8 {
            return InformationElement(
                identifier: concatenated8Bit, data: [UInt8(truncatingIfNeeded: info.reference), total, sequence])
        }
        return InformationElement(
            identifier: concatenated16Bit,
            data: [UInt8(truncatingIfNeeded: info.reference >> 8), UInt8(truncatingIfNeeded: info.reference), total, sequence])
    }
}
