# The native oracle's Python side (SPEC sections 1 and 2): a persistent worker that runs each
# program in a forked child, so that every program starts from the same interpreter state.
#
# Protocol: newline-delimited JSON over stdin/stdout. The worker first writes a hello line, then
# answers each request line {"id", "source", "mode", "timeout"} with exactly one line
# {"id", "status", "observations", "detail"?}, in order.
#
# Must run unchanged on CPython 3.8 and every later 3.x, with only the standard library.
# Started as `python -S -u worker.py` with PYTHONHASHSEED=0.
import sys

if sys.version_info < (3, 8):
    sys.stderr.write('CPython %d.%d.%d is too old for the oracle: it needs 3.8 or newer\n'
                     % tuple(sys.version_info[:3]))
    sys.exit(2)

import os


def _without_address_randomization():
    """Re-executes the worker with address space randomization off (Linux personality flag).

    Addresses steer a few of the interpreter's caches (tables hashed by identity), so with
    randomized addresses two workers differ in details a program can observe, such as the count
    of references to None; with fixed addresses every worker starts alike, and id() values repeat
    from one run to the next.
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
    os.execv(sys.executable, [sys.executable, '-S', '-u', os.path.abspath(__file__)])


if __name__ == '__main__':
    _without_address_randomization()

# Imported here, once, by the parent: a child inherits them instead of importing them per program.
# Their names are interned before any program runs, the same for every program.
import ast
import builtins
import gc
import json
import resource
import select
import signal
import time

MEMORY_LIMIT = 2 << 30
# The child's own alarm fires this many seconds past its timeout, so that a child whose worker
# was killed (and cannot kill it any more) still ends.
BACKSTOP_SECONDS = 2
CHUNK = 65536
# What one program may send back: far more than any case observes, far less than a client can
# hold in one line (a JavaScript string tops out near 512 MiB).
OUTPUT_LIMIT = 64 << 20

# The child's end of its result pipe; set in the child only.
_out = [-1]
# The pid of the child running now, for the SIGTERM handler and shutdown.
_running = [0]


# ------------------------------------------------------------------ observation (child side)
# Each observation leaves the child at once as one line holding a JSON string, so that nothing
# of it stays alive in the program's heap and a timeout or crash still reports what came before.

def _write_all(fd, data):
    while data:
        data = data[os.write(fd, data):]


def _emit(text):
    _write_all(_out[0], (json.dumps(text) + '\n').encode('ascii'))


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


# ------------------------------------------------------------------ preparing a program (child)

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
    except BaseException as exc:
        _emit('!' + type(exc).__name__)


def _child(out, source, mode, timeout):
    code = 70
    try:
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        # Nothing the program writes may reach the protocol, and no child may hold the worker's
        # pipes open: the client sees the worker's end when its pipes close, which must not
        # wait for an orphaned child.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        os.close(null)
        hard = resource.getrlimit(resource.RLIMIT_AS)[1]
        limit = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        signal.alarm(int(timeout) + BACKSTOP_SECONDS)
        _out[0] = out
        _run_program(source, mode)
        _write_all(out, b'.\n')
        code = 0
    except BaseException as exc:
        try:
            detail = 'the worker failed in its child: %s: %s' % (type(exc).__name__, exc)
            _write_all(out, b'E' + json.dumps(detail).encode('ascii') + b'\n')
            code = 0
        except BaseException:
            pass
    finally:
        os._exit(code)


# ------------------------------------------------------------------ the worker (parent side)

class _Stdin(object):
    """Requests arrive on fd 0; read with os.read so that it can be polled while a child runs."""

    def __init__(self):
        self.buffer = b''

    def absorb(self):
        """Reads what is there; False at end of input."""
        data = os.read(0, CHUNK)
        self.buffer += data
        return bool(data)

    def readline(self):
        """The next line without its newline, or None at end of input."""
        while b'\n' not in self.buffer:
            if not self.absorb():
                return None
        line, _, self.buffer = self.buffer.partition(b'\n')
        return line


_stdin = _Stdin()


def _kill_running():
    pid = _running[0]
    if pid:
        _running[0] = 0
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
        try:
            os.waitpid(pid, 0)
        except OSError:
            pass


def _on_sigterm(signum, frame):
    _kill_running()
    os._exit(0)


def _signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return 'unknown signal'


def _run_in_child(source, mode, timeout):
    """Returns (status, raw observation lines, detail)."""
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError as exc:
        os.close(read_end)
        os.close(write_end)
        return 'error', [], 'cannot fork: %s' % exc
    if pid == 0:
        os.close(read_end)
        _child(write_end, source, mode, timeout)
    os.close(write_end)
    _running[0] = pid
    chunks = []
    poller = select.poll()
    poller.register(read_end, select.POLLIN)
    poller.register(0, select.POLLIN)
    deadline = time.monotonic() + timeout
    size = 0
    timed_out = too_much = finished = False
    while not (finished or too_much):
        left = deadline - time.monotonic()
        if left <= 0:
            timed_out = True
            break
        for fd, _ in poller.poll(int(left * 1000) + 1):
            if fd == read_end:
                data = os.read(read_end, CHUNK)
                if data:
                    chunks.append(data)
                    size += len(data)
                    too_much = size > OUTPUT_LIMIT
                else:
                    finished = True
            elif not _stdin.absorb():
                # The client is gone: nothing will read an answer.
                _kill_running()
                os._exit(0)
    if timed_out or too_much:
        os.kill(pid, signal.SIGKILL)
    _running[0] = 0
    status = os.waitpid(pid, 0)[1]
    if too_much:
        os.close(read_end)
        return 'error', [], 'the program sent back more than %d MiB of observations' % (OUTPUT_LIMIT >> 20)
    if timed_out:
        while True:
            data = os.read(read_end, CHUNK)
            if not data:
                break
            chunks.append(data)
    os.close(read_end)

    observations = []
    end = None
    # The last piece is empty or a line cut short by a kill: only whole lines count.
    for line in b''.join(chunks).split(b'\n')[:-1]:
        if line.startswith(b'"'):
            observations.append(line)
        else:
            end = line
            break
    if timed_out:
        return 'timeout', observations, 'ran past its limit of %g s and was killed' % timeout
    if end == b'.':
        return 'ok', observations, None
    if end is not None and end.startswith(b'E'):
        return 'error', observations, json.loads(end[1:].decode('ascii'))
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        return 'crash', observations, 'killed by signal %d (%s)' % (number, _signal_name(number))
    return 'crash', observations, 'exited with status %d without a result' % os.WEXITSTATUS(status)


def _answer(line):
    # Nothing of the request may stay alive as an object a program could share: the id is kept
    # only as its JSON text, and the decoded request is dropped before the fork. (Kept as an int,
    # request k held two references to the small int k while program k ran.)
    request_id = 'null'
    try:
        request = json.loads(line.decode('utf-8'))
        request_id = json.dumps(request['id'])
        source = request['source']
        mode = request['mode']
        timeout = float(request.get('timeout', 10))
        del request
        if not isinstance(source, str):
            raise ValueError('source is not a string')
        if mode not in ('module', 'function', 'repl'):
            raise ValueError('unknown mode %r' % (mode,))
        if not timeout > 0:
            raise ValueError('timeout must be positive')
    except Exception as exc:
        status, observations, detail = 'error', [], 'bad request: %s: %s' % (type(exc).__name__, exc)
    else:
        status, observations, detail = _run_in_child(source, mode, timeout)
    head = '{"id":%s,"status":"%s","observations":[' % (request_id, status)
    tail = ']}\n' if detail is None else '],"detail":%s}\n' % json.dumps(detail)
    return head.encode('ascii') + b','.join(observations) + tail.encode('ascii')


def _version():
    info = sys.version_info
    text = '%d.%d.%d' % (info.major, info.minor, info.micro)
    level = {'alpha': 'a', 'beta': 'b', 'candidate': 'rc'}.get(info.releaselevel)
    if level:
        text += '%s%d' % (level, info.serial)
    return text


def main():
    # The client ends the worker (end of input, SIGTERM); an interrupt at the terminal is its
    # business, and a program must not see it either.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _on_sigterm)
    builtins.__cmm_observe__ = __cmm_observe__
    sys.displayhook = _displayhook
    sys.unraisablehook = _ignore_unraisable
    try:
        # One program through the whole path first, so that the first real program forks from
        # the same parent state as every later one (lazily made objects already exist).
        _answer(b'{"id":0,"source":"","mode":"module","timeout":10}')
        # The worker's own objects are alive for good: frozen, a child's collections never look
        # at them (a full collection over the whole inherited heap would copy every page of it),
        # and the parent, which makes no cycles, never collects at all, so every fork sees the
        # same collector state.
        gc.collect()
        gc.freeze()
        gc.disable()
        hello = {
            'type': 'hello',
            'version': _version(),
            'bits': sys.maxsize.bit_length() + 1,
            'executable': sys.executable,
            'implementation': sys.implementation.name,
            'pid': os.getpid(),
        }
        _write_all(1, (json.dumps(hello) + '\n').encode('ascii'))
        while True:
            line = _stdin.readline()
            if line is None:
                break
            if line.strip():
                _write_all(1, _answer(line))
    finally:
        _kill_running()


if __name__ == '__main__':
    main()
