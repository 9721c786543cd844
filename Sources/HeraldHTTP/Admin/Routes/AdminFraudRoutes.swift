import HeraldCore
import Hummingbird

/// The fraud guard's blocks across accounts, for operators (`/v1/admin/fraud`).
///
/// - `GET /v1/admin/fraud/blocks` (viewer): every active block; `?account=acc_…` for those applying to one account
/// - `POST /v1/admin/fraud/blocks/{id}/lift` (support): lift a block before it ends (the traffic was genuine)
public struct AdminFraudRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/fraud"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("blocks", .viewAdministration) { request, _ in
            let query = try AdminRequest.query(request, allowed: ["account"])
            var account: AccountID?
            if let text = query["account"] {
                guard let id = AccountID(text) else { throw HTTPProblem.invalidParameter("account", "'account' must be an account id (acc_…)") }
                account = id
            }
            let blocks = try await admin.fraudGuard.activeBlocks(accountID: account)
            return try JSONResponse.encode(ListAnswer(data: blocks.map(FraudBlockResource.init)))
        }

        routes.post("blocks/{id}/lift", .supportAccounts) { request, context in
            _ = try await JSONRequestBody.read(request, limit: limit)
            try await admin.fraudGuard.lift(try AdminRequest.identifier(context, "id", "fraud block"), actor: try AdminRequest.actor(context))
            return Response(status: .noContent)
        }
    }
}
