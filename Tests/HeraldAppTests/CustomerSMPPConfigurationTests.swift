import HeraldCustomerSMPP
import SMSText
import Testing
@testable import HeraldApp

@Suite struct CustomerSMPPConfigurationTests {
    @Test func theListenerIsOffByDefault() throws {
        let configuration = try ConfigurationLoader.parse(yaml: "")
        #expect(configuration.customerSMPP.enabled == false)
        #expect(configuration.customerSMPP.port == 2775)
        #expect(configuration.customerSMPP.host == "127.0.0.1")
    }

    @Test func theSectionDecodesAndMapsToListenerSettings() throws {
        let configuration = try ConfigurationLoader.parse(yaml: """
            customer_smpp:
              enabled: true
              port: 0
              system_id: Acme
              data_coding_zero: latin1
              multipart_timeout_seconds: 30
              delivery_hold_hours: 24
              max_delivery_attempts: 5
            """)
        try configuration.validate()
        let settings = CustomerSMPPSettingsMapper.settings(for: configuration.customerSMPP)
        #expect(settings.port == 0)
        #expect(settings.systemID == "Acme")
        #expect(settings.dataCodingZero == .latin1)
        #expect(settings.multipartTimeout == .seconds(30))
        #expect(settings.deliveryHold == .seconds(24 * 3600))
        #expect(settings.maximumDeliveryAttempts == 5)
        #expect(CustomerSMPPSettingsMapper.settings(for: CustomerSMPPSection()).dataCodingZero == .gsm7Unpacked)
    }

    @Test func mistakesAreReportedWithTheirKey() throws {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.parse(yaml: "customer_smpp:\n  prot: 2775\n") }
        var configuration = HeraldConfiguration()
        configuration.customerSMPP.dataCodingZero = "utf8"
        #expect(throws: ConfigurationError("'customer_smpp.data_coding_zero' must be gsm7, gsm7_packed, ascii, latin1")) { try configuration.validate() }
        configuration = HeraldConfiguration()
        configuration.customerSMPP.port = 70_000
        #expect(throws: ConfigurationError.self) { try configuration.validate() }
    }
}
