package org.onewindow.harvester.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Name resolution for fetches. The URL guard and the HTTP connections both resolve through it, and the connections
 * check the address they actually connected to, so a name that answers differently the second time (DNS rebinding)
 * gains nothing.
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = InetAddress::getAllByName;

    InetAddress[] resolve(String host) throws UnknownHostException;
}
