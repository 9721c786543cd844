/// Which sealed values an audit export carries. Entries outside the selection carry only their
/// commitments (a verifier reports those fields as redacted, which is not a failure).
public enum AuditSealedValueSelection: Sendable, Equatable {
    /// None: the default for every export.
    case none
    /// Those of the entries in the range: an approved ``SealedValueDisclosure``.
    case entries(Range<UInt64>)
    /// All that retention has not erased yet: `herald audit export --include-sealed-values` on the
    /// database host (audited).
    case all

    /// Whether entry `index` carries its sealed values.
    public func includes(_ index: UInt64) -> Bool {
        switch self {
        case .none: false
        case .entries(let range): range.contains(index)
        case .all: true
        }
    }

    /// Whether any entry of `first...last` carries its sealed values.
    public func overlaps(_ first: UInt64, _ last: UInt64) -> Bool {
        switch self {
        case .none: false
        case .entries(let range): range.lowerBound <= last && first < range.upperBound
        case .all: true
        }
    }
}
