#!/usr/bin/env python3
"""An SMSC built on the `smpp34` package, for Herald's interop tests and `herald bench smpp`.

Prints `READY <port>` once listening on 127.0.0.1 (a free port unless --port is given), then one
line per event (unless --quiet):
  BOUND <system_id> <can_receive>        an ESME bound
  SUBMIT <destination_addr> <hex>        a submit_sm (answered with message id PY<n>)
  DELIVER_RESP <command_status>          the answer to the deliver_sm pushed with --deliver
  UNBOUND                                a session ended
Stops when stdin reaches EOF (the parent closes it) or after --exit-after-unbind.
"""
import argparse
import asyncio
import os
import socket
import sys

import smpp34


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--deliver", help="push one deliver_sm with this text to each receiving bind")
    parser.add_argument("--quiet", action="store_true", help="print only READY")
    parser.add_argument("--exit-after-unbind", action="store_true")
    parser.add_argument("--inbound-capacity", type=int, default=4096)
    args = parser.parse_args()

    port = args.port or free_port()
    server = smpp34.Server("127.0.0.1", port, system_id="PY34SMSC", inbound_capacity=args.inbound_capacity)
    await server.start()
    print(f"READY {port}", flush=True)

    loop = asyncio.get_running_loop()
    stdin_closed = loop.run_in_executor(None, sys.stdin.read)
    tasks = set()
    counter = 0

    async def push(esme, text):
        resp = await esme.deliver_sm("15550001", text.encode(), source_addr="15550002")
        print(f"DELIVER_RESP {resp.command_status}", flush=True)

    async def serve() -> None:
        nonlocal counter
        while True:
            event = await server.next()
            if isinstance(event, smpp34.SubmitSmEvent):
                counter += 1
                event.accept(f"PY{counter}")
                if not args.quiet:
                    print(f"SUBMIT {event.destination_addr} {event.short_message.hex()}", flush=True)
            elif isinstance(event, smpp34.Esme):
                if not args.quiet:
                    print(f"BOUND {event.system_id} {event.can_receive}", flush=True)
                if args.deliver and event.can_receive:
                    task = asyncio.create_task(push(event, args.deliver))
                    tasks.add(task)
                    task.add_done_callback(tasks.discard)
            elif isinstance(event, smpp34.Unbound):
                if not args.quiet:
                    print("UNBOUND", flush=True)
                if args.exit_after_unbind:
                    return

    serving = asyncio.ensure_future(serve())
    await asyncio.wait([serving, stdin_closed], return_when=asyncio.FIRST_COMPLETED)
    serving.cancel()
    await server.stop()


if __name__ == "__main__":
    asyncio.run(main())
    # smpp34 1.5.0's runtime threads can abort the interpreter during finalisation
    # ("PyGILState_Release: thread state … must be current"); all work is done, so skip it.
    sys.stdout.flush()
    os._exit(0)
