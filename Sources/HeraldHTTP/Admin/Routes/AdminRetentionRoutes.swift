import HeraldCore
import Hummingbird

/// How long message data is kept, for operators (`/v1/admin/retention`).
///
/// - `GET /v1/admin/retention` (viewer): the settings in force and where they come from
/// - `PUT /v1/admin/retention` (admin): propose new settings (202) — `{"message_body_days", "receipt_grace_seconds", "note"}`
///   (values left out keep theirs); housekeeping applies them after approval
public struct AdminRetentionRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/retention"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    struct Body: Decodable {
        var messageBodyDays: Int?
        var receiptGraceSeconds: Int?
        var note: String?

        enum CodingKeys: String, CodingKey {
            case messageBodyDays = "message_body_days"
            case receiptGraceSeconds = "receipt_grace_seconds"
            case note
        }

        static let shape = JSONShape.object(["message_body_days": .integer, "receipt_grace_seconds": .integer, "note": .value])
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .viewAdministration) { request, _ in
            _ = try AdminRequest.query(request, allowed: [])
            let record = try await admin.proposals.currentRetention()
            return try JSONResponse.encode(RetentionResource(record: record, configured: admin.proposals.dependencies.configuredRetention))
        }

        routes.put("", .changeSettings) { request, context in
            let body = try JSONRequestBody.decode(Body.self, from: try await JSONRequestBody.read(request, limit: limit), shape: Body.shape)
            let (current, _) = try await admin.proposals.effectiveRetention()
            let settings = RetentionSettings(
                messageBodyDays: body.messageBodyDays ?? current.messageBodyDays, receiptGraceSeconds: body.receiptGraceSeconds ?? current.receiptGraceSeconds)
            let proposal = try await admin.proposals.proposeRetention(settings, note: body.note, by: try AdminRequest.actor(context))
            return try ProposalAnswer.accepted(proposal)
        }
    }
}
