/// Splits a delivery receipt text into `key:value` fields.
///
/// A key is a word (letters, digits, `_`, `-`; starting with a letter) at the start of the text or after
/// whitespace, `,` or `;`, followed by optional spaces and `:`. `submit date` / `done date` written with a
/// space are joined into one key. A value runs to the next key. The `text` value is special: it runs to the
/// next *standard* key only, so a message snippet such as `text:Your code: 1234` is kept whole (which also
/// means unknown fields written after `text:` become part of the text).
struct DeliveryReceiptParser {
    /// Standard keys (normalised) and their aliases.
    static let aliases: [String: String] = [
        "id": "id", "msgid": "id", "messageid": "id",
        "sub": "sub", "submitted": "sub",
        "dlvrd": "dlvrd", "dlvr": "dlvrd", "delivered": "dlvrd",
        "submitdate": "submitdate", "submittime": "submitdate",
        "donedate": "donedate", "donetime": "donedate", "deliverydate": "donedate",
        "stat": "stat", "status": "stat", "state": "stat",
        "err": "err", "error": "err", "errorcode": "err", "errcode": "err",
        "text": "text", "txt": "text",
    ]

    private struct Token {
        let start: Int
        let valueStart: Int
        let key: String
        let normalizedKey: String
        /// The standard field name, or `nil` for an unknown key.
        let standard: String?
    }

    /// The fields in order of appearance.
    static func fields(of text: String) -> [ReceiptField] {
        let scalars = Array(text.unicodeScalars)
        let tokens = keyTokens(scalars)
        var fields: [ReceiptField] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            var next = index + 1
            if token.standard == "text" {
                while next < tokens.count, tokens[next].standard == nil || tokens[next].standard == "text" { next += 1 }
            }
            let end = next < tokens.count ? tokens[next].start : scalars.count
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[token.valueStart..<max(token.valueStart, end)])
            fields.append(
                ReceiptField(
                    key: token.key, normalizedKey: token.normalizedKey,
                    value: String(view).trimmingReceiptWhitespace(), isStandard: token.standard != nil))
            index = next
        }
        return fields
    }

    private static func keyTokens(_ scalars: [Unicode.Scalar]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = scalars.count
        while index < count {
            let atWordStart = index == 0 || isSeparator(scalars[index - 1])
            guard atWordStart, isLetter(scalars[index]) else {
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < count, isKeyCharacter(scalars[wordEnd]) { wordEnd += 1 }
            var colon = wordEnd
            while colon < count, scalars[colon] == " " { colon += 1 }
            guard colon < count, scalars[colon] == ":" else {
                index = wordEnd
                continue
            }
            var start = index
            var key = string(scalars[index..<wordEnd])
            var normalized = normalize(key)
            if normalized == "date" || normalized == "time", let previous = previousWord(scalars, before: index) {
                let previousKey = normalize(string(scalars[previous]))
                if previousKey == "submit" || previousKey == "done" {
                    start = previous.lowerBound
                    key = string(scalars[previous.lowerBound..<wordEnd])
                    normalized = previousKey + normalized
                }
            }
            tokens.append(
                Token(start: start, valueStart: colon + 1, key: key, normalizedKey: normalized, standard: aliases[normalized]))
            index = colon + 1
        }
        return tokens
    }

    /// The range of the word just before `index`, separated from it by spaces only.
    private static func previousWord(_ scalars: [Unicode.Scalar], before index: Int) -> Range<Int>? {
        var end = index
        while end > 0, scalars[end - 1] == " " { end -= 1 }
        guard end < index else { return nil }
        var start = end
        while start > 0, isKeyCharacter(scalars[start - 1]) { start -= 1 }
        guard start < end, start == 0 || isSeparator(scalars[start - 1]) else { return nil }
        return start..<end
    }

    private static func normalize(_ key: String) -> String {
        String(key.lowercased().unicodeScalars.filter { $0 != "_" && $0 != "-" && $0 != " " })
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }

    private static func isKeyCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || (0x30...0x39).contains(scalar.value) || scalar == "_" || scalar == "-"
    }

    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isReceiptWhitespace || scalar == "," || scalar == ";"
    }
}
