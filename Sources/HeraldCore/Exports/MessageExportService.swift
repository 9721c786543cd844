/// Hands out approved message exports: checks that the caller is the proposer or the approver and that the
/// export is still downloadable, records the download (once, audited), then produces the messages page by
/// page. Nothing is written to disk: the export is produced while it is downloaded.
///
/// ```swift
/// let export = try await exports.claim(id, by: bob.actor)
/// try await exports.produce(export) { page in for message in page { write(try HeraldJSON.text(message) + "\n") } }
/// ```
public struct MessageExportService: Sendable {
    public let store: any MessageExportStore & MessageStore & AuditQueueStore
    public let clock: any HeraldClock
    /// Messages read per page while producing an export.
    public let pageSize: Int

    public init(store: any MessageExportStore & MessageStore & AuditQueueStore, clock: any HeraldClock, pageSize: Int = 500) {
        self.store = store
        self.clock = clock
        self.pageSize = pageSize
    }

    public func export(_ id: ProposalID) async throws -> MessageExport {
        guard let export = try await store.messageExport(id) else { throw HeraldError.notFound("export \(id)") }
        return export
    }

    public func exports(limit: Int = 100) async throws -> [MessageExport] {
        try await store.messageExports(limit: limit)
    }

    /// Records that `actor` downloads the export now; refused (and audited) when the actor is neither its
    /// proposer nor its approver, when it was downloaded already, or when its download window ended.
    public func claim(_ id: ProposalID, by actor: AuditActor) async throws -> MessageExport {
        let export = try await self.export(id)
        let now = clock.now()
        func refuse(_ reason: String, _ error: HeraldError) async throws -> Never {
            try await store.appendAudit([
                AuditEvent(at: now, actor: actor, action: "messages.export.download", target: id.rawValue, outcome: "denied", details: ["reason": reason]),
            ])
            throw error
        }
        guard actor.description == export.proposedBy || actor.description == export.approvedBy else {
            try await refuse("not_permitted", HeraldError(
                .forbidden, code: "export_not_permitted", "only the operators who proposed and approved \(id) may download it"))
        }
        if let downloadedAt = export.downloadedAt {
            try await refuse("already_downloaded", HeraldError(
                .conflict, code: "export_already_downloaded",
                "\(id) was downloaded at \(downloadedAt.iso8601) by \(export.downloadedBy ?? "?"); an export can be downloaded once, propose another"))
        }
        guard now < export.expiresAt else {
            try await refuse("expired", HeraldError(
                .conflict, code: "export_expired", "the download window of \(id) ended at \(export.expiresAt.iso8601); propose another export"))
        }
        let claimed = try await store.claimMessageExport(id, by: actor.description, at: now, audit: [
            AuditEvent(
                at: now, actor: actor, action: "messages.export.download", target: id.rawValue,
                details: ["account": export.accountID.rawValue, "from": export.from.iso8601, "to": export.to.iso8601]),
        ])
        guard claimed else {
            try await refuse("already_downloaded", HeraldError(
                .conflict, code: "export_already_downloaded", "\(id) was downloaded already; an export can be downloaded once, propose another"))
        }
        var claimedExport = export
        claimedExport.downloadedAt = now
        claimedExport.downloadedBy = actor.description
        return claimedExport
    }

    /// Reads the export's messages (newest first) and hands them to `body` a page at a time.
    public func produce(_ export: MessageExport, _ body: ([MessageResource]) async throws -> Void) async throws {
        var after: MessageID?
        while true {
            let page = try await store.messages(matching: MessageQuery(
                accountID: export.accountID, createdFrom: export.from, createdBefore: export.to, startingAfter: after, limit: pageSize))
            if page.isEmpty { return }
            try await body(page.map(MessageResource.init))
            if page.count < pageSize { return }
            after = page.last?.id
        }
    }
}
