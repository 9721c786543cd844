import HeraldCore
import Synchronization

/// An in-memory carrier for tests: accepts (or fails, per a rule) each submission, records it, and can
/// emit delivery receipts for accepted parts.
public final class FakeCarrierGateway: CarrierGateway {
    /// Decides the outcome of one submission.
    public typealias Rule = @Sendable (_ message: OutboundMessage, _ linkID: String) -> SubmitResult?

    public struct Submission: Sendable {
        public var message: OutboundMessage
        public var linkID: String
        public var result: SubmitResult
    }

    private struct State {
        var submissions: [Submission] = []
        var nextID = 1
        var statuses: [String: LinkStatus]
        var rule: Rule?
        var autoReceipt: PartState?
    }

    private let state: Mutex<State>
    private let stream: AsyncStream<CarrierEvent>
    private let continuation: AsyncStream<CarrierEvent>.Continuation

    public init(links: [String] = ["fake"]) {
        let statuses = Dictionary(uniqueKeysWithValues: links.map { ($0, LinkStatus(isUp: true, bindsUp: 1, bindsConfigured: 1)) })
        state = Mutex(State(statuses: statuses))
        (stream, continuation) = AsyncStream.makeStream(of: CarrierEvent.self)
    }

    /// Overrides outcomes; return `nil` from the rule to accept normally.
    public func setRule(_ rule: Rule?) { state.withLock { $0.rule = rule } }

    /// When set, every accepted part is followed by a receipt in this state.
    public func setAutomaticReceipts(_ state: PartState?) { self.state.withLock { $0.autoReceipt = state } }

    public func setLink(_ linkID: String, up: Bool) {
        state.withLock { $0.statuses[linkID]?.isUp = up; $0.statuses[linkID]?.bindsUp = up ? 1 : 0 }
    }

    public var submissions: [Submission] { state.withLock { $0.submissions } }

    public func submit(_ message: OutboundMessage, via linkID: String) async -> SubmitResult {
        let (result, receiptState) = state.withLock { state -> (SubmitResult, PartState?) in
            if let ruled = state.rule?(message, linkID) {
                state.submissions.append(Submission(message: message, linkID: linkID, result: ruled))
                return (ruled, nil)
            }
            guard state.statuses[linkID]?.isUp == true else {
                let failure = SubmitResult.failed(SubmitFailure(disposition: .tryOtherLink, code: "link_down", detail: "link \(linkID) is down"))
                state.submissions.append(Submission(message: message, linkID: linkID, result: failure))
                return (failure, nil)
            }
            let parts = max(1, (message.body.utf8.count + 152) / 153)
            var submitted: [SubmittedPart] = []
            for sequence in 1...parts {
                let id = String(state.nextID, radix: 16)
                state.nextID += 1
                submitted.append(SubmittedPart(sequence: sequence, carrierMessageID: id, lookupKey: id))
            }
            let result = SubmitResult.accepted(submitted)
            state.submissions.append(Submission(message: message, linkID: linkID, result: result))
            return (result, state.autoReceipt)
        }
        if let receiptState, case .accepted(let parts) = result {
            for part in parts { emitReceipt(linkID: linkID, carrierMessageID: part.carrierMessageID, state: receiptState) }
        }
        return result
    }

    /// Emits a receipt as a carrier would (acknowledgements are ignored).
    public func emitReceipt(linkID: String, carrierMessageID: String, state: PartState, errorCode: String? = nil) {
        continuation.yield(.receipt(CarrierReceipt(
            linkID: linkID, carrierMessageID: carrierMessageID, lookupKeys: [carrierMessageID], state: state, errorCode: errorCode, doneAt: nil,
            acknowledge: { _ in })))
    }

    public func emit(_ event: CarrierEvent) { continuation.yield(event) }

    public func finish() { continuation.finish() }

    public func linkStatuses() -> [String: LinkStatus] { state.withLock { $0.statuses } }

    public func events() -> AsyncStream<CarrierEvent> { stream }
}
