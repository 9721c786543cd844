import SMPP

/// The SMPP address Herald writes for a number or sender id it sends to a customer.
enum AddressMapping {
    /// `+digits` → international (TON 1, NPI 1); 3-8 digits (a short code) → network specific (TON 3);
    /// other digits → international; anything else → alphanumeric (TON 5).
    static func address(for text: String) -> SMPPAddress {
        let digits = text.hasPrefix("+") ? String(text.dropFirst()) : text
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return SMPPAddress(alphanumeric: text) }
        if !text.hasPrefix("+") && digits.count <= 8 { return SMPPAddress(ton: .networkSpecific, npi: .unknown, address: digits) }
        return .international(digits)
    }
}
