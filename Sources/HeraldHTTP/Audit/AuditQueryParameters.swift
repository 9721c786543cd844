import HeraldCore

/// Query parameters of the auditor endpoints: each endpoint names the ones it accepts; unknown ones,
/// repeats and values that are not non-negative integers are refused with `invalid_parameter`.
struct AuditQueryParameters {
    private var values: [String: String] = [:]

    init(_ parameters: some Sequence<(key: String, value: String)>, allowed: Set<String>) throws {
        for (name, value) in parameters {
            guard allowed.contains(name) else {
                throw HTTPProblem.invalidParameter(
                    name, "'\(name.prefix(64))' is not a query parameter of this endpoint; known: \(allowed.sorted().joined(separator: ", "))")
            }
            guard values[name] == nil else { throw HTTPProblem.invalidParameter(name, "'\(name)' may be given only once") }
            values[name] = value
        }
    }

    /// A non-negative integer parameter; `defaultValue` when absent (`nil`: required).
    func integer(_ name: String, default defaultValue: UInt64? = nil, maximum: UInt64 = UInt64(Int64.max)) throws -> UInt64 {
        guard let text = values[name] else {
            guard let defaultValue else { throw HTTPProblem.invalidParameter(name, "'\(name)' is required") }
            return defaultValue
        }
        guard let value = UInt64(text), value <= maximum else {
            throw HTTPProblem.invalidParameter(name, "'\(name)' must be an integer from 0 to \(maximum)")
        }
        return value
    }

    /// `sealed_values=include` or `omit` (default): whether answers carry the sealed values.
    /// `sealed_values` may only be `omit` (the default): always `false`. `include` is refused with
    /// `403 disclosure_required`, since sealed values leave only through an approved disclosure.
    func refusingSealedValues() throws -> Bool {
        switch values["sealed_values"] {
        case nil, "omit": return false
        case "include":
            throw HeraldError(
                .forbidden, code: "disclosure_required",
                "sealed values (full numbers, message text, client addresses) are disclosed only through an approved disclosure: POST /v1/audit/disclosures",
                field: "sealed_values")
        default: throw HTTPProblem.invalidParameter("sealed_values", "'sealed_values' must be omit (sealed values need an approved disclosure)")
        }
    }

    /// A comma-separated list of non-negative integers (may be absent).
    func integerList(_ name: String, maximumCount: Int) throws -> [UInt64] {
        guard let text = values[name], !text.isEmpty else { return [] }
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard items.count <= maximumCount, let values = Optional(items.compactMap({ UInt64($0.trimmingCharacters(in: .whitespaces)) })), values.count == items.count else {
            throw HTTPProblem.invalidParameter(name, "'\(name)' must be a comma-separated list of at most \(maximumCount) entry indices")
        }
        return values
    }
}
