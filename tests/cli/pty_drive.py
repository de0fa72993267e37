"""Runs a command on a pseudo-terminal and answers its prompts (for leadctl's prompt tests).

Usage: python3 pty_drive.py PROMPT REPLY [PROMPT REPLY ...] -- COMMAND [ARGS ...]

Each time the output so far contains the next PROMPT (after the previous one), REPLY is typed
(Python escapes such as \\r and \\x1b[B are decoded). Prints everything the command wrote
(stdout and stderr share the terminal) and exits with the command's exit code. Gives up after
20 seconds (exit 124) so a hung prompt fails the test instead of blocking it.
"""

import os
import pty
import select
import sys
import time


def main() -> int:
    sep = sys.argv.index("--")
    pairs = sys.argv[1:sep]
    cmd = sys.argv[sep + 1 :]
    steps = [(pairs[i], pairs[i + 1].encode().decode("unicode_escape")) for i in range(0, len(pairs), 2)]
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    seen = b""
    searched_from = 0
    deadline = time.time() + 20
    while True:
        if time.time() > deadline:
            os.kill(pid, 9)
            sys.stdout.write(seen.decode(errors="replace"))
            return 124
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            if not chunk:
                break
            seen += chunk
        if steps:
            prompt, reply = steps[0]
            at = seen.find(prompt.encode(), searched_from)
            if at >= 0:
                time.sleep(0.2)
                os.write(fd, reply.encode())
                searched_from = at + len(prompt)
                steps.pop(0)
    _, status = os.waitpid(pid, 0)
    sys.stdout.write(seen.decode(errors="replace"))
    return os.waitstatus_to_exitcode(status)


if __name__ == "__main__":
    sys.exit(main())
