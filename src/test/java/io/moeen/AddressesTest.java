package io.moeen;

import io.moeen.common.Feature;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event-bus address is written once, in its feature's {@code <Feature>Addresses} class (read here by
 * reflection), named {@code <feature>.<resource>.<verb>}; the contract names only those; and the table in
 * docs/architecture.md lists exactly them (a trailing {@code <userId>} marks a per-user prefix).
 */
class AddressesTest {
  private static final Path ARCHITECTURE = Path.of("docs/architecture.md");
  private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([^`]+)` \\|");
  private static final Pattern CONTRACT_ADDRESS = Pattern.compile("x-moeen-address:\\s*(\\S+)");

  /** address → the feature whose Addresses class declares it. */
  static Map<String, String> addresses() throws ReflectiveOperationException {
    Map<String, String> all = new LinkedHashMap<>();
    for (Feature feature : Application.FEATURES) {
      String name = feature.name();
      if (name.equals("api") || name.equals("web")) {
        continue; // neither serves an address: the API forwards to the others, web pages run in browsers
      }
      Class<?> type = Class.forName("io.moeen." + name + "." + Character.toUpperCase(name.charAt(0)) + name.substring(1)
          + "Addresses");
      for (Field field : type.getDeclaredFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
          String address = (String) field.get(null);
          assertThat(all.put(address, name)).as("%s is declared twice", address).isNull();
        }
      }
    }
    return all;
  }

  @Test
  void every_address_is_feature_resource_verb() throws ReflectiveOperationException {
    addresses().forEach((address, feature) -> assertThat(address)
        .matches(Pattern.quote(feature) + "(\\.[a-z][a-z0-9_]*){2,}\\.?"));
  }

  @Test
  void the_addresses_classes_are_the_only_ones() throws IOException {
    try (Stream<Path> files = Files.walk(FeatureDependenciesTest.SOURCES)) {
      assertThat(files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith("Addresses.java")).sorted())
          .containsExactly("BillingAddresses.java", "ChatbotAddresses.java", "CrmAddresses.java", "IdentityAddresses.java",
              "NotificationsAddresses.java", "PatientsAddresses.java", "ReferenceAddresses.java",
              "SchedulingAddresses.java");
    }
  }

  @Test
  void the_contract_names_only_addresses_of_the_feature_it_describes() throws Exception {
    Map<String, String> known = addresses();
    try (Stream<Path> parts = Files.list(Path.of("contract"))) {
      for (Path part : parts.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        String feature = part.getFileName().toString().replace(".yaml", "");
        Matcher m = CONTRACT_ADDRESS.matcher(Files.readString(part));
        while (m.find()) {
          assertThat(known.get(m.group(1))).as("%s in %s", m.group(1), part).isEqualTo(feature);
        }
      }
    }
  }

  @Test
  void the_architecture_table_lists_exactly_the_declared_addresses() throws Exception {
    List<String> listed = new ArrayList<>();
    boolean inSection = false;
    for (String line : Files.readAllLines(ARCHITECTURE)) {
      if (line.startsWith("#")) {
        inSection = line.equals("### Event-bus addresses");
      } else if (inSection) {
        Matcher m = TABLE_ROW.matcher(line);
        if (m.find()) {
          listed.add(m.group(1).replaceAll("<\\w+>$", ""));
        }
      }
    }
    assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(addresses().keySet());
  }
}
