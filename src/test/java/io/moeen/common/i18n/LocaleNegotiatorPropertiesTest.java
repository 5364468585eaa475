package io.moeen.common.i18n;

import static io.moeen.common.i18n.SupportedLocale.AR;
import static io.moeen.common.i18n.SupportedLocale.EN;
import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

// jqwik properties live apart from Jupiter tests: Surefire keeps only one engine's report per class
class LocaleNegotiatorPropertiesTest {

  @Property
  void never_throws_on_arbitrary_headers(@ForAll @StringLength(max = 1200) String header) {
    assertThat(new LocaleNegotiator(AR).negotiate(header)).isNotNull();
  }

  @Property
  void never_throws_on_header_like_noise(
      @ForAll @StringLength(max = 80)
          @Chars({'a', 'r', 'e', 'n', 'A', '-', '_', ';', 'q', 'Q', '=', '0', '1', '.', ',', ' ', '*'})
          String header) {
    assertThat(new LocaleNegotiator(EN).negotiate(header)).isNotNull();
  }
}
