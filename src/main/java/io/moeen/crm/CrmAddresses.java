package io.moeen.crm;

/**
 * Every event-bus address of the crm feature, and the only place they are written: the addresses it
 * serves (contract operations, named by the contract's {@code x-moeen-address}, and internal requests)
 * and the events it publishes. Each is {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 * <p>Leads, activities, assignment, conversion, web forms, imports and reports, and the events leads publish.
 */
public final class CrmAddresses {
  // Contract operations (see contract/crm.yaml).
  /** Internal, request/reply: capture (or merge into) a lead from a form, an import or the chatbot. */
  public static final String LEADS_CAPTURE = "crm.leads.capture";
  /** Internal, request/reply: a follow-up task for a person (the chatbot hands over here). */
  public static final String TASKS_CREATE = "crm.tasks.create";
  public static final String LEADS_CREATE = "crm.leads.create";
  public static final String LEADS_LIST = "crm.leads.list";
  public static final String LEADS_EXPORT = "crm.leads.export";
  public static final String LEADS_GET = "crm.leads.get";
  public static final String LEADS_UPDATE = "crm.leads.update";
  public static final String LEADS_TRANSITION = "crm.leads.transition";
  public static final String LEADS_MERGE = "crm.leads.merge";
  public static final String ACTIVITIES_LIST = "crm.activities.list";
  public static final String ACTIVITIES_ADD = "crm.activities.add";
  public static final String ACTIVITIES_COMPLETE = "crm.activities.complete";
  public static final String REPORTS_SUMMARIZE = "crm.reports.summarize";
  public static final String MARKETERS_LIST = "crm.marketers.list";
  public static final String MARKETERS_SAVE = "crm.marketers.save";
  public static final String LEADS_REASSIGN = "crm.leads.reassign";
  public static final String LEADS_CONVERT = "crm.leads.convert";
  public static final String FORMS_LIST = "crm.forms.list";
  public static final String FORMS_CREATE = "crm.forms.create";
  public static final String FORMS_DEACTIVATE = "crm.forms.deactivate";
  public static final String FORMS_SUBMIT = "crm.forms.submit";
  public static final String LEADS_IMPORT = "crm.leads.import";

  // Events this feature publishes.
  /** Event, published after commit: a new lead. */
  public static final String LEADS_CREATED = "crm.leads.created";
  /** Event, published after commit: a lead moved in the pipeline. */
  public static final String LEADS_STATUS_CHANGED = "crm.leads.status_changed";

  private CrmAddresses() {
  }
}
