
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'leadctl' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'leadctl'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'leadctl' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Add leads from flags, a file or stdin (NDJSON, JSON, CSV)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List leads with filters, newest first')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List leads with filters, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one lead in full')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export leads as CSV, NDJSON or JSON (streamed; atomic with --output)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Pipeline statistics: status, funnel, sources, volume, owners')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Move leads to another status (by ids or in bulk)')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Add and remove tags of leads (by ids or in bulk)')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List tags with their lead counts')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to a lead')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a lead''s contact fields')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Set the owner of leads (by ids or in bulk)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record an interaction with a lead (call, email, sms, meeting)')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List a lead''s message events, newest first')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Follow-up tasks: add, list, done, reopen')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Everything that happened to a lead, oldest first')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the append-only audit log')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Erase a lead''s personal data (right to erasure)')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The outbox: deliver (cron), inspect and retry forwards and emails')
            [CompletionResult]::new('serve-webhooks', 'serve-webhooks', [CompletionResultType]::ParameterValue, 'Run the HTTP listener for site forms and provider webhooks')
            [CompletionResult]::new('serve', 'serve', [CompletionResultType]::ParameterValue, 'Run the HTTP listener for site forms and provider webhooks')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Ingest tokens and browser form keys for the listener: create (shown once), list, revoke')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Provider webhook deliveries: list, show, replay')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or create the configuration')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The database file: check, backup, restore, migrate, vacuum, stats')
            [CompletionResult]::new('seed-demo', 'seed-demo', [CompletionResultType]::ParameterValue, 'Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for leadctl and every subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;ingest' {
            [CompletionResult]::new('-f', '-f', [CompletionResultType]::ParameterName, 'Read leads from a file; `-` reads stdin')
            [CompletionResult]::new('--file', '--file', [CompletionResultType]::ParameterName, 'Read leads from a file; `-` reads stdin')
            [CompletionResult]::new('--input-format', '--input-format', [CompletionResultType]::ParameterName, 'Input format [default: from the extension, else the content]')
            [CompletionResult]::new('--default-region', '--default-region', [CompletionResultType]::ParameterName, 'Region for phone numbers without a +country code [default: config default_region, US]')
            [CompletionResult]::new('--rejects', '--rejects', [CompletionResultType]::ParameterName, 'Write rejected records with their reasons to this file (CSV for CSV input, else NDJSON)')
            [CompletionResult]::new('--batch-size', '--batch-size', [CompletionResultType]::ParameterName, 'Leads per transaction in batched mode')
            [CompletionResult]::new('--load-mode', '--load-mode', [CompletionResultType]::ParameterName, 'batched: commit every --batch-size leads. bulk: one transaction, secondary indexes rebuilt at the end (fastest for big loads; other writers wait meanwhile). auto: bulk for files of 32 MiB or more that hold more leads than the database already has')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Full name (split into first and last name)')
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number (stored as E.164)')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Company')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Service the lead asked about')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'Message')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source (e.g. website, referral)')
            [CompletionResult]::new('--utm-source', '--utm-source', [CompletionResultType]::ParameterName, 'UTM source')
            [CompletionResult]::new('--utm-medium', '--utm-medium', [CompletionResultType]::ParameterName, 'UTM medium')
            [CompletionResult]::new('--utm-campaign', '--utm-campaign', [CompletionResultType]::ParameterName, 'UTM campaign')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable)')
            [CompletionResult]::new('--consent-email', '--consent-email', [CompletionResultType]::ParameterName, 'Email consent: granted or withdrawn')
            [CompletionResult]::new('--consent-sms', '--consent-sms', [CompletionResultType]::ParameterName, 'SMS consent: granted or withdrawn')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Initial status (new, waitlist, invited, converted, lost); a merge never changes it')
            [CompletionResult]::new('--request-id', '--request-id', [CompletionResultType]::ParameterName, 'Idempotency key: the same request id again is a no-op')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Read CSV cells exactly (for files written by `export --raw`): a leading apostrophe before = + - @ is kept instead of being taken as export''s formula neutralisation')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'All or nothing: any rejected record rolls back the whole input')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Report what would happen; write nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;list' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Case-insensitive substring of name, email, phone or company')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Case-insensitive substring of name, email, phone or company')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status (repeatable: any of)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable: all of)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source, exactly')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner, exactly')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Created before: a date (the whole day counts), an RFC 3339 time, or an age')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading - sorts descending')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many leads to show')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'How many leads to skip')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (in `list`, -q is --search)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;ls' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Case-insensitive substring of name, email, phone or company')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Case-insensitive substring of name, email, phone or company')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status (repeatable: any of)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable: all of)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source, exactly')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner, exactly')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Created before: a date (the whole day counts), an RFC 3339 time, or an age')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading - sorts descending')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'How many leads to show')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'How many leads to skip')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (in `list`, -q is --search)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;export' {
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Case-insensitive substring of name, email, phone or company')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Case-insensitive substring of name, email, phone or company')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Status (repeatable: any of)')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Tag (repeatable: all of)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Source, exactly')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Owner, exactly')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Created before: a date (the whole day counts), an RFC 3339 time, or an age')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Sort by created_at, updated_at, last_contacted_at, email, name or status (prefix - for descending) [default: the order leads arrived]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N leads')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'Columns, comma-separated (see --help for the list)')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Write to FILE (atomically) instead of stdout')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--raw', '--raw', [CompletionResultType]::ParameterName, 'Write every CSV cell exactly, without formula neutralisation')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors (in `export`, -q is --search)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;stats' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 30d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Leads created before WHEN (a bare date includes that day)')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Leads from this source, exactly')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Leads with this tag (repeatable: all of)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Leads of this owner, exactly')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Volume buckets [default: day up to 62 days, week up to a year, else month]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;status' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note kept with the status change')
            [CompletionResult]::new('--where-status', '--where-status', [CompletionResultType]::ParameterName, 'Leads with this status (repeatable: any of)')
            [CompletionResult]::new('--where-tag', '--where-tag', [CompletionResultType]::ParameterName, 'Leads with this tag (repeatable: all of)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Leads whose name, email, phone or company contains TEXT')
            [CompletionResult]::new('--where-source', '--where-source', [CompletionResultType]::ParameterName, 'Leads from this source, exactly')
            [CompletionResult]::new('--where-owner', '--where-owner', [CompletionResultType]::ParameterName, 'Leads of this owner, exactly')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Leads created before WHEN')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every lead of the organisation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (for scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (for scripts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;tag' {
            [CompletionResult]::new('--add', '--add', [CompletionResultType]::ParameterName, 'Tags to add (comma-separated or repeated)')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Tags to remove (comma-separated or repeated)')
            [CompletionResult]::new('--where-status', '--where-status', [CompletionResultType]::ParameterName, 'Leads with this status (repeatable: any of)')
            [CompletionResult]::new('--where-tag', '--where-tag', [CompletionResultType]::ParameterName, 'Leads with this tag (repeatable: all of)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Leads whose name, email, phone or company contains TEXT')
            [CompletionResult]::new('--where-source', '--where-source', [CompletionResultType]::ParameterName, 'Leads from this source, exactly')
            [CompletionResult]::new('--where-owner', '--where-owner', [CompletionResultType]::ParameterName, 'Leads of this owner, exactly')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Leads created before WHEN')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every lead of the organisation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (for scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (for scripts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;tags' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;note' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the note in $EDITOR')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;edit' {
            [CompletionResult]::new('--first-name', '--first-name', [CompletionResultType]::ParameterName, 'First name')
            [CompletionResult]::new('--last-name', '--last-name', [CompletionResultType]::ParameterName, 'Last name')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Full name (the last word becomes the last name)')
            [CompletionResult]::new('--email', '--email', [CompletionResultType]::ParameterName, 'Email address')
            [CompletionResult]::new('--phone', '--phone', [CompletionResultType]::ParameterName, 'Phone number (international, or national in --default-region)')
            [CompletionResult]::new('--company', '--company', [CompletionResultType]::ParameterName, 'Company')
            [CompletionResult]::new('--service', '--service', [CompletionResultType]::ParameterName, 'Service the lead asked about')
            [CompletionResult]::new('--source', '--source', [CompletionResultType]::ParameterName, 'Where the lead came from')
            [CompletionResult]::new('--default-region', '--default-region', [CompletionResultType]::ParameterName, 'Region for a phone without a +country code [default: config default_region, US]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;assign' {
            [CompletionResult]::new('--where-status', '--where-status', [CompletionResultType]::ParameterName, 'Leads with this status (repeatable: any of)')
            [CompletionResult]::new('--where-tag', '--where-tag', [CompletionResultType]::ParameterName, 'Leads with this tag (repeatable: all of)')
            [CompletionResult]::new('--search', '--search', [CompletionResultType]::ParameterName, 'Leads whose name, email, phone or company contains TEXT')
            [CompletionResult]::new('--where-source', '--where-source', [CompletionResultType]::ParameterName, 'Leads from this source, exactly')
            [CompletionResult]::new('--where-owner', '--where-owner', [CompletionResultType]::ParameterName, 'Leads of this owner, exactly')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Leads created before WHEN')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--unassign', '--unassign', [CompletionResultType]::ParameterName, 'Clear the owner of the named leads')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Every lead of the organisation')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (for scripts)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (for scripts)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would change; change nothing')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;log' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What kind of interaction')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'What was said or done')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it happened [default: now]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;events' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only events of this kind')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N events')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;task' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a task about a lead')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks: open ones first, by due date; overdue ones stand out')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List tasks: open ones first, by due date; overdue ones stand out')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done task again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;task;add' {
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who does it [default: the lead''s owner]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;task;list' {
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only tasks of this owner')
            [CompletionResult]::new('--lead', '--lead', [CompletionResultType]::ParameterName, 'Only tasks about this lead (id, prefix or email)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N tasks')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only tasks not done')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open tasks past their due time')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;task;ls' {
            [CompletionResult]::new('--due-before', '--due-before', [CompletionResultType]::ParameterName, 'Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Only tasks of this owner')
            [CompletionResult]::new('--lead', '--lead', [CompletionResultType]::ParameterName, 'Only tasks about this lead (id, prefix or email)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N tasks')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--open', '--open', [CompletionResultType]::ParameterName, 'Only tasks not done')
            [CompletionResult]::new('--overdue', '--overdue', [CompletionResultType]::ParameterName, 'Only open tasks past their due time')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;task;done' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;task;reopen' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;task;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a task about a lead')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks: open ones first, by due date; overdue ones stand out')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done task again')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;task;help;add' {
            break
        }
        'leadctl;task;help;list' {
            break
        }
        'leadctl;task;help;done' {
            break
        }
        'leadctl;task;help;reopen' {
            break
        }
        'leadctl;task;help;help' {
            break
        }
        'leadctl;timeline' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;audit' {
            [CompletionResult]::new('--lead', '--lead', [CompletionResultType]::ParameterName, 'Only entries about this lead (id, prefix or email)')
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Only entries by this actor (the global --actor does the same here)')
            [CompletionResult]::new('--action', '--action', [CompletionResultType]::ParameterName, 'Only this action (e.g. lead.status, ingest), or a family ending with a dot (lead.)')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'At or after WHEN (a date, an RFC 3339 time, or an age such as 7d)')
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Before WHEN')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N entries')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;forget' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count outbox items per state and kind')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List outbox items, filtered by state, kind or lead')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one outbox item with all its attempts')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Print what an outbox item would send, without sending it')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Put dead (or waiting) items back to be delivered now')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete done or dead items, with their attempts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;queue;flush' {
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once [default: queue.concurrency, 8]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Deliver at most N items')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only items of this kind (repeatable)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what is due without sending or changing anything')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;stats' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;list' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Only items in this state')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Only items of this kind')
            [CompletionResult]::new('--lead', '--lead', [CompletionResultType]::ParameterName, 'Only items of this lead (id, id prefix or email)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N items')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;preview' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;retry' {
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'With --dead: only dead items of this kind')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--dead', '--dead', [CompletionResultType]::ParameterName, 'Every dead item of the organisation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;clear' {
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Which items: done or dead')
            [CompletionResult]::new('--older-than', '--older-than', [CompletionResultType]::ParameterName, 'Only items last changed longer ago than this (7d, 12h, 2w)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;queue;help' {
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count outbox items per state and kind')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List outbox items, filtered by state, kind or lead')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one outbox item with all its attempts')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Print what an outbox item would send, without sending it')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Put dead (or waiting) items back to be delivered now')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete done or dead items, with their attempts')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;queue;help;flush' {
            break
        }
        'leadctl;queue;help;stats' {
            break
        }
        'leadctl;queue;help;list' {
            break
        }
        'leadctl;queue;help;show' {
            break
        }
        'leadctl;queue;help;preview' {
            break
        }
        'leadctl;queue;help;retry' {
            break
        }
        'leadctl;queue;help;clear' {
            break
        }
        'leadctl;queue;help;help' {
            break
        }
        'leadctl;serve-webhooks' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (port 0 picks a free port, printed on start)')
            [CompletionResult]::new('--cors-origin', '--cors-origin', [CompletionResultType]::ParameterName, 'An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys'' origins)')
            [CompletionResult]::new('--flush-every', '--flush-every', [CompletionResultType]::ParameterName, 'Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--allow-no-auth', '--allow-no-auth', [CompletionResultType]::ParameterName, 'Serve POST /inbound/leads without a token (only for a test on loopback)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;serve' {
            [CompletionResult]::new('--listen', '--listen', [CompletionResultType]::ParameterName, 'Address to listen on (port 0 picks a free port, printed on start)')
            [CompletionResult]::new('--cors-origin', '--cors-origin', [CompletionResultType]::ParameterName, 'An origin browsers may post leads from, e.g. https://site.example (repeatable; adds to serve.cors_origins and the form keys'' origins)')
            [CompletionResult]::new('--flush-every', '--flush-every', [CompletionResultType]::ParameterName, 'Deliver the outbox inside the server this often (e.g. 5m), beside any cron flush')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--allow-no-auth', '--allow-no-auth', [CompletionResultType]::ParameterName, 'Serve POST /inbound/leads without a token (only for a test on loopback)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;token' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token (or a browser form key) and print it (once) on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the organisation''s tokens: name, created, last used, revoked')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke tokens by number or name; posts with them are refused (401) at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;token;create' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'A name to recognise it by (default: token-N)')
            [CompletionResult]::new('--origin', '--origin', [CompletionResultType]::ParameterName, 'An origin the form key may post from, e.g. https://site.example (repeatable)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--form', '--form', [CompletionResultType]::ParameterName, 'Make a form key for a page''s script: it may only create leads, only from the --origin sites, and is rate limited more tightly')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;token;list' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;token;revoke' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;token;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token (or a browser form key) and print it (once) on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the organisation''s tokens: name, created, last used, revoked')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke tokens by number or name; posts with them are refused (401) at once')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;token;help;create' {
            break
        }
        'leadctl;token;help;list' {
            break
        }
        'leadctl;token;help;revoke' {
            break
        }
        'leadctl;token;help;help' {
            break
        }
        'leadctl;webhooks' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List stored deliveries, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one delivery: headers, body and what applying it did')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Apply stored deliveries again (nothing already applied is applied twice)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;webhooks;list' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'Only this provider''s deliveries')
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Only deliveries received since (7d, 12h, 2026-11-01 ...)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most N deliveries')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'Only deliveries that could not be applied')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;webhooks;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;webhooks;replay' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Every delivery received since (7d, 12h, 2026-11-01 ...)')
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'With --since: only this provider''s deliveries')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--failed', '--failed', [CompletionResultType]::ParameterName, 'With --since: only deliveries that could not be applied')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;webhooks;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List stored deliveries, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one delivery: headers, body and what applying it did')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Apply stored deliveries again (nothing already applied is applied twice)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;webhooks;help;list' {
            break
        }
        'leadctl;webhooks;help;show' {
            break
        }
        'leadctl;webhooks;help;replay' {
            break
        }
        'leadctl;webhooks;help;help' {
            break
        }
        'leadctl;config' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key, its value (secrets redacted) and where it came from')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented example config file (never overwrites without --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;config;show' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;config;init' {
            [CompletionResult]::new('--path', '--path', [CompletionResultType]::ParameterName, 'Where to write it [default: the --config path, else ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing file')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;config;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key, its value (secrets redacted) and where it came from')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented example config file (never overwrites without --force)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;config;help;show' {
            break
        }
        'leadctl;config;help;init' {
            break
        }
        'leadctl;config;help;help' {
            break
        }
        'leadctl;db' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the database: SQLite''s integrity and foreign keys, and leadctl''s own invariants')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database to a file, consistently, while other leadctl processes keep working')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the database with a backup (asks first; --yes for scripts)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the database''s schema up to this version of leadctl')
            [CompletionResult]::new('vacuum', 'vacuum', [CompletionResultType]::ParameterValue, 'Rebuild the file without free space (VACUUM) and empty the write-ahead log')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Sizes, schema version and row counts per table')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;db;check' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--search-index', '--search-index', [CompletionResultType]::ParameterName, 'Also check the search index against the leads')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;db;backup' {
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Where to write the copy (replaced atomically when it exists)')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Where to write the copy (replaced atomically when it exists)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;db;restore' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;db;migrate' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;db;vacuum' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;db;stats' {
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;db;help' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the database: SQLite''s integrity and foreign keys, and leadctl''s own invariants')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database to a file, consistently, while other leadctl processes keep working')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the database with a backup (asks first; --yes for scripts)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the database''s schema up to this version of leadctl')
            [CompletionResult]::new('vacuum', 'vacuum', [CompletionResultType]::ParameterValue, 'Rebuild the file without free space (VACUUM) and empty the write-ahead log')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Sizes, schema version and row counts per table')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;db;help;check' {
            break
        }
        'leadctl;db;help;backup' {
            break
        }
        'leadctl;db;help;restore' {
            break
        }
        'leadctl;db;help;migrate' {
            break
        }
        'leadctl;db;help;vacuum' {
            break
        }
        'leadctl;db;help;stats' {
            break
        }
        'leadctl;db;help;help' {
            break
        }
        'leadctl;seed-demo' {
            [CompletionResult]::new('--leads', '--leads', [CompletionResultType]::ParameterName, 'Also generate this many synthetic leads')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'Seed of the synthetic leads (the same seed gives the same leads)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('--force-wipe', '--force-wipe', [CompletionResultType]::ParameterName, 'Delete every demo lead of earlier runs, also those your own data refers to')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write the script(s) into this folder instead of printing (created when missing)')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;man' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Write every page into this folder (created when missing) instead of printing one')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'SQLite database file [default: ~/.local/share/leadctl/leadctl.db]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Configuration file (optional) [default: ~/.config/leadctl/config.toml]')
            [CompletionResult]::new('--org', '--org', [CompletionResultType]::ParameterName, 'Organisation every query is scoped to [default: default]')
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format for commands that print data')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured by `auto`)')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log line format on stderr')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only errors')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'More log output (-v info, -vv debug, -vvv trace)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'leadctl;help' {
            [CompletionResult]::new('ingest', 'ingest', [CompletionResultType]::ParameterValue, 'Add leads from flags, a file or stdin (NDJSON, JSON, CSV)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List leads with filters, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one lead in full')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export leads as CSV, NDJSON or JSON (streamed; atomic with --output)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Pipeline statistics: status, funnel, sources, volume, owners')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Move leads to another status (by ids or in bulk)')
            [CompletionResult]::new('tag', 'tag', [CompletionResultType]::ParameterValue, 'Add and remove tags of leads (by ids or in bulk)')
            [CompletionResult]::new('tags', 'tags', [CompletionResultType]::ParameterValue, 'List tags with their lead counts')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to a lead')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change a lead''s contact fields')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Set the owner of leads (by ids or in bulk)')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Record an interaction with a lead (call, email, sms, meeting)')
            [CompletionResult]::new('events', 'events', [CompletionResultType]::ParameterValue, 'List a lead''s message events, newest first')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'Follow-up tasks: add, list, done, reopen')
            [CompletionResult]::new('timeline', 'timeline', [CompletionResultType]::ParameterValue, 'Everything that happened to a lead, oldest first')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Read the append-only audit log')
            [CompletionResult]::new('forget', 'forget', [CompletionResultType]::ParameterValue, 'Erase a lead''s personal data (right to erasure)')
            [CompletionResult]::new('queue', 'queue', [CompletionResultType]::ParameterValue, 'The outbox: deliver (cron), inspect and retry forwards and emails')
            [CompletionResult]::new('serve-webhooks', 'serve-webhooks', [CompletionResultType]::ParameterValue, 'Run the HTTP listener for site forms and provider webhooks')
            [CompletionResult]::new('token', 'token', [CompletionResultType]::ParameterValue, 'Ingest tokens and browser form keys for the listener: create (shown once), list, revoke')
            [CompletionResult]::new('webhooks', 'webhooks', [CompletionResultType]::ParameterValue, 'Provider webhook deliveries: list, show, replay')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show or create the configuration')
            [CompletionResult]::new('db', 'db', [CompletionResultType]::ParameterValue, 'The database file: check, backup, restore, migrate, vacuum, stats')
            [CompletionResult]::new('seed-demo', 'seed-demo', [CompletionResultType]::ParameterValue, 'Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script (bash, zsh, fish, elvish, powershell)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Write man pages for leadctl and every subcommand')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'leadctl;help;ingest' {
            break
        }
        'leadctl;help;list' {
            break
        }
        'leadctl;help;show' {
            break
        }
        'leadctl;help;export' {
            break
        }
        'leadctl;help;stats' {
            break
        }
        'leadctl;help;status' {
            break
        }
        'leadctl;help;tag' {
            break
        }
        'leadctl;help;tags' {
            break
        }
        'leadctl;help;note' {
            break
        }
        'leadctl;help;edit' {
            break
        }
        'leadctl;help;assign' {
            break
        }
        'leadctl;help;log' {
            break
        }
        'leadctl;help;events' {
            break
        }
        'leadctl;help;task' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a task about a lead')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List tasks: open ones first, by due date; overdue ones stand out')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark a task done')
            [CompletionResult]::new('reopen', 'reopen', [CompletionResultType]::ParameterValue, 'Open a done task again')
            break
        }
        'leadctl;help;task;add' {
            break
        }
        'leadctl;help;task;list' {
            break
        }
        'leadctl;help;task;done' {
            break
        }
        'leadctl;help;task;reopen' {
            break
        }
        'leadctl;help;timeline' {
            break
        }
        'leadctl;help;audit' {
            break
        }
        'leadctl;help;forget' {
            break
        }
        'leadctl;help;queue' {
            [CompletionResult]::new('flush', 'flush', [CompletionResultType]::ParameterValue, 'Deliver the outbox items that are due: forwards over HTTP, emails over SMTP')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Count outbox items per state and kind')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List outbox items, filtered by state, kind or lead')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one outbox item with all its attempts')
            [CompletionResult]::new('preview', 'preview', [CompletionResultType]::ParameterValue, 'Print what an outbox item would send, without sending it')
            [CompletionResult]::new('retry', 'retry', [CompletionResultType]::ParameterValue, 'Put dead (or waiting) items back to be delivered now')
            [CompletionResult]::new('clear', 'clear', [CompletionResultType]::ParameterValue, 'Delete done or dead items, with their attempts')
            break
        }
        'leadctl;help;queue;flush' {
            break
        }
        'leadctl;help;queue;stats' {
            break
        }
        'leadctl;help;queue;list' {
            break
        }
        'leadctl;help;queue;show' {
            break
        }
        'leadctl;help;queue;preview' {
            break
        }
        'leadctl;help;queue;retry' {
            break
        }
        'leadctl;help;queue;clear' {
            break
        }
        'leadctl;help;serve-webhooks' {
            break
        }
        'leadctl;help;token' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a token (or a browser form key) and print it (once) on stdout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the organisation''s tokens: name, created, last used, revoked')
            [CompletionResult]::new('revoke', 'revoke', [CompletionResultType]::ParameterValue, 'Revoke tokens by number or name; posts with them are refused (401) at once')
            break
        }
        'leadctl;help;token;create' {
            break
        }
        'leadctl;help;token;list' {
            break
        }
        'leadctl;help;token;revoke' {
            break
        }
        'leadctl;help;webhooks' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List stored deliveries, newest first')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one delivery: headers, body and what applying it did')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Apply stored deliveries again (nothing already applied is applied twice)')
            break
        }
        'leadctl;help;webhooks;list' {
            break
        }
        'leadctl;help;webhooks;show' {
            break
        }
        'leadctl;help;webhooks;replay' {
            break
        }
        'leadctl;help;config' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print every key, its value (secrets redacted) and where it came from')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Write a commented example config file (never overwrites without --force)')
            break
        }
        'leadctl;help;config;show' {
            break
        }
        'leadctl;help;config;init' {
            break
        }
        'leadctl;help;db' {
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the database: SQLite''s integrity and foreign keys, and leadctl''s own invariants')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Copy the database to a file, consistently, while other leadctl processes keep working')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the database with a backup (asks first; --yes for scripts)')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Bring the database''s schema up to this version of leadctl')
            [CompletionResult]::new('vacuum', 'vacuum', [CompletionResultType]::ParameterValue, 'Rebuild the file without free space (VACUUM) and empty the write-ahead log')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Sizes, schema version and row counts per table')
            break
        }
        'leadctl;help;db;check' {
            break
        }
        'leadctl;help;db;backup' {
            break
        }
        'leadctl;help;db;restore' {
            break
        }
        'leadctl;help;db;migrate' {
            break
        }
        'leadctl;help;db;vacuum' {
            break
        }
        'leadctl;help;db;stats' {
            break
        }
        'leadctl;help;seed-demo' {
            break
        }
        'leadctl;help;completions' {
            break
        }
        'leadctl;help;man' {
            break
        }
        'leadctl;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
