import Foundation
import HeraldCore
import Testing

/// The storage backends the contract suite runs against. Every `@Test(arguments: StoreFactory.all)` test runs
/// once per backend, each time on fresh, migrated, empty storage.
///
/// SQLite (a temporary file) always runs. PostgreSQL joins when `HERALD_TEST_POSTGRES_URL` is set.
struct StoreFactory: Sendable, CustomTestStringConvertible {
    let name: String
    let open: @Sendable () async throws -> any StorageBackend

    var testDescription: String { name }

    static let all: [StoreFactory] = {
        var factories = [StoreFactory.sqlite]
        if let url = PostgresBackend.configuredURL {
            factories.append(.postgres(url: url))
        }
        return factories
    }()

    static let sqlite = StoreFactory(name: "SQLite") { try SQLiteBackend.temporary() }

    /// A fresh schema of the test database per test, dropped in `destroy()`.
    static func postgres(url: String) -> StoreFactory {
        StoreFactory(name: "PostgreSQL") { try PostgresBackend.fresh(url: url) }
    }

    /// Opens a fresh backend, migrates it, runs `body`, and destroys the backend whatever happens.
    func withBackend<T>(_ body: (any StorageBackend) async throws -> T) async throws -> T {
        let backend = try await open()
        do {
            try await backend.store.migrate()
            let result = try await body(backend)
            await backend.destroy()
            return result
        } catch {
            await backend.destroy()
            throw error
        }
    }
}
