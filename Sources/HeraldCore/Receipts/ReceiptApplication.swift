/// Pure domain logic: what a delivery receipt does to a message and its parts.
///
/// A message is `delivered` when every part is delivered; `undelivered`, `rejected` or `expired` as soon as
/// one part is reported so (the handset cannot show an incomplete message); unchanged while parts are in
/// flight. Final messages never change again, so duplicate and late receipts are harmless.
public enum ReceiptApplication {
    /// Applies `receipt` to the part it names. Returns whether the message's status changed.
    @discardableResult
    public static func apply(_ receipt: ReceiptRecord, to message: inout Message, parts: inout [MessagePart], at time: Timestamp) -> Bool {
        let keys = Set(receipt.lookupKeys)
        for index in parts.indices where parts[index].linkID == receipt.linkID && keys.contains(parts[index].lookupKey) {
            guard !parts[index].state.isFinal else { continue }
            parts[index].state = receipt.state
            parts[index].errorCode = receipt.errorCode
            if receipt.state.isFinal { parts[index].finalAt = receipt.doneAt ?? time }
        }
        guard let status = status(for: parts, expectedParts: message.partCount) else { return false }
        let detail = receipt.errorCode.map { "receipt \(receipt.state.rawValue), error \($0)" } ?? "receipt \(receipt.state.rawValue)"
        if status != .delivered {
            let code = receipt.errorCode.map { "carrier_\(receipt.state.rawValue)_\($0)" } ?? "carrier_\(receipt.state.rawValue)"
            message.error = MessageError(code: code, description: "the carrier reported the message \(receipt.state.rawValue)")
        }
        return message.transition(to: status, at: time, detail: detail)
    }

    /// The message status the parts imply, or `nil` while undecided.
    static func status(for parts: [MessagePart], expectedParts: Int) -> MessageStatus? {
        // Latest part per sequence number (a retried message may have older parts from an earlier attempt).
        var latest: [Int: MessagePart] = [:]
        for part in parts {
            if let existing = latest[part.sequence], existing.submittedAt > part.submittedAt { continue }
            latest[part.sequence] = part
        }
        let states = latest.values.map(\.state)
        if states.contains(.rejected) { return .rejected }
        if states.contains(where: { $0 == .undelivered || $0 == .deleted || $0 == .unknown }) { return .undelivered }
        if states.contains(.expired) { return .expired }
        if latest.count >= expectedParts, states.allSatisfy({ $0 == .delivered }) { return .delivered }
        return nil
    }
}
