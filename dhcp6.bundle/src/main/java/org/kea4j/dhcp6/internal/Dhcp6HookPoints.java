package org.kea4j.dhcp6.internal;

import java.util.List;
import org.kea4j.hooks.HookNames;
import org.kea4j.hooks.host.HooksManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Declares Kea's DHCPv6 hook points, in pipeline order. */
@Component(service = Dhcp6HookPoints.class, immediate = true)
public final class Dhcp6HookPoints {

    static final List<String> NAMES = List.of(HookNames.BUFFER6_RECEIVE, HookNames.PKT6_RECEIVE,
            HookNames.SUBNET6_SELECT, HookNames.LEASE6_SELECT, HookNames.LEASE6_RENEW, HookNames.LEASE6_REBIND,
            HookNames.LEASE6_RELEASE, HookNames.LEASE6_DECLINE, HookNames.LEASE6_EXPIRE, HookNames.LEASE6_RECOVER,
            HookNames.PKT6_SEND, HookNames.BUFFER6_SEND);

    @Activate
    public Dhcp6HookPoints(@Reference HooksManager hooks) {
        NAMES.forEach(hooks::hookPoint);
    }
}
