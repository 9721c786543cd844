import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A small JSON client for Herald's HTTP API over real sockets (AsyncHTTPClient).
struct APIClient: Sendable {
    let baseURL: String
    let apiKey: String?

    /// One answer: status, headers and the raw body.
    struct Answer: Sendable {
        var status: Int
        var headers: [(String, String)]
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object (empty when it is not one).
        var object: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] ?? [:]
        }

        func header(_ name: String) -> String? {
            headers.first { $0.0.lowercased() == name.lowercased() }?.1
        }
    }

    func get(_ path: String) async throws -> Answer {
        try await send(.GET, path)
    }

    func post(_ path: String, json: String, headers: [String: String] = [:]) async throws -> Answer {
        try await send(.POST, path, json: json, headers: headers)
    }

    func patch(_ path: String, json: String) async throws -> Answer {
        try await send(.PATCH, path, json: json)
    }

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, headers: [String: String] = [:]) async throws -> Answer {
        var request = HTTPClientRequest(url: baseURL + path)
        request.method = method
        if let apiKey { request.headers.add(name: "Authorization", value: "Bearer \(apiKey)") }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(60))
        var body = try await response.body.collect(upTo: 16 << 20)
        return Answer(
            status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
            body: body.readBytes(length: body.readableBytes) ?? [])
    }

    /// Sends one message; returns its id (the answer must be 202).
    func sendMessage(to: String, body: String = "Hello from the end-to-end test", extra: String = "") async throws -> String {
        let answer = try await post("/v1/messages", json: #"{"to":"\#(to)","body":"\#(body)"\#(extra)}"#)
        guard answer.status == 202, let id = answer.object["id"] as? String else {
            throw EndToEndError("sending to \(to) was answered \(answer.status): \(answer.text)")
        }
        return id
    }

    /// The message's status as the API reports it.
    func status(of id: String) async throws -> String? {
        try await get("/v1/messages/\(id)").object["status"] as? String
    }

    /// Polls until the message has one of `statuses` (or the deadline passes); returns the message.
    @discardableResult
    func waitForStatus(of id: String, in statuses: Set<String>, timeout: Duration = .seconds(60)) async throws -> [String: Any] {
        var last: [String: Any] = [:]
        let reached = await Eventually.holds(timeout: timeout) {
            last = (try? await get("/v1/messages/\(id)").object) ?? [:]
            return (last["status"] as? String).map(statuses.contains) ?? false
        }
        guard reached else {
            throw EndToEndError("message \(id) did not reach \(statuses.sorted()) in time; last seen: \(last["status"] ?? "nothing")")
        }
        return last
    }
}

/// A failed expectation of an end-to-end step, with what was seen instead.
struct EndToEndError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
