import Synchronization

/// Answers one inbound request exactly once: either the application (through
/// ``respond(_:)``) or the connection (timeout, auto-respond, close) wins the claim.
final class InboundResponder: Sendable {
    let sequenceNumber: UInt32
    let commandID: CommandID
    private let claimed = Atomic<Bool>(false)
    // The connection is Sendable; a strong reference is fine (released with the request).
    private let connection: SMPPConnection?

    init(connection: SMPPConnection?, sequenceNumber: UInt32, commandID: CommandID) {
        self.connection = connection
        self.sequenceNumber = sequenceNumber
        self.commandID = commandID
    }

    /// Takes the right to answer; true for the first caller only.
    func claim() -> Bool {
        claimed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
    }

    var isClaimed: Bool { claimed.load(ordering: .acquiring) }

    /// Sends `body` with `status` as the response, if nobody answered yet. Returns whether it was sent
    /// (queued for writing on a live connection).
    @discardableResult
    func respond(status: CommandStatus, body: PDU.Body?) -> Bool {
        guard commandID.expectsResponse else { return false }
        guard claim(), let connection else { return false }
        let responseBody = body ?? PDU.Body.emptyResponse(to: commandID) ?? .genericNack
        return connection.respond(PDU(commandStatus: status, sequenceNumber: sequenceNumber, body: responseBody))
    }
}
