#!/usr/bin/env python3
"""Baseline for bench/flush.sh: POST N small JSON bodies to a URL over C keep-alive HTTP/1.1
connections (asyncio, raw sockets), as fast as the receiver allows; prints the seconds taken.

    python3 bench/http_post.py http://127.0.0.1:PORT/leads N C
"""
import asyncio
import sys
import time
import urllib.parse

url = urllib.parse.urlsplit(sys.argv[1])
n, conc = int(sys.argv[2]), int(sys.argv[3])
body = b'{"name":"Ann Lee","email":"ann@example.com","meta":{"request_id":"r"}}'


async def worker(ids):
    reader, writer = await asyncio.open_connection(url.hostname, url.port)
    for i in ids:
        writer.write(
            b"POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n"
            b"Idempotency-Key: k%d\r\nContent-Length: %d\r\n\r\n%s"
            % (url.path.encode(), url.hostname.encode(), i, len(body), body)
        )
        await writer.drain()
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        await reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 2"):
            raise SystemExit("unexpected answer: %r" % head[:40])
    writer.close()


async def main():
    t0 = time.perf_counter()
    await asyncio.gather(*(worker(range(w, n, conc)) for w in range(conc)))
    print("%.3f" % (time.perf_counter() - t0))


asyncio.run(main())
