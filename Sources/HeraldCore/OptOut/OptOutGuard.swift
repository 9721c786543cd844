/// Refuses sends to a number that opted out of the account's messages (``OptOut``), with
/// `recipient_opted_out` (a policy refusal: HTTP 422, SMPP status in docs/customer-smpp.md).
///
/// Runs as one of ``MessageService``'s guards, so HTTP, SMPP and verification sends all honour opt-outs.
public struct OptOutGuard: SendGuard {
    public let store: any OptOutStore

    public init(store: any OptOutStore) {
        self.store = store
    }

    public func check(_ context: SendContext) async throws {
        guard let optOut = try await store.optOut(accountID: context.account.id, number: context.destination.e164) else { return }
        throw HeraldError.recipientOptedOut(keyword: optOut.keyword, at: optOut.optedOutAt)
    }
}

extension HeraldError {
    /// The refusal of a send to a number that opted out of the account's messages.
    public static func recipientOptedOut(keyword: String, at time: Timestamp) -> HeraldError {
        HeraldError(
            .policyBlocked, code: "recipient_opted_out",
            "the recipient opted out of this account's messages (sent \(keyword) on \(time.iso8601)); they can opt back in by sending START",
            field: "to")
    }
}
