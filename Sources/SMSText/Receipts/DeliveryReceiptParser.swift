/// Splits a delivery receipt text into `key:value` fields.
///
/// A key is a word (ASCII letters, digits, `_`, `-`; starting with a letter) at the start of the text or after
/// whitespace, `,` or `;`, followed by optional spaces and `:`. Separators ending a value are dropped (except
/// from `text`). `submit date` / `done date` written with a
/// space are joined into one key. A value runs to the next key. The `text` value is special: it runs to the
/// next *standard* key only, so a message snippet such as `text:Your code: 1234` is kept whole (which also
/// means unknown fields written after `text:` become part of the text).
///
/// The parser works on UTF-8 bytes: keys and separators are ASCII, and ASCII bytes never occur inside a
/// multi-byte UTF-8 sequence, so splitting there is always safe.
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
        let bytes = Array(text.utf8)
        let tokens = keyTokens(bytes)
        var fields: [ReceiptField] = []
        fields.reserveCapacity(tokens.count)
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            var next = index + 1
            if token.standard == "text" {
                while next < tokens.count, tokens[next].standard == nil || tokens[next].standard == "text" { next += 1 }
            }
            var end = max(token.valueStart, next < tokens.count ? tokens[next].start : bytes.count)
            if token.standard != "text" {
                // In comma- or semicolon-separated receipts the separator ends the value.
                while end > token.valueStart, isASCIIWhitespace(bytes[end - 1]) || bytes[end - 1] == 0x2C || bytes[end - 1] == 0x3B {
                    end -= 1
                }
            }
            fields.append(
                ReceiptField(
                    key: token.key, normalizedKey: token.normalizedKey,
                    value: trimmedString(bytes, from: token.valueStart, to: end), isStandard: token.standard != nil))
            index = next
        }
        return fields
    }

    private static func keyTokens(_ bytes: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        let count = bytes.count
        while index < count {
            let atWordStart = index == 0 || isSeparator(bytes[index - 1])
            guard atWordStart, isLetter(bytes[index]) else {
                index += 1
                continue
            }
            var wordEnd = index
            while wordEnd < count, isKeyCharacter(bytes[wordEnd]) { wordEnd += 1 }
            var colon = wordEnd
            while colon < count, bytes[colon] == 0x20 { colon += 1 }
            guard colon < count, bytes[colon] == 0x3A else {
                index = wordEnd
                continue
            }
            var start = index
            var normalized = normalize(bytes[index..<wordEnd])
            if normalized == "date" || normalized == "time", let previous = previousWord(bytes, before: index) {
                let previousKey = normalize(bytes[previous])
                if previousKey == "submit" || previousKey == "done" {
                    start = previous.lowerBound
                    normalized = previousKey + normalized
                }
            }
            tokens.append(
                Token(
                    start: start, valueStart: colon + 1, key: String(decoding: bytes[start..<wordEnd], as: UTF8.self),
                    normalizedKey: normalized, standard: aliases[normalized]))
            index = colon + 1
        }
        return tokens
    }

    /// The range of the word just before `index`, separated from it by spaces only.
    private static func previousWord(_ bytes: [UInt8], before index: Int) -> Range<Int>? {
        var end = index
        while end > 0, bytes[end - 1] == 0x20 { end -= 1 }
        guard end < index else { return nil }
        var start = end
        while start > 0, isKeyCharacter(bytes[start - 1]) { start -= 1 }
        guard start < end, start == 0 || isSeparator(bytes[start - 1]) else { return nil }
        return start..<end
    }

    /// Lower-case ASCII without `_`, `-` and spaces.
    private static func normalize(_ key: ArraySlice<UInt8>) -> String {
        var folded: [UInt8] = []
        folded.reserveCapacity(key.count)
        for byte in key where byte != 0x5F && byte != 0x2D && byte != 0x20 {
            folded.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: folded, as: UTF8.self)
    }

    /// The bytes in `from..<to` as a string without surrounding whitespace.
    private static func trimmedString(_ bytes: [UInt8], from: Int, to: Int) -> String {
        var start = from
        var end = to
        while start < end, isASCIIWhitespace(bytes[start]) { start += 1 }
        while end > start, isASCIIWhitespace(bytes[end - 1]) { end -= 1 }
        let value = String(decoding: bytes[start..<end], as: UTF8.self)
        // Rare: non-ASCII whitespace (such as a no-break space) at either end.
        if start < end, bytes[start] >= 0x80 || bytes[end - 1] >= 0x80 { return value.trimmingReceiptWhitespace() }
        return value
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func isKeyCharacter(_ byte: UInt8) -> Bool {
        isLetter(byte) || (0x30...0x39).contains(byte) || byte == 0x5F || byte == 0x2D
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte) || byte == 0
    }

    private static func isSeparator(_ byte: UInt8) -> Bool {
        isASCIIWhitespace(byte) || byte == 0x2C || byte == 0x3B
    }
}
