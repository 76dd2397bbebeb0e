package org.viosbench.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.viosbench.engine.TraceEvent;
import org.viosbench.engine.TraceListener;

/**
 * Records an engine's trace into a {@link TraceStore} run without slowing the engine: events go
 * into a bounded queue (when it is full, events are counted as dropped, never waited for) and one
 * writer thread stores them in batches of up to {@link #BATCH} events per transaction.
 */
public final class TraceRecorder implements TraceListener, AutoCloseable {
    public static final int BATCH = Integer.getInteger("viosbench.trace.batch", 10_000);
    private static final int QUEUE = 1 << 18;

    private final TraceStore store;
    private final long run;
    private final BlockingQueue<TraceEvent> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private volatile boolean closing;
    private volatile DatabaseException failure;

    /** Starts recording into a new run named {@code name} of {@code db}. */
    public TraceRecorder(ViosDatabase db, String name) throws DatabaseException {
        this.store = db.traces();
        this.run = store.startRun(name);
        this.writer = new Thread(this::write, "viosbench-trace-writer");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** The run's id in the store. */
    public long run() {
        return run;
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (closing || !queue.offer(event)) {
            dropped.incrementAndGet();
        }
    }

    /** Events stored so far. */
    public long written() {
        return written.get();
    }

    /** Events that could not be queued (queue full or recorder closing). */
    public long dropped() {
        return dropped.get();
    }

    private void write() {
        List<TraceEvent> batch = new ArrayList<>(BATCH);
        while (!closing || !queue.isEmpty()) {
            try {
                TraceEvent first = queue.poll(20, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                store.append(run, written.get(), batch);
                written.addAndGet(batch.size());
            } catch (DatabaseException e) {
                failure = e;
                dropped.addAndGet(batch.size());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Stores what is queued and stops (waits at most 30 s).
     *
     * @throws DatabaseException the first storage failure, if any batch failed
     */
    @Override
    public void close() throws DatabaseException {
        closing = true;
        try {
            writer.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }
}
