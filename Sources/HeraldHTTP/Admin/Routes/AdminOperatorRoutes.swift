import HeraldCore
import Hummingbird

/// Operators, for admins (`/v1/admin/operators`).
///
/// - `GET /v1/admin/operators`, `GET /v1/admin/operators/{id}` (admin): operators; one with its tokens (never their text)
/// - `POST /v1/admin/operators` (admin): a new operator and its first token, shown once —
///   `{"name", "role": "viewer"|"support"|"admin"|"auditor", "expires_in_days": 1-366 (default 90)}`
/// - `POST /v1/admin/operators/{id}/disable` (admin): ends its access and revokes its tokens (not the last admin)
public struct AdminOperatorRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/operators"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    struct CreateBody: Decodable {
        var name: String
        var role: String
        var expiresInDays: Int?

        enum CodingKeys: String, CodingKey {
            case name, role
            case expiresInDays = "expires_in_days"
        }

        static let shape = JSONShape.object(["name": .value, "role": .value, "expires_in_days": .integer])
    }

    struct Detail: Encodable {
        var `operator`: OperatorResource
        var tokens: [OperatorTokenResource]
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let operators = admin.access.operators
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .manageOperators) { request, _ in
            _ = try AdminRequest.query(request, allowed: [])
            return try JSONResponse.encode(ListAnswer(data: try await operators.operators().map(OperatorResource.init)))
        }

        routes.post("", .manageOperators) { request, context in
            let body = try JSONRequestBody.decode(CreateBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: CreateBody.shape)
            guard let role = OperatorRole(rawValue: body.role) else {
                let known = OperatorRole.allCases.map(\.rawValue).joined(separator: ", ")
                throw HeraldError.invalid("invalid_role", "'role' must be one of: \(known)", field: "role")
            }
            let lifetime = Duration.seconds(Int64(body.expiresInDays ?? 90) * 86_400)
            let creation = try await operators.createOperator(name: body.name, role: role, tokenLifetime: lifetime, actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(OperatorCreatedResource(creation), status: .created)
        }

        routes.get("{id}", .manageOperators) { _, context in
            let op = try await operators.findOperator(try AdminRequest.identifier(context, "id", "operator"))
            let tokens = try await operators.tokens(of: op.id)
            return try JSONResponse.encode(Detail(operator: OperatorResource(op), tokens: tokens.map { OperatorTokenResource($0) }))
        }

        routes.post("{id}/disable", .manageOperators) { request, context in
            _ = try await JSONRequestBody.read(request, limit: limit)
            let op = try await operators.disable(try AdminRequest.identifier(context, "id", "operator"), actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(OperatorResource(op))
        }
    }
}
