// Where a command writes. Commands take this instead of touching `process` so that what they print
// is decided in one place.

export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** A progress line is drawn only on a terminal: it would litter a log file or a pipe. */
  errIsTTY: boolean;
}

export const processIo: Io = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
  errIsTTY: process.stderr.isTTY === true,
};
