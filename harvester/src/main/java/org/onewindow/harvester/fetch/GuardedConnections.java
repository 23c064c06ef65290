package org.onewindow.harvester.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * HTTP connection pools for fetching agency sites, one per permission level, so a connection opened for a source
 * allowed private networks is never reused by one that is not. The public pool checks the address each new
 * connection actually reached and closes it when that address is internal: the name may have resolved to a public
 * address for {@link UrlGuard} and to loopback a moment later for the connection (DNS rebinding).
 */
public final class GuardedConnections {

    /** A connection reached an address its request may not reach. */
    public static final class InternalAddressRefused extends ConnectException {
        InternalAddressRefused(String message) {
            super(message);
        }
    }

    private GuardedConnections() {}

    /** @param allowPrivateNetworks whether this pool's requests may reach loopback and private addresses */
    public static PoolingHttpClientConnectionManager pool(
            boolean allowPrivateNetworks, HostResolver resolver, Duration timeout) {
        Timeout limit = Timeout.of(timeout);
        PoolingHttpClientConnectionManagerBuilder builder =
                allowPrivateNetworks ? PoolingHttpClientConnectionManagerBuilder.create() : new PublicOnlyBuilder();
        return builder.setDnsResolver(dnsResolver(resolver))
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(limit)
                        .setSocketTimeout(limit)
                        .build())
                .setDefaultSocketConfig(
                        SocketConfig.custom().setSoTimeout(limit).build())
                .setMaxConnTotal(200)
                .setMaxConnPerRoute(20)
                .build();
    }

    private static DnsResolver dnsResolver(HostResolver resolver) {
        return new SystemDefaultDnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                return resolver.resolve(host);
            }
        };
    }

    /** Builds a pool whose connection operator checks where each connection landed. */
    private static final class PublicOnlyBuilder extends PoolingHttpClientConnectionManagerBuilder {
        @Override
        protected HttpClientConnectionOperator createConnectionOperator(
                SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
            return new AddressCheckingOperator(super.createConnectionOperator(ports, dns, tls));
        }
    }

    private record AddressCheckingOperator(HttpClientConnectionOperator delegate)
            implements HttpClientConnectionOperator {

        @Override
        public void connect(
                ManagedHttpClientConnection connection,
                HttpHost host,
                InetSocketAddress localAddress,
                TimeValue connectTimeout,
                SocketConfig socketConfig,
                HttpContext context)
                throws IOException {
            delegate.connect(connection, host, localAddress, connectTimeout, socketConfig, context);
            refuseInternal(connection, host);
        }

        @Override
        public void connect(
                ManagedHttpClientConnection connection,
                HttpHost host,
                NamedEndpoint endpointName,
                InetSocketAddress localAddress,
                Timeout connectTimeout,
                SocketConfig socketConfig,
                Object attachment,
                HttpContext context)
                throws IOException {
            delegate.connect(
                    connection, host, endpointName, localAddress, connectTimeout, socketConfig, attachment, context);
            refuseInternal(connection, host);
        }

        @Override
        public void upgrade(ManagedHttpClientConnection connection, HttpHost host, HttpContext context)
                throws IOException {
            delegate.upgrade(connection, host, context);
        }

        @Override
        public void upgrade(
                ManagedHttpClientConnection connection,
                HttpHost host,
                NamedEndpoint endpointName,
                Object attachment,
                HttpContext context)
                throws IOException {
            delegate.upgrade(connection, host, endpointName, attachment, context);
        }

        private static void refuseInternal(ManagedHttpClientConnection connection, HttpHost host) throws IOException {
            SocketAddress remote = connection.getRemoteAddress();
            if (!(remote instanceof InetSocketAddress reached)
                    || reached.getAddress() == null
                    || InternalAddresses.isInternal(reached.getAddress())) {
                connection.close();
                throw new InternalAddressRefused(
                        "refused: " + host.getHostName() + " connected to the internal address "
                                + (remote instanceof InetSocketAddress r && r.getAddress() != null
                                        ? r.getAddress().getHostAddress()
                                        : String.valueOf(remote)));
            }
        }
    }
}
