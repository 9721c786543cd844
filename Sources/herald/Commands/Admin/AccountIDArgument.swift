import ArgumentParser
import HeraldCore

extension AccountID {
    /// An account id given on the command line, or a usage error naming the bad value.
    static func argument(_ text: String) throws -> AccountID {
        guard let id = AccountID(text) else { throw ValidationError("'\(text)' is not an account id (acc_…)") }
        return id
    }
}
