# The native oracle's Python side (SPEC sections 1 and 2): a fork server. Prepared once, it forks
# one child per program, and every child starts from the same interpreter state, byte for byte:
# the server's own loop allocates nothing that outlives an iteration, so the heap the children
# inherit never changes (the same addresses, the same free lists; see _serve).
#
# Streams (set up by the client, oracle/worker-process.ts):
#   fd 0  requests, read by the server (a fixed-size header) and by the child (the body);
#   fd 1  results: the hello, then per program the child's observation lines and end line, then
#         the server's exit record once the child is gone;
#   fd 3  pids: one record per child as it starts (the client kills a child past its limit).
# A request is HEADER_SIZE ASCII bytes: the mode's letter (m, f or r), the time limit in
# milliseconds and the body's length in bytes (eight hex digits each), then the body: the source
# as one JSON string. Per program the results stream carries:
#   "..."        an observation, as a JSON string, written the moment it is made;
#   .            the end of a program that ran to its end or stopped at an exception;
#   E"..."       the end of a program the harness could not run (the detail as a JSON string);
#   L            the end of a program that sent back more than OUTPUT_LIMIT bytes;
#   @xxxxxxxx    the exit record: the child's wait status in hex, after an empty line that ends a
#                line cut short by a kill. A `!` after it says the server retires (see _serve).
#
# Must run unchanged on CPython 3.8 and every later 3.x, with only the standard library.
# Started as `python -S -u worker.py --design fork|inprocess|once --cpu N|any` with
# PYTHONHASHSEED=0 (arguments of the same lengths for every worker: they live in its heap).
import sys

if sys.version_info < (3, 8):
    sys.stderr.write('CPython %d.%d.%d is too old for the oracle: it needs 3.8 or newer\n'
                     % tuple(sys.version_info[:3]))
    sys.exit(2)

import os


def _without_address_randomization():
    """Re-executes the worker with address space randomization off (Linux personality flag).

    Addresses steer a few of the interpreter's caches (tables hashed by identity) and the order of
    sets of objects, so with randomized addresses two workers differ in details a program can
    observe, such as the count of references to None; with fixed addresses every worker starts
    alike, and id() values repeat from one run to the next.
    """
    if not sys.platform.startswith('linux') or os.environ.pop('CMM_FIXED_ADDRESSES', None) == '1':
        return
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        addr_no_randomize = 0x0040000
        current = libc.personality(0xffffffff)
        if current == -1 or current & addr_no_randomize:
            return
        if libc.personality(current | addr_no_randomize) == -1:
            return
    except Exception:
        return
    os.environ['CMM_FIXED_ADDRESSES'] = '1'
    os.execv(sys.executable, [sys.executable, '-S', '-u', os.path.abspath(__file__)] + sys.argv[1:])


if __name__ == '__main__' and sys.argv[1:3] != ['--design', 'once']:
    # (A worker that runs one program and leaves, the benchmark's naive design, skips it.)
    _without_address_randomization()

# Imported here, once: a child inherits them instead of importing them per program. Their names
# are interned before any program runs, the same for every program; weakref is one of the three
# modules a program may import, so that importing it costs a program nothing.
import ast
import builtins
import gc
import json
import resource
import signal
import weakref

MEMORY_LIMIT = 2 << 30
# The child's own alarm fires this many seconds past its limit, so that a child nobody can kill
# any more (its server was killed) still ends.
BACKSTOP_SECONDS = 2
# What one program may send back: far more than any case observes, far less than a client can
# hold in one line (a JavaScript string tops out near 512 MiB).
OUTPUT_LIMIT = 64 << 20
HEADER_SIZE = 17
REQUESTS, RESULTS, PIDS = 0, 1, 3
MODES = {b'm': 'module', b'f': 'function', b'r': 'repl'}

# Where observations go (fd 1, or the observation device of the embedded builds).
_out = [RESULTS]
# Bytes of observations the current program has sent.
_sent = [0]
# The pid of the child running now, for the SIGTERM handler.
_running = [0]


# ------------------------------------------------------------------ observation
# Each observation leaves at once as one line holding a JSON string, so that nothing of it stays
# alive in the program's heap and a timeout or crash still reports what came before.

class _TooMuchOutput(Exception):
    pass


def _write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def _emit(text):
    line = (json.dumps(text) + '\n').encode('ascii')
    _sent[0] += len(line)
    if _sent[0] > OUTPUT_LIMIT:
        raise _TooMuchOutput()
    _write_all(_out[0], line)


def __cmm_observe__(value):
    if value is not None:
        _emit(repr(value))


def _displayhook(value):
    # As CPython's default sys.displayhook, recording instead of printing.
    if value is None:
        return
    builtins._ = None
    _emit(repr(value))
    builtins._ = value


def _ignore_unraisable(unraisable):
    pass


# ------------------------------------------------------------------ preparing a program

_DOCSTRING_OWNERS = (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def _is_docstring(stmt):
    return (isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)
            and isinstance(stmt.value.value, str))


def _observed(value):
    func = ast.copy_location(ast.Name(id='__cmm_observe__', ctx=ast.Load()), value)
    return ast.copy_location(ast.Call(func=func, args=[value], keywords=[]), value)


def _observe_statements(node):
    """Wraps every expression statement under node in the observer, docstrings excepted."""
    for field, value in ast.iter_fields(node):
        if isinstance(value, list):
            items = value
        elif isinstance(value, ast.AST):
            items = [value]
        else:
            continue
        for index, item in enumerate(items):
            # Expressions never contain statements: no need to look inside them.
            if isinstance(item, ast.Expr):
                docstring = (index == 0 and field == 'body' and isinstance(node, _DOCSTRING_OWNERS)
                             and _is_docstring(item))
                if not docstring:
                    item.value = _observed(item.value)
            elif isinstance(item, ast.AST) and not isinstance(item, ast.expr):
                _observe_statements(item)


def _compile_program(source, as_function):
    tree = ast.parse(source, '<case>', 'exec')
    if as_function:
        # A FunctionDef from the parser itself carries the right fields for this version.
        module = ast.parse('def __case__():\n    pass\n', '<case>', 'exec')
        if tree.body:
            module.body[0].body = tree.body
        tree = module
    _observe_statements(tree)
    ast.fix_missing_locations(tree)
    return compile(tree, '<case>', 'exec')


def _repl_inputs(source):
    """Cuts the source into what one would type at the prompt, one input per top-level
    statement, statements sharing a physical line together."""
    text = source.replace('\r\n', '\n').replace('\r', '\n')
    spans = []
    for stmt in ast.parse(text, '<stdin>', 'exec').body:
        first = stmt.lineno
        for decorator in getattr(stmt, 'decorator_list', ()):
            first = min(first, decorator.lineno)
        if spans and first <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], stmt.end_lineno)
        else:
            spans.append([first, stmt.end_lineno])
    lines = text.split('\n')
    return ['\n'.join(lines[first - 1:last]) + '\n' for first, last in spans]


def _run_program(source, mode):
    # Everything made while preparing dies with the preparing calls' frames; the collection
    # below then leaves nothing of the harness collectable while the program runs.
    try:
        if mode == 'repl':
            prepared = _repl_inputs(source)
        else:
            prepared = _compile_program(source, mode == 'function')
    except _TooMuchOutput:
        raise
    except BaseException as exc:
        _emit('!' + type(exc).__name__)
        return
    gc.collect()
    gc.disable()
    try:
        namespace = {'__name__': '__main__'}
        if mode == 'module':
            exec(prepared, namespace)
        elif mode == 'function':
            exec(prepared, namespace)
            namespace['__case__']()
        else:
            for segment in prepared:
                # The interactive prompt keeps an input's syntax tree (its arena) alive while the
                # input runs, so each literal has one reference more than in a module: so here.
                tree = ast.parse(segment, '<stdin>', 'single')
                exec(compile(tree, '<stdin>', 'single'), namespace)
                del tree
    except _TooMuchOutput:
        raise
    except BaseException as exc:
        _emit('!' + type(exc).__name__)


# ------------------------------------------------------------------ one program

def _read_exactly(fd, size):
    """Exactly size bytes (never more: what follows belongs to the next program), or fewer at
    the end of input."""
    data = b''
    while len(data) < size:
        chunk = os.read(fd, size - len(data))
        if not chunk:
            break
        data += chunk
    return data


def _run_request(header):
    """Reads the body of the request whose header is given, runs it and writes its end line."""
    try:
        mode = MODES.get(header[0:1])
        timeout_ms = int(header[1:9], 16)
        body = _read_exactly(REQUESTS, int(header[9:17], 16))
        source = json.loads(body.decode('utf-8'))
        del body
        if mode is None or not isinstance(source, str) or timeout_ms <= 0:
            raise ValueError('not a request: %r' % (header,))
    except Exception as exc:
        _write_all(RESULTS, b'E' + json.dumps('bad request: %s' % exc).encode('ascii') + b'\n')
        return
    if _running[0] == 0:
        signal.alarm(timeout_ms // 1000 + 1 + BACKSTOP_SECONDS)
    _sent[0] = 0
    try:
        _run_program(source, mode)
        end = b'.\n'
    except _TooMuchOutput:
        end = b'L\n'
    except BaseException as exc:
        end = b'E' + json.dumps('the harness failed: %s: %s' % (type(exc).__name__, exc)).encode('ascii') + b'\n'
    _write_all(RESULTS, end)


def _child(header):
    code = 70
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _running[0] = 0
        _run_request(header)
        code = 0
    finally:
        os._exit(code)


# ------------------------------------------------------------------ the server

def _on_sigterm(signum, frame):
    pid = _running[0]
    if pid:
        try:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        except OSError:
            pass
    os._exit(0)


def _serve_fork():
    """The fork server's loop. Each iteration makes the same objects of the same sizes and frees
    them in the same order, so that the heap a child inherits is the same every time (checked by
    oracle/worker-isolation.test.ts): the header is read with one os.read of a fixed size, and
    every record written has a fixed width. A header that arrives in pieces is the one exception;
    after it the server retires (a ! after the exit record) and the client starts another."""
    read, fork, write, waitpid, running = os.read, os.fork, os.write, os.waitpid, _running
    retire = False
    while not retire:
        header = read(REQUESTS, HEADER_SIZE)
        if len(header) != HEADER_SIZE:
            if not header:
                return
            header += _read_exactly(REQUESTS, HEADER_SIZE - len(header))
            if len(header) != HEADER_SIZE:
                return
            retire = True
        pid = fork()
        if pid == 0:
            _child(header)
        running[0] = pid
        write(PIDS, b'%08x\n' % pid)
        status = waitpid(pid, 0)[1]
        running[0] = 0
        write(RESULTS, b'\n@%08x!\n' % status if retire else b'\n@%08x\n' % status)
        del header, pid, status


def _serve_inprocess():
    """Every program in this one interpreter, one after the other: far faster, and NOT isolated
    (what one program leaves shows in the next: see bench/RESULTS.md). For measurements only."""
    pid = os.getpid()
    _running[0] = -1
    while True:
        header = _read_exactly(REQUESTS, HEADER_SIZE)
        if len(header) != HEADER_SIZE:
            return
        os.write(PIDS, b'%08x\n' % pid)
        _run_request(header)
        try:
            del builtins._
        except AttributeError:
            pass
        gc.collect()
        os.write(RESULTS, b'\n@00000000\n')


def _version():
    info = sys.version_info
    text = '%d.%d.%d' % (info.major, info.minor, info.micro)
    level = {'alpha': 'a', 'beta': 'b', 'candidate': 'rc'}.get(info.releaselevel)
    if level:
        text += '%s%d' % (level, info.serial)
    return text


def _die_with_parent():
    """SIGTERM when the client dies (Linux), so that the server ends its child and itself even
    while it waits for a child that runs a long program."""
    if not sys.platform.startswith('linux'):
        return
    parent = os.getppid()
    try:
        import ctypes
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
    except Exception:
        return
    if os.getppid() != parent:
        os._exit(0)


def _options(argv):
    design, cpu = 'fork', None
    args = list(argv)
    while args:
        flag = args.pop(0)
        if flag == '--design' and args and args[0] in ('fork', 'inprocess', 'once'):
            design = args.pop(0)
        elif flag == '--cpu' and args and (args[0].isdigit() or args[0] == 'any'):
            value = args.pop(0)
            cpu = None if value == 'any' else int(value)
        else:
            sys.stderr.write('worker.py: unknown argument %r\n' % flag)
            sys.exit(2)
    return design, cpu


def main():
    design, cpu = _options(sys.argv[1:])
    # The client ends the worker (end of input, SIGTERM); an interrupt at the terminal is its
    # business, and a program must not see it either.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)
    builtins.__cmm_observe__ = __cmm_observe__
    sys.displayhook = _displayhook
    sys.unraisablehook = _ignore_unraisable
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard), hard))
    if cpu is not None and hasattr(os, 'sched_setaffinity'):
        try:
            os.sched_setaffinity(0, {cpu})
        except OSError:
            pass
    if design != 'once':
        _die_with_parent()
    # The server's own objects are alive for good: frozen, a child's collections never look at
    # them (a full collection over the whole inherited heap would copy every page of it), and
    # the server, which makes no cycles, never collects at all.
    gc.collect()
    gc.freeze()
    gc.disable()
    # The hello has the same length in every worker of an interpreter (the pid padded to a fixed
    # width): a string one size class longer would leave the heap a child inherits different.
    hello = '{"type":"hello","version":%s,"bits":%d,"executable":%s,"implementation":%s,"pid":%10d,"design":%s}\n' % (
        json.dumps(_version()), sys.maxsize.bit_length() + 1, json.dumps(sys.executable),
        json.dumps(sys.implementation.name), os.getpid(), json.dumps(design))
    _write_all(RESULTS, hello.encode('ascii'))
    del hello
    if design == 'fork':
        _serve_fork()
    elif design == 'inprocess':
        _serve_inprocess()
    else:
        header = _read_exactly(REQUESTS, HEADER_SIZE)
        if len(header) == HEADER_SIZE:
            _write_all(PIDS, b'%08x\n' % os.getpid())
            _run_request(header)
            _write_all(RESULTS, b'\n@00000000\n')


if __name__ == '__main__':
    main()
