/// A complete received message: a part that was not concatenated, or all parts of a multipart message joined.
public struct ReassembledMessage: Sendable, Hashable {
    /// The reassembly key, or `nil` when the message arrived in one part.
    public let key: ReassemblyKey?
    /// The joined content. Parts sharing an alphabet are joined before decoding (so an escape sequence or
    /// surrogate pair split by the sender is repaired); parts with different alphabets are decoded one by one.
    public let content: MessageContent
    /// The parts in sequence order (their headers keep any other information elements).
    public let parts: [DecodedShortMessage]

    public init(key: ReassemblyKey?, content: MessageContent, parts: [DecodedShortMessage]) {
        self.key = key
        self.content = content
        self.parts = parts
    }

    /// The text, or `nil` for binary content.
    public var text: String? { content.text }

    /// Joins ordered parts.
    static func join(_ parts: [DecodedShortMessage]) -> MessageContent {
        guard let first = parts.first else { return .text("") }
        if parts.allSatisfy({ $0.alphabet == first.alphabet && $0.shiftTables == first.shiftTables }) {
            return MessageContent.decode(
                units: parts.flatMap(\.units), alphabet: first.alphabet, tables: first.shiftTables)
        }
        let texts = parts.compactMap(\.text)
        if texts.count == parts.count { return .text(texts.joined()) }
        return .binary(parts.flatMap(\.units))
    }
}
