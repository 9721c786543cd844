import HeraldCore

/// Records the client address every send reports and throws the configured error, if any.
struct ObservingGuard: SendGuard {
    let knobs: APIHarness.Knobs

    func check(_ context: SendContext) async throws {
        knobs.seenClientAddresses.withLock { $0.append(context.clientAddress) }
        if let error = knobs.guardError.withLock({ $0 }) { throw error }
    }
}
