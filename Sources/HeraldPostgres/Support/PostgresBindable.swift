import PostgresNIO

/// A value that can be bound to a statement parameter (`?` or `$n` in ``PostgresStatement``). NULLs of
/// optionals keep their column type, so PostgreSQL never has to guess it.
protocol PostgresBindable: Sendable {
    func bind(to bindings: inout PostgresBindings)
}

extension String: PostgresBindable {
    func bind(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Int: PostgresBindable {
    func bind(to bindings: inout PostgresBindings) { bindings.append(Int64(self)) }
}

extension Int64: PostgresBindable {
    func bind(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Double: PostgresBindable {
    func bind(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Bool: PostgresBindable {
    func bind(to bindings: inout PostgresBindings) { bindings.append(self) }
}

extension Array: PostgresBindable where Element: PostgresBindableArrayElement {
    func bind(to bindings: inout PostgresBindings) { Element.bind(self, to: &bindings) }
}

/// Element types of array parameters (`= ANY($1)`).
protocol PostgresBindableArrayElement: Sendable {
    static func bind(_ values: [Self], to bindings: inout PostgresBindings)
}

extension String: PostgresBindableArrayElement {
    static func bind(_ values: [String], to bindings: inout PostgresBindings) { bindings.append(values) }
}

extension Int64: PostgresBindableArrayElement {
    static func bind(_ values: [Int64], to bindings: inout PostgresBindings) { bindings.append(values) }
}

extension Optional: PostgresBindable where Wrapped: PostgresBindable & PostgresDynamicTypeEncodable {
    func bind(to bindings: inout PostgresBindings) { bindings.append(self) }
}

/// Binary data for a `BYTEA` column.
struct PostgresBytes: PostgresBindable {
    var bytes: [UInt8]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    func bind(to bindings: inout PostgresBindings) { bindings.append(ByteBuffer(bytes: bytes)) }
}

/// Binary values for a `BYTEA[]` parameter (e.g. `unnest(?::bytea[])`).
struct PostgresByteArray: PostgresBindable {
    var buffers: [ByteBuffer]

    init(_ values: [[UInt8]]) {
        buffers = values.map { ByteBuffer(bytes: $0) }
    }

    init(buffers: [ByteBuffer]) {
        self.buffers = buffers
    }

    func bind(to bindings: inout PostgresBindings) { bindings.append(buffers) }
}
