import Foundation
import HeraldCore
import Hummingbird

/// Turns a send outcome into the HTTP answer: 202 with the body the service stored, or the replay of an
/// earlier answer (its status and body byte-for-byte, plus `Idempotent-Replayed: true`).
public enum SendAnswer {
    /// - Parameter locationPrefix: when set (single sends), the answer carries `Location: <prefix>/<id>`.
    public static func response(_ outcome: MessageService.SendOutcome, locationPrefix: String?) -> Response {
        switch outcome {
        case .accepted(let messages, let body):
            var headers = HTTPFields()
            if let locationPrefix, let message = messages.first { headers[.location] = "\(locationPrefix)/\(message.id.rawValue)" }
            return JSONResponse.raw(body, status: .accepted, headers: headers)
        case .replayed(let record):
            var headers = HTTPFields()
            headers[.idempotentReplayed] = "true"
            if let locationPrefix, let id = messageID(in: record.responseBody) { headers[.location] = "\(locationPrefix)/\(id)" }
            return JSONResponse.raw(record.responseBody, status: HTTPResponse.Status(code: record.responseStatus), headers: headers)
        }
    }

    private struct StoredMessage: Decodable {
        var id: String
        var object: String
    }

    /// The id of the message a stored single-send answer describes.
    static func messageID(in body: String) -> String? {
        guard let stored = try? HeraldJSON.decoder().decode(StoredMessage.self, from: Data(body.utf8)), stored.object == "message" else { return nil }
        return stored.id
    }
}
