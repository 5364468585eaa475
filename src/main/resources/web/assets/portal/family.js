// Family: the patients who let this account in (their upcoming appointments, booking for them when they allowed
// it), and for a patient the family members they let in, with what each may see or do.

import { bdi, el, field } from '../common/dom.js';
import { latinDigits } from '../common/i18n.js';
import { card } from './appointments.js';

export function hasFamily(me) {
  return (me.family || []).length > 0 || me.permissions.includes('family.manage.own') && Boolean(me.patientId);
}

export async function renderFamily(ctx, container) {
  const { t, me } = ctx;
  container.replaceChildren(el('h1', {}, t('portal.family.title')));
  for (const grant of me.family || []) {
    container.append(await granted(ctx, grant));
  }
  if (me.patientId && ctx.can('family.manage.own')) {
    container.append(await members(ctx, me.patientId));
  }
}

const SCOPES = ['patients.read', 'appointments.read', 'appointments.write', 'medical_records.read', 'billing.read', 'billing.pay', 'intake_forms.write'];
const RELATIONSHIPS = ['parent', 'child', 'spouse', 'sibling', 'guardian', 'other'];

/** The family members this patient let in: what each may see or do, changed in place; letting someone new in. */
async function members(ctx, patientId) {
  const { t } = ctx;
  const base = `/v1/patients/${patientId}/family-members`;
  const section = el('section', { class: 'card', 'aria-labelledby': 'members-title' });
  const message = el('p', { class: 'alert', role: 'alert', hidden: true });
  const failed = (error) => {
    message.hidden = false;
    message.textContent = typeof error === 'string' ? error : ctx.problem(error);
  };
  const draw = async (focusOn) => {
    const items = (await ctx.api.get(base)).items || [];
    section.replaceChildren(
      el('h2', { id: 'members-title' }, t('portal.family.my_members')),
      el('p', { class: 'muted' }, t('portal.family.members_intro')),
      message,
      items.length ? el('ul', { class: 'plain members' }, items.map((m) => el('li', {}, memberForm(ctx, m, base, draw, failed))))
        : el('p', { class: 'empty' }, t('portal.family.no_members')),
      addForm(ctx, base, draw, failed));
    const target = focusOn && section.querySelector(focusOn);
    if (target) target.focus();
  };
  await draw();
  return section;
}

function scopeBoxes(ctx, chosen, prefix) {
  const boxes = SCOPES.map((scope) => el('label', { class: 'choice-inline' },
    el('input', { type: 'checkbox', name: `${prefix}-scope`, value: scope, checked: chosen.includes(scope) }), ' ',
    ctx.t(`portal.family.scope.${scope}`)));
  return el('fieldset', { class: 'checks' }, el('legend', {}, ctx.t('portal.family.scopes')), boxes);
}

function relationshipSelect(ctx, value, prefix) {
  return el('select', { name: `${prefix}-relationship` }, RELATIONSHIPS.map((code) =>
    el('option', { value: code, selected: code === value }, relationship(ctx, code))));
}

function checked(form) {
  return [...form.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
}

function memberForm(ctx, member, base, redraw, failed) {
  const { t } = ctx;
  const name = ctx.name(member.name) || member.email || member.phone || t('portal.family.member');
  const titleId = `member-${member.id}`;
  const relation = relationshipSelect(ctx, member.relationship, member.id);
  const save = el('button', { type: 'submit', class: 'primary' }, t('portal.family.save'));
  const revoke = el('button', {
    type: 'button', class: 'danger',
    onclick: async () => {
      const answer = await ctx.ask({
        title: t('portal.family.revoke_title', { name }), body: t('portal.family.revoke_body'),
        ok: t('portal.family.revoke'), danger: true,
      });
      if (!answer) return;
      try {
        await ctx.api.delete(`${base}/${member.id}`);
        ctx.announce(t('portal.family.revoked', { name }));
        await redraw('h2');
      } catch (error) {
        failed(error);
      }
    },
  }, t('portal.family.revoke'));
  const form = el('form', { class: 'member', 'data-member': member.id, 'aria-labelledby': titleId, novalidate: true },
    el('h3', { id: titleId }, bdi(name), ' ', el('span', { class: 'muted' }, '(', relationship(ctx, member.relationship), ')')),
    member.email || member.phone ? el('p', { class: 'muted' }, el('bdi', { dir: 'ltr' }, member.email || member.phone)) : null,
    field(t('portal.family.relationship_label'), relation),
    scopeBoxes(ctx, member.scopes, member.id),
    el('div', { class: 'actions' }, save, revoke));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    save.disabled = true;
    try {
      await ctx.api.patch(`${base}/${member.id}`, { relationship: relation.value, scopes: checked(form) });
      ctx.announce(t('portal.family.saved', { name }));
      await redraw(`form[data-member="${member.id}"] button.primary`);
    } catch (error) {
      failed(error);
      save.disabled = false;
    }
  });
  return form;
}

function addForm(ctx, base, redraw, failed) {
  const { t } = ctx;
  const who = el('input', { type: 'text', name: 'who', dir: 'ltr', autocomplete: 'off', maxlength: '254', required: true });
  const relation = relationshipSelect(ctx, 'child', 'new');
  const submit = el('button', { type: 'submit', class: 'primary' }, t('portal.family.add'));
  const form = el('form', { class: 'member add', novalidate: true, 'aria-labelledby': 'add-member-title' },
    el('h3', { id: 'add-member-title' }, t('portal.family.add_title')),
    field(t('portal.family.who'), who, t('portal.family.who_hint')),
    field(t('portal.family.relationship_label'), relation),
    scopeBoxes(ctx, ['appointments.read'], 'new'),
    el('div', { class: 'actions' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const value = latinDigits(who.value.trim());
    if (!value) {
      failed(t('web.required', { field: t('portal.family.who') }));
      who.focus();
      return;
    }
    submit.disabled = true;
    try {
      await ctx.api.post(base, {
        ...(value.includes('@') ? { email: value } : { phone: value }),
        relationship: relation.value, scopes: checked(form),
      });
      ctx.announce(t('portal.family.added'));
      await redraw('form.add input[name=who]');
    } catch (error) {
      failed(error);
      submit.disabled = false;
      who.focus();
    }
  });
  return form;
}

async function granted(ctx, grant) {
  const { t } = ctx;
  let name = t('portal.family.member');
  if (grant.scopes.includes('patients.read')) {
    try {
      name = ctx.name((await ctx.api.get(`/v1/patients/${grant.patientId}`)).name);
    } catch (error) {
      // the name stays general
    }
  }
  const titleId = `family-${grant.patientId}`;
  const section = el('section', { class: 'card family', 'aria-labelledby': titleId },
    el('h2', { id: titleId }, bdi(name)),
    el('p', { class: 'muted' }, t('portal.family.may'), ' ', scopes(ctx, grant.scopes)));
  if (grant.scopes.includes('appointments.write')) {
    section.append(el('p', {}, el('a', { class: 'button primary', href: `#/book/for/${grant.patientId}` },
      t('portal.family.book_for', { name }))));
  }
  if (grant.scopes.includes('appointments.read')) {
    const upcoming = await ctx.api.all('/v1/appointments', { patientId: grant.patientId, from: new Date().toISOString() }, 50);
    section.append(el('h3', {}, t('portal.appointments.upcoming')),
      upcoming.length ? el('ul', { class: 'cards' }, upcoming.map((a) => el('li', {}, card(ctx, a))))
        : el('p', { class: 'empty' }, t('portal.appointments.none_upcoming')));
  }
  return section;
}

function scopes(ctx, codes) {
  return new Intl.ListFormat(ctx.language, { type: 'conjunction' }).format(codes.map((s) => ctx.t(`family_scope.${s}`)));
}

function relationship(ctx, code) {
  const key = `portal.family.relationship.${code}`;
  const label = ctx.t(key);
  return label === key ? code : label;
}
