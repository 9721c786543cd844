import Foundation

/// Reads JSON Lines bundles; every error names its 1-based line number.
struct AuditBundleDecoder {
    private let decoder = JSONDecoder()

    func decode(_ bytes: [UInt8]) throws(MerkleLogError) -> AuditBundle {
        // Collected in separate arrays and assembled at the end: appending through a copy of a
        // bundle value would copy its entries on every line (quadratic).
        var header: (origin: String, verifierKey: String)?
        var checkpoints: [String] = []
        var consistencyProofs: [ConsistencyProof] = []
        var inclusionProofs: [InclusionProof] = []
        var entries: [AuditEnvelope] = []
        var lineNumber = 0
        for rawLine in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            var lineBytes = rawLine
            if lineBytes.last == 0x0D { lineBytes = lineBytes.dropLast() }
            if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            func malformed(_ why: String) -> MerkleLogError {
                MerkleLogError(.malformedBundle, "line \(lineNumber): \(why)")
            }
            let line: BundleLine
            do {
                line = try decoder.decode(BundleLine.self, from: Data(lineBytes))
            } catch {
                throw malformed("not a bundle record (\(Self.describe(error)))")
            }
            guard header != nil else {
                guard line.type == .header else { throw malformed("the first line must be the header") }
                guard line.format == AuditBundle.format else { throw malformed("not a \(AuditBundle.format) file") }
                guard line.version == AuditBundle.version else {
                    throw MerkleLogError(.unsupportedBundleVersion, "line \(lineNumber): bundle version \(line.version.map(String.init) ?? "?") is not supported (this verifier reads version \(AuditBundle.version))")
                }
                guard let origin = line.origin, let verifierKey = line.verifierKey else { throw malformed("the header needs origin and verifierKey") }
                header = (origin, verifierKey)
                continue
            }
            switch line.type {
            case .header:
                throw malformed("a second header")
            case .checkpoint:
                guard let note = line.note else { throw malformed("a checkpoint line needs a note") }
                checkpoints.append(note)
            case .consistency:
                guard let from = line.from, let to = line.to, let hashes = line.hashes else { throw malformed("a consistency line needs from, to and hashes") }
                consistencyProofs.append(ConsistencyProof(fromSize: from, toSize: to, hashes: hashes))
            case .inclusion:
                guard let index = line.index, let size = line.size, let hashes = line.hashes else { throw malformed("an inclusion line needs index, size and hashes") }
                inclusionProofs.append(InclusionProof(leafIndex: index, treeSize: size, hashes: hashes))
            case .entry:
                entries.append(try entry(from: line, malformed: malformed))
            }
        }
        guard let header else { throw MerkleLogError(.malformedBundle, "the file is empty") }
        return AuditBundle(
            origin: header.origin,
            verifierKey: header.verifierKey,
            checkpoints: checkpoints,
            consistencyProofs: consistencyProofs,
            inclusionProofs: inclusionProofs,
            entries: entries
        )
    }

    private func entry(from line: BundleLine, malformed: (String) -> MerkleLogError) throws(MerkleLogError) -> AuditEnvelope {
        guard let index = line.index, let prev = line.prev, let publicBytes = line.public?.decoded(),
              let signatureText = line.sig, let signature = Base64.decode(signatureText) else {
            throw malformed("an entry line needs index, prev, public (utf8 or base64) and sig (base64)")
        }
        var fields: [SealedField] = []
        for sealed in line.sealed ?? [] {
            var opening: SealedField.Opening?
            switch (sealed.salt, sealed.value) {
            case (nil, nil):
                opening = nil
            case (let salt?, let value?):
                guard let saltBytes = Base64.decode(salt), let valueBytes = value.decoded() else {
                    throw malformed("sealed field \"\(sealed.name)\": salt or value is not decodable")
                }
                do {
                    opening = try SealedField.Opening(salt: saltBytes, value: valueBytes)
                } catch {
                    throw malformed("sealed field \"\(sealed.name)\": \(error.message)")
                }
            default:
                throw malformed("sealed field \"\(sealed.name)\" needs both salt and value, or neither")
            }
            do {
                fields.append(try SealedField(name: sealed.name, commitment: sealed.commitment, opening: opening))
            } catch {
                throw malformed(error.message)
            }
        }
        do {
            let payload = try AuditPayload(publicData: publicBytes, sealedFields: fields)
            return try AuditEnvelope(index: index, previousHash: prev, payload: payload, signature: signature)
        } catch {
            throw malformed(error.message)
        }
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? DecodingError {
            switch error {
            case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
                let path = context.codingPath.map(\.stringValue).joined(separator: ".")
                return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
            @unknown default:
                return "\(error)"
            }
        }
        return "\(error)"
    }
}
