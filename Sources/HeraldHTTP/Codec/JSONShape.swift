/// The field names a JSON request body may contain, so unknown fields can be refused by name.
///
/// Only names are described; types are checked by `Decodable`.
///
/// ```swift
/// let shape = JSONShape.object(["messages": .array(.object(["to": .value, "body": .value]))])
/// ```
public indirect enum JSONShape: Sendable, Equatable {
    /// An object with exactly these known fields (each may be absent).
    case object([String: JSONShape])
    /// An array whose items have this shape.
    case array(JSONShape)
    /// A scalar, or anything not checked further.
    case value
    /// A number that must be a whole number within 64 bits (checked here because `JSONDecoder` reports such
    /// errors without the field's path).
    case integer

    /// The fields of a ``HeraldCore/SendRequest``.
    public static let sendRequest = JSONShape.object(
        Dictionary(uniqueKeysWithValues: SendRequestFields.names.map { ($0, $0 == "validity_seconds" ? JSONShape.integer : JSONShape.value) }))
}
