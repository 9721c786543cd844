import HeraldTestSupport
import Testing
@testable import HeraldCore

@Suite struct OptOutKeywordTests {
    @Test(arguments: ["STOP", "stop", "  Stop \n", "STOPALL", "unsubscribe", "Cancel", "END", "quit", "stop.", "STOP!"])
    func optOutWords(_ text: String) {
        guard case .optOut? = OptOutKeyword(message: text) else {
            Issue.record("'\(text)' should opt out")
            return
        }
    }

    @Test func optInWordsAndNonKeywords() {
        #expect(OptOutKeyword(message: " start ") == .optIn("START"))
        #expect(OptOutKeyword(message: "UNSTOP") == .optIn("UNSTOP"))
        #expect(OptOutKeyword(message: "stop it") == nil)
        #expect(OptOutKeyword(message: "please stop") == nil)
        #expect(OptOutKeyword(message: "STOPP") == nil)
        #expect(OptOutKeyword(message: "") == nil)
        #expect(OptOutKeyword(message: "stop")?.action == "opt_out")
        #expect(OptOutKeyword(message: "Quit")?.word == "QUIT")
    }
}

@Suite struct IPNetworkTests {
    @Test func ipv4Ranges() throws {
        let network = try IPNetwork(parsing: "203.0.113.77/24")
        #expect(network.description == "203.0.113.0/24")
        #expect(network.contains("203.0.113.1"))
        #expect(network.contains("::ffff:203.0.113.9"))
        #expect(!network.contains("203.0.114.1"))
        #expect(!network.contains("2001:db8::1"))
        #expect(try IPNetwork(parsing: "10.1.2.3").contains("10.1.2.3"))
        #expect(!(try IPNetwork(parsing: "10.1.2.3")).contains("10.1.2.4"))
        #expect(try IPNetwork(parsing: "0.0.0.0/0").contains("198.51.100.1"))
    }

    @Test func ipv6Ranges() throws {
        let network = try IPNetwork(parsing: "2001:db8:abcd::/48")
        #expect(network.description == "2001:db8:abcd::/48")
        #expect(network.contains("2001:db8:abcd:12::1"))
        #expect(!network.contains("2001:db8:abce::1"))
        #expect(try IPNetwork(parsing: "::1").contains("::1"))
        #expect(try IPNetwork(parsing: "2001:db8::/33").contains("2001:db8:7fff::1"))
        #expect(!(try IPNetwork(parsing: "2001:db8::/33")).contains("2001:db8:8000::1"))
    }

    @Test(arguments: ["", "300.1.1.1", "10.0.0.0/33", "10.0.0.0/-1", "2001:db8::/129", "example.com", "10.0.0.0/8/8", "10.0.0.0/ 8"])
    func malformed(_ text: String) {
        #expect(throws: HeraldError.self) { try IPNetwork(parsing: text) }
    }

    @Test func accessChecksAddresses() throws {
        var access = SMPPAccount(accountID: AccountID(unchecked: "acc_x"), systemID: "a", passwordHash: "", createdAt: Timestamp(millisecondsSince1970: 0))
        #expect(access.allows(address: "198.51.100.1"))
        #expect(access.allows(address: nil))
        access.allowedNetworks = [try IPNetwork(parsing: "127.0.0.0/8")]
        #expect(access.allows(address: "127.0.0.1"))
        #expect(!access.allows(address: "198.51.100.1"))
        #expect(!access.allows(address: nil))
    }
}

@Suite struct SMPPPasswordHasherTests {
    @Test func hashesAreSaltedAndVerify() throws {
        let hasher = SMPPPasswordHasher(rounds: 1000)
        let random = SequenceRandomSource()
        let first = try hasher.hash("s3cret", random: random)
        let second = try hasher.hash("s3cret", random: random)
        #expect(first != second)
        #expect(first.hasPrefix("pbkdf2-sha256$1000$"))
        #expect(!first.contains("s3cret"))
        #expect(hasher.verify("s3cret", against: first))
        #expect(hasher.verify("s3cret", against: second))
        #expect(!hasher.verify("s3cre", against: first))
        #expect(!hasher.verify("s3cret", against: "pbkdf2-sha256$1000$bad"))
        // The stored rounds are used, whatever the hasher's own setting.
        #expect(SMPPPasswordHasher(rounds: 5).verify("s3cret", against: first))
    }

    @Test func matchesThePublishedVector() throws {
        // The widely published PBKDF2-HMAC-SHA256 vector: P = "password", S = "salt", c = 1, dkLen = 32.
        let derived = try SMPPPasswordHasher.derive("password", salt: Array("salt".utf8), rounds: 1)
        #expect(SecretHashing.hex(derived) == "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b")
    }
}

@Suite struct ReceiptRequestTests {
    func message(_ request: ReceiptRequest?, status: MessageStatus) -> Message {
        var message = Message(
            id: MessageID(unchecked: "msg_01kdvdna00aafgy4tqcx94f573"), accountID: AccountID(unchecked: "acc_01kdvdna00aafgy4tqcx94f573"), to: "+4915123456789",
            from: "Acme", body: "hi", bodyPolicy: .retained, status: status, clientReference: nil, callbackURL: nil,
            validUntil: Timestamp(millisecondsSince1970: 10_000), sendAt: Timestamp(millisecondsSince1970: 0), createdAt: Timestamp(millisecondsSince1970: 0),
            destination: Destination(regionCode: "DE", countryCallingCode: 49), encoding: "gsm7", partCount: 2, channel: .smpp, concatenationReference: 1,
            history: [], originNode: "n")
        message.receiptRequest = request
        message.error = status == .delivered ? nil : MessageError(code: "carrier_undelivered_011", description: "x")
        return message
    }

    @Test func finalStatusesProduceReceiptsAsAskedFor() {
        let factory = MessageWebhookFactory(random: SequenceRandomSource())
        let at = Timestamp(millisecondsSince1970: 5000)
        #expect(factory.statusEffects(for: message(.final, status: .delivered), at: at).smppDeliveries.count == 1)
        #expect(factory.statusEffects(for: message(.final, status: .submitted), at: at).smppDeliveries.isEmpty)
        #expect(factory.statusEffects(for: message(.failureOnly, status: .delivered), at: at).smppDeliveries.isEmpty)
        #expect(factory.statusEffects(for: message(nil, status: .undelivered), at: at).smppDeliveries.isEmpty)
        let failure = factory.statusEffects(for: message(.failureOnly, status: .undelivered), at: at).smppDeliveries
        guard case .receipt(let report)? = failure.first?.content else {
            Issue.record("expected a receipt")
            return
        }
        #expect(report.status == .undelivered)
        #expect(report.errorCode == "carrier_undelivered_011")
        #expect(report.parts == 2)
        #expect(failure.first?.accountID == AccountID(unchecked: "acc_01kdvdna00aafgy4tqcx94f573"))
    }
}
