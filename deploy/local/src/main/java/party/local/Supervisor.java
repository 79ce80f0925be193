package party.local;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Restarts an app of the platform that ended when nobody stopped it, or whose liveness check failed three times in
 * a row, as Kubernetes restarts a container (the manifests' livenessProbe: every 10 s, three failures). An app that
 * ran out of memory or hangs is so replaced by a fresh one whose Kafka consumers rejoin their groups. Each restart
 * is logged; an app stopped on purpose (a fault test's {@link ChildProcess#kill}) is left alone. One thread checks
 * the apps in turn and waits for a restarted one to be ready before checking the next; there is no back-off for an
 * app that keeps crashing, it is restarted each period.
 */
final class Supervisor implements AutoCloseable {

    static final Duration PERIOD = Duration.ofSeconds(10);
    static final int FAILURES = 3;

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        var thread = new Thread(task, "supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<ChildProcess, Integer> failures = new ConcurrentHashMap<>();
    private final Duration startTimeout;

    Supervisor(Collection<ChildProcess> apps, Duration startTimeout) {
        this.startTimeout = startTimeout;
        timer.scheduleWithFixedDelay(() -> apps.forEach(this::check), PERIOD.toMillis(), PERIOD.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void check(ChildProcess app) {
        if (app.stoppedOnPurpose()) {
            failures.remove(app);
            return;
        }
        long pid = app.pid();
        boolean live = app.running() && ChildProcess.answers200(app.liveUrl());
        int failed = live ? 0 : failures.merge(app, 1, Integer::sum);
        if (live) {
            failures.remove(app);
        }
        if (app.running() && failed < FAILURES) {
            return;
        }
        String why = app.running() ? "failed its liveness check " + FAILURES + " times in a row" : "ended by itself";
        try {
            if (app.replace(pid, startTimeout)) {
                failures.remove(app);
                System.out.printf("[platform] %s %s: restarted (pid %d, now %d); see %s%n", app.name, why, pid,
                        app.pid(), app.log);
            }
        } catch (RuntimeException e) {
            System.err.printf("[platform] %s %s and did not start again: %s%n", app.name, why, e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
