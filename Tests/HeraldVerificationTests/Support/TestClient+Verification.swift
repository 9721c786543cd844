import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

extension TestClientProtocol {
    /// One request with an API key and an optional JSON body.
    func call(_ method: HTTPRequest.Method, _ uri: String, key: String?, json: String? = nil) async throws -> TestResponse {
        var headers = HTTPFields()
        if let key { headers[.authorization] = "Bearer \(key)" }
        if json != nil { headers[.contentType] = "application/json" }
        return try await executeRequest(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:] }

    /// The problem document's code, after checking the status and media type.
    @discardableResult
    func problem(_ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        #expect(self.status.code == status, "\(text)", sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        #expect(json["code"] as? String == code, "\(text)", sourceLocation: sourceLocation)
        return json
    }
}
