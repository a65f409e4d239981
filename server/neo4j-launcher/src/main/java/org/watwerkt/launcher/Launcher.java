package org.watwerkt.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

import inet.ipaddr.IPAddressString;

/**
 * Runs a Neo4j 5 community DBMS embedded, for watwerkt's development server and tests.
 *
 * <pre>
 *   WATWERKT_NEO4J_PASSWORD=secret123 \
 *   java -Xmx512m -cp "target/classes:target/lib/*" org.watwerkt.launcher.Launcher \
 *        --data DIR --port 7687 [--no-stdin-watch]
 * </pre>
 *
 * Bolt listens on 127.0.0.1:PORT only, HTTP/HTTPS are off, authentication is on. On every
 * start the password of user {@code neo4j} is set to {@code $WATWERKT_NEO4J_PASSWORD} (through
 * the system database, which embedded code may administer). When the server accepts Bolt
 * connections with that password, exactly one line {@code READY bolt://127.0.0.1:PORT} is
 * printed to stdout. The DBMS shuts down cleanly on SIGTERM/SIGINT (shutdown hook) and, unless
 * {@code --no-stdin-watch} is given, when stdin reaches end of file, so that a parent that dies
 * leaves no orphan behind.
 *
 * <p>Cypher can reach no file and no address: file URLs are off for LOAD CSV, the import
 * directory does not exist, every IPv4 and IPv6 address is blocked for URL access, and only
 * the built-in procedures in {@link #PROCEDURES} are loaded.
 */
public final class Launcher {
    static final String PASSWORD_ENV = "WATWERKT_NEO4J_PASSWORD";
    static final String USER = "neo4j";

    /** The only procedures and functions outside Cypher itself that the server loads. */
    static final List<String> PROCEDURES = List.of(
            "db.labels", "db.relationshipTypes", "db.propertyKeys", "db.schema.*",
            "db.awaitIndexes", "dbms.components", "dbms.routing.getRoutingTable");

    private static final Object LOCK = new Object();
    private static DatabaseManagementService dbms;
    private static boolean stopped;
    private static volatile boolean exiting;
    /** Counted down once the DBMS is built (or failed to build). */
    private static final CountDownLatch BUILT = new CountDownLatch(1);

    private Launcher() {
    }

    public static void main(String[] args) {
        Path data = null;
        int port = -1;
        boolean stdinWatch = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--data" -> data = Path.of(need(args, ++i, "--data")).toAbsolutePath();
                case "--port" -> port = parsePort(need(args, ++i, "--port"));
                case "--no-stdin-watch" -> stdinWatch = false;
                default -> usage("unknown argument: " + args[i]);
            }
        }
        if (data == null || port < 0) {
            usage("--data and --port are required");
        }
        String password = System.getenv(PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            usage("the environment variable " + PASSWORD_ENV + " must hold the password for user neo4j");
        }

        // Keep stdout for the READY line alone: anything Neo4j or a library prints goes to stderr.
        PrintStream out = System.out;
        System.setOut(System.err);

        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "watwerkt-neo4j-shutdown"));
        if (stdinWatch) {
            Thread watcher = new Thread(Launcher::watchStdin, "watwerkt-neo4j-stdin-watch");
            watcher.setDaemon(true);
            watcher.start();
        }

        long dbmsMillis = 0;
        long passwordMillis = 0;
        try {
            long t0 = System.nanoTime();
            Files.createDirectories(data);
            DatabaseManagementService service = new DatabaseManagementServiceBuilder(data)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    // no file or URL access from Cypher (LOAD CSV, procedures)
                    .setConfig(GraphDatabaseSettings.allow_file_urls, false)
                    .setConfig(GraphDatabaseSettings.load_csv_file_url_root, data.resolve("no-import"))
                    .setConfig(GraphDatabaseInternalSettings.cypher_ip_blocklist,
                            List.of(new IPAddressString("0.0.0.0/0"), new IPAddressString("::/0")))
                    .setConfig(GraphDatabaseSettings.procedure_allowlist, PROCEDURES)
                    // small footprint for a development/test server (heap is capped by -Xmx)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, 64L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, 256L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, 16L * 1024 * 1024)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                    .setConfig(GraphDatabaseSettings.keep_logical_logs, "2 files")
                    // stop in about a second instead of ~10 s (Bolt's Netty groups wait 5 s each by default)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(2))
                    .build();
            synchronized (LOCK) {
                dbms = service;
            }
            BUILT.countDown();
            long t1 = System.nanoTime();
            setPassword(service, password);
            dbmsMillis = (t1 - t0) / 1_000_000;
            passwordMillis = (System.nanoTime() - t1) / 1_000_000;
            GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable(60_000)) {
                throw new IllegalStateException("database " + db.databaseName() + " did not become available");
            }
        } catch (Throwable e) {
            BUILT.countDown();
            if (isStopping()) { // a signal or EOF arrived while starting: the shutdown hook ends it
                awaitForever();
            }
            System.err.println("watwerkt-neo4j: start failed: " + e);
            e.printStackTrace(System.err);
            System.err.flush();
            Runtime.getRuntime().halt(shutdownQuietly() ? 1 : 2);
        }

        System.err.printf("watwerkt-neo4j: ready %d ms after JVM start (DBMS %d ms, password %d ms)%n",
                ManagementFactory.getRuntimeMXBean().getUptime(), dbmsMillis, passwordMillis);
        out.println("READY bolt://127.0.0.1:" + port);
        out.flush();

        awaitForever(); // live until a signal or stdin EOF ends the JVM
    }

    private static void awaitForever() {
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isStopping() {
        synchronized (LOCK) {
            return exiting || stopped;
        }
    }

    /** Sets neo4j's password; idempotent, so a restart with the same password is fine. */
    private static void setPassword(DatabaseManagementService service, String password) {
        GraphDatabaseService system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try {
            system.executeTransactionally(
                    "ALTER USER " + USER + " SET PLAINTEXT PASSWORD $password CHANGE NOT REQUIRED",
                    Map.of("password", password));
        } catch (RuntimeException e) {
            String message = String.valueOf(e.getMessage()) + " " + (e.getCause() == null ? "" : e.getCause().getMessage());
            if (!message.contains("cannot be the same")) { // already this password: nothing to do
                throw e;
            }
        }
    }

    private static void watchStdin() {
        InputStream in = System.in;
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) != -1) {
                // ignore input; only end of file matters
            }
        } catch (IOException e) {
            // a broken stdin counts as end of file
        }
        System.err.println("watwerkt-neo4j: stdin closed, shutting down");
        System.exit(0);
    }

    /** The shutdown hook: lets a DBMS that is being built finish starting, then stops it. */
    private static void shutdown() {
        exiting = true;
        try {
            BUILT.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutdownQuietly();
    }

    private static boolean shutdownQuietly() {
        synchronized (LOCK) {
            if (stopped) {
                return true;
            }
            stopped = true;
            if (dbms == null) {
                return true;
            }
            try {
                dbms.shutdown();
                System.err.println("watwerkt-neo4j: stopped");
                return true;
            } catch (Throwable e) {
                System.err.println("watwerkt-neo4j: shutdown failed: " + e);
                return false;
            } finally {
                System.err.flush();
            }
        }
    }

    private static String need(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                usage("port out of range: " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            usage("not a port: " + text);
            return -1;
        }
    }

    private static void usage(String problem) {
        System.err.println("watwerkt-neo4j: " + problem);
        System.err.println("usage: " + PASSWORD_ENV + "=... java -cp 'target/classes:target/lib/*' "
                + "org.watwerkt.launcher.Launcher --data DIR --port N [--no-stdin-watch]");
        System.exit(64);
    }
}
