import Foundation
import HeraldCore
import HeraldRouting
import Hummingbird

/// The route rules, for operators (`/v1/admin/routes`).
///
/// - `GET /v1/admin/routes` (viewer): the stored rules in the routes-file format, their version, and the
///   version this node has in force
/// - `PUT /v1/admin/routes` (admin): propose a replacement — the body is a routes file (JSON, or YAML with
///   `Content-Type: application/yaml`), checked against the links in service before it becomes a proposal
///   (202); `?expected_version=N` refuses it when the routes changed since version N; `?note=…`
/// - `GET /v1/admin/routes/explain?to=+4915…` (viewer): a dry run with the links' live health; optional
///   `account`, `region` (for national numbers) and `message_id` (seeds the weighted choice)
public struct AdminRoutingRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/routes"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .viewAdministration) { request, _ in
            _ = try AdminRequest.query(request, allowed: [])
            let stored = try await admin.store.routeSet()
            let links = try await admin.proposals.linkIDsInService()
            return try JSONResponse.encode(RoutesResource(
                routes: stored, inForceVersion: admin.routing.table.version, reloadError: admin.routing.lastReloadError?.message,
                links: links.sorted()))
        }

        routes.put("", .changeSettings) { request, context in
            let query = try AdminRequest.query(request, allowed: ["expected_version", "note"])
            var expected: Int64?
            if let text = query["expected_version"] {
                guard let version = Int64(text), version >= 0 else {
                    throw HTTPProblem.invalidParameter("expected_version", "'expected_version' must be a routes version (an integer ≥ 0)")
                }
                expected = version
            }
            let file = try RoutesFileBody.parse(try await RoutesFileBody.read(request, limit: limit))
            let proposal = try await admin.proposals.proposeRoutes(
                file.rules, expectedVersion: expected, note: query["note"], by: try AdminRequest.actor(context))
            return try ProposalAnswer.accepted(proposal)
        }

        routes.get("explain", .viewAdministration) { request, _ in
            let query = try AdminRequest.query(request, allowed: ["to", "account", "region", "message_id"])
            guard let number = query["to"], !number.isEmpty else {
                throw HTTPProblem.invalidParameter("to", "'to' is required: the number to route, e.g. +4915123456789 (encode '+' as %2B)")
            }
            var explain = RouteExplainQuery(number: Self.restoringPlus(number), region: query["region"]?.uppercased())
            if let account = query["account"] {
                guard let id = AccountID(account) else { throw HTTPProblem.invalidParameter("account", "'account' must be an account id (acc_…)") }
                explain.accountID = id
            }
            if let message = query["message_id"] {
                guard let id = MessageID(message) else { throw HTTPProblem.invalidParameter("message_id", "'message_id' must be a message id (msg_…)") }
                explain.messageID = id
            }
            do {
                return try JSONResponse.encode(RouteExplanationResource(try admin.explainRoute(explain)))
            } catch let error as HeraldError {
                throw error
            } catch {
                // The dry run throws only when the number does not parse.
                throw HeraldError.invalid("invalid_destination", "'to' is not a phone number (\(error))", field: "to")
            }
        }
    }

    /// A query value `+4915…` arrives as ` 4915…` when a client form-encoded the `+`; put it back.
    static func restoringPlus(_ number: String) -> String {
        guard number.hasPrefix(" "), number.dropFirst().first?.isNumber == true else { return number }
        return "+" + number.dropFirst()
    }
}
