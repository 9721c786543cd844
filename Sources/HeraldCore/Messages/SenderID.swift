/// Validation of sender IDs (the `from` of an SMS).
///
/// Accepted: alphanumeric IDs of 1–11 characters from `A–Z a–z 0–9`, space, `-`, `.`, `&` (with at least one
/// letter), or numbers of 3–15 digits with an optional leading `+` (short codes and long numbers).
public enum SenderID {
    public static func validate(_ sender: String, field: String = "from") throws -> String {
        let text = sender.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw HeraldError.invalid("invalid_sender", "'\(field)' must not be empty", field: field) }
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        if !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) {
            guard (3...15).contains(digits.count) else {
                throw HeraldError.invalid("invalid_sender", "a numeric sender must have 3 to 15 digits", field: field)
            }
            return text
        }
        guard text.count <= 11 else {
            throw HeraldError.invalid("invalid_sender", "an alphanumeric sender may have at most 11 characters", field: field)
        }
        let allowed = text.unicodeScalars.allSatisfy { scalar in
            (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
                || (scalar.value >= 0x30 && scalar.value <= 0x39) || " -.&".unicodeScalars.contains(scalar)
        }
        let hasLetter = text.unicodeScalars.contains { ($0.value >= 0x41 && $0.value <= 0x5A) || ($0.value >= 0x61 && $0.value <= 0x7A) }
        guard allowed, hasLetter else {
            throw HeraldError.invalid(
                "invalid_sender", "an alphanumeric sender may use only A-Z, a-z, 0-9, space, '-', '.', '&' and needs a letter",
                field: field)
        }
        return text
    }
}

import Foundation
