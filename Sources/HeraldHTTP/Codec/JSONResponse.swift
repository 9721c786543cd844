import Foundation
import HeraldCore
import Hummingbird

/// Builds JSON answers with Herald's encoder (sorted keys), so stored answers replay byte-for-byte.
public enum JSONResponse {
    /// An answer whose body is exactly `text`.
    public static func raw(_ text: String, status: HTTPResponse.Status, contentType: String = "application/json", headers: HTTPFields = [:]) -> Response {
        var headers = headers
        headers[.contentType] = contentType
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    /// An answer with `value` encoded as JSON.
    public static func encode(_ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) throws -> Response {
        raw(try HeraldJSON.text(value), status: status, headers: headers)
    }
}
