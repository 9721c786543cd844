/// A mobile network identified by its MCC and MNC (ITU-T E.212), with where the answer came from.
///
/// ```swift
/// let resolver = NetworkResolver()
/// let number = try NumberingPlan.shared.parse("+49 1511 2345678")
/// if let network = resolver.network(for: number) {
///     print(network.mcc, network.mnc, network.name ?? "")   // 262 01 T-Mobile
/// }
/// ```
public struct MobileNetwork: Sendable, Hashable, CustomStringConvertible {
    /// How the network was determined.
    public enum Source: String, Sendable, Hashable, Codable {
        /// From the range the number belongs to: the network the range was originally allocated to.
        case prefix
        /// From a number-portability table: the network currently serving the number.
        case ported
    }

    /// Mobile country code: three digits, e.g. "262".
    public let mcc: String
    /// Mobile network code: two or three digits, leading zeros kept ("01", "410").
    public let mnc: String
    /// The network's name, when known.
    public let name: String?
    public let source: Source

    public init(mcc: String, mnc: String, name: String?, source: Source) {
        self.mcc = mcc
        self.mnc = mnc
        self.name = name
        self.source = source
    }

    /// MCC and MNC together, e.g. "26201" (the HNI / PLMN id as used in IMSIs).
    public var plmn: String { mcc + mnc }

    public var description: String { "\(mcc)-\(mnc)\(name.map { " \($0)" } ?? "") (\(source.rawValue))" }
}
