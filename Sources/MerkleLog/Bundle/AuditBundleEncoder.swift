import Foundation

/// Encodes bundle lines one at a time, so an exporter can stream a large log to a file without
/// holding it in memory: write ``headerLine(origin:verifierKey:)``, then checkpoint and proof
/// lines, then one ``line(entry:)`` per entry in order.
///
/// ```swift
/// let encoder = AuditBundleEncoder()
/// try file.write(contentsOf: encoder.headerLine(origin: origin, verifierKey: key.description))
/// for note in checkpoints { try file.write(contentsOf: encoder.line(checkpoint: note)) }
/// for envelope in rows { try file.write(contentsOf: encoder.line(entry: envelope)) }
/// ```
public struct AuditBundleEncoder: Sendable {
    private let encoder: JSONEncoder

    /// Creates an encoder.
    public init() {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
    }

    /// The header line (always first).
    public func headerLine(origin: String, verifierKey: String) -> [UInt8] {
        var line = BundleLine(type: .header)
        line.format = AuditBundle.format
        line.version = AuditBundle.version
        line.origin = origin
        line.verifierKey = verifierKey
        return encode(line)
    }

    /// A signed checkpoint note line.
    public func line(checkpoint note: String) -> [UInt8] {
        var line = BundleLine(type: .checkpoint)
        line.note = note
        return encode(line)
    }

    /// A consistency proof line.
    public func line(consistencyProof proof: ConsistencyProof) -> [UInt8] {
        var line = BundleLine(type: .consistency)
        line.from = proof.fromSize
        line.to = proof.toSize
        line.hashes = proof.hashes
        return encode(line)
    }

    /// An inclusion proof line.
    public func line(inclusionProof proof: InclusionProof) -> [UInt8] {
        var line = BundleLine(type: .inclusion)
        line.index = proof.leafIndex
        line.size = proof.treeSize
        line.hashes = proof.hashes
        return encode(line)
    }

    /// An entry line.
    public func line(entry: AuditEnvelope) -> [UInt8] {
        var line = BundleLine(type: .entry)
        line.index = entry.index
        line.prev = entry.previousHash
        line.public = BundleLine.Bytes(entry.payload.publicData)
        if !entry.payload.sealedFields.isEmpty {
            line.sealed = entry.payload.sealedFields.map { field in
                BundleLine.Sealed(
                    name: field.name,
                    commitment: field.commitment,
                    salt: field.opening.map { Base64.encode($0.salt) },
                    value: field.opening.map { BundleLine.Bytes($0.value) }
                )
            }
        }
        line.sig = Base64.encode(entry.signature)
        return encode(line)
    }

    private func encode(_ line: BundleLine) -> [UInt8] {
        // Encoding plain strings, integers and arrays of them cannot fail.
        var bytes = (try? Array(encoder.encode(line))) ?? []
        bytes.append(0x0A)
        return bytes
    }
}
