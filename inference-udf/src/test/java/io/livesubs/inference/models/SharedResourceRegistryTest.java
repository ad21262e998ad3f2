package io.livesubs.inference.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedResourceRegistryTest {
  /** A resource that records how often it was closed. */
  static final class Counted implements AutoCloseable {
    final AtomicInteger closes = new AtomicInteger();

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  @Test
  void loadsOncePerKeyAndClosesWithTheLastLease() {
    SharedResourceRegistry<String, Counted> registry = new SharedResourceRegistry<>("thing");
    AtomicInteger loads = new AtomicInteger();
    SharedResourceRegistry.Lease<Counted> a =
        registry.acquire(
            "k",
            k -> {
              loads.incrementAndGet();
              return new Counted();
            });
    SharedResourceRegistry.Lease<Counted> b =
        registry.acquire(
            "k",
            k -> {
              loads.incrementAndGet();
              return new Counted();
            });
    assertEquals(1, loads.get());
    assertSame(a.get(), b.get());
    assertEquals(2, registry.leases("k"));

    Counted shared = a.get();
    a.close();
    a.close();
    assertEquals(1, registry.leases("k"), "closing a lease twice releases once");
    assertEquals(0, shared.closes.get());
    b.close();
    assertEquals(0, registry.leases("k"));
    assertEquals(1, shared.closes.get());
    assertThrows(IllegalStateException.class, a::get);

    registry
        .acquire(
            "k",
            k -> {
              loads.incrementAndGet();
              return new Counted();
            })
        .close();
    assertEquals(2, loads.get(), "reloaded after the last lease was closed");
  }

  @Test
  void loaderFailureIsWrappedWithKindAndKey() {
    SharedResourceRegistry<String, Counted> registry = new SharedResourceRegistry<>("thing");
    ModelLoadException e =
        assertThrows(
            ModelLoadException.class,
            () ->
                registry.acquire(
                    "bad",
                    k -> {
                      throw new java.io.IOException("boom");
                    }));
    assertTrue(e.getMessage().contains("thing bad"), e.getMessage());
    assertTrue(e.getMessage().contains("boom"), e.getMessage());
    assertEquals(0, registry.leases("bad"));
  }

  @Test
  void concurrentFirstUsersShareOneLoad() throws Exception {
    SharedResourceRegistry<String, Counted> registry = new SharedResourceRegistry<>("thing");
    AtomicInteger loads = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    List<SharedResourceRegistry.Lease<Counted>> leases =
        new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                  return;
                }
                leases.add(
                    registry.acquire(
                        "k",
                        k -> {
                          loads.incrementAndGet();
                          return new Counted();
                        }));
              });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertEquals(1, loads.get());
    assertEquals(8, registry.leases("k"));
    leases.forEach(SharedResourceRegistry.Lease::close);
    assertEquals(0, registry.leases("k"));
  }
}
