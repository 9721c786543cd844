/// Rules for a log origin: the first line of its checkpoints and part of every entry signature.
enum LogOrigin {
    /// Non-empty, at most 1,024 UTF-8 bytes, no control characters (so it fits one checkpoint line).
    static func validate(_ origin: String) throws(MerkleLogError) {
        guard !origin.isEmpty, origin.utf8.count <= 1024, !origin.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else {
            throw MerkleLogError(.invalidOrigin, "a log origin must be 1…1024 bytes without control characters: \"\(origin.prefix(80))\"")
        }
    }
}
