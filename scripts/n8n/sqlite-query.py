#!/usr/bin/env python3
"""Run one SQL statement against an SQLite database and print the rows as JSON.

Usage: scripts/n8n/sqlite-query.py [--json-cols] <db> <sql> [param ...]

  --json-cols  decode text columns that hold JSON (e.g. workflow_entity.staticData) into objects
  params       bound to ? placeholders in order (strings)

Prints a JSON array of objects (column -> value). Opens the database read-only for SELECTs, so it
is safe to use while `n8n start` runs (n8n writes static data after each poll).
Example:
  scripts/n8n/sqlite-query.py --json-cols "$N8N_DB_FILE" \
      'select id, staticData from workflow_entity where id = ?' myPollWf000001
"""
import json
import sqlite3
import sys


def main(argv):
    json_cols = False
    args = list(argv)
    if args and args[0] == "--json-cols":
        json_cols = True
        args = args[1:]
    if len(args) < 2:
        sys.stderr.write(__doc__)
        return 2
    db, sql, params = args[0], args[1], args[2:]
    read_only = sql.lstrip().lower().startswith(("select", "with", "pragma"))
    uri = ("file:%s?mode=ro" % db) if read_only else ("file:%s" % db)
    try:
        con = sqlite3.connect(uri, uri=True, timeout=30)
    except sqlite3.OperationalError as e:
        sys.stderr.write("sqlite-query.py: cannot open %s: %s\n" % (db, e))
        return 1
    con.row_factory = sqlite3.Row
    try:
        cur = con.execute(sql, params)
        rows = [dict(r) for r in cur.fetchall()] if cur.description else []
        if not read_only:
            con.commit()
    finally:
        con.close()
    for row in rows:
        for k, v in row.items():
            if isinstance(v, bytes):
                row[k] = v.decode("utf-8", "replace")
            elif json_cols and isinstance(v, str) and v[:1] in ("{", "["):
                try:
                    row[k] = json.loads(v)
                except ValueError:
                    pass
    json.dump(rows, sys.stdout, indent=2, default=str)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
