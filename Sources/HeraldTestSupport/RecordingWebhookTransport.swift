import HeraldCore
import Synchronization

/// A webhook transport for tests that records every POST and answers with a configurable result.
public final class RecordingWebhookTransport: WebhookTransport {
    public struct Post: Sendable {
        public var url: String
        public var body: [UInt8]
        public var headers: [String: String]
    }

    private let state = Mutex<(posts: [Post], result: WebhookPostResult)>(([], .delivered(statusCode: 200)))

    public init() {}

    public func setResult(_ result: WebhookPostResult) { state.withLock { $0.result = result } }

    public var posts: [Post] { state.withLock { $0.posts } }

    public func post(url: String, body: [UInt8], headers: [(name: String, value: String)], timeout: Duration) async -> WebhookPostResult {
        state.withLock { state in
            state.posts.append(Post(url: url, body: body, headers: Dictionary(headers.map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })))
            return state.result
        }
    }
}
