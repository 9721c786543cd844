extension String {
    /// Left-pads with `pad` to at least `width` characters.
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }

    /// Removes spaces, tabs, line breaks and NULs at both ends.
    func trimmingReceiptWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].isReceiptWhitespace { start += 1 }
        while end > start, scalars[end - 1].isReceiptWhitespace { end -= 1 }
        if start == 0 && end == scalars.count { return self }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

extension Unicode.Scalar {
    /// Whitespace as found in receipt texts: space, tab, CR, LF, NUL and other Unicode whitespace.
    var isReceiptWhitespace: Bool { value == 0 || properties.isWhitespace }
}
