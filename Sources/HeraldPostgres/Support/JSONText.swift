import HeraldCore

/// JSON text for columns that hold structured values. Sorted keys, so equal values store equal text.
enum JSONText {
    static func encode(_ value: some Encodable) throws -> String {
        try HeraldJSON.text(value)
    }
}
