// My invoices (and those of family who let me see them): what each comes to and what is left, and "Pay now" — a
// checkout at the clinic's card/mada gateway for what I owe. The gateway sends me back to
// #/invoices/<invoice>/checkout/<checkout>; the payment is recorded by the gateway's signed webhook, never by my
// return, so this screen asks the service until the checkout has ended.

import { bdi, el } from '../common/dom.js';

const PAYABLE = ['issued', 'partially_paid'];
const POLL_MS = 1000;
const POLL_TRIES = 30;

/** Whose invoices this account sees: its own and those of patients who granted billing.read. */
export function invoicePatients(me) {
  const own = me.patientId && me.permissions.includes('billing.read.own') ? [me.patientId] : [];
  return own.concat((me.family || []).filter((f) => f.scopes.includes('billing.read')).map((f) => f.patientId));
}

/** Whether this account may pay this patient's invoices online: its own, or a family grant with both scopes. */
function mayPay(ctx, patientId) {
  if (!ctx.can('billing.pay.own')) {
    return false;
  }
  if (patientId === ctx.me.patientId) {
    return true;
  }
  return (ctx.me.family || []).some((f) => f.patientId === patientId
    && f.scopes.includes('billing.read') && f.scopes.includes('billing.pay'));
}

function money(ctx, amount) {
  const format = new Intl.NumberFormat(ctx.formats.tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return format.format(Number(amount));
}

export async function renderInvoices(ctx, container, [invoiceId, step, checkoutId] = []) {
  const { t } = ctx;
  const notice = el('div', { class: 'payment-notice', role: 'status', 'aria-live': 'polite' });
  const list = el('div', {});
  container.replaceChildren(el('div', { class: 'screen-head' }, el('h1', {}, t('portal.invoices.title'))), notice, list);
  let stopped = false;
  const draw = async () => {
    const [page, online] = await Promise.all([
      ctx.api.get('/v1/invoices', { kind: 'invoice', limit: 100 }),
      ctx.can('billing.pay.own') ? ctx.api.get('/v1/billing/online-payments') : Promise.resolve({ available: false }),
    ]);
    const items = page.items.filter((i) => i.status !== 'draft');
    list.replaceChildren(items.length
      ? el('ul', { class: 'cards', 'aria-label': t('portal.invoices.title') }, items.map((i) => el('li', {}, card(ctx, i, online))))
      : el('p', { class: 'empty' }, t('portal.invoices.none')));
  };
  await draw();
  if (invoiceId && step === 'checkout' && checkoutId) {
    follow(ctx, notice, invoiceId, checkoutId, draw, () => stopped);
  }
  return () => { stopped = true; };
}

function card(ctx, invoice, online) {
  const { t, formats } = ctx;
  const heading = el('h3', { id: `inv-${invoice.id}` }, bdi(invoice.number || ''));
  const actions = el('div', { class: 'actions' });
  if (PAYABLE.includes(invoice.status) && mayPay(ctx, invoice.patientId)) {
    if (online.available) {
      const pay = el('button', { type: 'button', class: 'primary pay-now', 'aria-describedby': heading.id },
        t('portal.invoices.pay_now'));
      pay.addEventListener('click', () => startPayment(ctx, invoice, pay, actions));
      actions.append(pay);
    } else {
      const hint = el('p', { class: 'hint', id: `inv-${invoice.id}-offline` }, online.message || '');
      actions.append(el('button', { type: 'button', class: 'pay-now', disabled: 'disabled', 'aria-describedby': hint.id },
        t('portal.invoices.online_unavailable')), hint);
    }
  }
  const forSomeoneElse = invoice.patientId !== ctx.me.patientId && invoice.patientName;
  return el('article', { class: `invoice status-${invoice.status}`, 'data-id': invoice.id, 'aria-labelledby': heading.id },
    heading,
    invoice.issuedAt ? el('p', { class: 'when' }, el('time', { datetime: invoice.issuedAt }, formats.date(invoice.issuedAt))) : null,
    forSomeoneElse ? el('p', {}, t('portal.invoices.for'), ' ', bdi(invoice.patientName)) : null,
    el('p', { class: 'status-line' }, el('span', { class: 'invoice-status' }, t(`portal.invoices.status.${invoice.status}`))),
    el('dl', { class: 'amounts' },
      el('dt', {}, t('portal.invoices.total')), el('dd', { class: 'total' }, bdi(t('portal.invoices.money', { amount: money(ctx, invoice.total) }))),
      el('dt', {}, t('portal.invoices.due')), el('dd', { class: 'due' }, bdi(t('portal.invoices.money', { amount: money(ctx, invoice.balanceDue) })))),
    actions);
}

async function startPayment(ctx, invoice, button, actions) {
  button.disabled = true;
  const said = el('p', { class: 'hint', role: 'status' }, ctx.t('portal.invoices.paying'));
  actions.querySelectorAll('.alert').forEach((old) => old.remove());
  actions.append(said);
  try {
    const checkout = await ctx.api.post(`/v1/invoices/${invoice.id}/checkout`, undefined,
      { 'Idempotency-Key': crypto.randomUUID() });
    window.location.assign(checkout.paymentUrl);
  } catch (error) {
    said.remove();
    button.disabled = false;
    actions.append(el('p', { class: 'alert', role: 'alert' }, ctx.problem(error)));
  }
}

/** Back from the gateway: ask until the webhook has recorded the payment (or the checkout ended without one). */
async function follow(ctx, notice, invoiceId, checkoutId, redraw, stopped) {
  const { t } = ctx;
  notice.replaceChildren(el('p', {}, t('portal.invoices.waiting')));
  for (let i = 0; i < POLL_TRIES && !stopped(); i++) {
    let checkout;
    try {
      checkout = await ctx.api.get(`/v1/invoices/${encodeURIComponent(invoiceId)}/checkouts/${encodeURIComponent(checkoutId)}`);
    } catch (error) {
      notice.replaceChildren(el('p', { class: 'alert', role: 'alert' }, ctx.problem(error)));
      return;
    }
    if (checkout.status === 'paid') {
      const amount = money(ctx, checkout.amount);
      notice.replaceChildren(el('p', { class: 'success' }, t(checkout.invoiceStatus === 'paid'
        ? 'portal.invoices.paid' : 'portal.invoices.paid_part', { amount })));
      await redraw();
      return;
    }
    if (checkout.status !== 'initiated') {
      notice.replaceChildren(el('p', { class: 'alert', role: 'alert' },
        t('portal.invoices.not_paid', { reason: checkout.failure ? checkout.failure.reason : checkout.statusLabel })));
      return;
    }
    await new Promise((resolve) => { window.setTimeout(resolve, POLL_MS); });
  }
  if (!stopped()) {
    notice.replaceChildren(el('p', {}, t('portal.invoices.still_waiting')));
  }
}
