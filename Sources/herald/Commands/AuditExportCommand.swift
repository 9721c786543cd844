import ArgumentParser
import Foundation
import HeraldApp
import HeraldAuditLog
import HeraldCore
import Logging

/// `herald audit export --out BUNDLE`: writes an audit bundle from the node's database, for offline
/// verification with `herald audit verify`.
struct AuditExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an audit bundle (checkpoints, proofs, every entry) from the database.",
        discussion: """
            Signs a checkpoint of the current log (if it grew since the last), then writes the bundle: \
            JSON Lines with the header, up to 100 stored checkpoints, consistency proofs between them, \
            the requested inclusion proofs and every entry. Sealed values (full numbers, message text) \
            are left out unless --include-sealed-values is given; the bundle verifies either way \
            (left-out values are reported as redacted). Every export is itself an audit entry \
            (`audit.export`, by cli:<os user>, saying whether sealed values were included), written \
            before the bundle so the bundle records it. The file is written with mode 0600. \
            See docs/audit-bundle.md.

            Exit status:
              0   written
              1   written, but the stored log is inconsistent: Herald refused to sign a checkpoint of it,
                  or some entries are damaged and were left out (both are explained on standard error;
                  verify the bundle to see which entries were changed)
              2   the configuration, secrets or database could not be read, or the file not written
              64  usage error
            """
    )

    @OptionGroup var options: AuditCommandOptions

    @Option(name: .long, help: ArgumentHelp("The bundle file to write (replaced if it exists).", valueName: "file"))
    var out: String

    @Flag(name: .long, help: "Include sealed values (phone numbers, message text) that retention has not erased yet.")
    var includeSealedValues = false

    @Option(name: .customLong("inclusion-proof"), help: ArgumentHelp("Add the inclusion proof of this entry; repeatable.", valueName: "index"))
    var inclusionProofs: [UInt64] = []

    func run() async throws {
        let configuration = try options.configuration()
        var logger = Logger(label: "herald.audit")
        logger.logLevel = .warning
        let opened: (store: any GatewayStore, log: MerkleAuditLog)
        do {
            opened = try await AuditLogOpener.open(configuration, logger: logger)
        } catch {
            AuditCommandFailure.exit("herald audit export", "\(error)")
        }
        let verifierKey = opened.log.verifierKey
        let outcome: Result<AuditExportSummary, any Error>
        do {
            try await opened.store.appendAudit([
                AuditEvent(
                    at: SystemClock().now(), actor: .cli(OfflineAdministration.operatingSystemUser()), action: "audit.export", target: "audit_log",
                    details: ["sealed_values": includeSealedValues ? "included" : "omitted", "file": (out as NSString).lastPathComponent]),
            ])
            outcome = .success(try await write(opened.log))
        } catch {
            outcome = .failure(error)
        }
        try? await opened.store.close()
        let summary: AuditExportSummary
        switch outcome {
        case .success(let written): summary = written
        case .failure(let error): AuditCommandFailure.exit("herald audit export", "\(error)")
        }
        StandardOutput.line("""
            Wrote \(out): \(summary.entryCount) entries, \(summary.checkpointCount) checkpoints, tree size \(summary.treeSize)\
            \(includeSealedValues ? ", sealed values included" : ", sealed values left out").
            Verify with: herald audit verify \(out) --key \(verifierKey)
            """)
        var inconsistent = false
        if let refusal = summary.checkpointRefusal {
            FileHandle.standardError.write(Data("""
                herald audit export: Herald refused to sign a checkpoint of the stored log: \(refusal). The bundle holds the \
                checkpoints stored so far and every entry present; verify it to see what was changed.

                """.utf8))
            inconsistent = true
        }
        if !summary.unreadableEntries.isEmpty {
            let listed = summary.unreadableEntries.prefix(20).map(String.init).joined(separator: ", ")
            FileHandle.standardError.write(Data("""
                herald audit export: \(summary.unreadableEntries.count) entries are damaged in the database and were left out \
                (a verifier reports them as dropped): \(listed)\(summary.unreadableEntries.count > 20 ? ", …" : "")

                """.utf8))
            inconsistent = true
        }
        if inconsistent { throw ExitCode(1) }
    }

    /// Writes the bundle to a temporary file next to `out` (mode 0600) and moves it into place.
    private func write(_ log: MerkleAuditLog) async throws -> AuditExportSummary {
        let temporary = out + ".partial"
        guard FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600]),
              let file = FileHandle(forWritingAtPath: temporary) else {
            throw ValidationError("cannot write \(out)")
        }
        do {
            let summary = try await log.exportBundle(sealedValues: includeSealedValues ? .all : .none, inclusionProofsFor: inclusionProofs) { bytes in
                try file.write(contentsOf: bytes)
            }
            try file.close()
            guard rename(temporary, out) == 0 else { throw ValidationError("cannot write \(out)") }
            return summary
        } catch {
            try? file.close()
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }
}
