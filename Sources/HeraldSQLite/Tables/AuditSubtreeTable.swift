import Foundation
import GRDB
import HeraldCore

/// Cached perfect-subtree hashes of the audit log's Merkle tree (`audit_log_subtrees`).
enum AuditSubtreeTable {
    static func insert(_ subtrees: [AuditSubtreeHash], in db: Database) throws {
        guard !subtrees.isEmpty else { return }
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO audit_log_subtrees (level, position, hash) VALUES (?, ?, ?)")
        for subtree in subtrees {
            try statement.execute(arguments: [subtree.key.level, Int64(subtree.key.index), Data(subtree.hash)])
        }
    }

    static func hashes(_ keys: [AuditSubtreeKey], in db: Database) throws -> [AuditSubtreeKey: [UInt8]] {
        let statement = try db.cachedStatement(sql: "SELECT hash FROM audit_log_subtrees WHERE level = ? AND position = ?")
        var found: [AuditSubtreeKey: [UInt8]] = [:]
        for key in keys {
            if let hash = try Data.fetchOne(statement, arguments: [key.level, Int64(clamping: key.index)]) { found[key] = Array(hash) }
        }
        return found
    }
}
