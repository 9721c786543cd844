import ArgumentParser
import Foundation
import MerkleLog

/// `herald audit verify BUNDLE --key KEY [--checkpoint FILE …]`: verifies an audit bundle offline
/// and prints what, if anything, was tampered with.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify an exported audit bundle offline and report any tampering.",
        discussion: """
            Checks every entry's signature, the index sequence and hash chain, every checkpoint's \
            signature, the Merkle roots recomputed from the entries, and the bundle's proofs; \
            checkpoints kept from earlier audits (--checkpoint) also reveal truncation and forks. \
            Each finding names its kind (edited, dropped, reordered, inserted, renumbered, redacted, \
            rootMismatch, …) and the entry index. See docs/audit-bundle.md.

            Exit status:
              0   clean (redactions and not-yet-checkpointed entries are fine)
              1   tampering or inconsistency found (the report lists it)
              2   an input could not be read: bundle, key or checkpoint file
              64  usage error
            """
    )

    @Argument(help: "The audit bundle file (JSON Lines), as written by `herald audit export`.")
    var bundle: String

    @Option(help: ArgumentHelp("The log's verifier key, or a file containing it.", valueName: "name+keyid+base64"))
    var key: String

    @Option(name: .customLong("checkpoint"), help: ArgumentHelp("A signed checkpoint kept from an earlier audit; repeatable.", valueName: "file"))
    var checkpoints: [String] = []

    @Option(help: "The log origin to expect (default: the one the bundle names).")
    var origin: String?

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        let trustedKey = try readKey()
        let bundleBytes = try read(bundle, what: "bundle")
        let parsed: AuditBundle
        do {
            parsed = try AuditBundle(jsonLines: bundleBytes)
        } catch {
            fail("\(bundle): \(error.message)")
        }
        var known: [String] = []
        for path in checkpoints {
            known.append(String(decoding: try read(path, what: "checkpoint"), as: UTF8.self))
        }
        let report = BundleVerifier(trustedKey: trustedKey, knownCheckpoints: known, expectedOrigin: origin).verify(parsed)
        if json {
            print(try jsonReport(report))
        } else {
            if !checkpoints.isEmpty {
                print("Previously known checkpoints:")
                for (n, path) in checkpoints.enumerated() { print("  #\(n + 1) \(path)") }
            }
            print(report.rendered, terminator: "")
        }
        if !report.isClean { throw ExitCode(1) }
    }

    private func readKey() throws -> NoteVerifierKey {
        if let key = try? NoteVerifierKey(parsing: key) { return key }
        if FileManager.default.fileExists(atPath: key) {
            let text = String(decoding: try read(key, what: "key"), as: UTF8.self)
            do {
                return try NoteVerifierKey(parsing: text)
            } catch {
                fail("\(key): \(error.message)")
            }
        }
        do {
            return try NoteVerifierKey(parsing: key)
        } catch {
            fail("--key: \(error.message)")
        }
    }

    private func read(_ path: String, what: String) throws -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            fail("cannot read \(what) file \(path): \(error.localizedDescription)")
        }
    }

    private func jsonReport(_ report: VerificationReport) throws -> String {
        struct Output: Encodable {
            let clean: Bool
            let verdict: String
            let report: VerificationReport
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Output(clean: report.isClean, verdict: report.verdict, report: report)), as: UTF8.self)
    }

    /// Prints an input error and exits with status 2.
    private func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("herald audit verify: \(message)\n".utf8))
        Self.exit(withError: ExitCode(2))
    }
}
