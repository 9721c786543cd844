import HeraldCore
import Numbering

/// The rules of one scope (global, or one account), indexed for lookups: a longest-prefix trie, and
/// dictionaries keyed by packed MCC/MNC and region codes. Values are indexes into the table's rules.
///
/// A class so finding an account's scope retains one reference instead of copying five.
final class RouteScopeTable: Sendable {
    let prefixes: DigitPrefixTable<Int32>
    let networks: [UInt32: Int32]
    let countries: [UInt32: Int32]
    /// -1 when the scope has no default rule.
    let defaultRule: Int32

    static let empty = RouteScopeTable(prefixes: DigitPrefixTable(), networks: [:], countries: [:], defaultRule: -1)

    init(prefixes: DigitPrefixTable<Int32>, networks: [UInt32: Int32], countries: [UInt32: Int32], defaultRule: Int32) {
        self.prefixes = prefixes
        self.networks = networks
        self.countries = countries
        self.defaultRule = defaultRule
    }

    /// The most specific rule of this scope for a destination, with the kind of match.
    @inline(__always)
    func resolve(e164: String, network: UInt32?, region: UInt32?) -> (rule: Int32, kind: RouteMatch.Kind)? {
        if !prefixes.isEmpty, let match = prefixes.longestMatch(e164) { return (match.value, .prefix) }
        if let network, let rule = networks[network] { return (rule, .network) }
        if let region, let rule = countries[region] { return (rule, .country) }
        if defaultRule >= 0 { return (defaultRule, .default) }
        return nil
    }
}
