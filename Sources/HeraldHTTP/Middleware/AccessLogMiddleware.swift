import Foundation
import Hummingbird
import Logging

/// Logs one line per request at `info`: method, path, status, duration and (through the logger metadata)
/// the request id. Never logs bodies, query strings or headers; path segments that look like phone
/// numbers are redacted (see ``redactedPath(_:)``).
public struct AccessLogMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    public init() {}

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, context: context, status: response.status.code, since: start)
            return response
        } catch {
            // Only reached when no problem middleware sits inside; the server answers 500.
            log(request, context: context, status: 500, since: start)
            throw error
        }
    }

    private func log(_ request: Request, context: Context, status: Int, since start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "method": .string(request.method.rawValue),
            "path": .string(Self.redactedPath(request.uri.path)),
            "status": .stringConvertible(status),
            "duration_ms": .string(String(format: "%.3f", milliseconds)),
        ])
    }

    /// The path with every segment that could be a phone number (no letters, at least five digits)
    /// replaced by `{redacted}`. Herald's own ids always contain letters (`msg_…`), so they stay.
    public static func redactedPath(_ path: String) -> String {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> Substring in
            // Judge the decoded text: `%2B49%20151…` is a number too.
            let decoded = String(segment).removingPercentEncoding ?? String(segment)
            let digits = decoded.utf8.filter { $0 >= 0x30 && $0 <= 0x39 }.count
            let hasLetter = decoded.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
            return digits >= 5 && !hasLetter ? "{redacted}" : segment
        }
        return segments.joined(separator: "/")
    }
}
