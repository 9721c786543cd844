/// Storage port for reading opt-outs. They are written with the inbound message that carries the keyword
/// (``InboundStore/insertInbound(_:optOutChange:effects:)``).
public protocol OptOutStore: Sendable {
    /// The standing opt-out of `number` (E.164) from `accountID`'s messages, if any.
    func optOut(accountID: AccountID, number: String) async throws -> OptOut?
    /// The account's standing opt-outs, newest first, at most `limit`.
    func optOuts(accountID: AccountID, limit: Int) async throws -> [OptOut]
}
