import Foundation

/// Writes a classic libpcap file (Ethernet/IPv4/TCP) carrying given TCP payloads, one per packet,
/// all in one client→server stream, so tshark can dissect them.
struct PcapWriter {
    var sourcePort: UInt16 = 40_001
    var destinationPort: UInt16
    private var data = Data()
    private var tcpSequence: UInt32 = 1000
    private var packetCount: UInt32 = 0

    init(destinationPort: UInt16) {
        self.destinationPort = destinationPort
        append32le(0xA1B2_C3D4)  // magic, microsecond timestamps
        append16le(2); append16le(4)  // version 2.4
        append32le(0); append32le(0)  // thiszone, sigfigs
        append32le(65_535)  // snaplen
        append32le(1)  // LINKTYPE_ETHERNET
    }

    mutating func addPacket(payload: [UInt8]) {
        var frame: [UInt8] = []
        frame += [0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0, 0, 0x01]  // dst MAC, src MAC
        frame += [0x08, 0x00]  // EtherType IPv4
        let ipTotal = 20 + 20 + payload.count
        var ip: [UInt8] = [0x45, 0, UInt8(ipTotal >> 8), UInt8(ipTotal & 0xFF),
                           UInt8(packetCount >> 8 & 0xFF), UInt8(packetCount & 0xFF), 0x40, 0, 64, 6, 0, 0,
                           127, 0, 0, 1, 127, 0, 0, 1]
        let checksum = Self.ipChecksum(ip)
        ip[10] = UInt8(checksum >> 8)
        ip[11] = UInt8(checksum & 0xFF)
        frame += ip
        var tcp: [UInt8] = []
        tcp += [UInt8(sourcePort >> 8), UInt8(sourcePort & 0xFF), UInt8(destinationPort >> 8), UInt8(destinationPort & 0xFF)]
        tcp += Self.be32(tcpSequence)
        tcp += Self.be32(1)  // ack
        tcp += [0x50, 0x18, 0xFF, 0xFF, 0, 0, 0, 0]  // offset 5 words, PSH|ACK, window, checksum 0, urgent 0
        frame += tcp
        frame += payload
        tcpSequence &+= UInt32(payload.count)
        packetCount += 1

        append32le(packetCount)  // ts_sec
        append32le(0)  // ts_usec
        append32le(UInt32(frame.count))
        append32le(UInt32(frame.count))
        data.append(contentsOf: frame)
    }

    func write(to url: URL) throws {
        try data.write(to: url)
    }

    private mutating func append32le(_ v: UInt32) {
        data.append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)])
    }

    private mutating func append16le(_ v: UInt16) {
        data.append(contentsOf: [UInt8(v & 0xFF), UInt8(v >> 8)])
    }

    private static func be32(_ v: UInt32) -> [UInt8] {
        [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
    }

    private static func ipChecksum(_ header: [UInt8]) -> UInt16 {
        var sum: UInt32 = 0
        for i in stride(from: 0, to: header.count, by: 2) {
            sum += UInt32(header[i]) << 8 | UInt32(header[i + 1])
        }
        while sum >> 16 != 0 { sum = (sum & 0xFFFF) + (sum >> 16) }
        return ~UInt16(sum)
    }
}
