import Logging
import Metrics
import Synchronization

/// Watches verification traffic per number range for SMS pumping (bursts to adjacent numbers whose codes
/// are never used) and blocks ranges that show it.
///
/// Traffic is counted per range for each account and for all accounts together, in a short sliding window
/// (the burst) and a long one (the range's normal conversion). When ``FraudHeuristics`` sees a burst whose
/// conversion is far below the baseline, the range is blocked — for that account, or for everyone when the
/// pattern shows across accounts — and the block is stored with an audit event (`fraud.block`) and counted
/// in `herald_fraud_blocks_total`. Numbers and ranges on an account's safe list bypass the guard.
///
/// ```swift
/// let guardian = FraudGuard(configuration: FraudGuardConfiguration(), store: store, clock: clock, random: random, logger: logger)
/// let target = guardian.target(for: resolvedNumber)
/// let screening = try await guardian.screen(target, e164: resolvedNumber.e164, accountID: account.id)
/// if !screening.isSafeListed { try await guardian.recordSend(target, accountID: account.id) }
/// // … later, when the code is approved:
/// await guardian.recordApproval(target, accountID: account.id, sentAt: sendTime)
/// ```
///
/// Traffic is counted by a ``FraudTrafficCounter``: in this node's memory by default, or shared by every node
/// of a cluster (PostgreSQL). Blocks are shared through the store and re-read every
/// ``FraudGuardConfiguration/refreshInterval``.
public final class FraudGuard: Sendable {
    /// The result of ``screen(_:e164:accountID:)`` for a number that is not blocked.
    public struct Screening: Sendable, Equatable {
        /// The account safe-listed the number or its range: do not count or block it.
        public var isSafeListed: Bool
    }

    private struct CachedSafeList {
        var entries: [SafeListEntry]
        var loadedAt: Timestamp
    }

    private struct State {
        /// Blocks created within the escalation look-back (active and past), by id.
        var blocks: [FraudBlockID: FraudBlock] = [:]
        /// Blocks (and their audit) decided here but not yet stored.
        var unsaved: [FraudBlockID: [AuditEvent]] = [:]
        var loadedAt: Timestamp?
        var safeLists: [AccountID: CachedSafeList] = [:]
    }

    public let configuration: FraudGuardConfiguration
    private let store: any FraudStore
    private let traffic: any FraudTrafficCounter
    private let clock: any HeraldClock
    private let random: any RandomSource
    private let logger: Logger
    private let state = Mutex(State())
    private let accountBlocks: Counter
    private let globalBlocks: Counter
    private let refusals: Counter

    /// - Parameter traffic: where sends and approvals are counted; `nil` counts in this node's memory
    ///   (``InMemoryFraudTrafficCounter``).
    public init(
        configuration: FraudGuardConfiguration, store: any FraudStore, traffic: (any FraudTrafficCounter)? = nil, clock: any HeraldClock,
        random: any RandomSource, logger: Logger, metrics: any MetricsFactory = MetricsSystem.factory
    ) {
        self.configuration = configuration
        self.store = store
        self.traffic = traffic ?? InMemoryFraudTrafficCounter(configuration: configuration)
        self.clock = clock
        self.random = random
        self.logger = logger
        accountBlocks = Counter(label: "herald_fraud_blocks_total", dimensions: [("scope", "account")], factory: metrics)
        globalBlocks = Counter(label: "herald_fraud_blocks_total", dimensions: [("scope", "global")], factory: metrics)
        refusals = Counter(label: "herald_fraud_refusals_total", dimensions: [], factory: metrics)
    }

    /// The range and network of a number, as this guard groups them.
    public func target(for number: ResolvedNumber) -> FraudTarget {
        FraudTarget(number: number, suffixDigits: configuration.suffixDigits)
    }

    // MARK: Screening and counting

    /// Throws `fraud_prefix_blocked` (category `.policyBlocked`) when an active block covers the number for
    /// this account, unless the account safe-listed it.
    public func screen(_ target: FraudTarget, e164: String, accountID: AccountID) async throws -> Screening {
        let safeList = try await safeListCached(accountID: accountID)
        if safeList.contains(where: { $0.matches(e164: e164) }) { return Screening(isSafeListed: true) }
        try await refreshIfStale()
        let now = clock.now()
        let block = state.withLock { state in
            state.blocks.values.filter { $0.isActive(at: now) && $0.covers(target, accountID: accountID) }.max { $0.expiresAt < $1.expiresAt }
        }
        if let block {
            refusals.increment()
            throw Self.blockedError(block, now: now)
        }
        return Screening(isSafeListed: false)
    }

    /// Counts a send to `target` and evaluates the range. When this send completes a pumping pattern the
    /// range is blocked (stored, audited, counted) and the send is refused with `fraud_prefix_blocked`.
    ///
    /// When the traffic counter fails (a shared counter's database is unreachable) the send is let through
    /// unjudged and the failure logged: counting never becomes the reason a verification fails.
    public func recordSend(_ target: FraudTarget, accountID: AccountID) async throws {
        guard configuration.enabled else { return }
        let now = clock.now()
        let accountKey = Self.accountKey(accountID, target)
        let globalKey = Self.globalKey(target)
        let snapshot: FraudTrafficSnapshot
        do {
            snapshot = try await traffic.recordSend(rangeKeys: [accountKey, globalKey], accountKey: accountID.rawValue, suffix: target.suffix, at: now)
        } catch {
            logger.error("counting a verification send failed; the send is not judged", metadata: ["error": "\(error)"])
            return
        }
        let decided = state.withLock { state -> FraudBlock? in
            if let thresholds = configuration.global, let evidence = evaluate(snapshot, key: globalKey, accountHistory: nil, thresholds: thresholds) {
                return block(in: &state, target: target, accountID: nil, evidence: evidence, now: now)
            }
            if let evidence = evaluate(snapshot, key: accountKey, accountHistory: snapshot.account, thresholds: configuration.perAccount) {
                return block(in: &state, target: target, accountID: accountID, evidence: evidence, now: now)
            }
            return nil
        }
        guard let decided else { return }
        // Start the range afresh, so a lifted or ended block is judged on new traffic.
        do {
            try await traffic.resetRange(decided.accountID == nil ? globalKey : accountKey)
        } catch {
            logger.error("resetting the traffic of a blocked range failed", metadata: ["block": "\(decided.id)", "error": "\(error)"])
        }
        (decided.accountID == nil ? globalBlocks : accountBlocks).increment()
        refusals.increment()
        logger.warning("fraud guard blocked a number range", metadata: [
            "block": "\(decided.id)", "prefix": "\(decided.prefix)", "network": "\(decided.network ?? "-")",
            "scope": "\(decided.accountID?.rawValue ?? "all")", "level": "\(decided.level)", "until": "\(decided.expiresAt)",
            "sends": "\(decided.evidence.sends)", "approvals": "\(decided.evidence.approvals)",
            "distinct_numbers": "\(decided.evidence.distinctNumbers)", "baseline": "\(decided.evidence.baseline)",
        ])
        await saveUnsaved()
        throw Self.blockedError(decided, now: now)
    }

    /// Counts an approved verification whose code was sent at `sentAt` (conversion is measured against the
    /// send it confirms). A failure of the traffic counter is logged, not thrown.
    public func recordApproval(_ target: FraudTarget, accountID: AccountID, sentAt: Timestamp) async {
        guard configuration.enabled else { return }
        do {
            try await traffic.recordApproval(
                rangeKeys: [Self.accountKey(accountID, target), Self.globalKey(target)], accountKey: accountID.rawValue, suffix: target.suffix,
                sentAt: sentAt, at: clock.now())
        } catch {
            logger.error("counting a verification approval failed", metadata: ["error": "\(error)"])
        }
    }

    // MARK: Blocks

    /// Active blocks that apply to `accountID` (its own and those for every account), or every active block
    /// when `accountID` is nil (operators).
    public func activeBlocks(accountID: AccountID?) async throws -> [FraudBlock] {
        try await refreshIfStale()
        let now = clock.now()
        return state.withLock { state in
            state.blocks.values.filter { block in
                block.isActive(at: now) && (accountID == nil || block.accountID == nil || block.accountID == accountID)
            }.sorted { $0.createdAt < $1.createdAt }
        }
    }

    /// Lifts a block before it ends (an operator decided the traffic was genuine).
    public func lift(_ id: FraudBlockID, actor: AuditActor) async throws {
        let now = clock.now()
        let audit = AuditEvent(at: now, actor: actor, action: "fraud.unblock", target: "fraud_block:\(id.rawValue)")
        guard try await store.liftFraudBlock(id, at: now, by: actor.description, audit: [audit]) else {
            throw HeraldError.notFound("fraud block \(id)")
        }
        state.withLock { state in
            state.blocks[id]?.liftedAt = now
            state.blocks[id]?.liftedBy = actor.description
        }
    }

    /// Re-reads stored blocks (and retries storing blocks that could not be written).
    public func refresh() async throws {
        await saveUnsaved()
        let now = clock.now()
        let stored = try await store.fraudBlocks(createdSince: now.adding(.zero - configuration.escalationLookback))
        state.withLock { state in
            var blocks: [FraudBlockID: FraudBlock] = [:]
            for block in stored { blocks[block.id] = block }
            // Blocks decided here but not (yet) readable from the store stay enforced.
            let recent = now.adding(.zero - configuration.refreshInterval * 2)
            for (id, block) in state.blocks where blocks[id] == nil && (state.unsaved[id] != nil || block.createdAt >= recent) {
                blocks[id] = block
            }
            state.blocks = blocks
            state.loadedAt = now
        }
    }

    // MARK: Safe list

    public func safeList(accountID: AccountID) async throws -> [SafeListEntry] {
        try await store.safeListEntries(accountID: accountID)
    }

    /// Adds a number or range (see ``SafeListEntry/normalize(_:)``) to the account's safe list.
    @discardableResult
    public func addToSafeList(accountID: AccountID, value: String, note: String?, actor: AuditActor) async throws -> SafeListEntry {
        let normalized = try SafeListEntry.normalize(value)
        if let note, note.count > 200 { throw HeraldError.invalid("invalid_note", "'note' may have at most 200 characters", field: "note") }
        let existing = try await store.safeListEntries(accountID: accountID)
        if !existing.contains(where: { $0.value == normalized }), existing.count >= configuration.maximumSafeListEntries {
            throw HeraldError(.conflict, code: "safe_list_full", "a safe list holds at most \(configuration.maximumSafeListEntries) entries")
        }
        let now = clock.now()
        let entry = SafeListEntry(accountID: accountID, value: normalized, note: note, createdAt: now)
        try await store.upsertSafeListEntry(entry, audit: [
            AuditEvent(at: now, actor: actor, action: "fraud.safe_list.add", target: accountID.rawValue, details: ["value": normalized]),
        ])
        _ = state.withLock { $0.safeLists.removeValue(forKey: accountID) }
        return entry
    }

    public func removeFromSafeList(accountID: AccountID, value: String, actor: AuditActor) async throws {
        let normalized = try SafeListEntry.normalize(value)
        let now = clock.now()
        let removed = try await store.deleteSafeListEntry(accountID: accountID, value: normalized, audit: [
            AuditEvent(at: now, actor: actor, action: "fraud.safe_list.remove", target: accountID.rawValue, details: ["value": normalized]),
        ])
        _ = state.withLock { $0.safeLists.removeValue(forKey: accountID) }
        guard removed else { throw HeraldError.notFound("safe-list entry \(normalized)") }
    }

    // MARK: Internals

    static func blockedError(_ block: FraudBlock, now: Timestamp) -> HeraldError {
        let seconds = max(1, Int((block.expiresAt.milliseconds(since: now) + 999) / 1000))
        return HeraldError(
            .policyBlocked, code: "fraud_prefix_blocked",
            "verifications to this number range are paused until \(block.expiresAt.iso8601): the fraud guard saw signs of SMS pumping. "
                + "Numbers your users really own can be added to your safe list.",
            field: "to", retryAfterSeconds: seconds)
    }

    private static func accountKey(_ accountID: AccountID, _ target: FraudTarget) -> String { "\(accountID.rawValue)|\(target.key)" }
    private static func globalKey(_ target: FraudTarget) -> String { "*|\(target.key)" }

    private func evaluate(
        _ snapshot: FraudTrafficSnapshot, key: String, accountHistory: FraudTrafficTotals?, thresholds: FraudGuardConfiguration.Thresholds
    ) -> FraudEvidence? {
        guard let traffic = snapshot.ranges[key] else { return nil }
        let input = FraudHeuristics.Input(
            window: traffic.window, rangeHistory: traffic.history - traffic.window, accountHistory: accountHistory)
        return FraudHeuristics.evaluate(input, thresholds: thresholds, configuration: configuration)
    }

    private func block(in state: inout State, target: FraudTarget, accountID: AccountID?, evidence: FraudEvidence, now: Timestamp) -> FraudBlock {
        let lookback = now.adding(.zero - configuration.escalationLookback)
        var candidate = FraudBlock(
            id: FraudBlockID.generate(at: now, random: random), accountID: accountID, prefix: target.prefix, network: target.network,
            regionCode: target.regionCode, level: 1, reason: "sms_pumping", evidence: evidence, createdAt: now, expiresAt: now)
        let earlier = state.blocks.values.filter { $0.sameScope(as: candidate) && $0.createdAt >= lookback }.count
        candidate.level = earlier + 1
        candidate.expiresAt = now.adding(configuration.blockLength(level: candidate.level))
        state.blocks[candidate.id] = candidate
        state.unsaved[candidate.id] = [Self.auditEvent(for: candidate)]
        return candidate
    }

    static func auditEvent(for block: FraudBlock) -> AuditEvent {
        var details = [
            "scope": block.accountID == nil ? "all_accounts" : "account",
            "prefix": block.prefix, "region": block.regionCode, "level": String(block.level), "expires_at": block.expiresAt.iso8601,
            "reason": block.reason, "sends": String(block.evidence.sends), "approvals": String(block.evidence.approvals),
            "distinct_numbers": String(block.evidence.distinctNumbers), "conversion": format2(block.evidence.conversion),
            "baseline": format2(block.evidence.baseline), "baseline_source": block.evidence.baselineSource,
        ]
        if let accountID = block.accountID { details["account"] = accountID.rawValue }
        if let network = block.network { details["network"] = network }
        return AuditEvent(at: block.createdAt, actor: .system("fraud_guard"), action: "fraud.block", target: "fraud_block:\(block.id.rawValue)", details: details)
    }

    private static func format2(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// Until the first load every caller waits for it; afterwards one caller refreshes a stale copy while the
    /// others go on with the copy they have (so a busy node does not read the blocks once per request).
    private func refreshIfStale() async throws {
        let now = clock.now()
        let interval = SlidingWindow.milliseconds(configuration.refreshInterval)
        enum Plan { case none, claimed(previous: Timestamp), initial }
        let plan = state.withLock { state -> Plan in
            guard let loadedAt = state.loadedAt else { return .initial }
            guard now.milliseconds(since: loadedAt) >= interval else { return .none }
            state.loadedAt = now  // claim this refresh
            return .claimed(previous: loadedAt)
        }
        switch plan {
        case .none:
            return
        case .initial:
            try await refresh()
        case .claimed(let previous):
            do {
                try await refresh()
            } catch {
                // Keep enforcing what is known; let the next caller try again.
                state.withLock { $0.loadedAt = previous }
                logger.error("re-reading fraud blocks failed", metadata: ["error": "\(error)"])
            }
        }
    }

    private func saveUnsaved() async {
        // Take ownership of the unsaved blocks so concurrent callers never insert one twice.
        let pending = state.withLock { state -> [(FraudBlock, [AuditEvent])] in
            defer { state.unsaved.removeAll() }
            return state.unsaved.compactMap { id, audit in state.blocks[id].map { ($0, audit) } }
        }
        for (block, audit) in pending {
            do {
                try await store.insertFraudBlock(block, audit: audit)
            } catch {
                // Keep enforcing the block from memory and retry on the next refresh.
                logger.error("storing a fraud block failed; will retry", metadata: ["block": "\(block.id)", "error": "\(error)"])
                state.withLock { $0.unsaved[block.id] = audit }
            }
        }
    }

    private func safeListCached(accountID: AccountID) async throws -> [SafeListEntry] {
        let now = clock.now()
        let ttl = SlidingWindow.milliseconds(configuration.safeListCacheDuration)
        if let cached = state.withLock({ $0.safeLists[accountID] }), now.milliseconds(since: cached.loadedAt) < ttl {
            return cached.entries
        }
        let entries = try await store.safeListEntries(accountID: accountID)
        state.withLock { state in
            if state.safeLists.count >= 10_000 { state.safeLists.removeAll(keepingCapacity: true) }
            state.safeLists[accountID] = CachedSafeList(entries: entries, loadedAt: now)
        }
        return entries
    }
}
