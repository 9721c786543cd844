import Testing
@testable import MerkleLog

@Test func MerkleLogModuleBuilds() {
    #expect(Bool(true))
}
