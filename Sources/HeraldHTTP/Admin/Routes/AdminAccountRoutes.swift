import Foundation
import HeraldCore
import Hummingbird

/// Customer accounts, for operators (`/v1/admin/accounts`).
///
/// - `GET /v1/admin/accounts`, `GET /v1/admin/accounts/{id}` (viewer): accounts, one with its API keys
/// - `POST /v1/admin/accounts` (support): a new account and its first API key, shown once — `{"name"}`
/// - `POST /v1/admin/accounts/{id}/suspend`, `…/reactivate` (support)
/// - `POST /v1/admin/accounts/{id}/api-keys` (support): issue a key, shown once — `{"name"}`;
///   `DELETE /v1/admin/accounts/{id}/api-keys/{key_id}` (support): revoke it
/// - `PUT /v1/admin/accounts/{id}/limits` (admin): lowered values apply at once (200); raised ones become a
///   proposal (202) a second operator must approve
/// - `PUT /v1/admin/accounts/{id}/country-permissions` (admin): `{"mode": "allow_listed"|"deny_listed", "countries": […]}`
public struct AdminAccountRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/accounts"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    struct CreateBody: Decodable {
        var name: String
    }

    struct KeyBody: Decodable {
        var name: String?
    }

    struct LimitsBody: Decodable {
        var note: String?
    }

    struct Created: Encodable {
        var account: AdminAccountResource
        var apiKey: APIKeyResource

        enum CodingKeys: String, CodingKey {
            case account
            case apiKey = "api_key"
        }
    }

    struct LimitsAnswer: Encodable {
        var account: AdminAccountResource
        var proposal: ProposalResource?
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .viewAdministration) { request, _ in
            _ = try AdminRequest.query(request, allowed: [])
            let accounts = try await admin.accounts.store.accounts()
            return try JSONResponse.encode(ListAnswer(data: accounts.map { AdminAccountResource($0) }))
        }

        routes.post("", .supportAccounts) { request, context in
            let body = try JSONRequestBody.decode(
                CreateBody.self, from: try await JSONRequestBody.read(request, limit: limit), shape: .object(["name": .value]))
            let creation = try await admin.accounts.createAccount(name: body.name, actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(
                Created(
                    account: AdminAccountResource(creation.account, keys: [creation.apiKey]),
                    apiKey: APIKeyResource(creation.apiKey, text: creation.credential.text)),
                status: .created)
        }

        routes.get("{id}", .viewAdministration) { _, context in
            let account = try await admin.administration.account(try AdminRequest.identifier(context, "id", "account"))
            return try JSONResponse.encode(AdminAccountResource(account, keys: try await admin.accounts.store.apiKeys(accountID: account.id)))
        }

        routes.post("{id}/suspend", .supportAccounts) { _, context in
            let account = try await admin.administration.suspend(try AdminRequest.identifier(context, "id", "account"), by: try AdminRequest.actor(context))
            return try JSONResponse.encode(AdminAccountResource(account))
        }

        routes.post("{id}/reactivate", .supportAccounts) { _, context in
            let account = try await admin.administration.reactivate(try AdminRequest.identifier(context, "id", "account"), by: try AdminRequest.actor(context))
            return try JSONResponse.encode(AdminAccountResource(account))
        }

        routes.post("{id}/api-keys", .supportAccounts) { request, context in
            let id: AccountID = try AdminRequest.identifier(context, "id", "account")
            let body = try await AdminRequest.optionalBody(KeyBody.self, request, limit: limit, shape: .object(["name": .value]), empty: KeyBody())
            let name = body.name?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "default"
            guard (1...100).contains(name.count) else {
                throw HeraldError.invalid("invalid_name", "an API key name must have 1 to 100 characters", field: "name")
            }
            let (key, credential) = try await admin.accounts.issueKey(accountID: id, name: name, actor: try AdminRequest.actor(context))
            return try JSONResponse.encode(APIKeyResource(key, text: credential.text), status: .created)
        }

        routes.delete("{id}/api-keys/{key_id}", .supportAccounts) { _, context in
            let id: AccountID = try AdminRequest.identifier(context, "id", "account")
            let keyID: APIKeyID = try AdminRequest.identifier(context, "key_id", "API key")
            try await admin.accounts.revokeKey(keyID, accountID: id, actor: try AdminRequest.actor(context))
            return Response(status: .noContent)
        }

        routes.put("{id}/limits", .changeSettings) { request, context in
            let id: AccountID = try AdminRequest.identifier(context, "id", "account")
            let bytes = try await JSONRequestBody.read(request, limit: limit)
            let values = try JSONRequestBody.decode(AccountLimitsResource.self, from: bytes, shape: AccountLimitsResource.bodyShape)
            let note = try JSONRequestBody.decode(LimitsBody.self, from: bytes, shape: AccountLimitsResource.bodyShape).note
            let current = try await admin.administration.account(id)
            let outcome = try await admin.administration.setLimits(id, to: values.applied(to: current.limits), note: note, by: try AdminRequest.actor(context))
            return try JSONResponse.encode(
                LimitsAnswer(account: AdminAccountResource(outcome.account), proposal: outcome.proposal.map(ProposalResource.init)),
                status: outcome.proposal == nil ? .ok : .accepted)
        }

        routes.put("{id}/country-permissions", .changeSettings) { request, context in
            let id: AccountID = try AdminRequest.identifier(context, "id", "account")
            let body = try JSONRequestBody.decode(
                CountryPermissionsResource.self, from: try await JSONRequestBody.read(request, limit: limit), shape: CountryPermissionsResource.shape)
            let account = try await admin.administration.setCountryPermissions(
                id, to: CountryPermissions(mode: body.mode, regions: Set(body.countries)), by: try AdminRequest.actor(context))
            return try JSONResponse.encode(AdminAccountResource(account))
        }
    }
}
