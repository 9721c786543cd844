import Foundation
import HeraldCore

/// On the first start with no operator at all, creates an admin named `admin`, prints its token once and
/// writes it to `<data_directory>/initial-operator-token` (mode 0600). Create a second admin with it (the
/// two-person rule needs two), then delete the file.
enum InitialOperator {
    struct Created: Sendable {
        var operatorID: OperatorID
        var token: String
        var path: String
    }

    static func createIfNeeded(operators: OperatorService, dataDirectory: String) async throws -> Created? {
        guard try await operators.operators().isEmpty else { return nil }
        let creation = try await operators.createOperator(name: "admin", role: .admin, actor: .system("bootstrap"))
        let path = (dataDirectory as NSString).appendingPathComponent("initial-operator-token")
        let text = creation.credential.text + "\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw ConfigurationError("cannot write '\(path)'; the token of the first operator is \(creation.credential.text)")
        }
        return Created(operatorID: creation.operator.id, token: creation.credential.text, path: path)
    }
}
