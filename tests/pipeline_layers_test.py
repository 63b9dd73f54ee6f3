#!/usr/bin/env python3
"""No stage reaches back up the pipeline.

load (git/files) -> parse (YAML, Markdown) -> model -> render -> write, with support under
all of them, the tripwire reading the model, build driving them all for one build (and
owning what is kept between builds), and the command line on top. Every
`#include "stage/..."` in generator/<stage>/ must name the stage itself or one below it.
The libraries' DEPENDS in CMakeLists.txt catch a missing symbol at link time; this catches
a header-only reach upwards, and says which line does it.

Usage: pipeline_layers_test.py SOURCE_DIR
"""
import pathlib
import re
import sys

# What each stage may include, itself included.
ALLOWED = {
    "support": {"support"},
    "load": {"load", "support"},
    "parse": {"parse", "support"},
    "model": {"model", "parse", "load", "support"},
    "render": {"render", "model", "parse", "load", "support"},
    "tripwire": {"tripwire", "model", "support"},
    "write": {"write", "support"},
    "build": {"build", "write", "tripwire", "render", "model", "parse", "load", "support"},
    "cli": {"cli", "build", "write", "tripwire", "render", "model", "parse", "load", "support"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')


def main() -> int:
    root = pathlib.Path(sys.argv[1]) / "generator"
    stages = sorted(p.name for p in root.iterdir() if p.is_dir())
    problems = []
    for stage in stages:
        if stage not in ALLOWED:
            problems.append(f"generator/{stage}/: a stage this test does not know; add it to ALLOWED "
                            "with the stages below it")
            continue
        for source in sorted((root / stage).glob("*")):
            if source.suffix not in (".h", ".cc"):
                continue
            for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
                match = INCLUDE.match(line)
                if match and match.group(1) in ALLOWED and match.group(1) not in ALLOWED[stage]:
                    problems.append(f"{source.relative_to(root.parent)}:{number}: {stage}/ includes "
                                    f"{match.group(1)}/, a stage above it in the pipeline")
    for problem in problems:
        print(problem)
    print(f"{len(stages)} stages checked, {len(problems)} includes reaching up")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
