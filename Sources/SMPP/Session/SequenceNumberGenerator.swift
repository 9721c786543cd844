/// Allocates request sequence numbers 1…0x7FFFFFFF, wrapping back to 1.
struct SequenceNumberGenerator: Sendable {
    static let maximum: UInt32 = 0x7FFF_FFFF
    private(set) var last: UInt32

    /// - Parameter start: the first number handed out (clamped into 1…0x7FFFFFFF).
    init(start: UInt32 = 1) {
        let first = (start == 0 || start > Self.maximum) ? 1 : start
        last = first - 1
    }

    mutating func next() -> UInt32 {
        last = last >= Self.maximum ? 1 : last + 1
        return last
    }
}
