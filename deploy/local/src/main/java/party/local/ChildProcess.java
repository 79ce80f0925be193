package party.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One server of the platform in its own OS process, logging to a file, stopped with all its descendants. It can be
 * started again the same way after it ended, as a supervisor (or Kubernetes) restarts a crashed container.
 */
public final class ChildProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final Path log;
    private final ProcessBuilder builder;
    /** answers 200 once the server is ready, or {@code null} for a process with no such URL */
    private final String readyUrl;
    private volatile Process process;
    /** stopped on purpose ({@link #kill}, a fault test): the supervisor leaves it alone until {@link #restart} */
    private boolean stoppedOnPurpose;
    private int restarts;

    private ChildProcess(String name, Path log, ProcessBuilder builder, String readyUrl) {
        this.name = name;
        this.log = log;
        this.builder = builder;
        this.readyUrl = readyUrl;
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logs) {
        return start(name, command, env, workDir, logs, null);
    }

    static ChildProcess start(String name, List<String> command, Map<String, String> env, Path workDir, Path logs,
                              String readyUrl) {
        try {
            Files.createDirectories(logs);
            Path log = logs.resolve(name + ".log");
            var builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            var child = new ChildProcess(name, log, builder, readyUrl);
            child.launch();
            return child;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    private void launch() throws IOException {
        process = builder.start();
    }

    /** Starts the same command again once the process has ended (after {@link #kill}, or a crash), then waits until ready. */
    public synchronized void restart(Duration timeout) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + " again", e);
        }
        stoppedOnPurpose = false;
        restarts++;
        awaitReady(timeout);
    }

    /**
     * What a supervisor does to the process it found dead or hung ({@code pid}): SIGKILL if it still runs, then start
     * again and wait until ready; nothing if it was stopped on purpose or is another process by now (a fault test
     * restarted it meanwhile). Returns whether it did. Synchronized with {@link #kill} and {@link #restart}, so a
     * fault test's stop is never undone behind its back.
     */
    synchronized boolean replace(long pid, Duration timeout) {
        if (stoppedOnPurpose || process.pid() != pid) {
            return false;
        }
        process.destroyForcibly();
        awaitExit();
        restart(timeout);
        return true;
    }

    synchronized boolean stoppedOnPurpose() {
        return stoppedOnPurpose;
    }

    /** How often it was started again since the first start. */
    public synchronized int restarts() {
        return restarts;
    }

    /** Its liveness URL (a Quarkus app's, beside its readiness), or {@code null}. */
    String liveUrl() {
        return readyUrl == null ? null : readyUrl.replace("/q/health/ready", "/q/health/live");
    }

    boolean running() {
        return process.isAlive();
    }

    /** Where the server says it is ready, or {@code null}. */
    public String readyUrl() {
        return readyUrl;
    }

    /** Waits until the server answers on its ready URL. */
    void awaitReady(Duration timeout) {
        awaitHealthy(readyUrl, timeout);
    }

    public long pid() {
        return process.pid();
    }

    /** The Java running this launcher, so every child runs on the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Polls {@code url} until it answers 200; fails early, pointing at the log, if the process dies. */
    void awaitHealthy(String url, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue() + "; see " + log);
            }
            if (answers200(url)) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " not healthy at " + url + " after " + timeout + "; see " + log);
    }

    /** For one-shot tools: waits for the exit and insists on success. */
    void awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
                throw new IllegalStateException(name + " did not finish within " + timeout + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with code " + process.exitValue() + "; see " + log);
        }
    }

    static boolean answers200(String url) {
        try {
            var request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a health check", e);
        }
    }

    static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGKILL, as a crash or the OOM killer would; returns once the process is gone. */
    public synchronized void kill() {
        stoppedOnPurpose = true;
        process.destroyForcibly();
        awaitExit();
    }

    private void awaitExit() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM to the process and everything it started (kc.sh starts a JVM), then SIGKILL after 30 s. */
    @Override
    public void close() {
        synchronized (this) {
            stoppedOnPurpose = true;
        }
        List<ProcessHandle> tree = process.descendants().toList();
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle child : tree) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
