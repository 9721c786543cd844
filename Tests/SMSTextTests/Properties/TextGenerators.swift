import PropertyBased

/// Generators of message texts for the property tests.
enum TextGenerators {
    static let gsmBasic = Array(
        "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
    )
    static let gsmExtension = Array("^{}\\[~]|€\u{0C}")
    /// GSM text with plenty of two-septet characters and CRs so boundaries get exercised.
    static let gsmPool: [Character] = gsmBasic + gsmExtension + gsmExtension + gsmExtension + ["\r", "\r", "\r\n"]

    static let ucs2Pool: [Character] =
        Array("Приветмир Здравствуйте مرحبا بالعالم 你好世界 שלום αβγ ёЁ") + gsmBasic.prefix(40)
        + ["😀", "👍🏽", "🇩🇪", "👨‍👩‍👧", "é", "e\u{301}", "🙂", "𝄞", "\r\n", "€", "{"]

    static let latin1Pool: [Character] = (0x20...0xFF).compactMap { value in
        (0x7F...0x9F).contains(value) ? nil : Character(Unicode.Scalar(UInt8(value)))
    } + ["\n", "\r"]

    static let ia5Pool: [Character] = (0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) } + ["\n", "\t"]

    static let turkishPool: [Character] = Array("abcçdefgğhıijklmnoöprsştuüvyzABCÇDEFGĞHIİJKLMNOÖPRSŞTUÜVYZ 0123456789.,€{")

    static let portuguesePool: [Character] = Array("aáàâãbcçdeéêfghiíjklmnoóôõpqrstuúvxzAÁÀÂÃÇÉÊÍÓÔÕÚ ºª∞0123456789.,€")

    static func text(from pool: [Character], length: ClosedRange<Int>) -> Generator<String, some SendableSequenceType> {
        Gen<Character?>.element(of: pool).map { $0 ?? "a" }.array(of: length).map { String($0) }
    }
}
