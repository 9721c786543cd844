import ArgumentParser
import Foundation

/// How the audit subcommands report an input or I/O failure: one line on standard error, exit status 2.
enum AuditCommandFailure {
    static func exit(_ command: String, _ message: String) -> Never {
        FileHandle.standardError.write(Data("\(command): \(message)\n".utf8))
        AuditCommand.exit(withError: ExitCode(2))
    }
}
