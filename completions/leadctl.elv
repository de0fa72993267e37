
use builtin;
use str;

set edit:completion:arg-completer[leadctl] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'leadctl'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'leadctl'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand ingest 'Add leads from flags, a file or stdin (NDJSON, JSON, CSV)'
            cand list 'List leads with filters, newest first'
            cand ls 'List leads with filters, newest first'
            cand show 'Show one lead in full'
            cand export 'Export leads as CSV, NDJSON or JSON (streamed; atomic with --output)'
            cand stats 'Pipeline statistics: status, funnel, sources, volume, owners'
            cand status 'Move leads to another status (by ids or in bulk)'
            cand tag 'Add and remove tags of leads (by ids or in bulk)'
            cand tags 'List tags with their lead counts'
            cand note 'Add a note to a lead'
            cand edit 'Change a lead''s contact fields'
            cand assign 'Set the owner of leads (by ids or in bulk)'
            cand log 'Record an interaction with a lead (call, email, sms, meeting)'
            cand events 'List a lead''s message events, newest first'
            cand task 'Follow-up tasks: add, list, done, reopen'
            cand timeline 'Everything that happened to a lead, oldest first'
            cand audit 'Read the append-only audit log'
            cand forget 'Erase a lead''s personal data (right to erasure)'
            cand queue 'The outbox: deliver (cron), inspect and retry forwards and emails'
            cand serve-webhooks 'Run the HTTP listener for site forms and provider webhooks'
            cand serve 'Run the HTTP listener for site forms and provider webhooks'
            cand token 'Ingest tokens and browser form keys for the listener: create (shown once), list, revoke'
            cand webhooks 'Provider webhook deliveries: list, show, replay'
            cand config 'Show or create the configuration'
            cand db 'The database file: check, backup, restore, migrate, vacuum, stats'
            cand seed-demo 'Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Write man pages for leadctl and every subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;ingest'= {
            cand -f 'Read leads from a file; `-` reads stdin'
            cand --file 'Read leads from a file; `-` reads stdin'
            cand --input-format 'Input format [default: from the extension, else the content]'
            cand --default-region 'Region for phone numbers without a +country code [default: config default_region, US]'
            cand --rejects 'Write rejected records with their reasons to this file (CSV for CSV input, else NDJSON)'
            cand --batch-size 'Leads per transaction in batched mode'
            cand --load-mode 'batched: commit every --batch-size leads. bulk: one transaction, secondary indexes rebuilt at the end (fastest for big loads; other writers wait meanwhile). auto: bulk for files of 32 MiB or more that hold more leads than the database already has'
            cand --email 'Email address'
            cand --name 'Full name (split into first and last name)'
            cand --first-name 'First name'
            cand --last-name 'Last name'
            cand --phone 'Phone number (stored as E.164)'
            cand --company 'Company'
            cand --service 'Service the lead asked about'
            cand --message 'Message'
            cand --source 'Source (e.g. website, referral)'
            cand --utm-source 'UTM source'
            cand --utm-medium 'UTM medium'
            cand --utm-campaign 'UTM campaign'
            cand --tag 'Tag (repeatable)'
            cand --consent-email 'Email consent: granted or withdrawn'
            cand --consent-sms 'SMS consent: granted or withdrawn'
            cand --status 'Initial status (new, waitlist, invited, converted, lost); a merge never changes it'
            cand --request-id 'Idempotency key: the same request id again is a no-op'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --raw 'Read CSV cells exactly (for files written by `export --raw`): a leading apostrophe before = + - @ is kept instead of being taken as export''s formula neutralisation'
            cand --strict 'All or nothing: any rejected record rolls back the whole input'
            cand --dry-run 'Report what would happen; write nothing'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;list'= {
            cand -q 'Case-insensitive substring of name, email, phone or company'
            cand --search 'Case-insensitive substring of name, email, phone or company'
            cand --status 'Status (repeatable: any of)'
            cand --tag 'Tag (repeatable: all of)'
            cand --source 'Source, exactly'
            cand --owner 'Owner, exactly'
            cand --since 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h'
            cand --until 'Created before: a date (the whole day counts), an RFC 3339 time, or an age'
            cand --sort 'Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading - sorts descending'
            cand --limit 'How many leads to show'
            cand --offset 'How many leads to skip'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --quiet 'Print only errors (in `list`, -q is --search)'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;ls'= {
            cand -q 'Case-insensitive substring of name, email, phone or company'
            cand --search 'Case-insensitive substring of name, email, phone or company'
            cand --status 'Status (repeatable: any of)'
            cand --tag 'Tag (repeatable: all of)'
            cand --source 'Source, exactly'
            cand --owner 'Owner, exactly'
            cand --since 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h'
            cand --until 'Created before: a date (the whole day counts), an RFC 3339 time, or an age'
            cand --sort 'Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading - sorts descending'
            cand --limit 'How many leads to show'
            cand --offset 'How many leads to skip'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --quiet 'Print only errors (in `list`, -q is --search)'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;show'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;export'= {
            cand -q 'Case-insensitive substring of name, email, phone or company'
            cand --search 'Case-insensitive substring of name, email, phone or company'
            cand --status 'Status (repeatable: any of)'
            cand --tag 'Tag (repeatable: all of)'
            cand --source 'Source, exactly'
            cand --owner 'Owner, exactly'
            cand --since 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h'
            cand --until 'Created before: a date (the whole day counts), an RFC 3339 time, or an age'
            cand --sort 'Sort by created_at, updated_at, last_contacted_at, email, name or status (prefix - for descending) [default: the order leads arrived]'
            cand --limit 'At most N leads'
            cand --columns 'Columns, comma-separated (see --help for the list)'
            cand -o 'Write to FILE (atomically) instead of stdout'
            cand --output 'Write to FILE (atomically) instead of stdout'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --raw 'Write every CSV cell exactly, without formula neutralisation'
            cand --quiet 'Print only errors (in `export`, -q is --search)'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;stats'= {
            cand --since 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 30d)'
            cand --until 'Leads created before WHEN (a bare date includes that day)'
            cand --source 'Leads from this source, exactly'
            cand --tag 'Leads with this tag (repeatable: all of)'
            cand --owner 'Leads of this owner, exactly'
            cand --by 'Volume buckets [default: day up to 62 days, week up to a year, else month]'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;status'= {
            cand --note 'A note kept with the status change'
            cand --where-status 'Leads with this status (repeatable: any of)'
            cand --where-tag 'Leads with this tag (repeatable: all of)'
            cand --search 'Leads whose name, email, phone or company contains TEXT'
            cand --where-source 'Leads from this source, exactly'
            cand --where-owner 'Leads of this owner, exactly'
            cand --since 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)'
            cand --until 'Leads created before WHEN'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --all 'Every lead of the organisation'
            cand -y 'Do not ask for confirmation (for scripts)'
            cand --yes 'Do not ask for confirmation (for scripts)'
            cand --dry-run 'Show what would change; change nothing'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;tag'= {
            cand --add 'Tags to add (comma-separated or repeated)'
            cand --remove 'Tags to remove (comma-separated or repeated)'
            cand --where-status 'Leads with this status (repeatable: any of)'
            cand --where-tag 'Leads with this tag (repeatable: all of)'
            cand --search 'Leads whose name, email, phone or company contains TEXT'
            cand --where-source 'Leads from this source, exactly'
            cand --where-owner 'Leads of this owner, exactly'
            cand --since 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)'
            cand --until 'Leads created before WHEN'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --all 'Every lead of the organisation'
            cand -y 'Do not ask for confirmation (for scripts)'
            cand --yes 'Do not ask for confirmation (for scripts)'
            cand --dry-run 'Show what would change; change nothing'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;tags'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;note'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --edit 'Write the note in $EDITOR'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;edit'= {
            cand --first-name 'First name'
            cand --last-name 'Last name'
            cand --name 'Full name (the last word becomes the last name)'
            cand --email 'Email address'
            cand --phone 'Phone number (international, or national in --default-region)'
            cand --company 'Company'
            cand --service 'Service the lead asked about'
            cand --source 'Where the lead came from'
            cand --default-region 'Region for a phone without a +country code [default: config default_region, US]'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;assign'= {
            cand --where-status 'Leads with this status (repeatable: any of)'
            cand --where-tag 'Leads with this tag (repeatable: all of)'
            cand --search 'Leads whose name, email, phone or company contains TEXT'
            cand --where-source 'Leads from this source, exactly'
            cand --where-owner 'Leads of this owner, exactly'
            cand --since 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)'
            cand --until 'Leads created before WHEN'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --unassign 'Clear the owner of the named leads'
            cand --all 'Every lead of the organisation'
            cand -y 'Do not ask for confirmation (for scripts)'
            cand --yes 'Do not ask for confirmation (for scripts)'
            cand --dry-run 'Show what would change; change nothing'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;log'= {
            cand --kind 'What kind of interaction'
            cand --body 'What was said or done'
            cand --at 'When it happened [default: now]'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;events'= {
            cand --kind 'Only events of this kind'
            cand --limit 'At most N events'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;task'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a task about a lead'
            cand list 'List tasks: open ones first, by due date; overdue ones stand out'
            cand ls 'List tasks: open ones first, by due date; overdue ones stand out'
            cand done 'Mark a task done'
            cand reopen 'Open a done task again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;task;add'= {
            cand --due 'When it is due'
            cand --owner 'Who does it [default: the lead''s owner]'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;task;list'= {
            cand --due-before 'Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)'
            cand --owner 'Only tasks of this owner'
            cand --lead 'Only tasks about this lead (id, prefix or email)'
            cand --limit 'At most N tasks'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --open 'Only tasks not done'
            cand --overdue 'Only open tasks past their due time'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;task;ls'= {
            cand --due-before 'Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)'
            cand --owner 'Only tasks of this owner'
            cand --lead 'Only tasks about this lead (id, prefix or email)'
            cand --limit 'At most N tasks'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --open 'Only tasks not done'
            cand --overdue 'Only open tasks past their due time'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;task;done'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;task;reopen'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;task;help'= {
            cand add 'Add a task about a lead'
            cand list 'List tasks: open ones first, by due date; overdue ones stand out'
            cand done 'Mark a task done'
            cand reopen 'Open a done task again'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;task;help;add'= {
        }
        &'leadctl;task;help;list'= {
        }
        &'leadctl;task;help;done'= {
        }
        &'leadctl;task;help;reopen'= {
        }
        &'leadctl;task;help;help'= {
        }
        &'leadctl;timeline'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;audit'= {
            cand --lead 'Only entries about this lead (id, prefix or email)'
            cand --by 'Only entries by this actor (the global --actor does the same here)'
            cand --action 'Only this action (e.g. lead.status, ingest), or a family ending with a dot (lead.)'
            cand --since 'At or after WHEN (a date, an RFC 3339 time, or an age such as 7d)'
            cand --until 'Before WHEN'
            cand --limit 'At most N entries'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;forget'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand flush 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP'
            cand stats 'Count outbox items per state and kind'
            cand list 'List outbox items, filtered by state, kind or lead'
            cand show 'Show one outbox item with all its attempts'
            cand preview 'Print what an outbox item would send, without sending it'
            cand retry 'Put dead (or waiting) items back to be delivered now'
            cand clear 'Delete done or dead items, with their attempts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;queue;flush'= {
            cand --concurrency 'Deliveries in flight at once [default: queue.concurrency, 8]'
            cand --limit 'Deliver at most N items'
            cand --kind 'Only items of this kind (repeatable)'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --dry-run 'List what is due without sending or changing anything'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;stats'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;list'= {
            cand --state 'Only items in this state'
            cand --kind 'Only items of this kind'
            cand --lead 'Only items of this lead (id, id prefix or email)'
            cand --limit 'At most N items'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;show'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;preview'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;retry'= {
            cand --kind 'With --dead: only dead items of this kind'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --dead 'Every dead item of the organisation'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;clear'= {
            cand --state 'Which items: done or dead'
            cand --older-than 'Only items last changed longer ago than this (7d, 12h, 2w)'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;queue;help'= {
            cand flush 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP'
            cand stats 'Count outbox items per state and kind'
            cand list 'List outbox items, filtered by state, kind or lead'
            cand show 'Show one outbox item with all its attempts'
            cand preview 'Print what an outbox item would send, without sending it'
            cand retry 'Put dead (or waiting) items back to be delivered now'
            cand clear 'Delete done or dead items, with their attempts'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;queue;help;flush'= {
        }
        &'leadctl;queue;help;stats'= {
        }
        &'leadctl;queue;help;list'= {
        }
        &'leadctl;queue;help;show'= {
        }
        &'leadctl;queue;help;preview'= {
        }
        &'leadctl;queue;help;retry'= {
        }
        &'leadctl;queue;help;clear'= {
        }
        &'leadctl;queue;help;help'= {
        }
        &'leadctl;serve-webhooks'= {
            cand --listen 'Address to listen on (port 0 picks a free port, printed on start)'
            cand --cors-origin 'An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys'' origins)'
            cand --flush-every 'Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --allow-no-auth 'Serve POST /inbound/leads without a token (only for a test on loopback)'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;serve'= {
            cand --listen 'Address to listen on (port 0 picks a free port, printed on start)'
            cand --cors-origin 'An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys'' origins)'
            cand --flush-every 'Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --allow-no-auth 'Serve POST /inbound/leads without a token (only for a test on loopback)'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;token'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand create 'Create a token (or a browser form key) and print it (once) on stdout'
            cand list 'List the organisation''s tokens: name, created, last used, revoked'
            cand revoke 'Revoke tokens by number or name; posts with them are refused (401) at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;token;create'= {
            cand --name 'A name to recognise it by (default: token-N)'
            cand --origin 'An origin the form key may post from, e.g. https://site.example (repeatable)'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --form 'Make a form key for a page''s script: it may only create leads, only from the --origin sites, and is rate limited more tightly'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;token;list'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;token;revoke'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;token;help'= {
            cand create 'Create a token (or a browser form key) and print it (once) on stdout'
            cand list 'List the organisation''s tokens: name, created, last used, revoked'
            cand revoke 'Revoke tokens by number or name; posts with them are refused (401) at once'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;token;help;create'= {
        }
        &'leadctl;token;help;list'= {
        }
        &'leadctl;token;help;revoke'= {
        }
        &'leadctl;token;help;help'= {
        }
        &'leadctl;webhooks'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List stored deliveries, newest first'
            cand show 'Show one delivery: headers, body and what applying it did'
            cand replay 'Apply stored deliveries again (nothing already applied is applied twice)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;webhooks;list'= {
            cand --provider 'Only this provider''s deliveries'
            cand --since 'Only deliveries received since (7d, 12h, 2026-11-01 ...)'
            cand --limit 'At most N deliveries'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --failed 'Only deliveries that could not be applied'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;webhooks;show'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;webhooks;replay'= {
            cand --since 'Every delivery received since (7d, 12h, 2026-11-01 ...)'
            cand --provider 'With --since: only this provider''s deliveries'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --failed 'With --since: only deliveries that could not be applied'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;webhooks;help'= {
            cand list 'List stored deliveries, newest first'
            cand show 'Show one delivery: headers, body and what applying it did'
            cand replay 'Apply stored deliveries again (nothing already applied is applied twice)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;webhooks;help;list'= {
        }
        &'leadctl;webhooks;help;show'= {
        }
        &'leadctl;webhooks;help;replay'= {
        }
        &'leadctl;webhooks;help;help'= {
        }
        &'leadctl;config'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print every key, its value (secrets redacted) and where it came from'
            cand init 'Write a commented example config file (never overwrites without --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;config;show'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;config;init'= {
            cand --path 'Where to write it [default: the --config path, else ~/.config/leadctl/config.toml]'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --force 'Overwrite an existing file'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;config;help'= {
            cand show 'Print every key, its value (secrets redacted) and where it came from'
            cand init 'Write a commented example config file (never overwrites without --force)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;config;help;show'= {
        }
        &'leadctl;config;help;init'= {
        }
        &'leadctl;config;help;help'= {
        }
        &'leadctl;db'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand check 'Check the database: SQLite''s integrity and foreign keys, and leadctl''s own invariants'
            cand backup 'Copy the database to a file, consistently, while other leadctl processes keep working'
            cand restore 'Replace the database with a backup (asks first; --yes for scripts)'
            cand migrate 'Bring the database''s schema up to this version of leadctl'
            cand vacuum 'Rebuild the file without free space (VACUUM) and empty the write-ahead log'
            cand stats 'Sizes, schema version and row counts per table'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;db;check'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --search-index 'Also check the search index against the leads'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;db;backup'= {
            cand -o 'Where to write the copy (replaced atomically when it exists)'
            cand --output 'Where to write the copy (replaced atomically when it exists)'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;db;restore'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -y 'Do not ask for confirmation'
            cand --yes 'Do not ask for confirmation'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;db;migrate'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;db;vacuum'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;db;stats'= {
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;db;help'= {
            cand check 'Check the database: SQLite''s integrity and foreign keys, and leadctl''s own invariants'
            cand backup 'Copy the database to a file, consistently, while other leadctl processes keep working'
            cand restore 'Replace the database with a backup (asks first; --yes for scripts)'
            cand migrate 'Bring the database''s schema up to this version of leadctl'
            cand vacuum 'Rebuild the file without free space (VACUUM) and empty the write-ahead log'
            cand stats 'Sizes, schema version and row counts per table'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;db;help;check'= {
        }
        &'leadctl;db;help;backup'= {
        }
        &'leadctl;db;help;restore'= {
        }
        &'leadctl;db;help;migrate'= {
        }
        &'leadctl;db;help;vacuum'= {
        }
        &'leadctl;db;help;stats'= {
        }
        &'leadctl;db;help;help'= {
        }
        &'leadctl;seed-demo'= {
            cand --leads 'Also generate this many synthetic leads'
            cand --seed 'Seed of the synthetic leads (the same seed gives the same leads)'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand --force-wipe 'Delete every demo lead of earlier runs, also those your own data refers to'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;completions'= {
            cand --dir 'Write the script(s) into this folder instead of printing (created when missing)'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;man'= {
            cand --dir 'Write every page into this folder (created when missing) instead of printing one'
            cand --db 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]'
            cand --config 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]'
            cand --org 'Organisation every query is scoped to [default: default]'
            cand --format 'Output format for commands that print data'
            cand --color 'When to use colour (NO_COLOR is honoured by `auto`)'
            cand --log-format 'Log line format on stderr'
            cand --actor 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]'
            cand -q 'Print only errors'
            cand --quiet 'Print only errors'
            cand -v 'More log output (-v info, -vv debug, -vvv trace)'
            cand --verbose 'More log output (-v info, -vv debug, -vvv trace)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'leadctl;help'= {
            cand ingest 'Add leads from flags, a file or stdin (NDJSON, JSON, CSV)'
            cand list 'List leads with filters, newest first'
            cand show 'Show one lead in full'
            cand export 'Export leads as CSV, NDJSON or JSON (streamed; atomic with --output)'
            cand stats 'Pipeline statistics: status, funnel, sources, volume, owners'
            cand status 'Move leads to another status (by ids or in bulk)'
            cand tag 'Add and remove tags of leads (by ids or in bulk)'
            cand tags 'List tags with their lead counts'
            cand note 'Add a note to a lead'
            cand edit 'Change a lead''s contact fields'
            cand assign 'Set the owner of leads (by ids or in bulk)'
            cand log 'Record an interaction with a lead (call, email, sms, meeting)'
            cand events 'List a lead''s message events, newest first'
            cand task 'Follow-up tasks: add, list, done, reopen'
            cand timeline 'Everything that happened to a lead, oldest first'
            cand audit 'Read the append-only audit log'
            cand forget 'Erase a lead''s personal data (right to erasure)'
            cand queue 'The outbox: deliver (cron), inspect and retry forwards and emails'
            cand serve-webhooks 'Run the HTTP listener for site forms and provider webhooks'
            cand token 'Ingest tokens and browser form keys for the listener: create (shown once), list, revoke'
            cand webhooks 'Provider webhook deliveries: list, show, replay'
            cand config 'Show or create the configuration'
            cand db 'The database file: check, backup, restore, migrate, vacuum, stats'
            cand seed-demo 'Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)'
            cand completions 'Print a shell completion script (bash, zsh, fish, elvish, powershell)'
            cand man 'Write man pages for leadctl and every subcommand'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'leadctl;help;ingest'= {
        }
        &'leadctl;help;list'= {
        }
        &'leadctl;help;show'= {
        }
        &'leadctl;help;export'= {
        }
        &'leadctl;help;stats'= {
        }
        &'leadctl;help;status'= {
        }
        &'leadctl;help;tag'= {
        }
        &'leadctl;help;tags'= {
        }
        &'leadctl;help;note'= {
        }
        &'leadctl;help;edit'= {
        }
        &'leadctl;help;assign'= {
        }
        &'leadctl;help;log'= {
        }
        &'leadctl;help;events'= {
        }
        &'leadctl;help;task'= {
            cand add 'Add a task about a lead'
            cand list 'List tasks: open ones first, by due date; overdue ones stand out'
            cand done 'Mark a task done'
            cand reopen 'Open a done task again'
        }
        &'leadctl;help;task;add'= {
        }
        &'leadctl;help;task;list'= {
        }
        &'leadctl;help;task;done'= {
        }
        &'leadctl;help;task;reopen'= {
        }
        &'leadctl;help;timeline'= {
        }
        &'leadctl;help;audit'= {
        }
        &'leadctl;help;forget'= {
        }
        &'leadctl;help;queue'= {
            cand flush 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP'
            cand stats 'Count outbox items per state and kind'
            cand list 'List outbox items, filtered by state, kind or lead'
            cand show 'Show one outbox item with all its attempts'
            cand preview 'Print what an outbox item would send, without sending it'
            cand retry 'Put dead (or waiting) items back to be delivered now'
            cand clear 'Delete done or dead items, with their attempts'
        }
        &'leadctl;help;queue;flush'= {
        }
        &'leadctl;help;queue;stats'= {
        }
        &'leadctl;help;queue;list'= {
        }
        &'leadctl;help;queue;show'= {
        }
        &'leadctl;help;queue;preview'= {
        }
        &'leadctl;help;queue;retry'= {
        }
        &'leadctl;help;queue;clear'= {
        }
        &'leadctl;help;serve-webhooks'= {
        }
        &'leadctl;help;token'= {
            cand create 'Create a token (or a browser form key) and print it (once) on stdout'
            cand list 'List the organisation''s tokens: name, created, last used, revoked'
            cand revoke 'Revoke tokens by number or name; posts with them are refused (401) at once'
        }
        &'leadctl;help;token;create'= {
        }
        &'leadctl;help;token;list'= {
        }
        &'leadctl;help;token;revoke'= {
        }
        &'leadctl;help;webhooks'= {
            cand list 'List stored deliveries, newest first'
            cand show 'Show one delivery: headers, body and what applying it did'
            cand replay 'Apply stored deliveries again (nothing already applied is applied twice)'
        }
        &'leadctl;help;webhooks;list'= {
        }
        &'leadctl;help;webhooks;show'= {
        }
        &'leadctl;help;webhooks;replay'= {
        }
        &'leadctl;help;config'= {
            cand show 'Print every key, its value (secrets redacted) and where it came from'
            cand init 'Write a commented example config file (never overwrites without --force)'
        }
        &'leadctl;help;config;show'= {
        }
        &'leadctl;help;config;init'= {
        }
        &'leadctl;help;db'= {
            cand check 'Check the database: SQLite''s integrity and foreign keys, and leadctl''s own invariants'
            cand backup 'Copy the database to a file, consistently, while other leadctl processes keep working'
            cand restore 'Replace the database with a backup (asks first; --yes for scripts)'
            cand migrate 'Bring the database''s schema up to this version of leadctl'
            cand vacuum 'Rebuild the file without free space (VACUUM) and empty the write-ahead log'
            cand stats 'Sizes, schema version and row counts per table'
        }
        &'leadctl;help;db;check'= {
        }
        &'leadctl;help;db;backup'= {
        }
        &'leadctl;help;db;restore'= {
        }
        &'leadctl;help;db;migrate'= {
        }
        &'leadctl;help;db;vacuum'= {
        }
        &'leadctl;help;db;stats'= {
        }
        &'leadctl;help;seed-demo'= {
        }
        &'leadctl;help;completions'= {
        }
        &'leadctl;help;man'= {
        }
        &'leadctl;help;help'= {
        }
    ]
    $completions[$command]
}
