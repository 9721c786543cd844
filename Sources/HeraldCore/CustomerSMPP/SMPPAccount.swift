/// An account's access to the customer SMPP listener: its credentials, how many binds it may hold, where it
/// may bind from, and its throughput there.
///
/// Only a hash of the password is stored (see ``SMPPPasswordHasher``). Changed through
/// ``SMPPAccountService``, which audits every change.
public struct SMPPAccount: Sendable, Equatable {
    public var accountID: AccountID
    /// The `system_id` the account binds with; unique across accounts.
    public var systemID: String
    /// ``SMPPPasswordHasher`` output.
    public var passwordHash: String
    /// Simultaneous binds (any type) the account may hold on one node.
    public var maximumBinds: Int
    /// Source address ranges binds are accepted from; empty accepts any address.
    public var allowedNetworks: [IPNetwork]
    /// Requests (submit_sm, data_sm) the account may have awaiting a response, across its binds.
    public var window: Int
    /// Requests per second the account may send, across its binds.
    public var messagesPerSecond: Double
    public var createdAt: Timestamp
    public var updatedAt: Timestamp

    public init(
        accountID: AccountID, systemID: String, passwordHash: String, maximumBinds: Int = SMPPAccount.defaultMaximumBinds,
        allowedNetworks: [IPNetwork] = [], window: Int = SMPPAccount.defaultWindow,
        messagesPerSecond: Double = SMPPAccount.defaultMessagesPerSecond, createdAt: Timestamp, updatedAt: Timestamp? = nil
    ) {
        self.accountID = accountID
        self.systemID = systemID
        self.passwordHash = passwordHash
        self.maximumBinds = maximumBinds
        self.allowedNetworks = allowedNetworks
        self.window = window
        self.messagesPerSecond = messagesPerSecond
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
    }

    public static let defaultMaximumBinds = 4
    public static let defaultWindow = 10
    public static let defaultMessagesPerSecond = 50.0

    /// Limits of the settings, checked by ``SMPPAccountService``.
    public static let bindLimitRange = 1...100
    public static let windowRange = 1...1000
    public static let messagesPerSecondRange = 0.1...10_000.0
    public static let maximumAllowedNetworks = 100

    /// The window and requests per second together.
    public var throughput: SMPPThroughput {
        get { SMPPThroughput(window: window, messagesPerSecond: messagesPerSecond) }
        set {
            window = newValue.window
            messagesPerSecond = newValue.messagesPerSecond
        }
    }

    /// Whether a bind from `address` (textual IP) is allowed; an unknown address is allowed only when no
    /// range is configured.
    public func allows(address: String?) -> Bool {
        guard !allowedNetworks.isEmpty else { return true }
        guard let address else { return false }
        return allowedNetworks.contains { $0.contains(address) }
    }
}
