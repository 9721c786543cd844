import HeraldCore
import Hummingbird

/// The auditor API under `/v1/audit`: read access to the tamper-evident audit log, behind the
/// authentication middleware the application passes in (operators with the `auditor` role, and no other).
/// Customer API keys have no access.
///
/// - `GET /v1/audit/checkpoint`: the latest signed checkpoint (C2SP note, `text/plain`)
/// - `POST /v1/audit/checkpoint`: sign a checkpoint of the current tree now
/// - `GET /v1/audit/entries?start=&limit=`: entries in bundle form, sealed values left out
/// - `GET /v1/audit/proofs/inclusion?index=&tree_size=`: RFC 9162 inclusion proof
/// - `GET /v1/audit/proofs/consistency?from=&to=`: RFC 9162 consistency proof
/// - `GET /v1/audit/export?inclusion_proofs=`: a complete audit bundle (JSON Lines, streamed), sealed values left out
/// - `/v1/audit/disclosures…`: the sealed values of chosen entries, after a second operator's approval
///   (``AuditDisclosureRoutes``)
///
/// `sealed_values=include` is refused with `403 disclosure_required`: sealed values leave only through an
/// approved disclosure.
///
/// ```swift
/// let groups = HeraldAPI.standardGroups + [AuditRoutes(log: auditLog, authentication: operatorAuthentication)]
/// ```
public struct AuditRoutes: HeraldRouteGroup {
    public static let basePath = "/v1/audit"
    /// Default and largest page of `GET /v1/audit/entries`.
    public static let defaultLimit = 100
    public static let maximumLimit = 1_000
    /// Most inclusion proofs one export may ask for.
    public static let maximumInclusionProofs = 100

    public let log: any AuditLogAccess
    public let authentication: any MiddlewareProtocol<Request, Response, HeraldRequestContext>
    public let disclosures: AuditDisclosures?

    /// - Parameters:
    ///   - authentication: admits auditors only; it must set ``HeraldRequestContext/caller`` and the operator.
    ///   - disclosures: serves `/v1/audit/disclosures`; without it those routes do not exist.
    public init(log: any AuditLogAccess, authentication: some RouterMiddleware<HeraldRequestContext>, disclosures: AuditDisclosures? = nil) {
        self.log = log
        self.authentication = authentication
        self.disclosures = disclosures
    }

    public func addRoutes(to router: Router<HeraldRequestContext>, services: HTTPServices) {
        let log = self.log
        let group = router.group(RouterPath(Self.basePath)).add(middleware: authentication)
        if let disclosures {
            AuditDisclosureRoutes(log: log, disclosures: disclosures).addRoutes(to: group, services: services)
        }

        group.get("checkpoint") { request, _ in
            _ = try Self.parameters(request, [])
            return Self.note(try await log.latestCheckpoint(), status: .ok)
        }

        group.post("checkpoint") { request, _ in
            _ = try Self.parameters(request, [])
            return Self.note(try await log.issueCheckpoint(), status: .created)
        }

        group.get("entries") { request, _ in
            let query = try Self.parameters(request, ["start", "limit", "sealed_values"])
            let page = try await log.entries(
                from: try query.integer("start", default: 0), limit: Int(try query.integer("limit", default: UInt64(Self.defaultLimit), maximum: UInt64(Self.maximumLimit))),
                includingSealedValues: try query.refusingSealedValues())
            return try JSONResponse.encode(AuditEntryPageAnswer(page), headers: Self.noStore)
        }

        group.get("proofs/inclusion") { request, _ in
            let query = try Self.parameters(request, ["index", "tree_size"])
            let proof = try await log.inclusionProof(leafIndex: try query.integer("index"), treeSize: try query.integer("tree_size"))
            return try JSONResponse.encode(AuditProofAnswer.Inclusion(proof))
        }

        group.get("proofs/consistency") { request, _ in
            let query = try Self.parameters(request, ["from", "to"])
            let proof = try await log.consistencyProof(from: try query.integer("from"), to: try query.integer("to"))
            return try JSONResponse.encode(AuditProofAnswer.Consistency(proof))
        }

        group.get("export") { request, _ in
            let query = try Self.parameters(request, ["sealed_values", "inclusion_proofs"])
            _ = try query.refusingSealedValues()
            let proofs = try query.integerList("inclusion_proofs", maximumCount: Self.maximumInclusionProofs)
            var headers = Self.noStore
            headers[.contentType] = "application/x-ndjson; charset=utf-8"
            headers[.contentDisposition] = "attachment; filename=\"herald-audit.jsonl\""
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                try await log.exportBundle(sealedValues: .none, inclusionProofsFor: proofs) { bytes in
                    try await writer.write(ByteBuffer(bytes: bytes))
                }
                try await writer.finish(nil)
            })
        }
    }

    static func parameters(_ request: Request, _ allowed: Set<String>) throws -> AuditQueryParameters {
        try AuditQueryParameters(request.uri.queryParameters.map { (key: String($0.key), value: String($0.value)) }, allowed: allowed)
    }

    static func note(_ checkpoint: AuditCheckpointRecord, status: HTTPResponse.Status) -> Response {
        var headers = noStore
        headers[.heraldAuditTreeSize] = String(checkpoint.size)
        return JSONResponse.raw(checkpoint.note, status: status, contentType: "text/plain; charset=utf-8", headers: headers)
    }

    static var noStore: HTTPFields {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        return headers
    }
}
