import NIOCore

/// A bound ESME session on an ``SMPPServer``: who it is, and how to push messages to it.
///
/// ```swift
/// let receipt = DeliverSM(source: .international("447700900123"), destination: SMPPAddress(alphanumeric: "Herald"),
///                         esmClass: .deliveryReceipt, shortMessage: Array("id:1 stat:DELIVRD".utf8))
/// _ = try await session.deliver(receipt)   // returns once the ESME answered ESME_ROK
/// ```
public struct SMPPServerSession: Sendable, Identifiable, Hashable, CustomStringConvertible {
    public let id: SMPPSessionID
    public let systemID: String
    public let systemType: String
    public let bindType: BindType
    public let remoteAddress: SocketAddress?
    let connection: SMPPConnection

    init(id: SMPPSessionID, bind: BindRequest, bindType: BindType, connection: SMPPConnection) {
        self.id = id
        self.systemID = bind.systemID
        self.systemType = bind.systemType
        self.bindType = bindType
        self.remoteAddress = connection.remoteAddress
        self.connection = connection
    }

    /// Sends a deliver_sm (MO message or receipt) and waits for the ESME's deliver_sm_resp.
    ///
    /// Throws ``SMPPError``: `rejected` with the ESME's status (e.g. ESME_RX_T_APPN: retry later),
    /// `invalidState` on a transmitter bind, `responseTimeout` / `connectionLost` when unknown.
    @discardableResult
    public func deliver(_ sm: DeliverSM) async throws -> DeliverSMResponse {
        let response = try await send(.deliverSM(sm))
        guard case .deliverSMResponse(let body) = response.body else {
            throw SMPPError(.unexpectedResponse, message: "\(response.commandID) received for deliver_sm")
        }
        return body
    }

    /// Sends a data_sm to the ESME and waits for its data_sm_resp.
    public func dataSM(_ sm: DataSM) async throws -> DataSMResponse {
        let response = try await send(.dataSM(sm))
        guard case .dataSMResponse(let body) = response.body else {
            throw SMPPError(.unexpectedResponse, message: "\(response.commandID) received for data_sm")
        }
        return body
    }

    /// Sends an alert_notification (which has no response).
    public func alert(_ notification: AlertNotification) async throws {
        _ = try await connection.send(.alertNotification(notification))
    }

    /// Sends any request body and returns the raw response PDU, whatever its status.
    public func sendRaw(_ body: PDU.Body) async throws -> PDU {
        try await connection.send(body)
    }

    private func send(_ body: PDU.Body) async throws -> PDU {
        let response = try await connection.send(body)
        guard response.commandStatus.isOK else { throw SMPPError.rejected(response.commandStatus, body.commandID) }
        return response
    }

    /// Graceful unbind of this session (outstanding pushes get `drainTimeout`). Returns when closed.
    public func unbind(drainTimeout: TimeAmount = .seconds(5)) async {
        await connection.unbind(drainTimeout: drainTimeout)
    }

    /// Closes the connection immediately.
    public func close() {
        connection.close()
    }

    public static func == (lhs: SMPPServerSession, rhs: SMPPServerSession) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    public var description: String {
        "\(id) \(systemID) (\(bindType)) from \(remoteAddress.map { "\($0)" } ?? "?")"
    }
}
