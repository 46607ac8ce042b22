#!/usr/bin/python3
"""Reads and writes .docx files with python-docx (Debian's python3-docx) for the --fix tests.

  docx_probe.py make OUT   paragraphs from stdin, one a line; '|' splits a line into runs,
                           every second run bold and in another font, so that a fix
                           crossing runs must keep each run's formatting
  docx_probe.py dump DOCX  JSON: each body paragraph's text and its runs' formatting, each
                           table cell's text, and a SHA-256 of every package entry
"""
import hashlib
import json
import sys
import zipfile

import docx
from docx.oxml.ns import qn
from docx.shared import Pt


def make(out):
    document = docx.Document()
    for line in sys.stdin.read().splitlines():
        paragraph = document.add_paragraph()
        for i, text in enumerate(line.split("|")):
            run = paragraph.add_run(text)
            if i % 2 == 1:
                run.bold = True
                run.font.name = "SimHei"
                run.font.size = Pt(16)
    document.save(out)


def formatting(run):
    return [run.bold, run.italic, run.underline, run.font.name,
            run.font.size.pt if run.font.size else None]


def dump(path):
    document = docx.Document(path)
    with zipfile.ZipFile(path) as package:
        entries = {name: hashlib.sha256(package.read(name)).hexdigest()
                   for name in package.namelist()}
    json.dump({
        "paragraphs": [{"text": p.text, "runs": [formatting(r) for r in p.runs]}
                       for p in document.paragraphs],
        # Each w:tc's text (python-docx's row.cells lays out the whole grid per row: seconds
        # for a fixture's table).
        "cells": ["".join(t.text or "" for t in tc.iter(qn("w:t")))
                  for table in document.tables for tc in table._tbl.iter(qn("w:tc"))],
        "entries": entries,
    }, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    {"make": make, "dump": dump}[sys.argv[1]](sys.argv[2])
