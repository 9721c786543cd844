import AsyncHTTPClient
import Foundation
import HeraldCore
import Logging

/// Delivers webhooks over HTTP(S) with one shared AsyncHTTPClient.
///
/// - TLS certificates are always verified (AsyncHTTPClient's default configuration).
/// - Redirects are followed only to the same origin (scheme, host, port; `http` → `https` on the same host
///   is allowed), at most ``Configuration/maximumRedirects`` times, re-POSTing the same body; a redirect to
///   another host fails the attempt, so a receiver cannot bounce Herald's signed payloads elsewhere.
/// - The receiver's answer body is read and discarded, at most ``Configuration/maximumResponseBodySize``
///   bytes; only the status matters (2xx = delivered).
/// - Responses are never decompressed.
///
/// Call ``shutdown()`` before the transport is released.
///
/// ```swift
/// let transport = HTTPWebhookTransport()
/// let dispatcher = WebhookDispatcher(dependencies: .init(store: store, transport: transport, clock: SystemClock()), nodeID: "n1", logger: logger)
/// // … at exit
/// try await transport.shutdown()
/// ```
public final class HTTPWebhookTransport: WebhookTransport {
    public struct Configuration: Sendable, Equatable {
        /// Time to establish a connection (TCP and TLS).
        public var connectTimeout: Duration
        /// Bytes of the receiver's answer read before the rest is dropped.
        public var maximumResponseBodySize: Int
        /// Same-origin redirects followed per delivery.
        public var maximumRedirects: Int

        public init(connectTimeout: Duration = .seconds(5), maximumResponseBodySize: Int = 64 * 1024, maximumRedirects: Int = 3) {
            self.connectTimeout = connectTimeout
            self.maximumResponseBodySize = maximumResponseBodySize
            self.maximumRedirects = maximumRedirects
        }
    }

    private let client: HTTPClient
    private let configuration: Configuration
    private let logger: Logger

    public init(configuration: Configuration = Configuration(), logger: Logger = Logger(label: "herald.webhooks")) {
        self.configuration = configuration
        self.logger = logger
        var clientConfiguration = HTTPClient.Configuration(
            redirectConfiguration: .disallow,
            timeout: HTTPClient.Configuration.Timeout(connect: .nanoseconds(Self.nanoseconds(configuration.connectTimeout))),
            decompression: .disabled)
        clientConfiguration.connectionPool.idleTimeout = .seconds(60)
        self.client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration, backgroundActivityLogger: logger)
    }

    /// Closes pooled connections. Pending posts fail; no post may start afterwards.
    public func shutdown() async throws {
        try await client.shutdown()
    }

    public func post(url: String, body: [UInt8], headers: [(name: String, value: String)], timeout: Duration) async -> WebhookPostResult {
        guard var target = WebhookURL(url) else {
            return .failed(statusCode: nil, reason: "the URL is not an absolute http or https URL")
        }
        let deadline = ContinuousClock.now + timeout
        var redirects = 0
        while true {
            let remaining = deadline - ContinuousClock.now
            guard remaining > .zero else { return .failed(statusCode: nil, reason: "timed out") }
            var request = HTTPClientRequest(url: target.text)
            request.method = .POST
            for header in headers { request.headers.add(name: header.name, value: header.value) }
            request.body = .bytes(body)
            let status: Int
            let location: String?
            do {
                let response = try await client.execute(request, timeout: .nanoseconds(Self.nanoseconds(remaining)), logger: logger)
                status = Int(response.status.code)
                location = response.headers.first(name: "location")
                try await discard(response.body)
            } catch {
                return .failed(statusCode: nil, reason: Self.reason(for: error))
            }
            switch status {
            case 200..<300:
                return .delivered(statusCode: status)
            case 301, 302, 307, 308:
                guard let location, let next = target.resolving(location) else {
                    return .failed(statusCode: status, reason: "redirect without a usable Location")
                }
                guard next.isSameOrigin(as: target) else {
                    return .failed(statusCode: status, reason: "redirect to another host refused")
                }
                redirects += 1
                guard redirects <= configuration.maximumRedirects else {
                    return .failed(statusCode: status, reason: "more than \(configuration.maximumRedirects) redirects")
                }
                target = next
            default:
                return .failed(statusCode: status, reason: "HTTP \(status)")
            }
        }
    }

    /// Reads and drops the answer body up to the cap; a longer body is cut off (the connection is closed).
    private func discard(_ body: HTTPClientResponse.Body) async throws {
        var received = 0
        for try await chunk in body {
            received += chunk.readableBytes
            if received > configuration.maximumResponseBodySize { break }
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }

    /// A short, stable reason for a transport failure (stored with the delivery, shown to the account).
    static func reason(for error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout: return "timed out"
            case .connectTimeout: return "connect timed out"
            case .remoteConnectionClosed: return "connection closed by the receiver"
            default: break
            }
        }
        let text = String(describing: error)
        return String(text.prefix(200))
    }
}
