/// A consistency proof between two tree sizes (32-byte hashes).
public struct AuditConsistencyProof: Sendable, Equatable {
    public var fromSize: UInt64
    public var toSize: UInt64
    public var hashes: [[UInt8]]

    public init(fromSize: UInt64, toSize: UInt64, hashes: [[UInt8]]) {
        self.fromSize = fromSize
        self.toSize = toSize
        self.hashes = hashes
    }
}
