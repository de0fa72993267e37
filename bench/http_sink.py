#!/usr/bin/env python3
"""A minimal HTTP/1.1 sink for benchmarks: answers every POST with 200 (keep-alive), counts
requests and distinct Idempotency-Key values. Loopback only.

    python3 bench/http_sink.py PORT_FILE [STATS_FILE]

Binds 127.0.0.1:0, writes the port to PORT_FILE, and on SIGTERM/SIGINT writes
"requests distinct_keys" to STATS_FILE (or stdout) and exits.
"""
import asyncio
import signal
import sys

requests = 0
keys = set()


async def handle(reader, writer):
    global requests
    try:
        while True:
            head = await reader.readuntil(b"\r\n\r\n")
            length = 0
            key = None
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                name = name.strip().lower()
                if name == b"content-length":
                    length = int(value.strip())
                elif name == b"idempotency-key":
                    key = value.strip()
            if length:
                await reader.readexactly(length)
            requests += 1
            if key is not None:
                keys.add(key)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok")
            await writer.drain()
    except (asyncio.IncompleteReadError, ConnectionResetError, asyncio.LimitOverrunError):
        pass
    finally:
        writer.close()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(sys.argv[1], "w") as f:
        f.write(str(port))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    line = f"{requests} {len(keys)}\n"
    if len(sys.argv) > 2:
        with open(sys.argv[2], "w") as f:
            f.write(line)
    else:
        sys.stdout.write(line)


asyncio.run(main())
