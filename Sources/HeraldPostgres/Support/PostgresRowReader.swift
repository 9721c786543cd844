import Foundation
import HeraldCore
import PostgresNIO

/// Reads a row's columns left to right, so decoders stay aligned with the column lists they mirror.
struct PostgresRowReader {
    private let cells: [PostgresCell]
    private var index: Int

    init(_ row: PostgresRow, startingAt index: Int = 0) {
        self.cells = Array(row)
        self.index = index
    }

    mutating func next<Value: PostgresDecodable>(_ type: Value.Type = Value.self) throws -> Value {
        defer { index += 1 }
        guard index < cells.count else { throw PostgresStoreError.corrupt("row", "missing column \(index)") }
        do {
            return try cells[index].decode(Value.self)
        } catch {
            throw PostgresStoreError.corrupt("column \(cells[index].columnName)", "\(error)")
        }
    }

    mutating func int() throws -> Int { Int(try next(Int64.self)) }

    mutating func optionalInt() throws -> Int? { try next(Int64?.self).map(Int.init) }

    mutating func bytes() throws -> [UInt8] {
        let buffer = try next(ByteBuffer.self)
        return Array(buffer.readableBytesView)
    }

    mutating func timestamp() throws -> Timestamp {
        Timestamp(millisecondsSince1970: try next(Int64.self))
    }

    mutating func optionalTimestamp() throws -> Timestamp? {
        try next(Int64?.self).map(Timestamp.init(millisecondsSince1970:))
    }

    mutating func enumeration<Value: RawRepresentable>(_ type: Value.Type, _ what: String) throws -> Value where Value.RawValue == String {
        let text = try next(String.self)
        guard let value = Value(rawValue: text) else { throw PostgresStoreError.corrupt(what, text) }
        return value
    }

    mutating func json<Value: Decodable>(_ type: Value.Type, _ what: String) throws -> Value {
        let text = try next(String.self)
        do {
            return try HeraldJSON.decoder().decode(Value.self, from: Data(text.utf8))
        } catch {
            throw PostgresStoreError.corrupt(what, String(text.prefix(80)))
        }
    }
}
