import HeraldCore
import SMPP
import Synchronization

/// The listener's view of who is bound: which account each session belongs to, how many binds each
/// account holds (for its bind limit), and how many of its requests await a response (for its window).
///
/// A bind is counted from the moment it is accepted; an accepted bind whose session never completes
/// (connection lost in between) stops counting after ``pendingLifetime``.
final class BindRegistry: Sendable {
    struct Binding: Sendable {
        var accountID: AccountID
        var session: SMPPServerSession
    }

    private struct Pending: Sendable {
        var accountID: AccountID
        var since: ContinuousClock.Instant
    }

    private struct State: Sendable {
        var pending: [SMPPSessionID: Pending] = [:]
        var bound: [SMPPSessionID: Binding] = [:]
        var inFlight: [AccountID: Int] = [:]
        var rotation = 0
    }

    private let state = Mutex(State())
    let pendingLifetime: Duration

    init(pendingLifetime: Duration = .seconds(30)) {
        self.pendingLifetime = pendingLifetime
    }

    /// Counts a new bind of `access`'s account for `session` unless the account holds its maximum already.
    func reserve(_ access: SMPPAccount, session: SMPPSessionID) -> Bool {
        let now = ContinuousClock.now
        return state.withLock { state in
            state.pending = state.pending.filter { now - $0.value.since < pendingLifetime }
            let count = state.bound.values.filter { $0.accountID == access.accountID }.count
                + state.pending.values.filter { $0.accountID == access.accountID }.count
            guard count < access.maximumBinds else { return false }
            state.pending[session] = Pending(accountID: access.accountID, since: now)
            return true
        }
    }

    /// Forgets a reservation whose bind was refused after all.
    func release(_ session: SMPPSessionID) {
        _ = state.withLock { $0.pending.removeValue(forKey: session) }
    }

    /// The session finished binding; returns its account (nil when it was not reserved).
    @discardableResult
    func bound(_ session: SMPPServerSession) -> AccountID? {
        state.withLock { state in
            guard let pending = state.pending.removeValue(forKey: session.id) else { return nil }
            state.bound[session.id] = Binding(accountID: pending.accountID, session: session)
            return pending.accountID
        }
    }

    /// The session closed; returns its account.
    @discardableResult
    func closed(_ session: SMPPServerSession) -> AccountID? {
        state.withLock { $0.bound.removeValue(forKey: session.id)?.accountID }
    }

    func account(of session: SMPPSessionID) -> AccountID? {
        state.withLock { $0.bound[session]?.accountID }
    }

    /// Accounts with at least one receiver or transceiver bind.
    var receivingAccounts: [AccountID] {
        state.withLock { state in Array(Set(state.bound.values.filter { $0.session.bindType.canReceive }.map(\.accountID))) }
    }

    /// One receiving session of the account, rotating between them.
    func receiver(for accountID: AccountID) -> SMPPServerSession? {
        state.withLock { state in
            let sessions = state.bound.values.filter { $0.accountID == accountID && $0.session.bindType.canReceive }.map(\.session)
                .sorted { $0.id.rawValue < $1.id.rawValue }
            guard !sessions.isEmpty else { return nil }
            state.rotation &+= 1
            return sessions[state.rotation % sessions.count]
        }
    }

    /// Binds the account holds (bound or being bound).
    func bindCount(of accountID: AccountID) -> Int {
        state.withLock { state in
            state.bound.values.filter { $0.accountID == accountID }.count + state.pending.values.filter { $0.accountID == accountID }.count
        }
    }

    /// Takes a window slot of the account; `false` when `window` requests already await a response.
    func enterWindow(_ accountID: AccountID, window: Int) -> Bool {
        state.withLock { state in
            let current = state.inFlight[accountID, default: 0]
            guard current < window else { return false }
            state.inFlight[accountID] = current + 1
            return true
        }
    }

    func leaveWindow(_ accountID: AccountID) {
        state.withLock { state in
            let current = state.inFlight[accountID, default: 0]
            state.inFlight[accountID] = current > 1 ? current - 1 : nil
        }
    }
}
