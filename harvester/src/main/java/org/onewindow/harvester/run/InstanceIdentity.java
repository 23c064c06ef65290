package org.onewindow.harvester.run;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.onewindow.harvester.config.HarvesterConfig;

/**
 * This harvester instance's name, written on the runs it executes. Stable across restarts (the host name by
 * default), so a restarted instance recognises the runs it abandoned; instances sharing one database need distinct
 * names ({@code onewindow.instance-id}).
 */
@ApplicationScoped
public class InstanceIdentity {

    @Inject
    HarvesterConfig config;

    public String name() {
        return config.instanceId().orElseGet(InstanceIdentity::hostName);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "harvester";
        }
    }
}
