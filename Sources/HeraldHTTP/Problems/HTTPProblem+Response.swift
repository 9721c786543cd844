import Foundation
import HeraldCore
import Hummingbird

extension HTTPProblem {
    /// The answer: status, `Content-Type: application/problem+json`, extra headers and the JSON document.
    public func response(requestID: String?) -> Response {
        // Encoding a struct of strings and integers cannot fail.
        let body = (try? HeraldJSON.encoder().encode(document(requestID: requestID))) ?? Data("{}".utf8)
        var headers = headers
        headers[.contentType] = "application/problem+json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }
}
