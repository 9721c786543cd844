import Foundation
import HummingbirdTesting
import Hummingbird
import Testing

/// Request shortcuts for API tests.
extension TestClientProtocol {
    /// `json` is sent with `Content-Type: application/json`; `body` as is, with the `headers` given.
    func request(
        _ method: HTTPRequest.Method, _ uri: String, key: String? = nil, json: String? = nil, headers: [String: String] = [:], body: String? = nil
    ) async throws -> TestResponse {
        var fields = HTTPFields()
        if let key { fields[.authorization] = "Bearer \(key)" }
        if json != nil { fields[.contentType] = "application/json" }
        for (name, value) in headers { fields[HTTPFields.Element.Name(name)!] = value }
        return try await executeRequest(uri: uri, method: method, headers: fields, body: (json ?? body).map { ByteBuffer(string: $0) })
    }
}

extension TestResponse {
    var text: String { String(decoding: body.readableBytesView, as: UTF8.self) }

    /// The body as a JSON object (an empty one when it is not).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }

    /// Checks that this is a problem document with `code` and returns it.
    @discardableResult
    func expectProblem(_ status: Int, code: String, field: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
        #expect(self.status.code == status, "status of \(text)", sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/problem+json", sourceLocation: sourceLocation)
        let problem = object
        #expect(problem["code"] as? String == code, "\(text)", sourceLocation: sourceLocation)
        #expect(problem["type"] as? String == "urn:herald:problem:\(code)", sourceLocation: sourceLocation)
        #expect(problem["status"] as? Int == status, sourceLocation: sourceLocation)
        #expect(problem["field"] as? String == field, "field of \(text)", sourceLocation: sourceLocation)
        #expect((problem["title"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect((problem["detail"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(problem["request_id"] as? String == headers[HTTPFields.Element.Name("X-Request-Id")!], sourceLocation: sourceLocation)
        return problem
    }
}

/// A valid single-send body.
func sendJSON(to: String = "+4915123456789", body: String = "Your code is 123456", extra: String = "") -> String {
    #"{"to":"\#(to)","body":"\#(body)"\#(extra)}"#
}
