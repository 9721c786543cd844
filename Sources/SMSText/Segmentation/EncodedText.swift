/// A message body converted to code units of one encoding, with the positions where it may be split.
///
/// `units` are septets (GSM), UTF-16 code units (UCS-2) or octets (IA5/Latin-1). `breaks[i]` says whether a
/// part may start at unit `i`: ``inside`` (inside an escape sequence or surrogate pair: never),
/// ``scalarStart`` (between Unicode scalars: allowed) or ``characterStart`` (between user-perceived
/// characters: preferred). The end of the text is always a valid split point.
struct EncodedText: Sendable {
    static let inside: UInt8 = 0
    static let scalarStart: UInt8 = 1
    static let characterStart: UInt8 = 2

    var units: [UInt16] = []
    var breaks: [UInt8] = []
    var hasCharacterBoundaries = false

    init(capacity: Int = 0) {
        units.reserveCapacity(capacity)
        breaks.reserveCapacity(capacity)
    }

    var count: Int { units.count }

    @inline(__always)
    mutating func append(_ unit: UInt16, startsScalar: Bool) {
        units.append(unit)
        breaks.append(startsScalar ? Self.scalarStart : Self.inside)
    }

    /// Upgrades the scalar starts that begin a user-perceived character (grapheme cluster) so that the
    /// segmenter keeps emoji sequences, flags, CR LF and combining marks together when it can.
    mutating func markCharacterBoundaries(of text: String) {
        guard !hasCharacterBoundaries else { return }
        hasCharacterBoundaries = true
        var index = 0
        let total = breaks.count
        for character in text {
            guard index < total else { break }
            breaks[index] = Self.characterStart
            for _ in character.unicodeScalars {
                index += 1
                while index < total, breaks[index] == Self.inside { index += 1 }
            }
        }
    }
}
