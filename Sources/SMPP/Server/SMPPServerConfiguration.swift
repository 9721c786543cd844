import NIOCore
import NIOSSL

extension SMPPServer {
    /// Listening address, identity and per-session defaults of an ``SMPPServer``.
    public struct Configuration: Sendable {
        /// Interface to listen on; port 0 picks a free port (see ``SMPPServer/listeningAddress()``).
        public var host: String
        public var port: Int
        /// Our system_id, returned in bind responses.
        public var systemID: String = "SMPP"
        /// TLS settings; nil for plain TCP.
        public var tls: TLSConfiguration? = nil
        /// Limits for sessions whose bind decision does not set any.
        public var defaultLimits: SMPPSessionLimits = SMPPSessionLimits()
        /// Window for messages we push (deliver_sm, data_sm) per session.
        public var windowSize: Int = 10
        /// How long to wait for the ESME's response to a pushed message.
        public var responseTimeout: TimeAmount = .seconds(30)
        /// Send enquire_link to a session idle this long (nil: never).
        public var enquireLinkInterval: TimeAmount? = .seconds(60)
        /// A connection must bind within this time or is closed.
        public var bindTimeout: TimeAmount = .seconds(30)
        /// If the handler has not answered a request within this time the server answers
        /// ``requestTimeoutStatus`` itself (nil: wait forever).
        public var requestTimeout: TimeAmount? = .seconds(60)
        public var requestTimeoutStatus: CommandStatus = .systemError
        /// Graceful shutdown: time for outstanding pushes before unbinding each session.
        public var drainTimeout: TimeAmount = .seconds(5)
        public var unbindTimeout: TimeAmount = .seconds(5)
        public var codec: SMPPCodecOptions = .default
        public var backlog: Int32 = 256
        /// Maximum simultaneous connections (bound or not); more are closed on accept. nil: no limit.
        public var maxConnections: Int? = nil

        public init(host: String = "127.0.0.1", port: Int = 2775, systemID: String = "SMPP") {
            self.host = host
            self.port = port
            self.systemID = systemID
        }

        var connectionConfiguration: SMPPConnectionConfiguration {
            var c = SMPPConnectionConfiguration(role: .smsc)
            c.codec = codec
            c.windowSize = windowSize
            c.responseTimeout = responseTimeout
            c.enquireLinkInterval = enquireLinkInterval
            c.inboundWindow = defaultLimits.maxInFlight
            c.inboundMaxTPS = defaultLimits.maxTPS
            c.inboundResponseTimeout = requestTimeout
            c.inboundTimeoutStatus = requestTimeoutStatus
            c.bindTimeout = bindTimeout
            c.unbindTimeout = unbindTimeout
            return c
        }
    }
}
