"""SQLite commits from several processes into one database: prints 'COMMITS_PER_S (integrity_check result)'.

Usage: sqlite_commits.py DB JOURNAL_MODE PROCESSES COMMITS_EACH
Each process inserts COMMITS_EACH single rows, one transaction each, with a long busy timeout, so
the processes contend for the database's POSIX locks the way concurrent SQLite users do.
"""
import multiprocessing
import sqlite3
import sys
import time


def worker(db, n, start):
    c = sqlite3.connect(db, timeout=60, isolation_level=None)
    start.wait()
    for i in range(n):
        c.execute("BEGIN IMMEDIATE")
        c.execute("INSERT INTO t(v) VALUES (?)", (i,))
        c.execute("COMMIT")
    c.close()


def main():
    db, mode, procs, each = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    c = sqlite3.connect(db, isolation_level=None)
    c.execute(f"PRAGMA journal_mode={mode}")
    c.execute("CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, v INTEGER)")
    c.close()
    start = multiprocessing.Barrier(procs + 1)
    ps = [multiprocessing.Process(target=worker, args=(db, each, start)) for _ in range(procs)]
    for p in ps:
        p.start()
    start.wait()
    t0 = time.monotonic()
    for p in ps:
        p.join()
    dt = time.monotonic() - t0
    bad = [p.exitcode for p in ps if p.exitcode != 0]
    c = sqlite3.connect(db)
    check = c.execute("PRAGMA integrity_check").fetchone()[0]
    rows = c.execute("SELECT count(*) FROM t").fetchone()[0]
    c.close()
    if bad or rows != procs * each:
        check += f"; {len(bad)} workers failed, {rows} of {procs * each} rows"
    print(f"{procs * each / dt:.0f} ({check})")


if __name__ == "__main__":
    main()
