import Foundation
import HeraldCore
import Hummingbird

/// Reads and decodes JSON request bodies, turning every way a body can be wrong into an ``HTTPProblem``
/// that names the field: not JSON, wrong type, missing, unknown, unreadable value, too large, not JSON media type.
public enum JSONRequestBody {
    /// Collects the body, refusing more than `limit` bytes (413) and a `Content-Type` other than JSON (415).
    /// A missing `Content-Type` is accepted.
    public static func read(_ request: Request, limit: Int) async throws -> [UInt8] {
        if let contentType = request.headers[.contentType], !isJSON(contentType) {
            throw HTTPProblem.unsupportedMediaType(contentType)
        }
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > limit {
            throw HTTPProblem.requestTooLarge(limit: limit)
        }
        do {
            var buffer = try await request.body.collect(upTo: limit)
            return buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw HTTPProblem.requestTooLarge(limit: limit)
        }
    }

    /// `application/json` or any `…+json` media type, parameters ignored.
    static func isJSON(_ contentType: String) -> Bool {
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        return mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json"))
    }

    /// Decodes `bytes` as `T` after checking that every field is known to `shape`.
    public static func decode<T: Decodable>(_ type: T.Type, from bytes: [UInt8], shape: JSONShape) throws -> T {
        guard bytes.contains(where: { !" \t\r\n".utf8.contains($0) }) else {
            throw HTTPProblem.invalidJSON("the request body is empty; send a JSON object")
        }
        let data = Data(bytes)
        let tree: Any
        do {
            tree = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw HTTPProblem.invalidJSON("the request body is not valid JSON")
        }
        if case .object = shape, !(tree is [String: Any]) {
            throw HTTPProblem.invalidType(nil, expected: "a JSON object")
        }
        if let problem = firstShapeProblem(in: tree, shape: shape, path: "") {
            throw problem
        }
        do {
            return try HeraldJSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw problem(for: error)
        }
    }

    /// The first field (in sorted order) that `shape` does not know, or an integer field holding a fraction or
    /// a number beyond 64 bits. Other type errors are left to `Decodable`, which names their fields itself.
    static func firstShapeProblem(in value: Any, shape: JSONShape, path: String) -> HTTPProblem? {
        switch shape {
        case .value:
            return nil
        case .integer:
            guard !(value is Bool), let number = value as? NSNumber, !(value is String) else { return nil }
            let double = number.doubleValue
            guard double.rounded() == double else { return .invalidType(path, expected: "an integer") }
            guard abs(double) < 9.2e18 else { return .invalidValue(path, "'\(path)' is out of range") }
            return nil
        case .object(let fields):
            guard let object = value as? [String: Any] else { return nil }
            for key in object.keys.sorted() {
                let child = path.isEmpty ? key : "\(path).\(key)"
                guard let childShape = fields[key] else { return .unknownField(child) }
                if let problem = firstShapeProblem(in: object[key] as Any, shape: childShape, path: child) { return problem }
            }
            return nil
        case .array(let itemShape):
            guard let array = value as? [Any] else { return nil }
            for (index, item) in array.enumerated() {
                if let problem = firstShapeProblem(in: item, shape: itemShape, path: "\(path)[\(index)]") { return problem }
            }
            return nil
        }
    }

    /// Maps a decoding failure to the problem naming the field.
    static func problem(for error: DecodingError) -> HTTPProblem {
        switch error {
        case .typeMismatch(let type, let context):
            return .invalidType(fieldPath(context.codingPath), expected: jsonTypeName(type))
        case .valueNotFound(_, let context):
            return .missingField(fieldPath(context.codingPath) ?? "body")
        case .keyNotFound(let key, let context):
            return .missingField(fieldPath(context.codingPath + [key]) ?? key.stringValue)
        case .dataCorrupted(let context):
            // The body parsed as JSON before decoding, so a pathless complaint concerns a value, not the syntax.
            guard let field = fieldPath(context.codingPath) else { return .invalidValue(nil, "a value in the request body cannot be read: \(context.debugDescription)") }
            return .invalidValue(field, "'\(field)': \(context.debugDescription)")
        @unknown default:
            return .invalidJSON("the request body could not be read")
        }
    }

    /// `messages[3].to` style path; `nil` for the root.
    static func fieldPath(_ codingPath: [any CodingKey]) -> String? {
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return path.isEmpty ? nil : path
    }

    /// The JSON type a Swift type is read from, for messages ("must be a string").
    static func jsonTypeName(_ type: Any.Type) -> String {
        if type == String.self { return "a string" }
        if type == Bool.self { return "a boolean" }
        if type == Int.self || type == Int64.self || type == Int32.self || type == UInt.self || type == UInt64.self { return "an integer" }
        if type == Double.self || type == Float.self { return "a number" }
        let name = String(describing: type)
        if name.hasPrefix("Array") { return "an array" }
        if name.hasPrefix("Dictionary") { return "an object" }
        return "a value of another type"
    }
}
