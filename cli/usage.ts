// Short usage texts, for `cmm --help` and `cmm <command> --help`.

const main = `usage: cmm <command> [options]

An executable specification of CPython's memory management: the model's predictions checked
against real CPython.

commands:
  check    generate programs, compare the model with CPython, shrink any divergence
  predict  the model's predictions for program files
  run      what CPython observes for program files
  cases    every YAML case against the model and CPython

Run 'cmm <command> --help' for a command's options.
`;

const check = `usage: cmm check [--python PATH] [--runs N] [--seed S [--path P]] [--mode M] [--json]

Runs the conformance campaign: N generated programs (default 2000) on the interpreter (default
python3), each compared with the model's prediction for that interpreter's version and pointer
width. A divergence is shrunk to a small program and reported with its seed and path; pass both
back (--seed S --path P) to replay exactly that program.
  --mode M   only module, function or repl programs (default: all three)
  --json     one JSON object instead of text
Exit status: 0 no divergence, 1 a divergence (or a model error), 2 a usage error.
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

const run = `usage: cmm run [--python PATH] [--mode M] [--json] FILE...

Runs each FILE on CPython (default python3) and prints what it observes. A FILE outside the case
language is refused before anything runs.
  --mode   module (default), function or repl
  --json   one JSON object: FILE -> [observations] or {"error": ...}
Exit status: 0, 1 if some FILE was refused or did not finish, 2 a usage error.
`;

const cases = `usage: cmm cases [--python PATH] [PATH...]

Checks every case (default: the project's cases/ folder; a PATH may be a file or a folder) against
the model and against CPython (default python3), and prints a table.
Exit status: 0 all pass, 1 a failure or a bad case file, 2 a usage error.
`;

export const usage = { main, check, predict, run, cases };
