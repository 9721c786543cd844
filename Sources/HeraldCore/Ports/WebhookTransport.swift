/// Port: performs one HTTP POST of a webhook. Implemented over async-http-client.
public protocol WebhookTransport: Sendable {
    func post(url: String, body: [UInt8], headers: [(name: String, value: String)], timeout: Duration) async -> WebhookPostResult
}

/// What happened to one webhook POST.
public enum WebhookPostResult: Sendable, Equatable {
    /// The receiver answered 2xx.
    case delivered(statusCode: Int)
    /// Non-2xx answer or transport error; retried later unless the URL itself is unusable.
    case failed(statusCode: Int?, reason: String)
}
