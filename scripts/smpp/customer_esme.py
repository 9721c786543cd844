#!/usr/bin/env python3
"""A customer's ESME built on `smpplib`, driven line by line over stdin (Herald customer SMPP tests).

Usage: customer_esme.py PORT

Commands (one per line on stdin; TEXT is the rest of the line):
  BIND <transmitter|receiver|transceiver> <system_id> <password>   -> BOUND <mode> | BIND_FAILED <status>
  SUBMIT <tag> <src_ton> <src> <dst> <registered_delivery> TEXT     -> RESP <tag> <status> <message_id>
  SUBMIT_UDH <tag> <src_ton> <src> <dst> <registered_delivery> <parts> <ref> TEXT
      (TEXT split into <parts> parts with an 8-bit concatenation UDH) -> RESP <tag>.<n> <status> <message_id> per part
  SUBMIT_SAR <tag> <src_ton> <src> <dst> <registered_delivery> <parts> <ref> TEXT (SAR TLVs instead of a UDH)
  DATA_SM <tag> <src_ton> <src> <dst> <registered_delivery> TEXT    -> RESP <tag> <status> <message_id>
  BURST <tag> <count> <src> <dst> TEXT   (count submit_sm back to back) -> RESP <tag>.<n> … for each
  DELIVER_STATUS <status>   (answer later deliver_sm with this status; default 0)
  UNBIND                    -> UNBOUND
  QUIT
Received deliver_sm print as
  DELIVER esm=<n> dc=<n> src=<addr> dst=<addr> receipted=<id|-> state=<n|-> text=<decoded text>
and are answered (ESME_ROK unless DELIVER_STATUS said otherwise). A lost connection prints CLOSED.
"""
import logging
import queue
import select
import socket
import sys
import threading

import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.smpp


def say(line):
    print(line, flush=True)


def read_stdin(lines):
    for line in sys.stdin:
        lines.put(line.rstrip("\n"))
    lines.put("QUIT")


def gsm_or_latin(data):
    return data.decode("latin-1")


def decode_text(pdu):
    data = pdu.short_message or getattr(pdu, "message_payload", None) or b""
    udh = ""
    if pdu.esm_class & 0x40 and data:
        header = data[: data[0] + 1]
        data = data[data[0] + 1:]
        if len(header) >= 6 and header[1] == 0x00:
            udh = " udh=%d/%d/%d" % (header[3], header[4], header[5])
    if pdu.data_coding == 8:
        return data.decode("utf-16-be", errors="replace"), udh
    return gsm_or_latin(data), udh


def text_of(value):
    if value is None:
        return "-"
    if isinstance(value, bytes):
        return value.decode("latin-1")
    return str(value)


class ESME:
    def __init__(self, port):
        self.client = smpplib.client.Client("127.0.0.1", port, timeout=30, allow_unknown_opt_params=True)
        self.tags = {}
        self.deliver_status = 0
        self.bound = False

    def send(self, tag, command, **fields):
        pdu = smpplib.smpp.make_pdu(command, client=self.client, **fields)
        self.tags[pdu.sequence] = tag
        self.client.send_pdu(pdu)

    def bind(self, mode, system_id, password):
        try:
            getattr(self.client, "bind_" + mode)(system_id=system_id, password=password)
        except smpplib.exceptions.PDUError as error:
            say("BIND_FAILED %d" % error.args[1])
            return
        self.bound = True
        say("BOUND " + mode)

    def submit(self, tag, src_ton, src, dst, registered, text, **extra):
        fields = dict(
            source_addr_ton=int(src_ton), source_addr_npi=1 if int(src_ton) == 1 else 0, source_addr=src,
            dest_addr_ton=smpplib.consts.SMPP_TON_INTL, dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN, destination_addr=dst,
            registered_delivery=int(registered), data_coding=0)
        fields.update(extra)
        if "short_message" not in fields:
            fields["short_message"] = text.encode("latin-1")
        self.send(tag, "submit_sm", **fields)

    def split(self, text, parts):
        size = (len(text) + parts - 1) // parts
        return [text[i * size:(i + 1) * size] for i in range(parts)]

    def handle_command(self, line):
        words = line.split(" ")
        name = words[0]
        if name == "BIND":
            self.bind(words[1], words[2], words[3])
        elif name == "SUBMIT":
            self.submit(words[1], words[2], words[3], words[4], words[5], " ".join(words[6:]))
        elif name in ("SUBMIT_UDH", "SUBMIT_SAR"):
            tag, src_ton, src, dst, registered, parts, ref = words[1:8]
            chunks = self.split(" ".join(words[8:]), int(parts))
            for index, chunk in enumerate(chunks, start=1):
                if name == "SUBMIT_UDH":
                    udh = bytes([5, 0, 3, int(ref) & 0xFF, len(chunks), index])
                    self.submit("%s.%d" % (tag, index), src_ton, src, dst, registered, chunk,
                                esm_class=0x40, short_message=udh + chunk.encode("latin-1"))
                else:
                    self.submit("%s.%d" % (tag, index), src_ton, src, dst, registered, chunk,
                                sar_msg_ref_num=int(ref), sar_total_segments=len(chunks), sar_segment_seqnum=index)
        elif name == "DATA_SM":
            tag, src_ton, src, dst, registered = words[1:6]
            self.send(tag, "data_sm",
                      source_addr_ton=int(src_ton), source_addr_npi=1 if int(src_ton) == 1 else 0, source_addr=src,
                      dest_addr_ton=smpplib.consts.SMPP_TON_INTL, dest_addr_npi=smpplib.consts.SMPP_NPI_ISDN, destination_addr=dst,
                      registered_delivery=int(registered), data_coding=0, message_payload=" ".join(words[6:]).encode("latin-1"))
        elif name == "BURST":
            tag, count, src, dst = words[1:5]
            for index in range(1, int(count) + 1):
                self.submit("%s.%d" % (tag, index), 5, src, dst, 0, " ".join(words[5:]))
        elif name == "DELIVER_STATUS":
            self.deliver_status = int(words[1])
        elif name == "UNBIND":
            self.unbind()
        elif name == "QUIT":
            if self.bound:
                self.unbind()
            return False
        return True

    def unbind(self):
        pdu = smpplib.smpp.make_pdu("unbind", client=self.client)
        self.client.send_pdu(pdu)
        while True:
            response = self.read()
            if response is None or response.command == "unbind_resp":
                break
        self.bound = False
        self.client.disconnect()
        say("UNBOUND")

    def read(self):
        try:
            pdu = self.client.read_pdu()
        except (smpplib.exceptions.ConnectionError, socket.error):
            say("CLOSED")
            self.bound = False
            return None
        self.handle_pdu(pdu)
        return pdu

    def handle_pdu(self, pdu):
        if pdu.command in ("submit_sm_resp", "data_sm_resp"):
            tag = self.tags.pop(pdu.sequence, "?")
            message_id = pdu.message_id.decode() if getattr(pdu, "message_id", None) else "-"
            say("RESP %s %d %s" % (tag, pdu.status, message_id))
        elif pdu.command == "deliver_sm":
            text, udh = decode_text(pdu)
            say("DELIVER esm=%d dc=%d src=%s dst=%s receipted=%s state=%s%s text=%s" % (
                pdu.esm_class, pdu.data_coding, text_of(pdu.source_addr), text_of(pdu.destination_addr),
                text_of(getattr(pdu, "receipted_message_id", None)), text_of(getattr(pdu, "message_state", None)), udh, text))
            response = smpplib.smpp.make_pdu("deliver_sm_resp", client=self.client, status=self.deliver_status)
            response.sequence = pdu.sequence
            self.client.send_pdu(response)
        elif pdu.command == "enquire_link":
            response = smpplib.smpp.make_pdu("enquire_link_resp", client=self.client)
            response.sequence = pdu.sequence
            self.client.send_pdu(response)
        elif pdu.command == "unbind":
            response = smpplib.smpp.make_pdu("unbind_resp", client=self.client)
            response.sequence = pdu.sequence
            self.client.send_pdu(response)
            self.bound = False
            say("UNBOUND_BY_SERVER")


def main():
    logging.basicConfig(level=logging.CRITICAL)
    port = int(sys.argv[1])
    esme = ESME(port)
    esme.client.connect()
    say("CONNECTED")
    lines = queue.Queue()
    threading.Thread(target=read_stdin, args=(lines,), daemon=True).start()
    running = True
    while running:
        try:
            while True:
                line = lines.get_nowait()
                if line.strip() and not esme.handle_command(line.strip()):
                    running = False
                    break
        except queue.Empty:
            pass
        if not running:
            break
        sock = esme.client._socket
        if sock is None:
            # Reconnect for a later BIND after UNBIND.
            line = lines.get()
            if line.strip().startswith("BIND"):
                esme.client.connect()
            if not esme.handle_command(line.strip()):
                break
            continue
        readable, _, _ = select.select([sock], [], [], 0.05)
        if readable:
            if esme.read() is None:
                esme.client.disconnect()
    say("DONE")


if __name__ == "__main__":
    main()
