/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once
/* The C interface of the neural-network module (libgenrescope-torch.so), the one place where
 * the program and libtorch meet. The program never links libtorch: it dlopen()s the module
 * on the first use of an mlp or cnn classifier (dsp::TorchLibrary) and takes the table of
 * functions gs_torch_module_api() returns. Plain C types only; no exception ever crosses it (the
 * module catches everything and reports it as a one-line message in a gs_torch_error).
 *
 * Data: x is n_rows x n_features doubles, row-major (row r at x + r * n_features); labels
 * are class indices 0..n_classes-1; probabilities are n_rows x n_classes, row-major, each row
 * summing to 1.
 * Threads: train() is serialised inside the module (libtorch's random generator is global);
 * predict() and save() of a trained net may run on several threads at once; free_net() only
 * when no other call on that net runs. Every call uses one intra-op thread (deterministic). */
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define GS_TORCH_ABI_VERSION 2u

enum { GS_TORCH_NET_MLP = 0, GS_TORCH_NET_CNN = 1 };

/* What a net is: fixed at training, stored in the model file beside the weights. */
typedef struct gs_torch_spec {
    int32_t net;          /* GS_TORCH_NET_MLP or GS_TORCH_NET_CNN */
    int32_t n_features;   /* columns of x */
    int32_t n_classes;    /* >= 1 */
    int32_t image_rows;   /* cnn: each row of x is an image_rows x (n_features / image_rows)
                             image in C order (row 0 over all columns first); 0 for mlp */
    int32_t patch_frames; /* cnn: width of the patches the net sees (columns); 0 for mlp */
    int32_t epochs;       /* passes over the training rows, >= 1 */
    uint64_t seed;        /* weights, dropout, batches and patches */
} gs_torch_spec;

typedef struct gs_torch_error {
    char message[512]; /* one line, NUL-terminated; set when a call fails */
} gs_torch_error;

typedef struct gs_torch_net gs_torch_net; /* opaque; owned by the caller until free_net() */

/* Polled between batches; non-zero stops the training (train() then fails with "cancelled"). */
typedef int32_t (*gs_torch_cancelled)(void* context);

typedef struct gs_torch_api {
    uint32_t abi_version;      /* GS_TORCH_ABI_VERSION */
    const char* torch_version; /* libtorch's version, e.g. "1.13.1" */
    /* A trained net, or NULL with `error` set. */
    gs_torch_net* (*train)(const gs_torch_spec* spec, const double* x, const int32_t* y, int64_t n_rows,
                           gs_torch_cancelled cancelled, void* context, gs_torch_error* error);
    /* Fills `probabilities`; returns 0, or -1 with `error` set. */
    int32_t (*predict)(const gs_torch_net* net, const double* x, int64_t n_rows, double* probabilities,
                       gs_torch_error* error);
    /* The spec the net was made with. */
    void (*spec)(const gs_torch_net* net, gs_torch_spec* out);
    /* The weights as bytes (libtorch's archive), malloc'ed: *bytes is released with
     * free_bytes(). Returns 0, or -1 with `error` set. */
    int32_t (*save)(const gs_torch_net* net, char** bytes, size_t* size, gs_torch_error* error);
    void (*free_bytes)(char* bytes);
    /* A net of `spec` with the weights of save()'s bytes, or NULL with `error` set (also when
     * the bytes do not fit the spec). */
    gs_torch_net* (*load)(const gs_torch_spec* spec, const char* bytes, size_t size, gs_torch_error* error);
    void (*free_net)(gs_torch_net* net);
    /* The mean training loss of each epoch of the net's training, first epoch first: copies
     * up to `capacity` of them into `out` (may be NULL when capacity is 0) and returns how many
     * there are (0 for a loaded net). */
    int32_t (*epoch_losses)(const gs_torch_net* net, double* out, int32_t capacity);
} gs_torch_api;

/* The symbol the program looks up. */
typedef const gs_torch_api* (*gs_torch_module_api_function)(void);
const gs_torch_api* gs_torch_module_api(void);

#ifdef __cplusplus
}
#endif
