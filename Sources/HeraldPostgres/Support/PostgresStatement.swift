import PostgresNIO

/// SQL text with its parameters. Bare `?` placeholders are numbered `$1`, `$2`, … in order (the store's
/// SQL has no `?` operators or literals); SQL that reuses a parameter writes `$n` itself.
struct PostgresStatement: Sendable {
    let query: PostgresQuery

    init(_ sql: String, _ arguments: [any PostgresBindable] = []) {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments { argument.bind(to: &bindings) }
        query = PostgresQuery(unsafeSQL: Self.numbered(sql), binds: bindings)
    }

    /// `sql` with each bare `?` replaced by the next `$n`.
    static func numbered(_ sql: String) -> String {
        guard sql.contains("?") else { return sql }
        var out = ""
        out.reserveCapacity(sql.utf8.count + 16)
        var next = 1
        for character in sql {
            if character == "?" {
                out += "$\(next)"
                next += 1
            } else {
                out.append(character)
            }
        }
        return out
    }
}
