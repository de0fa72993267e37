#!/usr/bin/env bash
# Mails yesterday's new leads as a CSV attachment: export -> filter -> mail.
#
#   MAIL_TO=sales@example.com examples/mail-new-leads.sh
#   DAY=2026-11-01 MAIL_TO=sales@example.com examples/mail-new-leads.sh   # another day
#   MAIL_CMD=cat DAY=2026-11-01 examples/mail-new-leads.sh                # print, do not send
#
# From cron, once a day after midnight UTC (cron's PATH and LEADCTL_DB: see examples/crontab):
#   15 6 * * * MAIL_TO=sales@example.com /usr/local/bin/mail-new-leads.sh
#
# Needs: bash, leadctl, coreutils (date, base64, fold, mktemp, wc), and a mail transfer agent that
# provides `sendmail` (postfix, exim, or msmtp-mta / ssmtp to relay through another SMTP
# server). Nothing is sent when there were no new leads that day.
#
# Settings (environment):
#   MAIL_TO    recipient (required unless MAIL_CMD is set)
#   MAIL_FROM  sender (default: the MTA's default for this user)
#   MAIL_CMD   command that gets the whole message on stdin, split on spaces
#              (default: sendmail -t -oi)
#   DAY        the UTC day to report, YYYY-MM-DD (default: yesterday)
#   SOURCE     only leads from this source (default: every source)
#   LEADCTL    the leadctl binary (default: leadctl on PATH); LEADCTL_DB, LEADCTL_ORG and the
#              other LEADCTL_* variables are read by leadctl itself
set -euo pipefail

leadctl=${LEADCTL:-leadctl}
if [[ -z ${MAIL_CMD:-} && -z ${MAIL_TO:-} ]]; then
  echo "error: set MAIL_TO (or MAIL_CMD=cat to print the message)" >&2
  exit 2
fi
if [[ -n ${MAIL_CMD:-} ]]; then
  read -r -a mail_cmd <<<"$MAIL_CMD"
else
  # sendmail often lives in /usr/sbin, which is not on every user's PATH.
  sendmail=$(command -v sendmail || true)
  for candidate in /usr/sbin/sendmail /usr/lib/sendmail; do
    if [[ -z $sendmail && -x $candidate ]]; then sendmail=$candidate; fi
  done
  if [[ -z $sendmail ]]; then
    echo "error: sendmail not found: install an MTA that provides it, or set MAIL_CMD" >&2
    exit 2
  fi
  mail_cmd=("$sendmail" -t -oi)
fi
# Lead times are UTC; GNU date first, then BSD date.
day=${DAY:-$(date -u -d yesterday +%F 2>/dev/null || date -u -v-1d +%F)}

# export's own filters do the selecting: --since and --until with the same date cover that
# whole day. Leads that have already moved on (invited, lost ...) are left out by --status.
filters=(--status new --since "$day" --until "$day")
if [[ -n ${SOURCE:-} ]]; then filters+=(--source "$SOURCE"); fi
columns=id,created_at,first_name,last_name,email,phone,company,service,source,utm_campaign,tags

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$leadctl" export "${filters[@]}" --columns "$columns" --output "$tmp/leads.csv" --quiet
# NDJSON has exactly one line per lead (CSV cells may hold line breaks).
count=$("$leadctl" export "${filters[@]}" --columns id --format ndjson | wc -l)
count=${count//[[:space:]]/}
if ((count == 0)); then
  exit 0
fi

boundary="leadctl-$RANDOM$RANDOM"
{
  if [[ -n ${MAIL_TO:-} ]]; then echo "To: $MAIL_TO"; fi
  if [[ -n ${MAIL_FROM:-} ]]; then echo "From: $MAIL_FROM"; fi
  if ((count == 1)); then noun=lead; else noun=leads; fi
  echo "Subject: $count new $noun on $day"
  echo "MIME-Version: 1.0"
  echo "Content-Type: multipart/mixed; boundary=\"$boundary\""
  echo
  echo "--$boundary"
  echo "Content-Type: text/plain; charset=utf-8"
  echo
  echo "$count new $noun arrived on $day (UTC), attached as CSV."
  echo "Everything about one of them: leadctl show ID"
  echo
  echo "--$boundary"
  echo "Content-Type: text/csv; charset=utf-8; name=\"leads-$day.csv\""
  echo "Content-Disposition: attachment; filename=\"leads-$day.csv\""
  echo "Content-Transfer-Encoding: base64"
  echo
  # GNU base64 wraps at 76 characters, BSD base64 does not; mail needs short lines.
  base64 <"$tmp/leads.csv" | fold -w 76
  echo
  echo "--$boundary--"
} | "${mail_cmd[@]}"
