package dev.capsem.it;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.engine.support.store.NamespacedHierarchicalStore;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the x86_64 {@link KitImage} build when a test run that will use it begins, on a thread of
 * its own, so that its kernel compile (about ten minutes on two cores, mostly waiting on nothing
 * else) overlaps the tests that run before the first one asking for the image instead of following
 * them. The image is the same one {@link KitImage.Provider} would build on first use, and the
 * provider waits for it; a run without such a test (or where their opt-in variable is unset) builds
 * nothing. The run's end waits for a build still going, so no build outlives it. Registered through
 * {@code META-INF/services}.
 */
public final class KitImageEarlyBuild implements LauncherSessionListener {

  /** Where the build's future is kept in the launcher session's store. */
  static final Namespace NAMESPACE = Namespace.create(KitImage.SESSION_NAMESPACE);

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    session.getLauncher().registerTestExecutionListeners(new Starter(session.getStore()));
  }

  /** Starts the build at the start of a plan that needs it, and waits for it at the end. */
  private static final class Starter implements TestExecutionListener {

    private final NamespacedHierarchicalStore<Namespace> store;
    private ExecutorService thread;
    private CompletableFuture<KitImage.Provider.Attempt> started;

    Starter(NamespacedHierarchicalStore<Namespace> store) {
      this.store = store;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
      if (!needsKitImage(plan)) {
        return;
      }
      thread =
          Executors.newSingleThreadExecutor(
              task -> {
                Thread t = new Thread(task, "kit-image-early-build");
                t.setDaemon(true);
                return t;
              });
      started = CompletableFuture.supplyAsync(KitImage.Provider::attempt, thread);
      store.put(NAMESPACE, KitImage.SESSION_KEY, started);
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
      if (started != null) {
        started.join();
        thread.shutdown();
      }
    }

    private static boolean needsKitImage(TestPlan plan) {
      for (TestIdentifier root : plan.getRoots()) {
        for (TestIdentifier test : plan.getDescendants(root)) {
          Optional<Class<?>> type =
              test.getSource()
                  .filter(ClassSource.class::isInstance)
                  .map(source -> ((ClassSource) source).getJavaClass());
          if (type.isPresent() && usesKitImage(type.get()) && enabled(type.get())) {
            return true;
          }
        }
      }
      return false;
    }

    private static boolean usesKitImage(Class<?> type) {
      ExtendWith extensions = type.getAnnotation(ExtendWith.class);
      if (extensions == null) {
        return false;
      }
      for (Class<?> extension : extensions.value()) {
        if (extension == KitImage.Provider.class) {
          return true;
        }
      }
      return false;
    }

    // The class-level opt-in of the slow tests, read as JUnit reads it.
    private static boolean enabled(Class<?> type) {
      EnabledIfEnvironmentVariable optIn = type.getAnnotation(EnabledIfEnvironmentVariable.class);
      if (optIn == null) {
        return true;
      }
      String value = System.getenv(optIn.named());
      return value != null && value.matches(optIn.matches());
    }
  }
}
