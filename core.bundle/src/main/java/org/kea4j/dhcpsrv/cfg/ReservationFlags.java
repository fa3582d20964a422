package org.kea4j.dhcpsrv.cfg;

/**
 * Where reservations are looked for (Kea 2.x flags; 0.9's {@code reservation-mode} maps onto them:
 * {@code all} = in subnet, {@code out-of-pool} = in subnet and out of pool only, {@code disabled} = none).
 *
 * @param global   global reservations
 * @param inSubnet reservations of the subnet
 * @param outOfPool reserved addresses are only outside the pools (the server may skip checks)
 */
public record ReservationFlags(boolean global, boolean inSubnet, boolean outOfPool) {

    /** Kea's default: reservations in the subnet. */
    public static final ReservationFlags DEFAULT = new ReservationFlags(false, true, false);

    /** The flags of Kea 0.9's {@code reservation-mode}. */
    public static ReservationFlags ofMode(String mode) {
        return switch (mode) {
            case "all" -> DEFAULT;
            case "out-of-pool" -> new ReservationFlags(false, true, true);
            case "disabled" -> new ReservationFlags(false, false, false);
            case "global" -> new ReservationFlags(true, false, false);
            default -> throw new IllegalArgumentException("invalid reservation-mode '" + mode
                    + "' (all, out-of-pool, global or disabled)");
        };
    }
}
