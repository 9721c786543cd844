import HeraldCore
import Numbering

/// The core's ``RouteRulesValidator`` port over the routing engine's compiler: a rule set is valid when it
/// compiles into a ``RouteTable`` for the given links.
///
/// ```swift
/// try RouteTableValidator().validate(rules, linkIDs: ["acme-de", "sim"])   // throws `invalid_routes`
/// ```
public struct RouteTableValidator: RouteRulesValidator {
    public let plan: NumberingPlan

    public init(plan: NumberingPlan = .shared) {
        self.plan = plan
    }

    public func validate(_ rules: [RouteRule], linkIDs: Set<String>) throws {
        do {
            _ = try RouteTable(rules: rules, linkIDs: linkIDs, plan: plan)
        } catch {
            throw error.heraldError
        }
    }
}
