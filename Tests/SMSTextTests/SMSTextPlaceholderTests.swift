import Testing
@testable import SMSText

@Test func SMSTextModuleBuilds() {
    #expect(Bool(true))
}
