#!/usr/bin/env python3
"""An ESME built on the `smpp34` package, binding to Herald's SMPP server (interop test).

Usage: smpp34_client.py PORT [--password PW] [--count N] [--expect-deliver] [--connect-timeout-ms MS]
Prints BOUND, one `SUBMIT_RESP <status> <message_id>` per submit, `DELIVER <text> <esm_class>`
for a pushed deliver_sm, then DONE — or `BIND_FAILED <error>`.
"""
import argparse
import asyncio
import os
import sys

import smpp34


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("port", type=int)
    parser.add_argument("--password", default="secret")
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--expect-deliver", action="store_true")
    parser.add_argument("--connect-timeout-ms", type=int, default=30_000)
    args = parser.parse_args()

    client = smpp34.Client("127.0.0.1", args.port, "py34", args.password, bind_type="TRX",
                           connect_timeout_ms=args.connect_timeout_ms)
    try:
        smsc = await client.connect()
    except Exception as error:  # noqa: BLE001 - report any bind failure to the test
        print(f"BIND_FAILED {error}", flush=True)
        return
    print("BOUND", flush=True)
    for i in range(args.count):
        resp = await smsc.submit_sm("1555000%d" % i, f"interop {i}".encode(), source_addr="15550001")
        print(f"SUBMIT_RESP {resp.command_status} {resp.message_id}", flush=True)
    if args.expect_deliver:
        event = await asyncio.wait_for(smsc.next(), 60)
        if isinstance(event, smpp34.DeliverSmEvent):
            print(f"DELIVER {event.short_message.decode()} {event.esm_class}", flush=True)
        else:
            print(f"UNEXPECTED {type(event).__name__}", flush=True)
    await smsc.unbind()
    print("DONE", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
    # smpp34 1.5.0's runtime threads can abort the interpreter during finalisation
    # ("PyGILState_Release: thread state … must be current"); all work is done, so skip it.
    sys.stdout.flush()
    os._exit(0)
