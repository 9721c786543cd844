/// The checks every ``OneTimeDownload`` passes before it is handed out, each refusal audited as the
/// download `action` with outcome `denied` and the reason: the caller must be permitted, it must not have
/// been downloaded, its window must not have ended, and the store must record the download (with its audit
/// event) before anyone else's.
///
/// ```swift
/// let gate = OneTimeDownloadGate(audit: store, action: "messages.export.download")
/// let claimed = try await gate.claim(export, by: actor, at: now, permitted: …, refusals: …, details: […]) { actor, time, audit in
///     try await store.claimMessageExport(export.id, by: actor, at: time, audit: audit)
/// }
/// ```
struct OneTimeDownloadGate: Sendable {
    /// The errors of the three refusals, worded for the kind of download.
    struct Refusals: Sendable {
        var notPermitted: HeraldError
        var alreadyDownloaded: HeraldError
        var expired: HeraldError
    }

    let audit: any AuditQueueStore
    /// The audit action of a download, e.g. `messages.export.download`.
    let action: String

    func claim<Download: OneTimeDownload>(
        _ download: Download, by actor: AuditActor, at now: Timestamp, permitted: Bool, refusals: Refusals, details: [String: String],
        record: (_ actor: String, _ time: Timestamp, _ audit: [AuditEvent]) async throws -> Bool
    ) async throws -> Download {
        guard permitted else { try await refuse(download.id, "not_permitted", refusals.notPermitted, by: actor, at: now) }
        if download.downloadedAt != nil { try await refuse(download.id, "already_downloaded", refusals.alreadyDownloaded, by: actor, at: now) }
        guard now < download.expiresAt else { try await refuse(download.id, "expired", refusals.expired, by: actor, at: now) }
        let event = AuditEvent(at: now, actor: actor, action: action, target: download.id.rawValue, details: details)
        guard try await record(actor.description, now, [event]) else {
            try await refuse(download.id, "already_downloaded", refusals.alreadyDownloaded, by: actor, at: now)
        }
        var claimed = download
        claimed.downloadedAt = now
        claimed.downloadedBy = actor.description
        return claimed
    }

    /// Audits a refused download of `id` and throws `error`.
    func refuse(_ id: ProposalID, _ reason: String, _ error: HeraldError, by actor: AuditActor, at now: Timestamp) async throws -> Never {
        try await audit.appendAudit([
            AuditEvent(at: now, actor: actor, action: action, target: id.rawValue, outcome: "denied", details: ["reason": reason]),
        ])
        throw error
    }
}
