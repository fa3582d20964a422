package org.kea4j.dhcp;

import java.util.Arrays;

/**
 * A packet's options by code, in code order: a small sorted array, since a packet carries a handful of the codes
 * (a table of all 256 codes cost each packet 1 KB, a third of what the DHCPv4 server allocated per exchange).
 */
final class OptionTable {

    private Option[] options = new Option[8];
    private int size;

    /** The option of this code, or null. */
    Option get(int code) {
        int i = find(code);
        return i >= 0 ? options[i] : null;
    }

    /** Adds an option, replacing the one of the same code. */
    void put(Option option) {
        int i = find(option.code());
        if (i >= 0) {
            options[i] = option;
            return;
        }
        i = -i - 1;
        if (size == options.length) {
            options = Arrays.copyOf(options, size * 2);
        }
        System.arraycopy(options, i, options, i + 1, size - i);
        options[i] = option;
        size++;
    }

    /** Removes the option of this code; false when there was none. */
    boolean remove(int code) {
        int i = find(code);
        if (i < 0) {
            return false;
        }
        System.arraycopy(options, i + 1, options, i, size - i - 1);
        options[--size] = null;
        return true;
    }

    void clear() {
        Arrays.fill(options, 0, size, null);
        size = 0;
    }

    int size() {
        return size;
    }

    /** The option at {@code index} in code order. */
    Option at(int index) {
        return options[index];
    }

    /** The index of {@code code}, or (-(insertion point) - 1). */
    private int find(int code) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = options[mid].code();
            if (c < code) {
                low = mid + 1;
            } else if (c > code) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
