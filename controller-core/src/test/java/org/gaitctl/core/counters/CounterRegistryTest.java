package org.gaitctl.core.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CounterRegistryTest {

  enum Sample implements CounterId {
    FRAMES("frames"),
    MAX_LATENESS_NS("max_lateness_ns");

    private final String label;

    Sample(String label) {
      this.label = label;
    }

    @Override
    public String label() {
      return label;
    }
  }

  @Test
  void shouldPrintEveryRegisteredCounterAsANameAndValueTable() {
    CounterSet<Sample> pbu = new CounterSet<>("pbu.link", Sample.class);
    CounterSet<Sample> lca = new CounterSet<>("lca.link", Sample.class);
    pbu.incrementOrdered(Sample.FRAMES);
    pbu.addOrdered(Sample.FRAMES, 2);
    lca.increment(Sample.FRAMES);
    lca.maxOrdered(Sample.MAX_LATENESS_NS, 70);
    lca.maxOrdered(Sample.MAX_LATENESS_NS, 50);
    CounterRegistry registry = new CounterRegistry().register(pbu).register(lca);

    assertThat(registry.toTable())
        .isEqualTo(
            "counter                   value\n"
                + "pbu.link.frames           3\n"
                + "pbu.link.max_lateness_ns  0\n"
                + "lca.link.frames           1\n"
                + "lca.link.max_lateness_ns  70\n");
    assertThat(registry.value("pbu.link.frames")).isEqualTo(3);
  }

  @Test
  void shouldRefuseToReadACounterNobodyRegistered() {
    assertThatThrownBy(() -> new CounterRegistry().value("pbu.link.frames"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("pbu.link.frames");
  }
}
