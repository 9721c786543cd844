import Foundation
import NIOCore
import NIOSSL
import Testing
@testable import SMPP

@Suite("TLS")
struct TLSTests {
    /// A throwaway self-signed certificate for "localhost", made with the openssl CLI.
    func makeCertificate() throws -> (certificate: NIOSSLCertificate, key: NIOSSLPrivateKey)? {
        guard let openssl = ExternalTool.find("openssl") else { return nil }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("smpp-tls-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let certPath = directory.appendingPathComponent("cert.pem").path
        let keyPath = directory.appendingPathComponent("key.pem").path
        let result = try ExternalTool.run(openssl, [
            "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", keyPath, "-out", certPath, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=DNS:localhost",
        ])
        guard result.status == 0 else {
            Issue.record("openssl failed: \(result.stderr)")
            return nil
        }
        guard let certificate = try NIOSSLCertificate.fromPEMFile(certPath).first else { return nil }
        return (certificate, try NIOSSLPrivateKey(file: keyPath, format: .pem))
    }

    @Test func clientAndServerOverTLS() async throws {
        guard let (certificate, key) = try makeCertificate() else {
            try ExternalTool.skip("openssl CLI not available to make a test certificate")
            return
        }
        let handler = RecordingServerHandler()
        try await withServer(handler: handler, configure: { configuration in
            configuration.tls = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        }) { _, port in
            var configuration = clientConfiguration(port: port)
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates([certificate])
            configuration.tls = tls
            configuration.tlsServerHostname = "localhost"
            try await withClient(configuration) { client in
                let response = try await client.submit(makeSubmit("over tls"))
                #expect(response.messageID == "M00000001")
            }
        }
        #expect(handler.state.withLock { $0.submits.count } == 1)
    }

    @Test func untrustedCertificateNeverBinds() async throws {
        guard let (certificate, key) = try makeCertificate() else {
            try ExternalTool.skip("openssl CLI not available to make a test certificate")
            return
        }
        let handler = RecordingServerHandler()
        try await withServer(handler: handler, configure: { configuration in
            configuration.tls = TLSConfiguration.makeServerConfiguration(certificateChain: [.certificate(certificate)], privateKey: .privateKey(key))
        }) { _, port in
            var configuration = clientConfiguration(port: port)
            configuration.tls = TLSConfiguration.makeClientConfiguration()  // system roots only
            configuration.tlsServerHostname = "localhost"
            try await withClient(configuration, waitForBind: false) { client in
                let failed = await eventually {
                    if case .reconnecting(_, _, let error) = client.state { return error != nil }
                    return false
                }
                #expect(failed)
                #expect(!client.state.isBound)
            }
        }
        #expect(handler.state.withLock { $0.attempts.isEmpty })
    }
}
