/// Optional substitutions of common typographic characters by GSM look-alikes, so that text pasted from word
/// processors ("smart" quotes, dashes, ellipsis, non-breaking spaces) stays in GSM 7-bit instead of doubling
/// its cost as UCS-2. Only punctuation, spaces and glyph-identical letters are replaced; letters are never
/// transliterated.
enum GSMLookalikes {
    static func replacement(for scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x00B4: return "'"
        case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: return "\""
        case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: return "-"
        case 0x2026: return "..."
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return " "
        case 0x00E7: return "\u{00C7}"  // ç is shown with the GSM glyph Ç (0x09)
        case 0x2126: return "\u{03A9}"  // ohm sign → Ω
        case 0x2206: return "\u{0394}"  // increment → Δ
        case 0x2044, 0x2215: return "/"
        case 0x2022, 0x00B7: return "."  // bullets
        default: return nil
        }
    }
}
