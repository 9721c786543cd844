import HeraldCore
import Numbering

/// Checks a rule set and normalises each rule's match (prefix without "+", upper-case region), collecting
/// every problem rather than stopping at the first.
struct RouteRuleValidator {
    /// Most links a single rule may list (the lookup orders a rule's links on every message).
    static let maximumLinksPerRule = 64
    /// Largest weight a link may have.
    static let maximumWeight = 1_000_000
    static let maximumRuleIDLength = 100

    /// A match reduced to what identifies it, to find two rules that can never both be used.
    enum MatchKey: Hashable {
        case prefix(String)
        case network(UInt32)
        case country(UInt32)
        case `default`
    }

    struct ScopedKey: Hashable {
        var accountID: AccountID?
        var match: MatchKey
    }

    let linkIDs: Set<String>?
    let plan: NumberingPlan

    private(set) var issues: [RouteValidationIssue] = []
    private var ruleIDs: [String: Int] = [:]
    private var matches: [ScopedKey: String] = [:]

    init(linkIDs: Set<String>?, plan: NumberingPlan = .shared) {
        self.linkIDs = linkIDs
        self.plan = plan
    }

    /// Validates the rule at `index`; returns its normalised match and the key it is indexed under, or nil
    /// when the match itself is invalid (other problems are recorded but do not stop indexing).
    mutating func check(_ rule: RouteRule, at index: Int) -> (match: RouteMatch, key: MatchKey)? {
        let name = "rule \(index + 1) \"\(rule.id)\""
        checkID(rule, index: index, name: name)
        checkLinks(rule, index: index, name: name)
        guard let (match, key) = normalize(rule, index: index, name: name) else { return nil }
        let scoped = ScopedKey(accountID: rule.accountID, match: key)
        if let other = matches[scoped] {
            record(.duplicateRule, rule, index, "\(name): rule \"\(other)\" already matches \(rule.scopeLabel) \(match.label); only one rule may")
        } else {
            matches[scoped] = rule.id
        }
        return (match, key)
    }

    private mutating func record(_ code: RouteValidationIssue.Code, _ rule: RouteRule, _ index: Int, _ message: String) {
        issues.append(RouteValidationIssue(code, ruleID: rule.id, ruleIndex: index, message))
    }

    private mutating func checkID(_ rule: RouteRule, index: Int, name: String) {
        let id = rule.id
        if id.isEmpty || id.utf8.count > Self.maximumRuleIDLength || id.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.value < 0x20 }) {
            record(.invalidRuleID, rule, index, "\(name): the id must be 1 to \(Self.maximumRuleIDLength) characters without spaces")
        } else if let first = ruleIDs[id] {
            record(.duplicateRuleID, rule, index, "\(name): the id is already used by rule \(first + 1)")
        } else {
            ruleIDs[id] = index
        }
    }

    private mutating func checkLinks(_ rule: RouteRule, index: Int, name: String) {
        if rule.links.isEmpty {
            record(.emptyLinks, rule, index, "\(name): lists no links; a rule needs at least one")
            return
        }
        if rule.links.count > Self.maximumLinksPerRule {
            record(.tooManyLinks, rule, index, "\(name): lists \(rule.links.count) links; at most \(Self.maximumLinksPerRule) are allowed")
        }
        var seen = Set<String>()
        for link in rule.links {
            if !seen.insert(link.linkID).inserted {
                record(.duplicateLink, rule, index, "\(name): lists link \"\(link.linkID)\" more than once")
            }
            if let linkIDs, !linkIDs.contains(link.linkID) {
                let known = linkIDs.sorted()
                let shown = known.prefix(10).joined(separator: ", ") + (known.count > 10 ? ", …" : "")
                record(.unknownLink, rule, index, "\(name): link \"\(link.linkID)\" is not a configured carrier link (configured: \(known.isEmpty ? "none" : shown))")
            }
            if link.weight < 0 || link.weight > Self.maximumWeight {
                record(.invalidWeight, rule, index, "\(name): link \"\(link.linkID)\" has weight \(link.weight); weights range from 0 to \(Self.maximumWeight)")
            }
            if link.costMicros < 0 {
                record(.invalidCost, rule, index, "\(name): link \"\(link.linkID)\" has a negative cost (\(link.costMicros) micros)")
            }
        }
    }

    private mutating func normalize(_ rule: RouteRule, index: Int, name: String) -> (RouteMatch, MatchKey)? {
        switch rule.match {
        case .prefix(let written):
            let digits = written.hasPrefix("+") ? String(written.dropFirst()) : written
            guard (1...15).contains(digits.utf8.count), digits.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
                record(.invalidPrefix, rule, index, "\(name): prefix \"\(written)\" must be 1 to 15 digits of an E.164 number (country code first, no \"+\" needed)")
                return nil
            }
            return (.prefix(digits), .prefix(digits))
        case .network(let mcc, let mnc):
            guard let key = RouteKeys.network(mcc: mcc, mnc: mnc) else {
                record(.invalidNetwork, rule, index, "\(name): network \"\(rule.match.value)\" must be MCC-MNC: a 3-digit MCC, a dash and a 2- or 3-digit MNC, e.g. \"262-01\"")
                return nil
            }
            return (.network(mcc: mcc, mnc: mnc), .network(key))
        case .country(let written):
            let region = written.uppercased()
            guard region == "001" || (region.utf8.count == 2 && plan.callingCode(forRegion: region) != nil), let key = RouteKeys.region(region) else {
                let hint = region == "UK" ? " (the United Kingdom is GB)" : ""
                record(.invalidCountry, rule, index, "\(name): country \"\(written)\" is not an ISO 3166-1 alpha-2 region of the numbering plan, nor 001 for non-geographic numbers\(hint)")
                return nil
            }
            return (.country(region), .country(key))
        case .default:
            return (.default, .default)
        }
    }
}
