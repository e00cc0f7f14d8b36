// Runs a throwaway Neo4j 5.26 Community DBMS with Bolt on 127.0.0.1 for Liner's local development and tests.
package liner.neo4jlocal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.Level;
import org.neo4j.logging.log4j.Log4jLogProvider;

public final class Neo4jLocal {
    private static final String HOST = "127.0.0.1";
    private static final String USER = "neo4j";
    // Written into every home we create, so a wipe never deletes a folder this launcher did not make.
    private static final String MARKER = ".liner-neo4j-local";

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable t) {
            // Exit explicitly: the DBMS's non-daemon threads would otherwise keep a half-started JVM alive.
            t.printStackTrace();
            System.exit(1);
        }
    }

    private static void run() throws Exception {
        int port = Integer.parseInt(env("NEO4J_BOLT_PORT", "7687"));
        String password = env("NEO4J_PASSWORD", "liner-dev-password");
        String pageCache = env("NEO4J_PAGECACHE", "256m");
        Path home = Path.of(env("NEO4J_LOCAL_HOME",
                Path.of(env("TMPDIR", "/tmp"), "liner-neo4j-" + port).toString())).toAbsolutePath();

        if (password.length() < 8) {
            // Neo4j rejects passwords shorter than dbms.security.auth_minimum_password_length (8).
            throw new IllegalArgumentException("NEO4J_PASSWORD must be at least 8 characters");
        }
        // A restart that must find its data again (outage tests, benchmarks at scale) keeps the home as it is.
        if (!"1".equals(env("NEO4J_KEEP_DATA", ""))) {
            wipe(home);
        } else if (!Files.isDirectory(home)) {
            // A kept home starts out like any other: ours, so a later plain start may wipe it.
            Files.createDirectories(home);
            Files.createFile(home.resolve(MARKER));
        }

        // Bolt must never answer before the password is set, or a client that connects early is refused (or worse,
        // let in with the default password). So the password is set with Bolt off, then the DBMS restarts with it on.
        DatabaseManagementService offline = build(home, port, pageCache, false);
        setPassword(offline, password);
        offline.shutdown();

        DatabaseManagementService dbms = build(home, port, pageCache, true);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Shutting down Neo4j ...");
            dbms.shutdown();
            System.out.println("Neo4j stopped");
            stopped.countDown();
        }, "neo4j-local-shutdown"));


        String version = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally(
                "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition",
                Map.of(),
                result -> {
                    Map<String, Object> row = result.next();
                    System.out.printf("Components: %s %s %s%n",
                            row.get("name"), row.get("version"), row.get("edition"));
                    return (String) row.get("version");
                });

        awaitBolt(port);
        System.out.printf("Neo4j %s ready on bolt://%s:%d (user %s, password %s)%n", version, HOST, port, USER, password);
        System.out.println("Data home: " + home);
        stopped.await();
    }

    private static DatabaseManagementService build(Path home, int port, String pageCache, boolean bolt) {
        return new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, bolt)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                // Bolt waits 5 s twice on shutdown for clients to go; a throwaway server need not (stop: 3 s, not 12 s).
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Usage reports would phone home to neo4j.com; this machine must only talk to loopback.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                // Any other listener also stays on loopback, so nothing is exposed beyond this machine.
                .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                // Embedded mode drops the user log (startup, bind errors) by default; stdout is start.sh's log file.
                .setUserLogProvider(new Log4jLogProvider(System.out, Level.INFO))
                .build();
    }

    /** The initial neo4j user has password "neo4j" and must change it; set the known one without that step. */
    private static void setPassword(DatabaseManagementService dbms, String password) {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (QueryExecutionException e) {
            // A kept home (NEO4J_KEEP_DATA) already has this password, and Neo4j refuses to "change" it to itself.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                throw e;
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    // Every start is clean: the previous data is removed, but only from a folder that is ours or empty.
    private static void wipe(Path home) throws IOException {
        if (Files.isDirectory(home)) {
            boolean ours = Files.exists(home.resolve(MARKER));
            boolean empty;
            try (Stream<Path> entries = Files.list(home)) {
                empty = entries.findAny().isEmpty();
            }
            if (!ours && !empty) {
                throw new IllegalStateException(
                        home + " is not empty and was not made by neo4j-local; refusing to wipe it");
            }
            try (Stream<Path> all = Files.walk(home)) {
                all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(home)).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        Files.createDirectories(home);
        Files.createFile(home.resolve(MARKER));
    }

    // The ready line is a promise to start.sh that clients can connect, so check the socket really accepts.
    private static void awaitBolt(int port) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(HOST, port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("Bolt did not accept connections on " + HOST + ":" + port);
    }
}
