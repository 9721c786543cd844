import HeraldCore
import Hummingbird

/// Accounts' access to the customer SMPP listener, for operators (`/v1/admin/accounts/{id}/smpp`); the same
/// ``SMPPAccountService`` methods as `herald smpp-account`, audited with the operator as actor.
///
/// - `GET …/smpp` (viewer): system id, bind limit, allowed ranges, window and TPS — never the password or its hash
/// - `PUT …/smpp/credentials` (support): `{"system_id", "password"?}`; without a password Herald generates
///   one and answers it once (`password`); 201 when the account had no SMPP access, else 200
/// - `PUT …/smpp/bind-limit` (support): `{"max_binds"}`
/// - `PUT …/smpp/allowed-networks` (admin): `{"allowed_networks": ["203.0.113.0/24", …]}`; empty accepts any address
/// - `PUT …/smpp/throughput` (admin): `{"window"?, "tps"?, "note"?}`; lowered values apply at once (200), raised
///   ones become a proposal (202) a second operator must approve
/// - `DELETE …/smpp` (support): withdraw the access (new binds are refused)
public struct AdminSMPPAccessRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/accounts"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    struct CredentialsBody: Decodable {
        var systemID: String
        var password: String?

        enum CodingKeys: String, CodingKey {
            case systemID = "system_id"
            case password
        }

        static let shape = JSONShape.object(["system_id": .value, "password": .value])
    }

    struct BindLimitBody: Decodable {
        var maxBinds: Int

        enum CodingKeys: String, CodingKey {
            case maxBinds = "max_binds"
        }

        static let shape = JSONShape.object(["max_binds": .integer])
    }

    struct NetworksBody: Decodable {
        var allowedNetworks: [String]

        enum CodingKeys: String, CodingKey {
            case allowedNetworks = "allowed_networks"
        }

        static let shape = JSONShape.object(["allowed_networks": .array(.value)])
    }

    struct ThroughputBody: Decodable {
        var window: Int?
        var tps: Double?
        var note: String?

        static let shape = JSONShape.object(["window": .integer, "tps": .value, "note": .value])
    }

    struct CredentialsAnswer: Encodable {
        var smppAccess: SMPPAccessResource
        /// Only when Herald generated it.
        var password: String?

        enum CodingKeys: String, CodingKey {
            case smppAccess = "smpp_access"
            case password
        }
    }

    struct ThroughputAnswer: Encodable {
        var smppAccess: SMPPAccessResource
        var proposal: ProposalResource?

        enum CodingKeys: String, CodingKey {
            case smppAccess = "smpp_access"
            case proposal
        }
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let smpp = admin.smppAccess
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        /// The account named by the path, known to exist (an unknown one is `not_found` before the body is read).
        @Sendable func existingAccount(_ context: HeraldRequestContext) async throws -> AccountID {
            let id: AccountID = try AdminRequest.identifier(context, "id", "account")
            let account = try await admin.administration.account(id)
            return account.id
        }

        routes.get("{id}/smpp", .viewAdministration) { request, context in
            _ = try AdminRequest.query(request, allowed: [])
            return try JSONResponse.encode(SMPPAccessResource(try await smpp.access(of: try await existingAccount(context))))
        }

        routes.put("{id}/smpp/credentials", .supportAccounts) { request, context in
            let id = try await existingAccount(context)
            let body = try JSONRequestBody.decode(CredentialsBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: CredentialsBody.shape)
            let outcome = try await smpp.setCredentials(accountID: id, systemID: body.systemID, password: body.password, by: try AdminRequest.actor(context))
            return try JSONResponse.encode(
                CredentialsAnswer(smppAccess: SMPPAccessResource(outcome.access), password: outcome.generatedPassword),
                status: outcome.created ? .created : .ok)
        }

        routes.put("{id}/smpp/bind-limit", .supportAccounts) { request, context in
            let id = try await existingAccount(context)
            let body = try JSONRequestBody.decode(BindLimitBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: BindLimitBody.shape)
            let access = try await smpp.service.setBindLimit(accountID: id, maximumBinds: body.maxBinds, actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(SMPPAccessResource(access))
        }

        routes.put("{id}/smpp/allowed-networks", .changeSettings) { request, context in
            let id = try await existingAccount(context)
            let body = try JSONRequestBody.decode(NetworksBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: NetworksBody.shape)
            let access = try await smpp.service.setAllowedNetworks(accountID: id, networks: body.allowedNetworks, actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(SMPPAccessResource(access))
        }

        routes.put("{id}/smpp/throughput", .changeSettings) { request, context in
            let id = try await existingAccount(context)
            let body = try JSONRequestBody.decode(ThroughputBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: ThroughputBody.shape)
            let current = try await smpp.access(of: id).throughput
            let requested = SMPPThroughput(window: body.window ?? current.window, messagesPerSecond: body.tps ?? current.messagesPerSecond)
            let outcome = try await smpp.setThroughput(accountID: id, to: requested, note: body.note, by: try AdminRequest.actor(context))
            return try JSONResponse.encode(
                ThroughputAnswer(smppAccess: SMPPAccessResource(outcome.access), proposal: outcome.proposal.map(ProposalResource.init)),
                status: outcome.proposal == nil ? .ok : .accepted)
        }

        routes.delete("{id}/smpp", .supportAccounts) { _, context in
            try await smpp.service.removeAccess(accountID: try await existingAccount(context), actor: try AdminRequest.actor(context))
            return Response(status: .noContent)
        }
    }
}
