import Foundation
import MerkleLog
import Testing

@Suite struct AuditBundleCodingTests {
    @Test func roundTripsThroughJSONLines() throws {
        let bundle = SampleLog.bundle
        let bytes = bundle.jsonLines()
        let decoded = try AuditBundle(jsonLines: bytes)
        #expect(decoded == bundle)
        #expect(BundleVerifier(trustedKey: SampleLog.trusted).verify(decoded).isClean)
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 1 + 4 + 3 + 2 + 40)
        #expect(lines[0].contains(#""format":"herald-audit-bundle""#))
        #expect(lines[0].contains(#""origin":"audit.herald.example/log""#))
        #expect(lines[10].contains(#""utf8":"{\"action\":\"message.submit\",\"seq\":0}""#))
    }

    @Test func redactedFieldsOmitSaltAndValue() throws {
        var bundle = SampleLog.bundle
        bundle.entries[4] = bundle.entries[4].redacting(["msisdn"])
        let text = String(decoding: bundle.jsonLines(), as: UTF8.self)
        let line = text.split(separator: "\n").first { $0.contains(#""seq\":4}"#) }!
        #expect(!line.contains("salt"))
        #expect(!line.contains("+447700900004"))
        #expect(line.contains("commitment"))
        #expect(try AuditBundle(jsonLines: Array(text.utf8)) == bundle)
    }

    @Test func preservesArbitraryBytesExactly() throws {
        let log = SampleLog.log
        let texts: [[UInt8]] = [
            Array("e\u{301}".utf8), Array("\u{E9}".utf8),            // NFD and NFC stay distinct
            Array("tab\t nul\u{0} quote\" slash/ back\\".utf8),
            [0xFF, 0xFE, 0x00, 0x80],                               // not UTF-8: base64
            [],
        ]
        var bundle = AuditBundle(origin: log.origin, verifierKey: SampleLog.trusted.description)
        var state = AuditLogState.empty
        for text in texts {
            let field = try SealedField.seal(name: "v", value: text)
            let result = try log.writer.append(try AuditPayload(publicData: text, sealedFields: [field]), to: state)
            bundle.entries.append(result.envelope)
            state = result.state
        }
        let decoded = try AuditBundle(jsonLines: bundle.jsonLines())
        #expect(decoded.entries.map(\.payload.publicData) == texts)
        #expect(decoded.entries.map { $0.payload.sealedFields[0].opening!.value } == texts)
        #expect(decoded == bundle)
    }

    @Test func reportsTheOffendingLine() {
        var lines = String(decoding: SampleLog.bundle.jsonLines(), as: UTF8.self).split(separator: "\n").map(String.init)
        lines[12] = String(lines[12].dropLast(3))
        let broken = Array(lines.joined(separator: "\n").utf8)
        #expect {
            try AuditBundle(jsonLines: broken)
        } throws: { error in
            guard let error = error as? MerkleLogError else { return false }
            return error.code == .malformedBundle && error.message.hasPrefix("line 13:")
        }
        let noHeader = Array(lines.dropFirst().joined(separator: "\n").utf8)
        #expect(throws: MerkleLogError.self) { try AuditBundle(jsonLines: noHeader) }
        var future = lines
        future[0] = future[0].replacingOccurrences(of: #""version":1"#, with: #""version":2"#)
        #expect {
            try AuditBundle(jsonLines: Array(future.joined(separator: "\n").utf8))
        } throws: { ($0 as? MerkleLogError)?.code == .unsupportedBundleVersion }
        #expect(throws: MerkleLogError.self) { try AuditBundle(jsonLines: [UInt8]()) }
    }

    @Test func builderRejectsOutOfOrderEntriesAndSortsCheckpoints() throws {
        let log = SampleLog.log
        var builder = AuditBundleBuilder(origin: log.origin, verifierKey: SampleLog.trusted)
        #expect(throws: MerkleLogError.self) { try builder.append(log.entries[1]) }
        try builder.append(contentsOf: log.entries)
        for checkpoint in log.checkpoints.reversed() { builder.addCheckpoint(checkpoint) }
        builder.addCheckpoint(log.checkpoints[0])   // duplicate
        let bundle = try builder.build()
        #expect(bundle.checkpoints == log.checkpoints.map(\.serialized))
        #expect(bundle.consistencyProofs.map(\.fromSize) == [10, 20, 30])
        var uncovered = builder
        uncovered.addInclusionProof(forEntry: 40)
        #expect(throws: MerkleLogError.self) { try uncovered.build() }
    }
}
