import Foundation

/// The JSON encoder and decoder every Herald adapter uses, so stored answers (idempotency replays,
/// webhook bodies) are byte-identical to live ones.
public enum HeraldJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        JSONDecoder()
    }

    /// Encodes a value to JSON text (sorted keys). Values made of strings, numbers and timestamps cannot
    /// fail to encode; should one ever fail, the error propagates.
    public static func text(_ value: some Encodable) throws -> String {
        String(decoding: try encoder().encode(value), as: UTF8.self)
    }
}
