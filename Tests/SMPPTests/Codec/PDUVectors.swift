import NIOCore
@testable import SMPP

/// Byte vectors for every SMPP 3.4 PDU, derived by hand from the SMPP 3.4 field tables
/// (one line per field, with a comment naming it), and the PDU values they encode.
enum PDUVectors {
    static let bindTransmitter = hex("""
        00000023 00000002 00000000 00000001  # command_length 35, command_id, status, seq 1
        686572616C6400                       # system_id "herald"
        73656372657400                       # password "secret"
        00                                   # system_type ""
        34                                   # interface_version 0x34
        00                                   # addr_ton 0
        00                                   # addr_npi 0
        00                                   # address_range ""
        """)

    static let bindReceiver = hex("""
        00000023 00000001 00000000 00000002  # command_length 35, command_id, status, seq 2
        72783100                             # system_id "rx1"
        707700                               # password "pw"
        564D4100                             # system_type "VMA"
        34                                   # interface_version 0x34
        01                                   # addr_ton 1
        01                                   # addr_npi 1
        5E34343700                           # address_range "^447"
        """)

    static let bindTransceiver = hex("""
        00000022 00000009 00000000 00000003  # command_length 34, command_id, status, seq 3
        74727800                             # system_id "trx"
        313233343536373800                   # password "12345678"
        00                                   # system_type ""
        34                                   # interface_version 0x34
        00                                   # addr_ton 0
        00                                   # addr_npi 0
        00                                   # address_range ""
        """)

    static let bindTransmitterResponse = hex("""
        00000015 80000002 00000000 00000001  # command_length 21, command_id, status, seq 1
        534D534300                           # system_id "SMSC"
        """)

    static let bindReceiverResponse = hex("""
        0000001A 80000001 00000000 00000002  # command_length 26, command_id, status, seq 2
        534D534300                           # system_id "SMSC"
        0210000134                           # TLV sc_interface_version = 0x34
        """)

    static let bindTransceiverResponseError = hex("""
        00000010 80000009 0000000E 00000003  # command_length 16, command_id, status, seq 3
        """)

    static let outbind = hex("""
        00000018 0000000B 00000000 00000004  # command_length 24, command_id, status, seq 4
        534D534300                           # system_id "SMSC"
        707700                               # password "pw"
        """)

    static let unbind = hex("""
        00000010 00000006 00000000 00000005  # command_length 16, command_id, status, seq 5
        """)

    static let unbindResponse = hex("""
        00000010 80000006 00000000 00000005  # command_length 16, command_id, status, seq 5
        """)

    static let submitSM = hex("""
        00000065 00000004 00000000 00000006  # command_length 101, command_id, status, seq 6
        00                                   # service_type ""
        05                                   # source_addr_ton 5
        00                                   # source_addr_npi 0
        486572616C6400                       # source_addr "Herald"
        01                                   # dest_addr_ton 1
        01                                   # dest_addr_npi 1
        34343737303039303031323300           # destination_addr "447700900123"
        40                                   # esm_class 0x40
        00                                   # protocol_id 0
        01                                   # priority_flag 1
        00                                   # schedule_delivery_time ""
        3030303030313030303030303030305200   # validity_period "000001000000000R"
        01                                   # registered_delivery 1
        00                                   # replace_if_present_flag 0
        00                                   # data_coding 0
        00                                   # sm_default_msg_id 0
        0B                                   # sm_length 11
        0500032A020148656C6C6F               # short_message: UDH 05 00 03 2A 02 01 + "Hello"
        020C00021234                         # TLV sar_msg_ref_num = 0x1234
        020E000102                           # TLV sar_total_segments = 2
        020F000101                           # TLV sar_segment_seqnum = 1
        14000003010203                       # vendor TLV 0x1400 = 01 02 03
        """)

    static let submitSMResponse = hex("""
        00000019 80000004 00000000 00000006  # command_length 25, command_id, status, seq 6
        304131423243334400                   # message_id "0A1B2C3D"
        """)

    static let submitSMResponseErrorNoBody = hex("""
        00000010 80000004 00000058 00000007  # command_length 16, command_id, status, seq 7
        """)

    static let submitMulti = hex("""
        00000041 00000021 00000000 00000008  # command_length 65, command_id, status, seq 8
        434D5400                             # service_type "CMT"
        01                                   # source_addr_ton 1
        01                                   # source_addr_npi 1
        313535353030303100                   # source_addr "15550001"
        02                                   # number_of_dests 2
        01                                   # dest_flag 1 (SME address)
        01                                   # dest_addr_ton 1
        01                                   # dest_addr_npi 1
        313535353030303200                   # destination_addr "15550002"
        02                                   # dest_flag 2 (distribution list)
        667269656E647300                     # dl_name "friends"
        00                                   # esm_class 0
        00                                   # protocol_id 0
        00                                   # priority_flag 0
        00                                   # schedule_delivery_time ""
        00                                   # validity_period ""
        00                                   # registered_delivery 0
        00                                   # replace_if_present_flag 0
        03                                   # data_coding 3
        00                                   # sm_default_msg_id 0
        02                                   # sm_length 2
        4869                                 # short_message "Hi"
        """)

    static let submitMultiResponse = hex("""
        00000023 80000021 00000000 00000008  # command_length 35, command_id, status, seq 8
        6D3100                               # message_id "m1"
        01                                   # no_unsuccess 1
        01                                   # dest_addr_ton 1
        01                                   # dest_addr_npi 1
        313535353030303900                   # destination_addr "15550009"
        0000000B                             # error_status_code 0x0000000B
        """)

    static let deliverSMReceipt = hex("""
        000000AE 00000005 00000000 00000009                                                                                                                                                                                 # command_length 174, command_id, status, seq 9
        00                                                                                                                                                                                                                  # service_type ""
        01                                                                                                                                                                                                                  # source_addr_ton 1
        01                                                                                                                                                                                                                  # source_addr_npi 1
        34343737303039303031323300                                                                                                                                                                                          # source_addr "447700900123"
        05                                                                                                                                                                                                                  # dest_addr_ton 5
        00                                                                                                                                                                                                                  # dest_addr_npi 0
        486572616C6400                                                                                                                                                                                                      # destination_addr "Herald"
        04                                                                                                                                                                                                                  # esm_class 0x04 (receipt)
        00                                                                                                                                                                                                                  # protocol_id 0
        00                                                                                                                                                                                                                  # priority_flag 0
        00                                                                                                                                                                                                                  # schedule_delivery_time ""
        00                                                                                                                                                                                                                  # validity_period ""
        00                                                                                                                                                                                                                  # registered_delivery 0
        00                                                                                                                                                                                                                  # replace_if_present_flag 0
        00                                                                                                                                                                                                                  # data_coding 0
        00                                                                                                                                                                                                                  # sm_default_msg_id 0
        69                                                                                                                                                                                                                  # sm_length 105
        69643A3041314232433344207375623A30303120646C7672643A303031207375626D697420646174653A3235303130313132303020646F6E6520646174653A3235303130313132303120737461743A44454C49565244206572723A30303020746578743A48656C6C6F  # short_message: receipt text
        001E0009304131423243334400                                                                                                                                                                                          # TLV receipted_message_id = "0A1B2C3D"
        0427000102                                                                                                                                                                                                          # TLV message_state = 2 (DELIVERED)
        """)

    static let deliverSMResponse = hex("""
        00000011 80000005 00000000 00000009  # command_length 17, command_id, status, seq 9
        00                                   # message_id "" (unused)
        """)

    static let dataSM = hex("""
        00000032 00000103 00000000 0000000A  # command_length 50, command_id, status, seq 10
        00                                   # service_type ""
        01                                   # source_addr_ton 1
        01                                   # source_addr_npi 1
        313535353030303100                   # source_addr "15550001"
        01                                   # dest_addr_ton 1
        01                                   # dest_addr_npi 1
        313535353030303200                   # destination_addr "15550002"
        00                                   # esm_class 0
        01                                   # registered_delivery 1
        08                                   # data_coding 8
        0424000400480069                     # TLV message_payload = UCS-2 "Hi"
        """)

    static let dataSMResponse = hex("""
        0000001F 80000103 00000000 0000000A  # command_length 31, command_id, status, seq 10
        643100                               # message_id "d1"
        04230003030022                       # TLV network_error_code = GSM(3), 0x0022
        0425000101                           # TLV delivery_failure_reason = 1
        """)

    static let querySM = hex("""
        00000022 00000003 00000000 0000000B  # command_length 34, command_id, status, seq 11
        304131423243334400                   # message_id "0A1B2C3D"
        05                                   # source_addr_ton 5
        00                                   # source_addr_npi 0
        486572616C6400                       # source_addr "Herald"
        """)

    static let querySMResponse = hex("""
        0000002C 80000003 00000000 0000000B  # command_length 44, command_id, status, seq 11
        304131423243334400                   # message_id "0A1B2C3D"
        3235303130313132303130303030302B00   # final_date "250101120100000+"
        02                                   # message_state 2 (DELIVERED)
        00                                   # error_code 0
        """)

    static let cancelSM = hex("""
        00000032 00000008 00000000 0000000C  # command_length 50, command_id, status, seq 12
        00                                   # service_type ""
        304131423243334400                   # message_id "0A1B2C3D"
        05                                   # source_addr_ton 5
        00                                   # source_addr_npi 0
        486572616C6400                       # source_addr "Herald"
        01                                   # dest_addr_ton 1
        01                                   # dest_addr_npi 1
        34343737303039303031323300           # destination_addr "447700900123"
        """)

    static let cancelSMResponse = hex("""
        00000010 80000008 00000000 0000000C  # command_length 16, command_id, status, seq 12
        """)

    static let replaceSM = hex("""
        0000002A 00000007 00000000 0000000D  # command_length 42, command_id, status, seq 13
        304131423243334400                   # message_id "0A1B2C3D"
        05                                   # source_addr_ton 5
        00                                   # source_addr_npi 0
        486572616C6400                       # source_addr "Herald"
        00                                   # schedule_delivery_time ""
        00                                   # validity_period ""
        01                                   # registered_delivery 1
        00                                   # sm_default_msg_id 0
        03                                   # sm_length 3
        4E6577                               # short_message "New"
        """)

    static let replaceSMResponse = hex("""
        00000010 80000007 00000000 0000000D  # command_length 16, command_id, status, seq 13
        """)

    static let enquireLink = hex("""
        00000010 00000015 00000000 0000000E  # command_length 16, command_id, status, seq 14
        """)

    static let enquireLinkResponse = hex("""
        00000010 80000015 00000000 0000000E  # command_length 16, command_id, status, seq 14
        """)

    static let genericNack = hex("""
        00000010 80000000 00000003 0000000F  # command_length 16, command_id, status, seq 15
        """)

    static let alertNotification = hex("""
        00000029 00000102 00000000 00000010  # command_length 41, command_id, status, seq 16
        01                                   # source_addr_ton 1
        01                                   # source_addr_npi 1
        313535353030303100                   # source_addr "15550001"
        00                                   # esme_addr_ton 0
        00                                   # esme_addr_npi 0
        686572616C6400                       # esme_addr "herald"
        0422000100                           # TLV ms_availability_status = 0
        """)


    static let receiptText = Array("id:0A1B2C3D sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:DELIVRD err:000 text:Hello".utf8)

    /// (name, wire bytes, decoded value).
    static let all: [(name: String, bytes: ByteBuffer, pdu: PDU)] = [
        ("bind_transmitter", bindTransmitter,
         PDU(sequenceNumber: 1, body: .bind(BindRequest(bindType: .transmitter, systemID: "herald", password: "secret")))),
        ("bind_receiver", bindReceiver,
         PDU(sequenceNumber: 2, body: .bind(BindRequest(bindType: .receiver, systemID: "rx1", password: "pw", systemType: "VMA",
                                                        addressRange: SMPPAddress(ton: .international, npi: .isdn, address: "^447"))))),
        ("bind_transceiver", bindTransceiver,
         PDU(sequenceNumber: 3, body: .bind(BindRequest(bindType: .transceiver, systemID: "trx", password: "12345678")))),
        ("bind_transmitter_resp", bindTransmitterResponse,
         PDU(sequenceNumber: 1, body: .bindResponse(BindResponse(bindType: .transmitter, systemID: "SMSC")))),
        ("bind_receiver_resp", bindReceiverResponse,
         PDU(sequenceNumber: 2, body: .bindResponse(BindResponse(bindType: .receiver, systemID: "SMSC",
                                                                 tlvs: [TLV(tag: .scInterfaceVersion, value: .uint8(0x34))])))),
        ("bind_transceiver_resp (error, no body)", bindTransceiverResponseError,
         PDU(commandStatus: .invalidPassword, sequenceNumber: 3, body: .bindResponse(BindResponse(bindType: .transceiver)))),
        ("outbind", outbind, PDU(sequenceNumber: 4, body: .outbind(Outbind(systemID: "SMSC", password: "pw")))),
        ("unbind", unbind, PDU(sequenceNumber: 5, body: .unbind)),
        ("unbind_resp", unbindResponse, PDU(sequenceNumber: 5, body: .unbindResponse)),
        ("submit_sm", submitSM,
         PDU(sequenceNumber: 6, body: .submitSM(SubmitSM(
             source: SMPPAddress(alphanumeric: "Herald"), destination: .international("447700900123"),
             esmClass: .udhi, priorityFlag: 1, validityPeriod: "000001000000000R", registeredDelivery: .receiptOnFinal,
             shortMessage: [0x05, 0x00, 0x03, 0x2A, 0x02, 0x01] + Array("Hello".utf8),
             tlvs: [TLV(tag: .sarMsgRefNum, value: .uint16(0x1234)), TLV(tag: .sarTotalSegments, value: .uint8(2)),
                    TLV(tag: .sarSegmentSeqnum, value: .uint8(1)), TLV(tag: TLVTag(rawValue: 0x1400), value: .octets([1, 2, 3]))])))),
        ("submit_sm_resp", submitSMResponse, PDU(sequenceNumber: 6, body: .submitSMResponse(SubmitSMResponse(messageID: "0A1B2C3D")))),
        ("submit_sm_resp (error, no body)", submitSMResponseErrorNoBody,
         PDU(commandStatus: .throttled, sequenceNumber: 7, body: .submitSMResponse(SubmitSMResponse()))),
        ("submit_multi", submitMulti,
         PDU(sequenceNumber: 8, body: .submitMulti(SubmitMulti(
             serviceType: "CMT", source: .international("15550001"),
             destinations: [.address(.international("15550002")), .distributionList("friends")],
             dataCoding: .latin1, shortMessage: Array("Hi".utf8))))),
        ("submit_multi_resp", submitMultiResponse,
         PDU(sequenceNumber: 8, body: .submitMultiResponse(SubmitMultiResponse(
             messageID: "m1", unsuccessful: [UnsuccessfulDelivery(destination: .international("15550009"), errorStatus: .invalidDestinationAddress)])))),
        ("deliver_sm (receipt)", deliverSMReceipt,
         PDU(sequenceNumber: 9, body: .deliverSM(DeliverSM(
             source: .international("447700900123"), destination: SMPPAddress(alphanumeric: "Herald"),
             esmClass: .deliveryReceipt, shortMessage: receiptText,
             tlvs: [TLV(tag: .receiptedMessageID, value: .cString("0A1B2C3D")), TLV(tag: .messageState, value: .uint8(2))])))),
        ("deliver_sm_resp", deliverSMResponse, PDU(sequenceNumber: 9, body: .deliverSMResponse(DeliverSMResponse()))),
        ("data_sm", dataSM,
         PDU(sequenceNumber: 10, body: .dataSM(DataSM(
             source: .international("15550001"), destination: .international("15550002"),
             registeredDelivery: .receiptOnFinal, dataCoding: .ucs2,
             tlvs: [TLV(tag: .messagePayload, value: .octets([0x00, 0x48, 0x00, 0x69]))])))),
        ("data_sm_resp", dataSMResponse,
         PDU(sequenceNumber: 10, body: .dataSMResponse(DataSMResponse(
             messageID: "d1",
             tlvs: [TLV(tag: .networkErrorCode, value: .networkErrorCode(NetworkErrorCode(networkType: 3, errorCode: 0x22))),
                    TLV(tag: .deliveryFailureReason, value: .uint8(1))])))),
        ("query_sm", querySM, PDU(sequenceNumber: 11, body: .querySM(QuerySM(messageID: "0A1B2C3D", source: SMPPAddress(alphanumeric: "Herald"))))),
        ("query_sm_resp", querySMResponse,
         PDU(sequenceNumber: 11, body: .querySMResponse(QuerySMResponse(
             messageID: "0A1B2C3D", finalDate: "250101120100000+", messageState: .delivered, errorCode: 0)))),
        ("cancel_sm", cancelSM,
         PDU(sequenceNumber: 12, body: .cancelSM(CancelSM(
             messageID: "0A1B2C3D", source: SMPPAddress(alphanumeric: "Herald"), destination: .international("447700900123"))))),
        ("cancel_sm_resp", cancelSMResponse, PDU(sequenceNumber: 12, body: .cancelSMResponse)),
        ("replace_sm", replaceSM,
         PDU(sequenceNumber: 13, body: .replaceSM(ReplaceSM(
             messageID: "0A1B2C3D", source: SMPPAddress(alphanumeric: "Herald"), registeredDelivery: .receiptOnFinal,
             shortMessage: Array("New".utf8))))),
        ("replace_sm_resp", replaceSMResponse, PDU(sequenceNumber: 13, body: .replaceSMResponse)),
        ("enquire_link", enquireLink, PDU(sequenceNumber: 14, body: .enquireLink)),
        ("enquire_link_resp", enquireLinkResponse, PDU(sequenceNumber: 14, body: .enquireLinkResponse)),
        ("generic_nack", genericNack, PDU(commandStatus: .invalidCommandID, sequenceNumber: 15, body: .genericNack)),
        ("alert_notification", alertNotification,
         PDU(sequenceNumber: 16, body: .alertNotification(AlertNotification(
             source: .international("15550001"), esmeAddress: SMPPAddress(address: "herald"),
             tlvs: [TLV(tag: .msAvailabilityStatus, value: .uint8(0))])))),
    ]
}
