import Foundation
import HeraldCore
@testable import HeraldWebhooks
import Hummingbird
import Synchronization
import Testing

/// Posts through the real transport to a tiny receiver on 127.0.0.1 that verifies `Herald-Signature`.
@Suite struct HTTPWebhookTransportTests {
    static let secret = "whsec_testsecret"

    /// What the receiver saw.
    final class Received: Sendable {
        let bodies = Mutex<[String]>([])
        let paths = Mutex<[String]>([])
    }

    static func receiver(_ received: Received) -> Router<BasicRequestContext> {
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            received.paths.withLock { $0.append("/hook") }
            var buffer = try await request.body.collect(upTo: 1 << 20)
            let body = buffer.readBytes(length: buffer.readableBytes) ?? []
            let header = request.headers[HTTPFields.Element.Name("Herald-Signature")!] ?? ""
            guard WebhookSigner().verify(header: header, secret: secret, body: body, now: SystemClock().now()) else { return .badRequest }
            received.bodies.withLock { $0.append(String(decoding: body, as: UTF8.self)) }
            return .noContent
        }
        router.post("/moved") { _, _ -> Response in
            received.paths.withLock { $0.append("/moved") }
            var headers = HTTPFields()
            headers[.location] = "/hook"
            return Response(status: .permanentRedirect, headers: headers)
        }
        router.post("/elsewhere") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.location] = "http://203.0.113.1/steal"
            return Response(status: .temporaryRedirect, headers: headers)
        }
        router.post("/loop") { _, _ -> Response in
            var headers = HTTPFields()
            headers[.location] = "/loop"
            return Response(status: .temporaryRedirect, headers: headers)
        }
        router.post("/large") { _, _ -> Response in
            Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 4 << 20)))
        }
        router.post("/slow") { _, _ -> HTTPResponse.Status in
            try await Task.sleep(for: .seconds(5))
            return .ok
        }
        router.post("/broken") { _, _ -> HTTPResponse.Status in .internalServerError }
        return router
    }

    func signedPost(_ transport: HTTPWebhookTransport, port: Int, path: String, body: String, secret: String = secret, timeout: Duration = .seconds(30)) async -> WebhookPostResult {
        let bytes = Array(body.utf8)
        let headers: [(name: String, value: String)] = [
            ("Content-Type", "application/json"),
            (WebhookSigner.headerName, WebhookSigner().signatureHeader(secret: secret, body: bytes, at: SystemClock().now())),
        ]
        return await transport.post(url: "http://127.0.0.1:\(port)\(path)", body: bytes, headers: headers, timeout: timeout)
    }

    func withTransport<Value: Sendable>(
        _ configuration: HTTPWebhookTransport.Configuration = .init(), _ body: @Sendable (HTTPWebhookTransport, Int, Received) async throws -> Value
    ) async throws -> Value {
        let received = Received()
        let transport = HTTPWebhookTransport(configuration: configuration)
        do {
            let value = try await LiveServer.run(responder: Self.receiver(received).buildResponder()) { port in
                try await body(transport, port, received)
            }
            try await transport.shutdown()
            return value
        } catch {
            try? await transport.shutdown()
            throw error
        }
    }

    @Test func deliversASignedBodyTheReceiverVerifies() async throws {
        try await withTransport { transport, port, received in
            let result = await signedPost(transport, port: port, path: "/hook", body: #"{"id":"evt_1","type":"message.delivered"}"#)
            #expect(result == .delivered(statusCode: 204))
            #expect(received.bodies.withLock { $0 } == [#"{"id":"evt_1","type":"message.delivered"}"#])
        }
    }

    @Test func aBadSignatureIsRefusedByTheReceiverAndReportedAsFailure() async throws {
        try await withTransport { transport, port, received in
            let result = await signedPost(transport, port: port, path: "/hook", body: "{}", secret: "whsec_wrong")
            #expect(result == .failed(statusCode: 400, reason: "HTTP 400"))
            #expect(received.bodies.withLock { $0 }.isEmpty)
        }
    }

    @Test func serverErrorsAreFailures() async throws {
        try await withTransport { transport, port, _ in
            #expect(await signedPost(transport, port: port, path: "/broken", body: "{}") == .failed(statusCode: 500, reason: "HTTP 500"))
        }
    }

    @Test func followsSameOriginRedirectsWithTheSameSignedBody() async throws {
        try await withTransport { transport, port, received in
            let result = await signedPost(transport, port: port, path: "/moved", body: #"{"n":1}"#)
            #expect(result == .delivered(statusCode: 204))
            #expect(received.paths.withLock { $0 } == ["/moved", "/hook"])
            #expect(received.bodies.withLock { $0 } == [#"{"n":1}"#])
        }
    }

    @Test func refusesRedirectsToAnotherHostAndEndlessRedirects() async throws {
        try await withTransport { transport, port, _ in
            #expect(await signedPost(transport, port: port, path: "/elsewhere", body: "{}") == .failed(statusCode: 307, reason: "redirect to another host refused"))
            #expect(await signedPost(transport, port: port, path: "/loop", body: "{}") == .failed(statusCode: 307, reason: "more than 3 redirects"))
        }
    }

    @Test func aHugeAnswerIsCutOffButStillCountsByStatus() async throws {
        try await withTransport(.init(maximumResponseBodySize: 1024)) { transport, port, _ in
            #expect(await signedPost(transport, port: port, path: "/large", body: "{}") == .delivered(statusCode: 200))
        }
    }

    @Test func aReceiverSlowerThanTheTimeoutFails() async throws {
        try await withTransport { transport, port, _ in
            let result = await signedPost(transport, port: port, path: "/slow", body: "{}", timeout: .seconds(1))
            #expect(result == .failed(statusCode: nil, reason: "timed out"))
        }
    }

    @Test func refusesURLsThatAreNotHTTP() async throws {
        let transport = HTTPWebhookTransport()
        #expect(await transport.post(url: "ftp://example.com/x", body: [], headers: [], timeout: .seconds(5)) == .failed(statusCode: nil, reason: "the URL is not an absolute http or https URL"))
        #expect(await transport.post(url: "/relative", body: [], headers: [], timeout: .seconds(5)) == .failed(statusCode: nil, reason: "the URL is not an absolute http or https URL"))
        try await transport.shutdown()
    }
}

@Suite struct WebhookURLTests {
    @Test func comparesOrigins() throws {
        let base = try #require(WebhookURL("http://Example.com/a"))
        #expect(try #require(base.resolving("/b")).isSameOrigin(as: base))
        #expect(try #require(base.resolving("http://example.com:80/c")).isSameOrigin(as: base))
        #expect(try #require(base.resolving("https://example.com/c")).isSameOrigin(as: base))  // upgrade to TLS
        #expect(try #require(base.resolving("http://example.com:8080/c")).isSameOrigin(as: base) == false)
        #expect(try #require(base.resolving("http://evil.example/c")).isSameOrigin(as: base) == false)
        let secure = try #require(WebhookURL("https://example.com/a"))
        #expect(try #require(secure.resolving("http://example.com/a")).isSameOrigin(as: secure) == false)  // no downgrade
    }
}
