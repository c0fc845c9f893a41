// Runs llama.cpp's own block quantizers from a prebuilt libggml-base.so (loaded with dlopen, so no
// llama.cpp source or header is needed) on float32 rows; used by ggml-vectors.sh.
//
//   ggml-vectors LIB TYPE --info   one JSON line: ggml_version, type id, block size, bytes per block,
//                                  whether the type has a _ref quantizer and requires an imatrix
//   ggml-vectors LIB TYPE --importance N   N importances (one line of float32 hex): a fixed,
//                                  uneven pattern with zeros, made with integer arithmetic only
//   ggml-vectors LIB TYPE < rows   per input line (8 hex digits per float32 bit pattern, as in the
//                                  JSON files' input_f32_hex, optionally a space and as many
//                                  importances), one JSON line with the outputs
//
// TYPE is ggml's type name as in the function names (q4_0, q2_K, iq4_nl, ...). Outputs:
// encoded_hex / dequant_f32_hex from quantize_row_<TYPE>_ref and dequantize_row_<TYPE> (for a type
// without a _ref quantizer: quantize_<TYPE> with no imatrix, or with all importances 1 where ggml
// requires one); when the library exports quantize_<TYPE> (what ggml_quantize_chunk and
// llama-quantize call) and a _ref, chunk_encoded_hex / chunk_dequant_f32_hex from
// quantize_<TYPE>(row, dst, 1, n, imatrix = NULL); for a line with importances,
// imatrix_encoded_hex / imatrix_dequant_f32_hex from quantize_<TYPE>(row, dst, 1, n, importances).
// An output that is not a function of the input alone (see encode_defined) is printed as null, with
// a reason; bytes a function leaves unwritten are printed as 0 and counted on stderr.
// The prototypes below are those of ggml.h and ggml-quants.h (enum ggml_type is an int).

#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

typedef void (*quantize_ref_fn)(const float *x, void *y, int64_t k);
typedef size_t (*quantize_fn)(const float *src, void *dst, int64_t nrow, int64_t n_per_row, const float *imatrix);
typedef void (*dequantize_fn)(const void *x, float *y, int64_t k);

static void *lib;

static void die(const char *what, const char *detail) {
    fprintf(stderr, "ggml-vectors: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    exit(1);
}

static void *symbol(const char *name, int required) {
    void *p = dlsym(lib, name);
    if (!p && required) {
        die("library does not export", name);
    }
    return p;
}

static void *symbol_for(const char *prefix, const char *type, const char *suffix, int required) {
    char name[128];
    snprintf(name, sizeof name, "%s%s%s", prefix, type, suffix);
    return symbol(name, required);
}

static int type_id(const char *type) {
    const char *(*type_name)(int) = symbol("ggml_type_name", 1);
    for (int id = 0; id < 128; id++) {
        const char *name = type_name(id);
        if (name && strcmp(name, type) == 0) {
            return id;
        }
    }
    die("no ggml type named", type);
    return -1;
}

static float *parse_row(const char *hex, size_t len, int64_t *n) {
    if (len % 8 != 0) {
        die("input line is not a whole number of 8-digit float32 patterns", NULL);
    }
    *n = (int64_t) (len / 8);
    float *x = malloc(len / 8 * sizeof(float) + 1);
    for (int64_t i = 0; i < *n; i++) {
        char digits[9];
        memcpy(digits, hex + 8 * i, 8);
        digits[8] = '\0';
        char *end;
        uint32_t bits = (uint32_t) strtoul(digits, &end, 16);
        if (*end != '\0') {
            die("not a hex float32 pattern", digits);
        }
        memcpy(&x[i], &bits, sizeof bits);
    }
    return x;
}

static void print_bytes(const uint8_t *b, size_t n) {
    putchar('"');
    for (size_t i = 0; i < n; i++) {
        printf("%02x", b[i]);
    }
    putchar('"');
}

static void print_floats(const float *y, int64_t n) {
    putchar('"');
    for (int64_t i = 0; i < n; i++) {
        uint32_t bits;
        memcpy(&bits, &y[i], sizeof bits);
        printf("%08x", bits);
    }
    putchar('"');
}

// Writes a byte over the stack below the caller, so that a quantizer called next which reads a
// stack buffer it never wrote gives output that depends on that byte.
static __attribute__((noinline)) void dirty_stack(uint8_t byte) {
    volatile uint8_t pad[1 << 16];
    for (size_t i = 0; i < sizeof pad; i++) {
        pad[i] = byte;
    }
}

// One way of quantizing a row: the _ref function, or quantize_<TYPE> with an importance per value
// (or NULL).
struct quantizer {
    quantize_ref_fn ref;
    quantize_fn chunk;
    const float *imatrix;
};

static void encode(struct quantizer q, int64_t offset, const float *x, int64_t n, uint8_t *dst,
                   size_t size, uint8_t fill, uint8_t stack) {
    memset(dst, fill, size);
    dirty_stack(stack);
    if (q.ref) {
        q.ref(x, dst, n);
    } else {
        q.chunk(x, dst, 1, n, q.imatrix ? q.imatrix + offset : NULL);
    }
}

// The row's bytes in a zero-filled buffer, or NULL if they are not a function of the input: the
// row is encoded over a stack of 0x00 and of 0xff bytes, and once more block by block (ggml encodes
// every block on its own, so a block whose bytes depend on its neighbour's is not defined).
// Bytes the function never writes keep the buffer's zeros, as in a calloc'd or fresh file buffer;
// they are counted on stderr (by input line).
static uint8_t *encode_defined(struct quantizer q, const float *x, int64_t n,
                               size_t size, int64_t block, size_t block_bytes, const char *function,
                               long line) {
    uint8_t *a = malloc(size);
    uint8_t *b = malloc(size);
    encode(q, 0, x, n, a, size, 0x00, 0x00);
    encode(q, 0, x, n, b, size, 0xff, 0x00);
    size_t unwritten = 0;
    for (size_t i = 0; i < size; i++) {
        unwritten += a[i] != b[i];
    }
    if (unwritten > 0) {
        fprintf(stderr, "%ld: %s leaves %zu of %zu bytes unwritten (stored as 0)\n", line, function,
                unwritten, size);
    }
    encode(q, 0, x, n, b, size, 0x00, 0xff);
    int same = memcmp(a, b, size) == 0;
    for (int64_t i = 0; same && i < n / block; i++) {
        encode(q, i * block, x + i * block, block, b + i * block_bytes, block_bytes, 0x00, 0xff);
        same = memcmp(a + i * block_bytes, b + i * block_bytes, block_bytes) == 0;
    }
    free(b);
    if (!same) {
        free(a);
        return NULL;
    }
    return a;
}

static void print_output(const char *key, const uint8_t *bytes, size_t size, dequantize_fn dequantize,
                         int64_t n, const char *function, const char *undefined_key) {
    printf("\"%sencoded_hex\": ", key);
    if (bytes) {
        print_bytes(bytes, size);
    } else {
        printf("null");
    }
    printf(", \"%sdequant_f32_hex\": ", key);
    if (bytes) {
        float *y = malloc((size_t) n * sizeof(float));
        dequantize(bytes, y, n);
        print_floats(y, n);
        free(y);
    } else {
        printf("null, \"%s\": \"for this input %s gives bytes that are not a function of the input: they"
               " depend on what its stack held before, or on a neighbouring block\"", undefined_key, function);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s LIB TYPE [--info] < rows\n", argv[0]);
        return 2;
    }
    lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        die("cannot load", dlerror());
    }
    const char *type = argv[2];
    int id = type_id(type);
    int64_t (*blck_size)(int) = symbol("ggml_blck_size", 1);
    size_t (*type_size)(int) = symbol("ggml_type_size", 1);
    size_t (*row_size)(int, int64_t) = symbol("ggml_row_size", 1);
    int (*requires_imatrix)(int) = symbol("ggml_quantize_requires_imatrix", 1);
    quantize_ref_fn ref = (quantize_ref_fn) symbol_for("quantize_row_", type, "_ref", 0);
    quantize_fn chunk = (quantize_fn) symbol_for("quantize_", type, "", 0);
    if (!ref && !chunk) {
        die("library exports neither quantize_row_<TYPE>_ref nor quantize_<TYPE> for", type);
    }
    int requires = requires_imatrix(id) & 1; // a C bool returned in a register: its low byte
    if (argc > 3 && strcmp(argv[3], "--info") == 0) {
        const char *(*version)(void) = symbol("ggml_version", 1);
        printf("{\"ggml_version\": \"%s\", \"ggml_type_id\": %d, \"block_size\": %lld, \"bytes_per_block\": %zu,"
               " \"has_ref\": %s, \"requires_imatrix\": %s}\n",
               version(), id, (long long) blck_size(id), type_size(id), ref ? "true" : "false",
               requires ? "true" : "false");
        return 0;
    }
    if (argc > 4 && strcmp(argv[3], "--importance") == 0) {
        long count = strtol(argv[4], NULL, 10);
        float *w = malloc((size_t) count * sizeof(float) + 1);
        for (long j = 0; j < count; j++) {
            // Knuth's multiplicative hash: uneven weights in [0, 4), every 16th-odd one exactly 0.
            uint32_t h = (uint32_t) j * 2654435761u;
            w[j] = (float) (h >> 26) / 16.0f;
        }
        print_floats(w, count);
        putchar('\n');
        free(w);
        return 0;
    }

    // The IQ types need their grids set up first (ggml aborts otherwise); a no-op for the rest.
    void (*quantize_init)(int) = symbol("ggml_quantize_init", 1);
    quantize_init(id);
    dequantize_fn dequantize = (dequantize_fn) symbol_for("dequantize_row_", type, "", 1);
    char ref_name[128];
    char chunk_name[128];
    snprintf(ref_name, sizeof ref_name, "quantize_row_%s_ref", type);
    snprintf(chunk_name, sizeof chunk_name, "quantize_%s", type);

    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    long line_no = 0;
    while ((len = getline(&line, &cap, stdin)) > 0) {
        line_no++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) {
            line[--len] = '\0';
        }
        char *space = memchr(line, ' ', (size_t) len);
        size_t xlen = space ? (size_t) (space - line) : (size_t) len;
        int64_t n;
        float *x = parse_row(line, xlen, &n);
        float *imatrix = NULL;
        if (space) {
            int64_t m;
            imatrix = parse_row(space + 1, (size_t) len - xlen - 1, &m);
            if (m != n || !chunk) {
                die(m != n ? "importances and values differ in number" : "no quantize_<TYPE> to take importances", line);
            }
        }
        if (n == 0 || n % blck_size(id) != 0) {
            die("row length is not a multiple of the block size", line);
        }
        size_t size = row_size(id, n);
        int64_t block = blck_size(id);
        float *ones = malloc((size_t) n * sizeof(float));
        for (int64_t i = 0; i < n; i++) {
            ones[i] = 1.0f;
        }
        struct quantizer plain = ref ? (struct quantizer) {ref, NULL, NULL}
                                     : (struct quantizer) {NULL, chunk, requires ? ones : NULL};
        const char *plain_name = ref ? ref_name : chunk_name;
        uint8_t *encoded = encode_defined(plain, x, n, size, block, type_size(id), plain_name, line_no);
        printf("{\"n\": %lld, ", (long long) n);
        print_output("", encoded, size, dequantize, n, plain_name, "ref_undefined");
        if (chunk && ref) {
            struct quantizer q = {NULL, chunk, NULL};
            uint8_t *chunked = encode_defined(q, x, n, size, block, type_size(id), chunk_name, line_no);
            printf(", ");
            print_output("chunk_", chunked, size, dequantize, n, chunk_name, "chunk_undefined");
            free(chunked);
        }
        if (imatrix) {
            struct quantizer q = {NULL, chunk, imatrix};
            uint8_t *weighted = encode_defined(q, x, n, size, block, type_size(id), chunk_name, line_no);
            printf(", ");
            print_output("imatrix_", weighted, size, dequantize, n, chunk_name, "imatrix_undefined");
            free(weighted);
        }
        printf("}\n");
        free(encoded);
        free(ones);
        free(imatrix);
        free(x);
    }
    free(line);
    return 0;
}
