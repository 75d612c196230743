#!/usr/bin/env python3
"""The chapter titles (kind C) or goal titles (kind G) of a monitor
project, in order, one a line, read from its YAML files with PyYAML: the
test's own reading of the format, independent of the engine's loader.

    yaml_titles.py PROJECT C|G
"""
import os
import sys

import yaml


def main():
    project, kind = sys.argv[1], sys.argv[2]
    with open(os.path.join(project, "monitor.yaml"), encoding="utf-8") as f:
        monitor = yaml.safe_load(f)
    for rel in monitor["chapters"]:
        with open(os.path.join(project, rel), encoding="utf-8") as f:
            chapter = yaml.safe_load(f)
        if kind == "C":
            print(chapter["title"])
        else:
            for goal in chapter.get("goals") or []:
                print(goal["title"])


main()
