import HeraldCore
import Hummingbird

/// Proposals of the two-person rule (`/v1/admin/proposals`).
///
/// - `GET /v1/admin/proposals` (viewer): newest first; `?status=pending` and `?limit=` (1-500, default 100)
/// - `GET /v1/admin/proposals/{id}` (viewer)
/// - `POST /v1/admin/proposals/{id}/approve` (admin; not the proposer): applies the change
/// - `POST /v1/admin/proposals/{id}/reject` (admin; the proposer may withdraw) — `{"reason"}`
public struct AdminProposalRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/proposals"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .viewAdministration) { request, _ in
            let query = try AdminRequest.query(request, allowed: ["status", "limit"])
            var status: ProposalStatus?
            if let text = query["status"] {
                guard let parsed = ProposalStatus(rawValue: text) else {
                    let known = ProposalStatus.allCases.map(\.rawValue).joined(separator: ", ")
                    throw HTTPProblem.invalidParameter("status", "'status' must be one of: \(known)")
                }
                status = parsed
            }
            let proposals = try await admin.proposals.proposals(status: status, limit: try AdminRequest.limit(query))
            return try JSONResponse.encode(ListAnswer(data: proposals.map(ProposalResource.init)))
        }

        routes.get("{id}", .viewAdministration) { _, context in
            let proposal = try await admin.proposals.proposal(try AdminRequest.identifier(context, "id", "proposal"))
            return try JSONResponse.encode(ProposalResource(proposal))
        }

        routes.post("{id}/approve", .decideProposals) { request, context in
            _ = try await JSONRequestBody.read(request, limit: limit)
            let proposal = try await admin.proposals.approve(try AdminRequest.identifier(context, "id", "proposal"), by: try AdminRequest.actor(context))
            return try JSONResponse.encode(ProposalResource(proposal))
        }

        routes.post("{id}/reject", .decideProposals) { request, context in
            let body = try await AdminRequest.optionalBody(AdminNoteBody.self, request, limit: limit, shape: AdminNoteBody.reasonShape, empty: AdminNoteBody())
            let proposal = try await admin.proposals.reject(
                try AdminRequest.identifier(context, "id", "proposal"), reason: body.reason, by: try AdminRequest.actor(context))
            return try JSONResponse.encode(ProposalResource(proposal))
        }
    }
}
