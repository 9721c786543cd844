/// Assigns numbers and short codes to accounts (so replies sent to them reach the account) and finds a
/// number's owner. Every change is audited in the same transaction.
///
/// ```swift
/// let numbers = NumberAssignmentService(store: store, accounts: store, resolver: resolver, clock: clock)
/// try await numbers.assign("+4915123456789", to: account.id, actor: .cli("ops"))
/// try await numbers.owner(of: "4915123456789")   // the assignment, as a carrier writes the number
/// ```
public struct NumberAssignmentService: Sendable {
    public let store: any NumberAssignmentStore
    public let accounts: any AccountStore
    public let resolver: any NumberResolver
    public let clock: any HeraldClock

    public init(store: any NumberAssignmentStore, accounts: any AccountStore, resolver: any NumberResolver, clock: any HeraldClock) {
        self.store = store
        self.accounts = accounts
        self.resolver = resolver
        self.clock = clock
    }

    /// Assigns a long number (international format, stored as E.164) or a short code (3-8 digits) to an account.
    @discardableResult
    public func assign(_ text: String, to accountID: AccountID, actor: AuditActor) async throws -> AssignedNumber {
        let number = try normalized(text)
        guard try await accounts.account(accountID) != nil else { throw HeraldError.notFound("account \(accountID)") }
        let now = clock.now()
        let assignment = AssignedNumber(number: number, accountID: accountID, assignedAt: now)
        try await store.assignNumber(assignment, audit: [
            AuditEvent(at: now, actor: actor, action: "number.assign", target: number, details: ["account": accountID.rawValue, "number": number]),
        ])
        return assignment
    }

    /// Removes a number from an account. - Throws: `not_found` when the account does not hold it.
    public func unassign(_ text: String, from accountID: AccountID, actor: AuditActor) async throws {
        let key = AssignedNumber.key(for: text)
        let now = clock.now()
        let removed = try await store.unassignNumber(key: key, accountID: accountID, audit: [
            AuditEvent(at: now, actor: actor, action: "number.unassign", target: text, details: ["account": accountID.rawValue, "number": text]),
        ])
        guard removed else { throw HeraldError.notFound("number \(text.prefix(20)) of account \(accountID)") }
    }

    /// The assignment of a number or short code as written by a carrier (`4915…`, `+4915…`, `72345`), if any.
    public func owner(of text: String) async throws -> AssignedNumber? {
        let key = AssignedNumber.key(for: text)
        guard !key.isEmpty else { return nil }
        return try await store.assignedNumber(key: key)
    }

    public func numbers(of accountID: AccountID?) async throws -> [AssignedNumber] {
        try await store.assignedNumbers(accountID: accountID)
    }

    /// `+…` numbers must be valid E.164; bare digits of length 3-8 are short codes; anything else is refused.
    func normalized(_ text: String) throws -> String {
        let trimmed = text.filter { !" -().".contains($0) }
        if trimmed.hasPrefix("+") {
            do {
                return try resolver.resolve(trimmed, defaultRegion: nil).e164
            } catch {
                throw HeraldError.invalid("invalid_number", "'\(text.prefix(40))' is not a valid phone number in international format", field: "number")
            }
        }
        guard (3...8).contains(trimmed.count), trimmed.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw HeraldError.invalid("invalid_number", "a number must be in international format (+…) or a short code of 3-8 digits", field: "number")
        }
        return trimmed
    }
}
