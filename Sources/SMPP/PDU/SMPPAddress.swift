/// An SMPP address: TON, NPI and the address digits (or alphanumeric sender).
///
/// ```swift
/// let to = SMPPAddress(ton: .international, npi: .isdn, address: "447700900123")
/// let from = SMPPAddress(alphanumeric: "Herald")
/// ```
public struct SMPPAddress: Hashable, Sendable, CustomStringConvertible {
    public var ton: TypeOfNumber
    public var npi: NumberingPlanIndicator
    public var address: String

    public init(ton: TypeOfNumber = .unknown, npi: NumberingPlanIndicator = .unknown, address: String = "") {
        self.ton = ton
        self.npi = npi
        self.address = address
    }

    /// An international E.164 number (TON 1, NPI 1), digits without `+`.
    public static func international(_ digits: String) -> SMPPAddress {
        SMPPAddress(ton: .international, npi: .isdn, address: digits)
    }

    /// An alphanumeric sender id (TON 5, NPI 0).
    public init(alphanumeric: String) {
        self.init(ton: .alphanumeric, npi: .unknown, address: alphanumeric)
    }

    public var description: String { "\(ton.rawValue)/\(npi.rawValue)/\(address)" }
}
