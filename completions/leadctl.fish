# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_leadctl_global_optspecs
    string join \n db= config= org= format= color= q/quiet v/verbose log-format= actor= h/help V/version
end

function __fish_leadctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_leadctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_leadctl_using_subcommand
    set -l cmd (__fish_leadctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c leadctl -n "__fish_leadctl_needs_command" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_needs_command" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_needs_command" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_needs_command" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_needs_command" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_needs_command" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_needs_command" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_needs_command" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_needs_command" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "ingest" -d 'Add leads from flags, a file or stdin (NDJSON, JSON, CSV)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "list" -d 'List leads with filters, newest first'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "ls" -d 'List leads with filters, newest first'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "show" -d 'Show one lead in full'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "export" -d 'Export leads as CSV, NDJSON or JSON (streamed; atomic with --output)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "stats" -d 'Pipeline statistics: status, funnel, sources, volume, owners'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "status" -d 'Move leads to another status (by ids or in bulk)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "tag" -d 'Add and remove tags of leads (by ids or in bulk)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "tags" -d 'List tags with their lead counts'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "note" -d 'Add a note to a lead'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "edit" -d 'Change a lead\'s contact fields'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "assign" -d 'Set the owner of leads (by ids or in bulk)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "log" -d 'Record an interaction with a lead (call, email, sms, meeting)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "events" -d 'List a lead\'s message events, newest first'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "task" -d 'Follow-up tasks: add, list, done, reopen'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "timeline" -d 'Everything that happened to a lead, oldest first'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "audit" -d 'Read the append-only audit log'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "forget" -d 'Erase a lead\'s personal data (right to erasure)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "queue" -d 'The outbox: deliver (cron), inspect and retry forwards and emails'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "serve-webhooks" -d 'Run the HTTP listener for site forms and provider webhooks'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "serve" -d 'Run the HTTP listener for site forms and provider webhooks'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "token" -d 'Ingest tokens and browser form keys for the listener: create (shown once), list, revoke'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "webhooks" -d 'Provider webhook deliveries: list, show, replay'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "config" -d 'Show or create the configuration'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "db" -d 'The database file: check, backup, restore, migrate, vacuum, stats'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "seed-demo" -d 'Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "man" -d 'Write man pages for leadctl and every subcommand'
complete -c leadctl -n "__fish_leadctl_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -s f -l file -d 'Read leads from a file; `-` reads stdin' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l input-format -d 'Input format [default: from the extension, else the content]' -r -f -a "ndjson\t'One JSON object per line'
json\t'One JSON object, or an array of objects'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l default-region -d 'Region for phone numbers without a +country code [default: config default_region, US]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l rejects -d 'Write rejected records with their reasons to this file (CSV for CSV input, else NDJSON)' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l batch-size -d 'Leads per transaction in batched mode' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l load-mode -d 'batched: commit every --batch-size leads. bulk: one transaction, secondary indexes rebuilt at the end (fastest for big loads; other writers wait meanwhile). auto: bulk for files of 32 MiB or more that hold more leads than the database already has' -r -f -a "auto\t'bulk for big files into a smaller database, else batched'
batched\t'commit every --batch-size leads'
bulk\t'one transaction with deferred index builds'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l email -d 'Email address' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l name -d 'Full name (split into first and last name)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l first-name -d 'First name' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l last-name -d 'Last name' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l phone -d 'Phone number (stored as E.164)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l company -d 'Company' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l service -d 'Service the lead asked about' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l message -d 'Message' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l source -d 'Source (e.g. website, referral)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l utm-source -d 'UTM source' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l utm-medium -d 'UTM medium' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l utm-campaign -d 'UTM campaign' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l tag -d 'Tag (repeatable)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l consent-email -d 'Email consent: granted or withdrawn' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l consent-sms -d 'SMS consent: granted or withdrawn' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l status -d 'Initial status (new, waitlist, invited, converted, lost); a merge never changes it' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l request-id -d 'Idempotency key: the same request id again is a no-op' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l raw -d 'Read CSV cells exactly (for files written by `export --raw`): a leading apostrophe before = + - @ is kept instead of being taken as export\'s formula neutralisation'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l strict -d 'All or nothing: any rejected record rolls back the whole input'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -l dry-run -d 'Report what would happen; write nothing'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand ingest" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -s q -l search -d 'Case-insensitive substring of name, email, phone or company' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l status -d 'Status (repeatable: any of)' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l tag -d 'Tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l source -d 'Source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l owner -d 'Owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l since -d 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l until -d 'Created before: a date (the whole day counts), an RFC 3339 time, or an age' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l sort -d 'Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading - sorts descending' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l limit -d 'How many leads to show' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l offset -d 'How many leads to skip' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -l quiet -d 'Print only errors (in `list`, -q is --search)'
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand list" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -s q -l search -d 'Case-insensitive substring of name, email, phone or company' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l status -d 'Status (repeatable: any of)' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l tag -d 'Tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l source -d 'Source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l owner -d 'Owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l since -d 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l until -d 'Created before: a date (the whole day counts), an RFC 3339 time, or an age' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l sort -d 'Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading - sorts descending' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l limit -d 'How many leads to show' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l offset -d 'How many leads to skip' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -l quiet -d 'Print only errors (in `list`, -q is --search)'
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand ls" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand show" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -s q -l search -d 'Case-insensitive substring of name, email, phone or company' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l status -d 'Status (repeatable: any of)' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l tag -d 'Tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l source -d 'Source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l owner -d 'Owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l since -d 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l until -d 'Created before: a date (the whole day counts), an RFC 3339 time, or an age' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l sort -d 'Sort by created_at, updated_at, last_contacted_at, email, name or status (prefix - for descending) [default: the order leads arrived]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l limit -d 'At most N leads' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l columns -d 'Columns, comma-separated (see --help for the list)' -r -f -a "id\t''
created_at\t''
updated_at\t''
status\t''
first_name\t''
last_name\t''
email\t''
phone\t''
phone_raw\t''
company\t''
service\t''
message\t''
tags\t''
source\t''
utm_source\t''
utm_medium\t''
utm_campaign\t''
last_contacted_at\t''
owner\t''
request_id\t''
consent_email\t''
consent_email_at\t''
consent_sms\t''
consent_sms_at\t''
org\t''
erased_at\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -s o -l output -d 'Write to FILE (atomically) instead of stdout' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l raw -d 'Write every CSV cell exactly, without formula neutralisation'
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -l quiet -d 'Print only errors (in `export`, -q is --search)'
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand export" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l since -d 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 30d)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l until -d 'Leads created before WHEN (a bare date includes that day)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l source -d 'Leads from this source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l tag -d 'Leads with this tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l owner -d 'Leads of this owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l by -d 'Volume buckets [default: day up to 62 days, week up to a year, else month]' -r -f -a "day\t'Calendar days (UTC)'
week\t'Weeks starting on Monday'
month\t'Calendar months'"
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand stats" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l note -d 'A note kept with the status change' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l where-status -d 'Leads with this status (repeatable: any of)' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l where-tag -d 'Leads with this tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l search -d 'Leads whose name, email, phone or company contains TEXT' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l where-source -d 'Leads from this source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l where-owner -d 'Leads of this owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l since -d 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l until -d 'Leads created before WHEN' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l all -d 'Every lead of the organisation'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -s y -l yes -d 'Do not ask for confirmation (for scripts)'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -l dry-run -d 'Show what would change; change nothing'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand status" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l add -d 'Tags to add (comma-separated or repeated)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l remove -d 'Tags to remove (comma-separated or repeated)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l where-status -d 'Leads with this status (repeatable: any of)' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l where-tag -d 'Leads with this tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l search -d 'Leads whose name, email, phone or company contains TEXT' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l where-source -d 'Leads from this source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l where-owner -d 'Leads of this owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l since -d 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l until -d 'Leads created before WHEN' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l all -d 'Every lead of the organisation'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -s y -l yes -d 'Do not ask for confirmation (for scripts)'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -l dry-run -d 'Show what would change; change nothing'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand tag" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand tags" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -l edit -d 'Write the note in $EDITOR'
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand note" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l first-name -d 'First name' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l last-name -d 'Last name' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l name -d 'Full name (the last word becomes the last name)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l email -d 'Email address' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l phone -d 'Phone number (international, or national in --default-region)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l company -d 'Company' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l service -d 'Service the lead asked about' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l source -d 'Where the lead came from' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l default-region -d 'Region for a phone without a +country code [default: config default_region, US]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand edit" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l where-status -d 'Leads with this status (repeatable: any of)' -r -f -a "new\t''
waitlist\t''
invited\t''
converted\t''
lost\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l where-tag -d 'Leads with this tag (repeatable: all of)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l search -d 'Leads whose name, email, phone or company contains TEXT' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l where-source -d 'Leads from this source, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l where-owner -d 'Leads of this owner, exactly' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l since -d 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l until -d 'Leads created before WHEN' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l unassign -d 'Clear the owner of the named leads'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l all -d 'Every lead of the organisation'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -s y -l yes -d 'Do not ask for confirmation (for scripts)'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -l dry-run -d 'Show what would change; change nothing'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand assign" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l kind -d 'What kind of interaction' -r -f -a "call\t'A phone call'
email\t'An email'
sms\t'A text message'
meeting\t'A meeting'
other\t'Anything else'"
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l body -d 'What was said or done' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l at -d 'When it happened [default: now]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand log" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l kind -d 'Only events of this kind' -r -f -a "call\t'A phone call'
email\t'An email'
sms\t'A text message'
meeting\t'A meeting'
other\t'Anything else'"
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l limit -d 'At most N events' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand events" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -f -a "add" -d 'Add a task about a lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -f -a "list" -d 'List tasks: open ones first, by due date; overdue ones stand out'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -f -a "ls" -d 'List tasks: open ones first, by due date; overdue ones stand out'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -f -a "done" -d 'Mark a task done'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -f -a "reopen" -d 'Open a done task again'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and not __fish_seen_subcommand_from add list ls done reopen help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l due -d 'When it is due' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l owner -d 'Who does it [default: the lead\'s owner]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from add" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l due-before -d 'Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l owner -d 'Only tasks of this owner' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l lead -d 'Only tasks about this lead (id, prefix or email)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l limit -d 'At most N tasks' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l open -d 'Only tasks not done'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -l overdue -d 'Only open tasks past their due time'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l due-before -d 'Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l owner -d 'Only tasks of this owner' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l lead -d 'Only tasks about this lead (id, prefix or email)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l limit -d 'At most N tasks' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l open -d 'Only tasks not done'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -l overdue -d 'Only open tasks past their due time'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from ls" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from done" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from reopen" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "add" -d 'Add a task about a lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "list" -d 'List tasks: open ones first, by due date; overdue ones stand out'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "done" -d 'Mark a task done'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "reopen" -d 'Open a done task again'
complete -c leadctl -n "__fish_leadctl_using_subcommand task; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand timeline" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l lead -d 'Only entries about this lead (id, prefix or email)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l by -d 'Only entries by this actor (the global --actor does the same here)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l action -d 'Only this action (e.g. lead.status, ingest), or a family ending with a dot (lead.)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l since -d 'At or after WHEN (a date, an RFC 3339 time, or an age such as 7d)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l until -d 'Before WHEN' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l limit -d 'At most N entries' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand audit" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -s y -l yes -d 'Do not ask for confirmation'
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand forget" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "flush" -d 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "stats" -d 'Count outbox items per state and kind'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "list" -d 'List outbox items, filtered by state, kind or lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "show" -d 'Show one outbox item with all its attempts'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "preview" -d 'Print what an outbox item would send, without sending it'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "retry" -d 'Put dead (or waiting) items back to be delivered now'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "clear" -d 'Delete done or dead items, with their attempts'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and not __fish_seen_subcommand_from flush stats list show preview retry clear help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l concurrency -d 'Deliveries in flight at once [default: queue.concurrency, 8]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l limit -d 'Deliver at most N items' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l kind -d 'Only items of this kind (repeatable)' -r -f -a "forward\t'POST to forward.url'
welcome_email\t'Welcome email to the lead'
admin_alert\t'New-lead alert to admin_email'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -l dry-run -d 'List what is due without sending or changing anything'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from flush" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l state -d 'Only items in this state' -r -f -a "pending\t'Waiting for its first attempt'
retrying\t'Failed, waiting for another attempt'
done\t'Delivered'
dead\t'Failed for good'
cancelled\t'Cancelled (its lead was erased)'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l kind -d 'Only items of this kind' -r -f -a "forward\t'POST to forward.url'
welcome_email\t'Welcome email to the lead'
admin_alert\t'New-lead alert to admin_email'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l lead -d 'Only items of this lead (id, id prefix or email)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l limit -d 'At most N items' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from preview" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l kind -d 'With --dead: only dead items of this kind' -r -f -a "forward\t'POST to forward.url'
welcome_email\t'Welcome email to the lead'
admin_alert\t'New-lead alert to admin_email'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -l dead -d 'Every dead item of the organisation'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from retry" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l state -d 'Which items: done or dead' -r -f -a "done\t'Delivered items'
dead\t'Items that failed for good'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l older-than -d 'Only items last changed longer ago than this (7d, 12h, 2w)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -s y -l yes -d 'Do not ask for confirmation'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from clear" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "flush" -d 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Count outbox items per state and kind'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "list" -d 'List outbox items, filtered by state, kind or lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one outbox item with all its attempts'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "preview" -d 'Print what an outbox item would send, without sending it'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "retry" -d 'Put dead (or waiting) items back to be delivered now'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "clear" -d 'Delete done or dead items, with their attempts'
complete -c leadctl -n "__fish_leadctl_using_subcommand queue; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l listen -d 'Address to listen on (port 0 picks a free port, printed on start)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l cors-origin -d 'An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys\' origins)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l flush-every -d 'Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -l allow-no-auth -d 'Serve POST /inbound/leads without a token (only for a test on loopback)'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve-webhooks" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l listen -d 'Address to listen on (port 0 picks a free port, printed on start)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l cors-origin -d 'An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys\' origins)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l flush-every -d 'Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -l allow-no-auth -d 'Serve POST /inbound/leads without a token (only for a test on loopback)'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand serve" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "create" -d 'Create a token (or a browser form key) and print it (once) on stdout'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "list" -d 'List the organisation\'s tokens: name, created, last used, revoked'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "revoke" -d 'Revoke tokens by number or name; posts with them are refused (401) at once'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and not __fish_seen_subcommand_from create list revoke help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l name -d 'A name to recognise it by (default: token-N)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l origin -d 'An origin the form key may post from, e.g. https://site.example (repeatable)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -l form -d 'Make a form key for a page\'s script: it may only create leads, only from the --origin sites, and is rate limited more tightly'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from create" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from revoke" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a token (or a browser form key) and print it (once) on stdout'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the organisation\'s tokens: name, created, last used, revoked'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "revoke" -d 'Revoke tokens by number or name; posts with them are refused (401) at once'
complete -c leadctl -n "__fish_leadctl_using_subcommand token; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -f -a "list" -d 'List stored deliveries, newest first'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -f -a "show" -d 'Show one delivery: headers, body and what applying it did'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -f -a "replay" -d 'Apply stored deliveries again (nothing already applied is applied twice)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and not __fish_seen_subcommand_from list show replay help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l provider -d 'Only this provider\'s deliveries' -r -f -a "calendly\t''
zoom\t''
fireflies\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l since -d 'Only deliveries received since (7d, 12h, 2026-11-01 ...)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l limit -d 'At most N deliveries' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -l failed -d 'Only deliveries that could not be applied'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l since -d 'Every delivery received since (7d, 12h, 2026-11-01 ...)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l provider -d 'With --since: only this provider\'s deliveries' -r -f -a "calendly\t''
zoom\t''
fireflies\t''"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -l failed -d 'With --since: only deliveries that could not be applied'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from replay" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "list" -d 'List stored deliveries, newest first'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show one delivery: headers, body and what applying it did'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "replay" -d 'Apply stored deliveries again (nothing already applied is applied twice)'
complete -c leadctl -n "__fish_leadctl_using_subcommand webhooks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -f -a "show" -d 'Print every key, its value (secrets redacted) and where it came from'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -f -a "init" -d 'Write a commented example config file (never overwrites without --force)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and not __fish_seen_subcommand_from show init help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l path -d 'Where to write it [default: the --config path, else ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Overwrite an existing file'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print every key, its value (secrets redacted) and where it came from'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Write a commented example config file (never overwrites without --force)'
complete -c leadctl -n "__fish_leadctl_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "check" -d 'Check the database: SQLite\'s integrity and foreign keys, and leadctl\'s own invariants'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "backup" -d 'Copy the database to a file, consistently, while other leadctl processes keep working'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "restore" -d 'Replace the database with a backup (asks first; --yes for scripts)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "migrate" -d 'Bring the database\'s schema up to this version of leadctl'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "vacuum" -d 'Rebuild the file without free space (VACUUM) and empty the write-ahead log'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "stats" -d 'Sizes, schema version and row counts per table'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and not __fish_seen_subcommand_from check backup restore migrate vacuum stats help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -l search-index -d 'Also check the search index against the leads'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -s o -l output -d 'Where to write the copy (replaced atomically when it exists)' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from backup" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -s y -l yes -d 'Do not ask for confirmation'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from restore" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from migrate" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from vacuum" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from stats" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check the database: SQLite\'s integrity and foreign keys, and leadctl\'s own invariants'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "backup" -d 'Copy the database to a file, consistently, while other leadctl processes keep working'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "restore" -d 'Replace the database with a backup (asks first; --yes for scripts)'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "migrate" -d 'Bring the database\'s schema up to this version of leadctl'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "vacuum" -d 'Rebuild the file without free space (VACUUM) and empty the write-ahead log'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "stats" -d 'Sizes, schema version and row counts per table'
complete -c leadctl -n "__fish_leadctl_using_subcommand db; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l leads -d 'Also generate this many synthetic leads' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l seed -d 'Seed of the synthetic leads (the same seed gives the same leads)' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -l force-wipe -d 'Delete every demo lead of earlier runs, also those your own data refers to'
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand seed-demo" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l dir -d 'Write the script(s) into this folder instead of printing (created when missing)' -r -f -a "(__fish_complete_directories)"
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand completions" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l dir -d 'Write every page into this folder (created when missing) instead of printing one' -r -f -a "(__fish_complete_directories)"
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l db -d 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l config -d 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]' -r -F
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l org -d 'Organisation every query is scoped to [default: default]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l format -d 'Output format for commands that print data' -r -f -a "table\t'A table for people (the default on a terminal)'
json\t'One JSON document'
ndjson\t'One JSON object per line'
csv\t'CSV with a header row'"
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured by `auto`)' -r -f -a "auto\t'Colour when the stream is a terminal and NO_COLOR is unset'
always\t'Always colour'
never\t'Never colour'"
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l log-format -d 'Log line format on stderr' -r -f -a "text\t'Human-readable lines'
json\t'One JSON object per line'"
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -l actor -d 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]' -r
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -s q -l quiet -d 'Print only errors'
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -s v -l verbose -d 'More log output (-v info, -vv debug, -vvv trace)'
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c leadctl -n "__fish_leadctl_using_subcommand man" -s V -l version -d 'Print version'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "ingest" -d 'Add leads from flags, a file or stdin (NDJSON, JSON, CSV)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "list" -d 'List leads with filters, newest first'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "show" -d 'Show one lead in full'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "export" -d 'Export leads as CSV, NDJSON or JSON (streamed; atomic with --output)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "stats" -d 'Pipeline statistics: status, funnel, sources, volume, owners'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "status" -d 'Move leads to another status (by ids or in bulk)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "tag" -d 'Add and remove tags of leads (by ids or in bulk)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "tags" -d 'List tags with their lead counts'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "note" -d 'Add a note to a lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "edit" -d 'Change a lead\'s contact fields'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "assign" -d 'Set the owner of leads (by ids or in bulk)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "log" -d 'Record an interaction with a lead (call, email, sms, meeting)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "events" -d 'List a lead\'s message events, newest first'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "task" -d 'Follow-up tasks: add, list, done, reopen'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "timeline" -d 'Everything that happened to a lead, oldest first'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "audit" -d 'Read the append-only audit log'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "forget" -d 'Erase a lead\'s personal data (right to erasure)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "queue" -d 'The outbox: deliver (cron), inspect and retry forwards and emails'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "serve-webhooks" -d 'Run the HTTP listener for site forms and provider webhooks'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "token" -d 'Ingest tokens and browser form keys for the listener: create (shown once), list, revoke'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "webhooks" -d 'Provider webhook deliveries: list, show, replay'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "config" -d 'Show or create the configuration'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "db" -d 'The database file: check, backup, restore, migrate, vacuum, stats'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "seed-demo" -d 'Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "completions" -d 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "man" -d 'Write man pages for leadctl and every subcommand'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and not __fish_seen_subcommand_from ingest list show export stats status tag tags note edit assign log events task timeline audit forget queue serve-webhooks token webhooks config db seed-demo completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "add" -d 'Add a task about a lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "list" -d 'List tasks: open ones first, by due date; overdue ones stand out'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "done" -d 'Mark a task done'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from task" -f -a "reopen" -d 'Open a done task again'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "flush" -d 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "stats" -d 'Count outbox items per state and kind'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "list" -d 'List outbox items, filtered by state, kind or lead'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "show" -d 'Show one outbox item with all its attempts'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "preview" -d 'Print what an outbox item would send, without sending it'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "retry" -d 'Put dead (or waiting) items back to be delivered now'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from queue" -f -a "clear" -d 'Delete done or dead items, with their attempts'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "create" -d 'Create a token (or a browser form key) and print it (once) on stdout'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "list" -d 'List the organisation\'s tokens: name, created, last used, revoked'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from token" -f -a "revoke" -d 'Revoke tokens by number or name; posts with them are refused (401) at once'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "list" -d 'List stored deliveries, newest first'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "show" -d 'Show one delivery: headers, body and what applying it did'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from webhooks" -f -a "replay" -d 'Apply stored deliveries again (nothing already applied is applied twice)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Print every key, its value (secrets redacted) and where it came from'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Write a commented example config file (never overwrites without --force)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "check" -d 'Check the database: SQLite\'s integrity and foreign keys, and leadctl\'s own invariants'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "backup" -d 'Copy the database to a file, consistently, while other leadctl processes keep working'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "restore" -d 'Replace the database with a backup (asks first; --yes for scripts)'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "migrate" -d 'Bring the database\'s schema up to this version of leadctl'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "vacuum" -d 'Rebuild the file without free space (VACUUM) and empty the write-ahead log'
complete -c leadctl -n "__fish_leadctl_using_subcommand help; and __fish_seen_subcommand_from db" -f -a "stats" -d 'Sizes, schema version and row counts per table'
