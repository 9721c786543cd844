import Foundation

/// Checks of the fields of a ``VerificationRequest`` that are particular to verifications.
enum VerificationInput {
    static func channel(_ text: String?) throws -> VerificationChannel {
        guard let text else { return .sms }
        guard let channel = VerificationChannel(rawValue: text.lowercased()) else {
            throw HeraldError.invalid("unsupported_channel", "'channel' must be one of: \(VerificationChannel.allCases.map(\.rawValue).joined(separator: ", "))", field: "channel")
        }
        return channel
    }

    static func codeLength(_ value: Int?, policy: VerificationPolicy) throws -> Int {
        guard let value else { return policy.defaultCodeLength }
        guard policy.codeLengths.contains(value) else {
            throw HeraldError.invalid(
                "invalid_code_length", "'code_length' must be between \(policy.codeLengths.lowerBound) and \(policy.codeLengths.upperBound)", field: "code_length")
        }
        return value
    }

    static func lifetimeSeconds(_ value: Int?, policy: VerificationPolicy) throws -> Int {
        guard let value else { return Int(policy.defaultLifetime.components.seconds) }
        let minimum = Int(policy.minimumLifetime.components.seconds)
        let maximum = Int(policy.maximumLifetime.components.seconds)
        guard (minimum...maximum).contains(value) else {
            throw HeraldError.invalid("invalid_lifetime", "'lifetime_seconds' must be between \(minimum) and \(maximum)", field: "lifetime_seconds")
        }
        return value
    }

    /// 1 to `maximumLength` characters: letters and digits of any script, spaces and `. - & ' ! _`; no
    /// line breaks, no links (a brand must not turn a code message into a phishing lure).
    static func brand(_ text: String?, fallback: String, maximumLength: Int) throws -> String {
        let candidate = (text ?? fallback).trimmingCharacters(in: .whitespaces)
        let allowed = candidate.unicodeScalars.allSatisfy { scalar in
            CharacterSet.letters.contains(scalar) || CharacterSet.decimalDigits.contains(scalar) || " .-&'!_".unicodeScalars.contains(scalar)
        }
        let lower = candidate.lowercased()
        let looksLikeLink = lower.contains("www.") || lower.contains("http") || lower.range(of: #"\.[a-z]{2,}(\s|$)"#, options: .regularExpression) != nil
        if text == nil, !(allowed && !looksLikeLink && (1...maximumLength).contains(candidate.count)) {
            // The account name is not a usable brand: fall back to a neutral word rather than refuse.
            return "Herald"
        }
        guard (1...maximumLength).contains(candidate.count), allowed, !looksLikeLink else {
            throw HeraldError.invalid(
                "invalid_brand", "'brand' must have 1 to \(maximumLength) letters, digits, spaces or . - & ' ! _ and must not be a link", field: "brand")
        }
        return candidate
    }

    /// Exactly 11 characters of the base64 alphabet (the SMS Retriever app hash).
    static func appHash(_ text: String?) throws -> String? {
        guard let text else { return nil }
        guard text.count == 11, text.unicodeScalars.allSatisfy({ $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "+" || $0 == "/") }) else {
            throw HeraldError.invalid("invalid_app_hash", "'app_hash' must be the 11-character hash of your Android app", field: "app_hash")
        }
        return text
    }

    /// A host name (no scheme, path or port): labels of a-z, 0-9 and '-', at least two labels.
    static func domain(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let host = text.lowercased()
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let valid = host.count <= 253 && labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.count) && label.first != "-" && label.last != "-"
                && label.unicodeScalars.allSatisfy { ($0.value >= 0x61 && $0.value <= 0x7A) || ($0.value >= 0x30 && $0.value <= 0x39) || $0 == "-" }
        }
        guard valid else {
            throw HeraldError.invalid("invalid_domain", "'domain' must be the host name of your web origin, e.g. 'example.com'", field: "domain")
        }
        return host
    }

    static func callbackURL(_ text: String?, maximumLength: Int) throws -> String? {
        guard let text else { return nil }
        guard WebhookURLValidation.isAcceptable(text, maximumLength: maximumLength) else {
            throw HeraldError.invalid("invalid_callback_url", "'callback_url' must be an http or https URL of at most \(maximumLength) characters", field: "callback_url")
        }
        return text
    }

    /// An IPv4 or IPv6 address in text form.
    static func endUserIP(_ text: String?) throws -> String? {
        guard let text else { return nil }
        let isV4: Bool = {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 4 && parts.allSatisfy { part in
                (1...3).contains(part.count) && part.allSatisfy(\.isASCII) && part.allSatisfy(\.isNumber) && (Int(part) ?? 256) <= 255
            }
        }()
        let isV6 = text.contains(":") && (2...45).contains(text.count) && text.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
        guard isV4 || isV6 else {
            throw HeraldError.invalid("invalid_end_user_ip", "'end_user_ip' must be an IPv4 or IPv6 address", field: "end_user_ip")
        }
        return text.lowercased()
    }
}
