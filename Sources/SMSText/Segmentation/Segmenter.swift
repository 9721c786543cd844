/// Splits encoded text into parts without breaking an escape sequence or a surrogate pair, preferring to
/// keep user-perceived characters (emoji sequences, flags, CR LF, combining marks) whole.
///
/// With packed GSM it also keeps the 23.038 carriage-return rule lossless: a non-final part never ends with
/// a CR exactly on an octet boundary (the receiver would take it for padding), and a final part that does
/// keeps room for the extra CR the packer adds.
struct Segmenter: Sendable {
    /// For packed GSM: the UDH octets this library writes in a single part and in each concatenated part.
    struct Packing: Sendable {
        let singleHeaderOctets: Int
        let multipartHeaderOctets: Int?
    }

    let singleCapacity: Int
    let multipartCapacity: Int
    let packing: Packing?

    /// Whether the whole text fits in one part.
    func fitsSinglePart(_ text: EncodedText) -> Bool {
        let count = text.count
        guard count <= singleCapacity else { return false }
        if let packing, needsExtraCarriageReturn(text, end: count, length: count, headerOctets: packing.singleHeaderOctets) {
            return count + 1 <= singleCapacity
        }
        return true
    }

    /// The unit ranges of the concatenated parts. Call ``fitsSinglePart(_:)`` first; character boundaries
    /// should be marked on `text` so they can be preferred.
    func multipartRanges(_ text: EncodedText) -> [Range<Int>] {
        let count = text.count
        let capacity = max(1, multipartCapacity)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count / capacity + 1)
        var start = 0
        while start < count {
            let remaining = count - start
            if remaining <= capacity {
                if let headerOctets = packing?.multipartHeaderOctets, remaining + 1 > capacity,
                    needsExtraCarriageReturn(text, end: count, length: remaining, headerOctets: headerOctets),
                    let earlier = splitPoint(text, after: start, atMost: count - 1)
                {
                    ranges.append(start..<earlier)
                    start = earlier
                    continue
                }
                ranges.append(start..<count)
                break
            }
            var end = splitPoint(text, after: start, atMost: start + capacity) ?? (start + capacity)
            if let headerOctets = packing?.multipartHeaderOctets {
                while needsExtraCarriageReturn(text, end: end, length: end - start, headerOctets: headerOctets),
                    let earlier = splitPoint(text, after: start, atMost: end - 1)
                {
                    end = earlier
                }
            }
            ranges.append(start..<end)
            start = end
        }
        if ranges.isEmpty { ranges.append(0..<0) }
        return ranges
    }

    /// The best split position in `(start, limit]`: the last character boundary, else the last scalar
    /// boundary, else `nil`. `limit` may equal the text length (the end is always a boundary).
    func splitPoint(_ text: EncodedText, after start: Int, atMost limit: Int) -> Int? {
        guard limit > start else { return nil }
        if limit >= text.count { return text.count }
        var scalarBoundary: Int?
        var index = limit
        while index > start {
            let kind = text.breaks[index]
            if kind == EncodedText.characterStart { return index }
            if kind == EncodedText.scalarStart, scalarBoundary == nil {
                scalarBoundary = index
                if !text.hasCharacterBoundaries { return index }
            }
            index -= 1
        }
        return scalarBoundary
    }

    /// Whether a packed part ending at `end` with `length` septets ends with a wanted CR on an octet boundary.
    private func needsExtraCarriageReturn(_ text: EncodedText, end: Int, length: Int, headerOctets: Int) -> Bool {
        guard length > 0, text.units[end - 1] == UInt16(GSM7Packing.carriageReturn),
            text.breaks[end - 1] != EncodedText.inside
        else { return false }
        return GSM7Packing.endsOnOctetBoundary(septets: length, headerOctets: headerOctets)
    }
}
