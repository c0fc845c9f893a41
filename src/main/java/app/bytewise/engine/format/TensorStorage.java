package app.bytewise.engine.format;

import app.bytewise.engine.model.Tensor;

/** How one tensor is stored under a format: the storage type chosen for it and its exact size in bytes. */
public record TensorStorage(Tensor tensor, String type, long bytes) {
}
