import Testing
@testable import HeraldCore
import HeraldTestSupport

@Suite struct TimestampTests {
    @Test func rendersRFC3339WithMilliseconds() {
        #expect(Timestamp(millisecondsSince1970: 1_700_000_000_123).iso8601 == "2023-11-14T22:13:20.123Z")
        #expect(Timestamp(millisecondsSince1970: 0).iso8601 == "1970-01-01T00:00:00.000Z")
    }

    @Test func parsesWithAndWithoutFractionAndOffsets() {
        #expect(Timestamp(iso8601: "2023-11-14T22:13:20.123Z")?.millisecondsSince1970 == 1_700_000_000_123)
        #expect(Timestamp(iso8601: "2023-11-14T23:13:20+01:00")?.millisecondsSince1970 == 1_700_000_000_000)
        #expect(Timestamp(iso8601: "yesterday") == nil)
    }
}

@Suite struct IdentifierTests {
    @Test func generatedIdentifiersSortByTimeAndRoundTrip() {
        let random = SequenceRandomSource()
        let early = MessageID.generate(at: Timestamp(millisecondsSince1970: 1_000), random: random)
        let late = MessageID.generate(at: Timestamp(millisecondsSince1970: 2_000), random: random)
        #expect(early < late)
        #expect(early.rawValue.hasPrefix("msg_"))
        #expect(early.rawValue.count == 30)
        #expect(MessageID(early.rawValue) == early)
    }

    @Test func rejectsWrongPrefixOrMalformedBody() {
        #expect(MessageID("acc_01jd0000000000000000000000") == nil)
        #expect(MessageID("msg_short") == nil)
        #expect(MessageID("msg_01JD0000000000000000000000") == nil)  // upper case is not the canonical form
        #expect(MessageID("msg_01jd00000000000000000000il") == nil)  // i and l are not Crockford digits
    }
}

@Suite struct APIKeyCredentialTests {
    @Test func issuedKeyParsesAndMatchesOnlyItsHash() {
        let random = SequenceRandomSource()
        let credential = APIKeyCredential.issue(at: Timestamp(millisecondsSince1970: 5), random: random)
        let key = APIKey(id: credential.keyID, accountID: AccountID.generate(at: Timestamp(millisecondsSince1970: 5), random: random), name: "k", secretHash: credential.hash, createdAt: Timestamp(millisecondsSince1970: 5))
        let parsed = APIKeyCredential(text: credential.text)
        #expect(parsed?.matches(key) == true)
        var tampered = credential.text
        tampered.removeLast()
        tampered.append(credential.text.last == "a" ? "b" : "a")
        #expect(APIKeyCredential(text: tampered)?.matches(key) == false)
        #expect(APIKeyCredential(text: "Bearer nonsense") == nil)
    }
}

@Suite struct WebhookSignerTests {
    @Test func signatureMatchesIndependentlyComputedHMAC() {
        // HMAC-SHA256(key "whsec_test", "1700000000.{}"), computed with Python's hmac module.
        let signer = WebhookSigner()
        #expect(signer.signature(secret: "whsec_test", body: Array("{}".utf8), unixSeconds: 1_700_000_000)
            == "35495024f4ef3f94e5a93e22221544c4b75e9a42300cd965ab81cb85cd994e91")
        let now = Timestamp(millisecondsSince1970: 1_700_000_000_000)
        let header = signer.signatureHeader(secret: "s3cret", body: Array("{\"a\":1}".utf8), at: now)
        #expect(signer.verify(header: header, secret: "s3cret", body: Array("{\"a\":1}".utf8), now: now))
        #expect(!signer.verify(header: header, secret: "other", body: Array("{\"a\":1}".utf8), now: now))
        #expect(!signer.verify(header: header, secret: "s3cret", body: Array("{\"a\":2}".utf8), now: now))
        #expect(!signer.verify(header: header, secret: "s3cret", body: Array("{\"a\":1}".utf8), now: now.adding(seconds: 301)))
    }
}

@Suite struct SenderIDTests {
    @Test(arguments: ["Herald", "MyBank", "+14155550123", "12345", "A&B Co.", "Shop-24"])
    func acceptsValidSenders(_ sender: String) throws {
        #expect(try SenderID.validate(sender) == sender)
    }

    @Test(arguments: ["", "ThisIsTooLong1", "12", "1234567890123456", "Bäckerei", "💬", "+12a45"])
    func rejectsInvalidSenders(_ sender: String) {
        #expect(throws: HeraldError.self) { try SenderID.validate(sender) }
    }
}
