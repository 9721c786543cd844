import HeraldCore
import HeraldRouting
import Hummingbird

/// Reads a routes file sent as a request body: JSON (`application/json`) or YAML (`application/yaml`,
/// `application/x-yaml`, `text/yaml`, `text/x-yaml`); a missing `Content-Type` is accepted.
enum RoutesFileBody {
    static let mediaTypes: Set<String> = ["application/json", "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]

    static func read(_ request: Request, limit: Int) async throws -> String {
        if let contentType = request.headers[.contentType] {
            let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            guard mediaTypes.contains(mediaType) else {
                throw HTTPProblem(
                    status: .unsupportedMediaType, code: "unsupported_media_type", title: "Unsupported media type",
                    detail: "send the routes file as JSON ('application/json') or YAML ('application/yaml'), received '\(contentType.prefix(100))'",
                    field: "Content-Type")
            }
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit { throw HTTPProblem.requestTooLarge(limit: limit) }
        var buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPProblem.requestTooLarge(limit: limit)
        }
        guard let text = buffer.readString(length: buffer.readableBytes), text.contains(where: { !$0.isWhitespace }) else {
            throw HeraldError.invalid("invalid_routes_file", "the request body is empty; send a routes file (docs/routing.md)")
        }
        return text
    }

    static func parse(_ text: String) throws -> RoutesFile {
        do {
            return try RoutesFile.parse(text)
        } catch {
            throw HeraldError.invalid("invalid_routes_file", error.message)
        }
    }
}
