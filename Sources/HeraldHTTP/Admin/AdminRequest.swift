import Foundation
import HeraldCore
import Hummingbird

/// Reading admin requests: path identifiers, query parameters, and the acting operator.
enum AdminRequest {
    /// A path parameter as a typed identifier; a malformed one is `not_found` (like an unknown one).
    static func identifier<Kind: IdentifierKind>(_ context: HeraldRequestContext, _ name: String, _ what: String) throws -> Identifier<Kind> {
        let raw = context.parameters.get(name) ?? ""
        guard let id = Identifier<Kind>(raw) else { throw HeraldError.notFound("\(what) \(raw.prefix(64))") }
        return id
    }

    /// The query parameters, refusing unknown and repeated ones.
    static func query(_ request: Request, allowed: Set<String>) throws -> [String: String] {
        var values: [String: String] = [:]
        for (key, value) in request.uri.queryParameters {
            let name = String(key)
            guard allowed.contains(name) else {
                let known = allowed.isEmpty ? "none" : allowed.sorted().joined(separator: ", ")
                throw HTTPProblem.invalidParameter(name, "'\(name.prefix(64))' is not a query parameter of this endpoint; known: \(known)")
            }
            guard values[name] == nil else { throw HTTPProblem.invalidParameter(name, "'\(name)' may be given only once") }
            values[name] = String(value)
        }
        return values
    }

    /// `limit` from 1 to 500 (default 100).
    static func limit(_ query: [String: String]) throws -> Int {
        guard let text = query["limit"] else { return 100 }
        guard let limit = Int(text), (1...500).contains(limit) else { throw HTTPProblem.invalidParameter("limit", "'limit' must be an integer from 1 to 500") }
        return limit
    }

    /// The acting operator as an audit actor.
    static func actor(_ context: HeraldRequestContext) throws -> AuditActor {
        try context.requireOperator().actor
    }

    /// An optional JSON body: an empty one decodes as `empty`.
    static func optionalBody<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int, shape: JSONShape, empty: T) async throws -> T {
        let bytes = try await JSONRequestBody.read(request, limit: limit)
        guard bytes.contains(where: { !" \t\r\n".utf8.contains($0) }) else { return empty }
        return try JSONRequestBody.decode(T.self, from: bytes, shape: shape)
    }
}
