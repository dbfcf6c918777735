export const helpText = `Usage: newslint [options] [path | glob ...]
       newslint audit <inputs...> --out DIR [options]    (newslint audit --help)

Lint news copy (.txt, .md, .html) for truncated sentences, inconsistent
dates, unattributed claims and missing or inconsistent figures.
With no paths, newslint reads an article from stdin.

Options:
  -r, --reporter <name>     text (default), json, sarif or github
      --date <YYYY-MM-DD>   publication date, overriding the article's metadata
  -c, --config <path>       use this configuration file (no search)
      --no-config           ignore configuration files; use the recommended preset
      --rule <id=level>     set a rule's level (off, info, warn, error); repeatable
      --stdin-filename <p>  path to report (and to pick the format) for stdin
      --ignore-path <path>  use this ignore file instead of .newslintignore
      --no-ignore           do not read ignore files
      --max-size <size>     size limit for one article (default 5MB; e.g. 200kB)
  -q, --quiet               show only warnings and errors, and only files with them
  -s, --silent              show only errors
  -f, --frail               exit 1 on warnings too, not only on errors
      --list-rules          list the rules with their category and level
      --color / --no-color  force colour on or off in the text report
  -v, --version             print the version
  -h, --help                print this help

Configuration: the nearest .newslintrc, .newslintrc.json, .newslintrc.yml,
.newslintrc.yaml or package.json "newslint" field above each article:
  {"preset": "recommended", "rules": {"unattributed-claim": "error",
   "truncated-sentence": ["warn", {"complementNouns": ["pledge"]}]}}

Control comments (Markdown and HTML):
  <!-- newslint-disable inconsistent-date -->  ...  <!-- newslint-enable inconsistent-date -->
  <!-- newslint-ignore unattributed-claim -->   (the next block only)

Exit codes:
  0  nothing at the failing level (errors; warnings too with --frail)
  1  findings at the failing level
  2  usage error, configuration error, unreadable input or internal error
`
