#!/usr/bin/env bash
# Imports another system's CSV export: its column names and values are mapped to leadctl's
# fields by a small Python transform, and the result is piped to `leadctl ingest`.
#
#   examples/import-crm-csv.sh examples/crm-export.csv --dry-run     # check, write nothing
#   examples/import-crm-csv.sh examples/crm-export.csv --rejects rejected.csv
#   some-export-command | examples/import-crm-csv.sh -
#
# Arguments after the file go to `leadctl ingest` (--dry-run, --strict, --rejects FILE,
# --default-region GB ...). The exit code is ingest's: 0, or 4 when records were rejected
# (the others still went in unless --strict; --rejects writes them with leadctl's column names,
# ready to fix and ingest with `leadctl ingest --file rejected.csv`).
#
# Needs: bash, python3 (standard library only), leadctl (LEADCTL=path/to/leadctl to pick one;
# LEADCTL_DB, LEADCTL_ORG ... are read by leadctl itself).
#
# The mapping below fits examples/crm-export.csv; edit FIELDS, STATUS and the date format for
# your system. Columns that only need a new name could also be renamed with Miller:
#   mlr --csv rename 'Account,company,Notes,message' export.csv | leadctl ingest --file - --input-format csv
# leadctl already knows common names by itself (first_name, "Email Address", tel, company ...);
# unknown columns are ignored with a warning.
#
# Re-running the same export changes nothing: each row's request_id is the old system's record
# id, and ingest counts a request id it has seen as a duplicate. (Without request_id a row
# would merge into the lead with the same email: empty fields filled, nothing overwritten.)
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 FILE|- [leadctl ingest flags...]" >&2
  exit 2
fi
input=$1
shift
if [[ $input != - && ! -f $input ]]; then
  echo "error: no such file: $input" >&2
  exit 3
fi
leadctl=${LEADCTL:-leadctl}
if ! command -v python3 >/dev/null; then
  echo "error: python3 is needed for the column mapping" >&2
  exit 2
fi

transform=$(
  cat <<'PY'
import csv, io, sys
from datetime import datetime

# Old system's column -> leadctl field, for columns copied as they are.
FIELDS = {"E-mail": "email", "Mobile": "phone", "Account": "company", "Owner": "owner",
          "Notes": "message"}
# Old pipeline stages -> leadctl statuses (new, waitlist, invited, converted, lost).
STATUS = {"open": "new", "nurture": "waitlist", "qualified": "invited", "won": "converted",
          "lost": "lost", "unqualified": "lost"}
OUT = ["request_id", "first_name", "last_name", "name", *FIELDS.values(), "status", "source",
       "tags", "created_at", "consent_email"]


def slug(text):
    return "-".join(text.lower().split())


def convert(row):
    out = {leadctl: row.get(old, "") for old, leadctl in FIELDS.items()}
    out["request_id"] = f"crm-{row['Record ID']}" if row.get("Record ID") else ""
    # "Lee, Ann" is last name, first name; anything else is a whole name leadctl splits.
    name = row.get("Contact Name", "")
    if "," in name:
        out["last_name"], out["first_name"] = (p.strip() for p in name.split(",", 1))
    else:
        out["name"] = name
    stage = row.get("Lead Status", "").strip()
    # An unknown stage is passed on as it is: ingest rejects that record and says why.
    out["status"] = STATUS.get(stage.lower(), stage)
    out["source"] = slug(row.get("Lead Source", ""))
    out["tags"] = ";".join(slug(t) for t in row.get("Labels", "").split("|") if t.strip())
    created = row.get("Created On", "").strip()
    try:
        # The old system writes US dates in UTC: 03/14/2025 09:15.
        out["created_at"] = datetime.strptime(created, "%m/%d/%Y %H:%M").strftime(
            "%Y-%m-%dT%H:%M:00Z")
    except ValueError:
        out["created_at"] = created  # empty (ingest time is used) or rejected by ingest
    # "Yes" is a recorded opt-in. "No" usually means "never asked", not a withdrawal, so it
    # records nothing (leadctl would store "no" as a withdrawal).
    out["consent_email"] = "granted" if row.get("Email Opt-In", "").strip().lower() == "yes" else ""
    return out


# utf-8-sig: spreadsheet programs often start their CSV with a byte-order mark.
if sys.argv[1] == "-":
    source = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", newline="")
else:
    source = open(sys.argv[1], encoding="utf-8-sig", newline="")
writer = csv.DictWriter(sys.stdout, fieldnames=OUT, lineterminator="\n")
writer.writeheader()
for row in csv.DictReader(source):
    writer.writerow(convert(row))
PY
)

python3 -c "$transform" "$input" | "$leadctl" ingest --file - --input-format csv "$@"
