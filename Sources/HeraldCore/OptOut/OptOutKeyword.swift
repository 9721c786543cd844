/// The opt-out and opt-in keywords Herald recognises in mobile-originated messages.
///
/// A message is a keyword when its whole text — ignoring case, surrounding whitespace, and one trailing
/// `.` or `!` — is one of them:
/// - opt out: `STOP`, `STOPALL`, `UNSUBSCRIBE`, `CANCEL`, `END`, `QUIT`
/// - opt back in: `START`, `UNSTOP`
///
/// ```swift
/// OptOutKeyword(message: " Stop ")   // .optOut("STOP")
/// OptOutKeyword(message: "stop it")  // nil: not a keyword message
/// ```
public enum OptOutKeyword: Sendable, Equatable {
    /// The sender no longer wants messages from the account; carries the keyword as recognised.
    case optOut(String)
    /// The sender wants messages again.
    case optIn(String)

    public static let optOutWords: [String] = ["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]
    public static let optInWords: [String] = ["START", "UNSTOP"]

    /// The keyword `message` consists of, or `nil` when it is not a keyword message.
    public init?(message: String) {
        var text = message.trimmingCharacters(in: .whitespacesAndNewlines)
        if let last = text.last, last == "." || last == "!" { text.removeLast() }
        let word = text.trimmingCharacters(in: .whitespacesAndNewlines).uppercased()
        if Self.optOutWords.contains(word) {
            self = .optOut(word)
        } else if Self.optInWords.contains(word) {
            self = .optIn(word)
        } else {
            return nil
        }
    }

    /// `opt_out` or `opt_in`, as shown in the API and webhooks.
    public var action: String {
        switch self {
        case .optOut: return "opt_out"
        case .optIn: return "opt_in"
        }
    }

    public var word: String {
        switch self {
        case .optOut(let word), .optIn(let word): return word
        }
    }
}
