"""Edit an .xlsx with openpyxl, a writer that is not ours, so tests see what a foreign program leaves behind.

Reads one JSON request on stdin:
  {"op": "fill", "in": ..., "out": ..., "sheet": name or null, "cells": {"F12": 1.5, "G12": "text", "H3": null}}
    a value may be {"value": 0.96, "numberFormat": "0%"} (a number as a percent, as Excel stores a typed 96%);
    true/false become booleans; "#N/A", "#VALUE!" … become error values (openpyxl's own reading of such text)
  {"op": "insertRows", "in": ..., "out": ..., "sheet": name, "atRow": 1-based row, "count": n}
  {"op": "new", "out": ..., "rows": [[...], ...]} writes a new one-sheet workbook (e.g. a roster as a department keeps it);
  {"op": "batch", "requests": [fill requests ...]} runs several fills in one Python start (many files in a test).
Strings that begin with "=" become formulas, as they would when typed. Never writes to the input path.
"""
import json
import os
import sys

import openpyxl


def main() -> None:
    request = json.load(sys.stdin)
    for one in request["requests"] if request.get("op") == "batch" else [request]:
        edit(one)


def edit(request) -> None:
    if request["op"] == "new":
        book = openpyxl.Workbook()
        for row in request["rows"]:
            book.active.append(row)
        book.save(request["out"])
        return
    source, target = request["in"], request["out"]
    if os.path.abspath(source) == os.path.abspath(target):
        sys.exit("openpyxl-edit: refusing to overwrite the input file " + source)
    book = openpyxl.load_workbook(source)
    sheet_name = request.get("sheet")
    sheet = book[sheet_name] if sheet_name else book.worksheets[0]
    if request["op"] == "fill":
        for address, value in request["cells"].items():
            if isinstance(value, dict):
                sheet[address].value = value["value"]
                sheet[address].number_format = value["numberFormat"]
            else:
                sheet[address].value = value
    elif request["op"] == "insertRows":
        sheet.insert_rows(int(request["atRow"]), int(request["count"]))
    else:
        sys.exit("openpyxl-edit: unknown op " + str(request["op"]))
    book.save(target)


if __name__ == "__main__":
    main()
