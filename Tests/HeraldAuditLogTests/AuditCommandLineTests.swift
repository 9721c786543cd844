import Foundation
import GRDB
import HeraldAuditLog
import HeraldCore
import HeraldSQLite
import MerkleLog
import Testing

/// `herald audit key`, `herald audit export` and `herald audit verify` as processes, with their exit codes.
@Suite struct AuditCommandLineTests {
    /// A data directory as `herald serve` leaves it: secrets (from `herald audit key`) and a database with
    /// sealed events.
    static func dataDirectory(events: Int) async throws -> (directory: URL, key: String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("herald-cli-\(UUID().uuidString)")
        let keyRun = try HeraldExecutable.run(["audit", "key", "--data-directory", directory.path])
        #expect(keyRun.status == 0, "\(keyRun.stderr)")
        let key = keyRun.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let secrets = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("secrets.json"))) as? [String: Any]
        let identity = try AuditLogIdentity(encodedPrivateKey: secrets?["audit_log_key"] as? String ?? "")
        #expect(identity.verifierKey == key)
        let store = try SQLiteHeraldStore(
            path: directory.appendingPathComponent("herald.sqlite").path, logger: AuditLogHarness.logger(), auditSealer: try MerkleAuditSealer(identity: identity))
        try await store.migrate()
        let clock = ManualClock()
        for n in 0..<events { try await store.appendAudit([AuditLogHarness.event(n, at: clock.now())]) }
        try await store.close()
        return (directory, key)
    }

    static func tamper(_ directory: URL, _ sql: String) throws {
        let queue = try DatabaseQueue(path: directory.appendingPathComponent("herald.sqlite").path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
    }

    @Test func exportThenVerifyIsCleanAndTamperingExitsOne() async throws {
        let (directory, key) = try await Self.dataDirectory(events: 8)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("audit.jsonl").path

        let export = try HeraldExecutable.run(["audit", "export", "--data-directory", directory.path, "--out", bundle, "--include-sealed-values"])
        #expect(export.status == 0, "\(export.stderr)")
        // The 8 events and the export's own entry (`audit.export`, written before the bundle).
        #expect(export.stdout.contains("9 entries"), "\(export.stdout)")
        let exported = try AuditBundle(jsonLines: Array(try Data(contentsOf: URL(fileURLWithPath: bundle))))
        let own = try #require(exported.entries.last)
        #expect(String(decoding: own.payload.publicData, as: UTF8.self).contains("audit.export"))
        let attributes = try FileManager.default.attributesOfItem(atPath: bundle)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let clean = try HeraldExecutable.run(["audit", "verify", bundle, "--key", key])
        #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
        #expect(clean.stdout.contains("CLEAN"))

        try Self.tamper(directory, "UPDATE audit_sealed_values SET value = CAST('+15555550100' AS BLOB) WHERE entry_index = 3")
        let again = try HeraldExecutable.run(["audit", "export", "--data-directory", directory.path, "--out", bundle, "--include-sealed-values"])
        #expect(again.status == 0, "\(again.stderr)")
        let tampered = try HeraldExecutable.run(["audit", "verify", bundle, "--key", key, "--json"])
        #expect(tampered.status == 1)
        let report = try JSONSerialization.jsonObject(with: Data(tampered.stdout.utf8)) as? [String: Any]
        #expect(report?["clean"] as? Bool == false)
        let findings = ((report?["report"] as? [String: Any])?["findings"] as? [[String: Any]]) ?? []
        #expect(findings.contains { $0["kind"] as? String == "edited" && $0["entryIndex"] as? Int == 3 }, "\(tampered.stdout)")
    }

    @Test func damagedRowsAreLeftOutWithExitOneAndReportedAsDropped() async throws {
        let (directory, key) = try await Self.dataDirectory(events: 5)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bundle = directory.appendingPathComponent("audit.jsonl").path
        try Self.tamper(directory, "UPDATE audit_log_entries SET signature = x'0011' WHERE leaf_index = 2")
        let export = try HeraldExecutable.run(["audit", "export", "--data-directory", directory.path, "--out", bundle])
        #expect(export.status == 1)
        #expect(export.stderr.contains("damaged") && export.stderr.contains(": 2"), "\(export.stderr)")
        let verify = try HeraldExecutable.run(["audit", "verify", bundle, "--key", key])
        #expect(verify.status == 1)
        #expect(verify.stdout.contains("dropped"), "\(verify.stdout)")
    }

    @Test func unreadableInputsExitTwoAndUsageErrorsSixtyFour() async throws {
        let (directory, key) = try await Self.dataDirectory(events: 2)
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("missing.jsonl").path
        #expect(try HeraldExecutable.run(["audit", "verify", missing, "--key", key]).status == 2)
        #expect(try HeraldExecutable.run(["audit", "verify", missing, "--key", "not-a-key"]).status == 2)
        #expect(try HeraldExecutable.run(["audit", "verify", missing]).status == 64)
        #expect(try HeraldExecutable.run(["audit", "export", "--data-directory", directory.path]).status == 64)
        // The output path's directory does not exist.
        let nowhere = directory.appendingPathComponent("no/such/dir/audit.jsonl").path
        #expect(try HeraldExecutable.run(["audit", "export", "--data-directory", directory.path, "--out", nowhere]).status == 2)
    }
}
