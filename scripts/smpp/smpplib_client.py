#!/usr/bin/env python3
"""An ESME built on `smpplib`, binding to Herald's SMPP server (interop test).

Usage: smpplib_client.py PORT [--password PW] [--expect-deliver]
Prints BOUND, `SUBMIT_RESP <status> <message_id>`, `QUERY_RESP <message_id> <state>`,
`DELIVER <text>` (answered ESME_ROK), `ENQUIRE_LINK_OK`, then DONE — or `BIND_FAILED <status>`.
"""
import argparse
import logging

import smpplib.client
import smpplib.consts
import smpplib.exceptions
import smpplib.smpp


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--password", default="secret")
    parser.add_argument("--expect-deliver", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.CRITICAL)

    client = smpplib.client.Client("127.0.0.1", args.port, timeout=30, allow_unknown_opt_params=True)
    client.set_message_sent_handler(
        lambda pdu: print(f"SUBMIT_RESP {pdu.status} {pdu.message_id.decode()}", flush=True))
    client.set_message_received_handler(
        lambda pdu: print(f"DELIVER {pdu.short_message.decode()}", flush=True))
    client.set_query_resp_handler(
        lambda pdu: print(f"QUERY_RESP {pdu.message_id.decode()} {pdu.message_state}", flush=True))
    client.connect()
    try:
        client.bind_transceiver(system_id="pylib", password=args.password)
    except smpplib.exceptions.PDUError as error:
        print(f"BIND_FAILED {error.args[1]}", flush=True)
        client.disconnect()
        return
    print("BOUND", flush=True)

    client.send_message(
        source_addr_ton=smpplib.consts.SMPP_TON_INTL, source_addr="15550001",
        dest_addr_ton=smpplib.consts.SMPP_TON_INTL, destination_addr="15550002",
        short_message=b"hello from smpplib", registered_delivery=1)
    client.read_once()
    client.query_message(message_id="M00000001", source_addr_ton=1, source_addr_npi=1, source_addr="15550001")
    client.read_once()
    if args.expect_deliver:
        client.read_once()
    client.send_pdu(smpplib.smpp.make_pdu("enquire_link", client=client))
    response = client.read_pdu()
    if response.command == "enquire_link_resp":
        print("ENQUIRE_LINK_OK", flush=True)
    client.unbind()
    client.disconnect()
    print("DONE", flush=True)


if __name__ == "__main__":
    main()
