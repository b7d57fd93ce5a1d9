#!/usr/bin/env python3
"""Keeps README.md's examples true: every fenced block whose first line is `$ policydex …` (or
`$ cat …`, `$ curl …` is left alone) is run in a fresh copy of corpus/ with its index built, and
its output compared with the block (--check, the default; exit 1 on a difference) or written into
it (--write). A command may use a pipe (| head -5) to keep the block short.

usage: readme_examples.py BIN [--write]
"""
import os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.path.abspath(sys.argv[1])
WRITE = "--write" in sys.argv


def blocks(text):
    """(start, end, commands-with-outputs) of each fenced block that starts with `$ policydex`."""
    for m in re.finditer(r"^```\n(\$ policydex .*?)^```$", text, re.S | re.M):
        body = m.group(1)
        yield m.start(1), m.end(1), body


def run(command, cwd):
    env = dict(os.environ, NO_COLOR="1", PATH=os.path.dirname(BIN) + os.pathsep + os.environ["PATH"])
    shell = command.replace("policydex ", BIN + " ", 1) if command.startswith("policydex ") else command
    # One stream, in the order a terminal shows it (policydex writes unbuffered).
    p = subprocess.run(["bash", "-c", "exec 2>&1; " + shell.split("  #")[0]], cwd=cwd, env=env, capture_output=True, text=True)
    return p.stdout


def render(body, cwd):
    out = []
    for line in body.splitlines():
        if line.startswith("$ "):
            out.append(line)
            out.append(run(line[2:], cwd).rstrip("\n"))
    return "\n".join(x for x in out if x != "") + "\n"


def main():
    readme = os.path.join(ROOT, "README.md")
    text = open(readme, encoding="utf-8").read()
    work = tempfile.mkdtemp(prefix="policydex-readme-")
    try:
        shutil.copytree(os.path.join(ROOT, "corpus"), os.path.join(work, "corpus"))
        shutil.copytree(os.path.join(ROOT, "Tests"), os.path.join(work, "Tests"))
        pieces, last, differing, indexed = [], 0, [], False
        for start, end, body in blocks(text):
            # Only blocks made entirely of policydex commands and their output are regenerated.
            commands = [l for l in body.splitlines() if l.startswith("$ ")]
            if not all(c.startswith("$ policydex ") and "/tmp/" not in c for c in commands):
                continue
            # The README's first example builds the index; any other needs one built.
            if not indexed and not commands[0].startswith("$ policydex index"):
                subprocess.run([BIN, "index"], cwd=work, capture_output=True, check=True)
            indexed = True
            fresh = render(body, work)
            if fresh != body:
                differing.append(commands[0])
            pieces.append(text[last:start])
            pieces.append(fresh)
            last = end
        pieces.append(text[last:])
        if WRITE:
            open(readme, "w", encoding="utf-8").write("".join(pieces))
            print(f"README examples: {len(differing)} block(s) rewritten")
        elif differing:
            print("README examples differ from what the commands print (run scripts/readme-examples.sh --write):")
            for c in differing:
                print("  " + c)
            sys.exit(1)
        else:
            print("README examples: all match")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
