package io.moeen.dental;

/**
 * Every event-bus address of the dental feature, and the only place they are written. Each is
 * {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>The dental chart (versions, read back at any date, differences, its SVG) and dental records per visit.
 */
public final class DentalAddresses {
  // Contract operations (see contract/dental.yaml).
  public static final String CHARTS_GET = "dental.charts.get";
  public static final String CHARTS_CHANGE = "dental.charts.change";
  public static final String CHARTS_HISTORY = "dental.charts.history";
  public static final String CHARTS_DIFF = "dental.charts.diff";
  public static final String CHARTS_SVG = "dental.charts.svg";
  public static final String RECORDS_ADD = "dental.records.add";
  public static final String RECORDS_LIST = "dental.records.list";

  private DentalAddresses() {
  }
}
