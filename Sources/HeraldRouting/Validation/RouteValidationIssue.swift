import HeraldCore

/// One problem found in a rule set, with a stable code and a sentence for the operator.
///
/// ```swift
/// do { _ = try RouteTable(rules: rules, linkIDs: ["acme-de"]) }
/// catch { for issue in error.issues { print(issue) } }   // unknown_link: rule "de-mobile": link "acme-fr" is not …
/// ```
public struct RouteValidationIssue: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What is wrong, as a stable snake_case code.
    public enum Code: String, Sendable, Hashable, Codable, CaseIterable {
        /// A rule id is empty, too long or contains spaces.
        case invalidRuleID = "invalid_rule_id"
        /// Two rules have the same id.
        case duplicateRuleID = "duplicate_rule_id"
        /// Two rules have the same scope and match (only one could ever be used).
        case duplicateRule = "duplicate_rule"
        /// A prefix is not 1 to 15 digits.
        case invalidPrefix = "invalid_prefix"
        /// A network is not MCC-MNC (3 digits, dash, 2 or 3 digits).
        case invalidNetwork = "invalid_network"
        /// A country is not an ISO 3166-1 alpha-2 region known to the numbering plan, nor `001`.
        case invalidCountry = "invalid_country"
        /// A rule lists no links.
        case emptyLinks = "empty_links"
        /// A rule lists more links than a rule may have.
        case tooManyLinks = "too_many_links"
        /// A rule names a link that is not configured.
        case unknownLink = "unknown_link"
        /// A rule lists the same link twice.
        case duplicateLink = "duplicate_link"
        /// A weight is negative or above the maximum.
        case invalidWeight = "invalid_weight"
        /// A cost is negative.
        case invalidCost = "invalid_cost"
    }

    public var code: Code
    /// The rule at fault (its id, possibly empty when the id itself is the problem).
    public var ruleID: String
    /// Position of the rule in the rule set (0-based).
    public var ruleIndex: Int
    public var message: String

    public init(_ code: Code, ruleID: String, ruleIndex: Int, _ message: String) {
        self.code = code
        self.ruleID = ruleID
        self.ruleIndex = ruleIndex
        self.message = message
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
