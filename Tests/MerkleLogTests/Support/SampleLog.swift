import Foundation
import MerkleLog

/// A 40-entry log with checkpoints at sizes 10, 20, 30 and 40; even entries carry a sealed "msisdn".
enum SampleLog {
    static let origin = "audit.herald.example/log"
    static let key = try! NoteSignerKey(name: origin, seed: Array(0..<32))
    static let trusted = key.verifierKey
    /// A different key under the same name: what a tamperer without the real key has.
    static let forgerKey = try! NoteSignerKey(name: origin, seed: Array(100..<132))

    static func payload(_ i: Int) -> AuditPayload {
        let json = Array(#"{"action":"message.submit","seq":\#(i)}"#.utf8)
        var fields: [SealedField] = []
        if i % 2 == 0 {
            fields.append(try! SealedField.seal(name: "msisdn", value: Array("+4477009\(String(format: "%05d", i))".utf8),
                                                salt: Array(repeating: UInt8(i), count: 32)))
        }
        return try! AuditPayload(publicData: json, sealedFields: fields)
    }

    static func makeLog(entries: Int = 40, checkpointEvery: Int = 10) -> InMemoryAuditLog {
        var log = try! InMemoryAuditLog(origin: origin, key: key)
        for i in 0..<entries {
            try! log.append(payload(i))
            if (i + 1) % checkpointEvery == 0 {
                try! log.checkpoint(issuedAt: Date(timeIntervalSince1970: 1_700_000_000 + Double(i)))
            }
        }
        return log
    }

    static let log = makeLog()
    static let bundle = try! log.bundle(inclusionProofsFor: [3, 17])

    /// An envelope the forger signs with the wrong key (it cannot sign with the log's).
    static func forged(index: UInt64, previousHash: MerkleHash, text: String = #"{"action":"forged"}"#) -> AuditEnvelope {
        let payload = try! AuditPayload(publicData: Array(text.utf8))
        let signature = try! forgerKey.signature(for: AuditEnvelope.signedMessage(origin: origin, index: index, payloadDigest: payload.digest))
        return try! AuditEnvelope(index: index, previousHash: previousHash, payload: payload, signature: signature)
    }

    /// The same entry with other public bytes (signature untouched).
    static func editing(_ entry: AuditEnvelope, publicText: String) -> AuditEnvelope {
        try! AuditEnvelope(index: entry.index, previousHash: entry.previousHash,
                           payload: AuditPayload(publicData: Array(publicText.utf8), sealedFields: entry.payload.sealedFields),
                           signature: entry.signature)
    }

    static func with(_ entry: AuditEnvelope, index: UInt64? = nil, previousHash: MerkleHash? = nil) -> AuditEnvelope {
        try! AuditEnvelope(index: index ?? entry.index, previousHash: previousHash ?? entry.previousHash,
                           payload: entry.payload, signature: entry.signature)
    }

    /// Recomputes every previous-hash field from position `start` on, as a tamperer with database access can.
    static func rechain(_ entries: inout [AuditEnvelope], from start: Int) {
        for p in max(start, 1)..<entries.count {
            entries[p] = with(entries[p], previousHash: entries[p - 1].leafHash)
        }
    }
}
