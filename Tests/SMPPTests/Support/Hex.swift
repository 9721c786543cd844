import NIOCore

/// Parses hex text into a ByteBuffer; whitespace is ignored and `#` starts a comment to end of line.
func hex(_ text: String) -> ByteBuffer {
    var bytes: [UInt8] = []
    var pending: UInt8? = nil
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        for character in content where !character.isWhitespace {
            guard let nibble = character.hexDigitValue else { continue }
            if let high = pending {
                bytes.append(high << 4 | UInt8(nibble))
                pending = nil
            } else {
                pending = UInt8(nibble)
            }
        }
    }
    return ByteBuffer(bytes: bytes)
}

extension ByteBuffer {
    /// Upper-case hex of the readable bytes.
    var hexString: String {
        readableBytesView.map { byte in
            let s = String(byte, radix: 16, uppercase: true)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
