import Foundation
import Logging
import Synchronization
import Testing
@testable import HeraldApp

@Suite struct JSONLogHandlerTests {
    final class Lines: Sendable {
        let data = Mutex<[Data]>([])
        var objects: [[String: Any]] {
            data.withLock { $0 }.compactMap { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] }
        }
    }

    func logger(_ lines: Lines, level: Logger.Level = .info) -> Logger {
        var logger = Logger(label: "herald.test") { label in JSONLogHandler(label: label) { line in lines.data.withLock { $0.append(line) } } }
        logger.logLevel = level
        return logger
    }

    @Test func oneJSONObjectPerLineWithTheStandardFieldsAndMetadata() throws {
        let lines = Lines()
        var logger = logger(lines)
        logger[metadataKey: "node"] = "node-a"
        logger.info("message submitted", metadata: [
            "link": "sim", "parts": .stringConvertible(3), "to_pseudonym": "p:ab12",
            "ids": .array(["a", "b"]), "detail": .dictionary(["code": "smpp_08"]),
        ])
        let raw = try #require(lines.data.withLock { $0.first })
        #expect(raw.last == 0x0A)
        #expect(raw.dropLast().contains(0x0A) == false)
        let object = try #require(lines.objects.first)
        #expect(object["msg"] as? String == "message submitted")
        #expect(object["level"] as? String == "info")
        #expect(object["label"] as? String == "herald.test")
        #expect(object["node"] as? String == "node-a")
        #expect(object["link"] as? String == "sim")
        #expect(object["parts"] as? String == "3")
        #expect(object["ids"] as? [String] == ["a", "b"])
        #expect((object["detail"] as? [String: String])?["code"] == "smpp_08")
        let ts = try #require(object["ts"] as? String)
        #expect(ts.hasSuffix("Z") && ts.count == "2026-01-01T00:00:00.000Z".count)
        // Keys are sorted, so lines are stable for grep and diff.
        let text = String(decoding: raw, as: UTF8.self)
        #expect(text.range(of: "\"label\"")!.lowerBound < text.range(of: "\"msg\"")!.lowerBound)
    }

    @Test func newlinesAndQuotesInAMessageStayOnOneLine() throws {
        let lines = Lines()
        logger(lines).warning("line one\nline \"two\"", metadata: ["path": "/v1/messages"])
        let raw = try #require(lines.data.withLock { $0.first })
        #expect(raw.filter { $0 == 0x0A }.count == 1)
        #expect(String(decoding: raw, as: UTF8.self).contains(#""path":"/v1/messages""#))
        #expect(lines.objects.first?["msg"] as? String == "line one\nline \"two\"")
    }

    @Test func metadataCannotOverrideTheStandardFieldsAndTheLevelFilters() {
        let lines = Lines()
        let logger = logger(lines, level: .notice)
        logger.info("dropped")
        logger.error("kept", metadata: ["msg": "spoofed", "level": "debug"])
        let objects = lines.objects
        #expect(objects.count == 1)
        #expect(objects.first?["msg"] as? String == "kept")
        #expect(objects.first?["level"] as? String == "error")
    }
}
