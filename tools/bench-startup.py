#!/usr/bin/env python3
"""How fast the shell reaches its prompt, and a one-shot command returns, compared with the sqlite3 shell
doing the equivalent on the same database in the same run. Prints medians and ratios.

  python3 tools/bench-startup.py [--runs N] [--binary PATH]

Builds the release binary when no --binary is given. Start-up to prompt is measured in a real
pseudo-terminal (the time until the prompt text appears); one-shot commands by wall-clock time of the
whole process. Both tools read the same seeded database file, copied to a temporary folder.
"""
import argparse, os, pty, select, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The same question both ways: the approved plans with their agency and status, as CSV.
SQL = ("SELECT plan.id, agency.name, plan.title, plan.status, status.phase FROM plan "
       "JOIN agency ON agency.id = plan.agency_id JOIN status ON status.entity = 'plan' AND status.name = plan.status "
       "WHERE status.phase = 'approved' ORDER BY plan.id;")


def time_to_prompt(argv, prompt, quit_text, env):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env)
    start = time.perf_counter()
    seen = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            raise RuntimeError(f"no prompt from {argv[0]}: {seen[-200:]!r}")
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            raise RuntimeError(f"{argv[0]} ended before its prompt: {seen[-200:]!r}")
        seen += chunk
        if prompt in seen:
            elapsed = time.perf_counter() - start
    os.write(fd, quit_text)
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass
    os.waitpid(pid, 0)
    os.close(fd)
    return elapsed


def time_command(argv, env):
    start = time.perf_counter()
    result = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{argv} failed: {result.stderr.decode()}")
    return elapsed, result.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "placemaking"], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
        binary = os.path.join(ROOT, ".build", "release", "placemaking")
    sqlite3 = shutil.which("sqlite3") or sys.exit("sqlite3 is not installed (apt-get install sqlite3)")

    folder = tempfile.mkdtemp(prefix="placemaking-bench-")
    database = os.path.join(folder, "ledger.sqlite")
    env = dict(os.environ, HOME=folder, LANG="C.UTF-8", TERM="xterm", PAGER="cat")
    subprocess.run([binary, "--db", database, "agency", "list"], check=True, stdout=subprocess.DEVNULL, env=env)

    # Warm the page cache and both binaries once.
    time_command([binary, "--db", database, "plan", "list", "--phase", "approved", "--format", "csv"], env)
    time_command([sqlite3, "-csv", database, SQL], env)

    ours_prompt = [time_to_prompt([binary, "--db", database], b"placemaking(ledger)> ", b"quit\n", env) for _ in range(args.runs)]
    sqlite_prompt = [time_to_prompt([sqlite3, database], b"sqlite> ", b".quit\n", env) for _ in range(args.runs)]
    ours_cmd = [time_command([binary, "--db", database, "plan", "list", "--phase", "approved", "--format", "csv"], env)[0]
                for _ in range(args.runs)]
    sqlite_cmd = [time_command([sqlite3, "-csv", database, SQL], env)[0] for _ in range(args.runs)]

    def row(name, ours, theirs):
        a, b = statistics.median(ours), statistics.median(theirs)
        print(f"{name:<32} placemaking {a * 1000:7.2f} ms   sqlite3 {b * 1000:7.2f} ms   ratio {a / b:5.2f}x")

    print(f"{args.runs} runs each, medians; {os.cpu_count()} cores; binary {binary}")
    row("shell start to prompt (pty)", ours_prompt, sqlite_prompt)
    row("one-shot: approved plans, CSV", ours_cmd, sqlite_cmd)
    shutil.rmtree(folder)


if __name__ == "__main__":
    main()
