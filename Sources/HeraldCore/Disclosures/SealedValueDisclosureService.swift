/// Hands out approved sealed-value disclosures: checks that the caller is the auditor who asked for it and
/// that it is still downloadable, records the download (once, audited), then writes an audit bundle in which
/// only the disclosed entries carry their sealed values. Nothing is written to disk.
///
/// ```swift
/// let disclosure = try await disclosures.claim(id, by: auditor.actor)
/// try await disclosures.produce(disclosure) { bytes in try await writer.write(bytes) }
/// ```
public struct SealedValueDisclosureService: Sendable {
    public let store: any SealedValueDisclosureStore & AuditQueueStore
    public let log: any AuditLogAccess
    public let clock: any HeraldClock

    public init(store: any SealedValueDisclosureStore & AuditQueueStore, log: any AuditLogAccess, clock: any HeraldClock) {
        self.store = store
        self.log = log
        self.clock = clock
    }

    public func disclosure(_ id: ProposalID) async throws -> SealedValueDisclosure {
        guard let disclosure = try await store.sealedValueDisclosure(id) else { throw HeraldError.notFound("disclosure \(id)") }
        return disclosure
    }

    public func disclosures(limit: Int = 100) async throws -> [SealedValueDisclosure] {
        try await store.sealedValueDisclosures(limit: limit)
    }

    /// Records that `actor` downloads the disclosure now; refused (and audited) when the actor is not the
    /// auditor who asked for it, when it was downloaded already, or when its download window ended.
    public func claim(_ id: ProposalID, by actor: AuditActor) async throws -> SealedValueDisclosure {
        let gate = OneTimeDownloadGate(audit: store, action: "audit.disclosure.download")
        let now = clock.now()
        guard let disclosure = try await store.sealedValueDisclosure(id) else {
            try await gate.refuse(id, "not_found", HeraldError.notFound("disclosure \(id)"), by: actor, at: now)
        }
        return try await gate.claim(
            disclosure, by: actor, at: now, permitted: actor.description == disclosure.requestedBy,
            refusals: .init(
                notPermitted: HeraldError(.forbidden, code: "disclosure_not_permitted", "only the auditor who asked for \(id) may download it"),
                alreadyDownloaded: HeraldError(
                    .conflict, code: "disclosure_already_downloaded", "\(id) was downloaded already; a disclosure can be downloaded once, ask for another"),
                expired: HeraldError(
                    .conflict, code: "disclosure_expired",
                    "the download window of \(id) ended at \(disclosure.expiresAt.iso8601); ask for another disclosure")),
            details: ["first_index": String(disclosure.entries.lowerBound), "end_index": String(disclosure.entries.upperBound)]
        ) { actor, time, audit in
            try await store.claimSealedValueDisclosure(id, by: actor, at: time, audit: audit)
        }
    }

    /// Writes the audit bundle of the disclosure: every entry, the disclosed ones with their sealed values
    /// (those retention has not erased).
    @discardableResult
    public func produce(_ disclosure: SealedValueDisclosure, write: ([UInt8]) async throws -> Void) async throws -> AuditExportSummary {
        try await log.exportBundle(sealedValues: .entries(disclosure.entries), inclusionProofsFor: [], write: write)
    }
}
