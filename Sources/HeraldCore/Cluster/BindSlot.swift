/// One bind of a carrier link, as nodes of a cluster share them: the link's id and the bind's position
/// (`0..<binds`). At most one node holds the lease of a slot, so a link never has more binds open to its
/// carrier than it is configured with, however many nodes run.
public struct BindSlot: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var linkID: String
    public var index: Int

    public init(linkID: String, index: Int) {
        self.linkID = linkID
        self.index = index
    }

    public static func < (lhs: BindSlot, rhs: BindSlot) -> Bool {
        (lhs.linkID, lhs.index) < (rhs.linkID, rhs.index)
    }

    public var description: String { "\(linkID)#\(index)" }
}
