import HeraldCore

/// A message and its parts as loaded for receipt application, with the originals to tell what changed.
struct LoadedMessage {
    let original: Message
    var message: Message
    private(set) var originalParts: [MessagePart] = []
    var parts: [MessagePart] = []
    /// A receipt was applied to it in this batch.
    var touched = false

    init(original: Message) {
        self.original = original
        self.message = original
    }

    mutating func add(_ part: MessagePart) {
        originalParts.append(part)
        parts.append(part)
    }

    /// Parts that differ from what was loaded (or were added), to be written back.
    var changedParts: [MessagePart] {
        let before = Dictionary(originalParts.map { ($0.sequence, $0) }, uniquingKeysWith: { $1 })
        return parts.filter { before[$0.sequence] != $0 }
    }
}
