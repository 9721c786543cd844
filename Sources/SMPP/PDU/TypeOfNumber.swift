/// The TON (type of number) octet of an SMPP address.
public struct TypeOfNumber: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unknown = TypeOfNumber(rawValue: 0)
    public static let international = TypeOfNumber(rawValue: 1)
    public static let national = TypeOfNumber(rawValue: 2)
    public static let networkSpecific = TypeOfNumber(rawValue: 3)
    public static let subscriberNumber = TypeOfNumber(rawValue: 4)
    public static let alphanumeric = TypeOfNumber(rawValue: 5)
    public static let abbreviated = TypeOfNumber(rawValue: 6)
}
