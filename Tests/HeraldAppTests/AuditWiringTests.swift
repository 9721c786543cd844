import Foundation
import HeraldApp
import HeraldCore
import HeraldTestSupport
import Logging
import Testing

/// The audit log as `herald serve` wires it: key and origin in the secrets file, checkpoints signed by a
/// service of the node's group, configuration checked.
@Suite struct AuditWiringTests {
    static func configuration(_ directory: URL) -> HeraldConfiguration {
        var configuration = HeraldConfiguration()
        configuration.dataDirectory = directory.path
        configuration.http.port = 0
        configuration.simulator.enabled = false
        configuration.carriers = [CarrierLinkConfiguration(id: "acme", host: "127.0.0.1", port: 1, systemID: "herald", password: "pw", binds: 1, window: 1)]
        return configuration
    }

    static var logger: Logger {
        var logger = Logger(label: "herald.tests.app")
        logger.logLevel = .critical
        return logger
    }

    @Test func aRunningNodeSignsCheckpointsOfItsAuditLogOnItsOwn() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var configuration = Self.configuration(directory)
        configuration.audit.origin = "audit.wiring.tests.herald.example/log"
        let application = try await HeraldApplication.make(configuration: configuration, logger: Self.logger)
        // The first start seeded the configured carrier link and created an account with its key and the
        // first operator with its token, each audited.
        let initial = try await application.store.auditLogHead().size
        #expect(initial == 5)
        #expect(try await application.store.latestAuditCheckpoint() == nil)
        let running = Task { try await application.run(handlingSignals: false) }
        var checkpoint: AuditCheckpointRecord?
        let deadline = ContinuousClock.now + .seconds(60)
        while ContinuousClock.now < deadline {
            checkpoint = try await application.store.latestAuditCheckpoint()
            if checkpoint != nil { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        running.cancel()
        _ = await running.result
        #expect(checkpoint?.size == initial)
        #expect(checkpoint?.note.hasPrefix("audit.wiring.tests.herald.example/log\n\(initial)\n") == true)
        #expect(application.auditLog.verifierKey.hasPrefix("audit.wiring.tests.herald.example/log+"))
    }

    @Test func secretsGainTheAuditKeyAndTheOriginCannotChange() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-app-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("secrets.json").path
        // A file written before the audit log existed.
        let old = #"{"pseudonym_key": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", "verification_key": "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="}"#
        #expect(FileManager.default.createFile(atPath: path, contents: Data(old.utf8), attributes: [.posixPermissions: 0o600]))
        let upgraded = try ServerSecrets.loadOrCreate(at: path, random: SystemRandomSource())
        #expect(upgraded.pseudonymKey == "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
        let identity = try upgraded.auditLogIdentity()
        #expect(identity.origin.hasPrefix("herald.local/audit/"))
        #expect(((try FileManager.default.attributesOfItem(atPath: path))[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // Loading again keeps the same key.
        #expect(try ServerSecrets.loadOrCreate(at: path, random: SystemRandomSource()) == upgraded)
        #expect(throws: ConfigurationError.self) { try ServerSecrets.loadOrCreate(at: path, random: SystemRandomSource(), auditOrigin: "another.example/log") }
    }

    @Test func auditConfigurationIsValidated() throws {
        let parsed = try ConfigurationLoader.parse(yaml: "audit:\n  checkpoint_interval_seconds: 5\n  origin: audit.sms.example/log\nretention:\n  audit_sealed_days: 30\n")
        #expect(parsed.audit.checkpointIntervalSeconds == 5 && parsed.audit.origin == "audit.sms.example/log")
        #expect(parsed.retention.auditSealedDays == 30)
        #expect(HeraldConfiguration().audit.checkpointIntervalSeconds == 1)
        #expect(HeraldConfiguration().retention.auditSealedDays == 90)
        for yaml in ["audit:\n  checkpoint_interval_seconds: 0\n", "audit:\n  origin: has space\n", "retention:\n  audit_sealed_days: 0\n"] {
            #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(yaml: yaml).validate() }
        }
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(yaml: "audit:\n  interval: 1\n") }
    }
}
