extension VerificationTemplateCatalog {
    /// The `default` template in 18 locales.
    ///
    /// Latin-script texts avoid letters outside the GSM 7-bit alphabet (é, è, à, ä, ö, ü, ñ and å are in
    /// it; ó, á, í, ú, ã, ç, ş, ğ, ı, ł, ż are not), so they travel as one 160-character SMS; the other
    /// scripts need UCS-2 (70 characters) and are kept short.
    public static let builtInTexts: [String: String] = [
        "en": "{code} is your {brand} verification code. It expires in {minutes} minutes.",
        "es": "{code} es tu codigo de verificacion de {brand}. Caduca en {minutes} minutos.",
        "fr": "{code} est votre code de vérification {brand}. Il expire dans {minutes} minutes.",
        "de": "{code} ist Ihr {brand} Bestätigungscode. Er ist {minutes} Minuten gültig.",
        "pt": "{code} é o seu codigo de verificacao {brand}. Expira em {minutes} minutos.",
        "it": "{code} è il tuo codice di verifica {brand}. Scade tra {minutes} minuti.",
        "nl": "{code} is je {brand} verificatiecode. Deze verloopt over {minutes} minuten.",
        "sv": "{code} är din verifieringskod för {brand}. Den gäller i {minutes} minuter.",
        "pl": "{code} to Twoj kod weryfikacyjny {brand}. Jest wazny przez {minutes} min.",
        "tr": "{code} {brand} dogrulama kodunuzdur. {minutes} dakika gecerlidir.",
        "id": "{code} adalah kode verifikasi {brand} Anda. Berlaku {minutes} menit.",
        "ru": "{code} — ваш код подтверждения {brand}. Действует {minutes} мин.",
        "ar": "{code} هو رمز التحقق الخاص بك في {brand}. صالح لمدة {minutes} دقائق.",
        "hi": "{code} आपका {brand} सत्यापन कोड है। यह {minutes} मिनट तक मान्य है।",
        "ja": "{code} は{brand}の確認コードです。有効期限は{minutes}分です。",
        "ko": "{code} 은(는) {brand} 인증 코드입니다. {minutes}분 동안 유효합니다.",
        "zh": "{code} 是您的{brand}验证码，{minutes}分钟内有效。",
        "zh-hant": "{code} 是您的{brand}驗證碼，{minutes}分鐘內有效。",
    ]

    /// The catalog with the built-in `default` template.
    public static var builtIn: VerificationTemplateCatalog {
        // The built-in texts are checked by the test suite; should one ever be malformed, the catalog
        // comes out empty and every start fails with `unknown_template` rather than crashing.
        (try? VerificationTemplateCatalog(templates: ["default": builtInTexts])) ?? VerificationTemplateCatalog(uncheckedTemplates: [:])
    }
}
