/*
 * omezarr_models._speedups: the native fast path of metadata validation.
 *
 * Two things, both answering "is there nothing to report?" and nothing more:
 *
 * Program   a JSON Schema evaluator over Python objects (dict, list, str, int, float, bool,
 *           None). It runs the project's own schemas, lowered by omezarr_models._fast into a
 *           flat table of nodes (references resolved, base schema and SHOULD overlay merged),
 *           and answers is_valid. Anything it cannot judge exactly (another Python type, a key
 *           that is not a plain str, a non-finite float, very deep nesting, a regex error)
 *           makes it answer None: "ask jsonschema-rs".
 *
 * Checker   one call per document for OME-Zarr 0.4 and 0.5: the declared version, the merged
 *           schema, and conservative predicates for the hand-written rules of
 *           omezarr_models.rules (each mirrors a rule and answers "nothing to report" or "look
 *           closer"). It returns (version, kind), or with report() the Report itself, when the
 *           document has no issue at all, else None, and the Python validator then produces
 *           the report the slow way.
 *
 * Where the time goes is memory as much as instructions (documents are spread over the heap),
 * hence: one pass over an object's keys matched through a small hash table per node, keys
 * recognised by identity once met (json.loads shares one key object per document), a lookup
 * cache per evaluation (the schemas look at an axis's "type" several times; the predicates
 * reuse it), short paths for the commonest node shapes, and prefetching of what is read next.
 * bench/README.md has the figures.
 *
 * Soundness is what matters: None is always a safe answer. Tests compare both against
 * jsonschema-rs and the Python rules on generated documents (tests/test_speedups.py).
 * Build with -DSPEEDUPS_PROFILE for Program.hits(), the evaluations per node.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>
#include <math.h>
#include <string.h>

#define SPEEDUPS_ABI 2
#define MAX_DEPTH 400
/* objects naming this many keys or more are checked in one pass over their own keys */
#define SCAN_MIN 2
#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(x) __builtin_prefetch(x)
#else
#define PREFETCH(x) ((void)0)
#endif
/* JSON kinds of a Python value */
enum { K_BAIL = 0, K_NULL, K_BOOL, K_OBJECT, K_ARRAY, K_STRING, K_INT, K_FLOAT };

/* bits of the "type" keyword */
#define JT_NULL 1
#define JT_BOOLEAN 2
#define JT_OBJECT 4
#define JT_ARRAY 8
#define JT_NUMBER 16
#define JT_STRING 32
#define JT_INTEGER 64

typedef struct {
    Py_ssize_t n;
    int *idx;
} IdxList;

typedef struct {
    Py_ssize_t n;
    PyObject **names; /* owned references */
    int *idx;         /* node per name, or unused (required) */
} NameList;

/* One character class of a simple pattern with its count (see _fast.pattern_atoms). */
struct Atom {
    unsigned long long lo, hi; /* ASCII codes 0-63 and 64-127 */
    Py_ssize_t min, max;       /* max -1: unbounded */
};

struct KeySlot {
    PyObject *name; /* borrowed from the node's props/required lists */
    Py_ssize_t name_id; /* index in the program's table of names (ProgramObject.seen) */
    Py_hash_t hash;
    int prop;    /* node of the property's schema, or -1 */
    int req_bit; /* bit in req_mask, or -1 */
};

typedef struct {
    int always; /* -1: evaluate the keywords; 0: the false schema; 1: the true schema */
    int types;  /* 0: no "type" keyword */
    NameList props, required, deps;
    Py_ssize_t min_props;
    int items;
    Py_ssize_t min_items, max_items;
    int contains;
    Py_ssize_t min_contains, max_contains;
    int unique;
    Py_ssize_t min_length;
    PyObject *pattern; /* a bound re.Pattern.search, owned */
    Py_ssize_t natoms; /* > 0: the pattern as atoms, matched here without calling re */
    struct Atom *atoms;
    int atoms_end;     /* anchored at the end too */
    PyObject *minimum, *maximum;
    int has_const;
    PyObject *const_v;
    PyObject *enum_v; /* a tuple, owned */
    IdxList all_of, any_of, one_of;
    int not_, if_, then_, else_, ref;
    /* oneOf/anyOf over objects told apart by the constant string of one required property:
       only the alternative whose constant matches can pass (see _fast._discriminator) */
    /* properties and required names in one table, for checking an object in one pass over
       its keys instead of a lookup per name (most names are absent from most objects) */
    Py_ssize_t nslots;
    struct KeySlot *slots;
    unsigned long long req_mask;
    PyObject *by_prop;   /* the property name, owned; NULL when not used */
    NameList by_value;   /* constant -> alternative */
    int groups;          /* G_* bits: which keyword groups the node has */
    int type_only;       /* only a "type" keyword */
    int shape;           /* SHAPE_*: a node simple enough to evaluate without the general path */
    PyObject *enum_set;  /* a frozenset of the enum's strings, owned (long string enums) */
#ifdef SPEEDUPS_PROFILE
    long long hits;
#endif
    int str_const;       /* const is a str */
    int str_enum;        /* every enum value is a str */
    unsigned int table_mask; /* slot_table: open addressing by key hash, slot index + 1 */
    int *slot_table;
} Node;

/* node shapes with a short path in eval() */
#define SHAPE_GENERAL 0
#define SHAPE_STR_CONST 1 /* {"const": "x"} (with "type": "string" or no type) */
#define SHAPE_STR_ENUM 2  /* {"enum": ["x", ...]} of strings (same) */
#define SHAPE_TAG 3       /* {"required": [k], "properties": {k: {"const": "x"}}} ("type": "object") */
#define SHAPE_REQUIRED 4  /* {"required": [k, ...]} alone ("type": "object") */

#define G_OBJECT 1
#define G_ARRAY 2
#define G_STRING 4
#define G_NUMBER 8
#define G_APPLY 16
#define G_VALUE 32

/* Lookups made during one evaluation, remembered: the schemas look at the same key of the same
 * object several times (an axis's "type" in items, contains, if, and the SHOULD overlay). The
 * instance does not change while it is evaluated, so a remembered value stays right. */
#define LOOKUP_CACHE 128
struct Lookup {
    PyObject *dict;
    Py_ssize_t name_id;
    PyObject *val; /* borrowed; NULL: absent */
};

typedef struct {
    int bail;
    int depth;
    struct Lookup cache[LOOKUP_CACHE];
} Ctx;

static inline int
kind_of(PyObject *v)
{
    PyTypeObject *t = Py_TYPE(v);
    if (t == &PyDict_Type) return K_OBJECT;
    if (t == &PyUnicode_Type) return K_STRING;
    if (t == &PyList_Type) return K_ARRAY;
    if (t == &PyLong_Type) return K_INT;
    if (t == &PyFloat_Type) return isfinite(PyFloat_AS_DOUBLE(v)) ? K_FLOAT : K_BAIL;
    if (t == &PyBool_Type) return K_BOOL;
    if (v == Py_None) return K_NULL;
    return K_BAIL;
}

/* Equality of two exact str: CPython keeps strings in their narrowest kind, so equal strings
 * have equal kinds and lengths and the same bytes. */
static inline int
str_eq(PyObject *a, PyObject *b)
{
    if (a == b) return 1;
    Py_ssize_t n = PyUnicode_GET_LENGTH(a);
    int kind = PyUnicode_KIND(a);
    if (n != PyUnicode_GET_LENGTH(b) || kind != PyUnicode_KIND(b)) return 0;
    return memcmp(PyUnicode_DATA(a), PyUnicode_DATA(b), (size_t)n * (size_t)kind) == 0;
}

/* Every key of a dict the evaluator looks at must be an exact str (JSON object keys). */
static int
keys_ok(PyObject *d)
{
    Py_ssize_t pos = 0;
    PyObject *k, *val;
    while (PyDict_Next(d, &pos, &k, &val)) {
        if (!PyUnicode_CheckExact(k)) return 0;
    }
    return 1;
}

/* Two numbers compared (op: Py_EQ, or Py_GE/Py_LE for minimum/maximum); an error: unsure. */
static int
compare(Ctx *c, PyObject *a, PyObject *b, int op)
{
    int r = PyObject_RichCompareBool(a, b, op);
    if (r < 0) {
        PyErr_Clear();
        c->bail = 1;
        return 0;
    }
    return r;
}

/* JSON equality: 1 == 1.0, true != 1, objects by keys and values. Sets c->bail if unsure. */
static int
json_equal(Ctx *c, PyObject *a, PyObject *b)
{
    int ka = kind_of(a), kb = kind_of(b);
    if (ka == K_BAIL || kb == K_BAIL) {
        c->bail = 1;
        return 0;
    }
    int na = ka == K_INT || ka == K_FLOAT, nb = kb == K_INT || kb == K_FLOAT;
    if (na && nb) {
        return compare(c, a, b, Py_EQ);
    }
    if (ka != kb) return 0;
    switch (ka) {
    case K_NULL:
        return 1;
    case K_BOOL:
        return a == b;
    case K_STRING:
        return str_eq(a, b);
    case K_ARRAY: {
        Py_ssize_t n = PyList_GET_SIZE(a);
        if (n != PyList_GET_SIZE(b)) return 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            if (!json_equal(c, PyList_GET_ITEM(a, i), PyList_GET_ITEM(b, i))) return 0;
        }
        return 1;
    }
    case K_OBJECT: {
        if (!keys_ok(a) || !keys_ok(b)) {
            c->bail = 1;
            return 0;
        }
        if (PyDict_GET_SIZE(a) != PyDict_GET_SIZE(b)) return 0;
        Py_ssize_t pos = 0;
        PyObject *k, *va;
        while (PyDict_Next(a, &pos, &k, &va)) {
            PyObject *vb = PyDict_GetItemWithError(b, k);
            if (vb == NULL) {
                if (PyErr_Occurred()) {
                    PyErr_Clear();
                    c->bail = 1;
                }
                return 0;
            }
            if (!json_equal(c, va, vb)) return 0;
        }
        return 1;
    }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Program: the schema evaluator                                                              */
/* ------------------------------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    Py_ssize_t n;
    Node *nodes;
    int root;
    /* Every property or required name of the program once, and for each the last equal key
       object met in an instance (owned). json.loads shares one key object among all the
       objects of a document, so after the first match a key is recognised by identity, and a
       lookup made with it skips the string comparison. */
    Py_ssize_t nnames;
    PyObject **names;
    PyObject **seen;
} ProgramObject;

static int eval(ProgramObject *p, Ctx *c, int idx, PyObject *v);
static int eval_shape(ProgramObject *p, Ctx *c, Node *nd, PyObject *v);


static inline struct Lookup *
cache_entry(Ctx *c, PyObject *d, Py_ssize_t name_id)
{
    size_t h = (((size_t)d >> 4) ^ ((size_t)name_id * 0x9E3779B1u)) & (LOOKUP_CACHE - 1);
    return &c->cache[h];
}

/* Remember a key's value found by a pass over an object's keys. */
static inline void
remember(Ctx *c, PyObject *d, Py_ssize_t name_id, PyObject *val)
{
    struct Lookup *e = cache_entry(c, d, name_id);
    e->dict = d;
    e->name_id = name_id;
    e->val = val;
}

/* The value of a slot's key in dict d (NULL: absent; c->bail set on an error). */
static inline PyObject *
lookup(ProgramObject *p, Ctx *c, PyObject *d, struct KeySlot *slot)
{
    struct Lookup *e = cache_entry(c, d, slot->name_id);
    if (e->dict == d && e->name_id == slot->name_id) return e->val;
    PyObject *seen = slot->name_id < p->nnames ? p->seen[slot->name_id] : NULL;
    PyObject *val = PyDict_GetItemWithError(d, seen ? seen : slot->name);
    if (val == NULL && PyErr_Occurred()) {
        PyErr_Clear();
        c->bail = 1;
        return NULL;
    }
    e->dict = d;
    e->name_id = slot->name_id;
    e->val = val;
    return val;
}

/* Whether a value of kind k matches the "type" bits. */
static inline int
kind_matches(int types, int k, PyObject *v)
{
    switch (k) {
    case K_NULL: return types & JT_NULL;
    case K_BOOL: return types & JT_BOOLEAN;
    case K_OBJECT: return types & JT_OBJECT;
    case K_ARRAY: return types & JT_ARRAY;
    case K_STRING: return types & JT_STRING;
    case K_INT: return types & (JT_NUMBER | JT_INTEGER);
    default: {
        double d = PyFloat_AS_DOUBLE(v);
        return (types & JT_NUMBER) || ((types & JT_INTEGER) && d == floor(d));
    }
    }
}

/* Greedy left-to-right match of a pattern's atoms: exact because _fast.pattern_atoms only
 * emits atom sequences where a variable count never competes with the next atom. */
static int
match_atoms(Node *nd, PyObject *s)
{
    Py_ssize_t n = PyUnicode_GET_LENGTH(s), pos = 0;
    int kind = PyUnicode_KIND(s);
    const void *data = PyUnicode_DATA(s);
    for (Py_ssize_t a = 0; a < nd->natoms; a++) {
        struct Atom *atom = &nd->atoms[a];
        Py_ssize_t count = 0;
        while ((atom->max < 0 || count < atom->max) && pos < n) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, pos);
            if (ch >= 128) break;
            unsigned long long mask = ch < 64 ? atom->lo : atom->hi;
            if (!((mask >> (ch & 63)) & 1ULL)) break;
            count++;
            pos++;
        }
        if (count < atom->min) return 0;
    }
    return !nd->atoms_end || pos == n;
}

static int
eval_all(ProgramObject *p, Ctx *c, IdxList *l, PyObject *v)
{
    for (Py_ssize_t i = 0; i < l->n; i++) {
        if (!eval(p, c, l->idx[i], v)) return 0;
    }
    return 1;
}

/* Ask for the memory a container's evaluation reads first: a dict's table of keys and values,
 * a list's array of items (the object itself was prefetched earlier). */
static inline void
prefetch_inside(PyObject *v)
{
    PyTypeObject *t = Py_TYPE(v);
    if (t == &PyDict_Type) PREFETCH(((PyDictObject *)v)->ma_keys);
    else if (t == &PyList_Type) PREFETCH(((PyListObject *)v)->ob_item);
}

/* A bare "type" keyword on a value (unsure for values that are not plain JSON). */
static inline int
type_check(Ctx *c, int types, PyObject *v)
{
    int k = kind_of(v);
    if (k == K_BAIL) {
        c->bail = 1;
        return 0;
    }
    return kind_matches(types, k, v) != 0;
}

/* eval() of a property, item or contains schema, with the bare-type check (half of all nodes
 * evaluated) done in place instead of through a call. */
static inline int
eval_child(ProgramObject *p, Ctx *c, int idx, PyObject *v)
{
    Node *nd = &p->nodes[idx];
    if (nd->type_only) return type_check(c, nd->types, v);
    return eval(p, c, idx, v);
}

static int
eval_keywords(ProgramObject *p, Ctx *c, Node *nd, PyObject *v)
{
    int k = kind_of(v);
    if (k == K_BAIL) {
        c->bail = 1;
        return 0;
    }
    if (nd->types && !kind_matches(nd->types, k, v)) return 0;
    if (!nd->groups) return 1;
    if (nd->has_const) {
        /* a string constant (the usual case) equals only an equal string */
        if (nd->str_const ? (k != K_STRING || !str_eq(v, nd->const_v))
                          : !json_equal(c, v, nd->const_v))
            return 0;
    }
    if (nd->str_enum) {
        if (k != K_STRING) return 0;
        Py_ssize_t n = PyTuple_GET_SIZE(nd->enum_v);
        int found = 0;
        for (Py_ssize_t i = 0; i < n && !found; i++) found = str_eq(v, PyTuple_GET_ITEM(nd->enum_v, i));
        if (!found) return 0;
    }
    else if (nd->enum_v) {
        Py_ssize_t n = PyTuple_GET_SIZE(nd->enum_v);
        int found = 0;
        for (Py_ssize_t i = 0; i < n && !found; i++) {
            found = json_equal(c, v, PyTuple_GET_ITEM(nd->enum_v, i));
        }
        if (!found || c->bail) return 0;
    }
    if (k == K_OBJECT && (nd->groups & G_OBJECT)) {
        /* Non-string keys (not JSON) are not looked at: no keyword here enumerates keys, but
           minProperties counts them, so there a non-string key means "unsure". */
        /* one pass over the keys pays when the node names several keys (most absent); for one
           or two names, lookups are cheaper */
        if (nd->nslots >= SCAN_MIN && PyDict_GET_SIZE(v) <= 4 * nd->nslots) {
            /* several names, most absent: one pass over the instance's keys */
            unsigned long long found = 0;
            int pending_node[16], npending = 0;
            PyObject *pending_val[16];
            Py_ssize_t pos = 0;
            PyObject *key, *val;
            while (PyDict_Next(v, &pos, &key, &val)) {
                if (!PyUnicode_CheckExact(key)) {
                    /* not a plain str key (a subclass, or not JSON at all): unsure */
                    c->bail = 1;
                    return 0;
                }
                Py_hash_t h = ((PyASCIIObject *)key)->hash;
                if (h == -1) h = PyObject_Hash(key);
                for (unsigned int t = (unsigned int)h & nd->table_mask; nd->slot_table[t];
                     t = (t + 1) & nd->table_mask) {
                    struct KeySlot *slot = &nd->slots[nd->slot_table[t] - 1];
                    if (slot->hash != h) continue;
                    PyObject **seen = &p->seen[slot->name_id];
                    if (*seen != key) {
                        if (!str_eq(slot->name, key)) continue;
                        Py_INCREF(key);
                        Py_XSETREF(*seen, key);
                    }
                    remember(c, v, slot->name_id, val);
                    if (slot->req_bit >= 0) found |= 1ULL << slot->req_bit;
                    if (slot->prop >= 0) {
                        if (npending < 16) {
                            /* evaluated after the pass, their memory asked for now */
                            PREFETCH(val);
                            pending_node[npending] = slot->prop;
                            pending_val[npending++] = val;
                        }
                        else if (!eval_child(p, c, slot->prop, val))
                            return 0;
                    }
                    break;
                }
            }
            if ((found & nd->req_mask) != nd->req_mask) return 0;
            for (int i = 0; i < npending; i++) {
                if (i + 1 < npending) prefetch_inside(pending_val[i + 1]);
                if (!eval_child(p, c, pending_node[i], pending_val[i])) return 0;
            }
            goto after_properties;
        }
        if (nd->slots) {
            /* one or two names: a lookup each, with the key object last met if any */
            unsigned long long found = 0;
            for (Py_ssize_t i = 0; i < nd->nslots; i++) {
                struct KeySlot *slot = &nd->slots[i];
                PyObject *val = lookup(p, c, v, slot);
                if (val == NULL) {
                    if (c->bail) return 0;
                    continue;
                }
                if (slot->req_bit >= 0) found |= 1ULL << slot->req_bit;
                if (slot->prop >= 0 && !eval_child(p, c, slot->prop, val)) return 0;
            }
            if ((found & nd->req_mask) != nd->req_mask) return 0;
            goto after_properties;
        }
        for (Py_ssize_t i = 0; i < nd->required.n; i++) {
            int r = PyDict_Contains(v, nd->required.names[i]);
            if (r <= 0) {
                if (r < 0) {
                    PyErr_Clear();
                    c->bail = 1;
                }
                return 0;
            }
        }
        for (Py_ssize_t i = 0; i < nd->props.n; i++) {
            PyObject *val = PyDict_GetItemWithError(v, nd->props.names[i]);
            if (val == NULL) {
                if (PyErr_Occurred()) {
                    PyErr_Clear();
                    c->bail = 1;
                    return 0;
                }
                continue;
            }
            if (!eval_child(p, c, nd->props.idx[i], val)) return 0;
        }
    after_properties:
        if (nd->min_props >= 0) {
            if (!keys_ok(v)) {
                c->bail = 1;
                return 0;
            }
            if (PyDict_GET_SIZE(v) < nd->min_props) return 0;
        }
        for (Py_ssize_t i = 0; i < nd->deps.n; i++) {
            int r = PyDict_Contains(v, nd->deps.names[i]);
            if (r < 0) {
                PyErr_Clear();
                c->bail = 1;
                return 0;
            }
            if (r && !eval(p, c, nd->deps.idx[i], v)) return 0;
        }
    }
    else if (k == K_ARRAY && (nd->groups & G_ARRAY)) {
        Py_ssize_t n = PyList_GET_SIZE(v);
        if (nd->min_items >= 0 && n < nd->min_items) return 0;
        if (nd->max_items >= 0 && n > nd->max_items) return 0;
        /* ask for the items' memory now: evaluating them in turn then waits for one cache miss
           at a time less often (documents are spread over the heap) */
        for (Py_ssize_t i = 0; i < n && i < 16; i++) PREFETCH(PyList_GET_ITEM(v, i));
        if (nd->items >= 0) {
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(v); i++) {
                if (i + 1 < PyList_GET_SIZE(v)) prefetch_inside(PyList_GET_ITEM(v, i + 1));
                if (!eval_child(p, c, nd->items, PyList_GET_ITEM(v, i))) return 0;
            }
        }
        if (nd->contains >= 0) {
            Py_ssize_t count = 0;
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(v); i++) {
                if (eval_child(p, c, nd->contains, PyList_GET_ITEM(v, i))) count++;
                if (c->bail) return 0;
            }
            if (count < nd->min_contains) return 0;
            if (nd->max_contains >= 0 && count > nd->max_contains) return 0;
        }
        if (nd->unique) {
            for (Py_ssize_t i = 0; i < PyList_GET_SIZE(v); i++) {
                for (Py_ssize_t j = i + 1; j < PyList_GET_SIZE(v); j++) {
                    if (json_equal(c, PyList_GET_ITEM(v, i), PyList_GET_ITEM(v, j))) return 0;
                    if (c->bail) return 0;
                }
            }
        }
    }
    else if (k == K_STRING && (nd->groups & G_STRING)) {
        if (nd->min_length >= 0 && PyUnicode_GET_LENGTH(v) < nd->min_length) return 0;
        if (nd->natoms) {
            if (!match_atoms(nd, v)) return 0;
        }
        else if (nd->pattern) {
            PyObject *m = PyObject_CallOneArg(nd->pattern, v);
            if (m == NULL) {
                PyErr_Clear();
                c->bail = 1;
                return 0;
            }
            int matched = m != Py_None;
            Py_DECREF(m);
            if (!matched) return 0;
        }
    }
    else if ((k == K_INT || k == K_FLOAT) && (nd->groups & G_NUMBER)) {
        if (nd->minimum && !compare(c, v, nd->minimum, Py_GE)) return 0;
        if (nd->maximum && !compare(c, v, nd->maximum, Py_LE)) return 0;
    }
    if (!(nd->groups & G_APPLY)) return 1;
    if (nd->ref >= 0 && !eval(p, c, nd->ref, v)) return 0;
    if (!eval_all(p, c, &nd->all_of, v)) return 0;
    if (nd->by_prop) {
        if (k != K_OBJECT) return 0;
        PyObject *tag = PyDict_GetItemWithError(v, nd->by_prop);
        if (tag == NULL) {
            if (PyErr_Occurred()) {
                PyErr_Clear();
                c->bail = 1;
            }
            return 0;
        }
        if (!PyUnicode_CheckExact(tag)) {
            if (PyUnicode_Check(tag)) c->bail = 1;
            return 0;
        }
        for (Py_ssize_t i = 0; i < nd->by_value.n; i++) {
            if (str_eq(tag, nd->by_value.names[i]))
                return eval(p, c, nd->by_value.idx[i], v);
        }
        return 0;
    }
    if (nd->any_of.n) {
        int any = 0;
        for (Py_ssize_t i = 0; i < nd->any_of.n && !any; i++) {
            any = eval(p, c, nd->any_of.idx[i], v);
            if (c->bail) return 0;
        }
        if (!any) return 0;
    }
    if (nd->one_of.n) {
        int count = 0;
        for (Py_ssize_t i = 0; i < nd->one_of.n && count < 2; i++) {
            count += eval(p, c, nd->one_of.idx[i], v);
            if (c->bail) return 0;
        }
        if (count != 1) return 0;
    }
    if (nd->not_ >= 0) {
        int r = eval(p, c, nd->not_, v);
        if (c->bail || r) return 0;
    }
    if (nd->if_ >= 0) {
        int r = eval(p, c, nd->if_, v);
        if (c->bail) return 0;
        int branch = r ? nd->then_ : nd->else_;
        if (branch >= 0 && !eval(p, c, branch, v)) return 0;
    }
    return 1;
}

static int
eval(ProgramObject *p, Ctx *c, int idx, PyObject *v)
{
    if (c->bail) return 0;
    Node *nd = &p->nodes[idx];
#ifdef SPEEDUPS_PROFILE
    nd->hits++;
#endif
    if (nd->always >= 0) return nd->always;
    /* the most common node, a bare "type": no recursion, no depth */
    if (nd->type_only) return type_check(c, nd->types, v);
    if (nd->shape != SHAPE_GENERAL) return eval_shape(p, c, nd, v);
    if (++c->depth > MAX_DEPTH) {
        c->bail = 1;
        return 0;
    }
    int r = eval_keywords(p, c, nd, v);
    c->depth--;
    return r && !c->bail;
}

/* A string against a string const or enum node. */
static inline int
str_value_ok(Ctx *c, Node *nd, PyObject *v)
{
    int k = kind_of(v);
    if (k == K_BAIL) {
        c->bail = 1;
        return 0;
    }
    if (k != K_STRING) return 0;
    if (nd->shape == SHAPE_STR_CONST) return str_eq(v, nd->const_v);
    if (nd->enum_set) {
        int r = PySet_Contains(nd->enum_set, v);
        if (r < 0) {
            PyErr_Clear();
            c->bail = 1;
            return 0;
        }
        return r;
    }
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(nd->enum_v); i++) {
        if (str_eq(v, PyTuple_GET_ITEM(nd->enum_v, i))) return 1;
    }
    return 0;
}

/* The short path of the simple node shapes (see SHAPE_*). */
static int
eval_shape(ProgramObject *p, Ctx *c, Node *nd, PyObject *v)
{
    if (nd->shape < SHAPE_TAG) return str_value_ok(c, nd, v);
    int k = kind_of(v);
    if (k == K_BAIL) {
        c->bail = 1;
        return 0;
    }
    if (k != K_OBJECT) return nd->types ? 0 : 1;
    if (nd->shape == SHAPE_REQUIRED) {
        for (Py_ssize_t i = 0; i < nd->nslots; i++) {
            if (lookup(p, c, v, &nd->slots[i]) == NULL) return 0;
        }
        return 1;
    }
    struct KeySlot *slot = &nd->slots[0];
    PyObject *val = lookup(p, c, v, slot);
    if (val == NULL) return 0;
    return str_value_ok(c, &p->nodes[slot->prop], val);
}

/* Evaluate the program; 1 valid, 0 invalid, -1 unsure (ask jsonschema-rs). */
static void
ctx_init(Ctx *c)
{
    c->bail = 0;
    c->depth = 0;
    memset(c->cache, 0, sizeof(c->cache));
}

static int
program_run_in(ProgramObject *p, Ctx *c, PyObject *v)
{
    int r = eval(p, c, p->root, v);
    return c->bail ? -1 : r;
}

static int
program_run(ProgramObject *p, PyObject *v)
{
    Ctx c;
    ctx_init(&c);
    return program_run_in(p, &c, v);
}

/* ---- building a Program from the lowered node table (see omezarr_models._fast) ---------- */

static int
get_int(PyObject *d, const char *key, long dflt, long lo, long hi, long *out)
{
    PyObject *v = PyDict_GetItemString(d, key);
    if (v == NULL) {
        *out = dflt;
        return 0;
    }
    if (!PyLong_CheckExact(v)) {
        PyErr_Format(PyExc_TypeError, "node key %s: expected an int", key);
        return -1;
    }
    long x = PyLong_AsLong(v);
    if (x == -1 && PyErr_Occurred()) return -1;
    if (x < lo || x > hi) {
        PyErr_Format(PyExc_ValueError, "node key %s: %ld out of range", key, x);
        return -1;
    }
    *out = x;
    return 0;
}

/* The tuple at d[key]: 1 and *out, 0 when absent, -1 (an error set) when not a tuple. */
static int
get_tuple(PyObject *d, const char *key, PyObject **out)
{
    *out = PyDict_GetItemString(d, key);
    if (*out == NULL) return 0;
    if (!PyTuple_CheckExact(*out)) {
        PyErr_Format(PyExc_TypeError, "node key %s: expected a tuple", key);
        return -1;
    }
    return 1;
}

static int
get_idxlist(PyObject *d, const char *key, Py_ssize_t nnodes, IdxList *out)
{
    PyObject *v;
    out->n = 0;
    out->idx = NULL;
    int found = get_tuple(d, key, &v);
    if (found <= 0) return found;
    Py_ssize_t n = PyTuple_GET_SIZE(v);
    out->idx = PyMem_Calloc(n ? n : 1, sizeof(int));
    if (!out->idx) {
        PyErr_NoMemory();
        return -1;
    }
    out->n = n;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyTuple_GET_ITEM(v, i);
        long j = PyLong_Check(x) ? PyLong_AsLong(x) : -1;
        if (j < 0 || j >= nnodes) {
            PyErr_Format(PyExc_ValueError, "node key %s: bad node index", key);
            return -1;
        }
        out->idx[i] = (int)j;
    }
    return 0;
}

/* A tuple of names, or of (name, node) pairs when with_idx. */
static int
get_names(PyObject *d, const char *key, Py_ssize_t nnodes, int with_idx, NameList *out)
{
    PyObject *v;
    out->n = 0;
    out->names = NULL;
    out->idx = NULL;
    int found = get_tuple(d, key, &v);
    if (found <= 0) return found;
    Py_ssize_t n = PyTuple_GET_SIZE(v);
    out->names = PyMem_Calloc(n ? n : 1, sizeof(PyObject *));
    out->idx = PyMem_Calloc(n ? n : 1, sizeof(int));
    if (!out->names || !out->idx) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *x = PyTuple_GET_ITEM(v, i);
        PyObject *name = x;
        long j = 0;
        if (with_idx) {
            if (!PyTuple_CheckExact(x) || PyTuple_GET_SIZE(x) != 2) {
                PyErr_Format(PyExc_TypeError, "node key %s: expected (name, node) pairs", key);
                return -1;
            }
            name = PyTuple_GET_ITEM(x, 0);
            PyObject *jo = PyTuple_GET_ITEM(x, 1);
            j = PyLong_Check(jo) ? PyLong_AsLong(jo) : -1;
            if (j < 0 || j >= nnodes) {
                PyErr_Format(PyExc_ValueError, "node key %s: bad node index", key);
                return -1;
            }
        }
        if (!PyUnicode_CheckExact(name)) {
            PyErr_Format(PyExc_TypeError, "node key %s: names must be str", key);
            return -1;
        }
        Py_INCREF(name);
        out->names[i] = name;
        out->idx[i] = (int)j;
        out->n = i + 1;
    }
    return 0;
}

/* "patternAtoms": ((lo, hi, min, max), ...) and "patternEnd": 0/1 */
static int
get_atoms(PyObject *d, Node *nd)
{
    PyObject *v = PyDict_GetItemString(d, "patternAtoms");
    if (v == NULL) return 0;
    if (!PyTuple_CheckExact(v) || PyTuple_GET_SIZE(v) == 0) {
        PyErr_SetString(PyExc_TypeError, "patternAtoms: expected a non-empty tuple");
        return -1;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(v);
    nd->atoms = PyMem_Calloc(n, sizeof(struct Atom));
    if (!nd->atoms) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        struct Atom *atom = &nd->atoms[i];
        unsigned long long lo, hi;
        if (!PyArg_ParseTuple(PyTuple_GET_ITEM(v, i), "KKnn", &lo, &hi, &atom->min, &atom->max))
            return -1;
        atom->lo = lo;
        atom->hi = hi;
        if (atom->min < 0 || atom->max < -1 || (atom->max >= 0 && atom->max < atom->min)) {
            PyErr_SetString(PyExc_ValueError, "patternAtoms: bad counts");
            return -1;
        }
    }
    nd->natoms = n;
    long end;
    if (get_int(d, "patternEnd", 0, 0, 1, &end) < 0) return -1;
    nd->atoms_end = (int)end;
    return 0;
}

static PyObject *
get_obj(PyObject *d, const char *key)
{
    PyObject *v = PyDict_GetItemString(d, key);
    Py_XINCREF(v);
    return v;
}

/* The one-pass table of a node's properties and required names (up to 64 required names;
 * beyond that the node looks names up one by one). */
static int
build_slots(ProgramObject *self, Node *nd)
{
    Py_ssize_t n = nd->props.n + nd->required.n;
    if (n == 0 || nd->required.n > 64) return 0;
    nd->slots = PyMem_Calloc(n, sizeof(struct KeySlot));
    if (!nd->slots) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t used = 0;
    for (Py_ssize_t i = 0; i < nd->props.n + nd->required.n; i++) {
        int is_prop = i < nd->props.n;
        PyObject *name = is_prop ? nd->props.names[i] : nd->required.names[i - nd->props.n];
        struct KeySlot *slot = NULL;
        for (Py_ssize_t j = 0; j < used; j++) {
            int eq = PyUnicode_Compare(nd->slots[j].name, name);
            if (eq == -1 && PyErr_Occurred()) return -1;
            if (eq == 0) slot = &nd->slots[j];
        }
        if (!slot) {
            slot = &nd->slots[used++];
            slot->name = name;
            slot->hash = PyObject_Hash(name);
            if (slot->hash == -1) return -1;
            slot->name_id = -1;
            for (Py_ssize_t k = 0; k < self->nnames && slot->name_id < 0; k++) {
                if (str_eq(self->names[k], name)) slot->name_id = k;
            }
            if (slot->name_id < 0) {
                slot->name_id = self->nnames;
                self->names[self->nnames++] = name;
            }
            slot->prop = -1;
            slot->req_bit = -1;
        }
        if (is_prop) slot->prop = nd->props.idx[i];
        else if (slot->req_bit < 0) {
            slot->req_bit = (int)(i - nd->props.n);
            nd->req_mask |= 1ULL << slot->req_bit;
        }
    }
    nd->nslots = used;
    unsigned int size = 4;
    while (size < 2 * (unsigned int)used) size *= 2;
    nd->slot_table = PyMem_Calloc(size, sizeof(int));
    if (!nd->slot_table) {
        PyErr_NoMemory();
        return -1;
    }
    nd->table_mask = size - 1;
    for (Py_ssize_t j = 0; j < used; j++) {
        unsigned int t = (unsigned int)nd->slots[j].hash & nd->table_mask;
        while (nd->slot_table[t]) t = (t + 1) & nd->table_mask;
        nd->slot_table[t] = (int)j + 1;
    }
    return 0;
}

static void
free_names(NameList *l)
{
    for (Py_ssize_t i = 0; i < l->n; i++) Py_XDECREF(l->names[i]);
    PyMem_Free(l->names);
    PyMem_Free(l->idx);
}

static void
program_clear_nodes(ProgramObject *self)
{
    if (!self->nodes) return;
    for (Py_ssize_t i = 0; i < self->n; i++) {
        Node *nd = &self->nodes[i];
        free_names(&nd->props);
        free_names(&nd->required);
        free_names(&nd->deps);
        free_names(&nd->by_value);
        PyMem_Free(nd->slots);
        PyMem_Free(nd->slot_table);
        PyMem_Free(nd->atoms);
        Py_XDECREF(nd->by_prop);
        Py_XDECREF(nd->pattern);
        Py_XDECREF(nd->minimum);
        Py_XDECREF(nd->maximum);
        Py_XDECREF(nd->const_v);
        Py_XDECREF(nd->enum_v);
        Py_XDECREF(nd->enum_set);
        PyMem_Free(nd->all_of.idx);
        PyMem_Free(nd->any_of.idx);
        PyMem_Free(nd->one_of.idx);
    }
    PyMem_Free(self->nodes);
    self->nodes = NULL;
    self->n = 0;
    for (Py_ssize_t i = 0; i < self->nnames; i++) Py_XDECREF(self->seen[i]);
    PyMem_Free(self->seen);
    PyMem_Free(self->names);
    self->seen = NULL;
    self->names = NULL;
    self->nnames = 0;
}

static void
program_dealloc(ProgramObject *self)
{
    program_clear_nodes(self);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

#define GET_INT(key, dflt, lo, hi, field)                                                   \
    do {                                                                                    \
        long tmp_;                                                                          \
        if (get_int(d, key, dflt, lo, hi, &tmp_) < 0) return -1;                            \
        field = tmp_;                                                                       \
    } while (0)

static int
program_init(ProgramObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *table;
    int root;
    static char *kwlist[] = {"nodes", "root", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!i", kwlist, &PyTuple_Type, &table, &root))
        return -1;
    program_clear_nodes(self);
    Py_ssize_t n = PyTuple_GET_SIZE(table);
    if (n == 0 || n > 1000000 || root < 0 || root >= n) {
        PyErr_SetString(PyExc_ValueError, "bad node table or root");
        return -1;
    }
    self->nodes = PyMem_Calloc(n, sizeof(Node));
    if (!self->nodes) {
        PyErr_NoMemory();
        return -1;
    }
    self->n = n;
    self->root = root;
    long big = PY_SSIZE_T_MAX > LONG_MAX ? LONG_MAX : (long)PY_SSIZE_T_MAX;
    Py_ssize_t max_names = 1;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = PyTuple_GET_ITEM(table, i);
        const char *keys[] = {"properties", "required"};
        for (int j = 0; j < 2 && PyDict_CheckExact(d); j++) {
            PyObject *names = PyDict_GetItemString(d, keys[j]);
            if (names && PyTuple_CheckExact(names)) max_names += PyTuple_GET_SIZE(names);
        }
    }
    self->names = PyMem_Calloc(max_names, sizeof(PyObject *));
    self->seen = PyMem_Calloc(max_names, sizeof(PyObject *));
    if (!self->names || !self->seen) {
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *d = PyTuple_GET_ITEM(table, i);
        Node *nd = &self->nodes[i];
        if (!PyDict_CheckExact(d)) {
            PyErr_SetString(PyExc_TypeError, "each node must be a dict");
            return -1;
        }
        GET_INT("always", -1, -1, 1, nd->always);
        GET_INT("types", 0, 0, 127, nd->types);
        GET_INT("minProperties", -1, 0, big, nd->min_props);
        GET_INT("items", -1, 0, n - 1, nd->items);
        GET_INT("minItems", -1, 0, big, nd->min_items);
        GET_INT("maxItems", -1, 0, big, nd->max_items);
        GET_INT("contains", -1, 0, n - 1, nd->contains);
        GET_INT("minContains", 1, 0, big, nd->min_contains);
        GET_INT("maxContains", -1, 0, big, nd->max_contains);
        GET_INT("uniqueItems", 0, 0, 1, nd->unique);
        GET_INT("minLength", -1, 0, big, nd->min_length);
        GET_INT("not", -1, 0, n - 1, nd->not_);
        GET_INT("if", -1, 0, n - 1, nd->if_);
        GET_INT("then", -1, 0, n - 1, nd->then_);
        GET_INT("else", -1, 0, n - 1, nd->else_);
        GET_INT("ref", -1, 0, n - 1, nd->ref);
        if (get_names(d, "properties", n, 1, &nd->props) < 0) return -1;
        if (get_names(d, "required", n, 0, &nd->required) < 0) return -1;
        if (get_names(d, "dependentSchemas", n, 1, &nd->deps) < 0) return -1;
        if (get_idxlist(d, "allOf", n, &nd->all_of) < 0) return -1;
        if (get_idxlist(d, "anyOf", n, &nd->any_of) < 0) return -1;
        if (get_idxlist(d, "oneOf", n, &nd->one_of) < 0) return -1;
        nd->pattern = get_obj(d, "pattern");
        nd->minimum = get_obj(d, "minimum");
        nd->maximum = get_obj(d, "maximum");
        nd->const_v = get_obj(d, "const");
        nd->has_const = nd->const_v != NULL;
        nd->enum_v = get_obj(d, "enum");
        PyObject *by = PyDict_GetItemString(d, "by");
        if (by) {
            PyObject *pairs;
            if (!PyTuple_CheckExact(by) || PyTuple_GET_SIZE(by) != 2 ||
                !PyUnicode_CheckExact(PyTuple_GET_ITEM(by, 0))) {
                PyErr_SetString(PyExc_TypeError, "by: expected (name, ((const, node), ...))");
                return -1;
            }
            pairs = PyDict_New();
            if (!pairs || PyDict_SetItemString(pairs, "by", PyTuple_GET_ITEM(by, 1)) < 0) {
                Py_XDECREF(pairs);
                return -1;
            }
            int r = get_names(pairs, "by", n, 1, &nd->by_value);
            Py_DECREF(pairs);
            if (r < 0) return -1;
            nd->by_prop = PyTuple_GET_ITEM(by, 0);
            Py_INCREF(nd->by_prop);
        }
        if (get_atoms(d, nd) < 0) return -1;
        if (nd->pattern && !PyCallable_Check(nd->pattern)) {
            PyErr_SetString(PyExc_TypeError, "pattern must be callable (re.Pattern.search)");
            return -1;
        }
        if (nd->enum_v && !PyTuple_CheckExact(nd->enum_v)) {
            PyErr_SetString(PyExc_TypeError, "enum must be a tuple");
            return -1;
        }
        if ((nd->minimum && kind_of(nd->minimum) != K_INT && kind_of(nd->minimum) != K_FLOAT) ||
            (nd->maximum && kind_of(nd->maximum) != K_INT && kind_of(nd->maximum) != K_FLOAT)) {
            PyErr_SetString(PyExc_TypeError, "minimum/maximum must be finite numbers");
            return -1;
        }
        if (build_slots(self, nd) < 0) return -1;
        nd->groups = 0;
        if (nd->required.n || nd->props.n || nd->deps.n || nd->min_props >= 0)
            nd->groups |= G_OBJECT;
        if (nd->items >= 0 || nd->min_items >= 0 || nd->max_items >= 0 || nd->contains >= 0 ||
            nd->unique)
            nd->groups |= G_ARRAY;
        if (nd->min_length >= 0 || nd->pattern || nd->natoms) nd->groups |= G_STRING;
        if (nd->minimum || nd->maximum) nd->groups |= G_NUMBER;
        if (nd->ref >= 0 || nd->all_of.n || nd->any_of.n || nd->one_of.n || nd->not_ >= 0 ||
            nd->if_ >= 0 || nd->by_prop)
            nd->groups |= G_APPLY;
        if (nd->has_const || nd->enum_v) nd->groups |= G_VALUE;
        nd->type_only = nd->always < 0 && nd->types && !nd->groups;
        nd->str_const = nd->const_v && PyUnicode_CheckExact(nd->const_v);
        nd->str_enum = nd->enum_v != NULL;
        for (Py_ssize_t j = 0; nd->enum_v && j < PyTuple_GET_SIZE(nd->enum_v); j++) {
            if (!PyUnicode_CheckExact(PyTuple_GET_ITEM(nd->enum_v, j))) nd->str_enum = 0;
        }
        if (nd->str_enum && PyTuple_GET_SIZE(nd->enum_v) > 6) {
            nd->enum_set = PyFrozenSet_New(nd->enum_v);
            if (!nd->enum_set) return -1;
        }
        int str_typed = nd->types == 0 || nd->types == JT_STRING;
        if (nd->always < 0 && nd->groups == G_VALUE && str_typed) {
            if (nd->str_const && !nd->enum_v) nd->shape = SHAPE_STR_CONST;
            else if (nd->str_enum && !nd->has_const) nd->shape = SHAPE_STR_ENUM;
        }
    }
    /* a second pass: a tag test needs the shape of its property's node */
    for (Py_ssize_t i = 0; i < n; i++) {
        Node *nd = &self->nodes[i];
        int obj_typed = nd->types == 0 || nd->types == JT_OBJECT;
        if (nd->always < 0 && nd->groups == G_OBJECT && obj_typed && nd->nslots == 1 &&
            nd->required.n == 1 && nd->props.n == 1 && nd->min_props < 0 && nd->deps.n == 0 &&
            nd->slots[0].req_bit >= 0 && nd->slots[0].prop >= 0 &&
            self->nodes[nd->slots[0].prop].shape != SHAPE_GENERAL)
            nd->shape = SHAPE_TAG;
        else if (nd->always < 0 && nd->groups == G_OBJECT && obj_typed && nd->props.n == 0 &&
                 nd->required.n > 0 && nd->nslots == nd->required.n && nd->min_props < 0 &&
                 nd->deps.n == 0)
            nd->shape = SHAPE_REQUIRED;
    }
    return 0;
}

static PyObject *
program_is_valid(ProgramObject *self, PyObject *v)
{
    if (!self->nodes) {
        PyErr_SetString(PyExc_RuntimeError, "program not initialised");
        return NULL;
    }
    int r = program_run(self, v);
    if (r < 0) Py_RETURN_NONE;
    return PyBool_FromLong(r);
}

#ifdef SPEEDUPS_PROFILE
static PyObject *
program_hits(ProgramObject *self, PyObject *unused)
{
    (void)unused;
    PyObject *out = PyList_New(self->n);
    for (Py_ssize_t i = 0; out && i < self->n; i++)
        PyList_SET_ITEM(out, i, PyLong_FromLongLong(self->nodes[i].hits));
    return out;
}
#endif

static PyMethodDef program_methods[] = {
#ifdef SPEEDUPS_PROFILE
    {"hits", (PyCFunction)program_hits, METH_NOARGS, "evaluations per node (profiling builds)"},
#endif
    {"is_valid", (PyCFunction)program_is_valid, METH_O,
     "is_valid(instance) -> True, False, or None when unsure (ask a full validator)."},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject ProgramType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "omezarr_models._speedups.Program",
    .tp_basicsize = sizeof(ProgramObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Program(nodes, root): a lowered JSON Schema, evaluated over Python objects.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)program_init,
    .tp_dealloc = (destructor)program_dealloc,
    .tp_methods = program_methods,
};

/* ------------------------------------------------------------------------------------------ */
/* Checker: one document of OME-Zarr 0.4 or 0.5, "nothing to report" or "look closer"         */
/* ------------------------------------------------------------------------------------------ */

/* Interned strings, set up once at module init. */
static PyObject *S_ome, *S_version, *S_multiscales, *S_plate, *S_well, *S_image_label, *S_omero,
    *S_labels, *S_series, *S_scene, *S_bf2raw, *S_axes, *S_name, *S_type, *S_space, *S_time,
    *S_datasets, *S_path, *S_cts, *S_scale, *S_translation, *S_x, *S_y, *S_z, *S_id, *S_rdefs,
    *S_defaultT, *S_defaultZ, *S_colors, *S_label_value, *S_rgba, *S_properties, *S_field_count,
    *S_rows, *S_columns, *S_acquisitions, *S_wells, *S_rowIndex, *S_columnIndex, *S_images,
    *S_acquisition, *S_maximumfieldcount, *S_starttime, *S_endtime, *S_casefold, *S_slash;

/* Keys the predicates look up, through the evaluation's lookup cache and the program's table of
 * key objects (see lookup()): the schema has usually looked at them already. */
enum { K_AXES, K_NAME, K_TYPE, K_DATASETS, K_PATH, K_CTS, K_SCALE, K_TRANSLATION, K_VERSION,
       K_ID, K_RDEFS, K_DEFAULT_T, K_DEFAULT_Z, N_PRED_KEYS };
static PyObject **PRED_KEYS[N_PRED_KEYS] = {&S_axes, &S_name, &S_type, &S_datasets, &S_path,
                                            &S_cts, &S_scale, &S_translation, &S_version, &S_id,
                                            &S_rdefs, &S_defaultT, &S_defaultZ};
/* The program, context and key slots of the document being checked (set by checker_check;
 * the GIL is held throughout and nothing here calls back into Python code). */
static ProgramObject *CUR_P;
static Ctx *CUR_C;
static struct KeySlot *CUR_SLOTS;

/* d[key] for a predicate key, or NULL. */
static inline PyObject *
gk(PyObject *d, int key)
{
    PyObject *v = lookup(CUR_P, CUR_C, d, &CUR_SLOTS[key]);
    if (CUR_C->bail) { /* an error while looking up: treat as absent, judged the slow way */
        CUR_C->bail = 0;
        return NULL;
    }
    return v;
}

/* Kinds, in the order of omezarr_models.detection.detect_kind. */
static const char *KIND_NAMES[] = {"plate", "well", "label-image", "image", "scene", "labels",
                                   "bioformats2raw", "series", "omero"};
#define N_KINDS 9

/* The programs of one version and the (version, kind) answers, made once. */
typedef struct {
    PyObject *version;          /* "0.4" or "0.5"; NULL when the version has no fast path */
    ProgramObject *schema;      /* the attributes schema and the SHOULD overlay */
    struct KeySlot pred_slots[N_PRED_KEYS]; /* the predicates' keys, in the program's terms */
    PyObject *results[N_KINDS]; /* (version, kind) tuples */
} VersionRules;

/* The fields of omezarr_models.report.Report, in the order of its dataclass __init__. */
#define N_REPORT_FIELDS 4
static const char *REPORT_FIELDS[N_REPORT_FIELDS] = {"version", "kind", "issues", "source"};

typedef struct {
    PyObject_HEAD
    VersionRules v04; /* metadata at the top of the attributes */
    VersionRules v05; /* metadata under "ome" */
    PyTypeObject *report; /* the Report class (owned), or NULL */
    /* where each field lives in a Report (a slotted dataclass), or -1: call the class */
    Py_ssize_t offsets[N_REPORT_FIELDS];
} CheckerObject;

/* 1: an exact str equal to the interned s (fast identity path, then a compare). */
static inline int
str_is(PyObject *v, PyObject *s)
{
    if (v == s) return 1;
    if (v == NULL || !PyUnicode_CheckExact(v)) return 0;
    return str_eq(v, s);
}

/* dict lookup that never raises (keys are str) */
static inline PyObject *
get(PyObject *d, PyObject *key)
{
    PyObject *v = PyDict_GetItemWithError(d, key);
    if (v == NULL && PyErr_Occurred()) PyErr_Clear();
    return v;
}

static inline int
has(PyObject *d, PyObject *key)
{
    int r = PyDict_Contains(d, key);
    if (r < 0) {
        PyErr_Clear();
        return 0;
    }
    return r;
}

/* 1 when s contains the byte sequence sub (both ASCII/UTF-8 views of exact str). */
static int
str_contains(PyObject *s, const char *sub)
{
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        PyErr_Clear();
        return 1; /* unsure: treat as "contains", which sends the document the slow way */
    }
    return strstr(u, sub) != NULL || (Py_ssize_t)strlen(u) != n; /* an embedded NUL: unsure */
}

/* A path surely inside its group: non-empty, no leading "/", no ".", no "//", no "://".
 * Conservative: is_inner_path accepts more (e.g. "a.b"); those go the slow way. */
static int
plain_path(PyObject *p)
{
    if (!PyUnicode_CheckExact(p)) return 0;
    Py_ssize_t n = PyUnicode_GET_LENGTH(p);
    if (n == 0) return 0;
    if (PyUnicode_READ_CHAR(p, 0) == '/') return 0;
    return !str_contains(p, ".") && !str_contains(p, "//") && !str_contains(p, ":");
}

/* mirrors rules.multiscales._is_plain_transformations */
static int
plain_transformations(PyObject *cts, Py_ssize_t n_axes)
{
    Py_ssize_t n = PyList_GET_SIZE(cts);
    if (n != 1 && n != 2) return 0;
    PyObject *first = PyList_GET_ITEM(cts, 0);
    if (!PyDict_CheckExact(first) || !str_is(gk(first, K_TYPE), S_scale)) return 0;
    PyObject *vec = gk(first, K_SCALE);
    if (vec && PyList_CheckExact(vec) && PyList_GET_SIZE(vec) != n_axes) return 0;
    if (n == 1) return 1;
    PyObject *second = PyList_GET_ITEM(cts, 1);
    if (!PyDict_CheckExact(second) || !str_is(gk(second, K_TYPE), S_translation)) return 0;
    vec = gk(second, K_TRANSLATION);
    return !(vec && PyList_CheckExact(vec) && PyList_GET_SIZE(vec) != n_axes);
}

/* mirrors rules.multiscales.is_plain_multiscale */
static int
plain_multiscale(PyObject *ms)
{
    PyObject *axes = gk(ms, K_AXES);
    Py_ssize_t n_axes = -1;
    if (axes && PyList_CheckExact(axes)) {
        n_axes = PyList_GET_SIZE(axes);
        if (n_axes > 16) return 0;
        PyObject *names[16];
        int highest = 0, n_space = 0, has_x = 0, has_y = 0, has_z = 0;
        for (Py_ssize_t i = 0; i < n_axes; i++) {
            PyObject *axis = PyList_GET_ITEM(axes, i);
            if (!PyDict_CheckExact(axis)) return 0;
            PyObject *name = gk(axis, K_NAME);
            if (!name || !PyUnicode_CheckExact(name)) return 0;
            for (Py_ssize_t j = 0; j < i; j++) {
                if (str_eq(names[j], name)) return 0;
            }
            names[i] = name;
            has_x |= str_is(name, S_x);
            has_y |= str_is(name, S_y);
            has_z |= str_is(name, S_z);
            PyObject *kind = gk(axis, K_TYPE);
            int rank;
            if (kind && !PyUnicode_CheckExact(kind) && PyUnicode_Check(kind)) return 0;
            if (str_is(kind, S_space)) {
                rank = 2;
                n_space++;
            }
            else if (str_is(kind, S_time)) rank = 0;
            else rank = 1;
            if (rank < highest) return 0;
            highest = rank;
        }
        if (n_space == 3 && has_x && has_y && has_z) {
            if (!str_is(names[n_axes - 3], S_z) || !str_is(names[n_axes - 2], S_y) ||
                !str_is(names[n_axes - 1], S_x))
                return 0;
        }
    }
    PyObject *datasets = gk(ms, K_DATASETS);
    if (datasets && PyList_CheckExact(datasets)) {
        Py_ssize_t n = PyList_GET_SIZE(datasets);
        if (n > 64) return 0;
        PyObject *paths[64];
        Py_ssize_t n_paths = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            PyObject *ds = PyList_GET_ITEM(datasets, i);
            if (!PyDict_CheckExact(ds)) continue;
            PyObject *path = gk(ds, K_PATH);
            if (path && PyUnicode_Check(path)) {
                if (!plain_path(path)) return 0;
                for (Py_ssize_t j = 0; j < n_paths; j++) {
                    if (str_eq(paths[j], path)) return 0;
                }
                paths[n_paths++] = path;
            }
            PyObject *cts = gk(ds, K_CTS);
            if (cts && PyList_CheckExact(cts) && !plain_transformations(cts, n_axes)) return 0;
        }
    }
    PyObject *cts = gk(ms, K_CTS);
    return !(cts && PyList_CheckExact(cts) && !plain_transformations(cts, n_axes));
}

/* 1 when none of the keys holds a float (check_integers reports integral floats; the schema
 * reports the others, so any float at all means "look closer"). */
static int
no_floats(PyObject *d, PyObject **keys, int n)
{
    for (int i = 0; i < n; i++) {
        PyObject *v = get(d, keys[i]);
        if (v && PyFloat_Check(v)) return 0;
    }
    return 1;
}

/* mirrors rules.omero.check_omero */
static int
plain_omero(PyObject *omero)
{
    if (!PyDict_CheckExact(omero)) return PyDict_Check(omero) ? 0 : 1;
    PyObject *id = gk(omero, K_ID);
    if (id && PyFloat_Check(id)) return 0;
    PyObject *rdefs = gk(omero, K_RDEFS);
    if (rdefs && PyDict_Check(rdefs)) {
        if (!PyDict_CheckExact(rdefs)) return 0;
        PyObject *t = gk(rdefs, K_DEFAULT_T), *z = gk(rdefs, K_DEFAULT_Z);
        if ((t && PyFloat_Check(t)) || (z && PyFloat_Check(z))) return 0;
    }
    return 1;
}

/* mirrors rules.labels.check_image_label: label values unique, no float values or rgba */
static int
plain_image_label(PyObject *il)
{
    if (!PyDict_Check(il)) return 1;
    if (!PyDict_CheckExact(il)) return 0;
    PyObject *colors = get(il, S_colors);
    if (colors && PyList_Check(colors)) {
        if (!PyList_CheckExact(colors)) return 0;
        PyObject *seen = PySet_New(NULL);
        if (!seen) {
            PyErr_Clear();
            return 0;
        }
        int ok = 1;
        for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(colors); i++) {
            PyObject *color = PyList_GET_ITEM(colors, i);
            if (!PyDict_Check(color)) continue;
            if (!PyDict_CheckExact(color)) {
                ok = 0;
                break;
            }
            PyObject *value = get(color, S_label_value);
            if (value && PyFloat_Check(value)) ok = 0;
            else if (value && PyLong_Check(value) && !PyBool_Check(value)) {
                if (!PyLong_CheckExact(value)) ok = 0;
                else {
                    int r = PySet_Contains(seen, value);
                    if (r != 0 || PySet_Add(seen, value) < 0) ok = 0;
                }
            }
            PyObject *rgba = get(color, S_rgba);
            if (ok && rgba && PyList_Check(rgba)) {
                if (!PyList_CheckExact(rgba)) ok = 0;
                for (Py_ssize_t j = 0; ok && j < PyList_GET_SIZE(rgba); j++) {
                    if (PyFloat_Check(PyList_GET_ITEM(rgba, j))) ok = 0;
                }
            }
        }
        Py_DECREF(seen);
        if (PyErr_Occurred()) PyErr_Clear();
        if (!ok) return 0;
    }
    PyObject *props = get(il, S_properties);
    if (props && PyList_Check(props)) {
        if (!PyList_CheckExact(props)) return 0;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(props); i++) {
            PyObject *prop = PyList_GET_ITEM(props, i);
            if (!PyDict_Check(prop)) continue;
            if (!PyDict_CheckExact(prop)) return 0;
            PyObject *v = get(prop, S_label_value);
            if (v && PyFloat_Check(v)) return 0;
        }
    }
    return 1;
}

/* mirrors rules.omero.check_paths on a labels or series list */
static int
plain_paths(PyObject *paths)
{
    if (!PyList_Check(paths)) return 1;
    if (!PyList_CheckExact(paths)) return 0;
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(paths); i++) {
        PyObject *p = PyList_GET_ITEM(paths, i);
        if (PyUnicode_Check(p) && !plain_path(p)) return 0;
    }
    return 1;
}

/* The names of a rows/columns list as rules.hcs._names sees them: a list with NULL where an
 * item has no string name, plus a dict name -> first index. 0: a duplicate or a case collision
 * (an issue), or anything unusual; 1: fine; *names_out NULL when ``items`` is not a list. */
static int
plate_names(PyObject *items, PyObject **names_out, PyObject **index_out)
{
    *names_out = NULL;
    *index_out = NULL;
    if (items == NULL || !PyList_Check(items)) return 1;
    if (!PyList_CheckExact(items)) return 0;
    Py_ssize_t n = PyList_GET_SIZE(items);
    PyObject *names = PyList_New(n);
    PyObject *index = PyDict_New();
    PyObject *folded = PySet_New(NULL);
    if (!names || !index || !folded) goto fail;
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *item = PyList_GET_ITEM(items, i);
        PyObject *name = NULL;
        if (PyDict_Check(item)) {
            if (!PyDict_CheckExact(item)) goto fail;
            name = get(item, S_name);
            if (name && !PyUnicode_Check(name)) name = NULL;
            if (name && !PyUnicode_CheckExact(name)) goto fail;
        }
        PyObject *slot = name ? name : Py_None;
        Py_INCREF(slot);
        PyList_SET_ITEM(names, i, slot);
        if (!name) continue;
        int r = PyDict_Contains(index, name);
        if (r != 0) goto fail; /* a duplicate name (an issue), or an error */
        PyObject *k = PyLong_FromSsize_t(i);
        if (!k || PyDict_SetItem(index, name, k) < 0) {
            Py_XDECREF(k);
            goto fail;
        }
        Py_DECREF(k);
        PyObject *f = PyObject_CallMethodNoArgs(name, S_casefold);
        if (!f) goto fail;
        r = PySet_Contains(folded, f);
        if (r != 0 || PySet_Add(folded, f) < 0) {
            Py_DECREF(f);
            goto fail; /* a case collision (a SHOULD issue) */
        }
        Py_DECREF(f);
    }
    Py_DECREF(folded);
    *names_out = names;
    *index_out = index;
    return 1;
fail:
    if (PyErr_Occurred()) PyErr_Clear();
    Py_XDECREF(names);
    Py_XDECREF(index);
    Py_XDECREF(folded);
    return 0;
}

/* An index as rules.hcs._index sees it, when it is a plain int: 1 and *out; 0 "no index";
 * -1 unusual (a float, or an int too large), which sends the document the slow way. */
static int
plate_index(PyObject *well, PyObject *key, Py_ssize_t *out)
{
    PyObject *v = get(well, key);
    if (v == NULL || PyBool_Check(v)) return 0;
    if (PyFloat_Check(v)) return -1;
    if (!PyLong_Check(v)) return 0;
    if (!PyLong_CheckExact(v)) return -1;
    Py_ssize_t x = PyLong_AsSsize_t(v);
    if (x == -1 && PyErr_Occurred()) {
        PyErr_Clear();
        return -1;
    }
    *out = x;
    return 1;
}

/* ok, unless an error was raised on the way (cleared: the document goes the full way) */
static int
settled(int ok)
{
    if (PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return ok;
}

/* mirrors rules.hcs._check_plate_well */
static int
plain_plate_well(PyObject *well, PyObject *row_names, PyObject *row_index, PyObject *col_names,
                 PyObject *col_index, PyObject *paths)
{
    PyObject *keys[] = {S_rowIndex, S_columnIndex};
    if (!no_floats(well, keys, 2)) return 0;
    PyObject *path = get(well, S_path);
    PyObject *parts = NULL, *row_name = NULL, *col_name = NULL;
    int ok = 1;
    if (path && PyUnicode_Check(path)) {
        if (!PyUnicode_CheckExact(path)) return 0;
        int r = PySet_Contains(paths, path);
        if (r != 0 || PySet_Add(paths, path) < 0) goto unusual; /* a duplicate path */
        parts = PyUnicode_Split(path, S_slash, -1);
        if (!parts) goto unusual;
        if (PyList_GET_SIZE(parts) == 2 && PyUnicode_GET_LENGTH(PyList_GET_ITEM(parts, 0)) &&
            PyUnicode_GET_LENGTH(PyList_GET_ITEM(parts, 1))) {
            row_name = PyList_GET_ITEM(parts, 0);
            col_name = PyList_GET_ITEM(parts, 1);
            if (row_names && !has(row_index, row_name)) ok = 0;
            if (col_names && !has(col_index, col_name)) ok = 0;
        }
    }
    PyObject *index_keys[] = {S_rowIndex, S_columnIndex};
    PyObject *lists[] = {row_names, col_names};
    PyObject *named[] = {row_name, col_name};
    for (int i = 0; ok && i < 2; i++) {
        Py_ssize_t index;
        int r = plate_index(well, index_keys[i], &index);
        if (r < 0) ok = 0;
        if (r <= 0 || lists[i] == NULL || index < 0) continue;
        if (index >= PyList_GET_SIZE(lists[i])) {
            ok = 0;
            break;
        }
        PyObject *at = PyList_GET_ITEM(lists[i], index);
        if (named[i] && at != Py_None && !str_eq(at, named[i])) ok = 0;
    }
    Py_XDECREF(parts);
    if (PyErr_Occurred()) {
        PyErr_Clear();
        return 0;
    }
    return ok;
unusual:
    Py_XDECREF(parts);
    if (PyErr_Occurred()) PyErr_Clear();
    return 0;
}

/* mirrors rules.hcs.check_plate for 0.4 and 0.5 */
static int
plain_plate(PyObject *plate)
{
    if (!PyDict_Check(plate)) return 1;
    if (!PyDict_CheckExact(plate)) return 0;
    PyObject *k1[] = {S_field_count};
    if (!no_floats(plate, k1, 1)) return 0;
    PyObject *row_names, *row_index, *col_names, *col_index, *ids = NULL, *paths = NULL;
    if (!plate_names(get(plate, S_rows), &row_names, &row_index)) return 0;
    if (!plate_names(get(plate, S_columns), &col_names, &col_index)) {
        Py_XDECREF(row_names);
        Py_XDECREF(row_index);
        return 0;
    }
    int ok = 1;
    PyObject *acqs = get(plate, S_acquisitions);
    if (acqs && PyList_Check(acqs)) {
        ids = PySet_New(NULL);
        if (!ids || !PyList_CheckExact(acqs)) ok = 0;
        PyObject *keys[] = {S_id, S_maximumfieldcount, S_starttime, S_endtime};
        for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(acqs); i++) {
            PyObject *acq = PyList_GET_ITEM(acqs, i);
            if (!PyDict_Check(acq)) continue;
            if (!PyDict_CheckExact(acq) || !no_floats(acq, keys, 4)) {
                ok = 0;
                break;
            }
            PyObject *id = get(acq, S_id);
            if (id && PyLong_Check(id) && !PyBool_Check(id)) {
                if (!PyLong_CheckExact(id) || PySet_Contains(ids, id) != 0 ||
                    PySet_Add(ids, id) < 0)
                    ok = 0;
            }
        }
    }
    PyObject *wells = get(plate, S_wells);
    if (ok && wells && PyList_Check(wells)) {
        paths = PySet_New(NULL);
        if (!paths || !PyList_CheckExact(wells)) ok = 0;
        for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(wells); i++) {
            PyObject *well = PyList_GET_ITEM(wells, i);
            if (!PyDict_Check(well)) continue;
            if (!PyDict_CheckExact(well) ||
                !plain_plate_well(well, row_names, row_index, col_names, col_index, paths))
                ok = 0;
        }
    }
    Py_XDECREF(row_names);
    Py_XDECREF(row_index);
    Py_XDECREF(col_names);
    Py_XDECREF(col_index);
    Py_XDECREF(ids);
    Py_XDECREF(paths);
    return settled(ok);
}

/* mirrors rules.hcs.check_well for 0.4 and 0.5 */
static int
plain_well(PyObject *well)
{
    if (!PyDict_Check(well)) return 1;
    if (!PyDict_CheckExact(well)) return 0;
    PyObject *images = get(well, S_images);
    if (!images || !PyList_Check(images)) return 1;
    if (!PyList_CheckExact(images)) return 0;
    PyObject *seen = PySet_New(NULL), *acqs = PySet_New(NULL);
    Py_ssize_t without = 0;
    int ok = seen && acqs;
    for (Py_ssize_t i = 0; ok && i < PyList_GET_SIZE(images); i++) {
        PyObject *image = PyList_GET_ITEM(images, i);
        if (!PyDict_CheckExact(image)) continue;
        PyObject *acq = get(image, S_acquisition);
        if (acq == NULL) without++;
        else if (PyLong_CheckExact(acq)) {
            if (PySet_Add(acqs, acq) < 0) ok = 0;
        }
        else if (PyFloat_Check(acq)) ok = 0;
        PyObject *path = get(image, S_path);
        if (ok && path && PyUnicode_Check(path)) {
            if (!PyUnicode_CheckExact(path) || PySet_Contains(seen, path) != 0 ||
                PySet_Add(seen, path) < 0)
                ok = 0;
        }
    }
    if (ok && without && PySet_GET_SIZE(acqs) > 1) ok = 0;
    Py_XDECREF(seen);
    Py_XDECREF(acqs);
    return settled(ok);
}


/* The OME keys of a metadata object, found in one pass over its keys. */
enum { O_MULTISCALES, O_OMERO, O_IMAGE_LABEL, O_LABELS, O_PLATE, O_WELL, O_SCENE, O_BF2RAW,
       O_SERIES, O_OME, O_VERSION, N_FOUND };
static PyObject **FOUND_KEYS[N_FOUND] = {&S_multiscales, &S_omero, &S_image_label, &S_labels,
                                         &S_plate, &S_well, &S_scene, &S_bf2raw, &S_series,
                                         &S_ome, &S_version};
/* detect_kind's order, as indices into the found values (see KIND_NAMES) */
static const int KIND_ORDER[N_KINDS] = {O_PLATE, O_WELL, O_IMAGE_LABEL, O_MULTISCALES, O_SCENE,
                                        O_LABELS, O_BF2RAW, O_SERIES, O_OMERO};

/* Fill found[] with the values of the keys of FOUND_KEYS that d holds (NULL for absent ones).
 * 0 when a key is not a plain str (unsure). */
static int
find_keys(PyObject *d, PyObject **found)
{
    for (int i = 0; i < N_FOUND; i++) found[i] = NULL;
    Py_ssize_t pos = 0;
    PyObject *key, *val;
    while (PyDict_Next(d, &pos, &key, &val)) {
        if (!PyUnicode_CheckExact(key)) return 0;
        Py_hash_t h = ((PyASCIIObject *)key)->hash;
        if (h == -1) h = PyObject_Hash(key);
        for (int i = 0; i < N_FOUND; i++) {
            PyObject *name = *FOUND_KEYS[i];
            if (((PyASCIIObject *)name)->hash == h && str_eq(name, key)) {
                found[i] = val;
                break;
            }
        }
    }
    return 1;
}

/* The "version" of one holder (a multiscale, the plate, ...) against the target: the first
 * declared must be the target itself, a later string must not differ (others are the schema's). */
static int
version_agrees(PyObject *holder, PyObject *target, int *first)
{
    if (!PyDict_CheckExact(holder)) return 1;
    PyObject *v = gk(holder, K_VERSION);
    if (!v) return 1;
    int ok = *first ? str_is(v, target) : (!PyUnicode_Check(v) || str_is(v, target));
    *first = 0;
    return ok;
}

/* The version a document is judged as, checked as validate.validate_attributes checks it: the
 * first declared version (multiscales, then plate, well, image-label; "ome" from 0.5) must be
 * the target, and no other version string inside the OME keys may differ from it. */
static int
versions_ok(PyObject **meta, PyObject *target, int namespaced)
{
    int first = !namespaced; /* from 0.5 the declared version is ome.version, checked apart */
    PyObject *ms = meta[O_MULTISCALES];
    if (ms && PyList_CheckExact(ms)) {
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(ms); i++) {
            if (!version_agrees(PyList_GET_ITEM(ms, i), target, &first)) return 0;
        }
    }
    const int holders[] = {O_PLATE, O_WELL, O_IMAGE_LABEL};
    for (int i = 0; i < 3; i++) {
        if (meta[holders[i]] && !version_agrees(meta[holders[i]], target, &first)) return 0;
    }
    return !first; /* a 0.4 document that declares no version goes the full way */
}

/* 1 when the hand-written rules of omezarr_models.rules have nothing to report on meta. */
static int
plain_rules(PyObject **meta)
{
    PyObject *v = meta[O_MULTISCALES];
    if (v && PyList_Check(v)) {
        if (!PyList_CheckExact(v)) return 0;
        for (Py_ssize_t i = 0; i < PyList_GET_SIZE(v); i++) {
            PyObject *ms = PyList_GET_ITEM(v, i);
            if (PyDict_Check(ms) && (!PyDict_CheckExact(ms) || !plain_multiscale(ms))) return 0;
        }
    }
    if ((v = meta[O_OMERO]) && !plain_omero(v)) return 0;
    if ((v = meta[O_IMAGE_LABEL]) && !plain_image_label(v)) return 0;
    if ((v = meta[O_PLATE]) && !plain_plate(v)) return 0;
    if ((v = meta[O_WELL]) && !plain_well(v)) return 0;
    if ((v = meta[O_BF2RAW]) && PyFloat_Check(v)) return 0;
    if ((v = meta[O_LABELS]) && !plain_paths(v)) return 0;
    if ((v = meta[O_SERIES]) && !plain_paths(v)) return 0;
    return 1;
}

/* The (version, kind) answer (borrowed) when the document has nothing to report, else NULL
 * (never with an error set). */
static PyObject *
checker_core(CheckerObject *self, PyObject *attrs, PyObject *wanted)
{
    if (!PyDict_CheckExact(attrs) || !keys_ok(attrs)) return NULL;
    PyObject *top[N_FOUND], *inner[N_FOUND], **meta = top;
    VersionRules *rules;
    if (!find_keys(attrs, top)) return NULL;
    int namespaced = top[O_OME] != NULL;
    if (namespaced) {
        rules = &self->v05;
        for (int i = 0; i < O_OME; i++) {
            if (top[i]) return NULL; /* an OME key outside the namespace */
        }
        if (!rules->version || !PyDict_CheckExact(top[O_OME])) return NULL;
        if (!find_keys(top[O_OME], inner)) return NULL;
        meta = inner;
        if (!str_is(meta[O_VERSION], rules->version)) return NULL;
    }
    else {
        rules = &self->v04;
        if (!rules->version) return NULL;
    }
    if (wanted != Py_None && !str_is(wanted, rules->version)) return NULL;
    Ctx c;
    ctx_init(&c);
    CUR_P = rules->schema;
    CUR_C = &c;
    CUR_SLOTS = rules->pred_slots;
    int plain = versions_ok(meta, rules->version, namespaced) &&
                program_run_in(rules->schema, &c, attrs) == 1 && plain_rules(meta);
    CUR_P = NULL;
    CUR_C = NULL;
    CUR_SLOTS = NULL;
    if (!plain) return NULL;
    for (int i = 0; i < N_KINDS; i++) {
        if (meta[KIND_ORDER[i]]) return rules->results[i];
    }
    return NULL;
}

/* check(attrs, version=None) -> (version, kind) when there is nothing to report, else None */
static PyObject *
checker_check(CheckerObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs < 1 || nargs > 2) {
        PyErr_SetString(PyExc_TypeError, "check(attrs, version=None)");
        return NULL;
    }
    PyObject *hit = checker_core(self, args[0], nargs > 1 ? args[1] : Py_None);
    if (!hit) Py_RETURN_NONE;
    Py_INCREF(hit);
    return hit;
}

/* report(attrs, version, file) -> a Report with no issues when there is nothing to report,
 * else None. The Report is filled in place when the class is a slotted dataclass whose fields
 * are plain object slots (checked by set_report), which skips its __init__. */
static PyObject *
checker_report(CheckerObject *self, PyObject *const *args, Py_ssize_t nargs)
{
    if (nargs != 3 || !self->report) {
        PyErr_SetString(PyExc_TypeError, "report(attrs, version, file), after set_report(cls)");
        return NULL;
    }
    PyObject *hit = checker_core(self, args[0], args[1]);
    if (!hit) Py_RETURN_NONE;
    PyObject *issues = PyList_New(0);
    if (!issues) return NULL;
    PyObject *values[N_REPORT_FIELDS] = {PyTuple_GET_ITEM(hit, 0), PyTuple_GET_ITEM(hit, 1),
                                         issues, args[2]};
    PyObject *report;
    if (self->offsets[0] < 0) {
        report = PyObject_Vectorcall((PyObject *)self->report, values, N_REPORT_FIELDS, NULL);
    }
    else {
        report = self->report->tp_alloc(self->report, 0);
        for (int i = 0; report && i < N_REPORT_FIELDS; i++) {
            Py_INCREF(values[i]);
            *(PyObject **)((char *)report + self->offsets[i]) = values[i];
        }
    }
    Py_DECREF(issues);
    return report;
}

/* set_report(cls): the class report() makes; its field slots are looked up once here. */
static PyObject *
checker_set_report(CheckerObject *self, PyObject *cls)
{
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "set_report(cls): a class");
        return NULL;
    }
    PyTypeObject *type = (PyTypeObject *)cls;
    int direct = type->tp_alloc == PyType_GenericAlloc && type->tp_itemsize == 0;
    for (int i = 0; i < N_REPORT_FIELDS; i++) {
        self->offsets[i] = -1;
        PyObject *descr = PyObject_GetAttrString(cls, REPORT_FIELDS[i]);
        if (!descr) {
            PyErr_Clear();
            direct = 0;
            continue;
        }
        if (Py_TYPE(descr) == &PyMemberDescr_Type) {
            PyMemberDef *member = ((PyMemberDescrObject *)descr)->d_member;
            if (member->type == T_OBJECT_EX && !(member->flags & READONLY) &&
                member->offset >= (Py_ssize_t)sizeof(PyObject) &&
                member->offset + (Py_ssize_t)sizeof(PyObject *) <= type->tp_basicsize)
                self->offsets[i] = member->offset;
        }
        Py_DECREF(descr);
        if (self->offsets[i] < 0) direct = 0;
    }
    /* a __post_init__ or an __init__ of its own would be skipped: call the class instead */
    PyObject *post = PyObject_GetAttrString(cls, "__post_init__");
    if (post) {
        Py_DECREF(post);
        direct = 0;
    }
    else
        PyErr_Clear();
    if (!direct) {
        for (int i = 0; i < N_REPORT_FIELDS; i++) self->offsets[i] = -1;
    }
    Py_INCREF(cls);
    Py_XSETREF(self->report, type);
    return PyBool_FromLong(direct);
}


static PyMethodDef checker_methods[] = {
    {"report", (PyCFunction)(void (*)(void))checker_report, METH_FASTCALL,
     "report(attrs, version, file) -> Report(version, kind, [], file) when the document has "
     "nothing to report, else None."},
    {"set_report", (PyCFunction)checker_set_report, METH_O,
     "set_report(cls): the class report() makes; True when it can fill its slots directly."},
    {"check", (PyCFunction)(void (*)(void))checker_check, METH_FASTCALL,
     "check(attrs, version=None) -> (version, kind) when the document has nothing to report, "
     "else None (the same as calling the checker, with less call overhead)."},
    {NULL, NULL, 0, NULL},
};

static void
rules_clear(VersionRules *r)
{
    Py_CLEAR(r->version);
    Py_CLEAR(r->schema);
    for (int i = 0; i < N_KINDS; i++) Py_CLEAR(r->results[i]);
}

/* (version, Program of the base schema and the SHOULD overlay) or None */
static int
rules_set(VersionRules *r, PyObject *spec)
{
    rules_clear(r);
    if (spec == Py_None) return 0;
    PyObject *version, *schema;
    if (!PyArg_ParseTuple(spec, "UO!", &version, &ProgramType, &schema)) return -1;
    Py_INCREF(version);
    r->version = version;
    Py_INCREF(schema);
    r->schema = (ProgramObject *)schema;
    ProgramObject *prog = r->schema;
    for (int i = 0; i < N_PRED_KEYS; i++) {
        struct KeySlot *slot = &r->pred_slots[i];
        slot->name = *PRED_KEYS[i];
        slot->hash = PyObject_Hash(slot->name);
        slot->prop = -1;
        slot->req_bit = -1;
        slot->name_id = prog->nnames + i; /* a name the schema never looks at: an id of its own */
        for (Py_ssize_t j = 0; j < prog->nnames; j++) {
            if (str_eq(prog->names[j], slot->name)) slot->name_id = j;
        }
    }
    for (int i = 0; i < N_KINDS; i++) {
        r->results[i] = Py_BuildValue("(Os)", version, KIND_NAMES[i]);
        if (!r->results[i]) return -1;
    }
    return 0;
}

static int
checker_init(CheckerObject *self, PyObject *args, PyObject *kwds)
{
    PyObject *v04 = Py_None, *v05 = Py_None;
    static char *kwlist[] = {"v04", "v05", NULL};
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|OO", kwlist, &v04, &v05)) return -1;
    if (rules_set(&self->v04, v04) < 0 || rules_set(&self->v05, v05) < 0) return -1;
    for (int i = 0; i < N_REPORT_FIELDS; i++) self->offsets[i] = -1;
    return 0;
}

static void
checker_dealloc(CheckerObject *self)
{
    rules_clear(&self->v04);
    rules_clear(&self->v05);
    Py_CLEAR(self->report);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyTypeObject CheckerType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "omezarr_models._speedups.Checker",
    .tp_basicsize = sizeof(CheckerObject),
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "Checker(v04=(version, program), v05=...): check() and report() judge one "
              "document.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)checker_init,
    .tp_dealloc = (destructor)checker_dealloc,
    .tp_methods = checker_methods,
};

static int
intern_all(void)
{
#define I(var, text)                                                                        \
    if (!(var = PyUnicode_InternFromString(text))) return -1
    I(S_ome, "ome");
    I(S_version, "version");
    I(S_multiscales, "multiscales");
    I(S_plate, "plate");
    I(S_well, "well");
    I(S_image_label, "image-label");
    I(S_omero, "omero");
    I(S_labels, "labels");
    I(S_series, "series");
    I(S_scene, "scene");
    I(S_bf2raw, "bioformats2raw.layout");
    I(S_axes, "axes");
    I(S_name, "name");
    I(S_type, "type");
    I(S_space, "space");
    I(S_time, "time");
    I(S_datasets, "datasets");
    I(S_path, "path");
    I(S_cts, "coordinateTransformations");
    I(S_scale, "scale");
    I(S_translation, "translation");
    I(S_x, "x");
    I(S_y, "y");
    I(S_z, "z");
    I(S_id, "id");
    I(S_rdefs, "rdefs");
    I(S_defaultT, "defaultT");
    I(S_defaultZ, "defaultZ");
    I(S_colors, "colors");
    I(S_label_value, "label-value");
    I(S_rgba, "rgba");
    I(S_properties, "properties");
    I(S_field_count, "field_count");
    I(S_rows, "rows");
    I(S_columns, "columns");
    I(S_acquisitions, "acquisitions");
    I(S_wells, "wells");
    I(S_rowIndex, "rowIndex");
    I(S_columnIndex, "columnIndex");
    I(S_images, "images");
    I(S_acquisition, "acquisition");
    I(S_maximumfieldcount, "maximumfieldcount");
    I(S_starttime, "starttime");
    I(S_endtime, "endtime");
    I(S_casefold, "casefold");
    I(S_slash, "/");
#undef I
    return 0;
}

static struct PyModuleDef speedups_module = {
    PyModuleDef_HEAD_INIT,
    .m_name = "omezarr_models._speedups",
    .m_doc = "The native fast path of omezarr_models' metadata validation (see _fast.py).",
    .m_size = -1,
};

PyMODINIT_FUNC
PyInit__speedups(void)
{
    if (intern_all() < 0) return NULL;
    if (PyType_Ready(&ProgramType) < 0 || PyType_Ready(&CheckerType) < 0) return NULL;
    PyObject *m = PyModule_Create(&speedups_module);
    if (!m) return NULL;
    Py_INCREF(&ProgramType);
    Py_INCREF(&CheckerType);
    if (PyModule_AddObject(m, "Program", (PyObject *)&ProgramType) < 0 ||
        PyModule_AddObject(m, "Checker", (PyObject *)&CheckerType) < 0 ||
        PyModule_AddIntConstant(m, "ABI", SPEEDUPS_ABI) < 0 ||
        PyModule_AddIntConstant(m, "MAX_DEPTH", MAX_DEPTH) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
