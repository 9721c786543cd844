import ArgumentParser
import Foundation
import HeraldApp
import HeraldCore

/// `herald number …`: the numbers and short codes that route replies to accounts (audited as `cli:<user>`).
struct NumberCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "number",
        abstract: "Assign numbers and short codes to accounts, so messages sent to them reach the account.",
        subcommands: [NumberAssignCommand.self, NumberUnassignCommand.self, NumberListCommand.self])
}

struct NumberAssignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "assign", abstract: "Assign a number (+E.164) or short code (3-8 digits) to an account.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String
    @Argument(help: "The number, e.g. +4915123456789, or a short code, e.g. 72345.") var number: String

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            let assigned = try await context.numbers.assign(number, to: id, actor: context.actor)
            print("\(assigned.number) assigned to \(assigned.accountID)")
        }
    }
}

struct NumberUnassignCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unassign", abstract: "Remove a number or short code from an account.")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…).") var account: String
    @Argument(help: "The number or short code.") var number: String

    func run() async throws {
        let id = try AccountID.argument(account)
        try await options.withAdministration { context in
            try await context.numbers.unassign(number, from: id, actor: context.actor)
            print("\(number) unassigned from \(id)")
        }
    }
}

struct NumberListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List assigned numbers (of one account, or all).")

    @OptionGroup var options: DatabaseOptions
    @Option(name: .long, help: "The account (acc_…); default: all.") var account: String?

    func run() async throws {
        let id = try account.map(AccountID.argument)
        try await options.withAdministration { context in
            let numbers = try await context.numbers.numbers(of: id)
            if numbers.isEmpty { print("no numbers assigned") }
            for number in numbers { print("\(number.number)\t\(number.accountID)\t\(number.assignedAt.iso8601)") }
        }
    }
}
