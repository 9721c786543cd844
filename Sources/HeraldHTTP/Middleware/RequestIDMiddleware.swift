import HeraldCore
import Hummingbird
import Logging

/// Gives every request an id: the caller's `X-Request-Id` when it is 1–128 characters of
/// `A–Z a–z 0–9 . _ : -`, else a new `req_<ulid>`. The id goes into the context, the logger metadata
/// (`request_id`) and the response's `X-Request-Id` header.
public struct RequestIDMiddleware: RouterMiddleware {
    public typealias Context = HeraldRequestContext

    let maximumLength: Int
    let random: any RandomSource
    let clock: any HeraldClock

    public init(maximumLength: Int = 128, random: any RandomSource, clock: any HeraldClock) {
        self.maximumLength = maximumLength
        self.random = random
        self.clock = clock
    }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let id = request.headers[.xRequestID].flatMap(accepted) ?? RequestID.generate(at: clock.now(), random: random).rawValue
        context.requestID = id
        context.logger[metadataKey: "request_id"] = .string(id)
        var response = try await next(request, context)
        response.headers[.xRequestID] = id
        return response
    }

    /// The caller's id if it is safe to echo and log.
    func accepted(_ candidate: String) -> String? {
        guard (1...maximumLength).contains(candidate.utf8.count),
              candidate.utf8.allSatisfy({ byte in
                  (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                      || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "-")
              }) else { return nil }
        return candidate
    }
}
