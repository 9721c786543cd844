import Foundation
import GRDB
import HeraldCore

/// Reads a row's columns left to right, so decoders stay aligned with the column lists they mirror.
struct RowReader {
    private let row: Row
    private var index: Int

    init(_ row: Row, startingAt index: Int = 0) {
        self.row = row
        self.index = index
    }

    mutating func next<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ type: Value.Type = Value.self) throws -> Value {
        defer { index += 1 }
        return try row.decode(Value.self, atIndex: index)
    }

    mutating func timestamp() throws -> Timestamp {
        Timestamp(millisecondsSince1970: try next(Int64.self))
    }

    mutating func optionalTimestamp() throws -> Timestamp? {
        try next(Int64?.self).map(Timestamp.init(millisecondsSince1970:))
    }

    mutating func enumeration<Value: RawRepresentable>(_ type: Value.Type, _ what: String) throws -> Value where Value.RawValue == String {
        let text = try next(String.self)
        guard let value = Value(rawValue: text) else { throw SQLiteStoreError.corrupt(what, text) }
        return value
    }

    /// A status history column: the fast reader, else `JSONDecoder` (text written by other means).
    mutating func history() throws -> [StatusChange] {
        let text = try next(String.self)
        if let changes = CompactJSON.parseHistory(text) { return changes }
        do {
            return try JSONDecoder().decode([StoredStatusChange].self, from: Data(text.utf8)).map { try $0.statusChange() }
        } catch let error as HeraldError {
            throw error
        } catch {
            throw SQLiteStoreError.corrupt("status history", String(text.prefix(80)))
        }
    }

    mutating func json<Value: Decodable>(_ type: Value.Type, _ what: String) throws -> Value {
        let text = try next(String.self)
        do {
            return try JSONDecoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw SQLiteStoreError.corrupt(what, String(text.prefix(80)))
        }
    }
}
