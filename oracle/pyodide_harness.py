# The embedded oracles' Python side (SPEC sections 1 and 2), imported inside a Pyodide build.
#
# It prepares and runs a program with oracle/worker.py's own code: worker.py is imported unchanged
# (as the module cmm_worker) and its _run_program does everything a program goes through on the
# native oracle: the observer rewrite in module and function mode, the repl inputs compiled one by
# one with their syntax tree alive while they run, gc.collect() and gc.disable() before the
# program, the exception name at the end. What worker.py does with processes (fork, poll, signals,
# rlimits) has no counterpart here: the JavaScript side puts the whole interpreter's memory back
# before each program instead of forking (oracle/pyodide-memory.ts).
#
# Observations leave through worker.py's own _emit, written to a character device that the
# JavaScript side reads (the fd given to prepare), so nothing of them stays in the program's heap.
import sys
import types

# worker.py imports resource at its top for its child's memory limit, which nothing here calls;
# Pyodide has no resource module. A placeholder stands in while worker.py is imported, then goes.
sys.modules['resource'] = types.ModuleType('resource')
try:
    import cmm_worker as worker
finally:
    del sys.modules['resource']

import builtins
import gc
import json
import os


def prepare(out_path):
    """Binds the observation channel and installs the hooks exactly as worker.py's main() does;
    answers the hello fields as a JSON object."""
    worker._out[0] = os.open(out_path, os.O_WRONLY)
    # The parent process counts what a program sends back and ends the child past the limit
    # (oracle/pyodide-process.ts); worker.py's own count would end the program first.
    worker.OUTPUT_LIMIT = 1 << 62
    builtins.__cmm_observe__ = worker.__cmm_observe__
    sys.displayhook = worker._displayhook
    sys.unraisablehook = worker._ignore_unraisable
    return json.dumps({
        'version': worker._version(),
        'bits': sys.maxsize.bit_length() + 1,
        'implementation': sys.implementation.name,
        'hash_randomization': sys.flags.hash_randomization,
    })


def settle():
    """As worker.py's parent before its first fork: the harness's own objects are alive for good,
    frozen out of every later collection, and the collector is off."""
    gc.collect()
    gc.freeze()
    gc.disable()


def run(source, mode):
    """One program, as worker.py's _child runs it: observations, then '.' or an 'E' line."""
    try:
        worker._run_program(source, mode)
        worker._write_all(worker._out[0], b'.\n')
    except BaseException as exc:
        detail = 'the harness failed: %s: %s' % (type(exc).__name__, exc)
        worker._write_all(worker._out[0], b'E' + json.dumps(detail).encode('ascii') + b'\n')
