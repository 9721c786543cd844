import Foundation
import HeraldCore
import Logging

/// On the first start with an empty database, creates an account named `default` with one API key,
/// prints the key once and writes it to `<data_directory>/initial-api-key` (mode 0600), so a new user can
/// send a message right away.
enum InitialAccount {
    struct Created: Sendable {
        var accountID: AccountID
        var apiKey: String
        var path: String
    }

    static func createIfNeeded(accounts: AccountService, dataDirectory: String) async throws -> Created? {
        guard try await accounts.store.accounts().isEmpty else { return nil }
        let creation = try await accounts.createAccount(name: "default", actor: .system("bootstrap"))
        let path = (dataDirectory as NSString).appendingPathComponent("initial-api-key")
        let text = creation.credential.text + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write '\(path)'; the API key of the new account is \(creation.credential.text)")
        }
        return Created(accountID: creation.account.id, apiKey: creation.credential.text, path: path)
    }
}
