import Foundation
import HeraldCore

/// The answers of `GET /v1/audit/proofs/inclusion` and `…/consistency` (hashes in standard base64).
enum AuditProofAnswer {
    struct Inclusion: Encodable {
        var index: UInt64
        var treeSize: UInt64
        var leafHash: String
        var hashes: [String]

        enum CodingKeys: String, CodingKey {
            case index, hashes
            case treeSize = "tree_size"
            case leafHash = "leaf_hash"
        }

        init(_ proof: AuditInclusionProof) {
            index = proof.leafIndex
            treeSize = proof.treeSize
            leafHash = Data(proof.leafHash).base64EncodedString()
            hashes = proof.hashes.map { Data($0).base64EncodedString() }
        }
    }

    struct Consistency: Encodable {
        var from: UInt64
        var to: UInt64
        var hashes: [String]

        init(_ proof: AuditConsistencyProof) {
            from = proof.fromSize
            to = proof.toSize
            hashes = proof.hashes.map { Data($0).base64EncodedString() }
        }
    }
}
