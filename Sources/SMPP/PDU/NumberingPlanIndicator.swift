/// The NPI (numbering plan indicator) octet of an SMPP address.
public struct NumberingPlanIndicator: RawRepresentable, Hashable, Sendable {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let unknown = NumberingPlanIndicator(rawValue: 0)
    /// ISDN (E.163/E.164).
    public static let isdn = NumberingPlanIndicator(rawValue: 1)
    public static let data = NumberingPlanIndicator(rawValue: 3)
    public static let telex = NumberingPlanIndicator(rawValue: 4)
    public static let landMobile = NumberingPlanIndicator(rawValue: 6)
    public static let national = NumberingPlanIndicator(rawValue: 8)
    public static let `private` = NumberingPlanIndicator(rawValue: 9)
    public static let ermes = NumberingPlanIndicator(rawValue: 10)
    public static let internet = NumberingPlanIndicator(rawValue: 14)
    public static let wapClientID = NumberingPlanIndicator(rawValue: 18)
}
