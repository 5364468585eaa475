package io.moeen.testing;

import java.io.IOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Registered for every test class (see META-INF/services): a test or lifecycle method that runs longer than
 * {@code moeen.test.hangSeconds} (180 s; the slowest method of the suite takes about 30) is taken for hung. A CI run
 * once waited 90 minutes on one test class and printed nothing that said where. Now every thread's stack is written
 * to {@code target/hangs/} (which .ci/run prints when the build fails) and the method's thread is interrupted; a method
 * that returns after that fails with the stacks in its message, and one that does not return within another minute
 * ends its test JVM, so surefire names the class that crashed instead of waiting.
 */
public final class HangWatch implements InvocationInterceptor {
  static final Path HANGS = Path.of("target", "hangs");
  private static final Duration LIMIT = Duration.ofSeconds(Long.getLong("moeen.test.hangSeconds", 180));
  private static final Duration GRACE = Duration.ofSeconds(60);
  private static final int RUNNING = 0;
  private static final int RETURNED = 1;
  private static final int OVERDUE = 2;
  private static final int HALTED = 3;
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "moeen-hang-watch");
    t.setDaemon(true);
    return t;
  });

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    watch(invocation, call, context);
  }

  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    watch(invocation, call, context);
  }

  @Override
  public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    return watch(invocation, call, context);
  }

  @Override
  public <T> T interceptTestClassConstructor(Invocation<T> invocation,
      ReflectiveInvocationContext<java.lang.reflect.Constructor<T>> call, ExtensionContext context) throws Throwable {
    return watch(invocation, call.getTargetClass().getName() + ".<init>");
  }

  @Override
  public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    watch(invocation, call, context);
  }

  @Override
  public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    watch(invocation, call, context);
  }

  @Override
  public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    watch(invocation, call, context);
  }

  @Override
  public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    watch(invocation, call, context);
  }

  private static <T> T watch(Invocation<T> invocation, ReflectiveInvocationContext<Method> call, ExtensionContext context)
      throws Throwable {
    return watch(invocation, call.getTargetClass().getName() + "." + call.getExecutable().getName()
        + (context.getTestMethod().isPresent() ? "-" + context.getDisplayName().replaceAll("[^\\w.-]+", "_") : ""));
  }

  private static <T> T watch(Invocation<T> invocation, String what) throws Throwable {
    return watch(invocation, what, LIMIT, GRACE);
  }

  /** Runs {@code method} on this thread under the watch (what the interceptor does, with any limit: HangWatchTest). */
  static <T> T watch(Invocation<T> method, String what, Duration limit, Duration grace) throws Throwable {
    Thread runner = Thread.currentThread();
    AtomicInteger state = new AtomicInteger(RUNNING);
    AtomicReference<String> stacks = new AtomicReference<>();
    CountDownLatch interrupted = new CountDownLatch(1);
    ScheduledFuture<?> overdue = TIMER.schedule(() -> {
      if (!state.compareAndSet(RUNNING, OVERDUE)) {
        return;
      }
      try {
        stacks.set(allStacks());
        record(what, what + " ran over " + limit.toMillis() + " ms; it was interrupted. Every thread:\n" + stacks.get());
      } finally {
        runner.interrupt();
        interrupted.countDown();
        TIMER.schedule(() -> {
          if (state.compareAndSet(OVERDUE, HALTED)) {
            record(what + ".halt", what + " did not return within " + grace.toMillis()
                + " ms of its interrupt; this test JVM ends now. Every thread:\n" + allStacks());
            Runtime.getRuntime().halt(3);
          }
        }, grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    }, limit.toMillis(), TimeUnit.MILLISECONDS);
    Throwable failure = null;
    T result = null;
    try {
      result = method.proceed();
    } catch (Throwable t) {
      failure = t;
    }
    if (state.compareAndSet(RUNNING, RETURNED)) {
      overdue.cancel(false);
    } else if (state.compareAndSet(OVERDUE, RETURNED)) {
      // ran over and has now returned: no halt; and the watch's interrupt is not the next method's
      awaitUninterruptibly(interrupted);
      Thread.interrupted();
      AssertionError hung = new AssertionError(what + " ran over " + limit.toMillis() + " ms and was interrupted; "
          + "every thread's stack when it was:\n" + stacks.get());
      if (failure != null) {
        hung.initCause(failure);
      }
      throw hung;
    }
    if (failure != null) {
      throw failure;
    }
    return result;
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    while (true) {
      try {
        latch.await();
        return;
      } catch (InterruptedException e) {
        // the watch's own interrupt, arriving now: wait on
      }
    }
  }

  private static void record(String name, String text) {
    System.err.println(text);
    try {
      Files.createDirectories(HANGS);
      Files.writeString(HANGS.resolve(name + ".txt"), text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("could not write " + HANGS + ": " + e);
    }
  }

  /** Every thread's whole stack, with the monitors and locks it holds and waits on (ThreadInfo.toString cuts at 8 frames). */
  static String allStacks() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder();
    long[] deadlocked = threads.findDeadlockedThreads();
    if (deadlocked != null) {
      out.append("DEADLOCKED threads: ").append(java.util.Arrays.toString(deadlocked)).append('\n');
    }
    for (ThreadInfo t : threads.dumpAllThreads(true, true)) {
      out.append('"').append(t.getThreadName()).append("\" id=").append(t.getThreadId()).append(' ')
          .append(t.getThreadState());
      if (t.getLockName() != null) {
        out.append(" on ").append(t.getLockName());
      }
      if (t.getLockOwnerName() != null) {
        out.append(" owned by \"").append(t.getLockOwnerName()).append("\" id=").append(t.getLockOwnerId());
      }
      out.append('\n');
      StackTraceElement[] frames = t.getStackTrace();
      for (int i = 0; i < frames.length; i++) {
        out.append("\tat ").append(frames[i]).append('\n');
        for (MonitorInfo m : t.getLockedMonitors()) {
          if (m.getLockedStackDepth() == i) {
            out.append("\t- locked ").append(m).append('\n');
          }
        }
      }
      for (LockInfo l : t.getLockedSynchronizers()) {
        out.append("\t- holds ").append(l).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
  }
}
