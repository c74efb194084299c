package cn.tongban.platform.startup;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work that requests need but the web server need not wait for (the search index): run on
 * a thread of its own, retried after a failure until it succeeds or is stopped; callers
 * {@link #await wait} for it, so none sees it half-done.
 */
public final class BackgroundLoad {

	private static final Logger log = LoggerFactory.getLogger(BackgroundLoad.class);

	private final String name;

	private final Runnable work;

	private final Duration retryAfter;

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private volatile String failure;

	private volatile boolean stopped;

	public BackgroundLoad(String name, Runnable work, Duration retryAfter) {
		this.name = name;
		this.work = work;
		this.retryAfter = retryAfter;
	}

	public void start() {
		Thread thread = new Thread(this::run, this.name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Ends the retries; a run in progress finishes. */
	public void stop() {
		this.stopped = true;
	}

	public boolean isDone() {
		return this.done.isDone();
	}

	/** Why the last attempt failed while the next is awaited; null when none failed or it is done. */
	public String failure() {
		return this.failure;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** Waits up to {@code wait}; true once the work is done, false when time ran out or the wait was interrupted. */
	public boolean await(Duration wait) {
		if (this.done.isDone()) {
			return true;
		}
		try {
			this.done.get(wait.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(this.name + " never completes exceptionally: it retries", ex);
		}
	}

	private void run() {
		while (!this.stopped && !this.done.isDone()) {
			try {
				this.work.run();
				this.failure = null;
				this.done.complete(null);
			}
			catch (RuntimeException ex) {
				this.failure = ex.toString();
				log.error("{} failed ({}); callers wait, retrying in {} ms", this.name, ex, this.retryAfter.toMillis());
				try {
					Thread.sleep(this.retryAfter.toMillis());
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

}
