import HeraldCore
import Hummingbird

/// Message data exports, for operators (`/v1/admin/exports`). An export is a proposal; once a second
/// operator approves it, the proposer or the approver may download it once, within 24 hours.
///
/// - `GET /v1/admin/exports`, `GET /v1/admin/exports/{id}` (viewer): approved exports and their state
/// - `POST /v1/admin/exports` (admin): propose one (202) — `{"account_id", "from", "to", "note"}` (RFC 3339, `to` exclusive)
/// - `GET /v1/admin/exports/{id}/download` (admin; the proposer or approver only): the account's messages of
///   the period as JSON Lines (`application/x-ndjson`), one message object per line, newest first
public struct AdminExportRoutes: HeraldRouteGroup {
    public static let basePath = AdminAPI.basePath + "/exports"

    public let admin: AdminServices

    public init(admin: AdminServices) {
        self.admin = admin
    }

    struct Body: Decodable {
        var accountID: String
        var from: Timestamp
        var to: Timestamp
        var note: String?

        enum CodingKeys: String, CodingKey {
            case accountID = "account_id"
            case from, to, note
        }

        static let shape = JSONShape.object(["account_id": .value, "from": .value, "to": .value, "note": .value])
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let admin = self.admin
        let clock = services.clock
        let routes = AdminRouteBuilder(router: router, basePath: Self.basePath, access: admin.access)

        routes.get("", .viewAdministration) { request, _ in
            let query = try AdminRequest.query(request, allowed: ["limit"])
            let exports = try await admin.exports.exports(limit: try AdminRequest.limit(query))
            let now = clock.now()
            return try JSONResponse.encode(ListAnswer(data: exports.map { MessageExportResource($0, at: now) }))
        }

        routes.post("", .changeSettings) { request, context in
            let body = try JSONRequestBody.decode(Body.self, from: try await JSONRequestBody.read(request, limit: limit), shape: Body.shape)
            guard let accountID = AccountID(body.accountID) else { throw HeraldError.notFound("account \(body.accountID.prefix(64))") }
            let proposal = try await admin.proposals.proposeExport(
                accountID: accountID, from: body.from, to: body.to, note: body.note, by: try AdminRequest.actor(context))
            return try ProposalAnswer.accepted(proposal)
        }

        routes.get("{id}", .viewAdministration) { _, context in
            let export = try await admin.exports.export(try AdminRequest.identifier(context, "id", "export"))
            return try JSONResponse.encode(MessageExportResource(export, at: clock.now()))
        }

        routes.get("{id}/download", .changeSettings) { _, context in
            let export = try await admin.exports.claim(try AdminRequest.identifier(context, "id", "export"), by: try AdminRequest.actor(context))
            let exports = admin.exports
            let body = ResponseBody { writer in
                try await exports.produce(export) { page in
                    var buffer = ByteBuffer()
                    for message in page {
                        buffer.writeString(try HeraldJSON.text(message))
                        buffer.writeString("\n")
                    }
                    try await writer.write(buffer)
                }
                try await writer.finish(nil)
            }
            var headers = HTTPFields()
            headers[.contentType] = "application/x-ndjson"
            headers[.contentDisposition] = "attachment; filename=\"\(export.id.rawValue).jsonl\""
            return Response(status: .ok, headers: headers, body: body)
        }
    }
}
