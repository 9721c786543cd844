/// A replacement template such as `9\1` from libphonenumber's national prefix transform rules:
/// literal digits and back-references to the groups of a ``DigitPatternMatch``.
struct TransformRule: Sendable, Equatable {
    enum Part: Sendable, Equatable {
        case digit(UInt8)
        case group(Int)
    }

    let source: String
    let parts: [Part]

    /// Parses a template; `$1` is accepted as well as `\1`.
    init(_ source: String) throws(DigitPatternError) {
        var parts: [Part] = []
        let characters = Array(source.utf8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == UInt8(ascii: "\\") || character == UInt8(ascii: "$") {
                index += 1
                var number = 0
                var digits = 0
                while index < characters.count, characters[index] >= 48, characters[index] <= 57, digits < 2 {
                    number = number * 10 + Int(characters[index] - 48)
                    digits += 1
                    index += 1
                }
                guard digits > 0, number > 0 else {
                    throw DigitPatternError(pattern: source, offset: index, reason: "expected a group number")
                }
                parts.append(.group(number))
            } else if character >= 48, character <= 57 {
                parts.append(.digit(character - 48))
                index += 1
            } else {
                throw DigitPatternError(pattern: source, offset: index, reason: "unsupported character")
            }
        }
        self.source = source
        self.parts = parts
    }

    /// The template expanded with `match`'s groups (a group that did not participate expands to
    /// nothing), followed by the digits after the match.
    func apply(to digits: [UInt8], match: DigitPatternMatch) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(digits.count + 4)
        for part in parts {
            switch part {
            case .digit(let value):
                result.append(value)
            case .group(let number):
                if let range = match.group(number) { result.append(contentsOf: digits[range]) }
            }
        }
        result.append(contentsOf: digits[match.end...])
        return result
    }
}
