import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization

/// A webhook endpoint on 127.0.0.1 (an ephemeral port) that records every POST it receives, raw body and
/// headers, and answers with the status the test chooses.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var path: String
        var headers: [String: String]
        var body: [UInt8]
        /// The status the receiver answered with.
        var answered = 200

        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
        var type: String? { object["type"] as? String }
        var messageID: String? { (object["data"] as? [String: Any])?["id"] as? String }
    }

    private let received = Mutex<[Received]>([])
    /// Answers to give, in order, before answering 200 (e.g. `[500]`: fail the first request).
    private let scripted = Mutex<[Int]>([])
    /// While set, every request is answered with this status.
    private let refusing = Mutex<Int?>(nil)

    var requests: [Received] { received.withLock { $0 } }

    /// Answers the next requests with these statuses, then 200 again.
    func script(_ statuses: [Int]) { scripted.withLock { $0 = statuses } }

    /// Answers every request with `status` until called with `nil`.
    func refuse(with status: Int?) { refusing.withLock { $0 = status } }

    fileprivate func record(_ request: Received) -> Int {
        var request = request
        if let status = refusing.withLock({ $0 }) {
            request.answered = status
        } else {
            request.answered = scripted.withLock { $0.isEmpty ? 200 : $0.removeFirst() }
        }
        received.withLock { $0.append(request) }
        return request.answered
    }

    /// The requests answered 200 (accepted by the receiver).
    var accepted: [Received] { requests.filter { $0.answered == 200 } }

    /// Runs the receiver for the duration of `body`, which gets the receiver and its base URL.
    static func with<T: Sendable>(_ body: @Sendable (WebhookReceiver, String) async throws -> T) async throws -> T {
        let receiver = WebhookReceiver()
        let router = Router()
        router.post("**") { request, _ -> Response in
            var buffer = try await request.body.collect(upTo: 1 << 20)
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let status = receiver.record(Received(path: request.uri.path, headers: headers, body: buffer.readBytes(length: buffer.readableBytes) ?? []))
            return Response(status: HTTPResponse.Status(code: status))
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "herald.tests.webhooks")
        logger.logLevel = .warning
        let app = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port > 0 else {
                await group.triggerGracefulShutdown()
                throw EndToEndError("the webhook receiver did not start")
            }
            do {
                let value = try await body(receiver, "http://127.0.0.1:\(port)")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
