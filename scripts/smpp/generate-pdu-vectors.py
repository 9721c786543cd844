#!/usr/bin/env python3
# Prints the hand-derived SMPP 3.4 byte vectors used by Tests/SMPPTests/Codec/PDUVectors.swift:
# one commented hex line per field, lengths computed from the field list.
# With `--corpus DIR` it writes them as seed inputs for Fuzz/ instead.
import struct
def c(s): return s.encode('latin-1')+b'\0'
def u8(v): return bytes([v])
def u16(v): return struct.pack('>H',v)
def u32(v): return struct.pack('>I',v)
def tlv(tag,val): return u16(tag)+u16(len(val))+val

V=[]
def vec(name, cid, status, seq, fields):
    body=b''.join(b for _,b in fields)
    total=16+len(body)
    lines=[(f"{total:08X} {cid:08X} {status:08X} {seq:08X}", f"command_length {total}, command_id, status, seq {seq}")]
    for label,b in fields:
        lines.append((b.hex().upper() if b else "", label))
    V.append((name,lines))

vec("bindTransmitter",0x2,0,1,[("system_id \"herald\"",c("herald")),("password \"secret\"",c("secret")),("system_type \"\"",c("")),
    ("interface_version 0x34",u8(0x34)),("addr_ton 0",u8(0)),("addr_npi 0",u8(0)),("address_range \"\"",c(""))])
vec("bindReceiver",0x1,0,2,[("system_id \"rx1\"",c("rx1")),("password \"pw\"",c("pw")),("system_type \"VMA\"",c("VMA")),
    ("interface_version 0x34",u8(0x34)),("addr_ton 1",u8(1)),("addr_npi 1",u8(1)),("address_range \"^447\"",c("^447"))])
vec("bindTransceiver",0x9,0,3,[("system_id \"trx\"",c("trx")),("password \"12345678\"",c("12345678")),("system_type \"\"",c("")),
    ("interface_version 0x34",u8(0x34)),("addr_ton 0",u8(0)),("addr_npi 0",u8(0)),("address_range \"\"",c(""))])
vec("bindTransmitterResponse",0x80000002,0,1,[("system_id \"SMSC\"",c("SMSC"))])
vec("bindReceiverResponse",0x80000001,0,2,[("system_id \"SMSC\"",c("SMSC")),("TLV sc_interface_version = 0x34",tlv(0x0210,u8(0x34)))])
vec("bindTransceiverResponseError",0x80000009,0x0E,3,[])
vec("outbind",0xB,0,4,[("system_id \"SMSC\"",c("SMSC")),("password \"pw\"",c("pw"))])
vec("unbind",0x6,0,5,[])
vec("unbindResponse",0x80000006,0,5,[])
vec("submitSM",0x4,0,6,[("service_type \"\"",c("")),("source_addr_ton 5",u8(5)),("source_addr_npi 0",u8(0)),("source_addr \"Herald\"",c("Herald")),
    ("dest_addr_ton 1",u8(1)),("dest_addr_npi 1",u8(1)),("destination_addr \"447700900123\"",c("447700900123")),
    ("esm_class 0x40",u8(0x40)),("protocol_id 0",u8(0)),("priority_flag 1",u8(1)),("schedule_delivery_time \"\"",c("")),
    ("validity_period \"000001000000000R\"",c("000001000000000R")),("registered_delivery 1",u8(1)),("replace_if_present_flag 0",u8(0)),
    ("data_coding 0",u8(0)),("sm_default_msg_id 0",u8(0)),("sm_length 11",u8(11)),("short_message: UDH 05 00 03 2A 02 01 + \"Hello\"",b"\x05\x00\x03\x2a\x02\x01Hello"),
    ("TLV sar_msg_ref_num = 0x1234",tlv(0x020C,u16(0x1234))),("TLV sar_total_segments = 2",tlv(0x020E,u8(2))),
    ("TLV sar_segment_seqnum = 1",tlv(0x020F,u8(1))),("vendor TLV 0x1400 = 01 02 03",tlv(0x1400,b"\x01\x02\x03"))])
vec("submitSMResponse",0x80000004,0,6,[("message_id \"0A1B2C3D\"",c("0A1B2C3D"))])
vec("submitSMResponseErrorNoBody",0x80000004,0x58,7,[])
vec("submitMulti",0x21,0,8,[("service_type \"CMT\"",c("CMT")),("source_addr_ton 1",u8(1)),("source_addr_npi 1",u8(1)),("source_addr \"15550001\"",c("15550001")),
    ("number_of_dests 2",u8(2)),("dest_flag 1 (SME address)",u8(1)),("dest_addr_ton 1",u8(1)),("dest_addr_npi 1",u8(1)),("destination_addr \"15550002\"",c("15550002")),
    ("dest_flag 2 (distribution list)",u8(2)),("dl_name \"friends\"",c("friends")),
    ("esm_class 0",u8(0)),("protocol_id 0",u8(0)),("priority_flag 0",u8(0)),("schedule_delivery_time \"\"",c("")),("validity_period \"\"",c("")),
    ("registered_delivery 0",u8(0)),("replace_if_present_flag 0",u8(0)),("data_coding 3",u8(3)),("sm_default_msg_id 0",u8(0)),
    ("sm_length 2",u8(2)),("short_message \"Hi\"",b"Hi")])
vec("submitMultiResponse",0x80000021,0,8,[("message_id \"m1\"",c("m1")),("no_unsuccess 1",u8(1)),("dest_addr_ton 1",u8(1)),("dest_addr_npi 1",u8(1)),
    ("destination_addr \"15550009\"",c("15550009")),("error_status_code 0x0000000B",u32(0x0B))])
rcpt=b"id:0A1B2C3D sub:001 dlvrd:001 submit date:2501011200 done date:2501011201 stat:DELIVRD err:000 text:Hello"
vec("deliverSMReceipt",0x5,0,9,[("service_type \"\"",c("")),("source_addr_ton 1",u8(1)),("source_addr_npi 1",u8(1)),("source_addr \"447700900123\"",c("447700900123")),
    ("dest_addr_ton 5",u8(5)),("dest_addr_npi 0",u8(0)),("destination_addr \"Herald\"",c("Herald")),("esm_class 0x04 (receipt)",u8(4)),
    ("protocol_id 0",u8(0)),("priority_flag 0",u8(0)),("schedule_delivery_time \"\"",c("")),("validity_period \"\"",c("")),
    ("registered_delivery 0",u8(0)),("replace_if_present_flag 0",u8(0)),("data_coding 0",u8(0)),("sm_default_msg_id 0",u8(0)),
    (f"sm_length {len(rcpt)}",u8(len(rcpt))),("short_message: receipt text",rcpt),
    ("TLV receipted_message_id = \"0A1B2C3D\"",tlv(0x001E,c("0A1B2C3D"))),("TLV message_state = 2 (DELIVERED)",tlv(0x0427,u8(2)))])
vec("deliverSMResponse",0x80000005,0,9,[("message_id \"\" (unused)",c(""))])
vec("dataSM",0x103,0,10,[("service_type \"\"",c("")),("source_addr_ton 1",u8(1)),("source_addr_npi 1",u8(1)),("source_addr \"15550001\"",c("15550001")),
    ("dest_addr_ton 1",u8(1)),("dest_addr_npi 1",u8(1)),("destination_addr \"15550002\"",c("15550002")),("esm_class 0",u8(0)),
    ("registered_delivery 1",u8(1)),("data_coding 8",u8(8)),("TLV message_payload = UCS-2 \"Hi\"",tlv(0x0424,b"\x00H\x00i"))])
vec("dataSMResponse",0x80000103,0,10,[("message_id \"d1\"",c("d1")),("TLV network_error_code = GSM(3), 0x0022",tlv(0x0423,u8(3)+u16(0x22))),
    ("TLV delivery_failure_reason = 1",tlv(0x0425,u8(1)))])
vec("querySM",0x3,0,11,[("message_id \"0A1B2C3D\"",c("0A1B2C3D")),("source_addr_ton 5",u8(5)),("source_addr_npi 0",u8(0)),("source_addr \"Herald\"",c("Herald"))])
vec("querySMResponse",0x80000003,0,11,[("message_id \"0A1B2C3D\"",c("0A1B2C3D")),("final_date \"250101120100000+\"",c("250101120100000+")),
    ("message_state 2 (DELIVERED)",u8(2)),("error_code 0",u8(0))])
vec("cancelSM",0x8,0,12,[("service_type \"\"",c("")),("message_id \"0A1B2C3D\"",c("0A1B2C3D")),("source_addr_ton 5",u8(5)),("source_addr_npi 0",u8(0)),
    ("source_addr \"Herald\"",c("Herald")),("dest_addr_ton 1",u8(1)),("dest_addr_npi 1",u8(1)),("destination_addr \"447700900123\"",c("447700900123"))])
vec("cancelSMResponse",0x80000008,0,12,[])
vec("replaceSM",0x7,0,13,[("message_id \"0A1B2C3D\"",c("0A1B2C3D")),("source_addr_ton 5",u8(5)),("source_addr_npi 0",u8(0)),("source_addr \"Herald\"",c("Herald")),
    ("schedule_delivery_time \"\"",c("")),("validity_period \"\"",c("")),("registered_delivery 1",u8(1)),("sm_default_msg_id 0",u8(0)),
    ("sm_length 3",u8(3)),("short_message \"New\"",b"New")])
vec("replaceSMResponse",0x80000007,0,13,[])
vec("enquireLink",0x15,0,14,[])
vec("enquireLinkResponse",0x80000015,0,14,[])
vec("genericNack",0x80000000,0x03,15,[])
vec("alertNotification",0x102,0,16,[("source_addr_ton 1",u8(1)),("source_addr_npi 1",u8(1)),("source_addr \"15550001\"",c("15550001")),
    ("esme_addr_ton 0",u8(0)),("esme_addr_npi 0",u8(0)),("esme_addr \"herald\"",c("herald")),("TLV ms_availability_status = 0",tlv(0x0422,u8(0)))])

import sys, os
if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
    # Writes each vector as a fuzzer seed: one option-selector byte (0) followed by the PDU.
    os.makedirs(sys.argv[2], exist_ok=True)
    for name,lines in V:
        data = bytes.fromhex("".join(h.replace(" ","") for h,_ in lines))
        open(os.path.join(sys.argv[2], name + ".bin"), "wb").write(b"\0" + data)
    stream = b"".join(bytes.fromhex("".join(h.replace(" ","") for h,_ in lines)) for _,lines in V)
    open(os.path.join(sys.argv[2], "stream-all.bin"), "wb").write(b"\0" + stream)
    open(os.path.join(sys.argv[2], "stream-all-lenient.bin"), "wb").write(b"\x05" + stream)
    sys.exit(0)

out=[]
for name,lines in V:
    out.append(f"    static let {name} = hex(\"\"\"")
    w=max(len(h) for h,_ in lines)
    for h,l in lines:
        out.append(f"        {h.ljust(w)}  # {l}")
    out.append("        \"\"\")")
    out.append("")
print("\n".join(out))
