// The rules of the model: every mechanism of CPython the model follows, in one line each, with the
// versions it holds on, the CPython source it comes from and the file of the model that holds it.
// The model reports each rule when it decides something by it (Runtime.fire), which gives
// `cmm check --coverage` and the rule list of the README (`cmm rules`): this table is the
// project's specification of CPython's memory behaviour, written once.

export interface Rule {
  /** What CPython does, in one line. */
  summary: string;
  /** The versions it holds on, as a reader would write them. */
  versions: string;
  /** Where in CPython it comes from (files, functions, PEPs, issues). */
  source: string;
  /** The model's file that holds it. */
  file: string;
}

export const RULES = {
  // ------------------------------------------------------------------ shared objects and caches
  'small-int-cache': {
    summary: 'every int from -5 to 256 is one preallocated object, however it is made (to 1024 from 3.15)',
    versions: 'all',
    source: 'Objects/longobject.c get_small_int; Include/internal/pycore_runtime_structs.h _PY_NSMALLPOSINTS (gh-133059)',
    file: 'model/small-ints.ts',
  },
  singletons: {
    summary: "None, True, False, Ellipsis, (), '', one-character latin-1 strs and one-byte bytes are single shared objects",
    versions: 'all',
    source: 'Objects/object.c, Objects/boolobject.c, Objects/tupleobject.c, Objects/unicodeobject.c get_latin1_char, Objects/bytesobject.c',
    file: 'model/singletons.ts',
  },
  'empty-frozenset-singleton': {
    summary: 'frozenset() is one shared empty frozenset',
    versions: '3.8-3.9',
    source: 'Objects/setobject.c emptyfrozenset (removed in 3.10, bpo-40521)',
    file: 'model/singletons.ts',
  },

  // ------------------------------------------------------------------------------- the compiler
  'constant-folding': {
    summary: 'operations on constants are computed by the compiler within size limits (128-bit ints, 4096-char strs, 256-item collections); one that would raise is left to run time',
    versions: 'all',
    source: 'Python/ast_opt.c fold_binop, safe_multiply, safe_power (Python/flowgraph.c from 3.14)',
    file: 'model/compile/fold.ts',
  },
  'constant-merging': {
    summary: 'equal constants of one compilation (a module with its functions; one repl input) are one object, inside constant tuples too',
    versions: 'all',
    source: 'Python/compile.c merge_consts_recursive, _PyCode_ConstantKey',
    file: 'model/compile/code-unit.ts',
  },
  'code-tuples-merged': {
    summary: "a code object's co_consts and tuples of local names join the compilation's merged constants: an equal constant is that tuple (one reference more), and functions with equal constants share one co_consts tuple; from 3.14 co_consts is the optimizer's and such counts are declined",
    versions: 'all',
    source: 'Python/compile.c makecode, merge_const_tuple (3.8-3.10), merge_const_one (3.11-3.12); Python/assemble.c makecode, _PyCompile_ConstCacheMergeOne (3.13+)',
    file: 'model/compile/code-tuples.ts',
  },
  'constant-displays': {
    summary: 'a display of three or more constants is built from one constant tuple (list) or frozenset (set)',
    versions: '3.9+',
    source: 'Python/compile.c starunpack_helper; Python/flowgraph.c optimize_lists_and_sets (3.14+)',
    file: 'model/compile/code-unit.ts',
  },
  'constant-frozenset-order': {
    summary: "a set display's constant frozenset is rebuilt from its own iteration order up to 3.13 (kept as first built from 3.14), and once more when its code object interns one of its strs into an equal str interned before (a name of the program; one the interpreter interned is unknowable: declined where that changes the order)",
    versions: 'all',
    source: 'Python/compile.c merge_consts_recursive; Python/flowgraph.c add_const (3.14+); Objects/codeobject.c intern_string_constants',
    file: 'model/compile/code-unit.ts',
  },
  'defaults-tuple': {
    summary: "a function's constant defaults are one constant tuple; the single constants stay in co_consts up to 3.11",
    versions: 'all',
    source: 'Python/compile.c, Python/flowgraph.c fold_tuple_on_constants, remove_unused_consts',
    file: 'model/compile/code-unit.ts',
  },
  'repl-tree-holds-literals': {
    summary: "at the interactive prompt the input's syntax tree holds a reference to each literal while the input runs",
    versions: 'all',
    source: 'Python/pythonrun.c PyRun_InteractiveOneObject; Python/pyarena.c _PyArena_AddPyObject',
    file: 'model/compile/code-unit.ts',
  },
  'string-interning': {
    summary: 'str constants made of ASCII letters, digits and _ are interned when their code object is made: equal ones are one object; on 3.11.0-3.12.6 a one-character one may be the deep-frozen stdlib\'s interned copy rather than the latin-1 singleton, so its identity is unknown',
    versions: 'all',
    source: 'Objects/codeobject.c intern_string_constants, all_name_chars',
    file: 'model/strings.ts',
  },
  'interned-immortal': {
    summary: 'interned strings are immortal',
    versions: '3.12.0-3.12.5',
    source: 'Objects/unicodeobject.c PyUnicode_InternInPlace (gh-113993 made them mortal again in 3.13.0 and 3.12.6)',
    file: 'model/strings.ts',
  },
  'sys-intern': {
    summary: 'sys.intern(s) returns the interned str equal to s, interning s itself if there is none',
    versions: 'all',
    source: 'Python/sysmodule.c sys_intern; Objects/unicodeobject.c PyUnicode_InternInPlace',
    file: 'model/exec/builtins.ts',
  },

  // -------------------------------------------------------------- which object an operation returns
  'runtime-str-new': {
    summary: "a str made at run time (concatenation, str(), f-strings, methods) is a new object unless it is '' or one latin-1 character",
    versions: 'all',
    source: 'Objects/unicodeobject.c unicode_result, get_latin1_char',
    file: 'model/strings.ts',
  },
  'result-is-operand': {
    summary: "an operation that changes nothing returns its operand: t + () is t, s * 1 is s, s + '' is s, int(i) is i, str(s) is s, s.strip() of a stripped s is s",
    versions: 'all',
    source: 'Objects/tupleobject.c, Objects/unicodeobject.c unicode_result_unchanged, Python/bltinmodule.c',
    file: 'model/ops.ts',
  },
  'whole-slice-is-object': {
    summary: 'a slice of a tuple, str or bytes covering all of it with step 1 is the object itself; a list slice is always new',
    versions: 'all',
    source: 'Objects/tupleobject.c tuple_subscript, Objects/unicodeobject.c unicode_subscript',
    file: 'model/exec/subscripts.ts',
  },
  'str-concat-in-place': {
    summary: 's = s + t may resize s in place when nothing else holds it, so the result may keep the old address',
    versions: 'all',
    source: 'Python/ceval.c unicode_concatenate; BINARY_OP_INPLACE_ADD_UNICODE (3.11+)',
    file: 'model/ops.ts',
  },
  'str-fresh-buffer': {
    summary: "upper, lower, capitalize, title, a padding zfill and join write a new buffer: the result is a new str even of one latin-1 character (an unchanged '' is '' itself)",
    versions: 'all',
    source: 'Objects/unicodeobject.c ascii_upper_or_lower, case_operation, unicode_capitalize, pad, unicode_zfill_impl, _PyUnicode_JoinArray',
    file: 'model/exec/methods.ts',
  },
  'str-format-writer': {
    summary: "str.format and a format spec write through a _PyUnicodeWriter: a result that is one str written whole is that str — a str under a spec that neither pads nor cuts it too, so f'{s:>5}' is s when len(s) >= 5; otherwise '' and one latin-1 character are the shared ones and longer results are new",
    versions: 'all',
    source: 'Objects/unicodeobject.c _PyUnicodeWriter_WriteStr (readonly), _PyUnicodeWriter_Finish, unicode_result; Python/formatter_unicode.c format_string_internal (fast path); Objects/stringlib/unicode_format.h build_string, output_markup, render_field',
    file: 'model/format-spec.ts',
  },
  'dict-popitem': {
    summary: "d.popitem() moves the last entry's key and value into a new tuple, tracked by the collector; an empty dict raises KeyError",
    versions: 'all',
    source: 'Objects/dictobject.c dict_popitem_impl',
    file: 'model/exec/methods.ts',
  },
  'dict-views': {
    summary: "d.keys(), d.values() and d.items() make a new view on each call, tracked, holding a reference to the dict; iterating d.items() makes a tuple per entry: tracked up to 3.13, from 3.14 list() leaves a pair of untracked items untracked, from 3.15 the iterator too (but for its first, preallocated tuple)",
    versions: 'all',
    source: 'Objects/dictobject.c dictview_new, dictview_dealloc, dictiter_new, dictiter_iternextitem; Objects/listobject.c list_extend_dictitems (3.13+)',
    file: 'model/dict-views.ts',
  },
  'list-sort-in-place': {
    summary: 'l.sort() reorders the list in place and stably, taking and dropping no references; items that do not order raise TypeError',
    versions: 'all',
    source: 'Objects/listobject.c list_sort_impl',
    file: 'model/exec/methods.ts',
  },

  // ------------------------------------------------------------------------ frames and calls
  'args-copied': {
    summary: "a Python function called from Python code gets references of its own to the arguments; the caller drops its own after the call",
    versions: '3.8-3.10',
    source: 'Python/ceval.c call_function, _PyEval_MakeFrameVector',
    file: 'model/exec/calls.ts',
  },
  'args-moved': {
    summary: "a Python function called from Python code takes the caller's references to the arguments (and self) into its frame",
    versions: '3.11+',
    source: 'Python/ceval.c CALL, _PyEvalFramePushAndInit',
    file: 'model/exec/calls.ts',
  },
  'call-from-c': {
    summary: 'a Python function called from C (__init__ from type_call, a finalizer, a weakref callback) takes references of its own; the C caller keeps its own',
    versions: 'all',
    source: 'Python/ceval.c _PyEval_Vector',
    file: 'model/exec/calls.ts',
  },
  'instance-args-tuple': {
    summary: "creating an instance packs the arguments in a tuple, which holds them while __init__ runs",
    versions: 'all',
    source: 'Objects/call.c _PyObject_MakeTpCall; Objects/typeobject.c type_call, slot_tp_init',
    file: 'model/exec/calls.ts',
  },
  'call-alloc-and-enter-init': {
    summary: 'from its second run, a call site that made an instance of a class with a Python __init__ moves the arguments straight into __init__, with no tuple; on 3.13 only for classes with no __slots__ in their chain',
    versions: '3.13+',
    source: 'Python/specialize.c specialize_class_call; Python/bytecodes.c CALL_ALLOC_AND_ENTER_INIT',
    file: 'model/exec/specialization.ts',
  },
  'frame-clear-order': {
    summary: "a returning function drops its locals in slot order (co_varnames, cells, free variables); from 3.14 last to first",
    versions: 'all',
    source: 'Python/frame.c _PyFrame_Clear, _PyFrame_ClearLocals (3.14); Objects/frameobject.c frame_dealloc (3.10)',
    file: 'model/exec/calls.ts',
  },
  'closure-cells': {
    summary: 'a local that a nested function uses lives in a cell object, which the frame and each closure hold',
    versions: 'all',
    source: 'Python/symtable.c; Objects/cellobject.c; Python/ceval.c MAKE_CELL',
    file: 'model/exec/calls.ts',
  },
  'borrowed-local-arguments': {
    summary: "a local passed to a call or put in a display is loaded as a borrowed reference (LOAD_FAST_BORROW): it adds nothing to the count while on the stack, and a callee's parameter keeps it borrowed",
    versions: '3.14+',
    source: 'Python/flowgraph.c optimize_load_fast; Include/internal/pycore_stackref.h',
    file: 'model/exec/borrowed-refs.ts',
  },
  'borrowed-constants': {
    summary: 'every constant is loaded as a borrowed reference; a local or parameter it is stored in keeps it borrowed, copies too',
    versions: '3.15+',
    source: 'Python/bytecodes.c LOAD_CONST, LOAD_SMALL_INT (PyStackRef_FromPyObjectBorrow)',
    file: 'model/exec/borrowed-refs.ts',
  },
  'display-hook': {
    summary: 'at the prompt an echoed value is bound to builtins._ after _ is set to None, and holds it until the next echo',
    versions: 'all',
    source: 'Python/sysmodule.c sys_displayhook',
    file: 'model/exec/run.ts',
  },

  // ------------------------------------------------------------------------ reference counts
  'getrefcount-argument': {
    summary: "sys.getrefcount(x) counts every reference to x, the call's own argument included",
    versions: 'all',
    source: 'Python/sysmodule.c sys_getrefcount_impl',
    file: 'model/refcount.ts',
  },
  'immortal-count': {
    summary: 'sys.getrefcount of an immortal object is a constant: UINT_MAX (64-bit) or UINT_MAX >> 2 (32-bit) in 3.12-3.13; 3 << 30 (64-bit) or 7 << 28 (32-bit) from 3.14',
    versions: '3.12+',
    source: 'Include/object.h _Py_IMMORTAL_REFCNT; Include/refcount.h _Py_IMMORTAL_INITIAL_REFCNT (3.14)',
    file: 'model/refcount.ts',
  },
  'shared-count-delta': {
    summary: 'the difference of two counts of a cached int from 100 up, a str that is no identifier, empty bytes or the empty tuple is the change in the references the program made (the interpreter\'s own cancel out); not of None, the bools, classes, identifier-like strs or the small ints counters use, which the interpreter references behind the program\'s back',
    versions: 'all (3.12+: of the mortal ones)',
    source: 'Python/sysmodule.c sys_getrefcount_impl',
    file: 'model/count-deltas.ts',
  },
  'shared-count-unknown': {
    summary: "the count of a mortal object the interpreter shares (small ints, None, interned strs before 3.12) depends on the whole interpreter: declined",
    versions: '3.8-3.11 (interned strs to 3.13)',
    source: 'Objects/longobject.c, Objects/unicodeobject.c (no fixed count before PEP 683)',
    file: 'model/refcount.ts',
  },

  // ------------------------------------------------------------------- freeing and finalizers
  'free-at-zero': {
    summary: 'an object whose count reaches zero is freed at once, without the cyclic collector',
    versions: 'all',
    source: 'Include/object.h Py_DECREF, _Py_Dealloc',
    file: 'model/dealloc.ts',
  },
  'instance-dealloc-order': {
    summary: "a dying instance runs __del__ first, then clears its weak references and runs their callbacks, then drops its attributes in insertion order (then its __dict__, up to 3.10)",
    versions: 'all',
    source: 'Objects/typeobject.c subtype_dealloc',
    file: 'model/dealloc.ts',
  },
  'container-dealloc-order': {
    summary: 'a dying list or tuple drops its items last to first; a dict first to last, key then value',
    versions: 'all',
    source: 'Objects/listobject.c list_dealloc, Objects/tupleobject.c tupledealloc, Objects/dictobject.c dict_dealloc',
    file: 'model/dealloc.ts',
  },
  'slice-assignment-order': {
    summary: 'a list slice assignment or deletion puts the new items in place first, then drops the replaced ones: last to first for a step of 1 (and when the list ends up empty), in slice order for another step (a deletion: lowest index first)',
    versions: 'all',
    source: 'Objects/listobject.c list_ass_slice, list_ass_subscript, list_clear',
    file: 'model/exec/subscripts.ts',
  },
  'slots-dealloc-order': {
    summary: "a dying instance with __slots__ drops its slot values in the order of the sorted slot names",
    versions: 'all',
    source: 'Objects/typeobject.c type_new (slots are sorted), subtype_clear / clear_slots',
    file: 'model/dealloc.ts',
  },
  'finalizer-once': {
    summary: '__del__ runs at most once per object; if it stores self somewhere, the object is resurrected and not freed',
    versions: 'all',
    source: 'PEP 442; Objects/typeobject.c slot_tp_finalize, PyObject_CallFinalizerFromDealloc',
    file: 'model/dealloc.ts',
  },
  'weakref-shared-plain': {
    summary: 'weakref.ref(x) without a callback returns the existing plain reference to x (for a class, the one its base\'s __subclasses__ holds); one with a callback is always new',
    versions: 'all',
    source: 'Objects/weakrefobject.c get_basic_refs, weakref___new__; Objects/typeobject.c add_subclass',
    file: 'model/weakrefs.ts',
  },
  'weakref-callback-order': {
    summary: 'when an object dies every weak reference to it is cleared first, then the callbacks run, newest first; each weak reference with a callback is held until the callbacks have run (so one callback dropping another weak reference does not stop its callback)',
    versions: 'all',
    source: 'Objects/weakrefobject.c PyObject_ClearWeakRefs, insert_after',
    file: 'model/weakrefs.ts',
  },

  // ------------------------------------------------------------------------ the cyclic collector
  'gc-tracked-at-creation': {
    summary: 'lists, sets, instances, functions, methods, cells, weak references and tuples are tracked from creation; ints, floats, strs, bytes and object() never',
    versions: 'all',
    source: 'Objects/*object.c (Py_TPFLAGS_HAVE_GC, PyObject_GC_Track)',
    file: 'model/tracking.ts',
  },
  'gc-tuple-untracking': {
    summary: 'a collection untracks a tuple whose items can none of them be tracked (after finding the garbage; 3.14 does it to the young tuples before, so such a tuple in a dead cycle is not counted); from 3.14 a tuple display or tuple(list) of such items is never tracked',
    versions: 'all',
    source: 'Objects/tupleobject.c _PyTuple_MaybeUntrack; Modules/gcmodule.c untrack_tuples; Python/gc.c (3.14)',
    file: 'model/tracking.ts',
  },
  'gc-frozenset-untracking': {
    summary: 'a new frozenset that can hold nothing tracked (atomic items, untracked tuples) starts untracked',
    versions: '3.15+',
    source: 'Objects/setobject.c (measured on 3.15.0rc1)',
    file: 'model/tracking.ts',
  },
  'gc-dict-tracking': {
    summary: 'a dict is tracked once it holds something trackable, and a full collection untracks one that holds nothing trackable; from 3.14 every dict is tracked',
    versions: 'all',
    source: 'Objects/dictobject.c MAINTAIN_TRACKING, _PyDict_MaybeUntrack; Modules/gcmodule.c untrack_dicts',
    file: 'model/tracking.ts',
  },
  'gc-unreachable-count': {
    summary: 'gc.collect(gen) counts the tracked objects of generations 0..gen that only objects among them refer to',
    versions: 'all',
    source: 'Modules/gcmodule.c gc_collect_main, update_refs, subtract_refs, move_unreachable (Python/gc.c from 3.13)',
    file: 'model/gc.ts',
  },
  'gc-finalize-garbage': {
    summary: 'in a collection, weak references to garbage are cleared and their callbacks run, then __del__ runs once per object in list order; objects a finalizer resurrects survive, the rest are cleared',
    versions: 'all',
    source: 'Modules/gcmodule.c handle_weakrefs, finalize_garbage, handle_resurrected_objects, delete_garbage',
    file: 'model/gc.ts',
  },
  'gc-incremental': {
    summary: 'gc.collect(1) runs one increment of the incremental collector, not generation 1, with a budget that follows the whole heap: 0 when nothing anywhere is garbage, declined otherwise; the young tuples it may untrack and the young objects it may age are left unknown',
    versions: '3.14 (3.15 collects generations 0 and 1 again)',
    source: 'Python/gc.c gc_collect_increment',
    file: 'model/gc.ts',
  },

  // ------------------------------------------------------------------------ attributes
  'instance-dict-lazy': {
    summary: "an instance keeps its attributes without a dict object; x.__dict__ makes one",
    versions: '3.11+',
    source: 'Objects/dictobject.c managed dicts, _PyObject_InitInlineValues; Objects/typeobject.c',
    file: 'model/exec/attributes.ts',
  },
  'instance-dict-embedded': {
    summary: "x.__dict__ shares the values the object keeps inline: the collector visits them through the object and never counts the dict, and a store through the object leaves the dict's tracking as it was",
    versions: '3.13-3.14',
    source: 'Objects/dictobject.c _PyObject_MaterializeManagedDict, _PyObject_VisitManagedDict; Include/object.h Py_TPFLAGS_INLINE_VALUES',
    file: 'model/exec/attributes.ts',
  },
  'instance-dict-eager': {
    summary: "an instance's first attribute store creates its __dict__ object",
    versions: '3.8-3.10',
    source: 'Objects/object.c _PyObject_GenericSetAttrWithDict',
    file: 'model/exec/attributes.ts',
  },
  'immutable-builtin-type': {
    summary: "setting or deleting an attribute of a built-in type (type(257).q = 1, del int.real) is a TypeError",
    versions: 'all',
    source: 'Objects/typeobject.c type_setattro',
    file: 'model/exec/attributes.ts',
  },
  'bound-method-new': {
    summary: 'reading a function from an instance makes a new bound method object holding the function and the instance',
    versions: 'all',
    source: 'Objects/classobject.c PyMethod_New; Objects/funcobject.c func_descr_get',
    file: 'model/exec/attributes.ts',
  },

  // ------------------------------------------------------------------------ addresses and hashes
  'memory-reuse': {
    summary: "a freed block is handed to the very next allocation of the same kind and block size (pymalloc's size classes natively, dlmalloc's small bins in the WebAssembly builds), so id() of the old and the new object are equal",
    versions: '3.8-3.12 (3.13+ except class instances)',
    source: 'Objects/obmalloc.c pools; emscripten dlmalloc small bins; Objects/listobject.c and Objects/dictobject.c free lists',
    file: 'model/memory-reuse.ts',
  },
  'hash-numbers': {
    summary: 'hash() of an int or float is its value modulo 2**61 - 1 (2**31 - 1 on 32-bit builds)',
    versions: 'all',
    source: 'Python/pyhash.c _Py_HashDouble; Objects/longobject.c long_hash',
    file: 'model/hashing.ts',
  },
  'hash-str': {
    summary: 'hash() of a str or bytes is SipHash-2-4 (to 3.10) or SipHash-1-3 (3.11+) of its bytes with key zero under PYTHONHASHSEED=0, FNV on the WebAssembly builds',
    versions: 'all',
    source: 'Python/pyhash.c; PEP 456; bpo-29410',
    file: 'model/hashing.ts',
  },
  'hash-tuple': {
    summary: "hash() of a tuple combines its items' hashes with an xxHash-like mix",
    versions: 'all',
    source: 'Objects/tupleobject.c tuplehash',
    file: 'model/hashing.ts',
  },
  'set-order': {
    summary: 'a set iterates in its hash table slot order: open addressing with 9 linear probes, then perturbation; resize at 3/5 full',
    versions: 'all',
    source: 'Objects/setobject.c set_add_entry, set_table_resize, set_merge',
    file: 'model/set-table.ts',
  },
  'set-algebra': {
    summary: "union, intersection and difference (also s - t) build a new set of the receiver's type, tracked: a copy with the others merged in; the smaller set walked into an empty one; a copy with the other's items discarded, or the set walked — which decides the result's order and which of two equal items it holds; a set's s -= t discards in place (a frozenset's rebinds to a new one)",
    versions: 'all',
    source: 'Objects/setobject.c set_union, set_intersection, set_difference, set_copy_and_difference, set_merge, set_update_internal',
    file: 'model/set-algebra.ts',
  },
} as const satisfies Record<string, Rule>;

export type RuleId = keyof typeof RULES;

export const RULE_IDS = Object.keys(RULES) as RuleId[];
