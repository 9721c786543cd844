import Foundation
import NIOCore
import Testing
@testable import SMPP

/// Cross-checks our encoder against Wireshark's independent SMPP dissector: every vector PDU is
/// encoded, written into a pcap, decoded by `tshark -d tcp.port==N,smpp`, and compared field by field.
@Suite("tshark cross-check")
struct TsharkVectorTests {
    static let fields = [
        "smpp.command_length", "smpp.command_id", "smpp.command_status", "smpp.sequence_number",
        "smpp.system_id", "smpp.password", "smpp.source_addr", "smpp.destination_addr", "smpp.message_id",
        "smpp.sar_msg_ref_num", "smpp.receipted_message_id", "smpp.dl_name", "smpp.final_date",
        "smpp.sm_length", "smpp.esme_addr", "smpp.network_error.code", "smpp.message_state", "smpp.data_coding",
        "smpp.error_status_code", "smpp.service_type",
    ]

    @Test func tsharkDecodesOurEncoding() throws {
        guard let tshark = ExternalTool.find("tshark") else {
            try ExternalTool.skip("tshark not installed (apt-get install tshark)")
            return
        }
        let port: UInt16 = 40_775
        var pcap = PcapWriter(destinationPort: port)
        var encoded: [(name: String, pdu: PDU, bytes: ByteBuffer)] = []
        for vector in PDUVectors.all {
            let bytes = try PDUEncoder().encode(vector.pdu)
            pcap.addPacket(payload: Array(bytes.readableBytesView))
            encoded.append((vector.name, vector.pdu, bytes))
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("smpp-vectors-\(UUID().uuidString).pcap")
        try pcap.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }

        var arguments = ["-r", url.path, "-d", "tcp.port==\(port),smpp", "-T", "fields", "-E", "separator=|"]
        for field in Self.fields { arguments += ["-e", field] }
        let result = try ExternalTool.run(tshark, arguments)
        #expect(result.status == 0, "tshark failed: \(result.stderr)")
        let malformed = try ExternalTool.run(tshark, ["-r", url.path, "-d", "tcp.port==\(port),smpp", "-Y", "_ws.malformed || _ws.expert.severity >= warning"])
        #expect(malformed.stdout.isEmpty, "tshark flags malformed PDUs:\n\(malformed.stdout)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.isEmpty }
        try #require(lines.count == encoded.count, "tshark printed \(lines.count) packets for \(encoded.count) PDUs:\n\(result.stdout)")

        for (line, entry) in zip(lines, encoded) {
            let values = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            var row: [String: String] = [:]
            for (field, value) in zip(Self.fields, values) { row[field] = value }
            let name = entry.name
            #expect(Int(row["smpp.command_length"] ?? "") == entry.bytes.readableBytes, "\(name): length")
            #expect(parseNumber(row["smpp.command_id"]) == UInt64(entry.pdu.commandID.rawValue), "\(name): command_id \(row["smpp.command_id"] ?? "-")")
            if entry.pdu.commandID.isResponse {  // tshark shows command_status on responses only
                #expect(parseNumber(row["smpp.command_status"]) == UInt64(entry.pdu.commandStatus.rawValue), "\(name): status")
            }
            #expect(parseNumber(row["smpp.sequence_number"]) == UInt64(entry.pdu.sequenceNumber), "\(name): sequence")
            for (field, expected) in expectedFields(entry.pdu) {
                let shown = row[field] ?? "nil"
                let matches = shown == expected || (parseNumber(shown) != nil && parseNumber(shown) == parseNumber(expected))
                #expect(matches, "\(name): \(field) tshark=\(shown) expected=\(expected)")
            }
        }
    }

    private func parseNumber(_ text: String?) -> UInt64? {
        guard let text else { return nil }
        if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) }
        return UInt64(text)
    }

    /// Field values tshark must show for a PDU (strings as-is, numbers in decimal).
    private func expectedFields(_ pdu: PDU) -> [String: String] {
        switch pdu.body {
        case .bind(let b):
            return ["smpp.system_id": b.systemID, "smpp.password": b.password]
        case .bindResponse(let b) where pdu.commandStatus.isOK:
            return ["smpp.system_id": b.systemID]
        case .outbind(let b):
            return ["smpp.system_id": b.systemID, "smpp.password": b.password]
        case .submitSM(let s):
            return ["smpp.source_addr": s.source.address, "smpp.destination_addr": s.destination.address,
                    "smpp.sm_length": "\(s.shortMessage.count)", "smpp.sar_msg_ref_num": "\(s.tlvs.sarMsgRefNum ?? 0)"]
        case .submitSMResponse(let r) where pdu.commandStatus.isOK:
            return ["smpp.message_id": r.messageID]
        case .submitMulti(let s):
            return ["smpp.source_addr": s.source.address, "smpp.destination_addr": "15550002", "smpp.dl_name": "friends",
                    "smpp.service_type": s.serviceType]
        case .submitMultiResponse(let r):
            return ["smpp.message_id": r.messageID, "smpp.destination_addr": "15550009"]
        case .deliverSM(let d):
            return ["smpp.source_addr": d.source.address, "smpp.destination_addr": d.destination.address,
                    "smpp.receipted_message_id": d.tlvs.receiptedMessageID ?? "", "smpp.message_state": "2"]
        case .dataSM(let d):
            return ["smpp.source_addr": d.source.address, "smpp.destination_addr": d.destination.address]
        case .dataSMResponse(let r):
            return ["smpp.message_id": r.messageID, "smpp.network_error.code": "34"]
        case .querySM(let q):
            return ["smpp.message_id": q.messageID, "smpp.source_addr": q.source.address]
        case .querySMResponse(let q):
            return ["smpp.message_id": q.messageID, "smpp.message_state": "\(q.messageState.rawValue)"]
        case .cancelSM(let c):
            return ["smpp.message_id": c.messageID, "smpp.source_addr": c.source.address, "smpp.destination_addr": c.destination.address]
        case .replaceSM(let r):
            return ["smpp.message_id": r.messageID, "smpp.source_addr": r.source.address, "smpp.sm_length": "\(r.shortMessage.count)"]
        case .alertNotification(let a):
            return ["smpp.source_addr": a.source.address, "smpp.esme_addr": a.esmeAddress.address]
        default:
            return [:]
        }
    }
}
