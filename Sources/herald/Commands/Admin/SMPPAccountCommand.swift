import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore

/// `herald smpp-account …`: an account's access to the customer SMPP listener (audited as `cli:<user>`).
struct SMPPAccountCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smpp-account",
        abstract: "Manage accounts' SMPP access: credentials, bind limit, allowed addresses, throughput.",
        discussion: "Every change acts on the database directly and is audited with the actor cli:<user>. See docs/customer-smpp.md.",
        subcommands: [
            SMPPAccountSetCredentialsCommand.self, SMPPAccountSetBindLimitCommand.self, SMPPAccountSetAllowedNetworksCommand.self,
            SMPPAccountSetThroughputCommand.self, SMPPAccountShowCommand.self, SMPPAccountRemoveCommand.self,
        ])

    static func describe(_ access: SMPPAccount) -> String {
        let networks = access.allowedNetworks.isEmpty ? "any" : access.allowedNetworks.map(\.description).joined(separator: ", ")
        return """
            account:          \(access.accountID)
            system_id:        \(access.systemID)
            max binds:        \(access.maximumBinds)
            allowed networks: \(networks)
            window:           \(access.window)
            tps:              \(access.messagesPerSecond)
            updated:          \(access.updatedAt.iso8601)
            """
    }
}

struct SMPPAccountSetCredentialsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-credentials",
        abstract: "Give an account SMPP access or change its system_id and password (stored hashed).",
        discussion: "Without --password a random 8-character password is generated and printed once.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String
    @Option(name: .long, help: "The system_id it binds with (1-15 printable ASCII characters).") var systemID: String
    @Option(name: .long, help: "The password (1-8 printable ASCII characters); default: generated.") var password: String?

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            let secret = password ?? context.smppAccounts.generatePassword()
            let access = try await context.smppAccounts.setCredentials(accountID: id, systemID: systemID, password: secret, actor: context.actor)
            print(SMPPAccountCommand.describe(access))
            if password == nil { print("password:         \(secret)   (shown once)") }
        }
    }
}

struct SMPPAccountSetBindLimitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set-bind-limit", abstract: "Set how many simultaneous binds the account may hold (1-100).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String
    @Option(name: .long, help: "Simultaneous binds.") var maxBinds: Int

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            print(SMPPAccountCommand.describe(try await context.smppAccounts.setBindLimit(accountID: id, maximumBinds: maxBinds, actor: context.actor)))
        }
    }
}

struct SMPPAccountSetAllowedNetworksCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-allowed-networks", abstract: "Set the source addresses binds are accepted from (CIDR ranges; none: any address).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String
    @Option(name: .customLong("allow"), help: "An address or CIDR range, e.g. 203.0.113.0/24; repeatable.") var networks: [String] = []

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            print(SMPPAccountCommand.describe(try await context.smppAccounts.setAllowedNetworks(accountID: id, networks: networks, actor: context.actor)))
        }
    }
}

struct SMPPAccountSetThroughputCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-throughput", abstract: "Set the account's window (1-1000) and requests per second (0.1-10000) on the listener.",
        discussion: """
            Lowered values apply at once. Raising either value is a limit raise: it becomes a proposal that an admin \
            other than you approves (POST /v1/admin/proposals/{id}/approve), like the admin API's PUT …/smpp/throughput.
            """)

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String
    @Option(name: .long, help: "Requests awaiting a response, across the account's binds.") var window: Int
    @Option(name: .long, help: "Requests per second, across the account's binds.") var tps: Double
    @Option(name: .long, help: "Why (shown to the approver of a raise).") var note: String?

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            let outcome = try await context.smppAdministration.setThroughput(
                accountID: id, to: SMPPThroughput(window: window, messagesPerSecond: tps), note: note, by: context.actor)
            print(SMPPAccountCommand.describe(outcome.access))
            if let proposal = outcome.proposal {
                print("the raise is proposed as \(proposal.id) (digest \(proposal.digest)), pending until \(proposal.expiresAt.iso8601)")
                print("an admin approves it with: POST /v1/admin/proposals/\(proposal.id)/approve")
            }
        }
    }
}

struct SMPPAccountShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show an account's SMPP access (never the password), or every account's.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…); default: all.") var account: String?

    func run() async throws {
        let id = try account.map(AccountID.argument)
        try await options.withAdministration { context in
            let all = try await context.store.smppAccounts().filter { id == nil || $0.accountID == id }
            if all.isEmpty { print("no SMPP access configured") }
            print(all.map(SMPPAccountCommand.describe).joined(separator: "\n\n"))
        }
    }
}

struct SMPPAccountRemoveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "remove", abstract: "Withdraw an account's SMPP access (new binds are refused).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            try await context.smppAccounts.removeAccess(accountID: id, actor: context.actor)
            print("SMPP access of \(id) removed")
        }
    }
}
