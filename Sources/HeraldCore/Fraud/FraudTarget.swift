/// The number range and network a destination belongs to, as the fraud guard groups traffic.
///
/// The range ("prefix") is the E.164 digits without the last ``FraudGuardConfiguration/suffixDigits``
/// digits: with the default of 3, `+447700900123` is in range `447700900` (1 000 adjacent numbers). The
/// network (`mcc-mnc`) is added when the number resolver knows it, so ported numbers inside a range are
/// counted with their real network.
public struct FraudTarget: Sendable, Hashable, Codable {
    /// E.164 digits (no `+`) without the last `suffixDigits` digits.
    public var prefix: String
    /// The last `suffixDigits` digits as a number, which tells adjacent numbers apart.
    public var suffix: UInt32
    /// `mcc-mnc` of the number's network, when known.
    public var network: String?
    /// ISO 3166-1 alpha-2 region of the number.
    public var regionCode: String

    public init(prefix: String, suffix: UInt32, network: String?, regionCode: String) {
        self.prefix = prefix
        self.suffix = suffix
        self.network = network
        self.regionCode = regionCode
    }

    /// Splits a resolved number. `suffixDigits` is clamped so at least four digits stay in the prefix.
    public init(number: ResolvedNumber, suffixDigits: Int) {
        let digits = Array(number.e164.utf8.filter { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
        let cut = min(max(0, suffixDigits), max(0, digits.count - 4), 9)
        prefix = String(decoding: digits.dropLast(cut), as: UTF8.self)
        suffix = digits.suffix(cut).reduce(UInt32(0)) { $0 * 10 + UInt32($1 - UInt8(ascii: "0")) }
        if let mcc = number.mcc, let mnc = number.mnc, !mcc.isEmpty, !mnc.isEmpty {
            network = "\(mcc)-\(mnc)"
        } else {
            network = nil
        }
        regionCode = number.regionCode
    }

    /// `prefix` or `prefix/mcc-mnc`: the key traffic is counted under.
    public var key: String { network.map { "\(prefix)/\($0)" } ?? prefix }
}
