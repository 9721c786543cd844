import Foundation
import HeraldCore
import HeraldHTTP
import Hummingbird
import HummingbirdTesting
import Testing

/// The whole application over a real socket on 127.0.0.1.
@Suite struct LiveServerTests {
    @Test func sendsAndReadsOverTCPAndSeesTheClientAddress() async throws {
        try await APIHarness.with { harness in
            let (_, key) = try await harness.newAccount()
            try await LiveServer.run(responder: harness.responder) { port in
                try await TestClient.withClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(60))) { client in
                    var headers = HTTPFields()
                    headers[.authorization] = "Bearer \(key)"
                    headers[.contentType] = "application/json"
                    let sent = try await client.execute(.init("/v1/messages", method: .post, headers: headers, body: ByteBuffer(string: sendJSON())))
                    #expect(sent.status == .accepted)
                    let location = try #require(sent.headers[.location])
                    let fetched = try await client.execute(.init(location, method: .get, headers: headers))
                    #expect(fetched.status == .ok)
                    #expect(fetched.body == sent.body)
                    let missing = try await client.execute(.init("/nowhere", method: .get))
                    #expect(missing.status == .notFound)
                    #expect(missing.headers[.contentType] == "application/problem+json")
                }
            }
            #expect(harness.knobs.seenClientAddresses.withLock { $0 } == ["127.0.0.1"])
        }
    }
}
