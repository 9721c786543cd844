/// Limits and switches of the HTTP API that are not domain policy.
///
/// ```swift
/// var configuration = HTTPConfiguration()
/// configuration.maximumBodySize = 512 * 1024
/// ```
public struct HTTPConfiguration: Sendable, Equatable {
    /// 1 MiB: the default largest request body accepted; larger bodies are refused with 413 `request_too_large`.
    public static let defaultMaximumBodySize = 1 << 20

    /// Largest request body, in bytes, any route reads.
    public var maximumBodySize: Int
    /// Longest `X-Request-Id` accepted from a caller; longer or ill-formed ids are replaced by a generated one.
    public var maximumRequestIDLength: Int
    /// Seconds suggested in `Retry-After` when an error asks the caller to retry but names no delay.
    public var defaultRetryAfterSeconds: Int

    public init(maximumBodySize: Int = HTTPConfiguration.defaultMaximumBodySize, maximumRequestIDLength: Int = 128, defaultRetryAfterSeconds: Int = 1) {
        self.maximumBodySize = maximumBodySize
        self.maximumRequestIDLength = maximumRequestIDLength
        self.defaultRetryAfterSeconds = defaultRetryAfterSeconds
    }
}
