import HeraldCore
import Hummingbird

/// Sealed-value disclosures on the auditor API (`/v1/audit/disclosures`). Entries commit to full phone
/// numbers, message text and client addresses without showing them; an auditor who needs the values of
/// some entries asks for a disclosure, a proposal of the two-person rule that an admin must approve. Once
/// approved, the auditor who asked may download it once, within 24 hours, as an audit bundle in which only
/// those entries carry their sealed values.
///
/// - `POST /v1/audit/disclosures` — `{"first_index", "end_index", "note"}` (`end_index` exclusive, at most
///   10,000 entries, the note required): 202 with the request
/// - `GET /v1/audit/disclosures`: the approved disclosures, newest first (`limit` 1–500, default 100)
/// - `GET /v1/audit/disclosures/{id}`: one request or disclosure and its state
/// - `GET /v1/audit/disclosures/{id}/download`: the bundle (JSON Lines), once, by the requesting auditor
///
/// Approval, rejection and expiry go through the admin API's proposals (`/v1/admin/proposals/{id}/approve`).
struct AuditDisclosureRoutes: Sendable {
    let log: any AuditLogAccess
    let disclosures: AuditDisclosures

    struct Body: Decodable {
        var firstIndex: UInt64
        var endIndex: UInt64
        var note: String?

        enum CodingKeys: String, CodingKey {
            case firstIndex = "first_index"
            case endIndex = "end_index"
            case note
        }

        static let shape = JSONShape.object(["first_index": .value, "end_index": .value, "note": .value])
    }

    func addRoutes(to group: RouterGroup<HeraldRequestContext>, services: HTTPServices) {
        let limit = services.configuration.maximumBodySize
        let clock = services.clock
        let log = self.log
        let proposals = disclosures.proposals
        let service = disclosures.disclosures

        group.post("disclosures") { request, context in
            let body = try JSONRequestBody.decode(Body.self, from: try await JSONRequestBody.read(request, limit: limit), shape: Body.shape)
            let size = try await log.entries(from: 0, limit: 0, includingSealedValues: false).treeSize
            let proposal = try await proposals.proposeSealedValueDisclosure(
                firstIndex: body.firstIndex, endIndex: body.endIndex, logSize: size, note: body.note, by: try context.requireOperator().actor)
            let resource = AuditDisclosureResource(
                request: SealedValueDisclosureRequest(firstIndex: body.firstIndex, endIndex: body.endIndex), proposal: proposal, at: clock.now())
            return try JSONResponse.encode(resource, status: .accepted)
        }

        group.get("disclosures") { request, _ in
            let query = try AdminRequest.query(request, allowed: ["limit"])
            let now = clock.now()
            let approved = try await service.disclosures(limit: try AdminRequest.limit(query))
            var answers: [AuditDisclosureResource] = []
            for disclosure in approved {
                answers.append(AuditDisclosureResource(disclosure, note: try await proposals.proposal(disclosure.id).note, at: now))
            }
            return try JSONResponse.encode(ListAnswer(data: answers))
        }

        group.get("disclosures/{id}") { request, context in
            _ = try AdminRequest.query(request, allowed: [])
            let id: ProposalID = try AdminRequest.identifier(context, "id", "disclosure")
            let proposal: Proposal
            do {
                proposal = try await proposals.proposal(id)
            } catch let error as HeraldError where error.category == .notFound {
                throw HeraldError.notFound("disclosure \(id)")
            }
            guard case .discloseSealedValues(let change) = proposal.change else { throw HeraldError.notFound("disclosure \(id)") }
            let now = clock.now()
            if let disclosure = try await service.store.sealedValueDisclosure(id) {
                return try JSONResponse.encode(AuditDisclosureResource(disclosure, note: proposal.note, at: now))
            }
            return try JSONResponse.encode(AuditDisclosureResource(request: change, proposal: proposal, at: now))
        }

        group.get("disclosures/{id}/download") { request, context in
            _ = try AdminRequest.query(request, allowed: [])
            let disclosure = try await service.claim(try AdminRequest.identifier(context, "id", "disclosure"), by: try context.requireOperator().actor)
            var headers = HTTPFields()
            headers[.cacheControl] = "no-store"
            headers[.contentType] = "application/x-ndjson; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"\(disclosure.id.rawValue).jsonl\""
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await service.produce(disclosure) { bytes in try await writer.write(ByteBuffer(bytes: bytes)) }
                try await writer.finish(nil)
            })
        }
    }
}
