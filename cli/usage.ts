// Short usage texts, for `cmm --help` and `cmm <command> --help`.

const main = `usage: cmm <command> [options]

An executable specification of CPython's memory management: the model's predictions checked
against real CPython.

commands:
  check    generate programs, compare the model with CPython, shrink any divergence
  diff     generate programs, compare two CPythons (or two versions' models), shrink each kind of difference
  replay   run a saved divergence (.cmm/failures/FILE) again, next to the model's prediction
  promote  make a saved divergence a case under cases/, recorded on every interpreter present
  explain  the model's trace of a program: the heap after each statement and the rules that decided
  predict  the model's predictions for program files
  run      what CPython observes for program files
  cases    every YAML case against the model and CPython; --record rewrites their expectations
  corpus   the model against recorded CPython observations of generated programs; --record records
  oracles  the interpreters cmm can run on, and the ones it did not find
  rules    every rule of the model: what CPython does, on which versions, and where it says so

Run 'cmm <command> --help' for a command's options.
`;

const ORACLE = `  --oracle NAME  the interpreter (default python3): a name from 'cmm oracles' (3.12.1,
                 wasm-3.14), a version (3.12), python3 or a path, or native, embedded or all;
                 may be given several times
  --python PATH  the same as --oracle PATH`;

const check = `usage: cmm check [--oracle NAME]... [--runs N] [--time T] [--seed S [--path P]] [--mode M]
                 [--shard I/N] [--jobs J] [--python-version X.Y] [--max-groups G] [--only GROUP]
                 [--coverage] [--format text|markdown|json] [--json] [--markdown] [--timings]

Runs the conformance campaign: generated programs (2000 by default) on the interpreter, each
compared with the model's prediction for that interpreter's version and pointer width. Programs
run in batches on a pool of interpreters. Every divergence is grouped by its kind (a count, a
delta, an identity, an exception, ...) and the model's rules that predicted it; each group is
shrunk on its own, then the campaign runs again with the same seed and the groups found left out,
until no new group turns up. A failure that does not fail again when replayed is reported apart,
as flaky. Each group is saved under .cmm/failures/ (cmm replay FILE, cmm promote FILE) and printed
with the command that replays it (--seed S --path P --only GROUP).
${ORACLE}
  --runs N    at most N programs (with --time: whichever ends first)
  --time T    run until a time budget: 90s, 5m, 1h (the whole command's, groups and interpreters included)
  --mode M    only module, function or repl programs (default: all three)
  --shard I/N this job is shard I of N (CI matrices): it runs its share of --runs with a seed of its
              own derived from --seed (give every job the same --seed) and prints that seed
  --jobs J    programs run at the same time: interpreter processes per oracle (default: one per core)
  --python-version X.Y  predict with the model's profile of that version instead of each
              interpreter's own (pointer width kept): what breaks if 3.11 is assumed of a 3.12
  --max-groups G  at most G groups of divergences per interpreter, flaky ones included (default 8)
  --only GROUP    only the divergences of this group: 'KIND' or 'KIND: RULE,RULE' (rules among
              those); a group's replay command gives it
  --coverage  also count how often each rule of the model decided something, and list those that never did
  --format F  text (default), markdown (a CI job summary or a pull-request comment) or json
  --json, --markdown  the same as --format json, --format markdown
  --timings   add how long it took (left out otherwise: the same seed gives the same report, byte
              for byte)
With several interpreters the campaign runs on each in turn with one seed, prints one row per
interpreter, then each one's groups; --json gives an array, one object per interpreter. An
interpreter that cannot start or that the model has no profile for is a row that says so.
The progress line is drawn on a terminal only, and never when the CI variable is set.
Exit status: 0 no steady divergence (flaky ones are reported, not failed), 1 a divergence or a
model error, 2 a usage error.
`;

const diff = `usage: cmm diff (--oracle A --oracle B | --python-version X --python-version Y [--bits 32|64])
                [--runs N] [--time T] [--seed S [--path P]] [--mode M] [--groups G] [--only KIND] [--jobs J] [--json]

Runs generated programs (2000 by default) on two sides and reports every program whose
observations differ: the memory-behaviour changelog between two CPythons, found by experiment.
The sides are two interpreters (names as for check: 3.11, wasm-3.14, a path) or the model's
profiles of two versions. Each kind of difference (a reference count, a delta, gc.collect(),
gc.is_tracked, an identity, id() equality, an exception, ...) is shrunk on its own: after one is
found the campaign runs again with that kind left out, up to --groups kinds (default 8). One
that does not differ again when replayed is reported apart, as flaky.
Positions either side cannot say (the model declining) are left out.
  --seed S --path P --only KIND  replay one reported difference (its replay line gives them)
  --json             one JSON object: the seed, the sides, each kind with its program and observations
Exit status: 0 no difference, 1 differences found, 2 a usage error.
`;

const replay = `usage: cmm replay [--oracle NAME]... [--python-version X.Y] FILE...

Runs each saved divergence (the files cmm check writes under .cmm/failures/) again on the
interpreter it was found on (its '# interpreter:' line) or on those named, and compares what it
observes with the model's prediction for the profile it was checked against (its '# model:' line),
or for --python-version.
Exit status: 0 every FILE agrees now, 1 some FILE still diverges, 2 a usage error.
`;

const promote = `usage: cmm promote [--oracle NAME]... [--to DIR] FILE...

Copies each saved divergence into cases/divergences/ (or DIR) as a case of the project and records
its expectations on every interpreter present (or those named), as cmm cases --record does.
Edit its name, claim, source_of_claim and description afterwards: they say what it settles.
Exit status: 0, 1 if recording had problems, 2 a usage error (a bad file, a case that exists).
`;

const explain = `usage: cmm explain [--python-version X.Y[.Z]]... [--bits 64|32] [--mode M] [--svg DIR] FILE...

Prints the model's trace of each FILE (a program in the case language, or a case file), statement
by statement: every object the program can reach with a small stable id, its type, its reference
count, every name, slot and attribute that points at it; what the statement observed, which
objects it freed, and the rules of the model that decided something (see cmm rules).
  --python-version  the version to trace (default 3.11); several: one trace each
  --svg DIR         also draw the heap after each step (Graphviz) and write DIR/index.html, the
                    trace beside the pictures, one column per version (one FILE at a time)
Exit status: 0, 2 a usage error (a FILE outside the case language).
`;

const predict = `usage: cmm predict [--python-version X.Y[.Z]] [--bits 64|32] [--mode M] [--json] FILE...

Prints the model's predicted observations for each FILE (no interpreter is run). '?' marks an
observation the model declines to predict.
  --python-version  the CPython version to predict for (default 3.11)
  --bits            pointer width (default 64)
  --mode            module (default), function or repl
  --json            one JSON object: FILE -> [observations, null where declined] or {"error": ...}
Exit status: 0, 1 if some FILE is outside the case language, 2 a usage error.
`;

const run = `usage: cmm run [--oracle NAME]... [--mode M] [--json] FILE...

Runs each FILE on CPython and prints what it observes. A FILE outside the case language is
refused before anything runs.
${ORACLE}
  --mode   module (default), function or repl
  --json   one JSON object: FILE -> [observations] or {"error": ...}; with several interpreters,
           interpreter name -> that object (or {"error": ...} if it could not start)
Exit status: 0, 1 if some FILE was refused or did not finish, 2 a usage error.
`;

const cases = `usage: cmm cases [--oracle NAME]... [PATH...]
       cmm cases --record [--oracle NAME]... [PATH...]
       cmm cases --write-declines

Checks every case (default: the project's cases/ folder; a PATH may be a file or a folder) against
the model and against CPython, and prints a table: with several interpreters, one column each,
and the model checked for each one's version and pointer width.
With --record, runs every case on the interpreters (default: all available) and rewrites each
case's expect: list from what they observed, printing what changed per file. Entries for versions
not at hand are kept; nothing is written that no interpreter observed.
With --write-declines, rewrites cases/declined.json, the observations of the project's cases the
model may decline (npm test fails on any other decline), and cases/explained.json, the rules that
decide each observation and why the model stops (npm test fails on any change), from the model as
it is.
${ORACLE}
Exit status: 0 all pass (or all recorded), 1 a failure, a problem or a bad case file, 2 a usage error.
`;

const corpus = `usage: cmm corpus [--write-declines] [FILE]
       cmm corpus --record [--oracle NAME]... [--runs N] [--seed S] [FILE]

Checks the model against the recorded corpus (default: cases/corpus/recorded.json): generated
programs and what real CPythons observed running them. No interpreter is run; the model, for the
profile of each recorded interpreter, must agree with every observation or decline it.
With --record, generates N programs (default 5000) with the campaign's generator from seed S
(default 2026), runs them on the interpreters (default: all available) and writes FILE anew: the
programs and, per program, each interpreter's observations. Programs that did not finish are left
out. The model plays no part in recording.
The declines the model may make are listed beside the corpus (declined.json): a declined
observation not listed is a failure too, since the model predicted it before. After a change that
lets the model predict more, --write-declines rewrites that list from the model as it is, and
the digests of its explanations beside it (explained.json: the rules credited for each observation
and why the model stops; a program explained differently is a failure too).
${ORACLE}
Exit status: 0 the model agrees (or all recorded), 1 a divergence or a recording problem, 2 a usage
error (a malformed corpus file names the entry that is wrong).
`;

const oracles = `usage: cmm oracles [--json]

Lists the interpreters cmm can run on: native CPythons (python3 and python3.X on PATH, pyenv's
versions, /usr/bin) and embedded WebAssembly builds (npm packages), each with the name --oracle
accepts, its exact version, pointer width and executable or package; then the versions the model
knows that are not available here, and why.
  --json   an array: {name, kind, version, bits, executable, package, packageVersion,
           available, reason}
Exit status: 0, 2 a usage error.
`;

export const usage = { main, check, diff, replay, promote, explain, predict, run, cases, corpus, oracles };
