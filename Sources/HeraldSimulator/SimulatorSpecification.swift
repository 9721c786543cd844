/// The text forms of simulator settings used on the command line (`herald simulator`) and in scripts:
/// credentials `SYSTEM_ID:PASSWORD`, outcome shares `NAME=WEIGHT` and destination rules `PATTERN=NAME`.
///
/// ```swift
/// let (systemID, password) = try SimulatorSpecification.account("herald:secret")
/// let (outcome, weight) = try SimulatorSpecification.outcomeShare("undeliverable=3")
/// let rule = try SimulatorSpecification.rule("+99*=invalid_destination")
/// ```
public enum SimulatorSpecification {
    /// A malformed setting, with a message that shows the expected form.
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    static var outcomeNames: String { SimulatedOutcome.allCases.map(\.rawValue).joined(separator: ", ") }

    /// `SYSTEM_ID:PASSWORD` (the password may contain `:`; it may be empty, the system id not).
    public static func account(_ text: String) throws(Error) -> (systemID: String, password: String) {
        let pair = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard pair.count == 2, !pair[0].isEmpty else { throw Error(message: "an account must be SYSTEM_ID:PASSWORD, got '\(text)'") }
        return (String(pair[0]), String(pair[1]))
    }

    /// `NAME=WEIGHT` with a known outcome name and a weight ≥ 0.
    public static func outcomeShare(_ text: String) throws(Error) -> (outcome: SimulatedOutcome, weight: Double) {
        let pair = text.split(separator: "=", maxSplits: 1)
        guard pair.count == 2, let outcome = SimulatedOutcome(rawValue: String(pair[0])), let weight = Double(pair[1]), weight >= 0, weight.isFinite else {
            throw Error(message: "an outcome share must be NAME=WEIGHT with a weight ≥ 0 and NAME one of \(outcomeNames), got '\(text)'")
        }
        return (outcome, weight)
    }

    /// Outcome shares from `NAME=WEIGHT` items; a name given twice keeps the last; the weights must add up to more than 0.
    public static func outcomeWeights(_ items: [String]) throws(Error) -> [SimulatedOutcome: Double] {
        var weights: [SimulatedOutcome: Double] = [:]
        for item in items {
            let (outcome, weight) = try outcomeShare(item)
            weights[outcome] = weight
        }
        guard weights.values.reduce(0, +) > 0 else { throw Error(message: "the outcome weights must add up to more than 0") }
        return weights
    }

    /// `PATTERN=NAME`: digits with an optional leading `+`, `?` for one digit, `*` for the rest; the last `=` splits.
    public static func rule(_ text: String) throws(Error) -> SimulatorRule {
        guard let split = text.lastIndex(of: "="), let outcome = SimulatedOutcome(rawValue: String(text[text.index(after: split)...])) else {
            throw Error(message: "a rule must be PATTERN=NAME with NAME one of \(outcomeNames), got '\(text)'")
        }
        let pattern = String(text[..<split])
        let body = pattern.hasPrefix("+") ? pattern.dropFirst() : Substring(pattern)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "?" || $0 == "*") }) else {
            throw Error(message: "a rule pattern may only hold digits, a leading '+', '?' and '*', got '\(pattern)'")
        }
        return SimulatorRule(pattern: pattern, outcome: outcome)
    }
}
