import Foundation
import Hummingbird
import Logging

/// A customer's webhook endpoint on 127.0.0.1: records every POST (headers and body) and answers 200.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: [String: String]
        var body: String
    }

    private let received = Locked<[Received]>([])
    private let port = Locked<Int?>(nil)
    private let task = Locked<Task<Void, any Error>?>(nil)

    func start() async throws -> Int {
        let router = Router()
        let received = self.received
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName.lowercased()] = field.value }
            received.withLock { $0.append(Received(headers: headers, body: String(buffer: buffer))) }
            return .ok
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "herald.test.webhooks")
        logger.logLevel = .critical
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        task.withLock { $0 = Task { try await app.runService(gracefulShutdownSignals: []) } }
        var iterator = ports.makeAsyncIterator()
        let value = await iterator.next() ?? 0
        port.withLock { $0 = value }
        return value
    }

    func stop() {
        task.withLock { $0?.cancel() }
    }

    var requests: [Received] { received.withLock { $0 } }
}
