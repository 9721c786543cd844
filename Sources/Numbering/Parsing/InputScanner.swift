/// The lexical layer of parsing: turns user input into digits and a leading-plus flag.
///
/// Herald's policy (stricter than libphonenumber, which also reads vanity letters, extensions
/// and text around a number):
/// - leading and trailing white space and separators are ignored;
/// - between the first digit or `+` and the last digit only digits and separators may appear:
///   space, no-break space, `-` `.` `/` `(` `)` `[` `]`, the Unicode dashes and their full-width
///   forms (libphonenumber's punctuation set without `x` and `~`, which it reads as extension
///   marks);
/// - `+` (or full-width `＋`) is allowed only at the start;
/// - decimal digits of any script (Arabic-Indic, full-width, Devanagari, …) count as digits;
/// - anything else, letters included, is an ``NumberParseError/invalidCharacter(_:offset:)``.
///
/// Viability then follows libphonenumber: at least three digits, or exactly two digits and
/// nothing else; a `+` after the start makes the input ``NumberParseError/notANumber``.
enum InputScanner {
    /// Longest input accepted, in Unicode scalars (libphonenumber's limit).
    static let maximumInputLength = 250

    static func scan(_ input: String) throws(NumberParseError) -> ScannedInput {
        if input.utf8.count > maximumInputLength, input.unicodeScalars.count > maximumInputLength {
            throw .tooLong
        }
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var hasPlus = false
        var started = false
        var onlyPlusesSoFar = true
        var startOffset = 0
        var lastKeptOffset = -1
        var pendingPlus = false
        var misplacedPlus = false
        var pendingWhitespace: (Character, Int)?
        var sawContent = false

        var offset = -1
        for scalar in input.unicodeScalars {
            offset += 1
            let value = scalar.value
            if value >= 0x30 && value <= 0x39 {
                try keep(at: offset)
                digits.append(UInt8(value - 0x30))
                continue
            }
            if value == 0x2B || value == 0xFF0B {  // + and full-width +
                sawContent = true
                if !started {
                    started = true
                    hasPlus = true
                    startOffset = offset
                } else if !onlyPlusesSoFar {
                    pendingPlus = true
                }
                continue
            }
            if isSeparator(value) {
                if started { onlyPlusesSoFar = false }
                if value == 0x30FC {
                    // KATAKANA-HIRAGANA PROLONGED SOUND MARK is a word character, so libphonenumber
                    // keeps it at the end of the number; mirror that for the length rules.
                    sawContent = true
                    if started { try keep(at: offset, isDigit: false) }
                } else if !scalar.properties.isWhitespace {
                    sawContent = true
                }
                continue
            }
            if scalar.properties.isWhitespace {
                if started {
                    onlyPlusesSoFar = false
                    if pendingWhitespace == nil { pendingWhitespace = (Character(scalar), offset) }
                }
                continue
            }
            if scalar.properties.generalCategory == .decimalNumber, let numeric = scalar.properties.numericValue,
                numeric >= 0, numeric <= 9
            {
                try keep(at: offset)
                digits.append(UInt8(numeric))
                continue
            }
            throw .invalidCharacter(Character(scalar), offset: offset)
        }

        guard !digits.isEmpty else { throw sawContent ? .notANumber : .empty }
        let extractedLength = lastKeptOffset - startOffset + 1
        guard extractedLength >= 2, !misplacedPlus else { throw .notANumber }
        guard digits.count >= 3 || (digits.count == 2 && extractedLength == 2) else { throw .notANumber }
        return ScannedInput(hasPlus: hasPlus, digits: digits)

        func keep(at offset: Int, isDigit: Bool = true) throws(NumberParseError) {
            sawContent = true
            if let (character, position) = pendingWhitespace {
                throw .invalidCharacter(character, offset: position)
            }
            if pendingPlus { misplacedPlus = true }
            if !started {
                started = true
                startOffset = offset
            }
            if isDigit { onlyPlusesSoFar = false }
            lastKeptOffset = offset
        }
    }

    /// libphonenumber's punctuation set without `x`, `~` and `～` (its extension marks).
    static func isSeparator(_ value: UInt32) -> Bool {
        switch value {
        case 0x20, 0x2D, 0x2E, 0x2F, 0x28, 0x29, 0x5B, 0x5D,  // space - . / ( ) [ ]
            0xA0, 0xAD,  // no-break space, soft hyphen
            0x2010...0x2015, 0x2212, 0x200B, 0x2060, 0x2053, 0x223C,
            0x3000, 0x30FC,
            0xFF08, 0xFF09, 0xFF0D, 0xFF0E, 0xFF0F, 0xFF3B, 0xFF3D:
            true
        default:
            false
        }
    }
}
