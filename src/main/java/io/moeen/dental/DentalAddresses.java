package io.moeen.dental;

/**
 * Every event-bus address of the dental feature, and the only place they are written. Each is
 * {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>The dental chart (versions, read back at any date, differences, its SVG), dental records per visit,
 * treatment plans (their steps, booking them, completing them) and teeth images.
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
  public static final String PLANS_CREATE = "dental.plans.create";
  public static final String PLANS_LIST = "dental.plans.list";
  public static final String PLANS_GET = "dental.plans.get";
  public static final String PLANS_ADD_STEPS = "dental.plans.add_steps";
  public static final String PLANS_CHANGE_STATUS = "dental.plans.change_status";
  public static final String PLANS_BOOK = "dental.plans.book";
  public static final String PLAN_STEPS_COMPLETE = "dental.plan_steps.complete";
  public static final String PLAN_STEPS_CANCEL = "dental.plan_steps.cancel";
  public static final String IMAGES_UPLOAD = "dental.images.upload";
  public static final String IMAGES_LIST = "dental.images.list";
  public static final String IMAGES_DOWNLOAD = "dental.images.download";

  private DentalAddresses() {
  }
}
