import HeraldCore
import SMSText
import Synchronization

/// Joins the parts of customers' multipart submissions (UDH 8/16-bit reference or SAR TLVs) into one text,
/// per account, in memory.
///
/// The Herald message id is fixed when the first part arrives, so every part's `submit_sm_resp` carries the
/// same id. A message whose parts stop arriving is given up after the timeout (reported as
/// ``Abandoned``, so a receipt can say so).
final class MultipartAssembler: Sendable {
    /// What a part did.
    enum Outcome: Sendable, Equatable {
        /// The submission is not part of a multipart message.
        case single
        /// The part was held; the message waits for more.
        case pending(MessageID)
        /// This part was received before; ignored.
        case duplicate(MessageID)
        /// The last missing part arrived.
        case completed(text: String, messageID: MessageID, receiptRequest: ReceiptRequest?, parts: Int)
    }

    /// A multipart message given up before all its parts arrived.
    struct Abandoned: Sendable, Equatable {
        var accountID: AccountID
        var messageID: MessageID
        var receiptRequest: ReceiptRequest?
        var to: String
        var from: String?
        var firstReceivedAt: Timestamp
        var parts: Int
    }

    private struct Entry: Sendable {
        var accountID: AccountID
        var messageID: MessageID
        var receiptRequest: ReceiptRequest?
        var to: String
        var from: String?
        var firstReceivedAt: Timestamp
    }

    private struct State: Sendable {
        var reassembler: Reassembler
        var entries: [ReassemblyKey: Entry] = [:]
    }

    private let state: Mutex<State>

    init(timeout: Duration, maximumPendingMessages: Int = 10_000) {
        state = Mutex(State(reassembler: Reassembler(configuration: ReassemblerConfiguration(timeout: timeout, maxPendingMessages: maximumPendingMessages))))
    }

    /// Adds a part. `newID` gives the id of a message whose first part this is.
    func add(_ submission: CustomerSubmission, accountID: AccountID, at now: Timestamp, newID: () -> MessageID) -> (Outcome, [Abandoned]) {
        guard let info = submission.part.concatenation, info.isValid, info.total > 1 else { return (.single, expire()) }
        return state.withLock { state in
            let outcome = state.reassembler.receive(
                submission.part, source: accountID.rawValue + "/" + submission.sourceAddress, destination: submission.destinationAddress)
            let abandoned = outcome.dropped.compactMap { Self.abandon($0, from: &state) }
            switch outcome.status {
            case .completed(let message):
                let entry = message.key.flatMap { state.entries.removeValue(forKey: $0) }
                let request = Self.stronger(entry?.receiptRequest, submission.receiptRequest)
                let id = entry?.messageID ?? newID()
                return (.completed(text: message.text ?? "", messageID: id, receiptRequest: request, parts: message.parts.count), abandoned)
            case .pending(let key, _, _):
                if var entry = state.entries[key] {
                    entry.receiptRequest = Self.stronger(entry.receiptRequest, submission.receiptRequest)
                    state.entries[key] = entry
                    return (.pending(entry.messageID), abandoned)
                }
                let entry = Entry(
                    accountID: accountID, messageID: newID(), receiptRequest: submission.receiptRequest, to: submission.to, from: submission.from,
                    firstReceivedAt: now)
                state.entries[key] = entry
                return (.pending(entry.messageID), abandoned)
            case .duplicate(let key, _):
                guard let entry = state.entries[key] else { return (.single, abandoned) }
                return (.duplicate(entry.messageID), abandoned)
            }
        }
    }

    /// Gives up the messages whose latest part is older than the timeout.
    func expire() -> [Abandoned] {
        state.withLock { state in
            state.reassembler.expireStale().compactMap { Self.abandon($0, from: &state) }
        }
    }

    /// Incomplete messages held.
    var pendingCount: Int { state.withLock { $0.entries.count } }

    private static func abandon(_ incomplete: IncompleteMessage, from state: inout State) -> Abandoned? {
        guard let entry = state.entries.removeValue(forKey: incomplete.key) else { return nil }
        return Abandoned(
            accountID: entry.accountID, messageID: entry.messageID, receiptRequest: entry.receiptRequest, to: entry.to, from: entry.from,
            firstReceivedAt: entry.firstReceivedAt, parts: incomplete.key.total)
    }

    /// The request that reports more: `final` over `failureOnly` over none.
    static func stronger(_ a: ReceiptRequest?, _ b: ReceiptRequest?) -> ReceiptRequest? {
        if a == .final || b == .final { return .final }
        return a ?? b
    }
}
