import Foundation
/// Verification message texts by template name and locale, with the placeholders `{code}`, `{brand}` and
/// `{minutes}`.
///
/// The built-in `default` template covers 18 locales, written with the code first (so notification
/// previews and autofill see it at once) and, where the language allows, only characters of the GSM 7-bit
/// alphabet (so a message fits one 160-character SMS). Operators may add templates or locales.
///
/// ```swift
/// let catalog = try VerificationTemplateCatalog.builtIn.adding(template: "login", locale: "en", text: "{code} signs you in to {brand}.")
/// let (locale, text) = try catalog.resolve(template: "default", locale: "pt-BR")   // ("pt", "{code} é o seu código…")
/// ```
public struct VerificationTemplateCatalog: Sendable, Equatable {
    public static let placeholders: Set<String> = ["code", "brand", "minutes"]
    public static let maximumTemplateLength = 300

    /// Template name → locale (lower case, e.g. `en`, `pt`, `zh-hant`) → text.
    public private(set) var templates: [String: [String: String]]

    /// - Throws: `invalid_template` / `invalid_template_name` (category `.internal`: templates are operator
    ///   configuration, never a caller's input) for a text without exactly one `{code}`, with an unknown
    ///   placeholder or over 300 characters, or a badly formed name.
    public init(templates: [String: [String: String]]) throws {
        self.templates = [:]
        for (name, locales) in templates {
            for (locale, text) in locales { try add(template: name, locale: locale, text: text) }
        }
    }

    /// A catalog whose texts are trusted as valid (used for the empty catalog).
    init(uncheckedTemplates: [String: [String: String]]) {
        self.templates = uncheckedTemplates
    }

    /// A copy with one more text (replacing the same template and locale).
    public func adding(template name: String, locale: String, text: String) throws -> VerificationTemplateCatalog {
        var copy = self
        try copy.add(template: name, locale: locale, text: text)
        return copy
    }

    private mutating func add(template name: String, locale: String, text: String) throws {
        guard !name.isEmpty, name.count <= 64, name.utf8.allSatisfy({ Self.isNameByte($0) }) else {
            throw HeraldError(.internal, code: "invalid_template_name", "template names use a-z, 0-9, '_' and '-' (1 to 64 characters)")
        }
        let tokens = VerificationMessageComposer.tokens(in: text)
        let names = tokens.compactMap { token -> String? in if case .placeholder(let name) = token { return name } else { return nil } }
        guard names.filter({ $0 == "code" }).count == 1 else {
            throw HeraldError(.internal, code: "invalid_template", "a template must contain {code} exactly once")
        }
        if let unknown = names.first(where: { !Self.placeholders.contains($0) }) {
            throw HeraldError(.internal, code: "invalid_template", "unknown placeholder {\(unknown)}; use {code}, {brand} and {minutes}")
        }
        guard text.count <= Self.maximumTemplateLength else {
            throw HeraldError(.internal, code: "invalid_template", "a template may have at most \(Self.maximumTemplateLength) characters")
        }
        templates[name, default: [:]][Self.normalize(locale)] = text
    }

    /// Picks the text for `locale` (a BCP 47 tag, `nil` for the default): the exact tag, then language and
    /// script (`zh-Hant`, with `zh-TW`/`zh-HK`/`zh-MO` mapped to it), then the language alone.
    public func resolve(template name: String, locale: String) throws -> (locale: String, text: String) {
        guard let texts = templates[name] else {
            throw HeraldError.invalid("unknown_template", "there is no template named '\(name)'", field: "template")
        }
        for candidate in Self.candidates(for: locale) {
            if let text = texts[candidate] { return (candidate, text) }
        }
        throw HeraldError.invalid(
            "unsupported_locale", "locale '\(locale)' is not available; available: \(texts.keys.sorted().joined(separator: ", "))", field: "locale")
    }

    /// The locales a template is available in.
    public func locales(of template: String) -> [String] { templates[template]?.keys.sorted() ?? [] }

    static func normalize(_ locale: String) -> String {
        locale.replacingOccurrences(of: "_", with: "-").lowercased()
    }

    static func candidates(for locale: String) -> [String] {
        let tag = normalize(locale)
        let parts = tag.split(separator: "-").map(String.init)
        guard let language = parts.first else { return [] }
        var result = [tag]
        if parts.count > 1 {
            if parts[1].count == 4 { result.append("\(language)-\(parts[1])") }
            if language == "zh", parts.dropFirst().contains(where: { ["tw", "hk", "mo", "hant"].contains($0) }) { result.append("zh-hant") }
        }
        result.append(language)
        return result
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }
}
