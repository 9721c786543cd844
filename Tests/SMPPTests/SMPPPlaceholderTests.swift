import Testing
@testable import SMPP

@Test func SMPPModuleBuilds() {
    #expect(Bool(true))
}
