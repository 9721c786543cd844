/// Writes the SMS that carries a code: the locale's template filled in, shaped for automatic code
/// retrieval.
///
/// - With an Android app hash: the text starts with `<#> ` and ends with a line holding the 11-character
///   hash (SMS Retriever API), so the app reads the code without the SMS permission.
/// - With a domain: the last line is the origin-bound line `@domain #code` (WebOTP / `autocomplete=one-time-code`),
///   so only that web origin's page is offered the code. When both are given, the hash line comes first
///   and the origin line last, as the origin-bound format requires.
///
/// ```swift
/// let composer = VerificationMessageComposer(catalog: .builtIn)
/// let text = try composer.compose(VerificationMessageContent(
///     template: "default", locale: "en", code: "042917", brand: "Acme", minutes: 10, appHash: "FA+9qCX9VSu", domain: "acme.example"))
/// // <#> 042917 is your Acme verification code. It expires in 10 minutes.
/// // FA+9qCX9VSu
/// // @acme.example #042917
/// ```
public struct VerificationMessageComposer: Sendable {
    public let catalog: VerificationTemplateCatalog

    public init(catalog: VerificationTemplateCatalog) {
        self.catalog = catalog
    }

    /// The text and the catalog locale it was written in.
    public func compose(_ content: VerificationMessageContent) throws -> (locale: String, text: String) {
        let (locale, template) = try catalog.resolve(template: content.template, locale: content.locale)
        var text = ""
        for token in Self.tokens(in: template) {
            switch token {
            case .literal(let literal): text += literal
            case .placeholder("code"): text += content.code
            case .placeholder("brand"): text += content.brand
            case .placeholder("minutes"): text += String(content.minutes)
            case .placeholder(let other): text += "{\(other)}"
            }
        }
        if let appHash = content.appHash {
            text = "<#> " + text + "\n" + appHash
        }
        if let domain = content.domain {
            text += "\n@\(domain) #\(content.code)"
        }
        return (locale, text)
    }

    enum Token: Equatable {
        case literal(String)
        case placeholder(String)
    }

    /// Splits a template into literals and `{name}` placeholders (one pass, so values are never re-scanned).
    static func tokens(in template: String) -> [Token] {
        var tokens: [Token] = []
        var literal = ""
        var index = template.startIndex
        while index < template.endIndex {
            let character = template[index]
            if character == "{", let close = template[index...].firstIndex(of: "}") {
                let name = String(template[template.index(after: index)..<close])
                if !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_") }) {
                    if !literal.isEmpty { tokens.append(.literal(literal)) }
                    literal = ""
                    tokens.append(.placeholder(name))
                    index = template.index(after: close)
                    continue
                }
            }
            literal.append(character)
            index = template.index(after: index)
        }
        if !literal.isEmpty { tokens.append(.literal(literal)) }
        return tokens
    }
}
