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
        return try await OneTimeDownloadGate(audit: store, action: "messages.export.download").claim(
            export, by: actor, at: clock.now(), permitted: actor.description == export.proposedBy || actor.description == export.approvedBy,
            refusals: .init(
                notPermitted: HeraldError(.forbidden, code: "export_not_permitted", "only the operators who proposed and approved \(id) may download it"),
                alreadyDownloaded: HeraldError(
                    .conflict, code: "export_already_downloaded", "\(id) was downloaded already; an export can be downloaded once, propose another"),
                expired: HeraldError(
                    .conflict, code: "export_expired", "the download window of \(id) ended at \(export.expiresAt.iso8601); propose another export")),
            details: ["account": export.accountID.rawValue, "from": export.from.iso8601, "to": export.to.iso8601]
        ) { actor, time, audit in
            try await store.claimMessageExport(id, by: actor, at: time, audit: audit)
        }
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
