#!/usr/bin/env bash
# Nightly backup of leadctl's database, keeping the newest KEEP backups of each kind.
#
#   LEADCTL_DB=/var/lib/leadctl/leadctl.db BACKUP_DIR=/var/backups/leadctl examples/nightly-backup.sh
#
# From cron, as the user that owns the database (cron's PATH: see examples/crontab):
#   30 2 * * * LEADCTL_DB=/var/lib/leadctl/leadctl.db BACKUP_DIR=/var/backups/leadctl /usr/local/bin/nightly-backup.sh
#
# It writes, into BACKUP_DIR (created 0700; files 0600, they hold personal data):
#   leads-<UTC time>.ndjson.gz   a logical backup: every lead of the organisation with every
#                                column `export` has, one JSON object per line. Readable
#                                without leadctl; restore with
#                                gunzip -c leads-....ndjson.gz | leadctl ingest --file - --input-format ndjson
#                                Leads only: notes, tasks, events, the audit log, the outbox
#                                and other organisations are not in it.
#   leadctl-<UTC time>.db.gz     a copy of the whole database file (every table, every
#                                organisation), made with `leadctl db backup` (SQLite's online
#                                backup: consistent while the listener and flushes keep
#                                writing) and checked with `leadctl db check`. Restore:
#                                gunzip -c leadctl-....db.gz > /tmp/restore.db
#                                leadctl db restore /tmp/restore.db
#
# Needs: bash, leadctl, gzip, coreutils.
#
# Settings (environment):
#   BACKUP_DIR  where backups go (required)
#   KEEP        how many backups of each kind to keep (default 14). Rotation counts files,
#               not days, so backups that stop being made never age the last ones away.
#   LEADCTL_DB  the database (default: leadctl's own default; leadctl also reads it)
#   LEADCTL     the leadctl binary (default: leadctl on PATH)
set -euo pipefail
export LC_ALL=C # the timestamps in the names sort as text

leadctl=${LEADCTL:-leadctl}
backup_dir=${BACKUP_DIR:?set BACKUP_DIR to the folder that keeps the backups}
keep=${KEEP:-14}
if ! [[ $keep =~ ^[1-9][0-9]*$ ]]; then
  echo "error: KEEP must be a whole number of 1 or more, got '$keep'" >&2
  exit 2
fi
# leadctl would create a missing database; a backup must not.
db=${LEADCTL_DB:-$("$leadctl" config show --format json | sed -n 's/^  "database": "\(.*\)",$/\1/p')}
if [[ ! -f $db ]]; then
  echo "error: no database at '$db' (set LEADCTL_DB)" >&2
  exit 2
fi
export LEADCTL_DB=$db

umask 077
mkdir -p "$backup_dir"
stamp=$(date -u +%Y%m%dT%H%M%SZ)
columns=id,created_at,updated_at,status,first_name,last_name,email,phone,phone_raw,company,service,message,tags,source,utm_source,utm_medium,utm_campaign,last_contacted_at,owner,request_id,consent_email,consent_email_at,consent_sms,consent_sms_at,org,erased_at

# Each file is written under a temporary name and renamed when complete, so a backup that
# failed half way never looks like a good one; the trap removes what a failed run left.
logical="$backup_dir/leads-$stamp.ndjson.gz"
copy="$backup_dir/leadctl-$stamp.db"
trap 'rm -f "$logical.tmp" "$copy.tmp" "$copy.gz.tmp"' EXIT
"$leadctl" export --format ndjson --columns "$columns" --quiet | gzip -c >"$logical.tmp"
mv "$logical.tmp" "$logical"

"$leadctl" db backup --output "$copy.tmp" --quiet
if ! "$leadctl" --db "$copy.tmp" db check --quiet >/dev/null; then
  echo "error: the copy of $db failed its check" >&2
  exit 1
fi
gzip -c "$copy.tmp" >"$copy.gz.tmp"
mv "$copy.gz.tmp" "$copy.gz"
rm -f "$copy.tmp"

# Rotation: keep the newest $keep of each kind (names sort by time), delete the rest.
for pattern in 'leads-*.ndjson.gz' 'leadctl-*.db.gz'; do
  files=("$backup_dir"/$pattern)
  [[ -e ${files[0]} ]] || continue
  old=$((${#files[@]} - keep))
  if ((old > 0)); then
    rm -f -- "${files[@]:0:old}"
  fi
done
