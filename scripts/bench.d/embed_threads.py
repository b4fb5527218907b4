#!/usr/bin/env python3
"""CPU time per thread of a process, for scripts/bench embed: embed_threads.py PID OUT.json.

Writes {"hz": clock ticks per second, "threads": {tid: [name, user + system ticks]}} from /proc/PID/task/*/stat
(the name is the thread's comm; native threads, such as the model's ONNX Runtime threads, carry the name of the
thread that started them).
"""
import json
import os
import sys

pid, out = sys.argv[1], sys.argv[2]
threads = {}
for tid in os.listdir("/proc/%s/task" % pid):
    try:
        with open("/proc/%s/task/%s/stat" % (pid, tid)) as fh:
            s = fh.read()
    except OSError:
        continue  # ended meanwhile
    name = s[s.index("(") + 1:s.rindex(")")]
    f = s[s.rindex(")") + 2:].split()
    threads[tid] = [name, int(f[11]) + int(f[12])]  # utime, stime: fields 14 and 15 of stat
with open(out, "w") as fh:
    json.dump({"hz": os.sysconf("SC_CLK_TCK"), "threads": threads}, fh)
