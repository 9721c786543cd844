import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// POSTs JSON to the node under test over real HTTP (a pooled AsyncHTTPClient).
struct BenchHTTPClient: Sendable {
    let baseURL: String
    let apiKey: String

    /// Status and parsed JSON object of one answer.
    struct Answer: Sendable {
        var status: Int
        var body: [UInt8]
        var object: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:] }
    }

    func post(_ path: String, json: String) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(apiKey)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(string: json))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        var body = try await response.body.collect(upTo: 1 << 20)
        return Answer(status: Int(response.status.code), body: body.readBytes(length: body.readableBytes) ?? [])
    }
}
