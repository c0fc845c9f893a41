package app.bytewise.quant.hqq;

import app.bytewise.engine.InvalidInputException;

/**
 * Where group g's j-th value sits in the flat tensor, as HQQ's reshape puts it: {@code
 * W.reshape([-1, group_size])} (axis 1: row g of that view) or {@code W.reshape([group_size, -1])}
 * (axis 0: column g). The codes W_q keep the flat order either way; {@link #packRows()} is the
 * first dimension of that view, the one {@code BitPack} splits.
 */
record HqqLayout(int size, int groupSize, int axis) {

    HqqLayout {
        if (size % groupSize != 0) {
            throw new InvalidInputException("groupSize", "HQQ needs the tensor's size (" + size
                    + ") to be a multiple of the group size (" + groupSize + ").");
        }
    }

    int groups() {
        return size / groupSize;
    }

    int index(int group, int j) {
        return axis == 1 ? group * groupSize + j : j * groups() + group;
    }

    /** Rows of the reshaped view: groups for axis 1, the group size for axis 0. */
    int packRows() {
        return axis == 1 ? groups() : groupSize;
    }
}
