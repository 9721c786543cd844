import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// Every admin route requires an operator token whose role grants its permission; customer API keys are
/// refused there, operator tokens on customer routes; the auditor reaches nothing but the audit log; every
/// refusal is audited.
@Suite struct RoleMatrixTests {
    /// The permission each admin route requires: written out independently of the code, so a route added
    /// without a deliberate choice (or with another permission) fails ``everyAdminRouteIsInTheMatrix``.
    static let matrix: [String: OperatorPermission] = [
        "GET /v1/admin/accounts": .viewAdministration,
        "POST /v1/admin/accounts": .supportAccounts,
        "GET /v1/admin/accounts/{id}": .viewAdministration,
        "POST /v1/admin/accounts/{id}/suspend": .supportAccounts,
        "POST /v1/admin/accounts/{id}/reactivate": .supportAccounts,
        "POST /v1/admin/accounts/{id}/api-keys": .supportAccounts,
        "DELETE /v1/admin/accounts/{id}/api-keys/{key_id}": .supportAccounts,
        "PUT /v1/admin/accounts/{id}/limits": .changeSettings,
        "PUT /v1/admin/accounts/{id}/country-permissions": .changeSettings,
        "GET /v1/admin/routes": .viewAdministration,
        "PUT /v1/admin/routes": .changeSettings,
        "GET /v1/admin/routes/explain": .viewAdministration,
        "GET /v1/admin/carrier-links": .viewAdministration,
        "GET /v1/admin/carrier-links/{id}": .viewAdministration,
        "POST /v1/admin/carrier-links": .changeSettings,
        "PUT /v1/admin/carrier-links/{id}": .changeSettings,
        "DELETE /v1/admin/carrier-links/{id}": .changeSettings,
        "GET /v1/admin/retention": .viewAdministration,
        "PUT /v1/admin/retention": .changeSettings,
        "GET /v1/admin/exports": .viewAdministration,
        "POST /v1/admin/exports": .changeSettings,
        "GET /v1/admin/exports/{id}": .viewAdministration,
        "GET /v1/admin/exports/{id}/download": .changeSettings,
        "GET /v1/admin/proposals": .viewAdministration,
        "GET /v1/admin/proposals/{id}": .viewAdministration,
        "POST /v1/admin/proposals/{id}/approve": .decideProposals,
        "POST /v1/admin/proposals/{id}/reject": .decideProposals,
        "GET /v1/admin/operators": .manageOperators,
        "POST /v1/admin/operators": .manageOperators,
        "GET /v1/admin/operators/{id}": .manageOperators,
        "POST /v1/admin/operators/{id}/disable": .manageOperators,
        "GET /v1/admin/fraud/blocks": .viewAdministration,
        "POST /v1/admin/fraud/blocks/{id}/lift": .supportAccounts,
        // SMPP access: reading is viewing; rotating credentials, the bind limit and withdrawing access are
        // support work; the address allow-list is an access policy like geo permissions, and throughput is a
        // limit (raises become proposals), so both need an admin.
        "GET /v1/admin/accounts/{id}/smpp": .viewAdministration,
        "PUT /v1/admin/accounts/{id}/smpp/credentials": .supportAccounts,
        "PUT /v1/admin/accounts/{id}/smpp/bind-limit": .supportAccounts,
        "PUT /v1/admin/accounts/{id}/smpp/allowed-networks": .changeSettings,
        "PUT /v1/admin/accounts/{id}/smpp/throughput": .changeSettings,
        "DELETE /v1/admin/accounts/{id}/smpp": .supportAccounts,
        "GET /v1/admin/accounts/{id}/numbers": .viewAdministration,
        "POST /v1/admin/accounts/{id}/numbers": .supportAccounts,
        "DELETE /v1/admin/accounts/{id}/numbers/{number}": .supportAccounts,
        "GET /v1/admin/numbers": .viewAdministration,
    ]

    /// A concrete URI for a route: ids of the right shape that name nothing.
    static func uri(_ path: String) -> String {
        path.replacingOccurrences(of: "{key_id}", with: "key_0000000000000000000000000k")
            .replacingOccurrences(of: "{number}", with: "%2B4915123456789")
            .replacingOccurrences(of: "accounts/{id}", with: "accounts/acc_0000000000000000000000000a")
            .replacingOccurrences(of: "{id}", with: "x_00000000000000000000000000")
    }

    @Test func everyAdminRouteIsInTheMatrix() async throws {
        try await AdminHarness.with { harness in
            let routes = HeraldAPI.buildRouter(services: harness.services, groups: AdminAPI.routeGroups(harness.admin)).routes
            let registered = Set(routes.map { "\($0.method.rawValue) \($0.path.description)" })
            #expect(registered == Set(Self.matrix.keys), "unlisted: \(registered.subtracting(Self.matrix.keys).sorted()); missing: \(Set(Self.matrix.keys).subtracting(registered).sorted())")
            #expect(registered.allSatisfy { $0.split(separator: " ")[1].hasPrefix(AdminAPI.basePath + "/") })
        }
    }

    @Test func everyAdminRouteRefusesRolesBelowItCustomerKeysAndNoCredentials() async throws {
        try await AdminHarness.with { harness in
            var issued: [OperatorRole: String] = [:]
            for role in OperatorRole.allCases { issued[role] = try await harness.newOperator(role).token }
            let tokens = issued
            let (_, customerKey) = try await harness.newAccount()
            try await harness.test { client in
                for (route, permission) in Self.matrix.sorted(by: { $0.key < $1.key }) {
                    let parts = route.split(separator: " ")
                    let method = HTTPRequest.Method(String(parts[0]))!
                    let uri = Self.uri(String(parts[1]))
                    for role in OperatorRole.allCases {
                        let answer = try await client.request(method, uri, key: tokens[role])
                        if role.allows(permission) {
                            #expect(![401, 403].contains(answer.status.code), "\(role) on \(route): \(answer.text)")
                        } else {
                            answer.expectProblem(403, code: "insufficient_role")
                        }
                    }
                    try await client.request(method, uri, key: customerKey).expectProblem(401, code: "invalid_operator_token")
                    try await client.request(method, uri).expectProblem(401, code: "invalid_operator_token")
                    try await client.request(method, uri, key: "ho_garbage").expectProblem(401, code: "invalid_operator_token")
                }
            }
            let denied = Self.matrix.values.map { permission in OperatorRole.allCases.filter { !$0.allows(permission) }.count + 3 }.reduce(0, +)
            let events = try await harness.auditEvents().filter { $0.action == "request.denied" }
            #expect(events.count == denied)
            #expect(events.allSatisfy { $0.outcome == "denied" && $0.target.contains("/v1/admin/") })
            let reasons = Set(events.compactMap { $0.details["reason"] })
            #expect(reasons == ["insufficient_role", "customer_api_key", "no_credentials", "malformed_token"])
            // A refusal of a signed-in operator names them.
            #expect(events.contains { $0.actor.kind == "operator" && $0.details["role"] == "viewer" })
        }
    }

    @Test func operatorTokensAreRefusedOnCustomerRoutes() async throws {
        try await AdminHarness.with { harness in
            let (_, adminToken) = try await harness.newOperator(.admin)
            let (_, auditorToken) = try await harness.newOperator(.auditor)
            try await harness.test { client in
                for token in [adminToken, auditorToken] {
                    try await client.request(.get, "/v1/messages", key: token).expectProblem(401, code: "invalid_api_key")
                    try await client.request(.post, "/v1/messages", key: token, json: sendJSON()).expectProblem(401, code: "invalid_api_key")
                }
            }
        }
    }

    @Test func theAuditorMiddlewareAdmitsTheAuditorOnly() async throws {
        try await AdminHarness.with { harness in
            let (auditor, auditorToken) = try await harness.newOperator(.auditor)
            var issued: [OperatorRole: String] = [:]
            for role in [OperatorRole.viewer, .support, .admin] { issued[role] = try await harness.newOperator(role).token }
            let tokens = issued
            let (_, customerKey) = try await harness.newAccount()
            let router = Router(context: HeraldRequestContext.self)
            router.addMiddleware {
                RequestIDMiddleware(maximumLength: 128, random: SystemRandomSource(), clock: SystemClock())
                ProblemMiddleware()
            }
            router.group("/v1/audit").add(middleware: harness.admin.access.auditor).get("checkpoint") { _, context in
                try context.requireOperator().id.rawValue
            }
            try await Application(responder: router.buildResponder()).test(.router) { client in
                let answer = try await client.request(.get, "/v1/audit/checkpoint", key: auditorToken)
                #expect(answer.status == .ok)
                #expect(answer.text == auditor.id.rawValue)
                for (_, token) in tokens {
                    try await client.request(.get, "/v1/audit/checkpoint", key: token).expectProblem(403, code: "insufficient_role")
                }
                try await client.request(.get, "/v1/audit/checkpoint", key: customerKey).expectProblem(401, code: "invalid_operator_token")
            }
        }
    }

    @Test func expiredRevokedAndDisabledOperatorsAreRefused() async throws {
        try await AdminHarness.with { harness in
            let (viewer, viewerToken) = try await harness.newOperator(.viewer)
            let (_, secondAdmin) = try await harness.newOperator(.admin)
            let (other, otherToken) = try await harness.newOperator(.viewer)
            try await harness.test { client in
                #expect(try await client.request(.get, "/v1/admin/accounts", key: viewerToken).status == .ok)
                _ = try await harness.operators.disable(viewer.id, actor: .cli("test"))
                try await client.request(.get, "/v1/admin/accounts", key: viewerToken).expectProblem(401, code: "invalid_operator_token")

                let tokenID = OperatorTokenCredential(text: otherToken)!.tokenID
                try await harness.operators.revokeToken(tokenID, actor: .cli("test"))
                try await client.request(.get, "/v1/admin/accounts", key: otherToken).expectProblem(401, code: "invalid_operator_token")
                #expect(try await harness.operators.findOperator(other.id).status == .active)

                harness.clock.advance(by: .seconds(91 * 86_400))
                try await client.request(.get, "/v1/admin/accounts", key: secondAdmin).expectProblem(401, code: "invalid_operator_token")
            }
        }
    }

}
