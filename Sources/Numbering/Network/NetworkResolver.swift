/// Finds the mobile network (MCC/MNC) of a phone number: from an operator's portability table
/// when the number was ported, otherwise from the network its number range was originally
/// allocated to.
///
/// ```swift
/// let plan = NumberingPlan.shared
/// let ported = try InMemoryPortabilityTable(csv: "+4915112345678,262,02,Vodafone")
/// let resolver = NetworkResolver(portability: ported)
///
/// resolver.network(for: try plan.parse("+4915112345678"))  // 262-02 Vodafone (ported)
/// resolver.network(for: try plan.parse("+4915112345679"))  // 262-01 T-Mobile (prefix)
/// ```
///
/// The prefix data joins libphonenumber's carrier ranges with the MCC/MNC list of
/// mobile-broadband-provider-info (docs/numbering.md has sources, licences and coverage). It
/// knows nothing about ranges in countries with full portability and no public range data
/// (for example the United States and Canada), where only a portability table can answer.
public struct NetworkResolver: Sendable {
    private let portability: (any PortabilityTable)?
    private let prefixData: NetworkPrefixData

    /// - Parameter portability: Consulted before the prefix data; nil to use prefixes only.
    public init(portability: (any PortabilityTable)? = nil) {
        self.portability = portability
        self.prefixData = NetworkPrefixData.shared
    }

    /// The network serving `number`, or nil when neither the portability table nor the prefix
    /// data know an MCC/MNC for it.
    public func network(for number: PhoneNumber) -> MobileNetwork? {
        if let portability, let ported = portability.network(forE164: number.e164) {
            return MobileNetwork(mcc: ported.mcc, mnc: ported.mnc, name: ported.name, source: .ported)
        }
        guard let network = prefixData.network(forE164: number.e164), !network.mcc.isEmpty else { return nil }
        return MobileNetwork(mcc: network.mcc, mnc: network.mnc, name: network.name, source: .prefix)
    }

    /// The name of the network serving `number`, also for ranges whose MCC/MNC is unknown.
    public func networkName(for number: PhoneNumber) -> String? {
        if let portability, let ported = portability.network(forE164: number.e164) { return ported.name }
        return prefixData.network(forE164: number.e164)?.name
    }

    /// Where the prefix data came from.
    public static var prefixDataSource: String { NetworkPrefixData.shared.source }
}
