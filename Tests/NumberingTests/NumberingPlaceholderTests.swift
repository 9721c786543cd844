import Testing
@testable import Numbering

@Test func NumberingModuleBuilds() {
    #expect(Bool(true))
}
