/// Random byte strings from a `RandomNumberGenerator`, eight bytes per draw (one system call per
/// draw with `SystemRandomNumberGenerator`, not one per byte).
enum RandomBytes {
    static func make<R: RandomNumberGenerator>(count: Int, using generator: inout R) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 7)
        while bytes.count < count {
            withUnsafeBytes(of: generator.next()) { bytes += $0 }
        }
        return Array(bytes.prefix(count))
    }
}
