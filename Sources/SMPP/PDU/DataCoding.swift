/// The `data_coding` octet: the character set or binary encoding of the message.
public struct DataCoding: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0: SMSC default alphabet (per-peer: usually GSM 03.38 unpacked).
    public static let smscDefault = DataCoding(rawValue: 0)
    /// 1: IA5 (CCITT T.50) / ASCII.
    public static let ia5 = DataCoding(rawValue: 1)
    /// 2: octet unspecified (8-bit binary).
    public static let octetUnspecified2 = DataCoding(rawValue: 2)
    /// 3: Latin 1 (ISO-8859-1).
    public static let latin1 = DataCoding(rawValue: 3)
    /// 4: octet unspecified (8-bit binary).
    public static let binary = DataCoding(rawValue: 4)
    /// 5: JIS (X 0208-1990).
    public static let jis = DataCoding(rawValue: 5)
    /// 6: Cyrillic (ISO-8859-5).
    public static let cyrillic = DataCoding(rawValue: 6)
    /// 7: Latin/Hebrew (ISO-8859-8).
    public static let hebrew = DataCoding(rawValue: 7)
    /// 8: UCS-2 (ISO/IEC-10646), sent as UTF-16BE.
    public static let ucs2 = DataCoding(rawValue: 8)
}
