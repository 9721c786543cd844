import Numbering

/// Collects one scope's rules while a table is built.
struct RouteScopeBuilder {
    var prefixes: [(String, Int32)] = []
    var networks: [UInt32: Int32] = [:]
    var countries: [UInt32: Int32] = [:]
    var defaultRule: Int32 = -1

    /// Duplicates were rejected by validation, so the trie cannot see a prefix twice; should it anyway,
    /// the first rule wins.
    func build() -> RouteScopeTable {
        let table = (try? DigitPrefixTable(prefixes, uniquingPrefixesWith: { first, _ in first })) ?? DigitPrefixTable()
        return RouteScopeTable(prefixes: table, networks: networks, countries: countries, defaultRule: defaultRule)
    }
}
