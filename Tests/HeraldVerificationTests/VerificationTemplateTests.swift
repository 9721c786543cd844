import HeraldCore
import Testing

@Suite struct VerificationTemplateTests {
    /// GSM 03.38 default alphabet (basic table) without the escape, plus the code characters.
    static let gsm7: Set<Character> = Set(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
    static let latinLocales = ["en", "es", "fr", "de", "pt", "it", "nl", "sv", "pl", "tr", "id"]

    let composer = VerificationMessageComposer(catalog: .builtIn)

    @Test func atLeastTenLocalesAreBuiltIn() {
        let locales = VerificationTemplateCatalog.builtIn.locales(of: "default")
        #expect(locales.count >= 14)
        for required in ["en", "es", "fr", "de", "pt", "it", "nl", "tr", "ru", "ar", "hi", "id", "ja", "zh"] {
            #expect(locales.contains(required), "missing \(required)")
        }
    }

    @Test(arguments: Self.latinLocales)
    func latinScriptTextsStayInTheGsmAlphabet(locale: String) throws {
        let (_, text) = try composer.compose(VerificationMessageContent(template: "default", locale: locale, code: "123456", brand: "Acme", minutes: 10))
        let outside = text.filter { !Self.gsm7.contains($0) }
        #expect(outside.isEmpty, "\(locale): characters outside GSM 7-bit: \(outside)")
        #expect(text.count <= 160)
    }

    @Test(arguments: VerificationTemplateCatalog.builtInTexts.keys.sorted())
    func theCodeComesFirstAndEveryPlaceholderIsFilled(locale: String) throws {
        let (resolved, text) = try composer.compose(VerificationMessageContent(template: "default", locale: locale, code: "987654", brand: "Acme", minutes: 7))
        #expect(resolved == locale)
        #expect(text.hasPrefix("987654"))
        #expect(text.contains("Acme"))
        #expect(text.contains("7"))
        #expect(!text.contains("{") && !text.contains("}"))
    }

    @Test func androidRetrieverFormatHasPrefixAndHashLine() throws {
        let (_, text) = try composer.compose(VerificationMessageContent(
            template: "default", locale: "en", code: "042917", brand: "Acme", minutes: 10, appHash: "FA+9qCX9VSu"))
        #expect(text == "<#> 042917 is your Acme verification code. It expires in 10 minutes.\nFA+9qCX9VSu")
    }

    @Test func webOTPOriginLineIsLast() throws {
        let (_, text) = try composer.compose(VerificationMessageContent(
            template: "default", locale: "en", code: "042917", brand: "Acme", minutes: 10, appHash: "FA+9qCX9VSu", domain: "acme.example"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1] == "FA+9qCX9VSu")
        #expect(lines[2] == "@acme.example #042917")
    }

    @Test func placeholdersInValuesAreNotExpanded() throws {
        let (_, text) = try composer.compose(VerificationMessageContent(template: "default", locale: "en", code: "111111", brand: "{code}", minutes: 10))
        #expect(text == "111111 is your {code} verification code. It expires in 10 minutes.")
    }

    @Test func localesResolveByLanguageAndScript() throws {
        let catalog = VerificationTemplateCatalog.builtIn
        #expect(try catalog.resolve(template: "default", locale: "pt-BR").locale == "pt")
        #expect(try catalog.resolve(template: "default", locale: "es_MX").locale == "es")
        #expect(try catalog.resolve(template: "default", locale: "zh-TW").locale == "zh-hant")
        #expect(try catalog.resolve(template: "default", locale: "zh-Hans-CN").locale == "zh")
        #expect(try catalog.resolve(template: "default", locale: "EN").locale == "en")
        #expect(throws: HeraldError.self) { try catalog.resolve(template: "default", locale: "xx") }
        #expect(throws: HeraldError.self) { try catalog.resolve(template: "nope", locale: "en") }
    }

    @Test func operatorTemplatesAreValidated() throws {
        let catalog = try VerificationTemplateCatalog.builtIn.adding(template: "login", locale: "en", text: "{code}: sign in to {brand}")
        #expect(try catalog.resolve(template: "login", locale: "en-GB").text == "{code}: sign in to {brand}")
        #expect(throws: HeraldError.self) { try catalog.adding(template: "bad", locale: "en", text: "no code here") }
        #expect(throws: HeraldError.self) { try catalog.adding(template: "bad", locale: "en", text: "{code} {code}") }
        #expect(throws: HeraldError.self) { try catalog.adding(template: "bad", locale: "en", text: "{code} {link}") }
        #expect(throws: HeraldError.self) { try catalog.adding(template: "Bad Name", locale: "en", text: "{code}") }
    }
}
