#!/usr/bin/env python3
"""Time to the first screen, and memory then, of a program in a pty.

    python3 scripts/first_frame.py [--cols 120 --rows 40] -- PROGRAM ARGS...

Starts PROGRAM on a new pseudo-terminal of the given size, reads what it
writes, and takes the first screen as done when the output has been quiet
for --quiet milliseconds (200 by default); prints the time from start to
the last byte of that screen, and the program's resident memory (VmRSS)
and peak (VmHWM) at that moment, then kills it. Run it a few times and take
the median: the README's figures for `dushanbe FILE` against `less FILE`
come from it.
"""
import argparse
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time


def memory(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                k, _, v = line.partition(":")
                if k in ("VmRSS", "VmHWM"):
                    out[k] = int(v.split()[0])
    except OSError:
        pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cols", type=int, default=120)
    ap.add_argument("--rows", type=int, default=40)
    ap.add_argument("--quiet", type=int, default=200, help="milliseconds of silence that end the screen")
    ap.add_argument("--then", default="", help="keys to type after the first screen (\\r for Enter)")
    ap.add_argument("--settle", type=float, default=0, help="seconds to wait after them before the memory is read again")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = [c for c in a.command if c != "--"] or sys.exit("no command")
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execvp(cmd[0], cmd)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", a.rows, a.cols, 0, 0))
    os.kill(pid, signal.SIGWINCH)
    last, total, mem, first = None, 0, {}, None
    while True:
        r, _, _ = select.select([fd], [], [], a.quiet / 1000)
        if not r:
            if last is not None:
                break
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        # Answer a cursor position request, as a terminal does.
        if b"\x1b[6n" in data:
            os.write(fd, b"\x1b[1;1R")
        last, total = time.monotonic(), total + len(data)
        first = first or last
        mem = memory(pid)
    after = None
    if a.then or a.settle:
        for key in a.then.encode().decode("unicode_escape"):
            os.write(fd, key.encode())
            time.sleep(0.05)
        end = time.monotonic() + a.settle
        while time.monotonic() < end:
            r, _, _ = select.select([fd], [], [], 0.05)
            if r:
                try:
                    os.read(fd, 65536)
                except OSError:
                    break
        after = memory(pid)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    if after is not None:
        print(f"after {a.then!r} and {a.settle} s: VmRSS {after.get('VmRSS', 0) / 1024:.1f} MiB, "
              f"VmHWM {after.get('VmHWM', 0) / 1024:.1f} MiB")
    ms = (last - start) * 1000 if last else float("nan")
    first_ms = (first - start) * 1000 if first else float("nan")
    print(f"{ms:.1f} ms to the first screen ({total} bytes, the first at {first_ms:.1f} ms); "
          f"VmRSS {mem.get('VmRSS', 0) / 1024:.1f} MiB, VmHWM {mem.get('VmHWM', 0) / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
