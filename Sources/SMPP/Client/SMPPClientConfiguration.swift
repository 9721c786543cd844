import NIOCore
import NIOSSL

extension SMPPClient {
    /// Everything an ESME bind needs: where to connect, how to bind, and the flow-control limits.
    ///
    /// ```swift
    /// var config = SMPPClient.Configuration(host: "smsc.example.net", port: 2775,
    ///                                       systemID: "herald", password: "secret")
    /// config.bindType = .transceiver
    /// config.windowSize = 64
    /// config.maxTPS = 200
    /// ```
    public struct Configuration: Sendable {
        public var host: String
        public var port: Int
        public var bindType: BindType = .transceiver
        public var systemID: String
        public var password: String
        public var systemType: String = ""
        public var interfaceVersion: UInt8 = 0x34
        public var addressRange: SMPPAddress = SMPPAddress()
        /// TLS settings; nil for plain TCP.
        public var tls: TLSConfiguration? = nil
        /// SNI / certificate host name; defaults to `host`.
        public var tlsServerHostname: String? = nil

        /// Maximum outstanding requests (sliding window).
        public var windowSize: Int = 10
        /// How long to wait for each response before failing with ``SMPPError/Code/responseTimeout``.
        public var responseTimeout: TimeAmount = .seconds(30)
        public var connectTimeout: TimeAmount = .seconds(10)
        /// How long to wait for bind_resp.
        public var bindTimeout: TimeAmount = .seconds(15)
        /// Send enquire_link after this long without traffic from the SMSC (nil: never).
        public var enquireLinkInterval: TimeAmount? = .seconds(30)
        /// Outbound requests per second (token bucket with one second of burst); nil for unlimited.
        public var maxTPS: Double? = nil
        /// Back-off on ESME_RTHROTTLED / ESME_RMSGQFUL.
        public var throttle: ThrottlePolicy = ThrottlePolicy()
        /// Reconnect back-off of ``SMPPClient/run()``.
        public var reconnect: ReconnectPolicy = ReconnectPolicy()

        /// Maximum unanswered deliver_sm / data_sm; beyond it the SMSC gets ESME_RTHROTTLED.
        public var inboundCapacity: Int = 1_000
        /// If the application does not answer an inbound message within this time, the client answers
        /// it with ``inboundTimeoutStatus`` (so the SMSC redelivers later). nil: never.
        public var inboundResponseTimeout: TimeAmount? = .seconds(30)
        /// Status of that automatic answer; the default ESME_RX_T_APPN asks the SMSC to retry.
        public var inboundTimeoutStatus: CommandStatus = .receiverTemporaryAppError
        /// Answer every inbound message with ESME_ROK as soon as it is read (no durability guarantee).
        public var autoAcknowledgeInbound: Bool = false

        /// Graceful shutdown: how long to let outstanding requests finish before unbinding.
        public var drainTimeout: TimeAmount = .seconds(10)
        /// How long to wait for unbind_resp.
        public var unbindTimeout: TimeAmount = .seconds(5)
        /// Codec limits (maximum PDU size, system_id/password maxima, TLV strictness).
        public var codec: SMPPCodecOptions = .default
        /// Jitter source for reconnect delays.
        public var randomSource: any SMPPRandomSource = SystemRandomSource()

        public init(host: String, port: Int = 2775, systemID: String, password: String, bindType: BindType = .transceiver) {
            self.host = host
            self.port = port
            self.systemID = systemID
            self.password = password
            self.bindType = bindType
        }

        var bindRequest: BindRequest {
            BindRequest(bindType: bindType, systemID: systemID, password: password, systemType: systemType,
                        interfaceVersion: interfaceVersion, addressRange: addressRange)
        }

        var connectionConfiguration: SMPPConnectionConfiguration {
            var c = SMPPConnectionConfiguration(role: .esme)
            c.codec = codec
            c.windowSize = windowSize
            c.responseTimeout = responseTimeout
            c.throttle = throttle
            c.maxTPS = maxTPS
            c.enquireLinkInterval = enquireLinkInterval
            c.inboundWindow = inboundCapacity
            c.inboundResponseTimeout = inboundResponseTimeout
            c.inboundTimeoutStatus = inboundTimeoutStatus
            c.inboundAutoRespond = autoAcknowledgeInbound
            c.bindTimeout = bindTimeout
            c.unbindTimeout = unbindTimeout
            return c
        }
    }
}
